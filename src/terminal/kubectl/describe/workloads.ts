// Controllers that own pods directly — ReplicaSet, ReplicationController, DaemonSet, StatefulSet —
// with their `Pods Status` counts (pods matching the selector and controlled by the object).
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (ReplicaSetDescriber, ReplicationControllerDescriber,
//          DaemonSetDescriber, StatefulSetDescriber, getPodStatusForController, describeVolumeClaimTemplates)

import type { DaemonSet, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod, ReplicationController } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/api/types';
import {
  describeEvents, describeString, formatLabels, LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline, type PrefixWriter,
} from '../printers/index';
import { fetchEvents } from './events';
import { describePodTemplate } from './pod-template';
import { claimClass } from './pvc-common';
import type { DescribeContext, Describer } from './types';
import { apiPath, controllerOf, formatLabelSelector, goList, intOrString, listAll, printController, quantityString, rfc1123z, selectorString, serverError, setSelectorString, type ListResult } from './util';

interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
  /** Why the pods could not be listed. */
  error?: NonNullable<ListResult<unknown>['error']>;
}

/** getPodStatusForController: phases of the pods the selector matches that `uid` controls. */
export async function podStatusForController(ctx: DescribeContext, namespace: string, selector: string, uid: string | undefined): Promise<PodCounts> {
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  const res = await listAll<Pod & KubeObject>(ctx, apiPath('v1', 'pods', namespace), { labelSelector: selector });
  if (res.error) return { ...counts, error: res.error };
  for (const pod of res.items) {
    if (controllerOf(pod)?.uid !== uid) continue;
    switch (pod.status?.phase) {
      case 'Running':
        counts.running++;
        break;
      case 'Pending':
        counts.waiting++;
        break;
      case 'Succeeded':
        counts.succeeded++;
        break;
      case 'Failed':
        counts.failed++;
        break;
    }
  }
  return counts;
}

function podsStatus(c: PodCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}

export const describeReplicaSet: Describer = async (ctx, obj) => {
  const rs = obj as ReplicaSet & KubeObject;
  const m = rs.metadata ?? {};
  const counts = await podStatusForController(ctx, m.namespace ?? '', selectorString(rs.spec?.selector), m.uid);
  const events = await fetchEvents(ctx, obj, 'ReplicaSet');
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    const controlledBy = printController(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, counts.error ? `error in fetching pods: ${counts.error.message}\n` : `${podsStatus(counts)}\n`);
    describePodTemplate(rs.spec?.template, w);
    describeReplicaConditions(rs.status?.conditions, w);
    if (events) describeEvents(events, w, ctx.now);
  });
};

function describeReplicaConditions(conditions: readonly { type: string; status: string; reason?: string }[] | undefined, w: PrefixWriter): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

export const describeReplicationController: Describer = async (ctx, obj) => {
  const rc = obj as ReplicationController & KubeObject;
  const m = rc.metadata ?? {};
  const counts = await podStatusForController(ctx, m.namespace ?? '', setSelectorString(rc.spec?.selector), m.uid);
  if (counts.error) throw serverError(counts.error);
  const events = await fetchEvents(ctx, obj, 'ReplicationController');
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(rc.spec?.template, w);
    describeReplicaConditions(rc.status?.conditions, w);
    if (events) describeEvents(events, w, ctx.now);
  });
};

export const describeDaemonSet: Describer = async (ctx, obj) => {
  const ds = obj as DaemonSet & KubeObject;
  const m = ds.metadata ?? {};
  const selector = selectorString(ds.spec?.selector);
  const counts = await podStatusForController(ctx, m.namespace ?? '', selector, m.uid);
  if (counts.error) throw serverError(counts.error);
  const events = await fetchEvents(ctx, obj, 'DaemonSet');
  const s = ds.status;
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(ds.spec?.template, w);
    if (events) describeEvents(events, w, ctx.now);
  });
};

export const describeStatefulSet: Describer = async (ctx, obj) => {
  const sts = obj as StatefulSet & KubeObject;
  const m = sts.metadata ?? {};
  const selector = selectorString(sts.spec?.selector);
  const counts = await podStatusForController(ctx, m.namespace ?? '', selector, m.uid);
  if (counts.error) throw serverError(counts.error);
  const events = await fetchEvents(ctx, obj, 'StatefulSet');
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Replicas:\t${sts.spec?.replicas ?? 0} desired | ${sts.status?.replicas ?? 0} total\n`);
    const strategy = sts.spec?.updateStrategy;
    w.write(LEVEL_0, `Update Strategy:\t${strategy?.type ?? ''}\n`);
    const ru = strategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(sts.spec?.template, w);
    describeVolumeClaimTemplates(sts.spec?.volumeClaimTemplates, w);
    if (events) describeEvents(events, w, ctx.now);
  });
};

function describeVolumeClaimTemplates(templates: readonly PersistentVolumeClaim[] | undefined, w: PrefixWriter): void {
  if (!templates?.length) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${claimClass(pvc)}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, { initialIndent: '  ' });
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, { initialIndent: '  ' });
    const storage = (pvc.spec?.resources?.requests as Record<string, string> | undefined)?.storage;
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? quantityString(storage) : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t${goList(pvc.spec?.accessModes)}\n`);
  }
}
