// Liveness, readiness and startup probes: exec in the container's shell, httpGet and tcpSocket against the
// container's simulated listeners; thresholds, kubelet events, kills and readiness.
// mirrors: pkg/kubelet/prober/worker.go, prober.go

import type { Probe } from 'kubernetes-types/core/v1';
import type { CRecord, PodWorker } from './pod-worker';
import { Abort } from './types';
import { containerEnv } from './env';

type ProbeType = 'Liveness' | 'Readiness' | 'Startup';

interface Worker {
  rec: CRecord;
  type: ProbeType;
  probe: Probe;
  timer?: number;
  successes: number;
  failures: number;
  result: boolean;
  stopped: boolean;
  inFlight: boolean;
}

export class Prober {
  private workers: Worker[] = [];

  constructor(private readonly w: PodWorker) {}

  containerStarted(rec: CRecord): void {
    this.stopFor(rec);
    const add = (type: ProbeType, probe: Probe | undefined) => {
      if (!probe) return;
      const wk: Worker = { rec, type, probe, successes: 0, failures: 0, result: type !== 'Readiness', stopped: false, inFlight: false };
      this.workers.push(wk);
      const delay = (probe.initialDelaySeconds ?? 0) * 1000;
      this.schedule(wk, delay);
    };
    add('Startup', rec.spec.startupProbe);
    add('Liveness', rec.spec.livenessProbe);
    add('Readiness', rec.spec.readinessProbe);
  }

  containerStopped(rec: CRecord): void {
    this.stopFor(rec);
  }

  stopAll(): void {
    for (const wk of this.workers) this.stop(wk);
    this.workers = [];
  }

  private stopFor(rec: CRecord): void {
    for (const wk of this.workers) if (wk.rec === rec) this.stop(wk);
    this.workers = this.workers.filter((wk) => wk.rec !== rec);
  }

  private stop(wk: Worker): void {
    wk.stopped = true;
    if (wk.timer !== undefined) this.w.deps.clock.clearTimeout(wk.timer);
  }

  private schedule(wk: Worker, ms: number): void {
    wk.timer = this.w.deps.clock.setTimeout(() => this.tick(wk), ms);
  }

  private tick(wk: Worker): void {
    wk.timer = undefined;
    if (wk.stopped) return;
    const period = (wk.probe.periodSeconds ?? 10) * 1000;
    this.schedule(wk, period);
    if (wk.inFlight) return;
    // Until the startup probe succeeds, liveness and readiness wait.
    if (wk.type !== 'Startup' && !wk.rec.started) return;
    if (wk.type === 'Startup' && wk.rec.started) return;
    wk.inFlight = true;
    this.run(wk, (ok, output) => {
      wk.inFlight = false;
      if (!wk.stopped) this.record(wk, ok, output);
    });
  }

  private record(wk: Worker, ok: boolean, output: string): void {
    const rec = wk.rec;
    const threshold = ok ? wk.probe.successThreshold ?? 1 : wk.probe.failureThreshold ?? 3;
    if (ok) {
      wk.failures = 0;
      wk.successes++;
    } else {
      wk.successes = 0;
      wk.failures++;
      this.w.event('Warning', 'Unhealthy', `${wk.type} probe failed: ${output.trimEnd()}`, rec.spec.name);
    }
    const count = ok ? wk.successes : wk.failures;
    if (count < threshold || wk.result === ok) return;
    wk.result = ok;
    switch (wk.type) {
      case 'Readiness':
        rec.ready = ok && rec.state.kind === 'running';
        this.w.markStatus();
        return;
      case 'Startup':
        if (ok) {
          rec.started = true;
          this.w.updateReadiness(rec);
          this.w.markStatus();
          return;
        }
        this.kill(wk, 'startup');
        return;
      case 'Liveness':
        if (!ok) this.kill(wk, 'liveness');
        return;
    }
  }

  private kill(wk: Worker, what: string): void {
    const rec = wk.rec;
    if (rec.state.kind !== 'running') return;
    this.w.event('Normal', 'Killing', `Container ${rec.spec.name} failed ${what} probe, will be restarted`, rec.spec.name);
    const grace = wk.probe.terminationGracePeriodSeconds ?? this.w.pod.spec?.terminationGracePeriodSeconds ?? 30;
    this.stopFor(rec);
    rec.state.run.terminate(grace * 1000);
  }

  private run(wk: Worker, done: (ok: boolean, output: string) => void): void {
    const p = wk.probe;
    const rec = wk.rec;
    const run = rec.state.kind === 'running' ? rec.state.run : undefined;
    if (!run) return done(false, '');
    const podIP = this.w.podIP ?? '';
    if (p.exec) {
      const env = containerEnv(this.w, rec.spec);
      let out = '';
      const deps = this.w.deps;
      deps.work.pending++;
      const argv = p.exec.command ?? [];
      const script = argv.length >= 3 && /(^|\/)(ba)?sh$/.test(argv[0]) && argv[1] === '-c' ? argv[2] : argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
      deps.scripts
        .run(script, {
          env: 'env' in env ? env.env : {},
          fs: run.fs,
          hostname: this.w.pod.metadata!.name!,
          podIP,
          namespace: this.w.pod.metadata!.namespace!,
          stdout: (t) => (out += t),
          stderr: (t) => (out += t),
          abort: new Abort(),
        })
        .then(
          (code) => {
            deps.work.suspended();
            done(code === 0, out);
          },
          (e) => {
            deps.work.suspended();
            done(false, String(e));
          },
        );
      return;
    }
    if (p.httpGet) {
      const port = resolvePort(p.httpGet.port, rec);
      const host = p.httpGet.host ?? podIP;
      const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
      const path = p.httpGet.path ?? '/';
      const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : '/' + path}`;
      if (!run.listensOn(port)) return done(false, `Get "${url}": dial tcp ${host}:${port}: connect: connection refused`);
      const answer = run.image.http?.({ path, hostname: this.w.pod.metadata!.name!, podIP, args: run.plan.kind === 'server' ? run.plan.args : [] }) ?? { status: 200, body: '' };
      if (answer.status >= 200 && answer.status < 400) return done(true, '');
      return done(false, `HTTP probe failed with statuscode: ${answer.status}`);
    }
    if (p.tcpSocket) {
      const port = resolvePort(p.tcpSocket.port, rec);
      const host = p.tcpSocket.host ?? podIP;
      if (!run.listensOn(port)) return done(false, `dial tcp ${host}:${port}: connect: connection refused`);
      return done(true, '');
    }
    if (p.grpc) {
      if (!run.listensOn(p.grpc.port)) return done(false, `timeout: failed to connect service "${podIP}:${p.grpc.port}" within 1s: context deadline exceeded`);
      return done(true, '');
    }
    done(true, '');
  }
}

function resolvePort(port: number | string, rec: CRecord): number {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return rec.spec.ports?.find((p) => p.name === port)?.containerPort ?? -1;
}
