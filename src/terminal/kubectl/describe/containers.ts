// The Containers / Init Containers sections of pod and pod-template descriptions: image, ports,
// command, state, resources, probes, environment and mounts of each container.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (describeContainers and its helpers, DescribeProbe,
//          EnvValueRetriever), pkg/util/resource (ExtractContainerResourceValue), pkg/util/fieldpath

import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, Probe, ResourceRequirements } from 'kubernetes-types/core/v1';
import { compareGoStrings, goQuote } from '../printers/gofmt';
import { goSortSlice } from '../printers/gosort';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from '../printers/index';
import { goList, printBool, quantityOf, Quantity, rfc1123z, stringOrNone } from './util';

/** Resolves a fieldRef env var against the pod; templates have no pod and resolve nothing. */
export type EnvResolver = (e: EnvVar) => string;

/** describeContainers: the section title, then each container with its status (when there is one). */
export function describeContainers(label: string, containers: readonly Container[], statuses: readonly ContainerStatus[] | undefined, resolver: EnvResolver | undefined, w: PrefixWriter, space: string): void {
  const byName = new Map<string, ContainerStatus>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    describeContainerBasicInfo(c, status, space, w);
    describeContainerCommand(c, w);
    if (status) describeContainerState(status, w);
    describeResources(c.resources, w, LEVEL_2);
    describeContainerProbe(c, w);
    if (c.envFrom?.length) describeContainerEnvFrom(c, w);
    describeContainerEnvVars(c, resolver, w);
    describeContainerVolumes(c, w);
  }
}

function describeContainerBasicInfo(c: Container, status: ContainerStatus | undefined, space: string, w: PrefixWriter): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ');
  if (ports.includes(',')) w.write(LEVEL_2, `Ports:\t${ports}\n`);
  else w.write(LEVEL_2, `Port:\t${stringOrNone(ports)}\n`);
  const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
  if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
  else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostPorts)}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
}

function describeContainerCommand(c: Container, w: PrefixWriter): void {
  if (c.command?.length) {
    w.write(LEVEL_2, 'Command:\n');
    for (const part of c.command) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
  if (c.args?.length) {
    w.write(LEVEL_2, 'Args:\n');
    for (const part of c.args) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
}

/** Resource names in Go string order. */
function sortedNames(list: Record<string, string> | undefined): string[] {
  return Object.keys(list ?? {}).sort(compareGoStrings);
}

/** describeResources: Limits then Requests, each resource as Quantity.String(). */
export function describeResources(r: ResourceRequirements | undefined, w: PrefixWriter, level: number): void {
  if (!r) return;
  const limits = r.limits as Record<string, string> | undefined;
  const requests = r.requests as Record<string, string> | undefined;
  if (sortedNames(limits).length) w.write(level, 'Limits:\n');
  for (const n of sortedNames(limits)) w.write(level + 1, `${n}:\t${quantityOf(limits, n).toString()}\n`);
  if (sortedNames(requests).length) w.write(level, 'Requests:\n');
  for (const n of sortedNames(requests)) w.write(level + 1, `${n}:\t${quantityOf(requests, n).toString()}\n`);
}

function describeContainerState(s: ContainerStatus, w: PrefixWriter): void {
  describeStatus('State', s.state, w);
  if (s.lastState?.terminated) describeStatus('Last State', s.lastState, w);
  w.write(LEVEL_2, `Ready:\t${printBool(s.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${s.restartCount ?? 0}\n`);
}

function describeStatus(name: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

function describeContainerProbe(c: Container, w: PrefixWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

/** url.URL's path escaping (shouldEscape in encodePath mode; a bare `*` stays as is). */
function escapePath(p: string): string {
  if (p === '*') return p;
  let out = '';
  for (const b of new TextEncoder().encode(p)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c) && b < 0x80) out += c;
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** net.JoinHostPort. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** DescribeProbe: the probe action and its timing parameters on one line. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec ${goList(p.exec.command)} ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const port = g.port === undefined || g.port === null ? '' : String(g.port);
    const host = port.length > 0 ? joinHostPort(g.host ?? '', port) : (g.host ?? '');
    const scheme = (g.scheme ?? '').toLowerCase();
    // url.URL.String().
    let url = scheme ? `${scheme}:` : '';
    const path = g.path ?? '';
    if ((scheme || host) && (host || path)) url += `//${host}`;
    if (path && !path.startsWith('/') && host) url += '/';
    url += escapePath(path);
    return `http-get ${url} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeContainerEnvFrom(c: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, `Environment Variables from:${c.envFrom?.length ? '' : '\t<none>'}\n`);
  for (const e of c.envFrom ?? []) {
    let from = '';
    let name = '';
    let optional = false;
    if (e.configMapRef) {
      from = 'ConfigMap';
      name = e.configMapRef.name ?? '';
      optional = e.configMapRef.optional === true;
    } else if (e.secretRef) {
      from = 'Secret';
      name = e.secretRef.name ?? '';
      optional = e.secretRef.optional === true;
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

function describeContainerEnvVars(c: Container, resolver: EnvResolver | undefined, w: PrefixWriter): void {
  w.write(LEVEL_2, `Environment:${c.env?.length ? '' : '\t<none>'}\n`);
  for (const e of c.env ?? []) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
      continue;
    }
    if (from.fieldRef) {
      const value = resolver ? resolver(e) : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource;
      let value = extractContainerResourceValue(resource, from.resourceFieldRef.divisor, c);
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${from.secretKeyRef.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`);
    }
  }
}

/** ExtractContainerResourceValue: the value a resourceFieldRef env var gets, "" when unsupported. */
function extractContainerResourceValue(resource: string, divisorText: string | number | undefined, c: Container): string {
  let divisor = divisorText === undefined ? Quantity.ZERO : quantityOf({ d: String(divisorText) }, 'd');
  if (divisor.isZero()) divisor = Quantity.fromValue(1);
  const limits = c.resources?.limits as Record<string, string> | undefined;
  const requests = c.resources?.requests as Record<string, string> | undefined;
  const [kind, name] = resource.split(/\.(.*)/s);
  const list = kind === 'limits' ? limits : kind === 'requests' ? requests : undefined;
  if (!list && kind !== 'limits' && kind !== 'requests') return '';
  if (name === 'cpu') return String(Math.ceil(quantityOf(list, 'cpu').milliValue() / divisor.milliValue()));
  if (name === 'memory' || name === 'ephemeral-storage' || (name ?? '').startsWith('hugepages-')) {
    return String(Math.ceil(quantityOf(list, name).value() / divisor.value()));
  }
  return '';
}

/** describeContainerVolumes: mounts sorted by path, then block devices sorted by path. */
function describeContainerVolumes(c: Container, w: PrefixWriter): void {
  const none = c.volumeMounts?.length ? '' : '\t<none>';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  const mounts = goSortSlice([...(c.volumeMounts ?? [])], (a, b) => compareGoStrings(a.mountPath, b.mountPath) < 0);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${goQuote(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  if (c.volumeDevices?.length) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    const devices = goSortSlice([...c.volumeDevices], (a, b) => compareGoStrings(a.devicePath, b.devicePath) < 0);
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

/** EnvValueRetriever: kubectl's scheme only converts metadata.name and metadata.namespace field paths. */
export function envValueRetriever(pod: Pod): EnvResolver {
  return (e) => {
    const ref = e.valueFrom?.fieldRef;
    if (!ref) return '';
    if ((ref.apiVersion ?? '').split('/').length > 2) return '';
    if (ref.fieldPath === 'metadata.name') return pod.metadata?.name ?? '';
    if (ref.fieldPath === 'metadata.namespace') return pod.metadata?.namespace ?? '';
    return '';
  };
}
