// Validation of Ingress and NetworkPolicy (networking/v1) and EndpointSlice (discovery/v1).
// mirrors: pkg/apis/networking/validation, pkg/apis/discovery/validation (1.32; common mistakes, not every corner)

import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressBackend, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import { child, forbidden, index, invalid, notSupported, required, tooMany, type FieldError } from '../../api/validation/field-errors';
import { goRepr, goStringSlice, goStruct } from '../../api/validation/go-format';
import { validateImmutableField, validateLabelSelector } from '../../api/validation/metadata';
import { isCIDR, isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, nameIsDNSSubdomain, parseIP } from '../../api/validation/names';
import { withMeta } from './with-meta';

// ---- networking/v1 Ingress and NetworkPolicy ----

function validateIngressBackend(b: IngressBackend, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (b.service && b.resource) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (b.resource) return errs;
  if (!b.service) return [invalid(path, '', 'resource or service backend is required')];
  const sp = child(path, 'service');
  if (!b.service.name) errs.push(required(child(sp, 'name')));
  else for (const m of isDNS1123Subdomain(b.service.name)) errs.push(invalid(child(sp, 'name'), b.service.name, m));
  const port = b.service.port;
  const pp = child(sp, 'port');
  if (port?.name && port.number) errs.push(invalid(pp, goStruct('networking.ServiceBackendPort', port as Record<string, unknown>), 'cannot set both port name & port number'));
  else if (port?.name) errs.push(...isValidPortName(port.name).map((m) => invalid(child(pp, 'name'), port.name, m)));
  else if (port?.number) errs.push(...isValidPortNum(port.number).map((m) => invalid(child(pp, 'number'), port.number, m)));
  else errs.push(required(pp, 'port name or number is required'));
  return errs;
}

export function validateIngress(ing: Ingress, old?: Ingress): FieldError[] {
  const errs = withMeta(ing, old, true);
  const spec = ing.spec ?? {};
  if (!spec.defaultBackend && (spec.rules ?? []).length === 0) errs.push(invalid('spec', goRepr('networking.IngressSpec{...}'), 'either `defaultBackend` or `rules` must be specified'));
  if (spec.defaultBackend) errs.push(...validateIngressBackend(spec.defaultBackend, 'spec.defaultBackend'));
  (spec.rules ?? []).forEach((rule, i) => {
    const rp = index('spec.rules', i);
    if (rule.host) {
      if (parseIP(rule.host)) errs.push(invalid(child(rp, 'host'), rule.host, 'must be a DNS name, not an IP address'));
      const host = rule.host.startsWith('*.') ? rule.host.slice(2) : rule.host;
      for (const m of isDNS1123Subdomain(host)) errs.push(invalid(child(rp, 'host'), rule.host, m));
    }
    if (!rule.http) return;
    const hp = child(rp, 'http');
    if ((rule.http.paths ?? []).length === 0) errs.push(required(child(hp, 'paths')));
    (rule.http.paths ?? []).forEach((p, j) => {
      const pp = index(child(hp, 'paths'), j);
      if (!p.pathType) errs.push(required(child(pp, 'pathType'), 'pathType must be specified'));
      else if (!['Exact', 'ImplementationSpecific', 'Prefix'].includes(p.pathType)) {
        errs.push(notSupported(child(pp, 'pathType'), p.pathType, ['Exact', 'ImplementationSpecific', 'Prefix']));
      } else if (p.pathType !== 'ImplementationSpecific' || p.path) {
        if (!(p.path ?? '').startsWith('/')) errs.push(invalid(child(pp, 'path'), p.path ?? '', 'must be an absolute path'));
      }
      errs.push(...validateIngressBackend(p.backend ?? {}, child(pp, 'backend')));
    });
  });
  return errs;
}

function validateNetworkPolicyPorts(ports: NetworkPolicyPort[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (ports ?? []).forEach((p, i) => {
    const pp = index(path, i);
    if (p.protocol && !['SCTP', 'TCP', 'UDP'].includes(p.protocol)) errs.push(notSupported(child(pp, 'protocol'), p.protocol, ['SCTP', 'TCP', 'UDP']));
    if (typeof p.port === 'number') errs.push(...isValidPortNum(p.port).map((m) => invalid(child(pp, 'port'), p.port, m)));
    else if (typeof p.port === 'string') errs.push(...isValidPortName(p.port).map((m) => invalid(child(pp, 'port'), p.port, m)));
    if (p.endPort != null) {
      if (p.port == null) errs.push(required(child(pp, 'port'), 'when endPort is specified'));
      else if (typeof p.port === 'string') errs.push(forbidden(child(pp, 'endPort'), 'may not be specified when `port` is non-numeric'));
      else if (p.endPort < p.port) errs.push(invalid(child(pp, 'endPort'), p.endPort, 'must be greater than or equal to `port`'));
    }
  });
  return errs;
}

function validateNetworkPolicyPeers(peers: NetworkPolicyPeer[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (peers ?? []).forEach((peer, i) => {
    const pp = index(path, i);
    const n = [peer.podSelector, peer.namespaceSelector, peer.ipBlock].filter((x) => x !== undefined).length;
    if (peer.podSelector) errs.push(...validateLabelSelector(peer.podSelector, child(pp, 'podSelector')));
    if (peer.namespaceSelector) errs.push(...validateLabelSelector(peer.namespaceSelector, child(pp, 'namespaceSelector')));
    if (peer.ipBlock) {
      const ib = child(pp, 'ipBlock');
      if (!peer.ipBlock.cidr) errs.push(required(child(ib, 'cidr')));
      else if (!isCIDR(peer.ipBlock.cidr)) errs.push(invalid(child(ib, 'cidr'), peer.ipBlock.cidr, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
      if (n > 1) errs.push(forbidden(pp, 'may not specify both ipBlock and another peer'));
    }
    if (n === 0) errs.push(required(pp, 'must specify a peer'));
  });
  return errs;
}

export function validateNetworkPolicy(np: NetworkPolicy, old?: NetworkPolicy): FieldError[] {
  const errs = withMeta(np, old, true);
  const spec = np.spec ?? { podSelector: {} };
  errs.push(...validateLabelSelector(spec.podSelector, 'spec.podSelector'));
  (spec.ingress ?? []).forEach((r, i) => {
    errs.push(...validateNetworkPolicyPorts(r.ports, child(index('spec.ingress', i), 'ports')));
    errs.push(...validateNetworkPolicyPeers(r.from, child(index('spec.ingress', i), 'from')));
  });
  (spec.egress ?? []).forEach((r, i) => {
    errs.push(...validateNetworkPolicyPorts(r.ports, child(index('spec.egress', i), 'ports')));
    errs.push(...validateNetworkPolicyPeers(r.to, child(index('spec.egress', i), 'to')));
  });
  const types = spec.policyTypes ?? [];
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(index('spec.policyTypes', i), t, ['Egress', 'Ingress']));
  });
  if (types.length > 2) errs.push(invalid('spec.policyTypes', goStringSlice(types, 'networking.PolicyType'), 'may not specify more than two policyTypes'));
  return errs;
}

// ---- discovery/v1 EndpointSlice ----

export function validateEndpointSlice(slice: EndpointSlice, old?: EndpointSlice): FieldError[] {
  const errs = withMeta(slice, old, true);
  const type = slice.addressType ?? '';
  if (!type) errs.push(required('addressType'));
  else if (!['FQDN', 'IPv4', 'IPv6'].includes(type)) errs.push(notSupported('addressType', type, ['FQDN', 'IPv4', 'IPv6']));
  const eps = slice.endpoints ?? [];
  if (eps.length > 1000) errs.push(tooMany('endpoints', eps.length, 1000));
  eps.forEach((ep, i) => {
    const p = index('endpoints', i);
    const addrs = ep.addresses ?? [];
    if (addrs.length === 0) errs.push(required(child(p, 'addresses'), 'must contain at least 1 address'));
    else if (addrs.length > 100) errs.push(tooMany(child(p, 'addresses'), addrs.length, 100));
    addrs.forEach((a, j) => {
      const ap = index(child(p, 'addresses'), j);
      if (type === 'IPv4' && parseIP(a) !== 4) errs.push(invalid(ap, a, 'must be a valid IPv4 address'));
      if (type === 'IPv6' && parseIP(a) !== 6) errs.push(invalid(ap, a, 'must be a valid IPv6 address'));
      if (type === 'FQDN') for (const m of isDNS1123Subdomain(a)) errs.push(invalid(ap, a, m));
    });
    if (ep.nodeName) for (const m of nameIsDNSSubdomain(ep.nodeName, false)) errs.push(invalid(child(p, 'nodeName'), ep.nodeName, m));
  });
  const ports = slice.ports ?? [];
  if (ports.length > 20000) errs.push(tooMany('ports', ports.length, 20000));
  ports.forEach((port, i) => {
    const p = index('ports', i);
    if (port.name) for (const m of isDNS1123Label(port.name)) errs.push(invalid(child(p, 'name'), port.name, m));
    if (port.protocol && !['SCTP', 'TCP', 'UDP'].includes(port.protocol)) errs.push(notSupported(child(p, 'protocol'), port.protocol, ['SCTP', 'TCP', 'UDP']));
    if (port.port != null) for (const m of isValidPortNum(port.port)) errs.push(invalid(child(p, 'port'), port.port, m));
  });
  if (old) errs.push(...validateImmutableField(slice.addressType, old.addressType, 'addressType'));
  return errs;
}
