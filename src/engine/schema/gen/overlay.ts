// Brings an upstream OpenAPI definition up to the v1.32 API: the shipped upstream documents are older
// (core v1 from 1.27, apps v1 from ~1.30), so the v1.32 proto decides the field set, types, markers and
// descriptions, and the upstream documents contribute what proto cannot know: enum values (from any
// document that has them), `required` and enforced defaults (which depend on Go pointers and
// `omitempty`, from the most recent document). Build-time only.

import type { Schema } from '../types';
import { CUSTOM_JSON_DEFINITIONS } from './special-types';
import { REF_PREFIX } from '../types';

const ENUM_SUFFIX = /\n\nPossible enum values:\n[\s\S]*$/;

/**
 * `generated` is the definition built from v1.32 proto, `upstream` the same definition in an upstream
 * document; `explicitDefaults` holds the property names whose default came from a `+default` marker.
 */
export function overlayDefinition(
  generated: Schema,
  upstreams: readonly Schema[],
  explicitDefaults: ReadonlySet<string>,
): Schema {
  const upstream = upstreams[0];
  if (!upstream) return generated;
  if (!generated.properties || !upstream.properties) return upstream;
  const up = upstream.properties;
  const properties: Record<string, Schema> = {};
  for (const [name, prop] of Object.entries(generated.properties)) {
    // Enum values: from whichever document still has them (newer ones were generated without).
    const withEnum = upstreams.find((u) => u.properties?.[name]?.enum)?.properties?.[name];
    properties[name] = up[name] ? overlayProperty(prop, up[name], withEnum, explicitDefaults.has(name)) : prop;
  }
  const required = [
    ...(upstream.required ?? []).filter((n) => n in properties),
    ...(generated.required ?? []).filter((n) => !(n in up)),
  ];
  const out: Schema = { ...generated, properties };
  if (required.length > 0) out.required = required;
  else delete out.required;
  return out;
}

function overlayProperty(generated: Schema, upstream: Schema, withEnum: Schema | undefined, explicitDefault: boolean): Schema {
  const out: Schema = { ...generated };
  if (withEnum?.enum && out.type === withEnum.type) {
    const suffix = ENUM_SUFFIX.exec(withEnum.description ?? '');
    if (suffix && out.description !== undefined && !ENUM_SUFFIX.test(out.description)) out.description += suffix[0];
    out.enum = withEnum.enum;
  }
  if (!explicitDefault) {
    if ('default' in upstream && !refersToCustomJson(out)) out.default = upstream.default;
    else delete out.default;
  }
  return out;
}

/** Fields of types with their own UnmarshalJSON get no enforced default since kube-openapi 2023. */
function refersToCustomJson(s: Schema): boolean {
  const ref = s.$ref ?? s.allOf?.[0]?.$ref;
  return ref !== undefined && CUSTOM_JSON_DEFINITIONS.has(ref.slice(REF_PREFIX.length));
}
