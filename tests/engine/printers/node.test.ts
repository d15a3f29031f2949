import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { nodePrinter } from '../../../src/engine/printers/node';
import { NOW, ago, d } from './fixtures';

const node = (n: Node): Node => n;

describe('node STATUS (upstream TestPrintNodeStatus)', () => {
  const cases: [string, Node, string][] = [
    ['Ready', { metadata: { name: 'foo1' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } }, 'Ready'],
    [
      'cordoned',
      { metadata: { name: 'foo2' }, spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      'Ready,SchedulingDisabled',
    ],
    [
      'duplicate Ready conditions',
      { metadata: { name: 'foo3' }, status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Ready', status: 'True' }] } },
      'Ready',
    ],
    ['NotReady', { metadata: { name: 'foo4' }, status: { conditions: [{ type: 'Ready', status: 'False' }] } }, 'NotReady'],
    ['Ready Unknown is NotReady', { metadata: { name: 'u' }, status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } }, 'NotReady'],
    [
      'NotReady and cordoned',
      { metadata: { name: 'foo5' }, spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'False' }] } },
      'NotReady,SchedulingDisabled',
    ],
    ['no Ready condition', { metadata: { name: 'foo6' }, status: { conditions: [{ type: 'InvalidValue', status: 'True' }] } }, 'Unknown'],
    [
      'no Ready condition and cordoned',
      { metadata: { name: 'foo8' }, spec: { unschedulable: true }, status: { conditions: [{ type: 'InvalidValue', status: 'True' }] } },
      'Unknown,SchedulingDisabled',
    ],
  ];
  it.each(cases)('%s', (_n, n, want) => {
    const row = nodePrinter.rows(node(n), NOW)[0]!;
    expect(row.slice(0, 5)).toEqual([n.metadata!.name, want, '<none>', '<unknown>', '']);
  });
});

describe('node ROLES (upstream TestPrintNodeRole)', () => {
  it.each([
    [{}, '<none>'],
    [
      {
        'node-role.kubernetes.io/master': '',
        'node-role.kubernetes.io/control-plane': '',
        'node-role.kubernetes.io/proxy': '',
        'kubernetes.io/role': 'node',
      },
      'control-plane,master,node,proxy',
    ],
    [{ 'kubernetes.io/role': 'node' }, 'node'],
    [{ 'kubernetes.io/role': '', 'node-role.kubernetes.io/': '' }, '<none>'],
  ])('%j → %s', (labels, want) => {
    expect(nodePrinter.rows({ metadata: { name: 'n', labels } }, NOW)[0]![2]).toBe(want);
  });
});

describe('node wide columns', () => {
  it('first InternalIP and ExternalIP, <unknown> for empty node info', () => {
    const n: Node = {
      metadata: { name: 'foo3', creationTimestamp: ago(d(9)) },
      status: {
        addresses: [
          { type: 'ExternalIP', address: '2.2.2.2' },
          { type: 'InternalIP', address: '3.3.3.3' },
          { type: 'ExternalIP', address: '4.4.4.4' },
        ],
        nodeInfo: {
          kubeletVersion: 'v1.32.0',
          osImage: '',
          kernelVersion: '6.1.0',
          containerRuntimeVersion: 'containerd://1.7.24',
          architecture: 'amd64',
          bootID: '',
          machineID: '',
          operatingSystem: 'linux',
          systemUUID: '',
          kubeProxyVersion: '',
        },
      },
    };
    expect(nodePrinter.rows(n, NOW)).toEqual([
      ['foo3', 'Unknown', '<none>', '9d', 'v1.32.0', '3.3.3.3', '2.2.2.2', '<unknown>', '6.1.0', 'containerd://1.7.24'],
    ]);
  });
  it('<none> addresses', () => {
    expect(nodePrinter.rows({ metadata: { name: 'x' } }, NOW)[0]!.slice(5)).toEqual([
      '<none>',
      '<none>',
      '<unknown>',
      '<unknown>',
      '<unknown>',
    ]);
  });
});
