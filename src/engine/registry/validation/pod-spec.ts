// PodSpec and PodTemplateSpec validation (everything a workload template is checked for).
// mirrors: pkg/apis/core/validation/validation.go ValidatePodSpec/ValidatePodTemplateSpec (1.32)

import type { PodSpec, PodTemplateSpec, Toleration, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { child, duplicate, forbidden, index, invalid, notSupported, required, type FieldError } from '../../api/validation/field-errors';
import { goStringSlice } from '../../api/validation/go-format';
import { validateAnnotations, validateLabelName, validateLabels, validateLabelSelector } from '../../api/validation/metadata';
import {
  inclusiveRangeError,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidGroupID,
  isValidLabelValue,
  isValidUserID,
  nameIsDNSSubdomain,
  parseIP,
  validateNamespaceName,
} from '../../api/validation/names';
import { validateContainers, validateDNS1123Label, validateInitContainers } from './containers';
import { validateContainerResources } from './resources';
import { validateVolumes } from './volumes';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const MAX_INT32 = 2147483647;

export interface PodSpecOptions {
  /** The spec belongs to a Pod (not a template): hostPort must equal containerPort with hostNetwork. */
  resourceIsPod?: boolean;
}

function validateTolerations(tolerations: Toleration[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  tolerations.forEach((t, i) => {
    const p = index(path, i);
    if (t.key) errs.push(...validateLabelName(t.key, child(p, 'key')));
    if (!t.key && t.operator !== 'Exists') {
      errs.push(invalid(child(p, 'operator'), t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds != null && t.effect !== 'NoExecute') {
      errs.push(invalid(child(p, 'effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (t.operator ?? '') {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(t.value ?? '');
        if (msgs.length > 0) errs.push(invalid(child(p, 'operator'), t.value ?? '', msgs.join(';')));
        break;
      }
      case 'Exists':
        if (t.value) errs.push(invalid(child(p, 'operator'), t.value, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(child(p, 'operator'), t.operator, ['Equal', 'Exists']));
    }
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(child(p, 'effect'), t.effect, TAINT_EFFECTS));
  });
  return errs;
}

function validateNodeSelectorTerms(terms: NonNullable<PodSpec['affinity']>['nodeAffinity'], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const req = terms?.requiredDuringSchedulingIgnoredDuringExecution;
  if (req) {
    const tp = child(path, 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
    if ((req.nodeSelectorTerms ?? []).length === 0) errs.push(required(tp, 'must have at least one node selector term'));
    req.nodeSelectorTerms.forEach((term, i) => {
      (term.matchExpressions ?? []).forEach((e, j) => {
        const ep = index(child(index(tp, i), 'matchExpressions'), j);
        const n = (e.values ?? []).length;
        switch (e.operator) {
          case 'In':
          case 'NotIn':
            if (n === 0) errs.push(required(child(ep, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
            break;
          case 'Exists':
          case 'DoesNotExist':
            if (n > 0) errs.push(forbidden(child(ep, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
            break;
          case 'Gt':
          case 'Lt':
            if (n !== 1) errs.push(required(child(ep, 'values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
            break;
          default:
            errs.push(invalid(child(ep, 'operator'), e.operator ?? '', 'not a valid selector operator'));
        }
        errs.push(...validateLabelName(e.key, child(ep, 'key')));
        (e.values ?? []).forEach((v, vi) => {
          for (const m of isValidLabelValue(v)) errs.push(invalid(index(child(ep, 'values'), vi), v, m));
        });
      });
    });
  }
  (terms?.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
    if (t.weight <= 0 || t.weight > 100) {
      errs.push(invalid(child(index(child(path, 'preferredDuringSchedulingIgnoredDuringExecution'), i), 'weight'), t.weight, 'must be in the range 1-100'));
    }
  });
  return errs;
}

type PodAffinityTerm = NonNullable<NonNullable<NonNullable<PodSpec['affinity']>['podAffinity']>['requiredDuringSchedulingIgnoredDuringExecution']>[number];

function validatePodAffinityTerm(t: PodAffinityTerm, p: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateLabelSelector(t.labelSelector, child(p, 'labelSelector')));
  errs.push(...validateLabelSelector(t.namespaceSelector, child(p, 'namespaceSelector')));
  for (const ns of t.namespaces ?? []) for (const m of validateNamespaceName(ns, false)) errs.push(invalid(child(p, 'namespace'), ns, m));
  if (!t.topologyKey) errs.push(required(child(p, 'topologyKey'), 'can not be empty'));
  errs.push(...validateLabelName(t.topologyKey ?? '', child(p, 'topologyKey')));
  return errs;
}

function validateAffinity(affinity: PodSpec['affinity'], path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!affinity) return errs;
  if (affinity.nodeAffinity) errs.push(...validateNodeSelectorTerms(affinity.nodeAffinity, child(path, 'nodeAffinity')));
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const a = affinity[kind];
    if (!a) continue;
    const kp = child(path, kind);
    (a.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
      errs.push(...validatePodAffinityTerm(t, index(child(kp, 'requiredDuringSchedulingIgnoredDuringExecution'), i)));
    });
    (a.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((w, i) => {
      const wp = index(child(kp, 'preferredDuringSchedulingIgnoredDuringExecution'), i);
      if (w.weight <= 0 || w.weight > 100) errs.push(invalid(child(wp, 'weight'), w.weight, 'must be in the range 1-100'));
      errs.push(...validatePodAffinityTerm(w.podAffinityTerm, child(wp, 'podAffinityTerm')));
    });
  }
  return errs;
}

function validateTopologySpread(constraints: TopologySpreadConstraint[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (constraints ?? []).forEach((c, i) => {
    const p = index(path, i);
    if (c.maxSkew <= 0) errs.push(invalid(child(p, 'maxSkew'), c.maxSkew, 'must be greater than zero'));
    if (!c.topologyKey) errs.push(required(child(p, 'topologyKey'), 'can not be empty'));
    if (!['DoNotSchedule', 'ScheduleAnyway'].includes(c.whenUnsatisfiable)) {
      errs.push(notSupported(child(p, 'whenUnsatisfiable'), c.whenUnsatisfiable ?? '', ['DoNotSchedule', 'ScheduleAnyway']));
    }
    const dup = (constraints ?? []).slice(i + 1).some((o) => o.topologyKey === c.topologyKey && o.whenUnsatisfiable === c.whenUnsatisfiable);
    if (dup) errs.push(duplicate(child(p, '{topologyKey, whenUnsatisfiable}'), `{${c.topologyKey}, ${c.whenUnsatisfiable}}`));
    errs.push(...validateLabelSelector(c.labelSelector, child(p, 'labelSelector')));
  });
  return errs;
}

function validatePodSecurityContext(spec: PodSpec, path: string): FieldError[] {
  const sc = spec.securityContext;
  const errs: FieldError[] = [];
  if (!sc) return errs;
  if (sc.fsGroup != null) for (const m of isValidGroupID(sc.fsGroup)) errs.push(invalid(child(path, 'fsGroup'), sc.fsGroup, m));
  if (sc.runAsUser != null) for (const m of isValidUserID(sc.runAsUser)) errs.push(invalid(child(path, 'runAsUser'), sc.runAsUser, m));
  if (sc.runAsGroup != null) for (const m of isValidGroupID(sc.runAsGroup)) errs.push(invalid(child(path, 'runAsGroup'), sc.runAsGroup, m));
  (sc.supplementalGroups ?? []).forEach((g, i) => {
    for (const m of isValidGroupID(g)) errs.push(invalid(index(child(path, 'supplementalGroups'), i), g, m));
  });
  if (spec.shareProcessNamespace && spec.hostPID) {
    errs.push(invalid(child(path, 'shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }
  if (sc.fsGroupChangePolicy && !['Always', 'OnRootMismatch'].includes(sc.fsGroupChangePolicy)) {
    errs.push(notSupported(child(path, 'fsGroupChangePolicy'), sc.fsGroupChangePolicy, ['Always', 'OnRootMismatch']));
  }
  return errs;
}

function validateDNSConfig(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const cfg = spec.dnsConfig;
  if (spec.dnsPolicy === 'None') {
    if (!cfg) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if ((cfg.nameservers ?? []).length === 0) return [required(child(path, 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!cfg) return errs;
  const ns = cfg.nameservers ?? [];
  if (ns.length > 3) errs.push(invalid(child(path, 'nameservers'), goStringSlice(ns), 'must not have more than 3 nameservers'));
  ns.forEach((ip, i) => {
    if (!parseIP(ip)) errs.push(invalid(index(child(path, 'nameservers'), i), ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });
  const searches = cfg.searches ?? [];
  if (searches.length > 32) errs.push(invalid(child(path, 'searches'), goStringSlice(searches), 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) {
    errs.push(invalid(child(path, 'searches'), goStringSlice(searches), 'must not have more than 2048 characters (including spaces) in the search list'));
  }
  searches.forEach((s, i) => {
    const trimmed = s.replace(/\.$/, '');
    for (const m of isDNS1123Subdomain(trimmed)) errs.push(invalid(index(child(path, 'searches'), i), trimmed, m));
  });
  (cfg.options ?? []).forEach((o, i) => {
    if (!o.name) errs.push(required(index(child(path, 'options'), i), 'must not be empty'));
  });
  return errs;
}

/** ValidatePodSpec. podMeta is given for real pods (ephemeral volume PVC names). */
export function validatePodSpec(spec: PodSpec | undefined, podMeta: ObjectMeta | undefined, path: string, opts: PodSpecOptions = {}): FieldError[] {
  const s = spec ?? ({ containers: [] } as PodSpec);
  const errs: FieldError[] = [];
  if (s.terminationGracePeriodSeconds == null) errs.push(required(child(path, 'terminationGracePeriodSeconds')));
  const grace = s.terminationGracePeriodSeconds ?? undefined;
  const vols = validateVolumes(s.volumes, podMeta, child(path, 'volumes'));
  errs.push(...vols.errors);
  errs.push(...validateContainers(s.containers, vols.names, grace, child(path, 'containers')));
  errs.push(...validateInitContainers(s.initContainers, s.containers, vols.names, grace, child(path, 'initContainers')));
  if (s.hostNetwork) {
    (s.containers ?? []).forEach((c, i) => {
      (c.ports ?? []).forEach((p, j) => {
        const hp = p.hostPort ?? 0;
        if ((opts.resourceIsPod || hp !== 0) && hp !== p.containerPort) {
          errs.push(invalid(child(index(child(index(child(path, 'containers'), i), 'ports'), j), 'hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'));
        }
      });
    });
  }
  const rp = s.restartPolicy ?? '';
  if (!rp) errs.push(required(child(path, 'restartPolicy')));
  else if (!RESTART_POLICIES.includes(rp)) errs.push(notSupported(child(path, 'restartPolicy'), rp, RESTART_POLICIES));
  const dp = s.dnsPolicy ?? '';
  if (!dp) errs.push(required(child(path, 'dnsPolicy')));
  else if (!DNS_POLICIES.includes(dp)) errs.push(notSupported(child(path, 'dnsPolicy'), dp, DNS_POLICIES));
  errs.push(...validateLabels(s.nodeSelector, child(path, 'nodeSelector')));
  errs.push(...validatePodSecurityContext(s, child(path, 'securityContext')));
  (s.imagePullSecrets ?? []).forEach((ref, i) => {
    if (Object.keys(ref).some((k) => k !== 'name')) errs.push(invalid(index(child(path, 'imagePullSecrets'), i), ref, 'only name may be set'));
  });
  errs.push(...validateAffinity(s.affinity, child(path, 'affinity')));
  errs.push(...validateDNSConfig(s, child(path, 'dnsConfig')));
  (s.readinessGates ?? []).forEach((g, i) => {
    for (const m of isQualifiedName(g.conditionType)) errs.push(invalid(child(index(child(path, 'readinessGates'), i), 'conditionType'), g.conditionType, m));
  });
  const gates = new Set<string>();
  (s.schedulingGates ?? []).forEach((g, i) => {
    const gp = index(child(path, 'schedulingGates'), i);
    for (const m of isQualifiedName(g.name)) errs.push(invalid(gp, g.name, m));
    if (gates.has(g.name)) errs.push(duplicate(gp, g.name));
    gates.add(g.name);
  });
  errs.push(...validateTopologySpread(s.topologySpreadConstraints, child(path, 'topologySpreadConstraints')));
  if (s.serviceAccountName) {
    for (const m of nameIsDNSSubdomain(s.serviceAccountName, false)) errs.push(invalid(child(path, 'serviceAccountName'), s.serviceAccountName, m));
  }
  if (s.nodeName) for (const m of nameIsDNSSubdomain(s.nodeName, false)) errs.push(invalid(child(path, 'nodeName'), s.nodeName, m));
  if (s.activeDeadlineSeconds != null && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > MAX_INT32)) {
    errs.push(invalid(child(path, 'activeDeadlineSeconds'), s.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)));
  }
  if (s.hostname) errs.push(...validateDNS1123Label(s.hostname, child(path, 'hostname')));
  if (s.subdomain) errs.push(...validateDNS1123Label(s.subdomain, child(path, 'subdomain')));
  if ((s.tolerations ?? []).length > 0) errs.push(...validateTolerations(s.tolerations ?? [], child(path, 'tolerations')));
  (s.hostAliases ?? []).forEach((ha, i) => {
    const hp = index(child(path, 'hostAliases'), i);
    if (!parseIP(ha.ip ?? '')) errs.push(invalid(child(hp, 'ip'), ha.ip ?? '', 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    (ha.hostnames ?? []).forEach((h, j) => {
      for (const m of isDNS1123Subdomain(h)) errs.push(invalid(index(child(hp, 'hostnames'), j), h, m));
    });
  });
  if (s.priorityClassName) {
    for (const m of nameIsDNSSubdomain(s.priorityClassName, false)) errs.push(invalid(child(path, 'priorityClassName'), s.priorityClassName, m));
  }
  if (s.runtimeClassName != null) {
    for (const m of nameIsDNSSubdomain(s.runtimeClassName, false)) errs.push(invalid(child(path, 'runtimeClassName'), s.runtimeClassName, m));
  }
  if (s.preemptionPolicy != null) {
    if (!s.preemptionPolicy) errs.push(required(child(path, 'preemptionPolicy')));
    else if (!['PreemptLowerPriority', 'Never'].includes(s.preemptionPolicy)) {
      errs.push(notSupported(child(path, 'preemptionPolicy'), s.preemptionPolicy, ['PreemptLowerPriority', 'Never']));
    }
  }
  if (s.overhead) errs.push(...validateContainerResources({ limits: s.overhead }, child(path, 'overhead')));
  if (s.os) {
    if (!s.os.name) errs.push(required(child(path, 'os', 'name'), 'cannot be empty'));
    else if (!['linux', 'windows'].includes(s.os.name)) errs.push(notSupported(child(path, 'os'), s.os.name, ['linux', 'windows']));
  }
  return errs;
}

/** ValidatePodTemplateSpec: template labels/annotations and its PodSpec. */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: string): FieldError[] {
  const t = template ?? {};
  const errs: FieldError[] = [];
  errs.push(...validateLabels(t.metadata?.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(t.metadata?.annotations, child(path, 'annotations')));
  errs.push(...validatePodSpec(t.spec, undefined, child(path, 'spec')));
  if ((t.spec?.ephemeralContainers ?? []).length > 0) {
    errs.push(forbidden(child(path, 'spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
