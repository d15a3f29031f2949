// Table columns and cells for pods: READY, the STATUS kubectl users know (Init:0/1, CrashLoopBackOff,
// Terminating, Completed/NotReady, ...), RESTARTS with the age of the last restart, and the wide columns.
// mirrors: pkg/printers/internalversion/printers.go (printPod, hasPodReadyCondition, isPodInitializedConditionTrue)

import type { ContainerState, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { TablePrinter, TableRowCondition } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age, timeMs } from './format';
import { humanDuration } from '../util/duration';

export const podColumns = [
  NAME_COLUMN,
  column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
  column('Status', 'string', 'The aggregate status of the containers in this pod.'),
  column(
    'Restarts',
    'string',
    'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
  ),
  AGE_COLUMN,
  column('IP', 'string', DOC['core/v1 PodStatus.podIP'], 1),
  column('Node', 'string', DOC['core/v1 PodSpec.nodeName'], 1),
  column('Nominated Node', 'string', DOC['core/v1 PodStatus.nominatedNodeName'], 1),
  column('Readiness Gates', 'string', DOC['core/v1 PodSpec.readinessGates'], 1),
];

const SUCCEEDED_CONDITIONS: TableRowCondition[] = [
  { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
];
const FAILED_CONDITIONS: TableRowCondition[] = [
  { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
];

/** FinishedAt of the last termination, in ms; undefined when unknown (a Go zero time). */
function lastTerminated(state: ContainerState | undefined): number | undefined {
  return timeMs(state?.terminated?.finishedAt);
}

/** A terminated container without a reason: `ExitCode:N` or `Signal:N`. */
function exitText(state: NonNullable<ContainerState['terminated']>): string {
  return state.signal ? `Signal:${state.signal}` : `ExitCode:${state.exitCode ?? 0}`;
}

function conditionTrue(conditions: PodCondition[] | undefined, type: string): boolean {
  for (const c of conditions ?? []) if (c.type === type) return c.status === 'True';
  return false;
}

function hasPodReadyCondition(conditions: PodCondition[] | undefined): boolean {
  return (conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The cells of one pod row (always the wide form: the server computes every column). */
export function podCells(pod: Pod, now: number): unknown[] {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  let reason: string = status.reason || phase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = spec?.initContainers ?? [];
  let totalContainers = spec?.containers?.length ?? 0;
  // Sidecars (init containers with restartPolicy Always) count as pod containers.
  let sidecars: Set<string> | undefined;
  for (const ic of initContainers) {
    if (ic.restartPolicy === 'Always') {
      (sidecars ??= new Set()).add(ic.name);
      totalContainers++;
    }
  }

  let restarts = 0;
  let sidecarRestarts = 0;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;

  let initializing = false;
  const initStatuses: ContainerStatus[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    restarts += c.restartCount ?? 0;
    const finished = lastTerminated(c.lastState);
    if (finished !== undefined && (lastRestart === undefined || finished > lastRestart)) lastRestart = finished;
    const isSidecar = sidecars?.has(c.name) ?? false;
    if (isSidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      if (finished !== undefined && (lastSidecarRestart === undefined || finished > lastSidecarRestart)) {
        lastSidecarRestart = finished;
      }
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (isSidecar && c.started === true) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      reason = terminated.reason ? `Init:${terminated.reason}` : `Init:${exitText(terminated)}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initContainers.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status.conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Last to first, so the first container's state wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount ?? 0;
      const finished = lastTerminated(c.lastState);
      if (finished !== undefined && (lastRestart === undefined || finished > lastRestart)) lastRestart = finished;
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = exitText(terminated);
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod whose first container completed while another still runs is not "Completed".
    if (reason === 'Completed' && hasRunning) {
      reason = hasPodReadyCondition(status.conditions) ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsText = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  }

  // The internal PodIPs[0]: status.podIP wins over podIPs when both are set (v1 conversion).
  const podIP = status.podIP || status.podIPs?.[0]?.ip || '<none>';
  let readinessGates = '<none>';
  const gates = spec?.readinessGates ?? [];
  if (gates.length > 0) {
    let trueConditions = 0;
    for (const gate of gates) {
      const cond = status.conditions?.find((c) => c.type === gate.conditionType);
      if (cond?.status === 'True') trueConditions++;
    }
    readinessGates = `${trueConditions}/${gates.length}`;
  }

  return [
    pod.metadata?.name ?? '',
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsText,
    age(pod.metadata, now),
    podIP,
    spec?.nodeName || '<none>',
    status.nominatedNodeName || '<none>',
    readinessGates,
  ];
}

export const podPrinter: TablePrinter<Pod> = {
  columns: podColumns,
  rows: (pod, now) => [podCells(pod, now)],
  conditions(pod) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded') return SUCCEEDED_CONDITIONS;
    if (phase === 'Failed') return FAILED_CONDITIONS;
    return undefined;
  },
};
