// The user's own terminal while a typed command runs: modes the host follows, cooked echo and ^C, raw keys,
// reads a finished copier withdraws, and window size changes.

import { describe, expect, it } from 'vitest';
import { KeyboardTerminal, type KeyboardMode } from '../../../../src/engine/runtime/sh/keyboard';
import { AbortScope } from '../../../../src/engine/runtime/sh/signal';
import { asTerminal, ClosedTerminal } from '../../../../src/engine/runtime/sh/terminal-stdin';

function keyboard() {
  let shown = '';
  const modes: KeyboardMode[] = [];
  const fg = new AbortScope();
  const k = new KeyboardTerminal((t) => (shown += t), { cols: 100, rows: 30 }, fg);
  k.onMode = (m) => modes.push(m);
  return { k, fg, modes, shown: () => shown };
}

describe('KeyboardTerminal', () => {
  it('is a terminal someone types at', () => {
    const { k } = keyboard();
    expect(asTerminal(k)).toBe(k);
    expect(k.interactive).toBe(true);
    expect(k.size()).toEqual({ cols: 100, rows: 30 });
    expect(k.mode).toBe('off');
  });

  it('turns cooked when a program waits for a line; echoes, and ends a reader at ^D', async () => {
    const { k, modes, shown } = keyboard();
    const line = k.readLine();
    await Promise.resolve();
    expect(modes).toEqual(['cooked']);
    k.type('helo\x7flo\r');
    expect(await line).toBe('hello');
    k.type('\x04');
    expect(await k.read()).toBeNull();
    expect(shown()).toBe('helo\b \blo\r\n');
  });

  it('^C in cooked mode echoes and interrupts the command line', () => {
    const { k, fg, shown } = keyboard();
    k.type('abc\x03');
    expect(fg.aborted && fg.reason).toBe('SIGINT');
    expect(shown()).toBe('abc^C');
  });

  it('raw mode passes every key, ^C included, and says so; leaving it turns keys off', async () => {
    const { k, fg, modes, shown } = keyboard();
    k.setRaw(true);
    k.type('ls\r\x03\x04');
    expect(await k.readInput(new AbortScope())).toBe('ls\r\x03\x04');
    expect(fg.aborted).toBe(false);
    expect(shown()).toBe('');
    k.setRaw(false);
    expect(modes).toEqual(['raw', 'off']);
  });

  it('a read withdrawn by its signal takes no keys', async () => {
    const { k } = keyboard();
    k.setRaw(true);
    const copier = new AbortScope();
    const pending = k.readInput(copier);
    copier.abort('SIGHUP');
    expect(await pending).toBeNull();
    k.type('x');
    expect(await k.readInput(new AbortScope())).toBe('x');
  });

  it('reports size changes until unsubscribed; a hangup ends reads', async () => {
    const { k } = keyboard();
    const seen: string[] = [];
    const off = k.onResize((s) => seen.push(`${s.cols}x${s.rows}`));
    k.resize(120, 40);
    k.resize(120, 40);
    off();
    k.resize(90, 20);
    expect(seen).toEqual(['120x40']);
    expect(k.size()).toEqual({ cols: 90, rows: 20 });
    const r = k.read();
    k.hangup();
    expect(await r).toBeNull();
  });
});

describe('ClosedTerminal', () => {
  it('is a terminal nobody types at: reads end at once', async () => {
    const t = new ClosedTerminal(120);
    expect(asTerminal(t)?.interactive).toBe(false);
    expect(t.size()).toEqual({ cols: 120, rows: 24 });
    expect(await t.readInput()).toBeNull();
    expect(await t.readAll()).toBe('');
  });
});
