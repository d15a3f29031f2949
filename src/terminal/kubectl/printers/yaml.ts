// `kubectl -o yaml`: sigs.k8s.io/yaml (object → JSON → go-yaml v2 value → go-yaml v2 emitter).
// This file turns the value into go-yaml's nodes (key order, number forms, string styles);
// yaml-emitter.ts writes them (indentation, quoting, literal blocks, folding at 80 columns).
// mirrors: sigs.k8s.io/yaml v1.4.0 yaml.go (Marshal, JSONToYAML); gopkg.in/yaml.v2 v2.4.0 encode.go;
//          k8s.io/cli-runtime/pkg/printers/yaml.go

import { formatFloatG, isJsonObject } from './gofmt';
import { goSortSlice } from './gosort';
import { Emitter, type Style, type YNode } from './yaml-emitter';
import { isBase60Float, resolvesToString, yamlKeyLess } from './yaml-scalar';

const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** A JSON number as go-yaml reads it back from json.Marshal output and writes it again. */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    const b = BigInt(n);
    if ((b >= -INT64_MAX - 1n && b <= INT64_MAX) || (b > 0n && b <= UINT64_MAX)) return b.toString();
  }
  return formatFloatG(n);
}

const CONTROL = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/** What survives the JSON → YAML re-parse: encoding/json leaves DEL, C1 controls and NEL raw; the
 *  YAML reader rejects the first two and folds NEL (a line break inside a quoted scalar). */
function reparsedString(s: string): string {
  if (CONTROL.test(s)) throw new Error('yaml: control characters are not allowed');
  if (!s.includes('\u0085')) return s;
  return s.replace(/[ \t]*(?:\u0085[ \t]*)+/g, (run) => {
    const breaks = run.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

// Keys and many values repeat across objects: their nodes (style and emitter analysis) are
// immutable, so they are shared through small caches, as are sorted key orders.
const SCALAR_CACHE = new Map<string, YNode>();
const ORDER_CACHE = new Map<string, string[]>();
const CACHE_LIMIT = 20000;

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    v = make();
    cache.set(key, v);
  }
  return v;
}

/** encoder.stringv: literal for multi-line text, plain unless it would resolve to a non-string. */
function stringNode(raw: string): YNode {
  return raw.length > 200 ? makeStringNode(raw) : cached(SCALAR_CACHE, raw, () => makeStringNode(raw));
}

function makeStringNode(raw: string): YNode {
  const s = reparsedString(raw);
  const style: Style = s.includes('\n') ? 'literal' : resolvesToString(s) && !isBase60Float(s) ? 'plain' : 'double';
  return { kind: 'scalar', text: s, style };
}

function toNode(v: unknown): YNode {
  if (v === null || v === undefined) return { kind: 'scalar', text: 'null', style: 'plain' };
  if (typeof v === 'boolean') return { kind: 'scalar', text: v ? 'true' : 'false', style: 'plain' };
  if (typeof v === 'number') return { kind: 'scalar', text: numberText(v), style: 'plain' };
  if (typeof v === 'string') return stringNode(v);
  if (Array.isArray(v)) return { kind: 'seq', items: v.map((x) => toNode(x === undefined ? null : x)) };
  if (isJsonObject(v)) {
    const present = Object.keys(v).filter((k) => v[k] !== undefined);
    const keys = present.length < 2 ? present : cached(ORDER_CACHE, present.join('\u0000'), () => goSortSlice(present.slice(), yamlKeyLess));
    return { kind: 'map', entries: keys.map((k) => [stringNode(k), toNode(v[k])]) };
  }
  return { kind: 'scalar', text: 'null', style: 'plain' };
}

/** sigs.k8s.io/yaml Marshal of a JSON-like value. */
export function toYaml(value: unknown): string {
  return new Emitter().document(toNode(value));
}

/** YAMLPrinter: one document per object, later ones preceded by `---`. */
export class YamlPrinter {
  private count = 0;

  printObj(obj: unknown): string {
    this.count++;
    const sep = this.count > 1 ? '---\n' : '';
    if (!isJsonObject(obj) || !obj.kind) {
      throw new Error('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
    }
    return sep + toYaml(obj);
  }

  /** A watch event (--output-watch-events): metav1.WatchEvent marshalled via JSON, keys sorted. */
  printWatchEvent(type: string, object: unknown): string {
    this.count++;
    return (this.count > 1 ? '---\n' : '') + toYaml({ type, object });
  }
}

/** `kubectl get -o yaml`: one object as is. */
export function printYaml(obj: unknown): string {
  return new YamlPrinter().printObj(obj);
}

/** How `kubectl get` wraps several items (or any list request) for -o yaml/json/jsonpath/name. */
export function listOf(items: unknown[]): { apiVersion: string; items: unknown[]; kind: string; metadata: { resourceVersion: string } } {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
