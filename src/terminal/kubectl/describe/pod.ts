// `kubectl describe pod`: identity, node and status lines, containers with their states, conditions,
// volumes, QoS class, scheduling constraints and the pod's events (mirror pods: events of the static pod).
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (PodDescriber, describePod)

import type { Container, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/api/types';
import { compareGoStrings } from '../printers/gofmt';
import { goSortSlice } from '../printers/gosort';
import {
  describeEvents, describeString, LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline, type DescribedEvent, type PrefixWriter,
} from '../printers/index';
import { describeContainers, describeResources, envValueRetriever } from './containers';
import { searchEvents } from './events';
import { podQOS } from './pod-resources';
import type { Describer } from './types';
import { formatLabelSelector, printController, rfc1123z, since } from './util';
import { describeVolumes } from './volumes';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

export const describePodObject: Describer = async (ctx, obj) => {
  const pod = obj as Pod & KubeObject;
  let events: DescribedEvent[] | undefined;
  if (ctx.settings.showEvents) {
    const m = pod.metadata ?? {};
    // Events of a mirror pod are recorded against the static pod's uid.
    const mirrorUid = m.annotations?.[MIRROR_POD_ANNOTATION];
    events = await searchEvents(ctx, { name: m.name ?? '', namespace: m.namespace ?? '', uid: mirrorUid !== undefined ? mirrorUid : m.uid });
  }
  return describePod(pod, events, ctx.now);
};

export function describePod(pod: Pod, events: DescribedEvent[] | undefined, nowMs: number): string {
  return describeString((w) => {
    const m = pod.metadata ?? {};
    const spec = pod.spec ?? { containers: [] };
    const status = pod.status ?? {};
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    if (m.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(m.deletionTimestamp, nowMs)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${m.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    describePodIPs(pod, w, '');
    const controlledBy = printController(pod as KubeObject);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    const podResources = (spec as { resources?: Container['resources'] }).resources;
    if (podResources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(podResources, w, LEVEL_1);
    }
    const resolver = envValueRetriever(pod);
    if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, resolver, w, '');
    describeContainers('Containers', spec.containers ?? [], status.containerStatuses, resolver, w, '');
    if (spec.ephemeralContainers?.length) describeContainers('Ephemeral Containers', spec.ephemeralContainers as Container[], status.ephemeralContainerStatuses, resolver, w, '');
    if (spec.readinessGates?.length) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    if (events !== undefined) describeEvents(events, w, nowMs);
  });
}

function describePodIPs(pod: Pod, w: PrefixWriter, space: string): void {
  const ips = pod.status?.podIPs ?? [];
  if (ips.length === 0) {
    w.write(LEVEL_0, `${space}IPs:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}IPs:\n`);
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
}

/** describeTopologySpreadConstraints: sorted by topology key (Go's sort.Slice). */
export function describeTopologySpreadConstraints(tscs: readonly TopologySpreadConstraint[] | undefined, w: PrefixWriter, space: string): void {
  if (!tscs?.length) return;
  const sorted = goSortSlice([...tscs], (a, b) => compareGoStrings(a.topologyKey, b.topologyKey) < 0);
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, '\t');
    }
    let line = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) line += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, line + '\n');
  });
}
