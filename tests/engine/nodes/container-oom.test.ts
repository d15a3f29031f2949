// The memory cgroup's OOM killer on simulated nodes: a stress container over its limit is killed at the
// moment its allocation passes the limit (OOMKilled, exit code 137, no signal field), restarts by the
// pod's restartPolicy with CrashLoopBackOff; one within its limit runs and its metrics show the model.

import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../../src/engine/cluster';
import type { KubeObject } from '../../../src/engine/api/types';
import { parseTime } from '../../../src/engine/util/time';

const MiB = 1024 * 1024;

function runPod(c: Cluster, name: string, container: Record<string, unknown>, restartPolicy?: string): void {
  c.ctx.client('kubernetes-admin', 'test').create('pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { ...(restartPolicy ? { restartPolicy } : {}), containers: [{ name: 'ctr', ...container }] },
  } as KubeObject);
}

function pod(c: Cluster, name: string): Pod {
  return c.get('pods', 'default', name) as Pod;
}

function podMetrics(c: Cluster, name: string): { cpu: string; memory: string } | undefined {
  const r = c.handle({ method: 'GET', path: `/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/${name}`, query: {}, headers: {} });
  return r.status === 200 ? (r.body as { containers: { usage: { cpu: string; memory: string } }[] }).containers[0].usage : undefined;
}

const kib = (q: string) => Number(q.replace(/Ki$/, '')) * 1024;
const milli = (q: string) => (q.endsWith('n') ? Number(q.slice(0, -1)) / 1e6 : q.endsWith('m') ? Number(q.slice(0, -1)) : Number(q) * 1000);

const overLimit = {
  image: 'polinux/stress',
  command: ['stress'],
  args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'],
  resources: { requests: { memory: '50Mi' }, limits: { memory: '100Mi' } },
};

describe('OOM kills', () => {
  it('kills a container whose allocation passes its memory limit, right after it starts', async () => {
    const c = createCluster();
    runPod(c, 'memory-demo-2', overLimit);
    const killed = await c.advanceUntil(() => !!pod(c, 'memory-demo-2').status?.containerStatuses?.[0]?.lastState?.terminated, 10_000);
    expect(killed).toBe(true);
    const cs = pod(c, 'memory-demo-2').status!.containerStatuses![0];
    const t = cs.lastState!.terminated!;
    expect(t).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(t.signal).toBeUndefined();
    expect(parseTime(t.finishedAt) - parseTime(t.startedAt)).toBeLessThan(1000);
    expect(cs.restartCount).toBe(1);
    // Still too big: killed again, shown as OOMKilled until the next sync backs off (10–15 s later).
    await c.advance(3_000);
    const again = pod(c, 'memory-demo-2').status!.containerStatuses![0];
    expect(again.state?.terminated?.reason).toBe('OOMKilled');
    const backedOff = await c.advanceUntil(() => pod(c, 'memory-demo-2').status!.containerStatuses![0].state?.waiting?.reason === 'CrashLoopBackOff', 20_000);
    expect(backedOff).toBe(true);
    const later = pod(c, 'memory-demo-2').status!.containerStatuses![0];
    expect(later.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(later.lastState?.terminated?.reason).toBe('OOMKilled');
    expect(pod(c, 'memory-demo-2').status!.phase).toBe('Running');
    // 10 s, 20 s, 40 s of back-off: five starts in the first 80 s.
    await c.advance(80_000);
    expect(pod(c, 'memory-demo-2').status!.containerStatuses![0].restartCount).toBe(4);
    // The process wrote its dispatch line before it was killed.
    const w = c.kubelets.get(pod(c, 'memory-demo-2').spec!.nodeName!)!.workers.get(pod(c, 'memory-demo-2').metadata!.uid!)!;
    const prev = w.containers.get('ctr')!.previous!;
    expect(prev.logs.lines.map((l) => l.text)).toEqual(['stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd']);
    expect(podMetrics(c, 'memory-demo-2')).toBeUndefined();
  });

  it('fails the pod with restartPolicy Never and leaves OOMKilled in the state', async () => {
    const c = createCluster();
    runPod(c, 'once', overLimit, 'Never');
    await c.advance(10_000);
    const p = pod(c, 'once');
    expect(p.status!.phase).toBe('Failed');
    expect(p.status!.containerStatuses![0].state?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(p.status!.containerStatuses![0].restartCount).toBe(0);
  });

  it('kills a growing vish/stress when its allocations pass the limit, not before', async () => {
    const c = createCluster();
    runPod(c, 'grow', { image: 'vish/stress', args: ['-mem-total', '250Mi', '-mem-alloc-size', '10Mi', '-mem-alloc-sleep', '1s'], resources: { limits: { memory: '100Mi' } } }, 'Never');
    await c.advanceUntil(() => pod(c, 'grow').status?.containerStatuses?.[0]?.state?.running !== undefined, 10_000);
    const started = parseTime(pod(c, 'grow').status!.containerStatuses![0].state!.running!.startedAt);
    await c.advanceUntil(() => pod(c, 'grow').status?.phase === 'Failed', 30_000);
    const t = pod(c, 'grow').status!.containerStatuses![0].state!.terminated!;
    expect(t.reason).toBe('OOMKilled');
    const lived = parseTime(t.finishedAt) - started;
    expect(lived).toBeGreaterThanOrEqual(9_000);
    expect(lived).toBeLessThanOrEqual(10_000);
  });

  it('does not kill a container that stays within its limit', async () => {
    const c = createCluster();
    runPod(c, 'memory-demo', { ...overLimit, args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'], resources: { requests: { memory: '100Mi' }, limits: { memory: '200Mi' } } });
    await c.advance(40_000);
    const cs = pod(c, 'memory-demo').status!.containerStatuses![0];
    expect(cs.state?.running).toBeDefined();
    expect(cs.restartCount).toBe(0);
    // The docs: about 162,900,000 bytes (155Mi in kubectl top).
    const m = podMetrics(c, 'memory-demo')!;
    expect(kib(m.memory)).toBeGreaterThan(162_800_000);
    expect(kib(m.memory)).toBeLessThan(163_100_000);
    expect(Math.floor(kib(m.memory) / MiB)).toBe(155);
  });

  it('ends a stress --timeout run as Completed', async () => {
    const c = createCluster();
    runPod(c, 'timed', { image: 'polinux/stress', command: ['stress'], args: ['--cpu', '1', '--timeout', '5s'] }, 'Never');
    await c.advance(15_000);
    const p = pod(c, 'timed');
    expect(p.status!.phase).toBe('Succeeded');
    expect(p.status!.containerStatuses![0].state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('prints the usage without hogs (exit 0), fails an unknown option (exit 1) and the image default command (exit 127)', async () => {
    const c = createCluster();
    runPod(c, 'bad', { image: 'polinux/stress', command: ['stress'], args: ['--vm-bytes', '1G'] }, 'Never');
    runPod(c, 'nocmd', { image: 'polinux/stress' }, 'Never');
    await c.advance(10_000);
    expect(pod(c, 'bad').status!.containerStatuses![0].state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(pod(c, 'nocmd').status!.containerStatuses![0].state?.terminated).toMatchObject({ exitCode: 127, reason: 'Error' });
    runPod(c, 'typo', { image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-byte', '1G'] }, 'Never');
    await c.advance(10_000);
    expect(pod(c, 'typo').status!.containerStatuses![0].state?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });
});

describe('without limits', () => {
  it('kills a hog at the node memory (8Gi nodes) and caps its cores at the node (4 CPUs)', async () => {
    const c = createCluster();
    runPod(c, 'huge', { image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '10G', '--vm-keep'] }, 'Never');
    runPod(c, 'spin', { image: 'polinux/stress', command: ['stress'], args: ['--cpu', '8'] });
    runPod(c, 'fits', { image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '2G', '--vm-keep'] });
    await c.advance(40_000);
    expect(pod(c, 'huge').status!.containerStatuses![0].state?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(pod(c, 'fits').status!.containerStatuses![0].state?.running).toBeDefined();
    expect(Math.floor(kib(podMetrics(c, 'fits')!.memory) / MiB)).toBe(2057);
    const spin = milli(podMetrics(c, 'spin')!.cpu);
    expect(spin).toBeGreaterThan(3980);
    expect(spin).toBeLessThanOrEqual(4000);
  });
});

describe('CPU of stress containers', () => {
  it('throttles vish/stress -cpus 2 at its 1 CPU limit and lets it burn 2 cores without one', async () => {
    const c = createCluster();
    runPod(c, 'cpu-demo', { image: 'vish/stress', args: ['-cpus', '2'], resources: { limits: { cpu: '1' }, requests: { cpu: '500m' } } });
    runPod(c, 'free', { image: 'vish/stress', args: ['-cpus', '2'] });
    await c.advance(40_000);
    const limited = milli(podMetrics(c, 'cpu-demo')!.cpu);
    expect(limited).toBeGreaterThan(999);
    expect(limited).toBeLessThanOrEqual(1000);
    const free = milli(podMetrics(c, 'free')!.cpu);
    expect(free).toBeGreaterThan(1990);
    expect(free).toBeLessThan(2001);
  });
});
