// The versioned store: one resourceVersion counter, indexes, frozen objects, watch order, replay and 410.
import { describe, expect, it } from 'vitest';
import { Store, ExpiredError } from '../../../src/engine/store/store';
import { parseLabelSelector } from '../../../src/engine/api/selectors/labels';
import type { KubeObject } from '../../../src/engine/api/types';

function pod(name: string, labels: Record<string, string> = {}, node?: string, ns = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels, uid: `uid-${name}` }, spec: node ? { nodeName: node } : {} };
}

function newStore(history = 100): Store {
  const s = new Store({ historyPerResource: history });
  s.register('pods', [{ name: 'spec.nodeName', values: (o) => (o.spec as { nodeName?: string }).nodeName }]);
  s.register('configmaps');
  return s;
}

describe('Store', () => {
  it('stamps a single increasing resourceVersion across resources', () => {
    const s = newStore();
    const a = s.create('pods', pod('a'));
    const b = s.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } });
    const a2 = s.update('pods', { ...a, metadata: { ...a.metadata, labels: { x: '1' } } });
    expect([a.metadata!.resourceVersion, b.metadata!.resourceVersion, a2.metadata!.resourceVersion]).toEqual(['1', '2', '3']);
    const gone = s.delete('pods', 'default', 'a')!;
    expect(gone.metadata!.resourceVersion).toBe('4');
    expect(s.resourceVersion()).toBe(4);
  });

  it('hands out frozen objects', () => {
    const s = newStore();
    const a = s.create('pods', pod('a', { app: 'web' }));
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => {
      (a.metadata!.labels as Record<string, string>).app = 'x';
    }).toThrow(TypeError);
    expect(s.get('pods', 'default', 'a')!.metadata!.labels!.app).toBe('web');
  });

  it('keeps label, namespace, field and owner indexes consistent through updates and deletes', () => {
    const s = newStore();
    s.create('pods', pod('a', { app: 'web', tier: 'fe' }, 'n1'));
    s.create('pods', pod('b', { app: 'web' }, 'n2'));
    s.create('pods', pod('c', { app: 'db' }, 'n1', 'other'));
    const names = (objs: KubeObject[]) => objs.map((o) => o.metadata!.name).sort();
    expect(names(s.listBySelector('pods', 'default', parseLabelSelector('app=web')))).toEqual(['a', 'b']);
    expect(names(s.listBySelector('pods', undefined, parseLabelSelector('app in (web,db),tier')))).toEqual(['a']);
    expect(names(s.listBySelector('pods', undefined, parseLabelSelector('app!=web')))).toEqual(['c']);
    expect(names(s.listByIndex('pods', 'spec.nodeName', 'n1'))).toEqual(['a', 'c']);
    const b = s.get('pods', 'default', 'b')!;
    s.update('pods', { ...b, metadata: { ...b.metadata, labels: { app: 'db' } }, spec: { nodeName: 'n1' } });
    expect(names(s.listBySelector('pods', 'default', parseLabelSelector('app=web')))).toEqual(['a']);
    expect(names(s.listByIndex('pods', 'spec.nodeName', 'n1'))).toEqual(['a', 'b', 'c']);
    expect(s.listByIndex('pods', 'spec.nodeName', 'n2')).toEqual([]);
    s.delete('pods', 'default', 'a');
    expect(names(s.listByIndex('pods', 'spec.nodeName', 'n1'))).toEqual(['b', 'c']);
    expect(s.count('pods', 'default')).toBe(1);
    const owned = s.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default', ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'b', uid: 'uid-b' }] } });
    expect(s.dependents('uid-b').map((d) => d.object.metadata!.name)).toEqual(['x']);
    s.delete('configmaps', 'default', owned.metadata!.name!);
    expect(s.dependents('uid-b')).toEqual([]);
  });

  it('delivers watch events in order with the right types and replays from a resourceVersion', () => {
    const s = newStore();
    const seen: string[] = [];
    s.watch('pods', {}, (e) => seen.push(`${e.type} ${e.object.metadata!.name} ${e.rv}`));
    const a = s.create('pods', pod('a'));
    s.update('pods', { ...a, metadata: { ...a.metadata, labels: { v: '2' } } });
    s.delete('pods', 'default', 'a');
    expect(seen).toEqual(['ADDED a 1', 'MODIFIED a 2', 'DELETED a 3']);
    const replay: string[] = [];
    s.watch('pods', { sinceRV: 1 }, (e) => replay.push(`${e.type} ${e.rv}`));
    expect(replay).toEqual(['MODIFIED 2', 'DELETED 3']);
  });

  it('filters watches by namespace', () => {
    const s = newStore();
    const seen: string[] = [];
    s.watch('pods', { namespace: 'other' }, (e) => seen.push(e.object.metadata!.name!));
    s.create('pods', pod('a'));
    s.create('pods', pod('b', {}, undefined, 'other'));
    expect(seen).toEqual(['b']);
  });

  it('answers 410 Expired for a resourceVersion older than the retained history', () => {
    const s = newStore(3);
    for (let i = 0; i < 6; i++) s.create('pods', pod(`p${i}`));
    expect(() => s.watch('pods', { sinceRV: 1 }, () => {})).toThrow(ExpiredError);
    expect(() => s.watch('pods', { sinceRV: 1 }, () => {})).toThrow(/too old resource version: 1 \(3\)/);
    const got: number[] = [];
    s.watch('pods', { sinceRV: 3 }, (e) => got.push(e.rv));
    expect(got).toEqual([4, 5, 6]);
  });

  it('refuses writes from inside a watch handler', () => {
    const s = newStore();
    s.watch('pods', {}, () => s.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default' } }));
    expect(() => s.create('pods', pod('a'))).toThrow(/inside a watch handler/);
  });
});
