// The page's one handle on the engine worker: typed requests with ids and promised replies, command runs
// with streamed output, fire-and-forget commands, and a listener list for unsolicited events.

import type { Command, FromWorker, ReplyValues, Request, WorkerEvent } from '../../worker/protocol';
import type { RunHandle, TerminalBackend } from '../terminal/controller';
import type { Completion } from '../../worker/protocol';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RequestBody = DistributiveOmit<Request, 'id'>;

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

interface RunSink {
  onOutput(text: string): void;
  onClear(): void;
}

export class EngineProxy implements TerminalBackend {
  private readonly worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private sinks = new Map<number, RunSink>();
  private listeners = new Set<(e: WorkerEvent) => void>();

  constructor(worker?: Worker) {
    this.worker = worker ?? new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'kubeplay-engine' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.dispatch(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.emit({ type: 'fatal', error: e.message || 'the engine worker failed to start' });
    };
  }

  private dispatch(m: FromWorker): void {
    switch (m.type) {
      case 'reply': {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.op === 'run') this.sinks.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.error));
        return;
      }
      case 'output':
        this.sinks.get(m.run)?.onOutput(m.text);
        return;
      case 'clear':
        this.sinks.get(m.run)?.onClear();
        return;
      default:
        this.emit(m);
    }
  }

  private emit(e: WorkerEvent): void {
    for (const fn of this.listeners) fn(e);
  }

  on(fn: (e: WorkerEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  request<T extends Request['type']>(body: Extract<RequestBody, { type: T }>): Promise<ReplyValues[T]> {
    const id = this.nextId++;
    return new Promise<ReplyValues[T]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...body, id } as Request);
    });
  }

  send(cmd: Command): void {
    this.worker.postMessage(cmd);
  }

  run(line: string, opts: { files?: Record<string, string>; editText?: string } & RunSink): RunHandle {
    const id = this.nextId++;
    this.sinks.set(id, { onOutput: opts.onOutput, onClear: opts.onClear });
    const done = new Promise<ReplyValues['run']>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    });
    this.worker.postMessage({ type: 'run', id, line, files: opts.files, editText: opts.editText } satisfies Request);
    return { id, done };
  }

  interrupt(id: number): void {
    this.send({ type: 'interrupt', run: id });
  }

  complete(line: string): Promise<Completion> {
    return this.request({ type: 'complete', line });
  }

  terminate(): void {
    this.worker.terminate();
  }
}
