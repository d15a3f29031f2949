// The line discipline behind `kubectl exec -it POD -- sh`: editing keys, interrupts, exit codes.

import { describe, expect, it } from 'vitest';
import { LineDiscipline } from '../../src/host/http/line-discipline';

function harness(tty = true, codes: Record<string, number> = {}) {
  let screen = '';
  const ran: string[] = [];
  let exited: number | undefined;
  let interrupted = 0;
  let release: (() => void) | undefined;
  const ld = new LineDiscipline({
    tty,
    prompt: '$ ',
    write: (t) => (screen += t),
    run: async (line) => {
      ran.push(line);
      if (line === 'block') await new Promise<void>((r) => (release = r));
      return codes[line] ?? 0;
    },
    interrupt: () => {
      interrupted++;
      release?.();
    },
    exit: (code) => (exited = code),
  });
  ld.begin();
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { ld, settle, screen: () => screen, ran, exited: () => exited, interrupted: () => interrupted };
}

describe('LineDiscipline', () => {
  it.each([
    ['plain line', 'echo a\r', ['echo a'], '$ echo a\r\n$ '],
    ['backspace', 'ecx\x7fho\r', ['echo'], '$ ecx\b \bho\r\n$ '],
    ['Ctrl-U kills the line', 'abc\x15ls\r', ['ls'], '$ abc\b \b\b \b\b \bls\r\n$ '],
    ['arrow keys are ignored', 'l\x1b[As\r', ['ls'], '$ ls\r\n$ '],
    ['Ctrl-C on a prompt starts over', 'abc\x03ls\r', ['ls'], '$ abc^C\r\n$ ls\r\n$ '],
    ['empty lines only prompt', '\r\r', [], '$ \r\n$ \r\n$ '],
  ])('%s', async (_name, keys, ran, screen) => {
    const h = harness();
    h.ld.input(keys);
    await h.settle();
    expect(h.ran).toEqual(ran);
    expect(h.screen()).toBe(screen);
  });

  it('exit N ends with N; Ctrl-D ends with the last status', async () => {
    const a = harness(true, { false: 1 });
    a.ld.input('false\rexit 7\r');
    await a.settle();
    expect(a.exited()).toBe(7);
    const b = harness(true, { false: 1 });
    b.ld.input('false\r\x04');
    await b.settle();
    await b.settle();
    expect(b.exited()).toBe(1);
  });

  it('Ctrl-C while a command runs interrupts it', async () => {
    const h = harness();
    h.ld.input('block\r');
    await h.settle();
    h.ld.input('\x03');
    await h.settle();
    expect(h.interrupted()).toBe(1);
    expect(h.screen()).toBe('$ block\r\n^C\r\n$ ');
  });

  it('without a tty: no echo, no prompt, lines split on newlines, EOF runs the rest', async () => {
    const h = harness(false);
    h.ld.input('a\nb');
    h.ld.eof();
    await h.settle();
    await h.settle();
    expect(h.ran).toEqual(['a', 'b']);
    expect(h.screen()).toBe('');
    expect(h.exited()).toBe(0);
  });
});
