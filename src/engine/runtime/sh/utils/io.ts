// Shared plumbing for the utilities: opening FILE operands (or stdin for none / "-") and the
// "cannot open" message each utility prints in each flavour.

import { ERRNO_TEXT, FsError } from '../fs';
import { StringInput, type InputStream } from '../streams';
import type { CommandContext } from '../types';

/** stdin for "-", else the file's content; an FsError when it cannot be read. */
export function openInput(ctx: CommandContext, name: string): InputStream | FsError {
  if (name === '-') return ctx.io.stdin;
  try {
    return new StringInput(ctx.fs.readFile(ctx.resolve(name)));
  } catch (e) {
    if (e instanceof FsError) return e;
    throw e;
  }
}

type Style = 'plain' | 'cantopen' | 'forreading' | 'sort' | 'sed';

const GNU: Record<string, Style> = { head: 'forreading', tail: 'forreading', sort: 'sort', sed: 'sed' };
const BUSYBOX: Record<string, Style> = { cat: 'cantopen', tail: 'cantopen', uniq: 'cantopen' };

/** "cat: x: No such file or directory", "cat: can't open 'x': …", "head: cannot open 'x' for reading: …". */
export function openErrorText(ctx: CommandContext, util: string, name: string, e: FsError): string {
  const style = (ctx.flavor === 'busybox' ? BUSYBOX : GNU)[util] ?? 'plain';
  const msg = ERRNO_TEXT[e.code];
  if (e.code === 'EISDIR' && ctx.flavor === 'busybox' && util === 'cat') return 'cat: read error: Is a directory\n';
  if (e.code === 'EISDIR' && ctx.flavor === 'terminal' && (util === 'head' || util === 'tail')) return `${util}: error reading '${name}': Is a directory\n`;
  switch (style) {
    case 'plain': return `${util}: ${name}: ${msg}\n`;
    case 'cantopen': return `${util}: can't open '${name}': ${msg}\n`;
    case 'forreading': return `${util}: cannot open '${name}' for reading: ${msg}\n`;
    case 'sort': return `sort: cannot read: ${name}: ${msg}\n`;
    case 'sed': return `sed: can't read ${name}: ${msg}\n`;
  }
}

/**
 * Calls fn for each input in order (stdin when there are no operands), printing open errors.
 * Returns false if any input could not be opened.
 */
export async function eachInput(
  ctx: CommandContext,
  util: string,
  files: readonly string[],
  fn: (input: InputStream, name: string) => Promise<void | 'stop'>,
): Promise<boolean> {
  let ok = true;
  const list = files.length ? files : ['-'];
  for (const name of list) {
    if (ctx.signal.aborted) break;
    const input = openInput(ctx, name);
    if (input instanceof FsError) {
      await ctx.io.stderr.write(openErrorText(ctx, util, name, input));
      ok = false;
      continue;
    }
    if ((await fn(input, name)) === 'stop') break;
  }
  return ok;
}

/** Splits text into lines, dropping the empty piece after a final newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
