// The simulated ingress-nginx controller's data plane: picks the server block by Host (exact, then
// wildcard, then the catch-all), the location by path (Exact, then the longest Prefix /
// ImplementationSpecific / regex match), applies rewrite-target, proxies to the Service's endpoints, and
// answers with nginx's pages when it cannot (404 default backend, 503 no endpoints, 502/504 upstream errors).
// mirrors: kubernetes/ingress-nginx internal/ingress/controller (controller.go createServers/createUpstreams),
// rootfs/etc/nginx/template/nginx.tmpl (locations, ssl-redirect)

import type { Ingress, IngressBackend, HTTPIngressPath } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../api/types';
import type { Store } from '../store/store';
import { httpDate, nginxResponse, pathOf, type HttpRequest, type HttpResponse } from './http';
import { RTT_MS, type Exchange, type IngressHandler, type NodeView, type Origin, type Traffic } from './traffic';

export const INGRESS_CLASS = 'nginx';
export const INGRESS_CONTROLLER = 'k8s.io/ingress-nginx';
const INGRESSES = 'ingresses.networking.k8s.io';
const CLASSES = 'ingressclasses.networking.k8s.io';
/** ingress-nginx's proxy-connect-timeout. */
const UPSTREAM_CONNECT_TIMEOUT_MS = 5000;

type IngObj = Ingress & KubeObject;

interface Candidate {
  ing: IngObj;
  path: HTTPIngressPath;
  regex?: RegExp;
}

export type Route =
  | { kind: 'backend'; ing: IngObj; backend: IngressBackend; target: string }
  | { kind: 'default' }
  | { kind: 'redirect'; location: string };

/** Whether ingress-nginx (class nginx, or no class: kind's controller watches those too) serves an Ingress. */
export function servedByNginx(store: Store, ing: IngObj): boolean {
  const cls = ing.spec?.ingressClassName ?? ing.metadata?.annotations?.['kubernetes.io/ingress.class'];
  if (!cls) return true;
  if (ing.spec?.ingressClassName) {
    const ic = store.get(CLASSES, undefined, cls) as { spec?: { controller?: string } } | undefined;
    return ic?.spec?.controller === INGRESS_CONTROLLER;
  }
  return cls === INGRESS_CLASS;
}

function hostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === host;
  const suffix = pattern.slice(1);
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.') && host.length > suffix.length;
}

function usesRegex(ing: IngObj): boolean {
  const a = ing.metadata?.annotations ?? {};
  return a['nginx.ingress.kubernetes.io/use-regex'] === 'true' || 'nginx.ingress.kubernetes.io/rewrite-target' in a;
}

export class NginxIngress implements IngressHandler {
  constructor(
    private readonly store: Store,
    private readonly node: () => NodeView | undefined,
  ) {}

  nodeName(): string | undefined {
    return this.node()?.name;
  }

  private ingresses(): IngObj[] {
    const out: IngObj[] = [];
    for (const o of this.store.list(INGRESSES)) if (servedByNginx(this.store, o as IngObj)) out.push(o as IngObj);
    // Older Ingresses win ties, as in the controller's sorted store.
    return out.sort((a, b) => ((a.metadata!.creationTimestamp ?? '') < (b.metadata!.creationTimestamp ?? '') ? -1 : (a.metadata!.creationTimestamp ?? '') > (b.metadata!.creationTimestamp ?? '') ? 1 : 0));
  }

  knowsHost(host: string): boolean {
    for (const ing of this.ingresses()) for (const r of ing.spec?.rules ?? []) if (r.host && hostMatches(r.host.toLowerCase(), host)) return true;
    return false;
  }

  /** The location a request lands in. */
  route(rawHost: string, target: string, scheme: 'http' | 'https'): Route {
    const host = rawHost.replace(/:\d+$/, '').toLowerCase();
    const ings = this.ingresses();
    const rules = (pred: (h: string) => boolean) => ings.flatMap((ing) => (ing.spec?.rules ?? []).filter((r) => pred((r.host ?? '').toLowerCase())).map((r) => ({ ing, rule: r })));
    let chosen = rules((h) => h !== '' && h === host);
    if (!chosen.length) chosen = rules((h) => h.startsWith('*.') && hostMatches(h, host));
    const named = chosen.length > 0;
    if (!chosen.length) chosen = rules((h) => h === '');
    if (named && scheme === 'http') {
      const tls = chosen.some(({ ing }) => (ing.spec?.tls ?? []).some((t) => (t.hosts ?? []).some((h) => hostMatches(h.toLowerCase(), host))) && ing.metadata?.annotations?.['nginx.ingress.kubernetes.io/ssl-redirect'] !== 'false');
      if (tls) return { kind: 'redirect', location: `https://${host}${target}` };
    }
    const path = pathOf(target);
    const candidates: Candidate[] = [];
    for (const { ing, rule } of chosen) {
      for (const p of rule.http?.paths ?? []) {
        const c: Candidate = { ing, path: p };
        if (usesRegex(ing) && p.pathType !== 'Exact') {
          try {
            c.regex = new RegExp('^' + (p.path ?? '/'), 'i');
          } catch {
            continue;
          }
        }
        candidates.push(c);
      }
    }
    const matches = candidates.filter((c) => pathMatches(c, path));
    const exact = matches.find((c) => c.path.pathType === 'Exact');
    const best = exact ?? matches.sort((a, b) => (b.path.path ?? '/').length - (a.path.path ?? '/').length)[0];
    if (best) return { kind: 'backend', ing: best.ing, backend: best.path.backend, target: rewrite(best, target) };
    const fallback = chosen.find(({ ing }) => ing.spec?.defaultBackend)?.ing ?? ings.find((i) => i.spec?.defaultBackend && !(i.spec.rules ?? []).length);
    if (fallback?.spec?.defaultBackend) return { kind: 'backend', ing: fallback, backend: fallback.spec.defaultBackend, target };
    return { kind: 'default' };
  }

  serve(req: HttpRequest, scheme: 'http' | 'https', traffic: Traffic): Exchange {
    const now = traffic.clock.now();
    const route = this.route(req.host, req.target, scheme);
    if (route.kind === 'default') return { ok: true, response: nginxResponse(404, req, now), latencyMs: RTT_MS };
    if (route.kind === 'redirect') return { ok: true, response: nginxResponse(308, req, now, [['Location', route.location]]), latencyMs: RTT_MS };
    const ns = route.ing.metadata!.namespace!;
    const ref = route.backend.service;
    const svc = ref ? traffic.services.get(ns, ref.name) : undefined;
    const sp = svc?.spec?.ports?.find((p) => (ref?.port?.name ? p.name === ref.port.name : p.port === ref?.port?.number));
    if (!svc || !sp || svc.spec?.type === 'ExternalName') return { ok: true, response: nginxResponse(503, req, now), latencyMs: RTT_MS };
    const origin = this.origin();
    const ep = traffic.services.pick(svc, sp, origin.ip, now);
    if (!ep) return { ok: true, response: nginxResponse(503, req, now), latencyMs: RTT_MS };
    const dial = traffic.dial(origin, ep.ip, ep.port, sp.protocol ?? 'TCP');
    if (!dial.ok) {
      if (dial.error === 'refused') return { ok: true, response: nginxResponse(502, req, now), latencyMs: 2 * RTT_MS };
      return { ok: true, response: nginxResponse(504, req, now + UPSTREAM_CONNECT_TIMEOUT_MS), latencyMs: UPSTREAM_CONNECT_TIMEOUT_MS };
    }
    const upstream = traffic.exchange(dial.server, { ...req, target: route.target, close: false });
    if (!upstream.ok) return { ok: true, response: nginxResponse(502, req, now), latencyMs: upstream.latencyMs + RTT_MS };
    return { ok: true, response: proxied(upstream.response, req, now + upstream.latencyMs), latencyMs: upstream.latencyMs + RTT_MS };
  }

  /** The controller as a network client (its pod in the ingress-nginx namespace, on the ingress node). */
  private origin(): Origin {
    const node = this.node();
    return {
      ip: node?.hostIP ?? '127.0.0.1',
      nodeName: node?.name,
      clusterDNS: true,
      peer: {
        namespace: 'ingress-nginx',
        name: 'ingress-nginx-controller',
        labels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' },
        namespaceLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' },
      },
    };
  }
}

function pathMatches(c: Candidate, path: string): boolean {
  const p = c.path.path || '/';
  if (c.regex) return c.regex.test(path);
  switch (c.path.pathType) {
    case 'Exact':
      return path === p;
    case 'Prefix': {
      if (p === '/') return true;
      const base = p.replace(/\/+$/, '');
      return path === base || path.startsWith(base + '/');
    }
    default:
      // ImplementationSpecific: an nginx prefix location, matched character by character.
      return path.startsWith(p);
  }
}

/** nginx.ingress.kubernetes.io/rewrite-target: the whole URI becomes the target with $n filled in. */
function rewrite(c: Candidate, target: string): string {
  const to = c.ing.metadata?.annotations?.['nginx.ingress.kubernetes.io/rewrite-target'];
  if (to === undefined || !c.regex) return target;
  const path = pathOf(target);
  const query = target.slice(path.length);
  const m = c.regex.exec(path);
  if (!m) return target;
  const out = to.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '');
  return (out.startsWith('/') ? out : '/' + out) + query;
}

/** nginx as a proxy: its own Server and Date, the upstream's other headers. */
function proxied(up: HttpResponse, req: HttpRequest, now: number): HttpResponse {
  const skip = new Set(['server', 'date', 'connection', 'content-type', 'content-length', 'keep-alive']);
  const get = (n: string) => up.headers.find(([k]) => k.toLowerCase() === n)?.[1];
  const headers: [string, string][] = [['Date', httpDate(now)]];
  const type = get('content-type');
  if (type) headers.push(['Content-Type', type]);
  const len = get('content-length');
  if (len) headers.push(['Content-Length', len]);
  headers.push(['Connection', req.close ? 'close' : 'keep-alive']);
  for (const h of up.headers) if (!skip.has(h[0].toLowerCase())) headers.push(h);
  return { ...up, headers, body: req.method === 'HEAD' ? '' : up.body };
}
