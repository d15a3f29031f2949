// The pod status the kubelet reports: phase, conditions, container statuses, IPs.
// mirrors: pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, getPhase), pkg/kubelet/status/generate.go

import type { ContainerState, ContainerStatus, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { PodObj, PodWorker, CRecord } from './pod-worker';
import type { Terminated } from './container';
import { rfc3339 } from '../util/time';
import { deepEqual } from '../store/freeze';

const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);

function terminatedState(t: Terminated): ContainerState {
  const term: NonNullable<ContainerState['terminated']> = {
    containerID: `containerd://${t.containerID}`,
    exitCode: t.exitCode,
    finishedAt: rfc3339(t.finishedAt),
    reason: t.reason,
    startedAt: t.startedAt ? rfc3339(t.startedAt) : (null as unknown as string),
  };
  if (t.message) term.message = t.message;
  if (t.signal) term.signal = t.signal;
  return { terminated: term };
}

function containerStatus(w: PodWorker, rec: CRecord): ContainerStatus {
  const s = rec.state;
  let state: ContainerState;
  if (s.kind === 'running') state = { running: { startedAt: rfc3339(s.run.startedAt) } };
  else if (s.kind === 'terminated') state = terminatedState(s.t);
  else state = { waiting: s.message ? { reason: s.reason, message: s.message } : { reason: s.reason } };
  const ref = rec.ref;
  const running = s.kind === 'running';
  const cs: ContainerStatus = {
    image: ref && (running || s.kind === 'terminated' || rec.last) ? ref.full : rec.spec.image ?? '',
    imageID: ref && (running || s.kind === 'terminated' || rec.last) ? w.imageID(ref) : '',
    lastState: rec.last && s.kind !== 'terminated' ? terminatedState(rec.last) : s.kind === 'terminated' && rec.last ? terminatedState(rec.last) : {},
    name: rec.spec.name,
    ready: rec.ready,
    restartCount: rec.restartCount,
    started: running ? rec.started : false,
    state,
  };
  const id = w.containerIDFor(rec);
  if (id && s.kind !== 'waiting') cs.containerID = `containerd://${id}`;
  else if (id && rec.last) cs.containerID = `containerd://${id}`;
  return cs;
}

/** getPhase for the regular containers and init containers. */
function phase(w: PodWorker, pod: PodObj): PodStatus['phase'] {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  let pendingInit = 0;
  let failedInit = 0;
  for (const rec of w.containers.values()) {
    if (!rec.init || rec.sidecar) continue;
    const s = rec.state;
    if (s.kind === 'running') pendingInit++;
    else if (s.kind === 'terminated') {
      if (s.t.exitCode !== 0) failedInit++;
    } else if (rec.last) {
      if (rec.last.exitCode !== 0) failedInit++;
    } else pendingInit++;
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const rec of w.containers.values()) {
    if (rec.init) continue;
    const s = rec.state;
    if (s.kind === 'running') running++;
    else if (s.kind === 'terminated') {
      stopped++;
      if (s.t.exitCode === 0) succeeded++;
    } else if (rec.last) stopped++;
    else waiting++;
  }
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  if (pendingInit > 0 || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    // OnFailure: the failed ones restart (also while they wait out CrashLoopBackOff).
    return 'Running';
  }
  return 'Pending';
}

/** Appends one kubelet-owned condition (a plain function: a closure per status build is garbage). */
function pushCondition(conds: PodCondition[], now: number, type: string, ok: boolean, reason?: string, message?: string): void {
  const c: PodCondition = { type, status: ok ? 'True' : 'False', lastProbeTime: null as unknown as string, lastTransitionTime: rfc3339(now) };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  conds.push(c);
}

export function buildPodStatus(w: PodWorker, pod: PodObj, now: number): PodStatus {
  const old = pod.status ?? {};
  const ph = phase(w, pod);
  const inits: CRecord[] = [];
  const mains: CRecord[] = [];
  for (const r of w.containers.values()) (r.init ? inits : mains).push(r);
  const terminal = ph === 'Succeeded' || ph === 'Failed';
  const conds: PodCondition[] = [];
  pushCondition(conds, now, 'PodReadyToStartContainers', w.sandboxReady && !terminal);
  const incompleteInit = inits.filter((r) => (r.sidecar ? !(r.state.kind === 'running' && r.started) : !(r.state.kind === 'terminated' && r.state.t.exitCode === 0)));
  if (terminal) pushCondition(conds, now, 'Initialized', true, 'PodCompleted');
  else if (incompleteInit.length) pushCondition(conds, now, 'Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${incompleteInit.map((r) => r.spec.name).join(' ')}]`);
  else pushCondition(conds, now, 'Initialized', true);
  const unready = [...inits.filter((r) => r.sidecar), ...mains].filter((r) => !r.ready).map((r) => r.spec.name);
  const gates = (pod.spec?.readinessGates ?? []).filter((g) => old.conditions?.find((c) => c.type === g.conditionType)?.status !== 'True');
  if (terminal) {
    pushCondition(conds, now, 'Ready', false, 'PodCompleted');
    pushCondition(conds, now, 'ContainersReady', false, 'PodCompleted');
  } else if (unready.length) {
    pushCondition(conds, now, 'Ready', false, 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`);
    pushCondition(conds, now, 'ContainersReady', false, 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`);
  } else if (gates.length) {
    pushCondition(conds, now, 'Ready', false, 'ReadinessGatesNotReady', `corresponding condition of pod readiness gate "${gates[0].conditionType}" does not exist.`);
    pushCondition(conds, now, 'ContainersReady', true);
  } else {
    pushCondition(conds, now, 'Ready', true);
    pushCondition(conds, now, 'ContainersReady', true);
  }
  pushCondition(conds, now, 'PodScheduled', true);
  // Keep transition times of conditions whose status did not change; keep others' conditions first.
  const merged: PodCondition[] = [];
  for (const c of old.conditions ?? []) if (!KUBELET_CONDITIONS.has(c.type)) merged.push(c);
  for (const c of conds) {
    const prev = old.conditions?.find((x) => x.type === c.type);
    if (prev && prev.status === c.status) c.lastTransitionTime = prev.lastTransitionTime;
    merged.push(c);
  }
  const status: PodStatus = { conditions: merged };
  if (mains.length) status.containerStatuses = mains.map((r) => containerStatus(w, r));
  const hostIP = w.kubelet.hostIP;
  if (hostIP) {
    status.hostIP = hostIP;
    status.hostIPs = [{ ip: hostIP }];
  }
  if (inits.length) status.initContainerStatuses = inits.map((r) => containerStatus(w, r));
  status.phase = ph;
  if (w.podIP && !terminal) {
    status.podIP = w.podIP;
    status.podIPs = [{ ip: w.podIP }];
  } else if (terminal && old.podIP) {
    status.podIP = old.podIP;
    status.podIPs = old.podIPs;
  }
  status.qosClass = old.qosClass;
  if (w.startTime !== undefined) status.startTime = old.startTime ?? rfc3339(w.startTime);
  if (old.nominatedNodeName) status.nominatedNodeName = old.nominatedNodeName;
  if (!status.qosClass) delete status.qosClass;
  return status;
}

export function statusChanged(a: PodStatus | undefined, b: PodStatus): boolean {
  return !deepEqual(a ?? {}, b);
}
