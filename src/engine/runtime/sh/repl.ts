// A shell that reads its commands as they come, keeping its state (cwd, variables, functions) between
// them: on a terminal, the interactive loop (PS1/PS2 prompts, line editing or the terminal's cooked mode,
// ^C, ^D, `exit`, bash's `exit` line); without one, a script read from stdin command by command, so a
// pipe or a keyboard feeds it line by line.
// mirrors: busybox shell/ash.c (cmdloop, preadfd), dash src/main.c (cmdloop)

import { editLine, type EditResult } from './line-edit';
import { parseCached } from './parser';
import { expandPrompt, type ShellProfile } from './prompt';
import type { Pty } from './pty';
import type { Shell } from './shell';
import { AbortScope, signalStatus, type ShellSignal } from './signal';
import { abortableRead, type InputStream, type OutputStream } from './streams';
import { ShellSyntaxError } from './errors';
import { resolvePath } from './fs';

/** Where an interactive session reads and writes: a terminal, or plain streams. */
export type ReplIO = { pty: Pty } | { stdin: InputStream; stdout: OutputStream; stderr: OutputStream };

/** Runs the shell on its input until `exit`, end of input or the lifetime signal; returns the exit status. */
export function runRepl(shell: Shell, profile: ShellProfile, io: ReplIO, lifetime: ShellSignal, idle?: () => void): Promise<number> {
  return 'pty' in io ? interactive(shell, profile, io.pty, lifetime) : fromStdin(shell, io.stdin, io.stdout, io.stderr, lifetime, idle);
}

/** Tab completion: command names for the first word, file names otherwise. */
function completer(shell: Shell): (word: string, first: boolean) => string[] {
  return (word, first) => {
    if (first && !word.includes('/')) return shell.commandNames().filter((n) => n.startsWith(word)).map((n) => n + ' ');
    const cut = word.lastIndexOf('/') + 1;
    const dir = word.slice(0, cut);
    const base = word.slice(cut);
    const abs = resolvePath(shell.cwd, dir || '.');
    let names: string[];
    try {
      names = shell.fs.readdir(abs);
    } catch {
      return [];
    }
    return names
      .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
      .sort()
      .map((n) => dir + n + (shell.fs.stat(resolvePath(abs, n))?.type === 'dir' ? '/' : ' '));
  };
}

async function interactive(shell: Shell, profile: ShellProfile, pty: Pty, lifetime: ShellSignal): Promise<number> {
  const out = pty.stdout;
  if (shell.getVar('PS1') === undefined) shell.setVar('PS1', profile.ps1);
  if (shell.getVar('PS2') === undefined) shell.setVar('PS2', profile.ps2);
  const history: string[] = [];
  const complete = completer(shell);
  let pending: string | null = null;
  for (;;) {
    if (lifetime.aborted) return signalStatus(lifetime.reason ?? 'SIGKILL');
    const prompt = expandPrompt(shell.getVar(pending === null ? 'PS1' : 'PS2') ?? '', profile.kind, {
      cwd: shell.cwd,
      home: shell.getVar('HOME'),
      user: 'root',
      uid: 0,
      hostname: shell.hostname,
      name: profile.name,
      version: profile.version,
      now: shell.now(),
      getVar: (n) => shell.getVar(n),
    });
    const reading = new AbortScope(lifetime);
    pty.foreground = reading;
    let res: EditResult;
    if (profile.editing) res = await editLine(pty, prompt, { history, signal: reading, complete });
    else {
      // dash: the prompt, then a line from the terminal's cooked mode (it echoed ^C itself).
      pty.write(prompt.text);
      const item = await pty.readCooked(reading);
      if (reading.aborted) res = { kind: 'interrupt' };
      else res = item === null ? { kind: 'eof' } : { kind: 'line', text: item.replace(/\n$/, '') };
    }
    pty.foreground = null;
    reading.dispose();
    if (lifetime.aborted) return signalStatus(lifetime.reason ?? 'SIGKILL');
    if (res.kind === 'interrupt') {
      pty.writeRaw(profile.editing ? '^C\r\n' : '\r\n');
      shell.state.status = signalStatus('SIGINT');
      pending = null;
      continue;
    }
    if (res.kind === 'eof') {
      // A command cut short by the end of input is a syntax error, reported before leaving.
      if (pending !== null) await shell.run(pending, { io: { stdin: pty.stdin(lifetime), stdout: out, stderr: out }, signal: lifetime });
      pty.write(profile.saysExit ? 'exit\n' : '\n');
      await shell.finish({ io: { stdout: out, stderr: out } });
      return shell.lastStatus;
    }
    if (profile.editing && res.text.trim()) history.push(res.text);
    const text: string = pending === null ? res.text : `${pending}\n${res.text}`;
    if (!shell.isComplete(text)) {
      pending = text;
      continue;
    }
    pending = null;
    if (!text.trim()) continue;
    const cmd = new AbortScope(lifetime);
    pty.foreground = cmd;
    await shell.run(text, { io: { stdin: pty.stdin(cmd), stdout: out, stderr: out }, signal: cmd });
    pty.foreground = null;
    // A command killed by ^C leaves the cursor after the echoed ^C: the shell starts a new line.
    if (cmd.aborted && cmd.reason === 'SIGINT' && !lifetime.aborted) pty.write('\n');
    cmd.dispose();
    if (shell.exitStatus !== null) {
      if (profile.saysExit) pty.write('exit\n');
      return shell.exitStatus;
    }
  }
}

async function fromStdin(shell: Shell, stdin: InputStream, stdout: OutputStream, stderr: OutputStream, lifetime: ShellSignal, idle?: () => void): Promise<number> {
  const io = { stdin, stdout, stderr };
  let pending: string | null = null;
  let start = 0;
  let lines = 0;
  for (;;) {
    idle?.();
    const line = await abortableRead(stdin.readLine(), lifetime, null);
    if (lifetime.aborted) return signalStatus(lifetime.reason ?? 'SIGKILL');
    if (line === null) break;
    if (pending === null) start = lines;
    lines++;
    const text: string = pending === null ? line : `${pending}\n${line}`;
    if (!shell.isComplete(text)) {
      pending = text;
      continue;
    }
    pending = null;
    const st = await shell.run(text, { io, signal: lifetime, mode: 'stdin', lineOffset: start, moreInput: true });
    if (shell.exitStatus !== null) return shell.exitStatus;
    // A non-interactive shell gives up at a syntax error.
    if (parseCached(text) instanceof ShellSyntaxError) return st;
  }
  if (pending !== null) {
    const st = await shell.run(pending, { io, signal: lifetime, mode: 'stdin', lineOffset: start });
    return shell.exitStatus ?? st;
  }
  await shell.finish({ io, mode: 'stdin' });
  return lifetime.aborted ? signalStatus(lifetime.reason ?? 'SIGKILL') : shell.lastStatus;
}
