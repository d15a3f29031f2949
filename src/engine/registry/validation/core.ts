// Validation of Namespace, Node, Endpoints, Event and ReplicationController (core/v1).
// mirrors: pkg/apis/core/validation/validation.go and events.go (1.32)

import type { Endpoints, Event, Namespace, Node, ReplicationController } from 'kubernetes-types/core/v1';
import { child, duplicate, forbidden, index, invalid, notSupported, required, type FieldError } from '../../api/validation/field-errors';
import { goStringMap, goStruct } from '../../api/validation/go-format';
import { validateLabelName, validateNonnegativeField, validateObjectMeta, validateObjectMetaUpdate, validateFinalizers } from '../../api/validation/metadata';
import { isValidLabelValue, isValidPortNum, nameIsDNSLabel, nameIsDNSSubdomain, parseIP } from '../../api/validation/names';
import { validateDNS1123Label } from './containers';
import { validatePodTemplateSpec } from './pod-spec';
import { validateResourceQuantityValue } from './resources';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateNamespace(ns: Namespace, old?: Namespace): FieldError[] {
  if (old) return validateObjectMetaUpdate(ns.metadata, old.metadata);
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel);
  for (const f of ns.spec?.finalizers ?? []) {
    errs.push(...validateFinalizers([f], 'spec.finalizers').filter((e) => e.detail !== 'name is neither a standard finalizer name nor is it fully qualified'));
    if (!f.includes('/') && !['kubernetes', 'orphan', 'foregroundDeletion'].includes(f)) {
      errs.push(invalid('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}

function validateNodeTaints(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  // Upstream roots the taint paths at metadata (metadata.taints[i]); kept as-is.
  (node.spec?.taints ?? []).forEach((t, i) => {
    const p = index('metadata.taints', i);
    errs.push(...validateLabelName(t.key, child(p, 'key')));
    const msgs = isValidLabelValue(t.value ?? '');
    if (msgs.length > 0) errs.push(invalid(child(p, 'value'), t.value ?? '', msgs.join(';')));
    if (!t.effect) errs.push(required(child(p, 'effect')));
    else if (!TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(child(p, 'effect'), t.effect, TAINT_EFFECTS));
    const keys = seen.get(t.effect) ?? new Set<string>();
    if (keys.has(t.key)) {
      const e = duplicate(p, goStruct('core.Taint', t as unknown as Record<string, unknown>));
      e.detail = 'taints must be unique by key and effect pair';
      errs.push(e);
      return;
    }
    keys.add(t.key);
    seen.set(t.effect, keys);
  });
  return errs;
}

function validateNodeResources(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(node.status?.capacity ?? {})) errs.push(...validateResourceQuantityValue(k, v, `status.capacity.${k}`));
  for (const [k, v] of Object.entries(node.status?.allocatable ?? {})) errs.push(...validateResourceQuantityValue(k, v, `status.allocatable.${k}`));
  return errs;
}

export function validateNode(node: Node, old?: Node): FieldError[] {
  if (!old) {
    const errs = validateObjectMeta(node.metadata, false, nameIsDNSSubdomain);
    errs.push(...validateNodeTaints(node), ...validateNodeResources(node));
    return errs;
  }
  const errs = validateObjectMetaUpdate(node.metadata, old.metadata);
  errs.push(...validateNodeResources(node));
  const oldCIDRs = old.spec?.podCIDRs ?? [];
  const newCIDRs = node.spec?.podCIDRs ?? [];
  if (oldCIDRs.length > 0 && (oldCIDRs.length !== newCIDRs.length || oldCIDRs.some((c, i) => c !== newCIDRs[i]))) {
    errs.push(forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
  }
  if (old.spec?.providerID && old.spec.providerID !== node.spec?.providerID) {
    errs.push(forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  }
  errs.push(...validateNodeTaints(node));
  return errs;
}

function validateNonSpecialIP(ip: string, path: string): FieldError[] {
  const fam = parseIP(ip);
  if (!fam) return [invalid(path, ip, 'must be a valid IP address')];
  const errs: FieldError[] = [];
  if (ip === '0.0.0.0' || ip === '::') errs.push(invalid(path, ip, `may not be unspecified (${ip})`));
  if (ip.startsWith('127.') || ip === '::1') errs.push(invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (ip.startsWith('169.254.') || /^fe[89ab]/i.test(ip)) errs.push(invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (ip.startsWith('224.0.0.') || /^ff02:/i.test(ip)) errs.push(invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}

function validateEndpointsFields(ep: Endpoints): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain);
  (ep.subsets ?? []).forEach((ss, i) => {
    const p = index('subsets', i);
    if ((ss.addresses ?? []).length === 0 && (ss.notReadyAddresses ?? []).length === 0) {
      errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    }
    for (const kind of ['addresses', 'notReadyAddresses'] as const) {
      (ss[kind] ?? []).forEach((a, j) => {
        const ap = index(child(p, kind), j);
        if (!parseIP(a.ip)) errs.push(invalid(child(ap, 'ip'), a.ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
        if (a.hostname) errs.push(...validateDNS1123Label(a.hostname, child(ap, 'hostname')));
        if (a.nodeName) for (const m of nameIsDNSSubdomain(a.nodeName, false)) errs.push(invalid(child(ap, 'nodeName'), a.nodeName, m));
        errs.push(...validateNonSpecialIP(a.ip, child(ap, 'ip')));
      });
    }
    const ports = ss.ports ?? [];
    ports.forEach((port, j) => {
      const pp = index(child(p, 'ports'), j);
      if (ports.length > 1 && !port.name) errs.push(required(child(pp, 'name')));
      else if (port.name) errs.push(...validateDNS1123Label(port.name, child(pp, 'name')));
      for (const m of isValidPortNum(port.port)) errs.push(invalid(child(pp, 'port'), port.port, m));
      if (!port.protocol) errs.push(required(child(pp, 'protocol')));
      else if (!['SCTP', 'TCP', 'UDP'].includes(port.protocol)) errs.push(notSupported(child(pp, 'protocol'), port.protocol, ['SCTP', 'TCP', 'UDP']));
    });
  });
  return errs;
}

export function validateEndpoints(ep: Endpoints, old?: Endpoints): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(ep.metadata, old.metadata) : [];
  return errs.concat(validateEndpointsFields(ep));
}

/** Event (core/v1): metadata and the involved object's namespace. */
export function validateEvent(ev: Event, old?: Event): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(ev.metadata, old.metadata) : validateObjectMeta(ev.metadata, true, nameIsDNSSubdomain);
  const ns = ev.metadata?.namespace ?? '';
  const ioNs = ev.involvedObject?.namespace ?? '';
  if (ioNs && ioNs !== ns) errs.push(invalid('involvedObject.namespace', ioNs, 'does not match event.namespace'));
  if (ev.type && ev.type !== 'Normal' && ev.type !== 'Warning' && ev.reportingComponent) {
    errs.push(invalid('type', ev.type, 'has invalid value: ' + ev.type));
  }
  return errs;
}

export function validateReplicationController(rc: ReplicationController, old?: ReplicationController): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(rc.metadata, old.metadata) : validateObjectMeta(rc.metadata, true, nameIsDNSSubdomain);
  const spec = rc.spec ?? {};
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, 'spec.minReadySeconds'));
  const sel = spec.selector ?? {};
  if (Object.keys(sel).length === 0) errs.push(required('spec.selector'));
  errs.push(...validateNonnegativeField(spec.replicas ?? 0, 'spec.replicas'));
  const t = spec.template;
  if (!t) errs.push(required('spec.template'));
  else {
    const labels = t.metadata?.labels ?? {};
    if (Object.keys(sel).length > 0 && Object.entries(sel).some(([k, v]) => labels[k] !== v)) {
      errs.push(invalid('spec.template.metadata.labels', goStringMap(t.metadata?.labels), '`selector` does not match template `labels`'));
    }
    errs.push(...validatePodTemplateSpec(t, 'spec.template'));
    if ((t.spec?.restartPolicy ?? '') !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', t.spec?.restartPolicy ?? '', ['Always']));
    if (t.spec?.activeDeadlineSeconds != null) {
      errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicationController is not Supported'));
    }
  }
  return errs;
}
