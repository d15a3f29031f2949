// Assembles the schema files: every definition any served group-version's document needs, from v1.32
// proto (overlaid with the upstream documents for core/v1, apps/v1, autoscaling/v2 and apimachinery),
// plus metrics.k8s.io, split into one map per Go package file. Build-time only.

import { definitionPackage, packageFile, SCHEMA_GROUP_VERSIONS } from '../group-versions';
import type { Schema, SchemaMap } from '../types';
import { canonicalSchema } from './canonical';
import { documentRoots, kindTables } from './kinds';
import { METRICS_PKG, metricsDefinitions } from './metrics';
import { overlayDefinition } from './overlay';
import type { ProtoFile } from './proto-parse';
import { collectRefs, ProtoSchemaGenerator } from './proto-openapi';

/** Packages whose definitions start from the upstream OpenAPI documents rather than from proto alone. */
const UPSTREAM_PACKAGES = ['io.k8s.api.core.v1', 'io.k8s.api.apps.v1', 'io.k8s.api.autoscaling.v2', 'io.k8s.apimachinery.'];

export type UpstreamMode = 'overlay' | 'verbatim' | 'ignore';

export interface BuildOptions {
  /** Upstream documents' components.schemas, most recent first. */
  upstream: SchemaMap[];
  /**
   * overlay: upstream definitions updated to the v1.32 proto (default); verbatim: upstream definitions as
   * they are; ignore: proto only (used to measure the generator against upstream).
   */
  mode?: UpstreamMode;
}

export interface BuildResult {
  /** File name (without .json) → definitions, keys sorted. */
  files: Map<string, SchemaMap>;
  /** Definition count per served group-version document. */
  documentSizes: Map<string, number>;
  generator: ProtoSchemaGenerator;
}

export function buildSchemaFiles(protos: readonly ProtoFile[], opts: BuildOptions): BuildResult {
  const mode = opts.mode ?? 'overlay';
  const served = SCHEMA_GROUP_VERSIONS.filter((gv) => gv.pkg !== METRICS_PKG);
  const gen = new ProtoSchemaGenerator(protos, kindTables(served));
  const metrics = metricsDefinitions(gen.typeMetaProperties());
  const upstreamOf = (def: string): Schema[] => {
    if (mode === 'ignore' || !UPSTREAM_PACKAGES.some((p) => def.startsWith(p))) return [];
    return opts.upstream.flatMap((doc) => (doc[def] ? [doc[def]] : []));
  };
  const resolved = new Map<string, Schema>();
  const definition = (def: string): Schema => {
    let s = resolved.get(def);
    if (s) return s;
    if (metrics[def]) s = metrics[def];
    else {
      const up = upstreamOf(def);
      if (mode === 'verbatim' && up.length > 0) s = up[0];
      else if (!gen.has(def)) throw new Error(`no source for definition ${def}`);
      else s = overlayDefinition(gen.definition(def), up, gen.explicitDefaults(def));
    }
    s = canonicalSchema(s);
    resolved.set(def, s);
    return s;
  };

  const files = new Map<string, SchemaMap>();
  const documentSizes = new Map<string, number>();
  for (const gv of SCHEMA_GROUP_VERSIONS) {
    const roots = gv.pkg === METRICS_PKG ? Object.keys(metrics) : documentRoots(gv);
    const names = closure(roots, definition);
    documentSizes.set(gv.group ? `${gv.group}/${gv.version}` : gv.version, names.size);
    for (const name of names) {
      const file = packageFile(definitionPackage(name));
      let map = files.get(file);
      if (!map) files.set(file, (map = {}));
      map[name] = definition(name);
    }
  }
  for (const [file, map] of files) {
    const sorted: SchemaMap = {};
    for (const k of Object.keys(map).sort()) sorted[k] = map[k];
    files.set(file, sorted);
  }
  return { files, documentSizes, generator: gen };
}

/** Definitions reachable from `roots` through $ref, roots included. */
export function closure(roots: readonly string[], definition: (name: string) => Schema): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    collectRefs(definition(name), stack);
  }
  return seen;
}
