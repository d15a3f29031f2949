// Connects a terminal session to an engine Cluster in the same process (the page's worker, `kubeplay run`,
// tests): API calls go straight to the handler, chaos commands to the cluster, sleeps to the sim clock.

import type { Cluster } from '../engine/cluster';
import { InProcessClient } from '../terminal/api-client';
import { TerminalSession } from '../terminal/session';
import type { LoadInfo, PlaygroundHost } from '../terminal/playground';
import type { LoadRun } from '../engine/network/index';
import type { ExecHost } from '../terminal/kubectl/context';
import type { ShellSignal } from '../engine/runtime/sh/signal';
import { StatusError } from '../engine/api/errors';
import { attachToContainer } from '../engine/nodes/exec';
import { asTerminal, type TerminalStdin } from '../engine/runtime/sh/terminal-stdin';
import { BufferedInput } from '../engine/runtime/sh/streams';
import type { AttachHost } from '../terminal/kubectl/commands/attach';

export function clusterPlayground(cluster: Cluster): PlaygroundHost {
  return {
    nodeNames: () => [...cluster.kubelets.keys()],
    killNode: (n) => cluster.kubelets.get(n)!.powerOff(),
    startNode: (n) => cluster.kubelets.get(n)!.powerOn(),
    partitionNode: (n) => cluster.kubelets.get(n)!.partition(),
    healNode: (n) => cluster.kubelets.get(n)!.heal(),
    addNode: (o) => cluster.addNode({ name: o.name ?? nextWorkerName(cluster), cpu: o.cpu, memory: o.memory, pods: o.pods }).name,
    removeNode: (n) => cluster.removeNode(n),
    crashPod: (ns, name, container) => {
      const pod = cluster.store.get('pods', ns, name);
      if (!pod) return 'not-found';
      const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
      const w = node ? cluster.kubelets.get(node)?.workers.get(pod.metadata!.uid!) : undefined;
      return w?.crash(container) ? 'crashed' : 'not-running';
    },
    setComponent: (c, running) => cluster.setComponent(c, running),
    componentRunning: (c) => cluster.componentRunning(c),
    now: () => cluster.clock.now(),
    curl: cluster.net.hostCurl(),
    load: {
      start: (o) => {
        const r = cluster.net.loads.start(o);
        return 'error' in r ? r : loadInfo(r);
      },
      stop: (ns, svc) => {
        const r = cluster.net.loads.stop(ns, svc);
        return r && loadInfo(r);
      },
      list: () => cluster.net.loads.list().map(loadInfo),
    },
    setLoadBalancer: (on) => cluster.net.setLoadBalancer(on),
    loadBalancerEnabled: () => cluster.net.loadBalancerEnabled(),
    autoscaler: {
      enable: (o) => cluster.autoscaler.enable(o),
      disable: () => {
        const was = cluster.autoscaler.enabled;
        cluster.autoscaler.disable();
        return was;
      },
      status: () => cluster.autoscaler.info(),
    },
  };
}

function loadInfo(r: LoadRun): LoadInfo {
  return { ...r.spec, path: r.spec.path ?? '/', startedAt: r.startedAt, sent: r.sent, ok: r.ok, errors: r.errors, failed: r.failed, running: r.running };
}

function nextWorkerName(cluster: Cluster): string {
  for (let i = 1; ; i++) if (!cluster.kubelets.has(`worker-${i}`)) return `worker-${i}`;
}

/** A sleep on the simulated clock that wakes early when the signal fires (Ctrl-C, timeout). */
export function clockSleep(cluster: Cluster): (ms: number, signal: ShellSignal) => Promise<void> {
  return (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const id = cluster.clock.setTimeout(() => {
        off();
        resolve();
      }, Math.max(0, ms));
      const off = signal.onAbort(() => {
        cluster.clock.clearTimeout(id);
        resolve();
      });
    });
}

/** Follows the size of a terminal someone types at, for the length of a session; returns the unsubscribe function. */
function followSize(term: TerminalStdin | undefined, tty: boolean, fn: (cols: number, rows: number) => void): () => void {
  return term?.interactive && tty ? term.onResize((s) => fn(s.cols, s.rows)) : () => {};
}

export function clusterExec(cluster: Cluster): ExecHost & AttachHost {
  return {
    async exec(opts, io) {
      const term = asTerminal(io.stdin);
      // A terminal nobody types at (a transcript) gives the command empty stdin; anything else streams.
      const live = opts.stdin && (!term || term.interactive);
      const subs: (() => void)[] = [];
      try {
        const r = await cluster.exec(
          { namespace: opts.namespace, pod: opts.pod, container: opts.container, command: opts.command, tty: opts.tty },
          {
            stdin: opts.stdin && !live ? await io.stdin.readAll() : undefined,
            input: live ? io.stdin : undefined,
            size: opts.tty && term?.interactive ? term.size() : undefined,
            onResize: (fn) => void subs.push(followSize(term, opts.tty, fn)),
            stdout: (t) => void io.stdout.write(t),
            stderr: (t) => void io.stderr.write(t),
            onAbort: (fn) => io.signal.onAbort(fn),
          },
        );
        return { exitCode: r.exitCode };
      } catch (e) {
        if (e instanceof StatusError) return { exitCode: 1, error: e.message };
        throw e;
      } finally {
        for (const off of subs) off();
      }
    },
    async attach(opts, io) {
      const term = asTerminal(io.stdin);
      const subs: (() => void)[] = [];
      // A terminal nobody types at (a transcript) on a container's terminal is someone who presses ^D once:
      // a shell at its prompt leaves, a program that does not read goes on until it ends.
      const input = !opts.stdin ? undefined : term && !term.interactive && opts.tty ? new OneKey('\x04') : io.stdin;
      try {
        await attachToContainer(
          cluster.store,
          cluster.kubelets,
          { namespace: opts.namespace, pod: opts.pod, container: opts.container, stdin: opts.stdin, fromStart: opts.fromStart },
          {
            input,
            size: opts.tty && term?.interactive ? term.size() : undefined,
            onResize: (fn) => void subs.push(followSize(term, opts.tty, fn)),
            stdout: (t) => void io.stdout.write(t),
            stderr: (t) => void io.stderr.write(t),
            onAbort: (fn) => io.signal.onAbort(fn),
          },
        );
        return {};
      } catch (e) {
        if (e instanceof StatusError) return { error: e.message };
        throw e;
      } finally {
        for (const off of subs) off();
      }
    },
  };
}

/** Input that is one keystroke and then nothing more (it never ends). */
class OneKey extends BufferedInput {
  private sent = false;

  constructor(private readonly key: string) {
    super();
  }

  protected pull(): string | Promise<string | null> {
    if (this.sent) return new Promise<string | null>(() => {});
    this.sent = true;
    return this.key;
  }
}

export function inProcessSession(cluster: Cluster, opts: { hostname?: string } = {}): TerminalSession {
  return new TerminalSession({
    client: new InProcessClient((req) => cluster.handle(req)),
    now: () => cluster.clock.now(),
    sleep: clockSleep(cluster),
    playground: clusterPlayground(cluster),
    exec: clusterExec(cluster),
    hostname: opts.hostname,
  });
}
