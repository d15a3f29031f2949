// MemFS: paths, symbolic links, mounts (shared and read-only), errors.

import { describe, expect, it } from 'vitest';
import { FsError, basename, dirname, normalizePath, resolvePath } from '../../../../src/engine/runtime/sh/fs';
import { MemFS } from '../../../../src/engine/runtime/sh/memfs';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return 'ok';
}

describe('paths', () => {
  it.each([
    ['/', 'a', '/a'], ['/x/y', '../z', '/x/z'], ['/x', './a//b/', '/x/a/b'], ['/x', '/abs/../p', '/p'], ['/', '..', '/'],
  ])('resolve(%s, %s) = %s', (cwd, p, out) => {
    expect(resolvePath(cwd, p)).toBe(out);
  });

  it('dirname, basename, normalize', () => {
    expect([dirname('/a/b'), dirname('/a'), dirname('a'), dirname('/a/b/')]).toEqual(['/a', '/', '.', '/a']);
    expect([basename('/a/b'), basename('/a/b/'), basename('/')]).toEqual(['b', 'b', '/']);
    expect(normalizePath('//a/./b/../c')).toBe('/a/c');
  });
});

describe('MemFS', () => {
  it('files, directories and their errors', () => {
    let t = 100;
    const fs = new MemFS(() => t);
    fs.mkdir('/a/b', { parents: true });
    fs.writeFile('/a/b/f', 'x');
    t = 200;
    fs.writeFile('/a/b/f', 'y', { append: true });
    expect(fs.readFile('/a/b/f')).toBe('xy');
    expect(fs.stat('/a/b/f')).toMatchObject({ type: 'file', size: 2, mtime: 200, mode: 0o644 });
    expect(fs.readdir('/a')).toEqual(['b']);
    expect(code(() => fs.readFile('/nope'))).toBe('ENOENT');
    expect(code(() => fs.readFile('/a'))).toBe('EISDIR');
    expect(code(() => fs.writeFile('/nope/f', ''))).toBe('ENOENT');
    expect(code(() => fs.writeFile('/a/b/f/g', ''))).toBe('ENOTDIR');
    expect(code(() => fs.mkdir('/a'))).toBe('EEXIST');
    expect(code(() => fs.rmdir('/a'))).toBe('ENOTEMPTY');
    expect(code(() => fs.unlink('/a'))).toBe('EISDIR');
    fs.rename('/a/b/f', '/a/g');
    expect(fs.readdir('/a')).toEqual(['b', 'g']);
  });

  it('counts sizes in UTF-8 bytes', () => {
    const fs = new MemFS();
    fs.writeFile('/u', 'héllo✓');
    expect(fs.stat('/u')!.size).toBe(9);
  });

  it('symbolic links: relative, absolute, chains, loops', () => {
    const fs = new MemFS();
    fs.mkdir('/data');
    fs.writeFile('/data/real', 'r');
    fs.symlink('real', '/data/rel');
    fs.symlink('/data/rel', '/abs');
    fs.symlink('/loop', '/loop');
    expect(fs.readFile('/abs')).toBe('r');
    expect(fs.lstat('/abs')!.type).toBe('symlink');
    expect(fs.readlink('/abs')).toBe('/data/rel');
    expect(code(() => fs.readFile('/loop'))).toBe('ELOOP');
  });

  it('mounts: ConfigMap-like read-only trees, shared trees that update', () => {
    const fs = MemFS.standard(() => 0);
    fs.mount('/etc/config', { 'app.properties': 'a=1\n', 'nested/key': 'v' }, { readOnly: true });
    expect(fs.readdir('/etc/config')).toEqual(['app.properties', 'nested']);
    expect(fs.readFile('/etc/config/nested/key')).toBe('v');
    expect(fs.stat('/etc/config/app.properties')!.readOnly).toBe(true);
    expect(code(() => fs.writeFile('/etc/config/app.properties', 'x'))).toBe('EROFS');
    expect(code(() => fs.unlink('/etc/config/app.properties'))).toBe('EROFS');
    expect(code(() => fs.rmdir('/etc/config'))).toBe('EBUSY');

    const volume = new MemFS();
    volume.writeFile('/shared.txt', 'v1');
    fs.mount('/data', volume);
    volume.writeFile('/shared.txt', 'v2');
    expect(fs.readFile('/data/shared.txt')).toBe('v2');
    fs.writeFile('/data/new', 'from container');
    expect(volume.readFile('/new')).toBe('from container');
    fs.unmount('/data');
    expect(fs.readdir('/data')).toEqual([]);
  });

  it('/dev/null reads empty and swallows writes', () => {
    const fs = MemFS.standard(() => 0);
    fs.writeFile('/dev/null', 'gone');
    expect(fs.readFile('/dev/null')).toBe('');
  });
});
