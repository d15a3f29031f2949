// The file system a shell sees: a small synchronous interface (in-memory in practice), its errors
// with errno texts, and path helpers. Paths given to a FileSystem are absolute.

export type FileType = 'file' | 'dir' | 'symlink' | 'device';

export interface FileStat {
  readonly type: FileType;
  /** Permission bits, e.g. 0o644. */
  readonly mode: number;
  readonly size: number;
  /** Modification time, ms since the epoch (simulated). */
  readonly mtime: number;
  /** Number of entries for a directory, else 1: ls -l's link count column. */
  readonly nlink: number;
  /** Inside a read-only mount. */
  readonly readOnly: boolean;
}

export type Errno = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EROFS' | 'EACCES' | 'EINVAL' | 'ELOOP' | 'EBUSY';

/** strerror() texts, identical in glibc and musl for these. */
export const ERRNO_TEXT: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EBUSY: 'Device or resource busy',
};

export class FsError extends Error {
  constructor(
    readonly code: Errno,
    readonly path: string,
  ) {
    super(ERRNO_TEXT[code]);
  }
}

export interface FileSystem {
  /** Follows symbolic links; null when the path does not exist. */
  stat(path: string): FileStat | null;
  /** Does not follow a final symbolic link. */
  lstat(path: string): FileStat | null;
  readFile(path: string): string;
  /** Creates or truncates (or appends to) a file; the parent must exist. */
  writeFile(path: string, data: string, opts?: { append?: boolean; mode?: number }): void;
  /** Entry names, sorted by code point. */
  readdir(path: string): string[];
  mkdir(path: string, opts?: { parents?: boolean; mode?: number }): void;
  /** Removes a file, device or symbolic link. */
  unlink(path: string): void;
  /** Removes an empty directory. */
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  chmod(path: string, mode: number): void;
  /** Sets the modification time (creating nothing). */
  utimes(path: string, mtime: number): void;
}

/** Joins `path` onto `cwd` and normalises `.`, `..` and repeated slashes. */
export function resolvePath(cwd: string, path: string): string {
  const full = path.startsWith('/') ? path : cwd === '/' ? '/' + path : cwd + '/' + path;
  return normalizePath(full);
}

export function normalizePath(path: string): string {
  if (path === '/' || (!path.includes('/.') && !path.includes('//') && !path.endsWith('/'))) return path || '/';
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

export function dirname(path: string): string {
  const p = path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') : path;
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return p.slice(0, i);
}

export function basename(path: string): string {
  const p = path.replace(/\/+$/, '');
  if (p === '') return path ? '/' : '';
  return p.slice(p.lastIndexOf('/') + 1);
}
