import { describe, expect, it } from 'vitest';
import { world, type World } from '../job/world';
import type { KubeObject } from '../../../../src/engine/api/types';

type Obj = KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

function sts(name: string, spec: Record<string, unknown> = {}, image = 'nginx:1.27'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'default' },
    spec: {
      serviceName: 'nginx',
      replicas: 3,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...spec,
    },
  };
}

function setSpec(w: World, name: string, patch: Record<string, unknown>): void {
  const cur = w.get<Obj>('statefulsets.apps', name)!;
  w.client.update('statefulsets.apps', { ...cur, spec: { ...cur.spec, ...patch } });
}

const pod = (w: World, name: string) => w.get<Obj & { spec: Record<string, unknown> }>('pods', name);

describe('StatefulSet controller', () => {
  it('creates pods in order, each after its predecessor is Running and Ready, claims first', async () => {
    const w = world();
    w.client.create('statefulsets.apps', sts('web'));
    await w.advance(1000);
    expect(w.podNames()).toEqual(['web-0']);
    const p0 = pod(w, 'web-0')!;
    expect(p0.metadata!.labels).toMatchObject({
      app: 'web',
      'statefulset.kubernetes.io/pod-name': 'web-0',
      'apps.kubernetes.io/pod-index': '0',
    });
    expect(p0.metadata!.labels!['controller-revision-hash']).toMatch(/^web-[a-z0-9]+$/);
    expect(p0.metadata!.generateName).toBe('web-');
    expect(p0.spec.hostname).toBe('web-0');
    expect(p0.spec.subdomain).toBe('nginx');
    expect((p0.spec.volumes as unknown[])[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    const claim = w.get<Obj>('persistentvolumeclaims', 'www-web-0')!;
    expect(claim.metadata!.labels).toEqual({ app: 'web' });
    expect(claim.metadata!.ownerReferences).toBeUndefined();
    await w.advance(60_000);
    expect(w.podNames()).toEqual(['web-0', 'web-1', 'web-2']);
    const c0 = Date.parse(pod(w, 'web-0')!.metadata!.creationTimestamp!);
    const c1 = Date.parse(pod(w, 'web-1')!.metadata!.creationTimestamp!);
    const ready0 = (pod(w, 'web-0')!.status!.conditions as { type: string; lastTransitionTime: string }[]).find((c) => c.type === 'Ready')!;
    expect(c1).toBeGreaterThanOrEqual(Date.parse(ready0.lastTransitionTime));
    expect(c1).toBeGreaterThan(c0);
    expect(w.events('StatefulSet', 'web').slice(0, 4)).toEqual([
      'SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'SuccessfulCreate create Pod web-0 in StatefulSet web successful',
      'SuccessfulCreate create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'SuccessfulCreate create Pod web-1 in StatefulSet web successful',
    ]);
    const s = w.get<Obj>('statefulsets.apps', 'web')!.status!;
    expect(s).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3, collisionCount: 0, observedGeneration: 1 });
    expect(s.currentRevision).toBe(s.updateRevision);
  });

  it('scales down from the highest ordinal one at a time and keeps the claims', async () => {
    const w = world();
    w.client.create('statefulsets.apps', sts('web'));
    await w.advance(60_000);
    setSpec(w, 'web', { replicas: 1 });
    await w.advance(60_000);
    expect(w.podNames()).toEqual(['web-0']);
    const deletes = w.events('StatefulSet', 'web').filter((e) => e.startsWith('SuccessfulDelete'));
    expect(deletes).toEqual(['SuccessfulDelete delete Pod web-2 in StatefulSet web successful', 'SuccessfulDelete delete Pod web-1 in StatefulSet web successful']);
    expect(w.list<Obj>('persistentvolumeclaims').map((c) => c.metadata!.name).sort()).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
    // Scaling up again reuses the retained claims.
    setSpec(w, 'web', { replicas: 2 });
    await w.advance(30_000);
    expect(w.podNames()).toEqual(['web-0', 'web-1']);
    expect(w.events('StatefulSet', 'web').filter((e) => e.includes('Claim www-web-1'))).toHaveLength(1);
  });

  it('waits for a terminating pod before deleting the next one (OrderedReady)', async () => {
    const w = world();
    // busybox sh ignores SIGTERM: each pod takes the full 30 s grace period.
    const s = sts('slow', {}, 'busybox:1.36') as Obj;
    (s.spec!.template as { spec: { containers: Record<string, unknown>[] } }).spec.containers[0].command = ['sh', '-c', 'sleep 3600'];
    w.client.create('statefulsets.apps', s);
    await w.advance(60_000);
    expect(w.podNames()).toEqual(['slow-0', 'slow-1', 'slow-2']);
    setSpec(w, 'slow', { replicas: 0 });
    await w.advance(10_000);
    expect(pod(w, 'slow-2')!.metadata!.deletionTimestamp).toBeDefined();
    expect(pod(w, 'slow-1')!.metadata!.deletionTimestamp).toBeUndefined();
    await w.advance(30_000);
    expect(w.get('pods', 'slow-2')).toBeUndefined();
    expect(pod(w, 'slow-1')!.metadata!.deletionTimestamp).toBeDefined();
  });

  it('Parallel creates and deletes all pods at once', async () => {
    const w = world();
    w.client.create('statefulsets.apps', sts('par', { podManagementPolicy: 'Parallel', replicas: 4 }));
    await w.advance(1000);
    expect(w.podNames()).toEqual(['par-0', 'par-1', 'par-2', 'par-3']);
  });

  it('rolls updates from the highest ordinal down to the partition', async () => {
    const w = world();
    w.client.create('statefulsets.apps', sts('web', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }));
    await w.advance(60_000);
    const rev1 = w.get<Obj>('statefulsets.apps', 'web')!.status!.currentRevision;
    const cur = w.get<Obj>('statefulsets.apps', 'web')!;
    const template = cur.spec!.template as { spec: { containers: { image: string }[] } };
    setSpec(w, 'web', { template: { ...template, spec: { ...template.spec, containers: [{ ...template.spec.containers[0], image: 'nginx:1.28' }] } } });
    await w.advance(90_000);
    const s = w.get<Obj>('statefulsets.apps', 'web')!.status!;
    expect(s.updateRevision).not.toBe(rev1);
    expect(s.currentRevision).toBe(rev1);
    expect(s).toMatchObject({ currentReplicas: 1, updatedReplicas: 2 });
    const image = (n: string) => (pod(w, n)!.spec.containers as { image: string }[])[0].image;
    expect([image('web-0'), image('web-1'), image('web-2')]).toEqual(['nginx:1.27', 'nginx:1.28', 'nginx:1.28']);
    const deletes = w.events('StatefulSet', 'web').filter((e) => e.startsWith('SuccessfulDelete'));
    expect(deletes).toEqual(['SuccessfulDelete delete Pod web-2 in StatefulSet web successful', 'SuccessfulDelete delete Pod web-1 in StatefulSet web successful']);
    // Partition 0 finishes the rollout; the current revision catches up.
    setSpec(w, 'web', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } });
    await w.advance(60_000);
    const done = w.get<Obj>('statefulsets.apps', 'web')!.status!;
    expect(done.currentRevision).toBe(done.updateRevision);
    expect(done).toMatchObject({ currentReplicas: 3, updatedReplicas: 3 });
    expect(image('web-0')).toBe('nginx:1.28');
    expect(w.list('controllerrevisions.apps')).toHaveLength(2);
  });

  it('OnDelete replaces pods only when they are deleted', async () => {
    const w = world();
    w.client.create('statefulsets.apps', sts('web', { replicas: 2, updateStrategy: { type: 'OnDelete' } }));
    await w.advance(40_000);
    const cur = w.get<Obj>('statefulsets.apps', 'web')!;
    const template = cur.spec!.template as { spec: { containers: { image: string }[] } };
    setSpec(w, 'web', { template: { ...template, spec: { ...template.spec, containers: [{ ...template.spec.containers[0], image: 'nginx:1.28' }] } } });
    await w.advance(30_000);
    const image = (n: string) => (pod(w, n)!.spec.containers as { image: string }[])[0].image;
    expect([image('web-0'), image('web-1')]).toEqual(['nginx:1.27', 'nginx:1.27']);
    w.client.delete('pods', 'default', 'web-1');
    await w.advance(30_000);
    expect([image('web-0'), image('web-1')]).toEqual(['nginx:1.27', 'nginx:1.28']);
    expect(w.get<Obj>('statefulsets.apps', 'web')!.status).toMatchObject({ currentReplicas: 1, updatedReplicas: 1 });
  });

  it('persistentVolumeClaimRetentionPolicy Delete: set-owned claims, pod-owned once scaled down', async () => {
    const w = world();
    w.client.create('statefulsets.apps', sts('web', { replicas: 2, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Delete' } }));
    await w.advance(40_000);
    const owners = (n: string) => (w.get<Obj>('persistentvolumeclaims', n)?.metadata!.ownerReferences ?? []).map((r) => `${r.kind}/${r.name}`);
    expect(owners('www-web-0')).toEqual(['StatefulSet/web']);
    expect(owners('www-web-1')).toEqual(['StatefulSet/web']);
    setSpec(w, 'web', { replicas: 1 });
    await w.advance(30_000);
    expect(w.podNames()).toEqual(['web-0']);
    // The scaled-down pod owned its claim; the garbage collector removed both.
    expect(w.get('persistentvolumeclaims', 'www-web-1')).toBeUndefined();
    expect(owners('www-web-0')).toEqual(['StatefulSet/web']);
  });

  it('replaces a failed pod only after the old object is gone', async () => {
    const w = world();
    const s = sts('crash', { replicas: 1 }, 'busybox:1.36') as Obj;
    const t = s.spec!.template as { spec: Record<string, unknown> };
    t.spec.containers = [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }];
    w.client.create('statefulsets.apps', s);
    await w.advance(20_000);
    const uid = pod(w, 'crash-0')!.metadata!.uid;
    w.client.delete('pods', 'default', 'crash-0');
    await w.advance(5_000);
    // Still terminating (SIGTERM ignored): no second crash-0 yet.
    expect(pod(w, 'crash-0')!.metadata!.uid).toBe(uid);
    await w.advance(40_000);
    expect(pod(w, 'crash-0')!.metadata!.uid).not.toBe(uid);
  });

  it('a pod on a dead node is not replaced while its object remains (Terminating)', async () => {
    const w = world();
    w.client.create('statefulsets.apps', sts('db', { replicas: 1 }));
    await w.advance(20_000);
    const old = pod(w, 'db-0')!;
    const node = (old.spec as { nodeName: string }).nodeName;
    w.cluster.kubelets.get(node)!.powerOff();
    // NotReady after the grace period, evicted after the 300 s toleration: the pod is only marked for deletion.
    await w.advance(7 * 60_000);
    const stuck = pod(w, 'db-0')!;
    expect(stuck.metadata!.uid).toBe(old.metadata!.uid);
    expect(stuck.metadata!.deletionTimestamp).toBeDefined();
    expect(w.podNames()).toEqual(['db-0']);
    // Force-deleting the object lets the controller make db-0 again (elsewhere), with the same claim.
    w.client.delete('pods', 'default', 'db-0', { gracePeriodSeconds: 0 });
    await w.advance(1000);
    const fresh = pod(w, 'db-0')!;
    expect(fresh.metadata!.uid).not.toBe(old.metadata!.uid);
    expect((fresh.spec as { volumes: { persistentVolumeClaim?: { claimName: string } }[] }).volumes[0].persistentVolumeClaim!.claimName).toBe('www-db-0');
  });
});
