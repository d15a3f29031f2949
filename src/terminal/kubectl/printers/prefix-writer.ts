// kubectl describe's PrefixWriter (two spaces per level, terminal escaping) and the generic
// helpers describers share: multi-line labels, annotations, taints, tolerations, pod lists, and
// the generic (unstructured) describer's field dump.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (PrefixWriter, printLabelsMultilineWithIndent,
//          printAnnotationsMultiline, printTaintsMultilineWithIndent, printTolerationsMultilineWithIndent,
//          printPodsMultilineWithIndent, printUnstructuredContent, smartLabelFor, shorten)

import { compareGoStrings, goSprint, isJsonObject, utf8Length, utf8Prefix, type JsonObject } from './gofmt';
import { goSortSlice } from './gosort';
import { escapeTerminal } from './table-printer';
import { tabbedString, type TabWriter, type TextWriter } from './tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** The annotation describe never shows. */
export const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Writes already-formatted text at an indentation level (Go's Write(level, format, args…)). */
export interface PrefixWriter {
  write(level: number, text: string): void;
  /** fmt.Sprintln: operands separated by spaces, then a newline; no indentation. */
  writeLine(...parts: unknown[]): void;
  /** Flushes the underlying tabwriter, so what follows is aligned on its own. */
  flush(): void;
}

function sprintln(parts: unknown[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : goSprint(p))).join(' ') + '\n';
}

class Writer implements PrefixWriter {
  constructor(private readonly out: TextWriter & { flush?: () => void }) {}
  write(level: number, text: string): void {
    this.out.write(escapeTerminal('  '.repeat(Math.max(0, level)) + text));
  }
  writeLine(...parts: unknown[]): void {
    this.out.write(escapeTerminal(sprintln(parts)));
  }
  flush(): void {
    this.out.flush?.();
  }
}

export function newPrefixWriter(out: TextWriter & { flush?: () => void }): PrefixWriter {
  return new Writer(out);
}

/** NewNestedPrefixWriter: every level shifted by `indent`. */
export function newNestedPrefixWriter(out: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, text) => out.write(level + indent, text),
    writeLine: (...parts) => out.write(indent, sprintln(parts)),
    flush: () => out.flush(),
  };
}

/** describe's tabbedString with a PrefixWriter over the describe tabwriter. */
export function describeString(fn: (w: PrefixWriter, tw: TabWriter) => void): string {
  return tabbedString((tw) => fn(newPrefixWriter(tw), tw));
}

export interface MultilineOptions {
  initialIndent?: string;
  /** Default "\t": the values line up in the tabwriter's second column. */
  innerIndent?: string;
  skip?: ReadonlySet<string>;
}

/** printLabelsMultiline(WithIndent): `Labels:  app=web` then one `key=value` per line, or <none>. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined | null, opts: MultilineOptions = {}): void {
  const initialIndent = opts.initialIndent ?? '';
  const innerIndent = opts.innerIndent ?? '\t';
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const all = labels ?? {};
  const keys = Object.keys(all).filter((k) => all[k] !== undefined && !opts.skip?.has(k)).sort(compareGoStrings);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${all[key]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;

/** shorten: byte-based cut with "..." (upstream slices the UTF-8 bytes). */
export function shorten(s: string, maxLength: number): string {
  return utf8Length(s) > maxLength ? utf8Prefix(s, maxLength) + '...' : s;
}

/** printAnnotationsMultiline: sorted, last-applied skipped, long or multi-line values on their own lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined | null): void {
  w.write(LEVEL_0, `${title}:\t`);
  const all = annotations ?? {};
  const keys = Object.keys(all).filter((k) => all[k] !== undefined && k !== LAST_APPLIED_CONFIG_ANNOTATION).sort(compareGoStrings);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = all[key].endsWith('\n') ? all[key].slice(0, -1) : all[key];
    if (utf8Length(value) + utf8Length(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

/** Taint.ToString(): key=value:effect, or key:effect. */
export function taintToString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** printNodeTaintsMultiline / printTaintsMultilineWithIndent: sorted by "effect,key" (Go's sort.Slice). */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined | null, opts: MultilineOptions = {}): void {
  const initialIndent = opts.initialIndent ?? '';
  const innerIndent = opts.innerIndent ?? '\t';
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const cmpKey = (t: Taint) => `${t.effect},${t.key}`;
  const sorted = goSortSlice(taints.slice(), (a, b) => compareGoStrings(cmpKey(a), cmpKey(b)) < 0);
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${taintToString(t)}\n`);
  });
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number | null;
}

/** printPodTolerationsMultiline / printTolerationsMultilineWithIndent: sorted by key. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined | null, opts: MultilineOptions = {}): void {
  const initialIndent = opts.initialIndent ?? '';
  const innerIndent = opts.innerIndent ?? '\t';
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = goSortSlice(tolerations.slice(), (a, b) => compareGoStrings(a.key ?? '', b.key ?? '') < 0);
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    let line = t.key ?? '';
    if (t.value) line += `=${t.value}`;
    if (t.effect) line += `:${t.effect}`;
    // operator Exists with no value tolerates everything matching the key (or everything at all).
    if (t.operator === 'Exists' && !t.value) line += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) line += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, line + '\n');
  });
}

/** printPodsMultiline(WithIndent): pod names sorted, one per line. */
export function printPodsMultiline(w: PrefixWriter, title: string, podNames: string[], opts: MultilineOptions = {}): void {
  const initialIndent = opts.initialIndent ?? '';
  const innerIndent = opts.innerIndent ?? '\t';
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (podNames.length === 0) {
    w.writeLine('<none>');
    return;
  }
  goSortSlice(podNames.slice(), (a, b) => compareGoStrings(a, b) < 0).forEach((name, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${name}\n`);
  });
}

const COMMON_ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** camelcase.Split (fatih/camelcase): runs of lower, upper, digit, other; "HTTPServer" → HTTP, Server. */
function camelSplit(s: string): string[] {
  const cls = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const k = cls(c);
    if (k === last) runs[runs.length - 1].push(c);
    else runs.push([c]);
    last = k;
  }
  // An upper-case run followed by a lower-case run gives its last letter to the lower run.
  for (let i = 0; i < runs.length - 1; i++) {
    if (cls(runs[i][0]) === 2 && cls(runs[i + 1][0]) === 1) {
      runs[i + 1].unshift(runs[i].pop() as string);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: "podIP" → "Pod IP"; fields with characters other than letters and '-' stay as is. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (COMMON_ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** printUnstructuredContent: the generic describer's dump of fields, sorted, skipping given paths. */
export function printUnstructuredContent(w: PrefixWriter, level: number, content: JsonObject, skipPrefix: string, skip: string[]): void {
  const fields = Object.keys(content).filter((k) => content[k] !== undefined).sort(compareGoStrings);
  for (const field of fields) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (skip.includes(skipExpr)) continue;
    if (isJsonObject(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value, skipExpr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (isJsonObject(child)) printUnstructuredContent(w, level + 1, child, skipExpr, skip);
        else w.write(level + 1, `${goSprint(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goSprint(value)}\n`);
    }
  }
}
