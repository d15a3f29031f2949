// Interactive runs for command tests: a command line runs with a keyboard terminal as stdin, keys are typed
// at given simulated times (or once the screen shows some text), and the result is what a terminal screen
// would show. Keys reach the terminal as the page sends them: only once something reads them (or the
// terminal is raw). Simulated time jumps while everything waits, like the transcript runner.

import type { Harness } from './harness';
import { AbortScope } from '../../../../src/engine/runtime/sh/signal';
import { KeyboardTerminal, type KeyboardMode } from '../../../../src/engine/runtime/sh/keyboard';
import { FakeScreen } from '../../../ui/terminal/screen';

/** Keys to type: after `wait` appears on the screen (if given), `delay` ms of simulated time later (default 500). */
export interface Keys {
  keys: string;
  wait?: string | RegExp;
  delay?: number;
}

export interface Typed {
  /** The screen as it ends (LF is CR LF, like the page's xterm). */
  screen: string;
  /** Every byte written, as written. */
  raw: string;
  code: number;
  /** Modes the terminal went through. */
  modes: KeyboardMode[];
}

const yieldHost = () => new Promise<void>((r) => setImmediate(r));

/** Runs `line` in the harness's session with a keyboard; `steps` are typed in order. */
export async function typed(h: Harness, line: string, steps: (Keys | string)[], opts: { cols?: number; limitMs?: number } = {}): Promise<Typed> {
  const { cluster, session } = h;
  const screen = new FakeScreen(opts.cols ?? 80);
  let raw = '';
  const write = (t: string) => {
    raw += t;
    screen.write(t);
  };
  const sink = { write, isTTY: true, columns: opts.cols ?? 80 };
  const scope = new AbortScope();
  const term = new KeyboardTerminal(write, { cols: opts.cols ?? 80, rows: 24 }, scope);
  const modes: KeyboardMode[] = [];
  // Like the page: keys wait as typeahead while nothing reads them; ^C then interrupts the command.
  let typeahead = '';
  term.onMode = (m) => {
    modes.push(m);
    if (m !== 'off' && typeahead) {
      const t = typeahead;
      typeahead = '';
      term.type(t);
    }
  };
  const press = (keys: string) => {
    if (term.mode !== 'off') return term.type(keys);
    const c = keys.indexOf('\x03');
    if (c < 0) return void (typeahead += keys);
    typeahead = '';
    write('^C\r\n');
    scope.abort('SIGINT');
  };
  const queue = steps.map((s) => (typeof s === 'string' ? { keys: s } : s));
  cluster.clock.flush();
  await yieldHost();
  let done = false;
  let code = 0;
  const p = session.run(line, { stdout: sink, stderr: sink, stdin: term }, scope).then((c) => {
    code = c;
    done = true;
  });
  const start = cluster.clock.now();
  const limit = opts.limitMs ?? 10 * 60_000;
  let scheduled = false;
  for (;;) {
    await yieldHost();
    if (done) break;
    const next = queue[0];
    if (next && !scheduled && (!next.wait || matches(screen.text(), next.wait))) {
      scheduled = true;
      cluster.clock.setTimeout(() => {
        queue.shift();
        scheduled = false;
        press(next.keys);
      }, next.delay ?? 500);
      continue;
    }
    const due = cluster.clock.nextDue();
    if (due === undefined || due - start > limit) {
      scope.abort('SIGINT');
      await p;
      break;
    }
    cluster.clock.advanceTo(due);
  }
  await p;
  term.hangup();
  return { screen: screen.text(), raw, code, modes };
}

function matches(text: string, w: string | RegExp): boolean {
  return typeof w === 'string' ? text.includes(w) : w.test(text);
}
