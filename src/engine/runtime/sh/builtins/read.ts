// read: one line from stdin split on IFS into variables (-r -p -t -n -s -d).

import { BufferedInput, abortableRead, type InputStream } from '../streams';
import { AbortScope } from '../signal';
import { badOption, isName, type Builtin } from './types';

const USAGE = 'read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]';

/** Reads up to a delimiter (or n characters), one chunk at a time through the stream's line reader. */
async function readRecord(stdin: InputStream, delim: string, nchars: number): Promise<{ text: string; eof: boolean }> {
  if (delim === '\n' && nchars < 0) {
    const line = await stdin.readLine();
    // A last line without its newline is still assigned, but read reports end of input.
    return line === null ? { text: '', eof: true } : { text: line, eof: stdin instanceof BufferedInput && stdin.exhausted };
  }
  // -d and -n are approximated on whole lines: the rest of the line is consumed too.
  const line = await stdin.readLine();
  if (line === null) return { text: '', eof: true };
  let text = line;
  if (delim !== '\n') {
    const i = text.indexOf(delim);
    if (i >= 0) text = text.slice(0, i);
  }
  if (nchars >= 0) text = text.slice(0, nchars);
  return { text, eof: false };
}

export const readBuiltin: Builtin = async (argv, sh, io) => {
  let raw = false;
  let prompt = '';
  let timeout = -1;
  let nchars = -1;
  let delim = '\n';
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    for (let k = 1; k < a.length; k++) {
      const c = a[k];
      if (c === 'r') raw = true;
      else if (c === 's' || c === 'e') continue;
      else if ('ptndau'.includes(c)) {
        const val = a.slice(k + 1) || argv[++i];
        if (val === undefined) {
          await sh.err(`-${c}: option requires an argument`, 'read', io.stderr);
          await io.stderr.write(`read: usage: ${USAGE}\n`);
          return 2;
        }
        if (c === 'p') prompt = val;
        else if (c === 't') timeout = Number(val);
        else if (c === 'n') nchars = Number(val);
        else if (c === 'd') delim = val[0] ?? '\n';
        break;
      } else return badOption(sh, io, 'read', `-${c}`, USAGE);
    }
  }
  const names = argv.slice(i);
  for (const n of names) {
    if (!isName(n)) {
      await sh.err(`\`${n}': not a valid identifier`, 'read', io.stderr);
      return 1;
    }
  }
  if (prompt) await io.stderr.write(prompt);
  let text = '';
  let eof = false;
  const scope = new AbortScope(sh.signal);
  let timedOut = false;
  if (timeout >= 0) {
    void sh.shared.sleep(timeout * 1000, scope).then(() => {
      if (!scope.aborted) {
        timedOut = true;
        scope.abort('SIGTERM');
      }
    });
  }
  try {
    for (;;) {
      const r = await abortableRead(readRecord(io.stdin, delim, nchars), scope, { text: '', eof: true });
      eof = r.eof;
      // Without -r a trailing backslash continues the line.
      if (!raw && !eof && r.text.endsWith('\\') && !r.text.endsWith('\\\\')) {
        text += r.text.slice(0, -1);
        continue;
      }
      text += r.text;
      break;
    }
  } finally {
    const aborted = scope.aborted;
    scope.abort('SIGTERM');
    scope.dispose();
    if (aborted && !timedOut) sh.checkSignal();
  }
  if (timedOut) return 142;
  if (!raw) text = text.replace(/\\(.)/g, '$1');
  assign(sh.state, names.length ? names : ['REPLY'], text, names.length ? sh.getVar('IFS') ?? ' \t\n' : null);
  return eof ? 1 : 0;
};

/** Splits on IFS: each name takes one field, the last takes the rest of the line. */
function assign(state: { set(n: string, v: string): boolean }, names: string[], text: string, ifs: string | null): void {
  if (ifs === null) {
    state.set(names[0], text);
    return;
  }
  const ws = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('');
  const isWs = (c: string): boolean => ws.includes(c);
  const isSep = (c: string): boolean => ifs.includes(c);
  let pos = 0;
  const skipWs = (): void => {
    while (pos < text.length && isWs(text[pos])) pos++;
  };
  skipWs();
  for (let k = 0; k < names.length; k++) {
    if (k === names.length - 1) {
      let rest = text.slice(pos);
      let end = rest.length;
      while (end > 0 && isWs(rest[end - 1])) end--;
      rest = rest.slice(0, end);
      state.set(names[k], rest);
      return;
    }
    const start = pos;
    while (pos < text.length && !isSep(text[pos])) pos++;
    state.set(names[k], text.slice(start, pos));
    skipWs();
    if (pos < text.length && isSep(text[pos]) && !isWs(text[pos])) {
      pos++;
      skipWs();
    }
  }
}
