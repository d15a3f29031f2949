// The diff appended to "pod updates may not change fields other than ..." — a simplified rendering
// in the shape of github.com/google/go-cmp's cmp.Diff(oldSpec, newSpec) over core.PodSpec.
// Deviation: go-cmp prints nested context and randomises its whitespace on purpose (so nobody parses
// it); we print only the changed top-level fields, one `-`/`+` pair each, between elision markers.

import { goQuote } from '../../api/validation/go-format';

/** core.PodSpec's Go field order, keyed by JSON name (host* fields live in SecurityContext internally). */
const POD_SPEC_FIELDS: Array<[string, string]> = [
  ['volumes', 'Volumes'],
  ['initContainers', 'InitContainers'],
  ['containers', 'Containers'],
  ['ephemeralContainers', 'EphemeralContainers'],
  ['restartPolicy', 'RestartPolicy'],
  ['terminationGracePeriodSeconds', 'TerminationGracePeriodSeconds'],
  ['activeDeadlineSeconds', 'ActiveDeadlineSeconds'],
  ['dnsPolicy', 'DNSPolicy'],
  ['nodeSelector', 'NodeSelector'],
  ['serviceAccountName', 'ServiceAccountName'],
  ['automountServiceAccountToken', 'AutomountServiceAccountToken'],
  ['nodeName', 'NodeName'],
  ['securityContext', 'SecurityContext'],
  ['imagePullSecrets', 'ImagePullSecrets'],
  ['hostname', 'Hostname'],
  ['subdomain', 'Subdomain'],
  ['setHostnameAsFQDN', 'SetHostnameAsFQDN'],
  ['affinity', 'Affinity'],
  ['schedulerName', 'SchedulerName'],
  ['tolerations', 'Tolerations'],
  ['hostAliases', 'HostAliases'],
  ['priorityClassName', 'PriorityClassName'],
  ['priority', 'Priority'],
  ['preemptionPolicy', 'PreemptionPolicy'],
  ['dnsConfig', 'DNSConfig'],
  ['readinessGates', 'ReadinessGates'],
  ['runtimeClassName', 'RuntimeClassName'],
  ['overhead', 'Overhead'],
  ['enableServiceLinks', 'EnableServiceLinks'],
  ['topologySpreadConstraints', 'TopologySpreadConstraints'],
  ['os', 'OS'],
  ['schedulingGates', 'SchedulingGates'],
  ['resourceClaims', 'ResourceClaims'],
  ['resources', 'Resources'],
];

const HOST_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'hostUsers'];
const INITIALISMS: Record<string, string> = { ip: 'IP', dns: 'DNS', uid: 'UID', url: 'URL', api: 'API', tcp: 'TCP', http: 'HTTP', os: 'OS' };

function goFieldName(jsonName: string): string {
  const parts = jsonName.split(/(?=[A-Z])/);
  return parts.map((p) => INITIALISMS[p.toLowerCase()] ?? p[0].toUpperCase() + p.slice(1)).join('');
}

/** cmp's compact value form: `{Name: "web", Image: "nginx"}`, `nil`, `&30` for pointers to scalars. */
function render(v: unknown, pointer = false): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return pointer ? `&${v}` : String(v);
  if (Array.isArray(v)) return `{${v.map((x) => render(x)).join(', ')}}`;
  const obj = v as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${goFieldName(k)}: ${render(obj[k])}`)
    .join(', ')}}`;
}

// Plain string fields print their zero value as "" (not nil) in Go.
const STRING_FIELDS = new Set(['restartPolicy', 'dnsPolicy', 'serviceAccountName', 'nodeName', 'hostname', 'subdomain', 'schedulerName', 'priorityClassName']);

const POINTER_SCALARS = new Set(['terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'automountServiceAccountToken', 'setHostnameAsFQDN', 'priority', 'enableServiceLinks']);

function internalView(spec: Record<string, unknown>): Record<string, unknown> {
  // The internal type keeps hostNetwork & co inside SecurityContext.
  const out: Record<string, unknown> = { ...spec };
  const hosts: Record<string, unknown> = {};
  for (const f of HOST_FIELDS) {
    if (out[f] !== undefined) hosts[f] = out[f];
    delete out[f];
  }
  if (Object.keys(hosts).length > 0) out.securityContext = { ...hosts, ...((out.securityContext as object) ?? {}) };
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A cmp.Diff-shaped text of two PodSpecs (JSON). */
export function podSpecDiff(oldSpec: Record<string, unknown>, newSpec: Record<string, unknown>): string {
  const o = internalView(oldSpec);
  const n = internalView(newSpec);
  const lines: string[] = ['  core.PodSpec{'];
  let identical = 0;
  const flush = (): void => {
    if (identical > 0) lines.push(`  \t... // ${identical} identical field${identical === 1 ? '' : 's'}`);
    identical = 0;
  };
  for (const [json, goName] of POD_SPEC_FIELDS) {
    if (same(o[json], n[json])) {
      identical++;
      continue;
    }
    flush();
    const ptr = POINTER_SCALARS.has(json);
    const show = (v: unknown): string => (v === undefined && STRING_FIELDS.has(json) ? '""' : render(v, ptr));
    lines.push(`- \t${goName}: ${show(o[json])},`);
    lines.push(`+ \t${goName}: ${show(n[json])},`);
  }
  flush();
  lines.push('  }');
  return lines.join('\n') + '\n';
}
