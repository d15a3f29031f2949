import { describe, expect, it } from 'vitest';
import { columns, commonPrefix, nextKey, TerminalController, type TerminalBackend } from '../../../src/ui/terminal/controller';
import { isComplete } from '../../../src/engine/runtime/sh/complete';
import type { Completion } from '../../../src/worker/protocol';
import { FakeScreen } from './screen';

/** A backend that answers each command from a table (and records what ran). */
function fakeBackend(answers: Record<string, string>, completions: Record<string, Completion> = {}) {
  const ran: string[] = [];
  const interrupted: number[] = [];
  let next = 1;
  const pending = new Map<number, () => void>();
  const backend: TerminalBackend = {
    run(line, opts) {
      const id = next++;
      ran.push(line);
      const done = new Promise<{ code: number; recorded: string | null }>((resolve) => {
        if (line === 'watch') {
          opts.onOutput('tick\n');
          pending.set(id, () => resolve({ code: 130, recorded: line }));
          return;
        }
        setTimeout(() => {
          opts.onOutput(answers[line] ?? `${line}: command not found\n`);
          resolve({ code: 0, recorded: line });
        }, 0);
      });
      return { id, done };
    },
    interrupt(id) {
      interrupted.push(id);
      pending.get(id)?.();
    },
    async complete(line) {
      return completions[line] ?? { from: line.length, candidates: [] };
    },
  };
  return { backend, ran, interrupted };
}

const settle = () => new Promise((r) => setTimeout(r, 5));
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

function setup(answers: Record<string, string> = {}, completions: Record<string, Completion> = {}) {
  const screen = new FakeScreen(60);
  const { backend, ran, interrupted } = fakeBackend(answers, completions);
  const t = new TerminalController(screen, backend, isComplete);
  t.start('hello\r\n', []);
  return { screen, t, ran, interrupted, text: () => plain(screen.text()) };
}

describe('TerminalController', () => {
  it('runs a typed line and prints its output, then a new prompt', async () => {
    const { t, ran, text } = setup({ 'kubectl get ns': 'NAME      STATUS\ndefault   Active\n' });
    t.handleData('kubectl get ns\r');
    await settle();
    expect(ran).toEqual(['kubectl get ns']);
    expect(text()).toBe('hello\n$ kubectl get ns\nNAME      STATUS\ndefault   Active\n$');
  });

  it('continues an incomplete command with "> " and sends it whole', async () => {
    const { t, ran, text } = setup({ "echo 'a\nb'": 'a\nb\n' });
    t.handleData("echo 'a\r");
    expect(text()).toBe("hello\n$ echo 'a\n>");
    t.handleData("b'\r");
    await settle();
    expect(ran).toEqual(["echo 'a\nb'"]);
  });

  it('recalls history with the arrows and keeps the draft', async () => {
    const { t, text } = setup({ one: '1\n', two: '2\n' });
    t.handleData('one\r');
    await settle();
    t.handleData('two\r');
    await settle();
    t.handleData('dra');
    t.handleData('\x1b[A');
    expect(t.editor.buffer).toBe('two');
    t.handleData('\x1b[A\x1b[A');
    expect(t.editor.buffer).toBe('one');
    t.handleData('\x1b[B\x1b[B');
    expect(t.editor.buffer).toBe('dra');
    expect(text().endsWith('$ dra')).toBe(true);
  });

  it('keeps keys typed while a command runs and replays them at the prompt', async () => {
    const { t, ran } = setup({ a: 'A\n', b: 'B\n' });
    t.handleData('a\r');
    t.handleData('b\r');
    await settle();
    await settle();
    expect(ran).toEqual(['a', 'b']);
  });

  it('Ctrl-C interrupts the running command; at the prompt it abandons the line', async () => {
    const { t, interrupted, text } = setup();
    t.handleData('watch\r');
    await settle();
    t.handleData('\x03');
    await settle();
    expect(interrupted).toEqual([1]);
    expect(text()).toBe('hello\n$ watch\ntick\n^C\n$');
    t.handleData('half typed\x03');
    expect(text()).toBe('hello\n$ watch\ntick\n^C\n$ half typed^C\n$');
    expect(t.editor.buffer).toBe('');
  });

  it('completes a unique candidate, then the common prefix, then lists on a second Tab', async () => {
    const { t, text } = setup({}, {
      'kubectl get no': { from: 12, candidates: ['nodes '] },
      'kubectl get p': { from: 12, candidates: ['pods ', 'podtemplates ', 'poddisruptionbudgets '] },
      'kubectl get pod': { from: 12, candidates: ['pods ', 'podtemplates ', 'poddisruptionbudgets '] },
    });
    t.handleData('kubectl get no\t');
    await settle();
    expect(t.editor.buffer).toBe('kubectl get nodes ');
    t.handleData('\x15kubectl get p\t');
    await settle();
    expect(t.editor.buffer).toBe('kubectl get pod');
    t.handleData('\t');
    await settle();
    t.handleData('\t');
    await settle();
    expect(text()).toContain('pods');
    expect(text()).toContain('podtemplates');
    expect(text().endsWith('$ kubectl get pod')).toBe(true);
  });

  it('echoes a button command at an idle prompt and restores the draft afterwards', async () => {
    const { t, text } = setup({ 'kubeplay node kill worker-2': 'node/worker-2 powered off\n' });
    t.handleData('kubectl get');
    const code = await t.runCommand('kubeplay node kill worker-2');
    expect(code).toBe(0);
    expect(text()).toBe('hello\n$ kubeplay node kill worker-2\nnode/worker-2 powered off\n$ kubectl get');
    expect(t.editor.buffer).toBe('kubectl get');
    expect(t.history).toEqual(['kubeplay node kill worker-2']);
  });

  it('sanitises command output', async () => {
    const { t, text } = setup({ evil: '\x1b]0;title\x07\x1b[2Jok\n' });
    t.handleData('evil\r');
    await settle();
    expect(text()).toContain('^[]0;title^G^[[2Jok');
  });
});

describe('key parsing and helpers', () => {
  it.each([
    ['\x1b[A', '\x1b[A'],
    ['\x1b[1;5Drest', '\x1b[1;5D'],
    ['\x1bOH', '\x1bOH'],
    ['\x1bb', '\x1bb'],
    ['\x1b\x7f', '\x1b\x7f'],
    ['abc\rdef', 'abc'],
    ['\rabc', '\r'],
    ['\x1b', '\x1b'],
  ])('nextKey(%j) = %j', (data, key) => {
    expect(nextKey(data)).toBe(key);
  });

  it('commonPrefix and columns', () => {
    expect(commonPrefix(['pods ', 'podtemplates '])).toBe('pod');
    expect(commonPrefix([])).toBe('');
    expect(columns(['a', 'bb', 'ccc', 'd'], 12)).toBe('a    ccc\r\nbb   d\r\n');
  });
});

describe('TerminalController with a command that reads the terminal', () => {
  /** A backend whose runs stay open until finished by the test; keys sent to them are recorded. */
  function interactive() {
    const screen = new FakeScreen(60);
    const runs: { line: string; keyboard?: boolean; out(t: string): void; finish(code: number): void }[] = [];
    const inputs: [number, string][] = [];
    const interrupted: number[] = [];
    let next = 1;
    const backend: TerminalBackend = {
      run(line, opts) {
        const id = next++;
        let finish = (_c: number) => {};
        const done = new Promise<{ code: number; recorded: string | null }>((resolve) => (finish = (code) => resolve({ code, recorded: line })));
        runs.push({ line, keyboard: opts.keyboard, out: opts.onOutput, finish });
        return { id, done };
      },
      interrupt: (id) => void interrupted.push(id),
      complete: async (line) => ({ from: line.length, candidates: [] }),
      input: (id, data) => void inputs.push([id, data]),
    };
    const t = new TerminalController(screen, backend, isComplete);
    t.start('', []);
    return { t, screen, runs, inputs, interrupted, text: () => plain(screen.text()) };
  }

  it('typed commands get the keyboard; keys wait as typeahead until the worker says the command reads them', async () => {
    const { t, runs, inputs, interrupted, text } = interactive();
    t.handleData('kubectl exec -it bb -- sh\r');
    expect(runs[0]).toMatchObject({ line: 'kubectl exec -it bb -- sh', keyboard: true });
    t.handleData('ls');
    expect(inputs).toEqual([]);
    t.setInputMode(1, 'raw');
    expect(inputs).toEqual([[1, 'ls']]);
    // Raw: every key goes to the command, Ctrl-C and Ctrl-D too; nothing is echoed locally.
    t.handleData('\r\x03\x04');
    expect(inputs).toEqual([[1, 'ls'], [1, '\r\x03\x04']]);
    expect(interrupted).toEqual([]);
    // The container's line editor may move the cursor and erase.
    runs[0].out('/ # ab\x08 \x08\x1b[K\r\n');
    expect(text()).toBe('$ kubectl exec -it bb -- sh\n/ # a');
    t.setInputMode(1, 'off');
    runs[0].out('x\ry\n');
    t.handleData('\x03');
    expect(interrupted).toEqual([1]);
    runs[0].finish(130);
    await settle();
    // Back at the prompt, keys go to the line editor again.
    t.handleData('echo');
    expect(inputs.length).toBe(2);
    expect(t.editor.buffer).toBe('echo');
    expect(text()).toBe('$ kubectl exec -it bb -- sh\n/ # a\nx^My\n^C\n$ echo');
  });

  it('a mode for another run is ignored; commands run alongside a busy one get no keyboard', async () => {
    const { t, runs, inputs } = interactive();
    t.handleData('cat\r');
    void t.runCommand('kubectl get pods');
    expect(runs.map((r) => r.keyboard)).toEqual([true, undefined]);
    t.setInputMode(2, 'cooked');
    t.handleData('x');
    expect(inputs).toEqual([]);
    t.setInputMode(1, 'cooked');
    t.handleData('y\r');
    expect(inputs).toEqual([[1, 'x'], [1, 'y\r']]);
    runs[1].finish(0);
    runs[0].finish(0);
    await settle();
  });
});
