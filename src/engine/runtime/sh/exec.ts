// Simple commands: alias substitution, expansion, assignments, redirections, then lookup in the
// order functions → shell builtins → registered commands (or a script file by path) → not found.

import type { Command, SimpleCommand, Word } from './ast';
import { BUILTINS, DECLARATION_BUILTINS } from './builtins/index';
import { ExpansionError, ReturnFromFunction } from './control';
import { createContext } from './context';
import { ShellSyntaxError } from './errors';
import { expandWord, expandWords } from './expand';
import { FsError, basename, resolvePath } from './fs';
import { Interp } from './interpreter';
import { cannotExecute, notFound, syntaxError } from './messages';
import { parseCached } from './parser';
import { applyRedirects, ioOf, type Fd } from './redirect';
import { signalStatus } from './signal';
import { ShellState, type Var } from './state';
import { BrokenPipe, type OutputStream } from './streams';
import type { CommandImpl } from './types';

const BIN_DIR = /^\/(usr\/)?(local\/)?s?bin\/[^/]+$/;
const ASSIGN_SHAPE = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

export async function runSimple(sh: Interp, cmd: SimpleCommand, fds: Fd[]): Promise<number> {
  sh.line = cmd.line + sh.lineOffset;
  sh.checkSignal();
  const words = cmd.words;
  if (words.length && sh.state.aliases.size) {
    const r = await runAlias(sh, cmd, fds);
    if (r !== null) return r;
  }
  sh.lastSubst = 0;
  const argv = words.length === 0 ? [] : DECLARATION_BUILTINS.has(words[0].literal ?? '') ? await expandDeclaration(sh, words) : await expandWords(words, sh);
  if (argv.length === 0) return assignOnly(sh, cmd, fds);
  let overlay: Map<string, string> | null = null;
  if (cmd.assigns.length) {
    overlay = new Map();
    for (const a of cmd.assigns) {
      const v = await expandWord(a.value, sh);
      overlay.set(a.name, a.append ? (sh.state.get(a.name) ?? '') + v : v);
    }
  }
  let io = fds;
  if (cmd.redirects.length) {
    const opened = await applyRedirects(sh, cmd.redirects, fds);
    if (!opened) return 1;
    io = opened;
  }
  if (sh.state.options.xtrace) await (io[2] as OutputStream).write(trace(sh, argv));
  const saved = sh.curFds;
  sh.curFds = io;
  try {
    return await invoke(sh, argv, io, overlay, false);
  } finally {
    sh.curFds = saved;
  }
}

/** `export A=$x`, `local B=…`: assignment-shaped arguments are not split or globbed. */
async function expandDeclaration(sh: Interp, words: readonly Word[]): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    const first = w.parts[0];
    if (first && first.type === 'lit' && ASSIGN_SHAPE.test(first.text)) out.push(await expandWord(w, sh));
    else out.push(...(await expandWords([w], sh)));
  }
  return out;
}

async function assignOnly(sh: Interp, cmd: SimpleCommand, fds: Fd[]): Promise<number> {
  const st = 0;
  for (const a of cmd.assigns) {
    const v = await expandWord(a.value, sh);
    const value = a.append ? (sh.state.get(a.name) ?? '') + v : v;
    if (!sh.state.set(a.name, value)) {
      // Like bash and ash: the command line is abandoned (a script exits).
      throw new ExpansionError(`${a.name}: readonly variable`, `${a.name}: is read only`);
    }
  }
  if (cmd.redirects.length && !(await applyRedirects(sh, cmd.redirects, fds))) return 1;
  return st || sh.lastSubst;
}

/** Replaces an aliased first word and runs the result (re-parsed, so aliases may hold `|`, `&&`, `;`). */
async function runAlias(sh: Interp, cmd: SimpleCommand, fds: Fd[]): Promise<number | null> {
  const first = cmd.words[0].parts;
  if (first.length !== 1 || first[0].type !== 'lit') return null;
  const name = first[0].text;
  const value = sh.state.aliases.get(name);
  if (value === undefined || sh.expandingAliases.has(name)) return null;
  let src = cmd.assigns.map((a) => `${a.name}${a.append ? '+' : ''}=${a.value.raw} `).join('') + value;
  for (let i = 1; i < cmd.words.length; i++) src += ' ' + cmd.words[i].raw;
  const parsed = parseCached(src);
  if (parsed instanceof ShellSyntaxError) {
    await (fds[2] as OutputStream).write(syntaxError(sh, parsed.detail, src));
    return 2;
  }
  let io = fds;
  if (cmd.redirects.length) {
    const opened = await applyRedirects(sh, cmd.redirects, fds);
    if (!opened) return 1;
    io = opened;
  }
  sh.expandingAliases.add(name);
  try {
    return await sh.runList(parsed.body, io);
  } finally {
    sh.expandingAliases.delete(name);
  }
}

/**
 * Runs argv. `programOnly` is execvp's view (for `timeout`, `xargs`, `env`): no functions or shell
 * builtins, only registered commands and script files.
 */
export async function invoke(sh: Interp, argv: string[], fds: Fd[], overlay: Map<string, string> | null, programOnly: boolean): Promise<number> {
  const name = argv[0];
  if (!programOnly) {
    const fn = sh.state.funcs.get(name);
    if (fn) return withOverlay(sh, overlay, () => runFunction(sh, fn, argv, fds));
    const b = BUILTINS.get(name);
    if (b) return withOverlay(sh, overlay, () => b(argv, sh, ioOf(fds)));
  }
  let impl = sh.shared.commands.get(name);
  if (!impl && name.includes('/')) {
    const path = resolvePath(sh.cwd, name);
    const st = sh.fs.stat(path);
    if (st?.type === 'dir') return fail(fds, cannotExecute(sh, name, 'EISDIR'), 126);
    if (st) {
      if (!(st.mode & 0o111)) return fail(fds, cannotExecute(sh, name, 'EACCES'), 126);
      return runScriptFile(sh, path, argv, fds, overlay);
    }
    if (BIN_DIR.test(path)) impl = sh.shared.commands.get(basename(path));
  }
  if (!impl) return fail(fds, notFound(sh, name), 127);
  return runImpl(sh, impl, argv, fds, overlay);
}

async function fail(fds: Fd[], text: string, status: number): Promise<number> {
  await (fds[2] as OutputStream).write(text);
  return status;
}

/** Runs a registered command, racing it against the signal so a stuck command cannot hold the shell. */
async function runImpl(sh: Interp, impl: CommandImpl, argv: string[], fds: Fd[], overlay: Map<string, string> | null): Promise<number> {
  const ctx = createContext(sh, fds, overlay);
  const signal = sh.signal;
  if (signal.aborted) return signalStatus(signal.reason!);
  let off: () => void = noop;
  try {
    const st = await new Promise<number>((resolve, reject) => {
      off = signal.onAbort((r) => resolve(signalStatus(r)));
      impl(argv, ctx).then(resolve, reject);
    });
    return signal.aborted ? signalStatus(signal.reason!) : st;
  } catch (e) {
    if (e instanceof BrokenPipe) return signalStatus('SIGPIPE');
    if (signal.aborted) return signalStatus(signal.reason!);
    const msg = e instanceof FsError ? `${e.path}: ${e.message}` : e instanceof Error ? e.message : String(e);
    await (fds[2] as OutputStream).write(`${argv[0]}: ${msg}\n`);
    return 1;
  } finally {
    off();
  }
}

function noop(): void {}

/** A script file run by path: a new shell process, $0 the path, with only exported variables. */
async function runScriptFile(sh: Interp, path: string, argv: string[], fds: Fd[], overlay: Map<string, string> | null): Promise<number> {
  let text: string;
  try {
    text = sh.fs.readFile(path);
  } catch (e) {
    if (e instanceof FsError) return fail(fds, cannotExecute(sh, argv[0], 'EACCES'), 126);
    throw e;
  }
  const state = sh.state.child();
  if (overlay) for (const [k, v] of overlay) state.set(k, v, true);
  state.arg0 = argv[0];
  state.positional = argv.slice(1);
  return runShellText(sh, state, text, 'file', fds);
}

/** Runs shell text in a new shell process with the given state (sh -c, scripts). */
export async function runShellText(sh: Interp, state: ShellState, text: string, mode: 'string' | 'file', fds: Fd[]): Promise<number> {
  const child = new Interp(sh.shared, state, sh.signal, mode, fds);
  const parsed = parseCached(text);
  if (parsed instanceof ShellSyntaxError) {
    child.line = parsed.line;
    const lineText = text.split('\n')[parsed.line - 1] ?? null;
    await (fds[2] as OutputStream).write(syntaxError(child, parsed.detail, lineText));
    return 2;
  }
  return child.runProcess(parsed.body, fds);
}

export async function runFunction(sh: Interp, body: Command, argv: string[], fds: Fd[]): Promise<number> {
  const st = sh.state;
  const savedPos = st.positional;
  st.positional = argv.slice(1);
  const frame = new Map<string, Var | undefined>();
  st.locals.push(frame);
  sh.funcDepth++;
  try {
    return await sh.runCommand(body, fds);
  } catch (e) {
    if (e instanceof ReturnFromFunction) return e.status;
    throw e;
  } finally {
    sh.funcDepth--;
    st.locals.pop();
    for (const [k, v] of frame) {
      if (v) st.vars.set(k, v);
      else st.vars.delete(k);
    }
    st.positional = savedPos;
  }
}

/** `A=1 f` / `IFS=: read …`: the assignments hold for the duration of a function or builtin. */
async function withOverlay(sh: Interp, overlay: Map<string, string> | null, fn: () => number | Promise<number>): Promise<number> {
  if (!overlay) return fn();
  const vars = sh.state.vars;
  const saved = new Map<string, Var | undefined>();
  for (const [k, v] of overlay) {
    const old = vars.get(k);
    if (old?.readonly) throw new ExpansionError(`${k}: readonly variable`, `${k}: is read only`);
    saved.set(k, old);
    vars.set(k, { value: v, exported: true, readonly: false });
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of saved) {
      if (v) vars.set(k, v);
      else vars.delete(k);
    }
  }
}

/** `set -x` output: `+ echo 'a b'`. */
function trace(sh: Interp, argv: string[]): string {
  const ps4 = sh.state.get('PS4') ?? '+ ';
  return ps4 + argv.map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ') + '\n';
}
