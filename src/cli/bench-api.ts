// `kubeplay bench --scenario list|watch`: the API server under a large cluster. list: every pod listed as
// `kubectl get pods -A` asks (a Table, whole or in limit=500 chunks), as informers ask (plain objects), and
// the whole `kubectl get pods -A` in an in-process terminal. watch: N watchers on pods while converging.

import type { Cluster } from '../engine/cluster';
import type { ApiRequest, WatchEvent } from '../engine/api/types';
import { inProcessSession } from '../host/in-process';
import { AbortScope } from '../engine/runtime/sh/signal';
import type { BenchArgs } from './bench-args';
import { converge, type ConvergeRun, type Figures } from './bench-converge';
import { median, ms } from './bench-workload';

/** What kubectl v1.32 sends for human-readable output. */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

interface ListTiming {
  /** The API server's own time (handle), all chunks. */
  serveMs: number;
  /** Encoding the answers as JSON, as the HTTP transport does. */
  encodeMs: number;
  bytes: number;
  chunks: number;
  items: number;
}

/** Lists every pod, following continue tokens; timings for one complete listing. */
export function timedList(cluster: Cluster, accept: string | undefined, limit: number | undefined): ListTiming {
  const t: ListTiming = { serveMs: 0, encodeMs: 0, bytes: 0, chunks: 0, items: 0 };
  let cont: string | undefined;
  do {
    const query: Record<string, string> = {};
    if (limit) query.limit = String(limit);
    if (cont) query.continue = cont;
    const req: ApiRequest = { method: 'GET', path: '/api/v1/pods', query, headers: accept ? { accept } : {} };
    const a = performance.now();
    const res = cluster.handle(req);
    const b = performance.now();
    const text = JSON.stringify(res.body);
    t.encodeMs += performance.now() - b;
    t.serveMs += b - a;
    if (res.status !== 200) throw new Error(`list answered ${res.status}: ${text.slice(0, 200)}`);
    const body = res.body as { metadata?: { continue?: string }; rows?: unknown[]; items?: unknown[] };
    t.bytes += text.length;
    t.chunks++;
    t.items += (body.rows ?? body.items ?? []).length;
    cont = body.metadata?.continue;
  } while (cont);
  return t;
}

/** Runs `kubectl get pods -A` in an in-process terminal session; returns wall ms and output size. */
async function timedKubectl(cluster: Cluster, command: string): Promise<{ wallMs: number; lines: number; bytes: number }> {
  const session = inProcessSession(cluster);
  let text = '';
  const sink = { write: (s: string) => void (text += s), isTTY: true };
  const a = performance.now();
  const code = await session.run(command, { stdout: sink, stderr: sink }, new AbortScope());
  const wallMs = performance.now() - a;
  if (code !== 0) throw new Error(`${command} exited ${code}: ${text.slice(0, 200)}`);
  return { wallMs, lines: text.split('\n').length - 1, bytes: text.length };
}

export async function listScenario(cluster: Cluster, args: BenchArgs, out: (line: string) => void): Promise<{ ok: boolean; figures: Figures }> {
  const cases: { key: string; label: string; accept?: string; limit?: number }[] = [
    { key: 'listTable', label: 'Table, whole (--chunk-size=0)', accept: TABLE_ACCEPT },
    { key: 'listTableChunked', label: 'Table, limit=500 chunks', accept: TABLE_ACCEPT, limit: 500 },
    { key: 'listObjects', label: 'PodList objects, whole', accept: undefined },
  ];
  const figures: Figures = { listRepeat: args.repeat ?? 3 };
  for (const c of cases) {
    const runs: ListTiming[] = [];
    for (let i = 0; i < (args.repeat ?? 3); i++) runs.push(timedList(cluster, c.accept, c.limit));
    const serve = runs.map((r) => r.serveMs);
    const total = runs.map((r) => r.serveMs + r.encodeMs);
    const r = runs[0];
    out(`list ${c.label}: ${r.items} items in ${r.chunks} answer(s), ${(r.bytes / 1048576).toFixed(1)} MB JSON; serve median ${ms(median(serve))} (min ${ms(Math.min(...serve))}), with JSON encoding median ${ms(median(total))}`);
    figures[`${c.key}Ms`] = Math.round(median(serve));
    figures[`${c.key}EncodedMs`] = Math.round(median(total));
    figures[`${c.key}MB`] = Math.round((r.bytes / 1048576) * 10) / 10;
    if (c.limit) figures[`${c.key}Chunks`] = r.chunks;
  }
  for (const [key, command] of [
    ['kubectlGetPods', 'kubectl get pods -A'],
    ['kubectlGetPodsNoChunk', 'kubectl get pods -A --chunk-size=0'],
  ] as const) {
    const runs: number[] = [];
    let lines = 0;
    for (let i = 0; i < (args.repeat ?? 3); i++) {
      const k = await timedKubectl(cluster, command);
      runs.push(k.wallMs);
      lines = k.lines;
    }
    out(`${command} in the in-process terminal: ${lines} lines, median ${ms(median(runs))} (min ${ms(Math.min(...runs))})`);
    figures[`${key}Ms`] = Math.round(median(runs));
  }
  return { ok: true, figures };
}

/** Opens a watch on all pods (as `kubectl get pods -A -w` or an informer would) and counts what arrives. */
function openWatcher(cluster: Cluster, args: BenchArgs, sink: { events: number; bytes: number }): () => void {
  const res = cluster.handle({
    method: 'GET',
    path: '/api/v1/pods',
    query: { watch: 'true' },
    headers: args.watchAs === 'table' ? { accept: TABLE_ACCEPT } : {},
  });
  if (res.status !== 200 || !res.watch) throw new Error(`watch answered ${res.status}`);
  const stream = res.watch;
  stream.subscribe(
    (e: WatchEvent) => {
      sink.events++;
      if (args.encode) sink.bytes += JSON.stringify(e).length + 1;
    },
    () => {},
  );
  return () => stream.close();
}

export async function watchScenario(args: BenchArgs, out: (line: string) => void): Promise<{ ok: boolean; cluster: Cluster; figures: Figures }> {
  const rounds = args.repeat ?? 1;
  const base: { wall: number[]; cpu: number[] } = { wall: [], cpu: [] };
  const watched: { wall: number[]; cpu: number[] } = { wall: [], cpu: [] };
  if (!args.noBaseline) {
    // The whole workload once, untimed: whichever run comes first otherwise pays for the JIT's warm-up.
    const w0 = performance.now();
    await converge(args, () => {});
    out(`warm-up (the same workload, no watchers, untimed): ${ms(performance.now() - w0)}`);
  }
  let last: { run: ConvergeRun; sink: { events: number; bytes: number } } | undefined;
  for (let r = 0; r < rounds; r++) {
    if (!args.noBaseline) {
      const b = await timedConverge(args, out, '[no watchers]');
      base.wall.push(b.run.figures.convergeMs as number);
      base.cpu.push(b.cpuMs);
    }
    const sink = { events: 0, bytes: 0 };
    const closers: (() => void)[] = [];
    const w = await timedConverge(args, out, `[${args.watchers} watchers]`, (c) => {
      for (let i = 0; i < args.watchers; i++) closers.push(openWatcher(c, args, sink));
    });
    for (const close of closers) close();
    watched.wall.push(w.run.figures.convergeMs as number);
    watched.cpu.push(w.cpuMs);
    last = { run: w.run, sink };
  }
  const { run, sink } = last!;
  const perWatcher = args.watchers ? Math.round(sink.events / args.watchers) : 0;
  out(`watch: ${args.watchers} watchers (${args.watchAs}${args.encode ? ', JSON-encoded' : ''}) received ${sink.events} events (${perWatcher} each${args.encode ? `, ${(sink.bytes / 1048576).toFixed(1)} MB` : ''})`);
  const wallMs = median(watched.wall);
  const cpuMs = median(watched.cpu);
  const figures: Figures = {
    ...run.figures,
    convergeMs: Math.round(wallMs),
    watchRounds: rounds,
    watchers: args.watchers,
    watchAs: args.watchAs,
    watchEncoded: args.encode,
    watchEvents: sink.events,
    watchEventsPerWatcher: perWatcher,
    watchMB: args.encode ? Math.round((sink.bytes / 1048576) * 10) / 10 : null,
    watchedConvergeCpuMs: Math.round(cpuMs),
  };
  if (!args.noBaseline) {
    const bWall = median(base.wall);
    const bCpu = median(base.cpu);
    const over = ((wallMs - bWall) / bWall) * 100;
    const overCpu = ((cpuMs - bCpu) / bCpu) * 100;
    const sign = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(0)} %`;
    out(`watch: converge ${ms(wallMs)} with watchers vs ${ms(bWall)} without (${sign(over)} wall, ${sign(overCpu)} CPU; median of ${rounds})`);
    Object.assign(figures, {
      baselineConvergeMs: Math.round(bWall),
      baselineConvergeCpuMs: Math.round(bCpu),
      watchOverheadPct: Math.round(over),
      watchCpuOverheadPct: Math.round(overCpu),
    });
  }
  return { ok: run.ok, cluster: run.cluster, figures };
}

async function timedConverge(args: BenchArgs, out: (line: string) => void, label: string, afterBoot?: (c: Cluster) => void): Promise<{ run: ConvergeRun; cpuMs: number }> {
  // Let the previous cluster go before the measured one is built (with --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const cpu0 = process.cpuUsage();
  const run = await converge(args, out, { label, afterBoot });
  const cpu = process.cpuUsage(cpu0);
  return { run, cpuMs: (cpu.user + cpu.system) / 1000 };
}
