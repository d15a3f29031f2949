// `kubectl -o json`: Go encoding/json output of unstructured content — map keys sorted, HTML
// characters escaped (kubectl does not turn that off), 4-space indent, trailing newline.
// mirrors: k8s.io/cli-runtime/pkg/printers/json.go; Go src/encoding/json/encode.go, indent.go

import { formatGoNumber, isJsonObject, sortedKeys } from './gofmt';

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** A JSON string literal as encoding/json writes it with HTML escaping on (Go 1.22+: \b and \f short). */
export function goJsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20) {
      esc = c === 0x0a ? '\\n' : c === 0x0d ? '\\r' : c === 0x09 ? '\\t' : c === 0x08 ? '\\b' : c === 0x0c ? '\\f' : '\\u' + hex4(c);
    } else if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = '\\\\';
    else if (c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) esc = '\\u' + hex4(c);
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A well-formed pair passes through; a lone surrogate is invalid UTF-8 to Go: U+FFFD.
      const pair = c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        i++;
        continue;
      }
      esc = '\\ufffd';
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** A number as encoding/json writes an unstructured int64 / float64 (ES formatting matches Go's). */
function goJsonNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return formatGoNumber(n);
  return String(n);
}

/** json.Marshal(v): compact, sorted keys, HTML-escaped. */
export function goJsonMarshal(v: unknown): string {
  const parts: string[] = [];
  writeJson(v, parts, null, '');
  return parts.join('');
}

/** json.MarshalIndent(v, prefix, indent) (no trailing newline). */
export function goJsonMarshalIndent(v: unknown, indent = '    '): string {
  const parts: string[] = [];
  writeJson(v, parts, indent, '');
  return parts.join('');
}

function writeJson(v: unknown, out: string[], indent: string | null, cur: string): void {
  if (v === null || v === undefined) {
    out.push('null');
    return;
  }
  switch (typeof v) {
    case 'string':
      out.push(goJsonString(v));
      return;
    case 'number':
      out.push(goJsonNumber(v));
      return;
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
  }
  const inner = indent === null ? '' : cur + indent;
  const nl = indent === null ? '' : '\n';
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push('[]');
      return;
    }
    out.push('[');
    v.forEach((item, i) => {
      out.push(i === 0 ? nl + inner : ',' + nl + inner);
      writeJson(item === undefined ? null : item, out, indent, inner);
    });
    out.push(nl + cur + ']');
    return;
  }
  if (isJsonObject(v)) {
    const keys = sortedKeys(v);
    if (keys.length === 0) {
      out.push('{}');
      return;
    }
    out.push('{');
    keys.forEach((k, i) => {
      out.push((i === 0 ? nl : ',' + nl) + inner + goJsonString(k) + (indent === null ? ':' : ': '));
      writeJson(v[k], out, indent, inner);
    });
    out.push(nl + cur + '}');
    return;
  }
  out.push('null');
}

/** JSONPrinter.PrintObj: the object indented with 4 spaces and a trailing newline. */
export function printJson(obj: unknown): string {
  if (!isJsonObject(obj) || !obj.kind) {
    throw new Error('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
  }
  return goJsonMarshalIndent(obj) + '\n';
}

/** A watch event as `kubectl get -w -o json --output-watch-events` prints it: one compact line
 *  (metav1.WatchEvent is a struct: "type" comes before "object"). */
export function printJsonWatchEvent(type: string, object: unknown): string {
  return `{"type":${goJsonString(type)},"object":${goJsonMarshal(object)}}\n`;
}
