// Defaulting of Service: SetDefaults_Service plus the IP-family choices the service allocator makes
// on a single-stack IPv4 cluster, so a created Service reads like `kubectl get svc -o yaml` on kind.
// mirrors: pkg/apis/core/v1/defaults.go SetDefaults_Service; pkg/registry/core/service/storage (ipFamilies), 1.32

import type { Service } from 'kubernetes-types/core/v1';

/** ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with externalIPs. */
export function externallyAccessible(svc: Service): boolean {
  const type = svc.spec?.type;
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && (svc.spec?.externalIPs ?? []).length > 0);
}

export function isHeadless(svc: Service): boolean {
  const ips = svc.spec?.clusterIPs;
  return (ips?.length === 1 && ips[0] === 'None') || (!ips?.length && svc.spec?.clusterIP === 'None');
}

/** SetDefaults_Service. */
export function defaultServiceSpec(svc: Service): void {
  const spec = svc.spec ?? (svc.spec = {});
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    if (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
    }
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const p of spec.ports ?? []) {
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(svc) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (!spec.internalTrafficPolicy && (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP')) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
}

/**
 * What the REST layer does before validation on create: keep clusterIP and clusterIPs in step and pick
 * the IP family (this cluster is single-stack IPv4). Headless Services without a selector get
 * RequireDualStack, as upstream does.
 */
export function defaultServiceIPFamilies(svc: Service): void {
  const spec = svc.spec ?? (svc.spec = {});
  if (spec.type === 'ExternalName') return;
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  else if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0];
  if (!spec.ipFamilyPolicy) {
    const selectorless = !spec.selector || Object.keys(spec.selector).length === 0;
    spec.ipFamilyPolicy = isHeadless(svc) && selectorless ? 'RequireDualStack' : 'SingleStack';
  }
  if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'];
}

export function defaultService(svc: Service): void {
  defaultServiceSpec(svc);
  defaultServiceIPFamilies(svc);
  // ServiceStatus.LoadBalancer is a struct: a new Service shows `status: {loadBalancer: {}}`.
  const status = svc.status ?? ((svc as { status?: Service['status'] }).status = {});
  if (!status.loadBalancer) status.loadBalancer = {};
  for (const ing of status.loadBalancer.ingress ?? []) {
    if (spec(svc).type === 'LoadBalancer' && ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
  }
}

function spec(svc: Service): NonNullable<Service['spec']> {
  return svc.spec ?? {};
}
