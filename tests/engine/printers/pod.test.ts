import { describe, expect, it } from 'vitest';
import type { Pod, ContainerStatus } from 'kubernetes-types/core/v1';
import { podPrinter } from '../../../src/engine/printers/pod';
import { NOW, ago, d, s } from './fixtures';

function pod(name: string, spec: Partial<Pod['spec']>, status: Pod['status'], meta: Pod['metadata'] = {}): Pod {
  return { metadata: { name, ...meta }, spec: { containers: [], ...spec }, status };
}
const containers = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `c${i}` }));
const running = { running: {} };
const finished = (ms: number) => ({ terminated: { exitCode: 0, finishedAt: ago(ms) } });
const cs = (x: Partial<ContainerStatus>): ContainerStatus => ({ name: '', image: '', imageID: '', ready: false, restartCount: 0, ...x });

/** Name, READY, STATUS, RESTARTS, AGE of the single row (wide cells checked separately). */
function basic(p: Pod): unknown[] {
  const rows = podPrinter.rows(p, NOW);
  expect(rows).toHaveLength(1);
  return rows[0]!.slice(0, 5);
}

describe('pod STATUS / READY / RESTARTS (upstream TestPrintPod cases)', () => {
  const cases: [string, Pod, unknown[]][] = [
    [
      'name, containers, restarts, ready count',
      pod('test1', { containers: containers(2) }, {
        phase: 'podPhase',
        containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })],
      }),
      ['test1', '1/2', 'podPhase', '6', '<unknown>'],
    ],
    [
      'container waiting reason overrides the phase',
      pod('test2', { containers: containers(2) }, {
        phase: 'podPhase',
        containerStatuses: [
          cs({ ready: true, restartCount: 3, state: running }),
          cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }),
        ],
      }),
      ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>'],
    ],
    [
      'the first container wins over later ones',
      pod('test3', { containers: containers(2) }, {
        phase: 'podPhase',
        containerStatuses: [
          cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }),
          cs({ state: { terminated: { reason: 'ContainerTerminatedReason', exitCode: 0 } }, restartCount: 3 }),
        ],
      }),
      ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>'],
    ],
    [
      'ready is not enough to count as running',
      pod('test4', { containers: containers(2) }, {
        phase: 'podPhase',
        containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })],
      }),
      ['test4', '1/2', 'podPhase', '6', '<unknown>'],
    ],
    [
      'status.reason overrides the phase',
      pod('test5', { containers: containers(2) }, {
        reason: 'podReason',
        phase: 'podPhase',
        containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })],
      }),
      ['test5', '1/2', 'podReason', '6', '<unknown>'],
    ],
    [
      'Completed with a running container and no Ready condition is NotReady',
      pod('test6', { containers: containers(2) }, {
        phase: 'Running',
        containerStatuses: [
          cs({ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }),
          cs({ ready: true, restartCount: 3, state: running }),
        ],
      }),
      ['test6', '1/2', 'NotReady', '6', '<unknown>'],
    ],
    [
      'Completed with a running container and Ready=True is Running',
      pod('test6', { containers: containers(2) }, {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          cs({ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }),
          cs({ ready: true, restartCount: 3, state: running }),
        ],
      }),
      ['test6', '1/2', 'Running', '6', '<unknown>'],
    ],
    [
      'init container restarting: Init:0/1 and the init restarts with their age',
      pod('test7', { initContainers: containers(1), containers: containers(1) }, {
        phase: 'podPhase',
        initContainerStatuses: [cs({ restartCount: 3, state: running, lastState: finished(s(10)) })],
        containerStatuses: [cs({ state: { waiting: {} } })],
      }),
      ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>'],
    ],
    [
      'two init containers, the first restarting',
      pod('test8', { initContainers: containers(2), containers: containers(1) }, {
        phase: 'podPhase',
        initContainerStatuses: [
          cs({ restartCount: 3, state: running, lastState: finished(s(10)) }),
          cs({ state: { waiting: {} } }),
        ],
        containerStatuses: [cs({ state: { waiting: {} } })],
      }),
      ['test8', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>'],
    ],
    [
      'first init container done, second restarting',
      pod('test9', { initContainers: containers(2), containers: containers(1) }, {
        phase: 'podPhase',
        initContainerStatuses: [
          cs({ state: { terminated: { exitCode: 0 } } }),
          cs({ restartCount: 3, state: running, lastState: finished(s(10)) }),
        ],
        containerStatuses: [cs({ state: { waiting: {} } })],
      }),
      ['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>'],
    ],
    [
      'restarts of completed init containers add up; the latest restart wins',
      pod('test10', { initContainers: containers(2), containers: containers(1) }, {
        phase: 'podPhase',
        initContainerStatuses: [
          cs({ restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: finished(s(120)) }),
          cs({ restartCount: 3, state: running, lastState: finished(s(10)) }),
        ],
        containerStatuses: [cs({ state: { waiting: {} } })],
      }),
      ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>'],
    ],
    [
      'once initialised only app container restarts count',
      pod('test11', { initContainers: containers(1), containers: containers(1) }, {
        phase: 'Running',
        initContainerStatuses: [cs({ restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: finished(s(120)) })],
        containerStatuses: [cs({ restartCount: 4, state: running, lastState: finished(s(20)) })],
      }),
      ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>'],
    ],
    [
      'a restart five days ago',
      pod('test12', { containers: containers(1) }, {
        phase: 'Running',
        containerStatuses: [cs({ ready: true, restartCount: 3, state: running, lastState: finished(d(5)) })],
      }),
      ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>'],
    ],
    [
      'the most recent restart across containers',
      pod('test14', { containers: containers(2) }, {
        phase: 'Running',
        containerStatuses: [
          cs({ ready: true, restartCount: 6, state: running, lastState: finished(d(5)) }),
          cs({ ready: true, restartCount: 3, state: running, lastState: finished(d(20)) }),
        ],
      }),
      ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>'],
    ],
    [
      'SchedulingGated',
      pod('test15', { containers: containers(2) }, {
        phase: 'podPhase',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      }),
      ['test15', '0/2', 'SchedulingGated', '0', '<unknown>'],
    ],
    [
      'Succeeded shows the container reason Completed',
      pod('test16', { containers: containers(1) }, {
        phase: 'Succeeded',
        containerStatuses: [cs({ state: { terminated: { reason: 'Completed', exitCode: 0 } } })],
      }),
      ['test16', '0/1', 'Completed', '0', '<unknown>'],
    ],
    [
      'Failed shows Error',
      pod('test17', { containers: containers(1) }, {
        phase: 'Failed',
        containerStatuses: [cs({ state: { terminated: { reason: 'Error', exitCode: 1 } } })],
      }),
      ['test17', '0/1', 'Error', '0', '<unknown>'],
    ],
    [
      'a deleted Succeeded pod stays Completed',
      pod('test18', { containers: containers(1) }, {
        phase: 'Succeeded',
        containerStatuses: [cs({ state: { terminated: { reason: 'Completed', exitCode: 0 } } })],
      }, { deletionTimestamp: ago(s(10)) }),
      ['test18', '0/1', 'Completed', '0', '<unknown>'],
    ],
    [
      'a deleted running pod is Terminating',
      pod('test19', { containers: containers(1) }, { phase: 'Running', containerStatuses: [cs({ state: running })] }, {
        deletionTimestamp: ago(s(10)),
      }),
      ['test19', '0/1', 'Terminating', '0', '<unknown>'],
    ],
    [
      'a deleted pending pod is Terminating',
      pod('test20', { containers: containers(1) }, { phase: 'Pending' }, { deletionTimestamp: ago(s(10)) }),
      ['test20', '0/1', 'Terminating', '0', '<unknown>'],
    ],
    [
      'a deleted pod on a lost node is Unknown',
      pod('lost', { containers: containers(1) }, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: ago(s(10)) }),
      ['lost', '0/1', 'Unknown', '0', '<unknown>'],
    ],
    [
      'CrashLoopBackOff with restarts',
      pod('crash', { containers: containers(1) }, {
        phase: 'Running',
        containerStatuses: [
          cs({
            restartCount: 4,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(s(45)) } },
          }),
        ],
      }, { creationTimestamp: ago(125_000) }),
      ['crash', '0/1', 'CrashLoopBackOff', '4 (45s ago)', '2m5s'],
    ],
    [
      'terminated without reason: ExitCode and Signal',
      pod('exit', { containers: containers(2) }, {
        phase: 'Running',
        containerStatuses: [
          cs({ state: { terminated: { exitCode: 0, signal: 9 } } }),
          cs({ state: { terminated: { exitCode: 2 } } }),
        ],
      }),
      ['exit', '0/2', 'Signal:9', '0', '<unknown>'],
    ],
    [
      'failed init container: Init:<reason>, Init:ExitCode:N',
      pod('initfail', { initContainers: containers(1), containers: containers(1) }, {
        phase: 'Pending',
        initContainerStatuses: [cs({ state: { terminated: { exitCode: 3 } } })],
      }),
      ['initfail', '0/1', 'Init:ExitCode:3', '0', '<unknown>'],
    ],
    [
      'waiting init container: Init:CrashLoopBackOff',
      pod('initcrash', { initContainers: containers(1), containers: containers(1) }, {
        phase: 'Pending',
        initContainerStatuses: [cs({ restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } } })],
      }),
      ['initcrash', '0/1', 'Init:CrashLoopBackOff', '1', '<unknown>'],
    ],
    [
      'PodInitializing is not an init reason',
      pod('initwait', { initContainers: containers(1), containers: containers(1) }, {
        phase: 'Pending',
        initContainerStatuses: [cs({ state: { waiting: { reason: 'PodInitializing' } } })],
      }),
      ['initwait', '0/1', 'Init:0/1', '0', '<unknown>'],
    ],
  ];
  it.each(cases)('%s', (_name, p, want) => {
    expect(basic(p)).toEqual(want);
  });
});

describe('pod with restartable (sidecar) init containers', () => {
  const sidecars = [
    { name: 'restartable-init-1', restartPolicy: 'Always' },
    { name: 'restartable-init-2', restartPolicy: 'Always' },
  ];
  const cases: [string, Pod, unknown[]][] = [
    [
      'first sidecar running but not started',
      pod('test1', { initContainers: sidecars, containers: containers(1) }, {
        phase: 'Pending',
        initContainerStatuses: [
          cs({ name: 'restartable-init-1', restartCount: 3, state: running, started: false, lastState: finished(s(10)) }),
          cs({ name: 'restartable-init-2', state: { waiting: {} }, started: false }),
        ],
        containerStatuses: [cs({ state: { waiting: {} } })],
        conditions: [{ type: 'Initialized', status: 'False' }],
      }),
      ['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>'],
    ],
    [
      'first sidecar started, second running but not started',
      pod('test1', { initContainers: sidecars, containers: containers(1) }, {
        phase: 'Pending',
        initContainerStatuses: [
          cs({ name: 'restartable-init-1', restartCount: 3, state: running, started: true, lastState: finished(s(10)) }),
          cs({ name: 'restartable-init-2', state: running, started: false }),
        ],
        containerStatuses: [cs({ state: { waiting: {} } })],
        conditions: [{ type: 'Initialized', status: 'False' }],
      }),
      ['test1', '0/3', 'Init:1/2', '3 (10s ago)', '<unknown>'],
    ],
    [
      'both sidecars started and the app container running',
      pod('test2', { initContainers: sidecars, containers: containers(1) }, {
        phase: 'Running',
        initContainerStatuses: [
          cs({ name: 'restartable-init-1', restartCount: 3, state: running, started: true, lastState: finished(s(10)) }),
          cs({ name: 'restartable-init-2', state: running, started: true }),
        ],
        containerStatuses: [cs({ ready: true, restartCount: 4, state: running, lastState: finished(s(20)) })],
        conditions: [{ type: 'Initialized', status: 'True' }],
      }),
      ['test2', '1/3', 'Running', '7 (10s ago)', '<unknown>'],
    ],
    [
      'sidecars terminated with errors and the app completed',
      pod('test3', { initContainers: sidecars, containers: containers(1) }, {
        phase: 'Succeeded',
        initContainerStatuses: [
          cs({ name: 'restartable-init-1', restartCount: 3, state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false, lastState: finished(s(10)) }),
          cs({ name: 'restartable-init-2', state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false }),
        ],
        containerStatuses: [cs({ restartCount: 4, state: { terminated: { reason: 'Completed', exitCode: 0 } }, lastState: finished(s(20)) })],
        conditions: [{ type: 'Initialized', status: 'True' }],
      }),
      ['test3', '0/3', 'Completed', '7 (10s ago)', '<unknown>'],
    ],
    [
      'statuses for containers the spec does not have',
      pod('test4', {
        initContainers: [{ name: 'init1', image: 'initimage' }, { name: 'sidecar1', image: 'sidecarimage', restartPolicy: 'Always' }],
        containers: [{ name: 'container1', image: 'containerimage' }],
      }, {
        phase: 'Running',
        initContainerStatuses: [cs({ name: 'initinvalid' }), cs({ name: 'init1' }), cs({ name: 'sidecar1' })],
        containerStatuses: [cs({ name: 'containerinvalid' }), cs({ name: 'container1' })],
      }),
      ['test4', '0/2', 'Init:0/2', '0', '<unknown>'],
    ],
  ];
  it.each(cases)('%s', (_name, p, want) => {
    expect(basic(p)).toEqual(want);
  });
});

describe('pod wide columns', () => {
  it('IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    const p = pod('test1', {
      containers: containers(2),
      nodeName: 'test1',
      readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }, { conditionType: 'condition3' }],
    }, {
      phase: 'podPhase',
      conditions: [{ type: 'condition1', status: 'False' }, { type: 'condition2', status: 'True' }],
      podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }],
      containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })],
      nominatedNodeName: 'node1',
    });
    expect(podPrinter.rows(p, NOW)).toEqual([['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3']]);
  });
  it('<none> when unset; status.podIP is used when podIPs is absent', () => {
    const p = pod('test2', { containers: containers(1) }, { phase: 'Pending' });
    expect(podPrinter.rows(p, NOW)[0]!.slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
    const q = pod('test3', { containers: containers(1), nodeName: 'n1' }, { phase: 'Running', podIP: '10.244.0.5' });
    expect(podPrinter.rows(q, NOW)[0]!.slice(5, 7)).toEqual(['10.244.0.5', 'n1']);
  });
  it('ages from creationTimestamp', () => {
    const p = pod('aged', { containers: containers(1) }, { phase: 'Running' }, { creationTimestamp: ago(d(2) + 3 * 3600_000) });
    expect(podPrinter.rows(p, NOW)[0]![4]).toBe('2d3h');
  });
});

describe('pod row conditions', () => {
  it.each([
    ['Running', undefined],
    ['Succeeded', [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]],
    ['Failed', [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]],
  ])('%s', (phase, want) => {
    expect(podPrinter.conditions!(pod('p', {}, { phase }))).toEqual(want);
  });
});
