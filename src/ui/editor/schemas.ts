// Kubernetes JSON Schema for the YAML editor, derived from the engine's OpenAPI v3 components (the same
// definitions the API server serves): one document with every definition under `definitions`, and a root
// that picks the kind's schema from `apiVersion` + `kind` (if/then), so validation, completion and hover
// docs follow the object being edited. Bundled with the editor chunk; no network.

import { componentsFor, groupVersions } from '../../engine/schema/registry';
import { SCHEMA_GROUP_VERSIONS } from '../../engine/schema/group-versions';
import { REF_PREFIX, type Schema } from '../../engine/schema/types';

export interface JSONSchema {
  $ref?: string;
  $schema?: string;
  description?: string;
  type?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  required?: string[];
  items?: JSONSchema;
  allOf?: JSONSchema[];
  oneOf?: JSONSchema[];
  anyOf?: JSONSchema[];
  if?: JSONSchema;
  then?: JSONSchema;
  properties?: Record<string, JSONSchema>;
  additionalProperties?: JSONSchema | boolean;
  definitions?: Record<string, JSONSchema>;
  title?: string;
}

const DEF_PREFIX = '#/definitions/';

/** Kinds that are only ever sent by clients as subresource or review bodies, not written in manifests. */
const NOT_MANIFESTS = new Set(['Binding', 'Eviction', 'Scale', 'TokenRequest', 'ComponentStatus', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview', 'SelfSubjectReview', 'TokenReview', 'NodeMetrics', 'PodMetrics']);

/** One OpenAPI schema object → JSON Schema (draft-07 as yaml-language-server reads it). */
export function convertSchema(s: Schema): JSONSchema {
  const out: JSONSchema = {};
  if (s.$ref) out.$ref = DEF_PREFIX + s.$ref.slice(REF_PREFIX.length);
  if (s.description) out.description = s.description;
  if (s.type) out.type = s.type;
  if (s.enum) out.enum = s.enum;
  if (s.default !== undefined) out.default = s.default;
  if (s.required?.length) out.required = s.required;
  if (s.items) out.items = convertSchema(s.items);
  if (s.allOf) out.allOf = s.allOf.map(convertSchema);
  if (s.oneOf) out.oneOf = s.oneOf.map(convertSchema);
  if (s.properties) {
    out.properties = {};
    for (const [k, v] of Object.entries(s.properties)) out.properties[k] = convertSchema(v);
    // Like kubectl's strict field validation: an unknown field is an error, so the editor flags it.
    if (s.additionalProperties === undefined) out.additionalProperties = false;
  }
  if (s.additionalProperties !== undefined) out.additionalProperties = typeof s.additionalProperties === 'boolean' ? s.additionalProperties : convertSchema(s.additionalProperties);
  // `format` (int32, date-time, int-or-string, …) is dropped: the editor's validator would misread some.
  return out;
}

export interface ManifestKind {
  apiVersion: string;
  kind: string;
  definition: string;
}

/** Kinds a manifest can name, per served group-version, with their definition names. */
export function manifestKinds(): ManifestKind[] {
  const out: ManifestKind[] = [];
  for (const gv of SCHEMA_GROUP_VERSIONS) {
    const apiVersion = gv.group ? `${gv.group}/${gv.version}` : gv.version;
    if (!groupVersions().includes(apiVersion)) continue;
    const defs = componentsFor(apiVersion);
    for (const kind of gv.kinds) {
      const definition = `${gv.pkg}.${kind}`;
      if (NOT_MANIFESTS.has(kind) || !defs[definition]) continue;
      out.push({ apiVersion, kind, definition });
    }
  }
  return out;
}

/** The whole editor schema: every kind's definition and what it references, chosen by apiVersion + kind. */
export function kubernetesSchema(): JSONSchema {
  const kinds = manifestKinds();
  const definitions: Record<string, JSONSchema> = {};
  const seen = new Set<string>();
  for (const k of kinds) {
    const gv = k.apiVersion;
    if (seen.has(gv)) continue;
    seen.add(gv);
    for (const [name, s] of Object.entries(componentsFor(gv))) definitions[name] ??= convertSchema(s);
  }
  const apiVersions = [...new Set(kinds.map((k) => k.apiVersion))];
  const kindNames = [...new Set(kinds.map((k) => k.kind))].sort();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', enum: apiVersions, description: 'APIVersion defines the versioned schema of this representation of an object.' },
      kind: { type: 'string', enum: kindNames, description: 'Kind is a string value representing the REST resource this object represents.' },
    },
    allOf: kinds.map((k) => ({
      if: { properties: { apiVersion: { const: k.apiVersion }, kind: { const: k.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: DEF_PREFIX + k.definition },
    })),
    definitions,
  };
}
