// The shell's own wording, per flavour: bash (terminal) and busybox ash. Utilities keep theirs in
// utils/; this file holds what the shell itself prints (prefixes, not found, redirections, syntax).

import type { SyntaxDetail } from './errors';
import type { Errno } from './fs';
import { ERRNO_TEXT } from './fs';
import type { Flavor } from './types';

/** How the shell was started: it decides whether messages carry "line N:" (`stdin`: a script read from stdin). */
export type ShellMode = 'interactive' | 'string' | 'file' | 'stdin';

export interface MessageSite {
  readonly flavor: Flavor;
  readonly mode: ShellMode;
  /** $0: "bash", "sh", or a script's path. */
  readonly arg0: string;
  /** 1-based line of the running command. */
  readonly line: number;
}

/**
 * The prefix of a shell message, e.g. `bash: `, `bash: line 3: cd: `, `sh: cd: line 0: `.
 * busybox numbers `sh -c` lines from 0 and names the line only for builtins or scripts.
 */
export function prefix(site: MessageSite, builtin?: string): string {
  if (site.flavor === 'terminal') {
    let p = `${site.arg0}: `;
    if (site.mode !== 'interactive') p += `line ${site.line}: `;
    if (builtin) p += `${builtin}: `;
    return p;
  }
  let p = `${site.arg0}: `;
  const commandName = builtin ?? (site.mode === 'file' ? site.arg0 : undefined);
  if (commandName) {
    if (commandName !== site.arg0) p += `${commandName}: `;
    if (site.mode !== 'interactive') p += `line ${site.mode === 'string' ? site.line - 1 : site.line}: `;
  }
  return p;
}

export function notFound(site: MessageSite, name: string): string {
  if (site.flavor === 'busybox') return `${prefix(site)}${name}: not found\n`;
  if (name.includes('/')) return `${prefix(site)}${name}: No such file or directory\n`;
  return `${prefix(site)}${name}: command not found\n`;
}

/** A redirection that could not be opened. */
export function redirectError(site: MessageSite, file: string, code: Errno | 'noclobber', forWriting: boolean): string {
  if (site.flavor === 'busybox') {
    if (code === 'noclobber') return `${prefix(site)}can't create ${file}: File exists\n`;
    if (forWriting) return `${prefix(site)}can't create ${file}: ${code === 'ENOENT' || code === 'ENOTDIR' ? 'nonexistent directory' : ERRNO_TEXT[code]}\n`;
    return `${prefix(site)}can't open ${file}: ${code === 'ENOENT' ? 'no such file' : ERRNO_TEXT[code]}\n`;
  }
  if (code === 'noclobber') return `${prefix(site)}${file}: cannot overwrite existing file\n`;
  return `${prefix(site)}${file}: ${ERRNO_TEXT[code]}\n`;
}

export function badFd(site: MessageSite, fd: string): string {
  return `${prefix(site)}${fd}: Bad file descriptor\n`;
}

export function ambiguousRedirect(site: MessageSite, word: string): string {
  if (site.flavor === 'busybox') return `${prefix(site)}${word}: ambiguous redirect\n`;
  return `${prefix(site)}${word}: ambiguous redirect\n`;
}

/** Running a file that is a directory or not executable. */
export function cannotExecute(site: MessageSite, path: string, code: 'EISDIR' | 'EACCES'): string {
  if (site.flavor === 'busybox') return `${prefix(site)}${path}: Permission denied\n`;
  return `${prefix(site)}${path}: ${code === 'EISDIR' ? 'Is a directory' : 'Permission denied'}\n`;
}

export function readonlyVar(site: MessageSite, name: string): string {
  if (site.flavor === 'busybox') return `${prefix(site)}${name}: is read only\n`;
  return `${prefix(site)}${name}: readonly variable\n`;
}

/** A syntax error as the shell reports it (bash adds the offending line when not interactive). */
export function syntaxError(site: MessageSite, d: SyntaxDetail, sourceLine: string | null): string {
  if (site.flavor === 'busybox') {
    const p = site.mode === 'file' ? `${site.arg0}: line ${site.line}: ` : `${site.arg0}: `;
    switch (d.kind) {
      case 'token':
        if (d.atEof) return `${p}syntax error: unexpected end of file\n`;
        return `${p}syntax error: unexpected ${d.token === 'newline' ? 'newline' : `"${d.token}"`}\n`;
      case 'eof':
        return `${p}syntax error: unexpected end of file${d.expecting ? ` (expecting "${d.expecting}")` : ''}\n`;
      case 'match':
        if (d.char === '}') return `${p}syntax error: missing '}'\n`;
        if (d.char === ')') return `${p}syntax error: unexpected end of file (expecting ")")\n`;
        if (d.char === '`') return `${p}syntax error: EOF in backquote substitution\n`;
        return `${p}syntax error: unterminated quoted string\n`;
    }
  }
  const p = site.mode === 'interactive' ? `${site.arg0}: ` : site.mode === 'string' ? `${site.arg0}: -c: line ${site.line}: ` : `${site.arg0}: line ${site.line}: `;
  switch (d.kind) {
    case 'token': {
      let s = `${p}syntax error near unexpected token \`${d.token}'\n`;
      if (site.mode !== 'interactive' && sourceLine !== null) s += `${p}\`${sourceLine}'\n`;
      return s;
    }
    case 'eof':
      return `${p}syntax error: unexpected end of file\n`;
    case 'match':
      return `${p}unexpected EOF while looking for matching \`${d.char}'\n`;
  }
}

/** bash's job table line: `[1]+  Done                    sleep 5`. */
export function jobLine(id: number, marker: string, state: string, source: string): string {
  return `[${id}]${marker}  ${state.padEnd(24)}${source}\n`;
}
