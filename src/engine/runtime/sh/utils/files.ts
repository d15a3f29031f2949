// File utilities on the shell's file system: touch, rm, rmdir, mkdir, cp, mv, ln, chmod, with GNU
// coreutils and busybox error texts.

import { ERRNO_TEXT, FsError, basename, type FileSystem } from '../fs';
import type { CommandContext, CommandImpl } from '../types';
import { getopt, isOptError, optionError, q, sq, usageError } from './getopt';

const text = (e: FsError): string => ERRNO_TEXT[e.code];

async function missingOperand(ctx: CommandContext, util: string, what = 'missing operand'): Promise<number> {
  return usageError(ctx, util, ctx.flavor === 'busybox' ? null : what);
}

export const touch: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'acmd:t:r:h', long: { 'no-create': 'c', 'date=': 'd', 'reference=': 'r' } });
  if (isOptError(p)) return optionError(ctx, 'touch', p);
  if (!p.operands.length) return missingOperand(ctx, 'touch', 'missing file operand');
  const noCreate = p.opts.some(([k]) => k === 'c');
  let st = 0;
  for (const f of p.operands) {
    const path = ctx.resolve(f);
    try {
      if (ctx.fs.stat(path)) ctx.fs.utimes(path, ctx.now());
      else if (!noCreate) ctx.fs.writeFile(path, '');
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      await ctx.io.stderr.write(ctx.flavor === 'busybox' ? `touch: ${f}: ${text(e)}\n` : `touch: cannot touch ${sq(f)}: ${text(e)}\n`);
      st = 1;
    }
  }
  return st;
};

function removeTree(fs: FileSystem, path: string): void {
  const st = fs.lstat(path);
  if (st?.type === 'dir') {
    for (const name of fs.readdir(path)) removeTree(fs, path === '/' ? '/' + name : path + '/' + name);
    fs.rmdir(path);
  } else fs.unlink(path);
}

export const rm: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'fiIrRdv', long: { force: 'f', recursive: 'r', dir: 'd', verbose: 'v', 'no-preserve-root': 'N', interactive: 'i' } });
  if (isOptError(p)) return optionError(ctx, 'rm', p);
  const f = new Set(p.opts.map(([k]) => (k === 'R' ? 'r' : k)));
  const force = f.has('f');
  if (!p.operands.length) return force ? 0 : missingOperand(ctx, 'rm');
  const bb = ctx.flavor === 'busybox';
  let st = 0;
  for (const name of p.operands) {
    const path = ctx.resolve(name);
    const s = ctx.fs.lstat(path);
    try {
      if (!s) throw new FsError('ENOENT', path);
      if (s.type === 'dir') {
        if (f.has('r')) removeTree(ctx.fs, path);
        else if (f.has('d')) ctx.fs.rmdir(path);
        else {
          await ctx.io.stderr.write(bb ? `rm: '${name}' is a directory\n` : `rm: cannot remove ${sq(name)}: Is a directory\n`);
          st = 1;
          continue;
        }
      } else ctx.fs.unlink(path);
      if (f.has('v')) await ctx.io.stdout.write(bb ? `removed '${name}'\n` : `removed ${sq(name)}\n`);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (force && e.code === 'ENOENT') continue;
      await ctx.io.stderr.write(bb ? `rm: can't remove '${name}': ${text(e)}\n` : `rm: cannot remove ${sq(name)}: ${text(e)}\n`);
      st = 1;
    }
  }
  return st;
};

export const rmdir: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'pv', long: { parents: 'p', 'ignore-fail-on-non-empty': 'I' } });
  if (isOptError(p)) return optionError(ctx, 'rmdir', p);
  if (!p.operands.length) return missingOperand(ctx, 'rmdir');
  let st = 0;
  for (const name of p.operands) {
    try {
      ctx.fs.rmdir(ctx.resolve(name));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      await ctx.io.stderr.write(ctx.flavor === 'busybox' ? `rmdir: '${name}': ${text(e)}\n` : `rmdir: failed to remove ${sq(name)}: ${text(e)}\n`);
      st = 1;
    }
  }
  return st;
};

export const mkdir: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'pm:v', long: { parents: 'p', 'mode=': 'm', verbose: 'v' } });
  if (isOptError(p)) return optionError(ctx, 'mkdir', p);
  if (!p.operands.length) return missingOperand(ctx, 'mkdir');
  const parents = p.opts.some(([k]) => k === 'p');
  const modeOpt = p.opts.find(([k]) => k === 'm')?.[1];
  const mode = modeOpt !== undefined && /^[0-7]+$/.test(modeOpt) ? parseInt(modeOpt, 8) : undefined;
  let st = 0;
  for (const name of p.operands) {
    try {
      ctx.fs.mkdir(ctx.resolve(name), { parents, mode });
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      await ctx.io.stderr.write(ctx.flavor === 'busybox' ? `mkdir: can't create directory '${name}': ${text(e)}\n` : `mkdir: cannot create directory ${q(ctx, name)}: ${text(e)}\n`);
      st = 1;
    }
  }
  return st;
};

function copyTree(fs: FileSystem, from: string, to: string, now: number): void {
  const st = fs.lstat(from)!;
  if (st.type === 'symlink') fs.symlink(fs.readlink(from), to);
  else if (st.type === 'dir') {
    if (!fs.stat(to)) fs.mkdir(to, { mode: st.mode });
    for (const n of fs.readdir(from)) copyTree(fs, from + '/' + n, to + '/' + n, now);
  } else fs.writeFile(to, fs.readFile(from), { mode: st.mode });
}

/** Shared by cp and mv: resolves SOURCE… DEST into (from, to) pairs, printing operand errors. */
async function pairs(ctx: CommandContext, util: string, operands: string[]): Promise<[string, string, string][] | number> {
  if (!operands.length) return missingOperand(ctx, util, 'missing file operand');
  if (operands.length === 1) return missingOperand(ctx, util, `missing destination file operand after ${sq(operands[0])}`);
  const dest = operands[operands.length - 1];
  const destPath = ctx.resolve(dest);
  const destIsDir = ctx.fs.stat(destPath)?.type === 'dir';
  const sources = operands.slice(0, -1);
  if (sources.length > 1 && !destIsDir) {
    await ctx.io.stderr.write(ctx.flavor === 'busybox' ? `${util}: '${dest}' is not a directory\n` : `${util}: target ${sq(dest)} is not a directory\n`);
    return 1;
  }
  return sources.map((s) => [s, ctx.resolve(s), destIsDir ? (destPath === '/' ? '' : destPath) + '/' + basename(s) : destPath]);
}

export const cp: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'rRafpvdLPHnTu', long: { recursive: 'r', archive: 'a', force: 'f', verbose: 'v', 'no-clobber': 'n', preserve: 'p' } });
  if (isOptError(p)) return optionError(ctx, 'cp', p);
  const f = new Set(p.opts.map(([k]) => (k === 'R' || k === 'a' ? 'r' : k)));
  const list = await pairs(ctx, 'cp', p.operands);
  if (typeof list === 'number') return list;
  const bb = ctx.flavor === 'busybox';
  let st = 0;
  for (const [name, from, to] of list) {
    const s = ctx.fs.stat(from);
    if (!s) {
      await ctx.io.stderr.write(bb ? `cp: can't stat '${name}': No such file or directory\n` : `cp: cannot stat ${sq(name)}: No such file or directory\n`);
      st = 1;
      continue;
    }
    if (s.type === 'dir' && !f.has('r')) {
      await ctx.io.stderr.write(bb ? `cp: omitting directory '${name}'\n` : `cp: -r not specified; omitting directory ${sq(name)}\n`);
      st = 1;
      continue;
    }
    if (f.has('n') && ctx.fs.stat(to)) continue;
    try {
      copyTree(ctx.fs, from, to, ctx.now());
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      await ctx.io.stderr.write(bb ? `cp: can't create '${to}': ${text(e)}\n` : `cp: cannot create regular file ${sq(to)}: ${text(e)}\n`);
      st = 1;
    }
  }
  return st;
};

export const mv: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'fivnT', long: { force: 'f', verbose: 'v', 'no-clobber': 'n' } });
  if (isOptError(p)) return optionError(ctx, 'mv', p);
  const list = await pairs(ctx, 'mv', p.operands);
  if (typeof list === 'number') return list;
  const bb = ctx.flavor === 'busybox';
  let st = 0;
  for (const [name, from, to] of list) {
    try {
      if (!ctx.fs.lstat(from)) throw new FsError('ENOENT', from);
      ctx.fs.rename(from, to);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (e.code === 'ENOENT') await ctx.io.stderr.write(bb ? `mv: can't rename '${name}': ${text(e)}\n` : `mv: cannot stat ${sq(name)}: ${text(e)}\n`);
      else await ctx.io.stderr.write(bb ? `mv: can't rename '${name}': ${text(e)}\n` : `mv: cannot move ${sq(name)} to ${sq(to)}: ${text(e)}\n`);
      st = 1;
    }
  }
  return st;
};

export const ln: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'sfnvT', long: { symbolic: 's', force: 'f', 'no-dereference': 'n', verbose: 'v' } });
  if (isOptError(p)) return optionError(ctx, 'ln', p);
  const f = new Set(p.opts.map(([k]) => k));
  if (!p.operands.length) return missingOperand(ctx, 'ln', 'missing file operand');
  const [target, link = basename(target)] = p.operands;
  let path = ctx.resolve(link);
  if (ctx.fs.stat(path)?.type === 'dir' && !f.has('n')) path = path + '/' + basename(target);
  try {
    if (f.has('f') && ctx.fs.lstat(path)) ctx.fs.unlink(path);
    if (f.has('s')) ctx.fs.symlink(target, path);
    else {
      const src = ctx.resolve(target);
      ctx.fs.writeFile(path, ctx.fs.readFile(src), { mode: ctx.fs.stat(src)?.mode });
    }
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    const shown = p.operands.length > 1 && ctx.fs.stat(ctx.resolve(link))?.type === 'dir' ? path.replace(/^\/\//, '/') : link;
    await ctx.io.stderr.write(ctx.flavor === 'busybox' ? `ln: ${shown}: ${text(e)}\n` : `ln: failed to create ${f.has('s') ? 'symbolic ' : 'hard '}link ${sq(shown)}: ${text(e)}\n`);
    return 1;
  }
  return 0;
};

/** Applies an octal or symbolic (u+x, go-w, a=r) mode to the current one; null if invalid. */
export function applyMode(spec: string, cur: number, isDir: boolean): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = cur;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return null;
    const who = m[1] || 'a';
    let bits = 0;
    for (const c of m[3]) {
      if (c === 'r') bits |= 0o444;
      else if (c === 'w') bits |= 0o222;
      else if (c === 'x' || (c === 'X' && (isDir || cur & 0o111))) bits |= 0o111;
      else if (c === 's') bits |= 0o6000;
      else if (c === 't') bits |= 0o1000;
    }
    let mask = 0;
    if (who.includes('u') || who.includes('a')) mask |= 0o4700;
    if (who.includes('g') || who.includes('a')) mask |= 0o2070;
    if (who.includes('o') || who.includes('a')) mask |= 0o1007;
    bits &= mask;
    if (m[2] === '+') mode |= bits;
    else if (m[2] === '-') mode &= ~bits;
    else mode = (mode & ~mask) | bits;
  }
  return mode;
}

export const chmod: CommandImpl = async (argv, ctx) => {
  // Modes like -x look like options; take the first non-file argument as the mode.
  const args = argv.slice(1);
  const recursive = args[0] === '-R';
  if (recursive) args.shift();
  const [spec, ...files] = args;
  if (spec === undefined) return missingOperand(ctx, 'chmod');
  if (!files.length) return missingOperand(ctx, 'chmod', `missing operand after ${q(ctx, spec)}`);
  let st = 0;
  for (const f of files) {
    const path = ctx.resolve(f);
    const s = ctx.fs.stat(path);
    if (!s) {
      await ctx.io.stderr.write(ctx.flavor === 'busybox' ? `chmod: ${f}: No such file or directory\n` : `chmod: cannot access ${sq(f)}: No such file or directory\n`);
      st = 1;
      continue;
    }
    const mode = applyMode(spec, s.mode, s.type === 'dir');
    if (mode === null) {
      if (ctx.flavor === 'busybox') {
        await ctx.io.stderr.write(`chmod: invalid mode '${spec}'\n`);
        return 1;
      }
      return usageError(ctx, 'chmod', `invalid mode: ${q(ctx, spec)}`);
    }
    try {
      ctx.fs.chmod(path, mode);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      await ctx.io.stderr.write(`chmod: changing permissions of ${sq(f)}: ${text(e)}\n`);
      st = 1;
    }
  }
  return st;
};
