// File utilities on the MemFS: touch, rm, rmdir, mkdir, cp, mv, ln, chmod, ls, stat, tee; messages
// in GNU and busybox wording.

import { describe, expect, it } from 'vitest';
import { harness } from '../helpers';

describe('touch, mkdir, rm, rmdir', () => {
  it('creates and removes files and trees', async () => {
    const h = harness();
    const r = await h.run('mkdir -p /data/a/b && touch /data/a/b/f /data/g && rm -r /data/a && rm /data/g && ls -a /data; rmdir /data; echo $?');
    expect(r.stdout).toBe('.\n..\n0\n');
    expect(h.fs.stat('/data')).toBeNull();
  });

  it('touch updates the modification time from now()', async () => {
    const h = harness();
    await h.run('touch /tmp/t');
    h.clock.now += 60_000;
    await h.run('touch /tmp/t');
    expect(h.fs.stat('/tmp/t')!.mtime).toBe(h.clock.now);
  });

  it.each([
    ['terminal', 'touch /nope/x', "touch: cannot touch '/nope/x': No such file or directory\n"],
    ['busybox', 'touch /nope/x', 'touch: /nope/x: No such file or directory\n'],
    ['terminal', 'mkdir /tmp', 'mkdir: cannot create directory ‘/tmp’: File exists\n'],
    ['busybox', 'mkdir /tmp', "mkdir: can't create directory '/tmp': File exists\n"],
    ['terminal', 'rm /tmp', "rm: cannot remove '/tmp': Is a directory\n"],
    ['busybox', 'rm /tmp', "rm: '/tmp' is a directory\n"],
    ['terminal', 'rm /nope', "rm: cannot remove '/nope': No such file or directory\n"],
    ['busybox', 'rm /nope', "rm: can't remove '/nope': No such file or directory\n"],
    ['terminal', 'rm', "rm: missing operand\nTry 'rm --help' for more information.\n"],
    ['terminal', 'rmdir /etc', "rmdir: failed to remove '/etc': Directory not empty\n"],
    ['busybox', 'rmdir /etc', "rmdir: '/etc': Directory not empty\n"],
    ['terminal', 'mkdir', "mkdir: missing operand\nTry 'mkdir --help' for more information.\n"],
  ] as const)('%s: %s', async (flavor, cmd, stderr) => {
    const r = await harness(flavor).run(cmd);
    expect(r.stderr).toBe(stderr);
    expect(r.status).toBe(1);
  });

  it('rm -f ignores missing files', async () => {
    expect(await harness().run('rm -f /nope /nope2')).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});

describe('cp, mv, ln, chmod', () => {
  it('copies and moves files and directories', async () => {
    const h = harness();
    h.fs.mkdir('/src/sub', { parents: true });
    h.fs.writeFile('/src/sub/f', 'data');
    const r = await h.run('cp -r /src /dst && cp /dst/sub/f /tmp/ && mv /tmp/f /tmp/g && cat /tmp/g /dst/sub/f; mkdir /d2; cp /tmp/g /dst/sub/f /d2; ls /d2');
    expect(r.stdout).toBe('datadataf\ng\n');
    expect(h.fs.stat('/tmp/f')).toBeNull();
  });

  it.each([
    ['terminal', 'cp /src /x', "cp: -r not specified; omitting directory '/src'\n"],
    ['busybox', 'cp /src /x', "cp: omitting directory '/src'\n"],
    ['terminal', 'cp /nope /x', "cp: cannot stat '/nope': No such file or directory\n"],
    ['busybox', 'cp /nope /x', "cp: can't stat '/nope': No such file or directory\n"],
    ['terminal', 'mv /nope /x', "mv: cannot stat '/nope': No such file or directory\n"],
    ['busybox', 'mv /nope /x', "mv: can't rename '/nope': No such file or directory\n"],
    ['terminal', 'cp /etc/hosts', "cp: missing destination file operand after '/etc/hosts'\nTry 'cp --help' for more information.\n"],
    ['terminal', 'ln -s /a /etc/hosts', "ln: failed to create symbolic link '/etc/hosts': File exists\n"],
    ['busybox', 'ln -s /a /etc/hosts', 'ln: /etc/hosts: File exists\n'],
    ['terminal', 'chmod 644 /nope', "chmod: cannot access '/nope': No such file or directory\n"],
    ['busybox', 'chmod 644 /nope', 'chmod: /nope: No such file or directory\n'],
    ['terminal', 'chmod q+x /etc/hosts', "chmod: invalid mode: ‘q+x’\nTry 'chmod --help' for more information.\n"],
  ] as const)('%s: %s', async (flavor, cmd, stderr) => {
    const h = harness(flavor);
    h.fs.mkdir('/src');
    const r = await h.run(cmd);
    expect(r.stderr).toBe(stderr);
    expect(r.status).toBe(1);
  });

  it('symbolic links resolve, and chmod takes octal and symbolic modes', async () => {
    const h = harness();
    const r = await h.run('echo hi > /tmp/t; ln -s /tmp/t /tmp/l; cat /tmp/l; chmod 600 /tmp/t; stat -c %a /tmp/t; chmod u+x,go+r /tmp/t; stat -c %A /tmp/t; chmod -x /tmp/t; stat -c %a /tmp/t');
    expect(r.stdout).toBe('hi\n600\n-rwxr--r--\n644\n');
  });
});

describe('ls', () => {
  function tree(h: ReturnType<typeof harness>): void {
    h.fs.mkdir('/w/sub', { parents: true });
    h.fs.writeFile('/w/a.txt', 'hello\n');
    h.fs.writeFile('/w/big', 'x'.repeat(23893));
    h.fs.writeFile('/w/.hidden', '');
    h.fs.symlink('a.txt', '/w/link');
  }

  it('lists one per line when piped, columns on a terminal', async () => {
    const h = harness();
    tree(h);
    expect((await h.run('ls /w')).stdout).toBe('a.txt\nbig\nlink\nsub\n');
    const tty = harness('terminal', { io: { stdout: { write: (t: string) => void lines.push(t), isTTY: true } } });
    const lines: string[] = [];
    tree(tty);
    await tty.shell.run('ls /w');
    expect(lines.join('')).toBe('a.txt  big  link  sub\n');
  });

  it('-l in GNU layout', async () => {
    const h = harness();
    tree(h);
    expect((await h.run('ls -l /w')).stdout).toBe(
      'total 32\n' +
        '-rw-r--r-- 1 root root     6 Jan  2 15:04 a.txt\n' +
        '-rw-r--r-- 1 root root 23893 Jan  2 15:04 big\n' +
        'lrwxrwxrwx 1 root root     5 Jan  2 15:04 link -> a.txt\n' +
        'drwxr-xr-x 2 root root  4096 Jan  2 15:04 sub\n',
    );
    expect((await h.run('ls -lh /w/big')).stdout).toBe('-rw-r--r-- 1 root root 24K Jan  2 15:04 /w/big\n');
  });

  it('-l in busybox layout, -a shows dot entries', async () => {
    const h = harness('busybox');
    tree(h);
    expect((await h.run('ls -la /w')).stdout).toBe(
      'total 40\n' +
        'drwxr-xr-x    3 root     root          4096 Jan  2 15:04 .\n' +
        'drwxr-xr-x   15 root     root          4096 Jan  2 15:04 ..\n' +
        '-rw-r--r--    1 root     root             0 Jan  2 15:04 .hidden\n' +
        '-rw-r--r--    1 root     root             6 Jan  2 15:04 a.txt\n' +
        '-rw-r--r--    1 root     root         23893 Jan  2 15:04 big\n' +
        'lrwxrwxrwx    1 root     root             5 Jan  2 15:04 link -> a.txt\n' +
        'drwxr-xr-x    2 root     root          4096 Jan  2 15:04 sub\n',
    );
  });

  it('shows the year for old files, sorts by time with -t, reverses with -r', async () => {
    const h = harness();
    h.fs.writeFile('/tmp/old', '');
    h.fs.utimes('/tmp/old', Date.UTC(2005, 0, 1));
    h.clock.now += 1000;
    h.fs.writeFile('/tmp/new', '');
    expect((await h.run('ls -l /tmp/old')).stdout).toBe('-rw-r--r-- 1 root root 0 Jan  1  2005 /tmp/old\n');
    expect((await h.run('cd /tmp; ls -t; ls -r')).stdout).toBe('new\nold\nold\nnew\n');
  });

  it('headers for several directories; errors per flavour', async () => {
    const h = harness();
    tree(h);
    const r = await h.run('ls /w/sub /etc /nope');
    expect(r.stdout).toBe('/etc:\nhostname\nhosts\n\n/w/sub:\n');
    expect(r.stderr).toBe("ls: cannot access '/nope': No such file or directory\n");
    expect(r.status).toBe(2);
    expect((await harness('busybox').run('ls /nope')).stderr).toBe('ls: /nope: No such file or directory\n');
  });
});

describe('stat and tee', () => {
  it('stat -c formats', async () => {
    const h = harness();
    h.fs.writeFile('/tmp/s', 'abc');
    expect((await h.run('stat -c "%n %s %a %A %F %Y" /tmp/s /tmp')).stdout).toBe(`/tmp/s 3 644 -rw-r--r-- regular file ${1136214245}\n/tmp 4096 1777 drwxrwxrwt directory ${1136214245}\n`);
  });

  it('tee copies stdin to files and stdout, -a appends', async () => {
    const h = harness();
    const r = await h.run('echo one | tee /tmp/a /tmp/b; echo two | tee -a /tmp/a > /dev/null; cat /tmp/a /tmp/b');
    expect(r.stdout).toBe('one\none\ntwo\none\n');
  });
});
