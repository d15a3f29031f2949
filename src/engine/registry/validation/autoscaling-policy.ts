// Validation of HorizontalPodAutoscaler (autoscaling/v2), PodDisruptionBudget, StorageClass, Lease and PriorityClass.
// mirrors: pkg/apis/{autoscaling,policy,storage,coordination,scheduling}/validation (1.32; common mistakes, not every corner)

import type { HorizontalPodAutoscaler, MetricSpec } from 'kubernetes-types/autoscaling/v2';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { child, forbidden, index, invalid, notSupported, required, type FieldError } from '../../api/validation/field-errors';
import { goRepr, goStruct } from '../../api/validation/go-format';
import { validateImmutableField, validateLabelSelector, validateNonnegativeField } from '../../api/validation/metadata';
import { isQualifiedName, isValidPercent, validatePathSegmentName } from '../../api/validation/names';
import { tryParseQuantity } from '../../util/quantity';
import { validatePositiveIntOrPercent } from './apps';
import { withMeta } from './with-meta';

// ---- autoscaling/v2 HorizontalPodAutoscaler ----

function validateMetricTarget(t: NonNullable<MetricSpec['resource']>['target'] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!t) return [required(path)];
  if (!t.type) errs.push(required(child(path, 'type'), 'must specify a metric target type'));
  else if (!['Utilization', 'Value', 'AverageValue'].includes(t.type)) {
    errs.push(invalid(child(path, 'type'), t.type, 'must be either Utilization, Value, or AverageValue'));
  }
  const v = tryParseQuantity(t.value);
  if (v && v.sign() <= 0) errs.push(invalid(child(path, 'value'), goRepr(`resource.Quantity{...}`), 'must be positive'));
  const av = tryParseQuantity(t.averageValue);
  if (av && av.sign() <= 0) errs.push(invalid(child(path, 'averageValue'), goRepr(`resource.Quantity{...}`), 'must be positive'));
  if (t.averageUtilization != null && t.averageUtilization < 1) errs.push(invalid(child(path, 'averageUtilization'), t.averageUtilization, 'must be greater than 0'));
  return errs;
}

function validateMetricSpec(m: MetricSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const types = ['Object', 'Pods', 'Resource', 'External', 'ContainerResource'];
  if (!m.type) return [required(child(path, 'type'), 'must specify a metric source type')];
  if (!types.includes(m.type)) return [notSupported(child(path, 'type'), m.type, types)];
  const sources = { Object: m.object, Pods: m.pods, Resource: m.resource, External: m.external, ContainerResource: m.containerResource };
  const present = Object.entries(sources).filter(([, v]) => v !== undefined).map(([k]) => k);
  if (present.length !== 1 || present[0] !== m.type) {
    if (!(sources as Record<string, unknown>)[m.type]) {
      const field = m.type === 'ContainerResource' ? 'containerResource' : m.type.toLowerCase();
      errs.push(required(child(path, field), `must populate information for the given metric source (${m.type})`));
    }
  }
  if (m.resource) {
    if (!m.resource.name) errs.push(required(child(path, 'resource', 'name'), 'must specify a resource name'));
    errs.push(...validateMetricTarget(m.resource.target, child(path, 'resource', 'target')));
  }
  if (m.containerResource) {
    if (!m.containerResource.name) errs.push(required(child(path, 'containerResource', 'name'), 'must specify a resource name'));
    if (!m.containerResource.container) errs.push(required(child(path, 'containerResource', 'container'), 'must specify a container'));
    errs.push(...validateMetricTarget(m.containerResource.target, child(path, 'containerResource', 'target')));
  }
  if (m.pods) errs.push(...validateMetricTarget(m.pods.target, child(path, 'pods', 'target')));
  if (m.object) errs.push(...validateMetricTarget(m.object.target, child(path, 'object', 'target')));
  if (m.external) errs.push(...validateMetricTarget(m.external.target, child(path, 'external', 'target')));
  return errs;
}

export function validateHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler, old?: HorizontalPodAutoscaler): FieldError[] {
  const errs = withMeta(hpa, old, true);
  const spec = hpa.spec;
  const ref = spec?.scaleTargetRef;
  if (!ref?.kind) errs.push(required('spec.scaleTargetRef.kind'));
  else for (const m of validatePathSegmentName(ref.kind, false)) errs.push(invalid('spec.scaleTargetRef.kind', ref.kind, m));
  if (!ref?.name) errs.push(required('spec.scaleTargetRef.name'));
  else for (const m of validatePathSegmentName(ref.name, false)) errs.push(invalid('spec.scaleTargetRef.name', ref.name, m));
  const min = spec?.minReplicas;
  const max = spec?.maxReplicas ?? 0;
  if (min != null && min < 1) errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min != null && max < min) errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  (spec?.metrics ?? []).forEach((m, i) => errs.push(...validateMetricSpec(m, index('spec.metrics', i))));
  for (const dir of ['scaleUp', 'scaleDown'] as const) {
    const rules = spec?.behavior?.[dir];
    if (!rules) continue;
    const p = child('spec.behavior', dir);
    const w = rules.stabilizationWindowSeconds;
    if (w != null && (w < 0 || w > 3600)) errs.push(invalid(child(p, 'stabilizationWindowSeconds'), w, w < 0 ? 'must be greater than or equal to zero' : 'must be less than or equal to 3600'));
    if (rules.selectPolicy != null && !['Max', 'Min', 'Disabled'].includes(rules.selectPolicy)) {
      errs.push(notSupported(child(p, 'selectPolicy'), rules.selectPolicy, ['Disabled', 'Max', 'Min']));
    }
    if ((rules.policies ?? []).length === 0 && rules.selectPolicy !== 'Disabled') errs.push(required(child(p, 'policies'), 'must specify at least one Policy'));
    (rules.policies ?? []).forEach((pol, i) => {
      const pp = index(child(p, 'policies'), i);
      if (pol.type !== 'Pods' && pol.type !== 'Percent') errs.push(notSupported(child(pp, 'type'), pol.type, ['Percent', 'Pods']));
      if (pol.value <= 0) errs.push(invalid(child(pp, 'value'), pol.value, 'must be greater than zero'));
      if (pol.periodSeconds <= 0) errs.push(invalid(child(pp, 'periodSeconds'), pol.periodSeconds, 'must be greater than zero'));
      if (pol.periodSeconds > 1800) errs.push(invalid(child(pp, 'periodSeconds'), pol.periodSeconds, 'must be less than or equal to 1800'));
    });
  }
  return errs;
}

// ---- policy/v1 PodDisruptionBudget ----

function isMoreThan100Percent(v: number | string | undefined): boolean {
  return typeof v === 'string' && isValidPercent(v).length === 0 && Number.parseInt(v, 10) > 100;
}

export function validatePodDisruptionBudget(pdb: PodDisruptionBudget, old?: PodDisruptionBudget): FieldError[] {
  const errs = withMeta(pdb, old, true);
  const spec = pdb.spec ?? {};
  if (spec.minAvailable != null && spec.maxUnavailable != null) {
    errs.push(invalid('spec', goStruct('policy.PodDisruptionBudgetSpec', spec as Record<string, unknown>), 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const f of ['minAvailable', 'maxUnavailable'] as const) {
    const v = spec[f];
    if (v == null) continue;
    errs.push(...validatePositiveIntOrPercent(v, `spec.${f}`));
    if (isMoreThan100Percent(v)) errs.push(invalid(`spec.${f}`, goRepr(`intstr.IntOrString{Type:1, IntVal:0, StrVal:"${v}"}`), 'must not be greater than 100%'));
  }
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  if (spec.unhealthyPodEvictionPolicy != null && !['AlwaysAllow', 'IfHealthyBudget'].includes(spec.unhealthyPodEvictionPolicy)) {
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', spec.unhealthyPodEvictionPolicy, ['AlwaysAllow', 'IfHealthyBudget']));
  }
  return errs;
}

// ---- storage/v1 StorageClass ----

export function validateStorageClass(sc: StorageClass, old?: StorageClass): FieldError[] {
  const errs = withMeta(sc, old, false);
  if (!sc.provisioner) errs.push(required('provisioner'));
  else {
    for (const m of isQualifiedName(sc.provisioner.toLowerCase())) errs.push(invalid('provisioner', sc.provisioner, m));
  }
  if (sc.reclaimPolicy != null && !['Delete', 'Retain'].includes(sc.reclaimPolicy)) errs.push(notSupported('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']));
  if (!sc.volumeBindingMode) errs.push(required('volumeBindingMode'));
  else if (!['Immediate', 'WaitForFirstConsumer'].includes(sc.volumeBindingMode)) {
    errs.push(notSupported('volumeBindingMode', sc.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
  }
  if (old) {
    if (JSON.stringify(sc.parameters ?? {}) !== JSON.stringify(old.parameters ?? {})) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
    if (sc.provisioner !== old.provisioner) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
    if ((sc.reclaimPolicy ?? '') !== (old.reclaimPolicy ?? '')) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
    errs.push(...validateImmutableField(sc.volumeBindingMode ?? null, old.volumeBindingMode ?? null, 'volumeBindingMode', goRepr(`&"${sc.volumeBindingMode ?? ''}"`)));
  }
  return errs;
}

// ---- coordination/v1 Lease ----

export function validateLease(lease: Lease, old?: Lease): FieldError[] {
  const errs = withMeta(lease, old, true);
  const spec = lease.spec ?? {};
  if (spec.leaseDurationSeconds != null && spec.leaseDurationSeconds <= 0) {
    errs.push(invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (spec.leaseTransitions != null) errs.push(...validateNonnegativeField(spec.leaseTransitions, 'spec.leaseTransitions'));
  return errs;
}

// ---- scheduling/v1 PriorityClass ----

const HIGHEST_USER_PRIORITY = 1000000000;

export function validatePriorityClass(pc: PriorityClass, old?: PriorityClass): FieldError[] {
  const errs = withMeta(pc, old, false);
  const name = pc.metadata?.name ?? '';
  if (!old) {
    const isSystem = name === 'system-node-critical' || name === 'system-cluster-critical';
    if (!isSystem && name.startsWith('system-')) {
      errs.push(invalid('metadata.name', name, "priority class names with 'system-' prefix are reserved"));
    } else if (!isSystem && pc.value > HIGHEST_USER_PRIORITY) {
      errs.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_PRIORITY}`));
    }
  } else {
    if (pc.value !== old.value) errs.push(forbidden('Value', 'may not be changed in an update.'));
    errs.push(...validateImmutableField(pc.preemptionPolicy ?? null, old.preemptionPolicy ?? null, 'preemptionPolicy', goRepr(`&"${pc.preemptionPolicy ?? ''}"`)));
  }
  if (pc.preemptionPolicy != null && !['PreemptLowerPriority', 'Never'].includes(pc.preemptionPolicy)) {
    errs.push(notSupported('preemptionPolicy', pc.preemptionPolicy, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}
