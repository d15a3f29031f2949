// An in-memory FileSystem: directories, files, symbolic links, /dev/null-like devices, and mounts of
// other trees (read-only for ConfigMap/Secret volumes; a shared tree shows its owner's updates).

import { utf8Length } from '../../util/utf8';
import { FsError, dirname, normalizePath, type Errno, type FileStat, type FileSystem } from './fs';

interface FileNode { kind: 'file'; data: string; mode: number; mtime: number }
interface DirNode { kind: 'dir'; children: Map<string, Node>; mode: number; mtime: number }
interface LinkNode { kind: 'symlink'; target: string; mode: number; mtime: number }
interface DevNode { kind: 'device'; mode: number; mtime: number }
/** A mount point: the mounted tree's root, entered transparently. */
interface MountNode { kind: 'mount'; root: DirNode; readOnly: boolean; mode: number; mtime: number }
type Node = FileNode | DirNode | LinkNode | DevNode | MountNode;

interface Found {
  /** The node at the path, with mounts resolved to their root directory; null if absent. */
  node: FileNode | DirNode | LinkNode | DevNode | null;
  /** The raw entry (a MountNode for a mount point). */
  entry: Node | null;
  parent: DirNode;
  name: string;
  readOnly: boolean;
}

const MAX_LINKS = 40;

export class MemFS implements FileSystem {
  private readonly root: DirNode;

  constructor(private readonly now: () => number = () => 0) {
    this.root = { kind: 'dir', children: new Map(), mode: 0o755, mtime: now() };
  }

  /** A root file system with the directories most images have, /dev/null and /etc/hostname. */
  static standard(now: () => number, hostname = 'localhost'): MemFS {
    const fs = new MemFS(now);
    for (const d of ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/run', '/sbin', '/sys', '/tmp', '/usr/bin', '/usr/local/bin', '/usr/sbin', '/var/log', '/var/run']) fs.mkdir(d, { parents: true });
    fs.chmod('/tmp', 0o1777);
    fs.mknull('/dev/null');
    fs.writeFile('/etc/hostname', hostname + '\n');
    fs.writeFile('/etc/hosts', `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n`);
    return fs;
  }

  /** A character device that reads empty and swallows writes (/dev/null). */
  mknull(path: string): void {
    const f = this.find(path, false);
    this.checkWritable(f, path);
    f.parent.children.set(f.name, { kind: 'device', mode: 0o666, mtime: this.now() });
  }

  /**
   * Mounts a tree at `path` (created if missing): a map of relative file paths to contents, or
   * another MemFS whose root is shared. Read-only mounts refuse writes with EROFS.
   */
  mount(path: string, source: MemFS | Record<string, string>, opts: { readOnly?: boolean } = {}): void {
    let root: DirNode;
    if (source instanceof MemFS) root = source.root;
    else {
      const fs = new MemFS(this.now);
      for (const [rel, data] of Object.entries(source)) {
        const p = normalizePath('/' + rel);
        const dir = dirname(p);
        if (dir !== '/') fs.mkdir(dir, { parents: true });
        fs.writeFile(p, data);
      }
      root = fs.root;
    }
    this.mkdir(path, { parents: true });
    const f = this.find(path, false);
    f.parent.children.set(f.name, { kind: 'mount', root, readOnly: !!opts.readOnly, mode: 0o755, mtime: this.now() });
  }

  unmount(path: string): void {
    const f = this.find(path, false);
    if (f.entry?.kind === 'mount') f.parent.children.set(f.name, { kind: 'dir', children: new Map(), mode: 0o755, mtime: this.now() });
  }

  private fail(code: Errno, path: string): never {
    throw new FsError(code, path);
  }

  /** Walks to `path` (absolute), following symbolic links in the middle, and at the end if `follow`. */
  private find(path: string, follow: boolean): Found {
    const todo = normalizePath(path).split('/').filter(Boolean).reverse();
    const stack: { dir: DirNode; readOnly: boolean }[] = [{ dir: this.root, readOnly: false }];
    let links = 0;
    for (;;) {
      const top = stack[stack.length - 1];
      const name = todo.pop();
      if (name === undefined) {
        // The path named a directory we walked into (or the root).
        const up = stack.length > 1 ? stack[stack.length - 2].dir : this.root;
        return { node: top.dir, entry: top.dir, parent: up, name: '', readOnly: top.readOnly };
      }
      if (name === '..') {
        if (stack.length > 1) stack.pop();
        continue;
      }
      if (name === '.') continue;
      const entry = top.dir.children.get(name) ?? null;
      const last = todo.length === 0;
      if (entry && entry.kind === 'symlink' && (!last || follow)) {
        if (++links > MAX_LINKS) this.fail('ELOOP', path);
        const segs = entry.target.split('/').filter(Boolean);
        if (entry.target.startsWith('/')) stack.length = 1;
        for (let i = segs.length - 1; i >= 0; i--) todo.push(segs[i]);
        continue;
      }
      if (last) {
        const node = entry?.kind === 'mount' ? entry.root : entry;
        const readOnly = top.readOnly || (entry?.kind === 'mount' && entry.readOnly);
        return { node, entry, parent: top.dir, name, readOnly };
      }
      if (!entry) this.fail('ENOENT', path);
      if (entry.kind === 'mount') stack.push({ dir: entry.root, readOnly: top.readOnly || entry.readOnly });
      else if (entry.kind === 'dir') stack.push({ dir: entry, readOnly: top.readOnly });
      else this.fail('ENOTDIR', path);
    }
  }

  private checkWritable(f: Found, path: string): void {
    if (f.readOnly) this.fail('EROFS', path);
  }

  private statOf(node: NonNullable<Found['node']>, readOnly: boolean): FileStat {
    switch (node.kind) {
      case 'file':
        return { type: 'file', mode: node.mode, size: utf8Length(node.data), mtime: node.mtime, nlink: 1, readOnly };
      case 'dir': {
        let subdirs = 0;
        for (const c of node.children.values()) if (c.kind === 'dir' || c.kind === 'mount') subdirs++;
        return { type: 'dir', mode: node.mode, size: 4096, mtime: node.mtime, nlink: 2 + subdirs, readOnly };
      }
      case 'symlink':
        return { type: 'symlink', mode: 0o777, size: node.target.length, mtime: node.mtime, nlink: 1, readOnly };
      case 'device':
        return { type: 'device', mode: node.mode, size: 0, mtime: node.mtime, nlink: 1, readOnly };
    }
  }

  stat(path: string): FileStat | null {
    try {
      const f = this.find(path, true);
      return f.node ? this.statOf(f.node, f.readOnly) : null;
    } catch (e) {
      if (e instanceof FsError) return null;
      throw e;
    }
  }

  lstat(path: string): FileStat | null {
    try {
      const f = this.find(path, false);
      return f.node ? this.statOf(f.node, f.readOnly) : null;
    } catch (e) {
      if (e instanceof FsError) return null;
      throw e;
    }
  }

  readFile(path: string): string {
    const { node } = this.find(path, true);
    if (!node) this.fail('ENOENT', path);
    if (node.kind === 'dir') this.fail('EISDIR', path);
    if (node.kind === 'device') return '';
    return (node as FileNode).data;
  }

  writeFile(path: string, data: string, opts: { append?: boolean; mode?: number } = {}): void {
    const f = this.find(path, true);
    const { node } = f;
    if (node?.kind === 'device') return;
    if (node?.kind === 'dir') this.fail('EISDIR', path);
    this.checkWritable(f, path);
    const t = this.now();
    if (node && node.kind === 'file') {
      node.data = opts.append ? node.data + data : data;
      node.mtime = t;
      return;
    }
    if (!f.name) this.fail('EISDIR', path);
    f.parent.children.set(f.name, { kind: 'file', data, mode: opts.mode ?? 0o644, mtime: t });
    f.parent.mtime = t;
  }

  readdir(path: string): string[] {
    const { node } = this.find(path, true);
    if (!node) this.fail('ENOENT', path);
    if (node.kind !== 'dir') this.fail('ENOTDIR', path);
    return [...node.children.keys()].sort();
  }

  mkdir(path: string, opts: { parents?: boolean; mode?: number } = {}): void {
    if (opts.parents) {
      const parent = dirname(normalizePath(path));
      if (parent !== '/' && parent !== normalizePath(path)) {
        const st = this.stat(parent);
        if (!st) this.mkdir(parent, { parents: true });
        else if (st.type !== 'dir') this.fail('ENOTDIR', path);
      }
    }
    const f = this.find(path, false);
    if (f.entry || !f.name) {
      if (opts.parents && (f.node?.kind === 'dir' || !f.name)) return;
      this.fail('EEXIST', path);
    }
    this.checkWritable(f, path);
    f.parent.children.set(f.name, { kind: 'dir', children: new Map(), mode: opts.mode ?? 0o755, mtime: this.now() });
    f.parent.mtime = this.now();
  }

  unlink(path: string): void {
    const f = this.find(path, false);
    if (!f.entry) this.fail('ENOENT', path);
    if (f.entry.kind === 'dir' || f.entry.kind === 'mount' || !f.name) this.fail('EISDIR', path);
    this.checkWritable(f, path);
    f.parent.children.delete(f.name);
    f.parent.mtime = this.now();
  }

  rmdir(path: string): void {
    const f = this.find(path, false);
    if (!f.entry) this.fail('ENOENT', path);
    if (!f.name || f.entry.kind === 'mount') this.fail('EBUSY', path);
    if (f.entry.kind !== 'dir') this.fail('ENOTDIR', path);
    if (f.entry.children.size) this.fail('ENOTEMPTY', path);
    this.checkWritable(f, path);
    f.parent.children.delete(f.name);
    f.parent.mtime = this.now();
  }

  rename(from: string, to: string): void {
    const a = this.find(from, false);
    if (!a.entry) this.fail('ENOENT', from);
    this.checkWritable(a, from);
    const b = this.find(to, false);
    this.checkWritable(b, to);
    if (!b.name) this.fail('EBUSY', to);
    if (b.entry?.kind === 'dir' && a.entry.kind !== 'dir') this.fail('EISDIR', to);
    if (b.entry?.kind === 'dir' && b.entry.children.size) this.fail('ENOTEMPTY', to);
    a.parent.children.delete(a.name);
    b.parent.children.set(b.name, a.entry);
    a.parent.mtime = b.parent.mtime = this.now();
  }

  symlink(target: string, path: string): void {
    const f = this.find(path, false);
    if (f.entry) this.fail('EEXIST', path);
    this.checkWritable(f, path);
    f.parent.children.set(f.name, { kind: 'symlink', target, mode: 0o777, mtime: this.now() });
  }

  readlink(path: string): string {
    const { entry } = this.find(path, false);
    if (!entry) this.fail('ENOENT', path);
    if (entry.kind !== 'symlink') this.fail('EINVAL', path);
    return entry.target;
  }

  chmod(path: string, mode: number): void {
    const f = this.find(path, true);
    if (!f.node) this.fail('ENOENT', path);
    this.checkWritable(f, path);
    f.node.mode = mode;
  }

  utimes(path: string, mtime: number): void {
    const f = this.find(path, true);
    if (!f.node) this.fail('ENOENT', path);
    this.checkWritable(f, path);
    f.node.mtime = mtime;
  }
}

export { utf8Length } from '../../util/utf8';
