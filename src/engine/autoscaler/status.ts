// The `cluster-autoscaler-status` ConfigMap in kube-system: a YAML document in data.status (the structured
// format of cluster-autoscaler 1.30+), rewritten every loop, and the last-updated annotation.
// mirrors: cluster-autoscaler/clusterstate/api/types.go (ClusterAutoscalerStatus),
// clusterstate/utils/status.go (WriteStatusConfigMap; yaml.v2 field order, omitempty, quoting)

export const STATUS_CONFIGMAP = 'cluster-autoscaler-status';
export const LAST_UPDATED_ANNOTATION = 'cluster-autoscaler.kubernetes.io/last-updated';

export interface Transition {
  status: string;
  /** ms */
  lastProbeTime: number;
  lastTransitionTime: number;
}

export interface NodeCounts {
  registeredTotal: number;
  ready: number;
  notStarted: number;
  beingDeleted: number;
  unready: number;
  longUnregistered: number;
  unregistered: number;
}

export interface GroupStatus {
  name: string;
  health: Transition & { counts: NodeCounts; target: number; minSize: number; maxSize: number };
  scaleUp: Transition;
  scaleDown: Transition & { candidates: number };
}

export interface AutoscalerStatus {
  time: number;
  autoscalerStatus: 'Initializing' | 'Running';
  clusterWide?: { health: Transition & { counts: NodeCounts }; scaleUp: Transition; scaleDown: Transition & { candidates: number } };
  nodeGroups?: GroupStatus[];
}

/** Go's time.Time.String-like layout CA uses: `2025-01-01 00:10:05.5 +0000 UTC`. */
export function goTimeString(ms: number): string {
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? '.' + frac : ''} +0000 UTC`;
}

/** metav1.Time through yaml.v2 (its promoted MarshalText): RFC3339Nano, quoted because it reads as a timestamp. */
function probeTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `"${iso.slice(0, 19)}${frac ? '.' + frac : ''}Z"`;
}

function counts(c: NodeCounts, indent: string): string[] {
  const out = [`${indent}nodeCounts:`, `${indent}  registered:`, `${indent}    total: ${c.registeredTotal}`, `${indent}    ready: ${c.ready}`, `${indent}    notStarted: ${c.notStarted}`];
  if (c.beingDeleted) out.push(`${indent}    beingDeleted: ${c.beingDeleted}`);
  if (c.unready) out.push(`${indent}    unready:`, `${indent}      total: ${c.unready}`, `${indent}      resourceUnready: 0`);
  out.push(`${indent}  longUnregistered: ${c.longUnregistered}`, `${indent}  unregistered: ${c.unregistered}`);
  return out;
}

function times(t: Transition, indent: string): string[] {
  return [`${indent}lastProbeTime: ${probeTime(t.lastProbeTime)}`, `${indent}lastTransitionTime: ${probeTime(t.lastTransitionTime)}`];
}

/** The YAML document, as yaml.v2 marshals the struct (field order, omitempty, sequences at the key's indent). */
export function statusYaml(s: AutoscalerStatus): string {
  const out = [`time: ${goTimeString(s.time)}`, `autoscalerStatus: ${s.autoscalerStatus}`];
  const cw = s.clusterWide;
  if (cw) {
    out.push('clusterWide:', '  health:', `    status: ${cw.health.status}`, ...counts(cw.health.counts, '    '), ...times(cw.health, '    '));
    out.push('  scaleUp:', `    status: ${cw.scaleUp.status}`, ...times(cw.scaleUp, '    '));
    out.push('  scaleDown:', `    status: ${cw.scaleDown.status}`);
    if (cw.scaleDown.candidates) out.push(`    candidates: ${cw.scaleDown.candidates}`);
    out.push(...times(cw.scaleDown, '    '));
  }
  if (s.nodeGroups?.length) {
    out.push('nodeGroups:');
    for (const g of s.nodeGroups) {
      out.push(`- name: ${g.name}`, '  health:', `    status: ${g.health.status}`, ...counts(g.health.counts, '    '));
      out.push(`    cloudProviderTarget: ${g.health.target}`, `    minSize: ${g.health.minSize}`, `    maxSize: ${g.health.maxSize}`, ...times(g.health, '    '));
      out.push('  scaleUp:', `    status: ${g.scaleUp.status}`, ...times(g.scaleUp, '    '));
      out.push('  scaleDown:', `    status: ${g.scaleDown.status}`);
      if (g.scaleDown.candidates) out.push(`    candidates: ${g.scaleDown.candidates}`);
      out.push(...times(g.scaleDown, '    '));
    }
  }
  return out.join('\n') + '\n';
}
