// The YAML → JSON step of sigs.k8s.io/yaml: map keys become strings (ints, bools, float32-formatted
// floats), keys JSON cannot have are refused, and json.Marshal refuses NaN and ±Inf.
// mirrors: sigs.k8s.io/yaml yaml.go (convertToJSONableObject, yamlToJSONTarget), encoding/json (Marshal)

import { formatFloatG } from './gofmt';
import { GoBig, GoFloat, goSharpV, type GoValue } from './values';

/** A conversion failure, worded as sigs.k8s.io/yaml or encoding/json word it. */
export class JsonConversionError extends Error {}

/** Converts decoded YAML to JSON data; throws JsonConversionError as YAMLToJSON would fail. */
export function toJson(v: GoValue): unknown {
  const state = { nonFinite: false };
  const out = convert(v, state);
  if (state.nonFinite) {
    const bad = firstNonFinite(out);
    if (bad !== undefined) throw new JsonConversionError(`json: unsupported value: ${formatFloatG(bad, 64)}`);
  }
  return out;
}

function convert(v: GoValue, state: { nonFinite: boolean }): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof GoFloat) {
    if (!Number.isFinite(v.v)) state.nonFinite = true;
    return v.v;
  }
  if (v instanceof GoBig) return Number(v.v);
  if (Array.isArray(v)) return v.map((x) => convert(x, state));
  const obj: Record<string, unknown> = {};
  for (const { key, value } of v.entries.values()) {
    const k = keyString(key, value);
    const val = convert(value, state);
    if (k === '__proto__') Object.defineProperty(obj, k, { value: val, enumerable: true, writable: true, configurable: true });
    else obj[k] = val;
  }
  return obj;
}

/** How a YAML key becomes a JSON key. */
function keyString(k: GoValue, value: GoValue): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'number') return String(k);
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (k instanceof GoFloat) {
    const s = formatFloatG(k.v, 32);
    return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
  }
  if (k instanceof GoBig && !k.unsigned) return k.v.toString();
  const type = k === null ? '%!s(<nil>)' : 'uint64';
  throw new JsonConversionError(`unsupported map key of type: ${type}, key: ${goSharpV(k)}, value: ${goSharpV(value)}`);
}

/** The first NaN or infinity json.Marshal meets: objects are written with their keys sorted. */
function firstNonFinite(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : v;
  if (v === null || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const r = firstNonFinite(x);
      if (r !== undefined) return r;
    }
    return undefined;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o).sort()) {
    const r = firstNonFinite(o[k]);
    if (r !== undefined) return r;
  }
  return undefined;
}
