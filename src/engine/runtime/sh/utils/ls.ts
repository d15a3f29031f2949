// ls (-l -a -A -1 -d -h -t -r -S -R) in columns on the terminal and one per line otherwise, GNU's
// aligned long format or busybox's fixed one; and stat (default and -c FORMAT).

import { ERRNO_TEXT, type FileStat } from '../fs';
import type { CommandContext, CommandImpl } from '../types';
import { strftime } from './date';
import { getopt, isOptError, optionError, sq, usageTail } from './getopt';

const SIX_MONTHS = 182 * 86_400_000;

export function modeString(st: FileStat): string {
  const type = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : st.type === 'device' ? 'c' : '-';
  const m = st.mode;
  const rwx = (shift: number, special: number, ch: string): string => {
    const r = m & (4 << shift) ? 'r' : '-';
    const w = m & (2 << shift) ? 'w' : '-';
    const x = m & (1 << shift);
    const s = m & special;
    return r + w + (s ? (x ? ch : ch.toUpperCase()) : x ? 'x' : '-');
  };
  return type + rwx(6, 0o4000, 's') + rwx(3, 0o2000, 's') + rwx(0, 0o1000, 't');
}

function human(n: number, busybox: boolean): string {
  if (n < 1024) return String(n);
  const units = 'KMGTPE';
  let v = n;
  let i = -1;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (busybox) return (v < 10 ? v.toFixed(1) : String(Math.round(v * 10) / 10)) + units[i];
  return (v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))) + units[i];
}

function mtime(ms: number, now: number): string {
  const recent = now - ms < SIX_MONTHS && ms - now < 3_600_000;
  return strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', ms);
}

interface Entry {
  name: string;
  path: string;
  st: FileStat;
}

export const ls: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'laA1dhtrSRFCxpinL', long: { all: 'a', 'almost-all': 'A', directory: 'd', 'human-readable': 'h', reverse: 'r', recursive: 'R', dereference: 'L', 'color?': '#' } });
  if (isOptError(p)) return optionError(ctx, 'ls', p, 2);
  const f = new Set(p.opts.map(([k]) => k));
  const bb = ctx.flavor === 'busybox';
  const long = f.has('l') || f.has('n');
  const columns = !long && !f.has('1') && ctx.io.stdout.isTTY === true;
  const operands = p.operands.length ? p.operands : ['.'];
  let st = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of operands) {
    const path = ctx.resolve(name);
    const s = ctx.fs.stat(path) ?? ctx.fs.lstat(path);
    if (!s) {
      await ctx.io.stderr.write(bb ? `ls: ${name}: ${ERRNO_TEXT.ENOENT}\n` : `ls: cannot access ${sq(name)}: ${ERRNO_TEXT.ENOENT}\n`);
      st = bb ? 1 : 2;
      continue;
    }
    if (s.type === 'dir' && !f.has('d')) dirs.push({ name, path, st: s });
    else files.push({ name, path, st: (f.has('L') ? undefined : ctx.fs.lstat(path)) ?? s });
  }
  const sortEntries = (list: Entry[]): Entry[] => {
    const out = list.slice();
    if (f.has('t')) out.sort((a, b) => b.st.mtime - a.st.mtime || (a.name < b.name ? -1 : 1));
    else if (f.has('S')) out.sort((a, b) => b.st.size - a.st.size || (a.name < b.name ? -1 : 1));
    else out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (f.has('r')) out.reverse();
    return out;
  };
  let out = '';
  const render = (list: Entry[], total: boolean): string => {
    if (!list.length) return total && long ? 'total 0\n' : '';
    if (long) return longFormat(ctx, list, total, f.has('h'), bb);
    const names = list.map((e) => e.name);
    return columns ? inColumns(names, 80) : names.map((n) => n + '\n').join('');
  };
  out += render(sortEntries(files), false);
  const showHeaders = operands.length > 1 || f.has('R');
  const queue = sortEntries(dirs);
  for (let i = 0; i < queue.length; i++) {
    const d = queue[i];
    const entries: Entry[] = [];
    const names = ctx.fs.readdir(d.path);
    if (f.has('a')) names.unshift('.', '..');
    for (const n of names) {
      if (n.startsWith('.') && !f.has('a') && !f.has('A')) continue;
      const path = n === '.' ? d.path : n === '..' ? ctx.resolve(d.path + '/..') : (d.path === '/' ? '' : d.path) + '/' + n;
      // -L shows what links point to (a dangling link as itself).
      const s = (f.has('L') ? ctx.fs.stat(path) : null) ?? ctx.fs.lstat(path);
      if (s) entries.push({ name: n, path, st: s });
    }
    if (out || i > 0) out += '\n';
    if (showHeaders) out += `${d.name}:\n`;
    const sorted = sortEntries(entries);
    out += render(sorted, true);
    if (f.has('R')) {
      const subs = sorted.filter((e) => e.st.type === 'dir' && e.name !== '.' && e.name !== '..');
      queue.splice(i + 1, 0, ...subs.map((e) => ({ ...e, name: (d.name === '/' ? '' : d.name) + '/' + e.name })));
    }
  }
  await ctx.io.stdout.write(out);
  return st;
};

function longFormat(ctx: CommandContext, list: Entry[], total: boolean, h: boolean, bb: boolean): string {
  const now = ctx.now();
  const size = (e: Entry): string => (h ? human(e.st.size, bb) : String(e.st.size));
  const blocks = list.reduce((n, e) => n + (e.st.type === 'file' ? Math.ceil(e.st.size / 4096) * 4 : e.st.type === 'dir' ? 4 : 0), 0);
  let out = total ? `total ${blocks}\n` : '';
  const linkW = Math.max(...list.map((e) => String(e.st.nlink).length));
  const sizeW = Math.max(...list.map((e) => size(e).length));
  for (const e of list) {
    let name = e.name;
    if (e.st.type === 'symlink') name += ' -> ' + ctx.fs.readlink(e.path);
    if (bb) out += `${modeString(e.st)} ${String(e.st.nlink).padStart(4)} root     root     ${size(e).padStart(9)} ${mtime(e.st.mtime, now)} ${name}\n`;
    else out += `${modeString(e.st)} ${String(e.st.nlink).padStart(linkW)} root root ${size(e).padStart(sizeW)} ${mtime(e.st.mtime, now)} ${name}\n`;
  }
  return out;
}

/** GNU ls -C: fill columns top to bottom, as many as fit in the width, two spaces apart. */
function inColumns(names: string[], width: number): string {
  const n = names.length;
  for (let cols = Math.min(n, Math.floor(width / 3)); cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    const used = Math.ceil(n / rows);
    const widths: number[] = [];
    for (let c = 0; c < used; c++) widths.push(Math.max(...names.slice(c * rows, (c + 1) * rows).map((s) => s.length)));
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (used - 1);
    if (total > width && cols > 1) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < used; c++) {
        const s = names[c * rows + r];
        if (s === undefined) continue;
        const last = c === used - 1 || names[(c + 1) * rows + r] === undefined;
        line += last ? s : s.padEnd(widths[c] + 2);
      }
      out += line + '\n';
    }
    return out;
  }
  return names.join('\n') + '\n';
}

const TYPE_NAMES: Record<FileStat['type'], string> = { file: 'regular file', dir: 'directory', symlink: 'symbolic link', device: 'character special file' };

export const stat: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'c:Lt', long: { 'format=': 'c', dereference: 'L', 'printf=': 'c' } });
  if (isOptError(p)) return optionError(ctx, 'stat', p);
  const format = p.opts.find(([k]) => k === 'c')?.[1];
  const follow = p.opts.some(([k]) => k === 'L');
  let rc = 0;
  let out = '';
  for (const name of p.operands) {
    const path = ctx.resolve(name);
    const s = follow ? ctx.fs.stat(path) : ctx.fs.lstat(path);
    if (!s) {
      await ctx.io.stderr.write(ctx.flavor === 'busybox' ? `stat: can't stat '${name}': No such file or directory\n` : `stat: cannot statx ${sq(name)}: No such file or directory\n`);
      rc = 1;
      continue;
    }
    const type = s.type === 'file' && s.size === 0 ? 'regular empty file' : TYPE_NAMES[s.type];
    const ts = strftime('%Y-%m-%d %H:%M:%S.%N +0000', s.mtime);
    if (format !== undefined) {
      out += format.replace(/%([nNsaAFYyUGugbBiho%])/g, (_m, c: string) => {
        switch (c) {
          case 'n': return name;
          case 'N': return s.type === 'symlink' ? `'${name}' -> '${ctx.fs.readlink(path)}'` : `'${name}'`;
          case 's': return String(s.size);
          case 'a': return (s.mode & 0o7777).toString(8);
          case 'A': return modeString(s);
          case 'F': return type;
          case 'Y': return String(Math.floor(s.mtime / 1000));
          case 'y': return ts;
          case 'U': case 'G': return 'root';
          case 'u': case 'g': return '0';
          case 'b': return String(Math.ceil(s.size / 512));
          case 'B': return '512';
          case 'h': return String(s.nlink);
          case 'i': case 'o': return '0';
          default: return '%';
        }
      }) + '\n';
      continue;
    }
    const blocks = s.type === 'file' ? Math.ceil(s.size / 4096) * 8 : s.type === 'dir' ? 8 : 0;
    const shownName = s.type === 'symlink' ? `${name} -> ${ctx.fs.readlink(path)}` : name;
    out +=
      `  File: ${shownName}\n` +
      `  Size: ${String(s.size).padEnd(10)}\tBlocks: ${String(blocks).padEnd(10)} IO Block: 4096   ${type}\n` +
      `Device: 0,0\tInode: 0           Links: ${s.nlink}\n` +
      `Access: (${(s.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(s)})  Uid: (    0/    root)   Gid: (    0/    root)\n` +
      `Access: ${ts}\nModify: ${ts}\nChange: ${ts}\n` +
      (ctx.flavor === 'busybox' ? '' : ` Birth: -\n`);
  }
  if (!p.operands.length) {
    if (ctx.flavor === 'busybox') await usageTail(ctx, 'stat');
    else await ctx.io.stderr.write("stat: missing operand\nTry 'stat --help' for more information.\n");
    return 1;
  }
  await ctx.io.stdout.write(out);
  return rc;
};
