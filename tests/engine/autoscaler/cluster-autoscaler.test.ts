// The Cluster Autoscaler in a running cluster: scale-up after the provisioning delay for pods short of
// CPU, drain and removal of an underused node after 10 minutes, the status ConfigMap, disable.

import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine/cluster';
import type { KubeObject } from '../../../src/engine/api/types';
import { PROVISION_MS, TO_BE_DELETED_TAINT } from '../../../src/engine/autoscaler/cluster-autoscaler';

function deploy(c: Cluster, replicas: number, cpu = '1500m'): void {
  c.ctx.client('kubernetes-admin', 'test').create('deployments.apps', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'big', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'big' } },
      template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }] } },
    },
  } as KubeObject);
}

function scale(c: Cluster, replicas: number): void {
  const d = c.store.get('deployments.apps', 'default', 'big')!;
  c.ctx.client('kubernetes-admin', 'test').update('deployments.apps', { ...d, spec: { ...(d.spec as object), replicas } } as KubeObject);
}

const nodes = (c: Cluster) => [...c.store.list('nodes')].map((n) => n.metadata!.name!).sort();
const running = (c: Cluster) => [...c.store.list('pods', 'default')].filter((p) => (p.status as { phase?: string }).phase === 'Running').length;
function events(c: Cluster, reason: string): string[] {
  return [...c.store.list('events')]
    .filter((e) => e.reason === reason)
    .sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1))
    .map((e) => `${(e.involvedObject as { kind: string; name: string }).kind}/${(e.involvedObject as { name: string }).name}: ${e.message}`);
}

describe('ClusterAutoscaler', () => {
  it('adds a node for unschedulable pods after the provisioning delay', async () => {
    const c = createCluster();
    c.autoscaler.enable({ min: 3, max: 5, nodeCpu: '4', nodeMemory: '8Gi', nodePods: 110 });
    const map = () => (c.store.get('configmaps', 'kube-system', 'cluster-autoscaler-status')!.data as { status: string }).status;
    expect(map()).toMatch(/^time: .*\nautoscalerStatus: Initializing\n$/);
    deploy(c, 8);
    await c.advance(25_000);
    expect(running(c)).toBe(6);
    expect(events(c, 'TriggeredScaleUp')).toHaveLength(2);
    expect(events(c, 'TriggeredScaleUp')[0]).toMatch(/^Pod\/big-.*: pod triggered scale-up: \[\{workers 3->4 \(max: 5\)\}\]$/);
    expect(events(c, 'ScaledUpGroup')).toEqual(['ConfigMap/cluster-autoscaler-status: Scale-up: setting group workers size to 4 instead of 3 (max: 5)']);
    expect(map()).toContain('scaleUp:\n    status: InProgress');
    expect(nodes(c)).not.toContain('worker-4');
    await c.advance(PROVISION_MS);
    expect(nodes(c)).toContain('worker-4');
    await c.advance(10_000);
    expect(running(c)).toBe(8);
    expect(map()).toContain('cloudProviderTarget: 4');
    // No second scale-up for pods already placed.
    expect(events(c, 'ScaledUpGroup')).toHaveLength(1);
  });

  it('says why a pod would not fit, and respects the max size', async () => {
    const c = createCluster();
    c.autoscaler.enable({ min: 1, max: 3, nodeCpu: '4', nodeMemory: '8Gi', nodePods: 110 });
    deploy(c, 1, '6');
    await c.advance(30_000);
    expect(events(c, 'NotTriggerScaleUp')[0]).toMatch(/pod didn't trigger scale-up \(it wouldn't fit if a new node is added\): 1 Insufficient cpu$/);
    scale(c, 1);
    const d = JSON.parse(JSON.stringify(c.store.get('deployments.apps', 'default', 'big'))) as KubeObject;
    const spec = d.spec as { template: { spec: { containers: { resources: { requests: { cpu: string } } }[] } } };
    spec.template.spec.containers[0].resources.requests.cpu = '3';
    c.ctx.client('kubernetes-admin', 'test').update('deployments.apps', { ...d, spec: { ...spec, replicas: 4 } } as KubeObject);
    await c.advance(30_000);
    expect(events(c, 'NotTriggerScaleUp').some((e) => e.endsWith(': 1 max node group size reached'))).toBe(true);
  });

  it('drains and removes an underused node after 10 minutes, down to the min size', async () => {
    const c = createCluster();
    c.autoscaler.enable({ min: 2, max: 5, nodeCpu: '4', nodeMemory: '8Gi', nodePods: 110 });
    deploy(c, 8);
    await c.advance(100_000);
    expect(nodes(c)).toContain('worker-4');
    scale(c, 3);
    await c.advance(9 * 60_000);
    expect(nodes(c)).toHaveLength(5);
    // An empty node goes at once; a busy one is tainted while it drains.
    let tainted = false;
    for (let i = 0; i < 240 && nodes(c).length > 3; i++) {
      await c.advance(1000);
      tainted ||= [...c.store.list('nodes')].some((n) => ((n.spec as { taints?: { key: string }[] }).taints ?? []).some((t) => t.key === TO_BE_DELETED_TAINT));
    }
    await c.advance(30_000);
    expect(nodes(c)).toHaveLength(3);
    expect(events(c, 'ScaleDown').filter((e) => e.endsWith('nodes removed by cluster autoscaler'))).toHaveLength(2);
    expect(events(c, 'ScaleDown').some((e) => e.startsWith('Pod/big-') && e.endsWith('deleting pod for node scale down'))).toBe(true);
    expect(running(c)).toBe(3);
    expect(c.autoscaler.info()).toMatchObject({ registered: 2, target: 2 });
    expect(tainted).toBe(true);
  });

  it('disable stops the loop and deletes the status map', async () => {
    const c = createCluster();
    c.autoscaler.enable({ min: 3, max: 5, nodeCpu: '4', nodeMemory: '8Gi', nodePods: 110 });
    await c.advance(20_000);
    c.autoscaler.disable();
    expect(c.store.get('configmaps', 'kube-system', 'cluster-autoscaler-status')).toBeUndefined();
    deploy(c, 8);
    await c.advance(120_000);
    expect(nodes(c)).toHaveLength(4);
    expect(c.autoscaler.info()).toBeUndefined();
  });
});
