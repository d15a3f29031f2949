// Defaulting of Pod, PodSpec, PodTemplateSpec, containers, probes and volumes as the v1 scheme does it.
// mirrors: pkg/apis/core/v1/defaults.go + zz_generated.defaults.go (SetObjectDefaults_Pod/PodTemplate), 1.32
//
// Functions mutate a fresh, unfrozen object in place. Besides upstream's defaults they add the empty
// structs Go always serialises (`resources: {}`, template `creationTimestamp: null`), so the stored
// JSON is what `kubectl get -o yaml` shows from a real cluster.

import type { Container, EphemeralContainer, Pod, PodSpec, PodTemplateSpec, Probe, Volume } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { canonicalQuantityField, defaultResourceList } from './quantities';

type Handler = { httpGet?: { path?: string; scheme?: string }; grpc?: { service?: string } };

// The docker reference grammar (distribution/reference) that ParseNormalizedNamed applies.
const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
const REFERENCE_RE = new RegExp(
  `^(?:(${DOMAIN})/)?(${NAME_COMPONENT}(?:/${NAME_COMPONENT})*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`,
);

/** Docker reference tag as pkg/util/parsers.ParseImageName reports it ("latest" when none; "" when digest-only or unparsable). */
export function imageTag(image: string): string {
  const m = REFERENCE_RE.exec(image);
  if (!m) return '';
  const tag = m[3];
  const digest = m[4];
  if (/^[a-f0-9]{64}$/.test(image)) return '';
  if (tag) return tag;
  return digest ? '' : 'latest';
}

/** imagePullPolicy: Always for `:latest` or untagged images, IfNotPresent otherwise. */
export function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  return imageTag(image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultHandler(h: Handler | undefined): void {
  if (!h) return;
  if (h.httpGet) {
    if (!h.httpGet.path) h.httpGet.path = '/';
    if (!h.httpGet.scheme) h.httpGet.scheme = 'HTTP';
  }
  if (h.grpc && h.grpc.service === undefined) h.grpc.service = '';
}

export function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  defaultHandler(p as Handler);
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
}

/** SetDefaults_Container plus the generated defaults of its nested fields. */
export function defaultContainer(c: Container | EphemeralContainer): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(c.image);
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  for (const port of c.ports ?? []) if (!port.protocol) port.protocol = 'TCP';
  for (const env of c.env ?? []) {
    const ref = env.valueFrom?.fieldRef;
    if (ref && !ref.apiVersion) ref.apiVersion = 'v1';
  }
  // ResourceRequirements is a struct in Go: always serialised, `{}` when empty.
  if (!c.resources) c.resources = {};
  if (c.resources.limits) c.resources.limits = defaultResourceList(c.resources.limits);
  if (c.resources.requests) c.resources.requests = defaultResourceList(c.resources.requests);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHandler(c.lifecycle?.postStart as Handler | undefined);
  defaultHandler(c.lifecycle?.preStop as Handler | undefined);
}

function defaultVolume(v: Volume): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  if (v.hostPath && v.hostPath.type === undefined) v.hostPath.type = '';
  if (v.secret && v.secret.defaultMode === undefined) v.secret.defaultMode = 420;
  if (v.configMap && v.configMap.defaultMode === undefined) v.configMap.defaultMode = 420;
  if (v.downwardAPI) {
    if (v.downwardAPI.defaultMode === undefined) v.downwardAPI.defaultMode = 420;
    for (const item of v.downwardAPI.items ?? []) if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
  }
  if (v.projected) {
    if (v.projected.defaultMode === undefined) v.projected.defaultMode = 420;
    for (const src of v.projected.sources ?? []) {
      if (src.serviceAccountToken && src.serviceAccountToken.expirationSeconds === undefined) src.serviceAccountToken.expirationSeconds = 3600;
      for (const item of src.downwardAPI?.items ?? []) if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
    }
  }
  if (v.emptyDir?.sizeLimit !== undefined) v.emptyDir.sizeLimit = String(canonicalQuantityField(v.emptyDir.sizeLimit));
  if (v.iscsi && !v.iscsi.iscsiInterface) v.iscsi.iscsiInterface = 'default';
  if (v.rbd) {
    if (!v.rbd.pool) v.rbd.pool = 'rbd';
    if (!v.rbd.user) v.rbd.user = 'admin';
    if (!v.rbd.keyring) v.rbd.keyring = '/etc/ceph/keyring';
  }
  const claim = v.ephemeral?.volumeClaimTemplate;
  if (claim) {
    if (!claim.spec.volumeMode) claim.spec.volumeMode = 'Filesystem';
    const meta = (claim.metadata ?? {}) as Record<string, unknown>;
    if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
    claim.metadata = meta as ObjectMeta;
    if (!claim.spec.resources) claim.spec.resources = {};
    if (claim.spec.resources.requests) claim.spec.resources.requests = defaultResourceList(claim.spec.resources.requests);
    if (claim.spec.resources.limits) claim.spec.resources.limits = defaultResourceList(claim.spec.resources.limits);
  }
}

/** SetDefaults_PodSpec and the generated defaults of everything inside a PodSpec. */
export function defaultPodSpec(spec: PodSpec): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!spec.securityContext) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  for (const v of spec.volumes ?? []) defaultVolume(v);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.ephemeralContainers ?? []) defaultContainer(c);
  if (spec.overhead) spec.overhead = defaultResourceList(spec.overhead);
}

/** Template metadata carries `creationTimestamp: null`, as Go serialises a zero metav1.Time. */
export function defaultTemplateMeta(template: { metadata?: ObjectMeta }): void {
  const meta = (template.metadata ?? {}) as Record<string, unknown>;
  if (!('creationTimestamp' in meta)) {
    // Put it first, where Go's struct order puts it relative to labels/annotations.
    const rest = { ...meta };
    for (const k of Object.keys(meta)) delete meta[k];
    Object.assign(meta, { creationTimestamp: null }, rest);
  }
  template.metadata = meta as ObjectMeta;
}

/** Defaults of a PodTemplateSpec embedded in a workload (no Pod-only defaults). */
export function defaultPodTemplateSpec(template: PodTemplateSpec | undefined): void {
  if (!template) return;
  defaultTemplateMeta(template);
  if (!template.spec) template.spec = { containers: [] };
  defaultPodSpec(template.spec);
}

function requestsFromLimits(containers: Container[] | undefined): void {
  for (const c of containers ?? []) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const res = c.resources ?? (c.resources = {});
    const req = res.requests ?? (res.requests = {});
    for (const [k, v] of Object.entries(limits)) if (!(k in req)) req[k] = v;
  }
}

/** Priority admission's result for a pod without a PriorityClass (no global default class). */
export function defaultPodPriority(spec: PodSpec): void {
  if (spec.priorityClassName) return;
  if (spec.priority === undefined) spec.priority = 0;
  if (!spec.preemptionPolicy) spec.preemptionPolicy = 'PreemptLowerPriority';
}

/** SetObjectDefaults_Pod. */
export function defaultPod(pod: Pod): void {
  if (!pod.spec) pod.spec = { containers: [] };
  const spec = pod.spec;
  // SetDefaults_Pod runs first: requests copied from limits before the lists are rounded.
  requestsFromLimits(spec.containers);
  requestsFromLimits(spec.initContainers);
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
  defaultPodSpec(spec);
  defaultPodPriority(spec);
}
