// Conflict detection between two patches (kubectl apply --overwrite=false) and the YAML dumps that
// upstream embeds in the conflict message.
// mirrors: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (MergingMapsHaveConflicts) and
// k8s.io/apimachinery/pkg/util/mergepatch/util.go (HasConflicts, ToYAMLOrError).

import { compareGoStrings, goSprint, goSprintS } from './go-format';
import { deepEqual, hasOwn, isJsonObject, type JsonObject, type JsonValue } from './json-value';
import { smpErrors } from './patch-errors';
import { extractRetainKeysPatchStrategy, lookupField } from './patch-lookup';
import type { PatchMeta } from './patch-meta';
import { MERGE_DIRECTIVE, REPLACE_DIRECTIVE, RETAIN_KEYS_DIRECTIVE } from './smp-directives';
import { DIRECTIVE_MARKER, deduplicateScalars, sliceElementType, sortScalars } from './smp-order';

/** JSON merge patch semantics: true when both touch a key with different values. */
export function hasConflicts(left: unknown, right: unknown): boolean {
  if (isJsonObject(left)) {
    if (!isJsonObject(right)) return true;
    for (const k of Object.keys(left)) if (hasOwn(right, k) && hasConflicts(left[k], right[k])) return true;
    return false;
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return true;
    for (let i = 0; i < left.length; i++) if (hasConflicts(left[i], right[i])) return true;
    return false;
  }
  return !deepEqual(left, right);
}

/** Strategic merge patch semantics: merge lists compared by merge key, directives on whole maps. */
export function mergingMapsHaveConflicts(left: JsonObject, right: JsonObject, meta: PatchMeta): boolean {
  return fieldsHaveConflicts(left, right, meta, '', '');
}

function fieldsHaveConflicts(
  left: JsonValue,
  right: JsonValue,
  meta: PatchMeta,
  strategy: string,
  mergeKey: string,
): boolean {
  if (isJsonObject(left)) {
    if (!isJsonObject(right)) return true;
    const lm = hasOwn(left, DIRECTIVE_MARKER);
    const rm = hasOwn(right, DIRECTIVE_MARKER);
    if ((lm || rm) && (lm !== rm || left[DIRECTIVE_MARKER] !== right[DIRECTIVE_MARKER])) return true;
    if (strategy === REPLACE_DIRECTIVE) return false;
    return mapsHaveConflicts(left, right, meta);
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right)) return true;
    return slicesHaveConflicts(left, right, meta, strategy, mergeKey);
  }
  return !deepEqual(left, right);
}

function mapsHaveConflicts(left: JsonObject, right: JsonObject, meta: PatchMeta): boolean {
  for (const key of Object.keys(left)) {
    if (key === DIRECTIVE_MARKER || key === RETAIN_KEYS_DIRECTIVE || !hasOwn(right, key)) continue;
    const lv = left[key];
    let sub = meta;
    let strategy = '';
    let mergeKey = '';
    if (Array.isArray(lv) || isJsonObject(lv)) {
      const f = lookupField(meta, key);
      sub = f.sub;
      strategy = extractRetainKeysPatchStrategy(f.strategies).strategy;
      mergeKey = f.mergeKey;
    }
    if (fieldsHaveConflicts(lv, right[key], sub, strategy, mergeKey)) return true;
  }
  return false;
}

function slicesHaveConflicts(
  left: JsonValue[],
  right: JsonValue[],
  meta: PatchMeta,
  strategy: string,
  mergeKey: string,
): boolean {
  const kind = sliceElementType(left, right);
  if (strategy === MERGE_DIRECTIVE) {
    if (kind !== 'map') return false; // merging lists of scalars never conflict
    const l = byMergeKey(left, mergeKey);
    const r = byMergeKey(right, mergeKey);
    for (const [k, lv] of l) {
      const rv = r.get(k);
      if (rv !== undefined && fieldsHaveConflicts(lv, rv, meta, '', '')) return true;
    }
    return false;
  }
  if (left.length !== right.length) return true;
  const a = kind === 'map' ? left : sortScalars(deduplicateScalars(left));
  const b = kind === 'map' ? right : sortScalars(deduplicateScalars(right));
  for (let i = 0; i < a.length; i++) if (fieldsHaveConflicts(a[i], b[i], meta, '', '')) return true;
  return false;
}

function byMergeKey(list: JsonValue[], mergeKey: string): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const v of list) {
    if (!isJsonObject(v)) throw smpErrors.other(`invalid element type in merging list:${goSprint(list)}`);
    if (!hasOwn(v, mergeKey)) {
      throw smpErrors.other(`cannot find merge key \`${mergeKey}\` in merging list element:${goSprint(v)}`);
    }
    out.set(goSprintS(v[mergeKey]), v);
  }
  return out;
}

const PLAIN = /^[A-Za-z_$/.]([\w$./ -]*[\w$./-])?$/;
const AMBIGUOUS = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

/** YAML of a JSON value in the block style sigs.k8s.io/yaml writes (sorted keys, "- " at the key's indent). */
export function toYaml(v: unknown): string {
  const lines: string[] = [];
  emit(v, 0, lines);
  return lines.join('\n') + '\n';
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return PLAIN.test(v) && !AMBIGUOUS.test(v) ? v : JSON.stringify(v);
  return goSprint(v);
}

function emit(v: unknown, indent: number, lines: string[]): void {
  const pad = ' '.repeat(indent);
  if (isJsonObject(v)) {
    const keys = Object.keys(v).sort(compareGoStrings);
    if (keys.length === 0) lines.push(`${pad}{}`);
    for (const k of keys) {
      const child = v[k];
      const name = scalar(k);
      if (isJsonObject(child) && Object.keys(child).length > 0) {
        lines.push(`${pad}${name}:`);
        emit(child, indent + 2, lines);
      } else if (Array.isArray(child) && child.length > 0) {
        lines.push(`${pad}${name}:`);
        emit(child, indent, lines);
      } else {
        lines.push(`${pad}${name}: ${Array.isArray(child) ? '[]' : isJsonObject(child) ? '{}' : scalar(child)}`);
      }
    }
    return;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) lines.push(`${pad}[]`);
    for (const item of v) {
      const sub: string[] = [];
      emit(item, indent + 2, sub);
      lines.push(`${pad}- ${sub[0].slice(indent + 2)}`, ...sub.slice(1));
    }
    return;
  }
  lines.push(pad + scalar(v));
}
