// A container main process's stdin and output as attach sees them: output to the log and every client,
// input from clients that attached stdin, and what the end of a client's stdin or its leaving does
// (containerd's attach: stdinOnce without a terminal closes stdin, otherwise the client's session ends).

import { describe, expect, it } from 'vitest';
import { Console, type ConsoleStream } from '../../../../src/engine/runtime/sh/console';

function setup(o: { tty: boolean; stdinOnce: boolean }) {
  const log: string[] = [];
  const con = new Console({ ...o, log: (s, t) => log.push(`${s}:${t}`) });
  const client = () => {
    const c = { got: '', ended: false, write: (_s: ConsoleStream, t: string) => void (c.got += t), end: () => void (c.ended = true) };
    return c;
  };
  return { con, log, client };
}

describe('Console without a terminal (stdin: true)', () => {
  it('sends output to the log and to attached clients; input to the process', async () => {
    const { con, log, client } = setup({ tty: false, stdinOnce: false });
    con.out('stdout', 'before\n');
    const a = client();
    const att = con.attach(a, true);
    con.out('stderr', 'oops\n');
    att.input('hello\n');
    expect(await con.stdin!.readLine()).toBe('hello');
    expect(a.got).toBe('oops\n');
    expect(log).toEqual(['stdout:before\n', 'stderr:oops\n']);
  });

  it('a client without stdin cannot write to the process', async () => {
    const { con, client } = setup({ tty: false, stdinOnce: false });
    const att = con.attach(client(), false);
    att.input('ignored\n');
    att.endInput();
    con.end();
    expect(await con.stdin!.readAll()).toBe('');
  });

  it('stdinOnce: the end of the first client input closes stdin; the session goes on until the process ends', async () => {
    const { con, client } = setup({ tty: false, stdinOnce: true });
    const a = client();
    const att = con.attach(a, true);
    att.input('x\n');
    att.endInput();
    expect(await con.stdin!.readAll()).toBe('x\n');
    expect(a.ended).toBe(false);
    con.out('stdout', 'done\n');
    con.end();
    expect(a).toMatchObject({ got: 'done\n', ended: true });
  });

  it('without stdinOnce the end of a client input ends its session; stdin stays open for the next one', async () => {
    const { con, client } = setup({ tty: false, stdinOnce: false });
    const a = client();
    con.attach(a, true).endInput();
    expect(a.ended).toBe(true);
    con.out('stdout', 'later\n');
    expect(a.got).toBe('');
    const b = client();
    con.attach(b, true).input('again\n');
    expect(await con.stdin!.readLine()).toBe('again');
  });

  it('attaching to a process that ended ends the client at once', () => {
    const { con, client } = setup({ tty: false, stdinOnce: false });
    con.end();
    const a = client();
    con.attach(a, true);
    expect(a.ended).toBe(true);
  });
});

describe('Console with a terminal (tty: true)', () => {
  it('keystrokes go through the terminal, which echoes to every client and the log', async () => {
    const { con, log, client } = setup({ tty: true, stdinOnce: true });
    const a = client();
    const att = con.attach(a, true);
    att.input('ls\r');
    expect(await con.pty!.readCooked()).toBe('ls\n');
    expect(a.got).toBe('ls\r\n');
    expect(log.join('')).toBe('stdout:lstdout:sstdout:\r\n');
    att.resize(100, 40);
    expect(con.pty!.cols).toBe(100);
  });

  it('stdinOnce: the first stdin client leaving hangs the terminal up; a later one does not', async () => {
    const { con, client } = setup({ tty: true, stdinOnce: true });
    const first = con.attach(client(), true);
    const second = con.attach(client(), true);
    second.detach();
    expect(con.pty!.closed).toBe(false);
    first.detach();
    expect(con.pty!.closed).toBe(true);
    expect(await con.pty!.readCooked()).toBeNull();
  });

  it('the end of a client input on a terminal ends that session (and, stdinOnce, the terminal)', () => {
    const { con, client } = setup({ tty: true, stdinOnce: true });
    const a = client();
    con.attach(a, true).endInput();
    expect(a.ended).toBe(true);
    expect(con.pty!.closed).toBe(true);
  });
});
