// The HPA controller in a running cluster: CPU work recorded on the pods drives metrics-server, the
// controller scales the Deployment through its scale subresource, and status, conditions and events come
// out as kube-controller-manager writes them.

import { describe, expect, it } from 'vitest';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { createCluster, type Cluster } from '../../../src/engine/cluster';
import type { KubeObject } from '../../../src/engine/api/types';

type HPA = HorizontalPodAutoscaler & KubeObject;

function setup(opts: { behavior?: HPA['spec'] extends infer S ? (S extends { behavior?: infer B } ? B : never) : never; minReplicas?: number; maxReplicas?: number } = {}): Cluster {
  const c = createCluster();
  const client = c.ctx.client('kubernetes-admin', 'test');
  client.create('deployments.apps', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'php', namespace: 'default' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { run: 'php' } },
      template: {
        metadata: { labels: { run: 'php' } },
        spec: { containers: [{ name: 'php', image: 'registry.k8s.io/hpa-example', resources: { limits: { cpu: '500m' }, requests: { cpu: '200m' } } }] },
      },
    },
  } as KubeObject);
  client.create('horizontalpodautoscalers.autoscaling', {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'php', namespace: 'default' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php' },
      minReplicas: opts.minReplicas ?? 1,
      maxReplicas: opts.maxReplicas ?? 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      ...(opts.behavior ? { behavior: opts.behavior } : {}),
    },
  } as KubeObject);
  return c;
}

/** Runs for ms with `milli` millicores of work spread over the running php pods each second. */
async function drive(c: Cluster, ms: number, milli: number): Promise<void> {
  for (let t = 0; t < ms; t += 1000) {
    const pods = [...c.store.list('pods', 'default')].filter((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running' && !p.metadata!.deletionTimestamp);
    for (const p of pods) c.load.recordCpu({ podUid: p.metadata!.uid!, container: 'php' }, milli / 1000 / pods.length, c.clock.now());
    await c.advance(1000);
  }
}

const hpa = (c: Cluster) => c.store.get('horizontalpodautoscalers.autoscaling', 'default', 'php') as HPA;
const replicas = (c: Cluster) => (c.store.get('deployments.apps', 'default', 'php')!.spec as { replicas: number }).replicas;
function events(c: Cluster, reason?: string): string[] {
  return [...c.store.list('events', 'default')]
    .filter((e) => (e.involvedObject as { kind: string }).kind === 'HorizontalPodAutoscaler' && (!reason || e.reason === reason))
    .sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1))
    .map((e) => `${e.reason}: ${e.message}`);
}
const condition = (c: Cluster, type: string) => hpa(c).status?.conditions?.find((x) => x.type === type);

describe('HorizontalController', () => {
  it('reports missing metrics before metrics-server has the pod', async () => {
    const c = setup();
    await c.advance(16_000);
    expect(hpa(c).status?.currentMetrics).toEqual([{ type: '' }]);
    expect(condition(c, 'ScalingActive')).toMatchObject({
      status: 'False',
      reason: 'FailedGetResourceMetric',
      message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    });
    expect(events(c)).toEqual([
      'FailedGetResourceMetric: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
      'FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    ]);
  });

  it('scales up at most to max(2×, 4) per step without behavior, then to the target', async () => {
    const c = setup();
    await c.advance(60_000);
    expect(hpa(c).status).toMatchObject({ currentReplicas: 1, desiredReplicas: 1 });
    // Until the first rescale: one pod at its 500m limit is 250 %, desired 5, limited to 4.
    for (let i = 0; i < 60 && events(c, 'SuccessfulRescale').length === 0; i++) await drive(c, 1_000, 800);
    expect(replicas(c)).toBe(4);
    expect(events(c, 'SuccessfulRescale')[0]).toBe('SuccessfulRescale: New size: 4; reason: cpu resource utilization (percentage of request) above target');
    expect(condition(c, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' });
    await drive(c, 90_000, 800);
    expect(replicas(c)).toBe(8);
    const status = hpa(c).status!;
    expect(status.currentMetrics?.[0]).toMatchObject({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50 } } });
    expect(condition(c, 'ScalingActive')).toMatchObject({ status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' });
    expect(status.lastScaleTime).toBeDefined();
  });

  it('scales down only after the 5 minute stabilization window', async () => {
    const c = setup();
    await c.advance(60_000);
    await drive(c, 120_000, 600);
    expect(replicas(c)).toBe(6);
    await drive(c, 4 * 60_000, 0);
    expect(replicas(c)).toBe(6);
    expect(condition(c, 'AbleToScale')).toMatchObject({ reason: 'ScaleDownStabilized' });
    await drive(c, 90_000, 0);
    expect(replicas(c)).toBe(1);
    expect(events(c, 'SuccessfulRescale').pop()).toBe('SuccessfulRescale: New size: 1; reason: All metrics below target');
  });

  it('follows behavior policies: one pod per 30 s down, no window', async () => {
    const c = setup({ behavior: { scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }] } } });
    await c.advance(60_000);
    await drive(c, 120_000, 600);
    expect(replicas(c)).toBe(6);
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      await drive(c, 30_000, 0);
      seen.push(replicas(c));
    }
    expect(seen).toEqual([5, 4, 3, 2]);
    expect(condition(c, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleDownLimit' });
  });

  it('brings the target into [min, max] before looking at metrics', async () => {
    const c = setup({ minReplicas: 3, maxReplicas: 5 });
    await c.advance(20_000);
    expect(replicas(c)).toBe(3);
    expect(events(c, 'SuccessfulRescale')).toEqual(['SuccessfulRescale: New size: 3; reason: Current number of replicas below Spec.MinReplicas']);
  });

  it('refuses a selector shared by two HPAs and a missing target', async () => {
    const c = setup();
    const client = c.ctx.client('kubernetes-admin', 'test');
    client.create('horizontalpodautoscalers.autoscaling', {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'twin', namespace: 'default' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php' }, maxReplicas: 3 },
    } as KubeObject);
    client.create('horizontalpodautoscalers.autoscaling', {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'ghost', namespace: 'default' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ghost' }, maxReplicas: 3 },
    } as KubeObject);
    await c.advance(60_000);
    expect(condition(c, 'ScalingActive')).toMatchObject({ status: 'False', reason: 'AmbiguousSelector', message: 'pods by selector run=php are controlled by multiple HPAs: [default/php default/twin]' });
    const ghost = c.store.get('horizontalpodautoscalers.autoscaling', 'default', 'ghost') as HPA;
    expect(ghost.status?.conditions).toEqual([
      { type: 'AbleToScale', status: 'False', lastTransitionTime: expect.any(String), reason: 'FailedGetScale', message: 'the HPA controller was unable to get the target\'s current scale: deployments.apps "ghost" not found' },
    ]);
  });

  it('disables scaling while the target has zero replicas', async () => {
    const c = setup();
    await c.advance(30_000);
    const d = c.store.get('deployments.apps', 'default', 'php')!;
    c.ctx.client('kubernetes-admin', 'test').update('deployments.apps', { ...d, spec: { ...(d.spec as object), replicas: 0 } } as KubeObject);
    await c.advance(30_000);
    expect(condition(c, 'ScalingActive')).toMatchObject({ status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' });
    expect(hpa(c).status?.currentReplicas).toBeUndefined();
    expect(replicas(c)).toBe(0);
  });
});
