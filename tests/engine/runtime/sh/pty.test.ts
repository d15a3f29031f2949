// The pseudo-terminal's line discipline (n_tty with stty sane): echo, editing keys, signals, end of input,
// output post-processing, and raw mode handing keys to a line editor.

import { describe, expect, it } from 'vitest';
import { Pty } from '../../../../src/engine/runtime/sh/pty';
import { AbortScope } from '../../../../src/engine/runtime/sh/signal';

function pty() {
  let shown = '';
  const p = new Pty((t) => (shown += t));
  return { p, shown: () => shown };
}

describe('Pty cooked mode', () => {
  it.each([
    ['a line, CR read as NL', 'ls -l\r', ['ls -l\n'], 'ls -l\r\n'],
    ['backspace erases one character', 'lx\x7fs\r', ['ls\n'], 'lx\b \bs\r\n'],
    ['^U kills the line', 'abc\x15ok\r', ['ok\n'], 'abc\b \b\b \b\b \bok\r\n'],
    ['^W erases a word and the blanks after it', 'echo ab  \x17hi\r', ['echo hi\n'], 'echo ab  \b \b\b \b\b \b\b \bhi\r\n'],
    ['control characters echo as ^X and erase as two cells', 'a\x01\x7f\r', ['a\n'], 'a^A\b \b\b \b\r\n'],
    ['^V takes the next key literally', '\x16\x03\r', ['\x03\n'], '^C\r\n'],
    ['^R reprints the line', 'ab\x12\r', ['ab\n'], 'ab^R\r\nab\r\n'],
    ['^Z, ^\\ and flow control keys do nothing', 'a\x1a\x1c\x13\x11b\r', ['ab\n'], 'ab\r\n'],
    ['^D flushes a partial line without its NL', 'abc\x04', ['abc'], 'abc'],
    ['two lines at once', 'a\rb\r', ['a\n', 'b\n'], 'a\r\nb\r\n'],
  ])('%s', async (_name, keys, lines, echo) => {
    const { p, shown } = pty();
    p.input(keys);
    const got: (string | null)[] = [];
    for (let i = 0; i < lines.length; i++) got.push(await p.readCooked());
    expect(got).toEqual(lines);
    expect(shown()).toBe(echo);
  });

  it('^D on an empty line is end of input for one read only', async () => {
    const { p } = pty();
    p.input('\x04x\r');
    expect(await p.readCooked()).toBeNull();
    expect(await p.readCooked()).toBe('x\n');
  });

  it('^C echoes, drops what was typed and interrupts the foreground', async () => {
    const { p, shown } = pty();
    const fg = new AbortScope();
    p.foreground = fg;
    p.input('one\rtwo\x03three\r');
    expect(fg.aborted && fg.reason).toBe('SIGINT');
    expect(await p.readCooked()).toBe('three\n');
    expect(shown()).toBe('one\r\ntwo^Cthree\r\n');
  });

  it('a blocked reader wakes on input, gives up on its signal, and sees end of input after a hangup', async () => {
    const { p } = pty();
    let waits = 0;
    p.onWait = () => waits++;
    const first = p.readCooked();
    p.input('hi\r');
    expect(await first).toBe('hi\n');
    const sig = new AbortScope();
    const second = p.readCooked(sig);
    sig.abort('SIGINT');
    expect(await second).toBeNull();
    // The abandoned read took nothing.
    p.input('next\r');
    expect(await p.readCooked()).toBe('next\n');
    const third = p.readCooked();
    p.hangup();
    expect(await third).toBeNull();
    expect(p.closed).toBe(true);
    expect(waits).toBe(2 + 1);
  });

  it('output turns NL into CR NL (onlcr); a line editor writes as is', () => {
    const { p, shown } = pty();
    p.write('a\nb\r\nc');
    p.writeRaw('\r\x1b[J');
    expect(shown()).toBe('a\r\nb\r\nc\r\x1b[J');
    expect(p.stdout.isTTY).toBe(true);
    p.resize(100, 30);
    expect(p.stdout.columns).toBe(100);
  });
});

describe('Pty raw mode', () => {
  it('hands keys over untouched, without echo; ^C is a key', async () => {
    const { p, shown } = pty();
    const fg = new AbortScope();
    p.foreground = fg;
    p.setRaw(true);
    p.input('a\x03\x04\r');
    expect(await p.readRaw()).toBe('a\x03\x04\r');
    expect(fg.aborted).toBe(false);
    expect(shown()).toBe('');
  });

  it('keys typed while a command ran come back to the editor; unused keys are read again', async () => {
    const { p } = pty();
    p.input('ls\rpw');
    p.setRaw(true);
    expect(await p.readRaw()).toBe('ls\npw');
    p.unreadRaw('pw');
    expect(await p.readRaw()).toBe('pw');
  });

  it('keys left when the editor leaves raw mode are cooked without echo', async () => {
    const { p, shown } = pty();
    p.setRaw(true);
    p.input('rest\r');
    p.setRaw(false);
    expect(await p.readCooked()).toBe('rest\n');
    expect(shown()).toBe('');
  });

  it('a resize tells the editor to redraw, once per real change', () => {
    const { p } = pty();
    let winch = 0;
    p.onWinch = () => winch++;
    p.resize(81, 25);
    p.resize(81, 25);
    p.resize(80, 24);
    p.resize(0, 10);
    expect(winch).toBe(2);
    expect([p.cols, p.rows]).toEqual([80, 24]);
  });
});
