import { describe, expect, it } from 'vitest';
import { claimOwnerRefs, claimOwnerUpToDate, claimsFor, identityMatches, newStatefulSetPod, parentAndOrdinal, type ClaimObj, type SetObj } from '../../../../src/engine/controllers/statefulset/pods';
import type { PodObj } from '../../../../src/engine/controllers/podutil';

function set(replicas: number, whenScaled = 'Retain', whenDeleted = 'Retain'): SetObj {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'set-uid' },
    spec: {
      replicas,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }], volumes: [{ name: 'www', emptyDir: {} }, { name: 'cfg', emptyDir: {} }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www', labels: { tier: 'data' } }, spec: { accessModes: ['ReadWriteOnce'] } }],
      persistentVolumeClaimRetentionPolicy: { whenScaled, whenDeleted },
    },
  };
}

const pod = (name: string, uid = `${name}-uid`): PodObj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid } });
const claim = (...owners: { kind: string; name: string; uid: string; apiVersion: string; controller?: boolean }[]): ClaimObj => ({
  metadata: { name: 'www-web-1', namespace: 'default', ...(owners.length ? { ownerReferences: owners } : {}) },
});
const setRef = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid', controller: true };
const podRef = { apiVersion: 'v1', kind: 'Pod', name: 'web-1', uid: 'web-1-uid', controller: true };

describe('statefulset pod identity', () => {
  it.each([
    ['web-0', 'web', 0],
    ['web-12', 'web', 12],
    ['my-app-3', 'my-app', 3],
    ['web', '', -1],
    ['web-x', '', -1],
    ['web-99999999999', 'web', -1],
  ])('%s → parent %s ordinal %d', (name, parent, ordinal) => {
    expect(parentAndOrdinal(pod(name))).toEqual([parent, ordinal]);
  });

  it('builds the pod with identity, revision label and claim volumes before the template volumes', () => {
    const p = newStatefulSetPod(set(3), 2, 'web-abc');
    expect(p.metadata).toMatchObject({ name: 'web-2', generateName: 'web-', namespace: 'default' });
    expect(p.metadata!.labels).toEqual({ app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-2', 'apps.kubernetes.io/pod-index': '2', 'controller-revision-hash': 'web-abc' });
    expect(p.metadata!.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid', controller: true, blockOwnerDeletion: true }]);
    expect(p.spec!.hostname).toBe('web-2');
    expect(p.spec!.subdomain).toBe('nginx');
    expect(p.spec!.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-2' } }, { name: 'cfg', emptyDir: {} }]);
    expect(identityMatches(set(3), p)).toBe(true);
  });

  it('claims carry the template labels plus the selector labels', () => {
    const c = claimsFor(set(1), 4).get('www')!;
    expect(c.metadata).toEqual({ name: 'www-web-4', namespace: 'default', labels: { tier: 'data', app: 'web' } });
  });
});

describe('persistentVolumeClaimRetentionPolicy owner references', () => {
  // [whenScaled, whenDeleted, replicas (2: pod in range, 1: scaled down), expected owners]
  it.each([
    ['Retain', 'Retain', 2, []],
    ['Retain', 'Retain', 1, []],
    ['Retain', 'Delete', 2, ['StatefulSet']],
    ['Retain', 'Delete', 1, ['StatefulSet']],
    ['Delete', 'Retain', 2, []],
    ['Delete', 'Retain', 1, ['Pod']],
    ['Delete', 'Delete', 2, ['StatefulSet']],
    ['Delete', 'Delete', 1, ['Pod']],
  ])('whenScaled=%s whenDeleted=%s replicas=%d → %j', (scaled, deleted, replicas, want) => {
    const s = set(replicas as number, scaled as string, deleted as string);
    const p = pod('web-1');
    const refs = claimOwnerRefs(claim(), s, p);
    expect(refs.map((r) => r.kind)).toEqual(want);
    expect(claimOwnerUpToDate({ metadata: { ...claim().metadata, ownerReferences: refs } }, s, p)).toBe(true);
    if ((want as string[]).length) expect(claimOwnerUpToDate(claim(), s, p)).toBe(false);
  });

  it('leaves claims alone that an earlier incarnation of the pod owns', () => {
    const s = set(1, 'Delete', 'Retain');
    const stale = claim({ ...podRef, uid: 'old-uid' });
    expect(claimOwnerUpToDate(stale, s, pod('web-1'))).toBe(true);
  });

  it('swaps the set reference for the pod reference on scale-down', () => {
    const s = set(1, 'Delete', 'Delete');
    expect(claimOwnerRefs(claim(setRef), s, pod('web-1')).map((r) => `${r.kind}/${r.uid}`)).toEqual(['Pod/web-1-uid']);
  });
});
