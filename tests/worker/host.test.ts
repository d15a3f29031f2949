import { afterEach, describe, expect, it } from 'vitest';
import { WorkerHost } from '../../src/worker/host';
import type { FromWorker, ReplyValues, Request, WorkerEvent } from '../../src/worker/protocol';

type Body = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

/** Drives a WorkerHost through the protocol, as the page's proxy does. */
class Harness {
  readonly events: WorkerEvent[] = [];
  private waiters = new Map<number, (m: FromWorker) => void>();
  private next = 1;
  readonly host = new WorkerHost((m) => {
    if (m.type === 'reply') this.waiters.get(m.id)?.(m);
    else this.events.push(m);
  });

  request<T extends Request['type']>(body: Extract<Body, { type: T }>): { id: number; reply: Promise<ReplyValues[T]> } {
    const id = this.next++;
    const reply = new Promise<ReplyValues[T]>((resolve, reject) => {
      this.waiters.set(id, (m) => (m.type === 'reply' && m.ok ? resolve(m.value as ReplyValues[T]) : reject(new Error(m.type === 'reply' && !m.ok ? m.error : '?'))));
    });
    void this.host.handle({ ...body, id } as Request);
    return { id, reply };
  }

  output(run: number): string {
    return this.events.map((e) => (e.type === 'output' && e.run === run ? e.text : e.type === 'clear' && e.run === run ? '<clear>' : '')).join('');
  }

  async run(line: string, extra: { files?: Record<string, string>; editText?: string } = {}) {
    const r = this.request({ type: 'run', line, ...extra });
    const v = await r.reply;
    return { ...v, output: this.output(r.id) };
  }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let h: Harness;

afterEach(async () => {
  await h?.request({ type: 'clock', change: { action: 'pause' } }).reply;
});

describe('WorkerHost (the engine worker behind the protocol)', () => {
  it('boots, runs commands with their output and history, expands !!, clears out of band', async () => {
    h = new Harness();
    const info = await h.request({ type: 'boot', options: { nodes: 2, speed: 0, persist: false } }).reply;
    expect(info.restored).toBe(false);
    expect(info.clock.paused).toBe(true);
    expect(info.verbs).toContain('apply');
    const nodes = await h.run('kubectl get nodes --no-headers | wc -l');
    expect(nodes).toEqual({ code: 0, recorded: 'kubectl get nodes --no-headers | wc -l', output: '3\n' });
    expect(await h.run('!!')).toEqual({ code: 0, recorded: 'kubectl get nodes --no-headers | wc -l', output: 'kubectl get nodes --no-headers | wc -l\n3\n' });
    expect(await h.run('!nope')).toEqual({ code: 1, recorded: null, output: 'bash: !nope: event not found\n' });
    expect((await h.run('clear')).output).toBe('<clear>');
    expect((await h.run('clear | cat')).output).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect(await h.request({ type: 'history' }).reply).toEqual(['kubectl get nodes --no-headers | wc -l', 'kubectl get nodes --no-headers | wc -l', 'clear', 'clear | cat']);
  });

  it('wraps kubectl help to the terminal width the page reported', async () => {
    h = new Harness();
    await h.request({ type: 'boot', options: { nodes: 1, speed: 0, persist: false } }).reply;
    const longest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
    // kubectl wraps flag usages to 80, 100 or 120 columns by the terminal's width.
    void h.host.handle({ type: 'resize', cols: 85, rows: 20 });
    const narrow = (await h.run('kubectl get --help')).output;
    void h.host.handle({ type: 'resize', cols: 160, rows: 40 });
    const wide = (await h.run('kubectl get --help')).output;
    expect(narrow).not.toBe(wide);
    const flagLines = (text: string) => text.split('\n').filter((l) => /^\s+--/.test(l) || /^\s{4,}\S/.test(l) && !l.includes('kubectl '));
    expect(longest(flagLines(narrow).join('\n'))).toBeLessThanOrEqual(80);
  });

  it('writes files before a command (the editor Apply) and answers kubectl edit with the preset text', async () => {
    h = new Harness();
    await h.request({ type: 'boot', options: { nodes: 1, speed: 0, persist: false } }).reply;
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  a: "1"\n';
    expect((await h.run('kubectl apply -f /tmp/demo.yaml', { files: { '/tmp/demo.yaml': cm } })).output).toBe('configmap/demo created\n');
    const y = await h.request({ type: 'yaml', ref: { resource: 'configmaps', namespace: 'default', name: 'demo' } }).reply;
    expect(y.ok).toBe(true);
    const edited = y.text.replace('a: "1"', 'a: "2"');
    expect((await h.run('kubectl edit configmaps/demo -n default', { editText: edited })).output).toBe('configmap/demo edited\n');
    expect((await h.run("kubectl get cm demo -o jsonpath='{.data.a}'")).output).toBe('2');
  });

  it('asks the page for an editor when kubectl edit is typed', async () => {
    h = new Harness();
    await h.request({ type: 'boot', options: { nodes: 1, speed: 0, persist: false } }).reply;
    await h.run('kubectl create configmap demo --from-literal=a=b');
    const r = h.request({ type: 'run', line: 'kubectl edit cm demo' });
    await wait(20);
    const ask = h.events.find((e) => e.type === 'edit');
    expect(ask?.type === 'edit' && ask.text.includes('name: demo')).toBe(true);
    void h.host.handle({ type: 'editReply', edit: ask!.type === 'edit' ? ask!.edit : 0, text: null });
    expect(await r.reply).toEqual({ code: 0, recorded: 'kubectl edit cm demo' });
    expect(h.output(r.id)).toBe('Edit cancelled, no changes made.\n');
  });

  it('interrupts a watch, steps the clock, captures quietly, completes, resets', async () => {
    h = new Harness();
    await h.request({ type: 'boot', options: { nodes: 1, speed: 0, persist: false } }).reply;
    const w = h.request({ type: 'run', line: 'kubectl get nodes -w' });
    await wait(30);
    void h.host.handle({ type: 'interrupt', run: w.id });
    expect((await w.reply).code).toBe(130);
    expect(h.output(w.id)).toMatch(/^NAME\s+STATUS/);

    const before = (await h.request({ type: 'clock', change: { action: 'step', ms: 5000 } }).reply).now;
    const after = (await h.request({ type: 'clock', change: { action: 'step', ms: 1000 } }).reply).now;
    expect(after - before).toBe(1000);

    const d = await h.request({ type: 'capture', line: 'kubectl describe node worker-1 | head -1' }).reply;
    expect(d).toEqual({ code: 0, text: 'Name:               worker-1\n' });
    expect(await h.request({ type: 'history' }).reply).not.toContain('kubectl describe node worker-1 | head -1');

    expect(await h.request({ type: 'complete', line: 'kubectl get no' }).reply).toEqual({ from: 12, candidates: ['nodes '] });

    await h.run('kubectl create namespace temp');
    const fresh = await h.request({ type: 'reset', nodes: 2 }).reply;
    expect(fresh.history).toContain('kubectl create namespace temp');
    expect((await h.run('kubectl get ns temp')).output).toBe('Error from server (NotFound): namespaces "temp" not found\n');
    expect((await h.run('kubectl get nodes --no-headers | wc -l')).output).toBe('3\n');
  });

  it('gives a typed command the keyboard: tty modes to the page, keys and size to the command', async () => {
    h = new Harness();
    await h.request({ type: 'boot', options: { nodes: 1, speed: 0, persist: false } }).reply;
    await h.run('kubectl run bb --image=busybox -- sleep 3600');
    await h.request({ type: 'clock', change: { action: 'step', ms: 20_000 } }).reply;
    const modes = (run: number) => h.events.flatMap((e) => (e.type === 'tty' && e.run === run ? [e.mode] : []));
    const until = async (cond: () => boolean) => {
      for (let i = 0; i < 200 && !cond(); i++) await wait(5);
      expect(cond()).toBe(true);
    };

    // Without the keyboard message a command's terminal has nobody at it: reads end at once.
    expect(await h.run('cat')).toMatchObject({ code: 0, output: '' });

    void h.host.handle({ type: 'resize', cols: 100, rows: 30 });
    void h.host.handle({ type: 'keyboard' });
    const cat = h.request({ type: 'run', line: 'cat' });
    await until(() => modes(cat.id).includes('cooked'));
    void h.host.handle({ type: 'input', run: cat.id, data: 'hi\r\x04' });
    expect((await cat.reply).code).toBe(0);
    // The worker's line discipline echoed the line, then cat printed it.
    expect(h.output(cat.id)).toBe('hi\r\nhi\n');

    void h.host.handle({ type: 'keyboard' });
    const ex = h.request({ type: 'run', line: 'kubectl exec -it bb -- sh' });
    await until(() => h.output(ex.id).endsWith('/ # '));
    expect(modes(ex.id)).toEqual(['raw']);
    void h.host.handle({ type: 'input', run: ex.id, data: 'echo x\r' });
    await until(() => h.output(ex.id).endsWith('x\r\n/ # '));
    // A new size reaches the container's terminal: busybox redraws its line.
    void h.host.handle({ type: 'input', run: ex.id, data: 'ex' });
    await until(() => h.output(ex.id).endsWith('/ # ex'));
    void h.host.handle({ type: 'resize', cols: 60, rows: 20 });
    await until(() => h.output(ex.id).endsWith('\r/ # ex\x1b[J'));
    void h.host.handle({ type: 'input', run: ex.id, data: 'it 7\r' });
    expect((await ex.reply).code).toBe(7);
    expect(h.output(ex.id)).toBe('/ # echo x\r\nx\r\n/ # ex\r/ # ex\x1b[Jit 7\r\ncommand terminated with exit code 7\n');
    expect(modes(ex.id)).toEqual(['raw', 'off']);

    // Keys for a run that is over, or that has no keyboard, go nowhere.
    void h.host.handle({ type: 'input', run: ex.id, data: 'ignored\r' });
    expect((await h.run('echo done')).output).toBe('done\n');
  });
});
