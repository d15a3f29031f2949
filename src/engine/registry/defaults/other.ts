// Defaulting of the remaining groups: autoscaling/v2, policy/v1, networking/v1, storage/v1,
// coordination/v1, discovery/v1, scheduling/v1 and rbac/v1.
// mirrors: pkg/apis/{autoscaling/v2,networking/v1,storage/v1,discovery/v1,scheduling/v1,rbac/v1}/defaults.go (1.32)

import type { HorizontalPodAutoscaler, HPAScalingRules } from 'kubernetes-types/autoscaling/v2';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { canonicalQuantityField } from './quantities';
import { defaultStatus } from './status';

function scaleUpRules(): HPAScalingRules {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  };
}

function scaleDownRules(): HPAScalingRules {
  return { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };
}

function fillRules(from: HPAScalingRules | undefined, to: HPAScalingRules): HPAScalingRules {
  if (!from) return to;
  if (from.selectPolicy !== undefined) to.selectPolicy = from.selectPolicy;
  if (from.stabilizationWindowSeconds !== undefined) to.stabilizationWindowSeconds = from.stabilizationWindowSeconds;
  if (from.policies !== undefined) to.policies = from.policies;
  return to;
}

export function defaultHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler): void {
  const spec = hpa.spec ?? (hpa.spec = { maxReplicas: 0, scaleTargetRef: { kind: '', name: '' } });
  if (spec.minReplicas == null) spec.minReplicas = 1;
  if (!spec.metrics || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  for (const m of spec.metrics) {
    for (const target of [m.resource?.target, m.containerResource?.target, m.pods?.target, m.object?.target, m.external?.target]) {
      if (!target) continue;
      if (target.value !== undefined) target.value = String(canonicalQuantityField(target.value));
      if (target.averageValue !== undefined) target.averageValue = String(canonicalQuantityField(target.averageValue));
    }
  }
  if (spec.behavior) {
    spec.behavior.scaleUp = fillRules(spec.behavior.scaleUp, scaleUpRules());
    spec.behavior.scaleDown = fillRules(spec.behavior.scaleDown, scaleDownRules());
  }
  defaultStatus(hpa, 'HorizontalPodAutoscaler');
}

export function defaultPodDisruptionBudget(pdb: PodDisruptionBudget): void {
  defaultStatus(pdb, 'PodDisruptionBudget');
}

export function defaultIngress(ing: Ingress): void {
  defaultStatus(ing, 'Ingress');
}

export function defaultNetworkPolicy(np: NetworkPolicy): void {
  const spec = np.spec ?? (np.spec = { podSelector: {} });
  if (!spec.policyTypes || spec.policyTypes.length === 0) {
    spec.policyTypes = ['Ingress'];
    if ((spec.egress ?? []).length > 0) spec.policyTypes.push('Egress');
  }
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) {
    for (const p of rule.ports ?? []) if (!p.protocol) p.protocol = 'TCP';
  }
}

export function defaultStorageClass(sc: StorageClass): void {
  if (!sc.reclaimPolicy) sc.reclaimPolicy = 'Delete';
  if (!sc.volumeBindingMode) sc.volumeBindingMode = 'Immediate';
}

export function defaultLease(_lease: Lease): void {
  // coordination/v1 Lease has no defaults.
}

export function defaultEndpointSlice(slice: EndpointSlice): void {
  for (const p of slice.ports ?? []) {
    if (p.name === undefined) p.name = '';
    if (p.protocol === undefined) p.protocol = 'TCP';
  }
}

export function defaultPriorityClass(pc: PriorityClass): void {
  if (!pc.preemptionPolicy) pc.preemptionPolicy = 'PreemptLowerPriority';
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';

function defaultSubjects(subjects: Subject[] | undefined): void {
  for (const s of subjects ?? []) {
    // ServiceAccount subjects keep the empty group, which JSON omits.
    if (!s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP;
  }
}

export function defaultRole(_role: Role): void {
  // Role has no defaults.
}

export function defaultClusterRole(_role: ClusterRole): void {
  // ClusterRole has no defaults.
}

export function defaultRoleBinding(rb: RoleBinding): void {
  if (rb.roleRef && !rb.roleRef.apiGroup) rb.roleRef.apiGroup = RBAC_GROUP;
  defaultSubjects(rb.subjects);
}

export function defaultClusterRoleBinding(crb: ClusterRoleBinding): void {
  if (crb.roleRef && !crb.roleRef.apiGroup) crb.roleRef.apiGroup = RBAC_GROUP;
  defaultSubjects(crb.subjects);
}
