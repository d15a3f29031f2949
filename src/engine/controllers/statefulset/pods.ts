// StatefulSet pod identity and storage: ordinals from names, `<set>-<ordinal>` pods with the pod-name and
// pod-index labels, hostname/subdomain, volumes for the claim templates (`<claim>-<set>-<ordinal>`), and the
// PVC owner references that implement persistentVolumeClaimRetentionPolicy.
// mirrors: pkg/controller/statefulset/stateful_set_utils.go

import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../../api/types';
import { controllerOwnerRef, podFromTemplate, type PodObj } from '../podutil';
import { isPodReady, isPodAvailable } from '../podutil';

export type SetObj = Writable<StatefulSet> & KubeObject;
export type ClaimObj = Writable<PersistentVolumeClaim> & KubeObject;
type OwnerRef = NonNullable<NonNullable<KubeObject['metadata']>['ownerReferences']>[number];

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

const STATEFUL_POD = /^(.*)-([0-9]+)$/;

/** The parent name and ordinal encoded in a pod name; ordinal -1 when the name has none. */
export function parentAndOrdinal(pod: Pod): [string, number] {
  const m = STATEFUL_POD.exec(pod.metadata?.name ?? '');
  if (!m) return ['', -1];
  const n = Number(m[2]);
  // strconv.ParseInt(…, 10, 32): out-of-range ordinals do not parse.
  return [m[1], n <= 2147483647 ? n : -1];
}

export function ordinalOf(pod: Pod): number {
  return parentAndOrdinal(pod)[1];
}

export function isMemberOf(set: SetObj, pod: Pod): boolean {
  return parentAndOrdinal(pod)[0] === set.metadata!.name;
}

export function startOrdinal(set: SetObj): number {
  return set.spec?.ordinals?.start ?? 0;
}

export function endOrdinal(set: SetObj): number {
  return startOrdinal(set) + (set.spec?.replicas ?? 1) - 1;
}

export function inOrdinalRange(pod: Pod, set: SetObj): boolean {
  const o = ordinalOf(pod);
  return o >= startOrdinal(set) && o <= endOrdinal(set);
}

export function podName(set: SetObj, ordinal: number): string {
  return `${set.metadata!.name}-${ordinal}`;
}

export function claimName(set: SetObj, template: PersistentVolumeClaim, ordinal: number): string {
  return `${template.metadata?.name ?? ''}-${set.metadata!.name}-${ordinal}`;
}

export function podRevision(pod: Pod): string {
  return pod.metadata?.labels?.[REVISION_LABEL] ?? '';
}

export const isCreated = (p: Pod): boolean => !!p.status?.phase;
export const isPending = (p: Pod): boolean => p.status?.phase === 'Pending';
export const isFailed = (p: Pod): boolean => p.status?.phase === 'Failed';
export const isSucceeded = (p: Pod): boolean => p.status?.phase === 'Succeeded';
export const isTerminating = (p: Pod): boolean => !!p.metadata?.deletionTimestamp;
export const isRunningAndReady = (p: Pod): boolean => p.status?.phase === 'Running' && isPodReady(p);
export const isRunningAndAvailable = (p: Pod, minReady: number, now: number): boolean => isPodAvailable(p, minReady, now);

/** isUnavailable: not created, terminating, or not Running, Ready and Available. */
export function isUnavailable(p: Pod, minReady: number, now: number): boolean {
  return !isCreated(p) || isTerminating(p) || !isRunningAndAvailable(p, minReady, now);
}

export function identityMatches(set: SetObj, pod: Pod): boolean {
  const [parent, ordinal] = parentAndOrdinal(pod);
  return (
    ordinal >= 0 &&
    parent === set.metadata!.name &&
    pod.metadata?.name === podName(set, ordinal) &&
    pod.metadata?.namespace === set.metadata!.namespace &&
    pod.metadata?.labels?.[POD_NAME_LABEL] === pod.metadata?.name
  );
}

export function storageMatches(set: SetObj, pod: Pod): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const v = volumes.get(t.metadata?.name ?? '');
    if (!v?.persistentVolumeClaim || v.persistentVolumeClaim.claimName !== claimName(set, t, ordinal)) return false;
  }
  return true;
}

/** The claims a pod of the set needs, keyed by template name, labelled with the set's selector labels. */
export function claimsFor(set: SetObj, ordinal: number): Map<string, ClaimObj> {
  const out = new Map<string, ClaimObj>();
  const matchLabels = set.spec?.selector?.matchLabels ?? {};
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const tm = (t.metadata ?? {}) as Record<string, unknown>;
    const meta: ClaimObj['metadata'] = {};
    // Only the template's user metadata carries over (the defaulted creationTimestamp: null does not).
    if (tm.labels || Object.keys(matchLabels).length) meta.labels = { ...(tm.labels as Record<string, string> | undefined), ...matchLabels };
    if (tm.annotations) meta.annotations = { ...(tm.annotations as Record<string, string>) };
    if (tm.finalizers) meta.finalizers = [...(tm.finalizers as string[])];
    meta.name = claimName(set, t, ordinal);
    meta.namespace = set.metadata!.namespace;
    out.set(t.metadata?.name ?? '', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta, spec: t.spec as ClaimObj['spec'] });
  }
  return out;
}

/** updateStorage: volumes for the claim templates first (replacing same-named ones), then the pod's other volumes. */
function storageVolumes(set: SetObj, ordinal: number, current: Volume[] | undefined): Volume[] {
  const claims = claimsFor(set, ordinal);
  const out: Volume[] = [];
  for (const [name, c] of claims) out.push({ name, persistentVolumeClaim: { claimName: c.metadata!.name! } });
  for (const v of current ?? []) if (!claims.has(v.name)) out.push(v);
  return out;
}

/** updateIdentity: name, namespace, pod-name and pod-index labels. */
function applyIdentity(set: SetObj, pod: PodObj, ordinal: number): void {
  const meta = pod.metadata!;
  meta.name = podName(set, ordinal);
  meta.namespace = set.metadata!.namespace;
  meta.labels = { ...(meta.labels ?? {}), [POD_NAME_LABEL]: meta.name, [POD_INDEX_LABEL]: String(ordinal) };
}

/** newStatefulSetPod: the pod for an ordinal from the set (at some revision), hostname and subdomain set once. */
export function newStatefulSetPod(set: SetObj, ordinal: number, revision: string): PodObj {
  const pod = podFromTemplate(set.spec!.template!, set.metadata!.namespace!, `${set.metadata!.name}-`, set);
  applyIdentity(set, pod, ordinal);
  const spec = { ...(pod.spec ?? { containers: [] }) } as NonNullable<PodObj['spec']>;
  spec.hostname = pod.metadata!.name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  const volumes = storageVolumes(set, ordinal, spec.volumes);
  if (volumes.length) spec.volumes = volumes;
  pod.spec = spec;
  pod.metadata!.labels = { ...pod.metadata!.labels, [REVISION_LABEL]: revision };
  return pod;
}

/** The pod with its identity and storage brought back in line with the set (UpdateStatefulPod). */
export function repairedPod(set: SetObj, pod: PodObj): PodObj {
  const ordinal = ordinalOf(pod);
  const fixed: PodObj = { ...pod, metadata: { ...pod.metadata } };
  if (!identityMatches(set, pod)) applyIdentity(set, fixed, ordinal);
  if (!storageMatches(set, pod)) fixed.spec = { ...pod.spec!, volumes: storageVolumes(set, ordinal, pod.spec?.volumes) };
  return fixed;
}

// ---- persistentVolumeClaimRetentionPolicy ----

function retention(set: SetObj): { whenScaled: string; whenDeleted: string } {
  const p = set.spec?.persistentVolumeClaimRetentionPolicy;
  return { whenScaled: p?.whenScaled ?? 'Retain', whenDeleted: p?.whenDeleted ?? 'Retain' };
}

export function retainsOnScale(set: SetObj): boolean {
  return retention(set).whenScaled === 'Retain';
}

function matchesRef(ref: OwnerRef, obj: KubeObject, apiVersion: string, kind: string): boolean {
  return ref.apiVersion === apiVersion && ref.kind === kind && ref.name === obj.metadata!.name;
}

const isSetRef = (r: OwnerRef, set: SetObj): boolean => matchesRef(r, set, 'apps/v1', 'StatefulSet');
const isPodRef = (r: OwnerRef, pod: KubeObject): boolean => matchesRef(r, pod, 'v1', 'Pod');

/** A reference to the set or pod by name whose uid differs: left by an earlier incarnation. */
export function hasStaleOwnerRef(claim: ClaimObj, obj: KubeObject, kind: 'StatefulSet' | 'Pod'): boolean {
  for (const r of claim.metadata?.ownerReferences ?? []) {
    if (kind === 'StatefulSet' ? isSetRef(r, obj as SetObj) : isPodRef(r, obj)) return r.uid !== obj.metadata!.uid;
  }
  return false;
}

function hasOwnerRef(claim: ClaimObj, owner: KubeObject): boolean {
  return (claim.metadata?.ownerReferences ?? []).some((r) => r.uid === owner.metadata!.uid);
}

/** Another controller manages the claim (ignored when both policies are Retain). */
export function hasUnexpectedController(claim: ClaimObj, set: SetObj, pod: KubeObject): boolean {
  const p = retention(set);
  if (p.whenScaled === 'Retain' && p.whenDeleted === 'Retain') return false;
  for (const r of claim.metadata?.ownerReferences ?? []) {
    if (isSetRef(r, set)) {
      if (r.uid !== set.metadata!.uid) return true;
      continue;
    }
    if (isPodRef(r, pod)) {
      if (r.uid !== pod.metadata!.uid) return true;
      continue;
    }
    if (r.controller) return true;
  }
  return false;
}

function hasNonControllerOwner(claim: ClaimObj, set: SetObj, pod: KubeObject): boolean {
  return (claim.metadata?.ownerReferences ?? []).some((r) => (r.uid === set.metadata!.uid || r.uid === pod.metadata!.uid) && !r.controller);
}

/** isClaimOwnerUpToDate: the claim's owner references agree with the retention policy for this pod. */
export function claimOwnerUpToDate(claim: ClaimObj, set: SetObj, pod: KubeObject): boolean {
  if (hasStaleOwnerRef(claim, set, 'StatefulSet') || hasStaleOwnerRef(claim, pod, 'Pod')) return true;
  if (hasUnexpectedController(claim, set, pod)) return !(hasOwnerRef(claim, set) || hasOwnerRef(claim, pod));
  if (hasNonControllerOwner(claim, set, pod)) return false;
  const p = retention(set);
  const scaledDown = !inOrdinalRange(pod as Pod, set);
  const setRef = hasOwnerRef(claim, set);
  const podRef = hasOwnerRef(claim, pod);
  if (p.whenScaled === 'Delete' && p.whenDeleted === 'Delete') return scaledDown !== setRef && scaledDown === podRef;
  if (p.whenScaled === 'Delete') return !setRef && scaledDown === podRef;
  if (p.whenDeleted === 'Delete') return setRef && !podRef;
  return !setRef && !podRef;
}

/** updateClaimOwnerRefForSetAndPod: the owner references the policy wants (refs to set and pod rebuilt). */
export function claimOwnerRefs(claim: ClaimObj, set: SetObj, pod: KubeObject): OwnerRef[] {
  const unexpected = hasUnexpectedController(claim, set, pod);
  let refs = (claim.metadata?.ownerReferences ?? []).filter((r) => !isSetRef(r, set) && !isPodRef(r, pod));
  if (unexpected) return refs;
  const p = retention(set);
  const scaledDown = !inOrdinalRange(pod as Pod, set);
  const add = (owner: KubeObject): void => {
    if (!refs.some((r) => r.uid === owner.metadata!.uid)) refs = [...refs, controllerOwnerRef(owner)];
  };
  if (p.whenScaled === 'Delete' && scaledDown) add(pod);
  if (p.whenDeleted === 'Delete' && (p.whenScaled !== 'Delete' || !scaledDown)) add(set);
  return refs;
}
