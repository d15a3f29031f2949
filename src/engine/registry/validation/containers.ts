// Container validation: names, images, ports, env, mounts, probes, lifecycle, resources, securityContext.
// mirrors: pkg/apis/core/validation/validation.go validateContainerCommon/validateContainers/
//          validateInitContainers/validateProbe/ValidateEnv/validateContainerPorts (1.32)

import type { Container, ContainerPort, EnvFromSource, EnvVar, Lifecycle, Probe, SecurityContext, Volume } from 'kubernetes-types/core/v1';
import {
  child,
  duplicate,
  forbidden,
  index,
  invalid,
  notFound,
  notSupported,
  required,
  type FieldError,
} from '../../api/validation/field-errors';
import { validateNonnegativeField } from '../../api/validation/metadata';
import {
  isConfigMapKey,
  isDNS1123Label,
  isHTTPHeaderName,
  isValidGroupID,
  isValidPortName,
  isValidPortNum,
  isValidUserID,
  nameIsDNSSubdomain,
} from '../../api/validation/names';
import { validateContainerResources } from './resources';
import { validateLocalDescendingPath } from './volumes';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const RELAXED_ENV_ERR = "a valid environment variable name must consist only of printable ASCII characters other than '='";

export function validateDNS1123Label(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((m) => invalid(path, value, m));
}

function validateContainerPorts(ports: ContainerPort[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = index(path, i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) for (const m of msgs) errs.push(invalid(child(p, 'name'), port.name, m));
      else if (names.has(port.name)) errs.push(duplicate(child(p, 'name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(child(p, 'containerPort')));
    else for (const m of isValidPortNum(port.containerPort)) errs.push(invalid(child(p, 'containerPort'), port.containerPort, m));
    if (port.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(invalid(child(p, 'hostPort'), port.hostPort, m));
    if (!port.protocol) errs.push(required(child(p, 'protocol')));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(child(p, 'protocol'), port.protocol, PROTOCOLS));
  });
  return errs;
}

/** IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation is beta, on, in 1.32). */
function relaxedEnvVarName(name: string): string[] {
  for (const ch of name) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp > 0x7e || cp < 0x20 || ch === '=') return [RELAXED_ENV_ERR];
  }
  return [];
}

function validateEnv(env: EnvVar[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const p = index(path, i);
    if (!ev.name) errs.push(required(child(p, 'name')));
    else for (const m of relaxedEnvVarName(ev.name)) errs.push(invalid(child(p, 'name'), ev.name, m));
    const vf = ev.valueFrom;
    if (!vf) return;
    const vp = child(p, 'valueFrom');
    let n = 0;
    if (vf.fieldRef) {
      n++;
      if (!vf.fieldRef.apiVersion) errs.push(required(child(vp, 'fieldRef', 'apiVersion')));
      else if (!vf.fieldRef.fieldPath) errs.push(required(child(vp, 'fieldRef', 'fieldPath')));
    }
    if (vf.resourceFieldRef) {
      n++;
      if (!vf.resourceFieldRef.resource) errs.push(required(child(vp, 'resourceFieldRef', 'resource')));
    }
    for (const [kind, sel] of [['configMapKeyRef', vf.configMapKeyRef], ['secretKeyRef', vf.secretKeyRef]] as const) {
      if (!sel) continue;
      n++;
      const sp = child(vp, kind);
      for (const m of nameIsDNSSubdomain(sel.name ?? '', false)) errs.push(invalid(child(sp, 'name'), sel.name ?? '', m));
      if (!sel.key) errs.push(required(child(sp, 'key')));
      else for (const m of isConfigMapKey(sel.key)) errs.push(invalid(child(sp, 'key'), sel.key, m));
    }
    if (n === 0) errs.push(invalid(vp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (ev.value) errs.push(invalid(vp, '', 'may not be specified when `value` is not empty'));
    else if (n > 1) errs.push(invalid(vp, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateEnvFrom(envFrom: EnvFromSource[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (envFrom ?? []).forEach((ef, i) => {
    const p = index(path, i);
    if (ef.prefix) for (const m of relaxedEnvVarName(ef.prefix)) errs.push(invalid(child(p, 'prefix'), ef.prefix, m));
    let n = 0;
    for (const [kind, ref] of [['configMapRef', ef.configMapRef], ['secretRef', ef.secretRef]] as const) {
      if (!ref) continue;
      n++;
      if (!ref.name) errs.push(required(child(p, kind, 'name')));
      else for (const m of nameIsDNSSubdomain(ref.name, true)) errs.push(invalid(child(p, kind, 'name'), ref.name, m));
    }
    if (n === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateVolumeMounts(c: Container, volumes: Map<string, Volume>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const p = index(path, i);
    if (!m.name) errs.push(required(child(p, 'name')));
    if (!volumes.has(m.name)) errs.push(notFound(child(p, 'name'), m.name));
    if (!m.mountPath) errs.push(required(child(p, 'mountPath')));
    if (mountPoints.has(m.mountPath)) errs.push(invalid(child(p, 'mountPath'), m.mountPath, 'must be unique'));
    mountPoints.add(m.mountPath);
    if (m.subPath) errs.push(...validateLocalDescendingPath(m.subPath, child(path, 'subPath')));
    if (m.subPathExpr && m.subPath) errs.push(invalid(child(p, 'subPathExpr'), m.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
  });
  return errs;
}

function portNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  const n = port ?? 0;
  return isValidPortNum(n).map((m) => invalid(path, n, m));
}

type AnyHandler = NonNullable<Lifecycle['postStart']> & { grpc?: { port: number } };

function validateHandler(h: AnyHandler, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  const one = (name: string, check: () => FieldError[]): void => {
    if (n > 0) errs.push(forbidden(child(path, name), 'may not specify more than 1 handler type'));
    else {
      n++;
      errs.push(...check());
    }
  };
  if (h.exec) one('exec', () => ((h.exec?.command ?? []).length === 0 ? [required(child(path, 'exec', 'command'))] : []));
  if (h.httpGet) {
    const g = h.httpGet;
    one('httpGet', () => {
      const e: FieldError[] = [];
      const gp = child(path, 'httpGet');
      if (!g.path) e.push(required(child(gp, 'path')));
      e.push(...portNumOrName(g.port, child(gp, 'port')));
      if (!['HTTP', 'HTTPS'].includes(g.scheme ?? '')) e.push(notSupported(child(gp, 'scheme'), g.scheme ?? '', ['HTTP', 'HTTPS']));
      for (const hd of g.httpHeaders ?? []) for (const m of isHTTPHeaderName(hd.name)) e.push(invalid(child(gp, 'httpHeaders'), hd.name, m));
      return e;
    });
  }
  if (h.tcpSocket) one('tcpSocket', () => portNumOrName(h.tcpSocket?.port, child(path, 'tcpSocket', 'port')));
  if (h.grpc) one('grpc', () => portNumOrName(h.grpc?.port ?? 0, child(path, 'grpc', 'port')));
  if (h.sleep) {
    const secs = h.sleep.seconds;
    one('sleep', () =>
      gracePeriod !== undefined && (secs <= 0 || secs > gracePeriod)
        ? [
            invalid(
              child(path, 'sleep'),
              secs,
              `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
            ),
          ]
        : [],
    );
  }
  if (n === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function validateProbe(p: Probe | undefined, kind: 'liveness' | 'readiness' | 'startup', grace: number | undefined, path: string): FieldError[] {
  if (!p) return [];
  const probeHandler = { exec: p.exec, httpGet: p.httpGet, tcpSocket: p.tcpSocket, grpc: p.grpc } as AnyHandler;
  const errs = validateHandler(probeHandler, grace, path);
  errs.push(...validateNonnegativeField(p.initialDelaySeconds ?? 0, child(path, 'initialDelaySeconds')));
  errs.push(...validateNonnegativeField(p.timeoutSeconds ?? 0, child(path, 'timeoutSeconds')));
  errs.push(...validateNonnegativeField(p.periodSeconds ?? 0, child(path, 'periodSeconds')));
  errs.push(...validateNonnegativeField(p.successThreshold ?? 0, child(path, 'successThreshold')));
  errs.push(...validateNonnegativeField(p.failureThreshold ?? 0, child(path, 'failureThreshold')));
  if (p.terminationGracePeriodSeconds != null && p.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), p.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  if (kind !== 'readiness' && p.successThreshold !== 1) errs.push(invalid(child(path, 'successThreshold'), p.successThreshold ?? 0, 'must be 1'));
  if (kind === 'readiness' && p.terminationGracePeriodSeconds != null) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  return errs;
}

function validateLifecycleAndProbes(c: Container, grace: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (c.lifecycle?.postStart) errs.push(...validateHandler(c.lifecycle.postStart as AnyHandler, grace, child(path, 'lifecycle', 'postStart')));
  if (c.lifecycle?.preStop) errs.push(...validateHandler(c.lifecycle.preStop as AnyHandler, grace, child(path, 'lifecycle', 'preStop')));
  errs.push(...validateProbe(c.livenessProbe, 'liveness', grace, child(path, 'livenessProbe')));
  errs.push(...validateProbe(c.readinessProbe, 'readiness', grace, child(path, 'readinessProbe')));
  errs.push(...validateProbe(c.startupProbe, 'startup', grace, child(path, 'startupProbe')));
  return errs;
}

function validateSecurityContext(sc: SecurityContext | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!sc) return errs;
  if (sc.runAsUser != null) for (const m of isValidUserID(sc.runAsUser)) errs.push(invalid(child(path, 'runAsUser'), sc.runAsUser, m));
  if (sc.runAsGroup != null) for (const m of isValidGroupID(sc.runAsGroup)) errs.push(invalid(child(path, 'runAsGroup'), sc.runAsGroup, m));
  if (sc.procMount != null && sc.procMount !== 'Default' && sc.procMount !== 'Unmasked') {
    errs.push(notSupported(child(path, 'procMount'), sc.procMount, ['Default', 'Unmasked']));
  }
  return errs;
}

/** validateContainerCommon: what every container type is checked for. */
function validateContainerCommon(c: Container, volumes: Map<string, Volume>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const namePath = child(path, 'name');
  if (!c.name) errs.push(required(namePath));
  else errs.push(...validateDNS1123Label(c.name, namePath));
  if (!c.image) errs.push(required(child(path, 'image')));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(required(child(path, 'terminationMessagePolicy')));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(child(path, 'terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(c.ports, child(path, 'ports')));
  errs.push(...validateEnv(c.env, child(path, 'env')));
  errs.push(...validateEnvFrom(c.envFrom, child(path, 'envFrom')));
  errs.push(...validateVolumeMounts(c, volumes, child(path, 'volumeMounts')));
  const pp = c.imagePullPolicy;
  if (!pp) errs.push(required(child(path, 'imagePullPolicy')));
  else if (!PULL_POLICIES.includes(pp)) errs.push(notSupported(child(path, 'imagePullPolicy'), pp, PULL_POLICIES));
  errs.push(...validateContainerResources(c.resources, child(path, 'resources')));
  errs.push(...validateSecurityContext(c.securityContext, child(path, 'securityContext')));
  return errs;
}

function checkHostPortConflicts(containers: Container[], path: string, seen = new Set<string>()): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((p, pi) => {
      if (!p.hostPort) return;
      const k = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${p.hostPort}`;
      if (seen.has(k)) errs.push(duplicate(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), k));
      else seen.add(k);
    });
  });
  return errs;
}

/** validateContainers: the regular containers of a pod spec. */
export function validateContainers(containers: Container[] | undefined, volumes: Map<string, Volume>, grace: number | undefined, path: string): FieldError[] {
  if (!containers || containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) errs.push(duplicate(child(p, 'name'), c.name));
    else names.add(c.name);
    errs.push(...validateLifecycleAndProbes(c, grace, p));
    if (c.restartPolicy) errs.push(forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  return errs.concat(checkHostPortConflicts(containers, path));
}

/** validateInitContainers: names unique across init and regular containers; sidecars may have probes. */
export function validateInitContainers(
  inits: Container[] | undefined,
  regular: Container[] | undefined,
  volumes: Map<string, Volume>,
  grace: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name));
  (inits ?? []).forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    let restartAlways = false;
    if (c.restartPolicy) {
      if (c.restartPolicy !== 'Always') errs.push(notSupported(child(p, 'restartPolicy'), c.restartPolicy, ['Always']));
      restartAlways = c.restartPolicy === 'Always';
    }
    if (names.has(c.name)) errs.push(duplicate(child(p, 'name'), c.name));
    else if (c.name) names.add(c.name);
    errs.push(...checkHostPortConflicts([c], path));
    if (restartAlways) {
      errs.push(...validateLifecycleAndProbes(c, grace, p));
    } else {
      const msg = 'may not be set for init containers without restartPolicy=Always';
      if (c.lifecycle) errs.push(forbidden(child(p, 'lifecycle'), msg));
      if (c.livenessProbe) errs.push(forbidden(child(p, 'livenessProbe'), msg));
      if (c.readinessProbe) errs.push(forbidden(child(p, 'readinessProbe'), msg));
      if (c.startupProbe) errs.push(forbidden(child(p, 'startupProbe'), msg));
    }
  });
  return errs;
}

/** validateContainerOnlyForPod: pods (not templates) reject images with surrounding spaces. */
export function validateContainersOnlyForPod(containers: Container[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (containers ?? []).forEach((c, i) => {
    if (c.image !== undefined && c.image !== c.image.trim()) {
      errs.push(invalid(child(index(path, i), 'image'), c.image, 'must not have leading or trailing whitespace'));
    }
  });
  return errs;
}
