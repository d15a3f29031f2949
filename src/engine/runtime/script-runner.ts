// Runs container shell scripts (command/args, exec probes, kubectl exec) in the busybox-flavoured
// interpreter on the simulated clock, with commands that reach the simulated network.

import type { SimClock } from '../clock/clock';
import type { AsyncWork } from '../clock/async-work';
import type { ScriptRunner, ScriptRunOptions } from '../nodes/types';
import { createShell } from './sh/shell';
import { AbortScope, type ShellSignal } from './sh/signal';
import { callbackOutput, StringInput } from './sh/streams';
import type { CommandTable } from './sh/types';
import { runRepl } from './sh/repl';

/** runc sets HOME from the user's passwd entry when the image and pod leave it unset (root: /root). */
function withHome(env: Record<string, string>): Record<string, string> {
  return env.HOME === undefined ? { ...env, HOME: '/root' } : env;
}

/** A sleep on the simulated clock that keeps AsyncWork balanced and wakes early on a signal. */
export function simSleep(clock: SimClock, work: AsyncWork, ms: number, signal: ShellSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  work.suspended();
  return new Promise((resolve) => {
    let done = false;
    const wake = () => {
      if (done) return;
      done = true;
      off();
      work.resume(resolve);
    };
    const id = clock.setTimeout(wake, Math.max(0, ms));
    const off = signal.onAbort(() => {
      clock.clearTimeout(id);
      wake();
    });
  });
}

export function createScriptRunner(clock: SimClock, work: AsyncWork, commands: (opts: ScriptRunOptions) => CommandTable = () => ({})): ScriptRunner {
  return {
    run(script: string, opts: ScriptRunOptions): Promise<number> {
      const scope = new AbortScope();
      opts.abort.onAbort(() => scope.abort('SIGKILL'));
      const pty = opts.pty;
      const stdin = pty ? pty.stdin(scope) : typeof opts.stdin === 'object' ? opts.stdin : new StringInput(opts.stdin ?? '');
      const stdout = pty ? pty.stdout : callbackOutput(opts.stdout);
      const stderr = pty ? pty.stdout : callbackOutput(opts.stderr);
      const shell = createShell({
        flavor: 'busybox',
        now: () => clock.now(),
        sleep: (ms, signal) => simSleep(clock, work, ms, signal),
        fs: opts.fs,
        env: withHome(opts.env),
        hostname: opts.hostname,
        signal: scope,
        commands: commands(opts),
        io: { stdin, stdout, stderr },
        yieldToHost: () => simSleep(clock, work, 1, scope),
        interactive: !!(opts.repl && pty),
        name: opts.repl?.name,
      });
      if (pty && opts.onInputWait) pty.onWait = opts.onInputWait;
      if (opts.repl) return runRepl(shell, opts.repl, pty ? { pty } : { stdin, stdout, stderr }, scope, opts.onInputWait);
      // A program on a terminal gets SIGINT from ^C.
      if (pty) pty.foreground = scope;
      return shell.run(script);
    },
  };
}
