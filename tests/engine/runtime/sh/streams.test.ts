// Streams: line reading shared between readers, pipes with back-pressure and broken pipes.

import { describe, expect, it } from 'vitest';
import { BrokenPipe, Pipe, StringInput } from '../../../../src/engine/runtime/sh/streams';

describe('BufferedInput', () => {
  it('mixes readLine, read and readAll on one buffer', async () => {
    const s = new StringInput('a\nb\nc');
    expect(await s.readLine()).toBe('a');
    expect(await s.read()).toBe('b\nc');
    expect(await s.read()).toBeNull();
    const t = new StringInput('x\ny\n');
    expect(await t.readLine()).toBe('x');
    expect(await t.readAll()).toBe('y\n');
    expect(await t.readLine()).toBeNull();
  });

  it('iterates lines, including an unterminated last one', async () => {
    const out: string[] = [];
    for await (const l of new StringInput('1\n\n3')) out.push(l);
    expect(out).toEqual(['1', '', '3']);
  });
});

describe('Pipe', () => {
  it('delivers chunks as they are written, then end of input', async () => {
    const p = new Pipe();
    const got: (string | null)[] = [];
    const reader = (async () => {
      for (;;) {
        const l = await p.readLine();
        got.push(l);
        if (l === null) return;
      }
    })();
    await p.writer.write('one\ntw');
    await Promise.resolve();
    await p.writer.write('o\n');
    p.closeWrite();
    await reader;
    expect(got).toEqual(['one', 'two', null]);
  });

  it('blocks a writer past the buffer size until the reader catches up', async () => {
    const p = new Pipe();
    const big = 'x'.repeat(70_000);
    let resolved = false;
    const w = Promise.resolve(p.writer.write(big)).then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    expect((await p.read())!.length).toBe(70_000);
    await w;
    expect(resolved).toBe(true);
  });

  it('breaks the pipe for the writer when the reader closes', async () => {
    const p = new Pipe();
    let notified = 0;
    p.onReaderClosed = () => notified++;
    p.close();
    expect(() => p.writer.write('x')).toThrow(BrokenPipe);
    expect(notified).toBe(1);
  });
});
