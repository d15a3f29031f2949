// The environment a container sees: service links, env and envFrom with ConfigMap/Secret/field refs,
// the Kubernetes service variables. A missing reference is a CreateContainerConfigError.
// mirrors: pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables)

import type { Container, ConfigMap, Secret, Service } from 'kubernetes-types/core/v1';
import type { PodWorker } from './pod-worker';
import { decodeBase64 } from '../util/base64';
import { milliValueOf, valueOf } from '../util/quantity';

export function containerEnv(w: PodWorker, c: Container): { env: Record<string, string> } | { error: string } {
  const pod = w.pod;
  const ns = pod.metadata!.namespace!;
  const store = w.deps.ctx.store;
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: pod.spec?.hostname ?? pod.metadata!.name!,
  };
  // Service links: every service in the namespace (and the master service) as docker-link variables.
  if (pod.spec?.enableServiceLinks !== false) {
    for (const s of store.list('services', ns) as Iterable<Service>) addServiceEnv(env, s);
  }
  const kube = store.get('services', 'default', 'kubernetes') as Service | undefined;
  if (kube) addServiceEnv(env, kube);
  for (const from of c.envFrom ?? []) {
    const prefix = from.prefix ?? '';
    if (from.configMapRef) {
      const cm = store.get('configmaps', ns, from.configMapRef.name!) as ConfigMap | undefined;
      if (!cm) {
        if (from.configMapRef.optional) continue;
        return { error: `configmap "${from.configMapRef.name}" not found` };
      }
      for (const [k, v] of Object.entries(cm.data ?? {})) env[prefix + k] = v;
    } else if (from.secretRef) {
      const s = store.get('secrets', ns, from.secretRef.name!) as Secret | undefined;
      if (!s) {
        if (from.secretRef.optional) continue;
        return { error: `secret "${from.secretRef.name}" not found` };
      }
      for (const [k, v] of Object.entries(s.data ?? {})) env[prefix + k] = decodeBase64(v) ?? '';
    }
  }
  for (const e of c.env ?? []) {
    if (e.value !== undefined || !e.valueFrom) {
      env[e.name] = expand(e.value ?? '', env);
      continue;
    }
    const vf = e.valueFrom;
    if (vf.configMapKeyRef) {
      const ref = vf.configMapKeyRef;
      const cm = store.get('configmaps', ns, ref.name!) as ConfigMap | undefined;
      if (!cm) {
        if (ref.optional) continue;
        return { error: `configmap "${ref.name}" not found` };
      }
      const v = cm.data?.[ref.key];
      if (v === undefined) {
        if (ref.optional) continue;
        return { error: `couldn't find key ${ref.key} in ConfigMap ${ns}/${ref.name}` };
      }
      env[e.name] = v;
    } else if (vf.secretKeyRef) {
      const ref = vf.secretKeyRef;
      const s = store.get('secrets', ns, ref.name!) as Secret | undefined;
      if (!s) {
        if (ref.optional) continue;
        return { error: `secret "${ref.name}" not found` };
      }
      const v = s.data?.[ref.key];
      if (v === undefined) {
        if (ref.optional) continue;
        return { error: `couldn't find key ${ref.key} in Secret ${ns}/${ref.name}` };
      }
      env[e.name] = decodeBase64(v) ?? '';
    } else if (vf.fieldRef) {
      env[e.name] = fieldRef(w, vf.fieldRef.fieldPath);
    } else if (vf.resourceFieldRef) {
      const target = pod.spec?.containers?.find((x) => x.name === (vf.resourceFieldRef!.containerName || c.name)) ?? c;
      const [kind, res] = vf.resourceFieldRef.resource.split('.') as [string, string];
      const q = (kind === 'limits' ? target.resources?.limits : target.resources?.requests)?.[res];
      const divisor = vf.resourceFieldRef.divisor ?? '1';
      if (res === 'cpu') {
        const milli = q !== undefined ? milliValueOf(q) : kind === 'limits' ? 4000 : 0;
        env[e.name] = String(Math.ceil(milli / Math.max(1, milliValueOf(divisor))));
      } else {
        const v = q !== undefined ? valueOf(q) : kind === 'limits' ? 8 * 1024 * 1024 * 1024 : 0;
        env[e.name] = String(Math.ceil(v / Math.max(1, valueOf(divisor))));
      }
    }
  }
  return { env };
}

function fieldRef(w: PodWorker, path: string): string {
  const pod = w.pod;
  switch (path) {
    case 'metadata.name':
      return pod.metadata!.name!;
    case 'metadata.namespace':
      return pod.metadata!.namespace!;
    case 'metadata.uid':
      return pod.metadata!.uid!;
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP':
      return w.kubelet.hostIP ?? '';
    case 'status.hostIPs':
      return w.kubelet.hostIP ?? '';
    case 'status.podIP':
    case 'status.podIPs':
      return w.podIP ?? '';
  }
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations)?.[m[2]] ?? '';
  return '';
}

/** $(VAR) references to earlier variables; $$(VAR) escapes. */
function expand(v: string, env: Record<string, string>): string {
  return v.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name: string | undefined) => {
    if (m === '$$') return '$';
    return name !== undefined && name in env ? env[name] : m;
  });
}

function addServiceEnv(env: Record<string, string>, s: Service): void {
  const ip = s.spec?.clusterIP;
  if (!ip || ip === 'None' || s.spec?.type === 'ExternalName') return;
  const name = s.metadata!.name!.toUpperCase().replace(/-/g, '_');
  const ports = s.spec?.ports ?? [];
  if (ports.length === 0) return;
  env[`${name}_SERVICE_HOST`] = ip;
  env[`${name}_SERVICE_PORT`] = String(ports[0].port);
  for (const p of ports) if (p.name) env[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
  const proto = (ports[0].protocol ?? 'TCP').toLowerCase();
  env[`${name}_PORT`] = `${proto}://${ip}:${ports[0].port}`;
  for (const p of ports) {
    const pr = (p.protocol ?? 'TCP');
    const base = `${name}_PORT_${p.port}_${pr}`;
    env[base] = `${pr.toLowerCase()}://${ip}:${p.port}`;
    env[`${base}_PROTO`] = pr.toLowerCase();
    env[`${base}_PORT`] = String(p.port);
    env[`${base}_ADDR`] = ip;
  }
}
