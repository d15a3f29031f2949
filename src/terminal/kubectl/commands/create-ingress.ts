// kubectl create ingress (ing): rules `host/path=service:port[,tls[=secret]]` (a trailing `*` makes the
// path a Prefix), a default backend, an ingress class and annotations.
// mirrors: kubectl/pkg/cmd/create/create_ingress.go

import type { CommandSpec } from '../command';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { GENERATOR_FLAGS, completeCreate, createTyped, nameArg, newMeta, objectNamespace } from './create-common';

/** ruleRegex (Go \w is [0-9A-Za-z_], as in JavaScript). */
const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

/** intstr.Parse: an int32 when strconv.Atoi accepts it, else a name. */
function backendPort(port: string): Record<string, unknown> {
  if (/^[+-]?[0-9]+$/.test(port) && Math.abs(Number(port)) <= Number.MAX_SAFE_INTEGER) {
    const n = Number(port) | 0;
    return n === 0 ? {} : { number: n };
  }
  return port ? { name: port } : {};
}

function backend(service: string): Record<string, unknown> {
  const parts = service.split(':');
  return { service: { name: parts[0], port: backendPort(parts[1]) } };
}

function httpPath(pathSvc: string): Record<string, unknown> {
  const parts = pathSvc.split('=');
  let path = '/' + parts[0];
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(parts[1]) };
}

/** buildTLSRules: hosts grouped by secret, each host once. */
function tlsRules(rules: string[]): Record<string, unknown>[] {
  const seen = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const tls = rule.split(',');
    if (tls.length !== 2) continue;
    const host = rule.split('/')[0];
    const secretParts = tls[1].split('=');
    const secret = secretParts.length > 1 ? secretParts[1] : '';
    if (seen.has(host)) continue;
    const same = out.find((t) => (t.secretName ?? '') === secret);
    seen.add(host);
    if (same) {
      (same.hosts ??= []).push(host);
      continue;
    }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host) entry.hosts = [host];
    if (secret) entry.secretName = secret;
    if (entry.hosts || entry.secretName) out.push(entry);
  }
  return out;
}

/** buildIngressRules: one rule per host, its paths in order. */
function ingressRules(rules: string[]): Record<string, unknown>[] {
  const out: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  for (const rule of rules) {
    const withoutTls = rule.split(',')[0];
    const slash = withoutTls.indexOf('/');
    const host = withoutTls.slice(0, slash);
    const path = httpPath(withoutTls.slice(slash + 1));
    const same = out.find((r) => (r.host ?? '') === host);
    if (same) {
      same.http.paths.push(path);
      continue;
    }
    out.push(host ? { host, http: { paths: [path] } } : { http: { paths: [path] } });
  }
  return out;
}

export function ingressCommand(): CommandSpec {
  return {
    name: 'ingress',
    aliases: ['ing'],
    short: 'Create an ingress with the specified name',
    long: 'Create an ingress with the specified name.',
    examples:
      '  # Create a single ingress called \'simple\' that directs requests to foo.com/bar to svc\n  # svc1:8080 with a TLS secret "my-cert"\n  kubectl create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert"\n  \n  # Create a catch all ingress of "/path" pointing to service svc:port and Ingress Class as "otheringress"\n  kubectl create ingress catch-all --class=otheringress --rule="/path=svc:port"\n  \n  # Create an ingress with two annotations: ingress.annotation1 and ingress.annotations2\n  kubectl create ingress annotated --class=default --rule="foo.com/bar=svc:port" \\\n  --annotation ingress.annotation1=foo \\\n  --annotation ingress.annotation2=bla\n  \n  # Create an ingress with the same host and multiple paths\n  kubectl create ingress multipath --class=default \\\n  --rule="foo.com/=svc:port" \\\n  --rule="foo.com/admin/=svcadmin:portadmin"\n  \n  # Create an ingress with multiple hosts and the pathType as Prefix\n  kubectl create ingress ingress1 --class=default \\\n  --rule="foo.com/path*=svc:8080" \\\n  --rule="bar.com/admin*=svc2:http"\n  \n  # Create an ingress with TLS enabled using the default ingress certificate and different path types\n  kubectl create ingress ingtls --class=default \\\n  --rule="foo.com/=svc:https,tls" \\\n  --rule="foo.com/path/subpath*=othersvc:8080"\n  \n  # Create an ingress with TLS enabled using a specific secret and pathType as Prefix\n  kubectl create ingress ingsecret --class=default \\\n  --rule="foo.com/*=svc:8080,tls=secret1"\n  \n  # Create an ingress with a default backend\n  kubectl create ingress ingdefault --class=default \\\n  --default-backend=defaultsvc:http \\\n  --rule="foo.com/*=svc:8080,tls=secret1"',
    usage: 'kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]]  [options]',
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'class', type: 'string', default: '', usage: 'Ingress Class to be used' },
      { name: 'rule', type: 'stringArray', default: [], usage: "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional." },
      { name: 'default-backend', type: 'string', default: '', usage: 'Default service for backend, in format of svcname:port' },
      { name: 'annotation', type: 'stringArray', default: [], usage: 'Annotation to insert in the ingress object, in the format annotation=value' },
    ],
    async run(k, args, f) {
      const name = nameArg(args, f, 'ingress');
      const s = await completeCreate(k, f);
      const v = f.values;
      const rules = v.rule as string[];
      const annotations = v.annotation as string[];
      const defaultBackend = v['default-backend'] as string;
      const klass = v.class as string;
      if (!defaultBackend && rules.length === 0) {
        throw new KubectlError('error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
      }
      for (const r of rules) if (!RULE.test(r)) throw new KubectlError(`error: rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
      for (const a of annotations) if (!a.includes('=')) throw new KubectlError(`error: annotation ${a} is invalid and should be in format key=[value]`);
      if (defaultBackend && defaultBackend.split(':').length !== 2) throw new KubectlError('error: default-backend should be in format servicename:serviceport');
      const ann: Record<string, string> = {};
      for (const a of annotations) {
        const i = a.indexOf('=');
        ann[a.slice(0, i)] = a.slice(i + 1);
      }
      const spec: Record<string, unknown> = {};
      if (klass) spec.ingressClassName = klass;
      if (defaultBackend) spec.defaultBackend = backend(defaultBackend);
      const tls = tlsRules(rules);
      if (tls.length) spec.tls = tls;
      const ruleList = ingressRules(rules);
      if (ruleList.length) spec.rules = ruleList;
      const extra = Object.keys(ann).length ? { annotations: ann } : {};
      const obj: KubeObject = { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', metadata: newMeta(name, objectNamespace(s), extra), spec, status: { loadBalancer: {} } };
      return createTyped(k, { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', kind: 'Ingress', namespaced: true, errorPrefix: 'failed to create ingress: ' }, obj, s);
    },
  };
}
