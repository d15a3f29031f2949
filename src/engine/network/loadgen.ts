// `kubeplay load`: background HTTP load on a Service for demos (autoscaling, rollouts under traffic), sent
// from a client on the control-plane node through kube-proxy like any in-cluster client. Requests are
// issued every 100 ms of simulated time; each costs its server CPU in the load model.

import type { Clock } from '../clock/clock';
import { dashed } from './addresses';
import type { Origin, Traffic } from './traffic';

export interface LoadSpec {
  namespace: string;
  service: string;
  rps: number;
  /** Stops by itself after this long (ms); runs until stopped when absent. */
  durationMs?: number;
  path?: string;
  /** Service port; the first one when absent. */
  port?: number;
}

export interface LoadRun {
  spec: LoadSpec;
  startedAt: number;
  sent: number;
  /** 2xx/3xx answers. */
  ok: number;
  /** 4xx/5xx answers. */
  errors: number;
  /** No answer: refused, timed out, no such service. */
  failed: number;
  running: boolean;
}

const TICK_MS = 100;

export class LoadGenerators {
  private runs = new Map<string, { run: LoadRun; timer?: number; carry: number }>();

  constructor(
    private readonly traffic: Traffic,
    private readonly clock: Clock,
    private readonly origin: (namespace: string) => Origin,
  ) {}

  /** Starts (or replaces) the load on a Service; an error text when the Service cannot take it. */
  start(spec: LoadSpec): LoadRun | { error: string } {
    const svc = this.traffic.services.get(spec.namespace, spec.service);
    if (!svc) return { error: `service "${spec.service}" not found in namespace "${spec.namespace}"` };
    if (svc.spec?.type === 'ExternalName') return { error: `service "${spec.service}" is an ExternalName service` };
    const ports = svc.spec?.ports ?? [];
    if (!ports.length) return { error: `service "${spec.service}" has no ports` };
    if (spec.port !== undefined && !ports.some((p) => p.port === spec.port)) return { error: `service "${spec.service}" has no port ${spec.port}` };
    this.stop(spec.namespace, spec.service);
    const entry = { run: { spec, startedAt: this.clock.now(), sent: 0, ok: 0, errors: 0, failed: 0, running: true } as LoadRun, timer: undefined as number | undefined, carry: 0 };
    this.runs.set(key(spec.namespace, spec.service), entry);
    const tick = () => {
      const run = entry.run;
      if (!run.running) return;
      if (spec.durationMs !== undefined && this.clock.now() - run.startedAt >= spec.durationMs) {
        run.running = false;
        return;
      }
      entry.carry += (spec.rps * TICK_MS) / 1000;
      const n = Math.floor(entry.carry);
      entry.carry -= n;
      for (let i = 0; i < n; i++) this.one(run);
      entry.timer = this.clock.setTimeout(tick, TICK_MS);
    };
    entry.timer = this.clock.setTimeout(tick, 0);
    return entry.run;
  }

  private one(run: LoadRun): void {
    run.sent++;
    const { namespace, service, port, path } = run.spec;
    const svc = this.traffic.services.get(namespace, service);
    const sp = port !== undefined ? svc?.spec?.ports?.find((p) => p.port === port) : svc?.spec?.ports?.[0];
    if (!svc || !sp) {
      run.failed++;
      return;
    }
    const origin = this.origin(namespace);
    let ip = svc.spec?.clusterIP;
    if (!ip || ip === 'None') {
      // Headless: the client resolves the name and gets the pod addresses (round robin over them).
      const r = this.traffic.resolve(origin, `${service}.${namespace}.svc.cluster.local`);
      if (!r.ok) {
        run.failed++;
        return;
      }
      ip = r.ips[run.sent % r.ips.length];
    }
    const dial = this.traffic.dial(origin, ip, sp.port, sp.protocol ?? 'TCP');
    if (!dial.ok) {
      run.failed++;
      return;
    }
    const host = svc.spec?.clusterIP === 'None' ? `${dashed(ip)}.${service}` : service;
    const ex = this.traffic.exchange(dial.server, { method: 'GET', target: path ?? '/', host, headers: [['User-Agent', 'kubeplay-load']] });
    if (!ex.ok) run.failed++;
    else if (ex.response.status >= 400) run.errors++;
    else run.ok++;
  }

  stop(namespace: string, service: string): LoadRun | undefined {
    const k = key(namespace, service);
    const e = this.runs.get(k);
    if (!e) return undefined;
    this.runs.delete(k);
    if (e.timer !== undefined) this.clock.clearTimeout(e.timer);
    e.run.running = false;
    return e.run;
  }

  list(): LoadRun[] {
    return [...this.runs.values()].map((e) => e.run).sort((a, b) => (key(a.spec.namespace, a.spec.service) < key(b.spec.namespace, b.spec.service) ? -1 : 1));
  }
}

function key(ns: string, name: string): string {
  return `${ns}/${name}`;
}
