// Redirections: builds a command's descriptor table from its parent's (`>`, `>>`, `<`, `2>&1`,
// `&>`, here-documents and here-strings), reporting failures in each flavour's words.

import type { Redirect } from './ast';
import { expandWord } from './expand';
import { FsError, resolvePath } from './fs';
import type { Interp } from './interpreter';
import { ambiguousRedirect, badFd, redirectError } from './messages';
import { NULL_OUTPUT, StringInput, emptyInput, type InputStream, type OutputStream, type ShellIO } from './streams';

/** One open descriptor: something to read or something to write. */
export type Fd = InputStream | OutputStream;

export function isInput(fd: Fd | undefined): fd is InputStream {
  return !!fd && 'readLine' in fd;
}

export function isOutput(fd: Fd | undefined): fd is OutputStream {
  return !!fd && 'write' in fd;
}

/** The standard three streams of a descriptor table (a closed one reads empty / discards). */
export function ioOf(fds: Fd[]): ShellIO {
  const i = fds[0];
  const o = fds[1];
  const e = fds[2];
  return {
    stdin: isInput(i) ? i : emptyInput(),
    stdout: isOutput(o) ? o : NULL_OUTPUT,
    stderr: isOutput(e) ? e : NULL_OUTPUT,
  };
}

/** Writes into a file of the shell's file system, appending chunk by chunk (so `tail -f` sees them). */
function fileOutput(sh: Interp, path: string): OutputStream {
  return { write: (t: string) => sh.fs.writeFile(path, t, { append: true }) };
}

/** Applies redirections left to right; null (after printing why) when one cannot be done. */
export async function applyRedirects(sh: Interp, redirects: readonly Redirect[], fds: Fd[]): Promise<Fd[] | null> {
  const out = fds.slice();
  const errOut = (): OutputStream => (isOutput(out[2]) ? out[2] : NULL_OUTPUT);
  for (const r of redirects) {
    const op = r.op;
    const input = op === '<' || op === '<<' || op === '<<-' || op === '<<<' || op === '<&' || op === '<>';
    const fd = r.fd ?? (input ? 0 : 1);
    if (op === '<<' || op === '<<-') {
      const h = r.heredoc!;
      out[fd] = new StringInput(h.quoted ? h.body.literal ?? '' : await expandWord(h.body, sh));
      continue;
    }
    const target = await expandWord(r.target, sh);
    if (op === '<<<') {
      out[fd] = new StringInput(target + '\n');
      continue;
    }
    if (op === '>&' || op === '<&') {
      if (target === '-') {
        out[fd] = input ? emptyInput() : NULL_OUTPUT;
        continue;
      }
      const m = /^(\d+)-?$/.exec(target);
      if (m) {
        const src = out[Number(m[1])];
        if (!src || (input ? !isInput(src) : !isOutput(src))) {
          await errOut().write(badFd(sh, m[1]));
          return null;
        }
        out[fd] = src;
        // N>&M- moves the descriptor: M is closed afterwards.
        if (target.endsWith('-')) out[Number(m[1])] = input ? emptyInput() : NULL_OUTPUT;
        continue;
      }
      if (input || r.fd !== null) {
        await errOut().write(ambiguousRedirect(sh, r.target.raw));
        return null;
      }
      // `>&file` is `&>file`.
    }
    if (target === '') {
      await errOut().write(ambiguousRedirect(sh, r.target.raw));
      return null;
    }
    const path = resolvePath(sh.cwd, target);
    try {
      if (input) {
        if (path === '/dev/stdin') continue;
        out[fd] = new StringInput(sh.fs.readFile(path));
        continue;
      }
      let stream: OutputStream;
      if (path === '/dev/stdout') stream = isOutput(fds[1]) ? fds[1] : NULL_OUTPUT;
      else if (path === '/dev/stderr') stream = isOutput(fds[2]) ? fds[2] : NULL_OUTPUT;
      else {
        const append = op === '>>' || op === '&>>';
        const st = sh.fs.stat(path);
        if (!append && op !== '>|' && sh.state.options.noclobber && st?.type === 'file') {
          await errOut().write(redirectError(sh, target, 'noclobber', true));
          return null;
        }
        if (st?.type === 'dir') throw new FsError('EISDIR', path);
        if (st?.type === 'device') stream = NULL_OUTPUT;
        else {
          sh.fs.writeFile(path, '', { append });
          stream = fileOutput(sh, path);
        }
      }
      if (op === '&>' || op === '&>>' || op === '>&') {
        out[1] = stream;
        out[2] = stream;
      } else out[fd] = stream;
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      await errOut().write(redirectError(sh, target, e.code, !input));
      return null;
    }
  }
  return out;
}
