// The shell's FileSystem interface over the real disk, for `kubeplay kubectl -f file.yaml` in Node.

import * as fs from 'node:fs';
import { FsError, type FileStat, type FileSystem } from '../engine/runtime/sh/fs';

function wrap<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EACCES' || code === 'EINVAL') throw new FsError(code, path);
    throw e;
  }
}

function toStat(s: fs.Stats): FileStat {
  return {
    type: s.isDirectory() ? 'dir' : s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : 'device',
    mode: s.mode & 0o7777,
    size: s.size,
    mtime: s.mtimeMs,
    nlink: s.nlink,
    readOnly: false,
  };
}

export class NodeFileSystem implements FileSystem {
  stat(path: string): FileStat | null {
    try {
      return toStat(fs.statSync(path));
    } catch {
      return null;
    }
  }
  lstat(path: string): FileStat | null {
    try {
      return toStat(fs.lstatSync(path));
    } catch {
      return null;
    }
  }
  readFile(path: string): string {
    return wrap(path, () => fs.readFileSync(path, 'utf8'));
  }
  writeFile(path: string, data: string, opts?: { append?: boolean; mode?: number }): void {
    wrap(path, () => (opts?.append ? fs.appendFileSync(path, data) : fs.writeFileSync(path, data, { mode: opts?.mode })));
  }
  readdir(path: string): string[] {
    return wrap(path, () => fs.readdirSync(path).sort());
  }
  mkdir(path: string, opts?: { parents?: boolean; mode?: number }): void {
    wrap(path, () => fs.mkdirSync(path, { recursive: !!opts?.parents, mode: opts?.mode }));
  }
  unlink(path: string): void {
    wrap(path, () => fs.unlinkSync(path));
  }
  rmdir(path: string): void {
    wrap(path, () => fs.rmdirSync(path));
  }
  rename(from: string, to: string): void {
    wrap(from, () => fs.renameSync(from, to));
  }
  symlink(target: string, path: string): void {
    wrap(path, () => fs.symlinkSync(target, path));
  }
  readlink(path: string): string {
    return wrap(path, () => fs.readlinkSync(path));
  }
  chmod(path: string, mode: number): void {
    wrap(path, () => fs.chmodSync(path, mode));
  }
  utimes(path: string, mtime: number): void {
    wrap(path, () => fs.utimesSync(path, mtime / 1000, mtime / 1000));
  }
}
