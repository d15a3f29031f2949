import { describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PodTemplate, ReplicationController } from 'kubernetes-types/core/v1';
import { deploymentPrinter } from '../../../src/engine/printers/deployment';
import { replicaSetPrinter } from '../../../src/engine/printers/replicaset';
import { daemonSetPrinter } from '../../../src/engine/printers/daemonset';
import { statefulSetPrinter } from '../../../src/engine/printers/statefulset';
import { controllerRevisionPrinter } from '../../../src/engine/printers/controllerrevision';
import { replicationControllerPrinter } from '../../../src/engine/printers/replicationcontroller';
import { podTemplatePrinter } from '../../../src/engine/printers/podtemplate';
import { NOW, ago, s } from './fixtures';

const justNow = ago(-1900); // 1.9 s in the future, as upstream tests do: prints "0s"
const template = {
  spec: {
    containers: [
      { name: 'fake-container1', image: 'fake-image1' },
      { name: 'fake-container2', image: 'fake-image2' },
    ],
  },
};

describe('deployments (upstream TestPrintDeployment)', () => {
  it('READY ready/desired, wide containers, images, selector', () => {
    const dep: Deployment = {
      metadata: { name: 'test1', creationTimestamp: justNow },
      spec: { replicas: 5, template, selector: { matchLabels: { foo: 'bar' } } },
      status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4 },
    };
    expect(deploymentPrinter.rows(dep, NOW)).toEqual([
      ['test1', '0/5', 2, 1, '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar'],
    ]);
  });
  it('selector with expressions is sorted by key; values sorted', () => {
    const dep: Deployment = {
      metadata: { name: 'web' },
      spec: {
        selector: {
          matchLabels: { tier: 'web', app: 'shop' },
          matchExpressions: [
            { key: 'env', operator: 'In', values: ['prod', 'dev'] },
            { key: 'canary', operator: 'DoesNotExist' },
            { key: 'zone', operator: 'Exists' },
            { key: 'b', operator: 'NotIn', values: ['x'] },
          ],
        },
        template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
      },
      status: { readyReplicas: 1 },
    };
    expect(deploymentPrinter.rows(dep, NOW)[0]).toEqual([
      'web',
      '1/0',
      0,
      0,
      '<unknown>',
      'web',
      'nginx:1.27',
      'app=shop,b notin (x),!canary,env in (dev,prod),tier=web,zone',
    ]);
  });
  it('nil selector prints empty, invalid prints <invalid>', () => {
    expect(deploymentPrinter.rows({ metadata: { name: 'a' }, spec: { selector: undefined as never, template: {} } }, NOW)[0]![7]).toBe('');
    const bad: Deployment = { metadata: { name: 'b' }, spec: { selector: { matchExpressions: [{ key: 'k', operator: 'In' }] }, template: {} } };
    expect(deploymentPrinter.rows(bad, NOW)[0]![7]).toBe('<invalid>');
  });
});

describe('replica sets (upstream TestPrintReplicaSet)', () => {
  const rs: ReplicaSet = {
    metadata: { name: 'test1', creationTimestamp: justNow },
    spec: { replicas: 5, template, selector: { matchLabels: { foo: 'bar' } } },
    status: { replicas: 5, readyReplicas: 2 },
  };
  it('desired current ready and wide cells', () => {
    expect(replicaSetPrinter.rows(rs, NOW)).toEqual([
      ['test1', 5, 5, 2, '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar'],
    ]);
  });
  it('empty selector is <none>', () => {
    expect(replicaSetPrinter.rows({ ...rs, spec: { ...rs.spec, selector: {} } }, NOW)[0]![7]).toBe('<none>');
  });
});

describe('daemon sets (upstream TestPrintDaemonSet)', () => {
  it('counts, node selector, wide cells', () => {
    const ds: DaemonSet = {
      metadata: { name: 'test1', creationTimestamp: justNow },
      spec: { template, selector: { matchLabels: { foo: 'bar' } } },
      status: { currentNumberScheduled: 2, desiredNumberScheduled: 3, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 0, numberMisscheduled: 0 },
    };
    expect(daemonSetPrinter.rows(ds, NOW)).toEqual([
      ['test1', 3, 2, 1, 2, 0, '<none>', '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar'],
    ]);
    const withNodeSelector: DaemonSet = {
      ...ds,
      spec: { ...ds.spec!, template: { spec: { containers: [], nodeSelector: { 'kubernetes.io/os': 'linux', a: 'b' } } } },
    };
    expect(daemonSetPrinter.rows(withNodeSelector, NOW)[0]![6]).toBe('a=b,kubernetes.io/os=linux');
  });
});

describe('stateful sets (upstream TestPrintStatefulSet)', () => {
  it('READY and wide containers and images', () => {
    const sts: StatefulSet = {
      metadata: { name: 'test1', creationTimestamp: justNow },
      spec: { replicas: 5, template, selector: {}, serviceName: 'x' },
      status: { replicas: 5, readyReplicas: 2 },
    };
    expect(statefulSetPrinter.rows(sts, NOW)).toEqual([['test1', '2/5', '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2']]);
  });
});

describe('controller revisions (upstream TestPrintControllerRevision)', () => {
  const cases: [ControllerRevision, unknown[]][] = [
    [
      {
        metadata: { name: 'test1', creationTimestamp: justNow, ownerReferences: [{ controller: true, apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo', uid: 'u' }] },
        revision: 1,
      },
      ['test1', 'daemonset.apps/foo', 1, '0s'],
    ],
    [
      {
        metadata: { name: 'test2', creationTimestamp: justNow, ownerReferences: [{ controller: false, apiVersion: '', kind: 'ABC', name: 'foo', uid: 'u' }] },
        revision: 2,
      },
      ['test2', '<none>', 2, '0s'],
    ],
    [{ metadata: { name: 'test3', creationTimestamp: justNow, ownerReferences: [] }, revision: 3 }, ['test3', '<none>', 3, '0s']],
    [
      {
        metadata: { name: 'core', ownerReferences: [{ controller: true, apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u' }] },
        revision: 4,
      },
      ['core', 'pod/p', 4, '<unknown>'],
    ],
  ];
  it.each(cases)('%#', (cr, want) => {
    expect(controllerRevisionPrinter.rows(cr, NOW)).toEqual([want]);
  });
});

describe('replication controllers and pod templates', () => {
  it('RC wide cells use the selector map', () => {
    const rc: ReplicationController = {
      metadata: { name: 'rc1', creationTimestamp: ago(s(30)) },
      spec: { replicas: 5, selector: { a: 'b' }, template: { spec: { containers: [{ name: 'test', image: 'test_image' }] } } },
      status: { replicas: 3, readyReplicas: 1 },
    };
    expect(replicationControllerPrinter.rows(rc, NOW)).toEqual([['rc1', 5, 3, 1, '30s', 'test', 'test_image', 'a=b']]);
    expect(replicationControllerPrinter.rows({ metadata: {}, spec: { replicas: 0 } }, NOW)).toEqual([['', 0, 0, 0, '<unknown>', '', '', '<none>']]);
  });
  it('pod template CONTAINERS IMAGES POD LABELS', () => {
    const pt: PodTemplate = { metadata: { name: 'pod-template-3' }, template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [] } } };
    expect(podTemplatePrinter.rows(pt, NOW)).toEqual([['pod-template-3', '', '', 'foo=bar']]);
  });
});
