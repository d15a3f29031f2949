// Measures how close two sets of definitions are (a generated document against an upstream one):
// counts of differing definitions, properties and per-aspect mismatches, with a few examples each.
// Build-time and test helper.

import type { Schema, SchemaMap } from '../types';

export interface Comparison {
  definitions: { common: number; onlyGenerated: string[]; onlyUpstream: string[] };
  properties: { common: number; onlyGenerated: string[]; onlyUpstream: string[] };
  /** Aspect ('type', 'format', 'ref', 'items', 'description', 'default', 'required', 'x-…') → mismatching paths. */
  mismatches: Map<string, string[]>;
}

const ENUM_SUFFIX = /\n\nPossible enum values:\n[\s\S]*$/;
const ASPECTS = ['type', 'format', 'default', 'x-kubernetes-patch-strategy', 'x-kubernetes-patch-merge-key',
  'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-group-version-kind'] as const;

export function compareDefinitions(generated: SchemaMap, upstream: SchemaMap): Comparison {
  const mismatches = new Map<string, string[]>();
  const note = (aspect: string, path: string) => {
    const list = mismatches.get(aspect);
    if (list) list.push(path);
    else mismatches.set(aspect, [path]);
  };
  const cmp: Comparison = {
    definitions: { common: 0, onlyGenerated: [], onlyUpstream: [] },
    properties: { common: 0, onlyGenerated: [], onlyUpstream: [] },
    mismatches,
  };
  for (const name of Object.keys(upstream)) if (!generated[name]) cmp.definitions.onlyUpstream.push(name);
  for (const name of Object.keys(generated)) {
    const g = generated[name];
    const u = upstream[name];
    if (!u) {
      cmp.definitions.onlyGenerated.push(name);
      continue;
    }
    cmp.definitions.common++;
    compareSchema(name, g, u, note);
    const gp = g.properties ?? {};
    const up = u.properties ?? {};
    for (const p of Object.keys(up)) if (!gp[p]) cmp.properties.onlyUpstream.push(`${name}.${p}`);
    for (const p of Object.keys(gp)) {
      if (!up[p]) {
        cmp.properties.onlyGenerated.push(`${name}.${p}`);
        continue;
      }
      cmp.properties.common++;
      compareSchema(`${name}.${p}`, gp[p], up[p], note);
    }
    const common = (list: string[] | undefined) => (list ?? []).filter((p) => gp[p] && up[p]).join(',');
    if (common(g.required) !== common(u.required)) note('required', name);
  }
  return cmp;
}

function compareSchema(path: string, g: Schema, u: Schema, note: (aspect: string, path: string) => void): void {
  for (const aspect of ASPECTS) {
    if (JSON.stringify(g[aspect]) !== JSON.stringify(u[aspect])) note(aspect, path);
  }
  const gd = g.description ?? '';
  const ud = (u.description ?? '').replace(ENUM_SUFFIX, '');
  if (gd !== ud) note('description', path);
  if (refOf(g) !== refOf(u)) note('ref', path);
  for (const k of ['items', 'additionalProperties'] as const) {
    const gi = g[k];
    const ui = u[k];
    if (typeof gi === 'object' && typeof ui === 'object') compareSchema(`${path}/${k}`, gi, ui, note);
    else if (gi !== ui) note(k, path);
  }
}

function refOf(s: Schema): string | undefined {
  return s.$ref ?? s.allOf?.[0]?.$ref;
}

/** A short multi-line summary: "aspect: count (examples)". */
export function summarize(c: Comparison, examples = 3): string {
  const lines = [
    `definitions: ${c.definitions.common} common, ${c.definitions.onlyGenerated.length} only generated, ${c.definitions.onlyUpstream.length} only upstream`,
    `properties: ${c.properties.common} common, ${c.properties.onlyGenerated.length} only generated, ${c.properties.onlyUpstream.length} only upstream`,
  ];
  const show = (list: string[]) => list.slice(0, examples).join(', ') + (list.length > examples ? ', …' : '');
  if (c.definitions.onlyUpstream.length) lines.push(`  only upstream: ${show(c.definitions.onlyUpstream)}`);
  if (c.properties.onlyUpstream.length) lines.push(`  props only upstream: ${show(c.properties.onlyUpstream)}`);
  for (const [aspect, paths] of [...c.mismatches].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`${aspect}: ${paths.length} differ (${show(paths)})`);
  }
  return lines.join('\n');
}
