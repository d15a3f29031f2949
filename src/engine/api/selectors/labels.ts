// Label selectors: the string syntax of ?labelSelector= and metav1.LabelSelector objects, parsed once, matched fast.
// mirrors: apimachinery/pkg/labels/selector.go (Parse, Requirement) and pkg/apis/meta/v1/helpers.go

import type { LabelSelector } from 'kubernetes-types/meta/v1';

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export type Labels = Readonly<Record<string, string>> | undefined;

export class LabelSelectorError extends Error {}

export class Selector {
  constructor(readonly requirements: readonly Requirement[]) {}

  static everything = new Selector([]);
  /** Matches nothing (a nil LabelSelector in a workload spec). */
  static nothing = new (class extends Selector {
    override matches(): boolean {
      return false;
    }
    override empty(): boolean {
      return false;
    }
    override toString(): string {
      return '<none>';
    }
  })([]);

  empty(): boolean {
    return this.requirements.length === 0;
  }

  matches(labels: Labels): boolean {
    for (const r of this.requirements) if (!matchRequirement(r, labels)) return false;
    return true;
  }

  /** Requirements whose candidates a label index can produce: key=value or key in (…). */
  indexable(): Requirement | undefined {
    let best: Requirement | undefined;
    for (const r of this.requirements) {
      if (r.op === '=' || r.op === '==' || r.op === 'in') {
        if (!best || r.values.length < best.values.length) best = r;
      }
    }
    return best;
  }

  toString(): string {
    return this.requirements.map(requirementString).join(',');
  }
}

function matchRequirement(r: Requirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? labels![r.key] : undefined;
  switch (r.op) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(v!);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(v!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has) return false;
      const n = Number(v);
      if (!Number.isInteger(n)) return false;
      const bound = Number(r.values[0]);
      return r.op === 'gt' ? n > bound : n < bound;
    }
  }
}

function requirementString(r: Requirement): string {
  switch (r.op) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'in':
    case 'notin':
      return `${r.key} ${r.op} (${r.values.join(',')})`;
    case 'gt':
      return `${r.key}>${r.values[0]}`;
    case 'lt':
      return `${r.key}<${r.values[0]}`;
    default:
      return `${r.key}${r.op}${r.values[0]}`;
  }
}

const cache = new Map<string, Selector>();

/** Parses the string form (`app=web,tier in (a,b),!canary`). Throws LabelSelectorError with upstream wording. */
export function parseLabelSelector(text: string): Selector {
  const hit = cache.get(text);
  if (hit) return hit;
  const sel = new Selector(new Parser(text).parse());
  if (cache.size > 1000) cache.clear();
  cache.set(text, sel);
  return sel;
}

/** metav1.LabelSelector → Selector. A nil selector matches nothing; an empty one matches everything. */
export function selectorFromLabelSelector(ls: LabelSelector | null | undefined): Selector {
  if (!ls) return Selector.nothing;
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(ls.matchLabels ?? {})) reqs.push({ key: k, op: '=', values: [v] });
  for (const e of ls.matchExpressions ?? []) {
    const op = e.operator;
    if (op === 'In') reqs.push({ key: e.key, op: 'in', values: [...(e.values ?? [])] });
    else if (op === 'NotIn') reqs.push({ key: e.key, op: 'notin', values: [...(e.values ?? [])] });
    else if (op === 'Exists') reqs.push({ key: e.key, op: 'exists', values: [] });
    else if (op === 'DoesNotExist') reqs.push({ key: e.key, op: '!', values: [] });
    else throw new LabelSelectorError(`"${op}" is not a valid label selector operator`);
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Selector(reqs);
}

/** A selector from a plain map (Service spec.selector, ReplicationController). */
export function selectorFromSet(set: Readonly<Record<string, string>> | undefined): Selector {
  if (!set) return Selector.everything;
  return new Selector(
    Object.keys(set)
      .sort()
      .map((k) => ({ key: k, op: '=' as const, values: [set[k]] })),
  );
}

/** The string form kubectl shows for a metav1.LabelSelector (e.g. in describe: `app=web`). */
export function formatLabelSelector(ls: LabelSelector | null | undefined): string {
  if (!ls) return '<none>';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(ls.matchLabels ?? {})) parts.push(`${k}=${v}`);
  for (const e of ls.matchExpressions ?? []) {
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        parts.push(`${e.key} ${e.operator.toLowerCase()} (${(e.values ?? []).join(',')})`);
        break;
      case 'Exists':
        parts.push(e.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${e.key}`);
        break;
    }
  }
  if (parts.length === 0) return '<none>';
  return parts.join(',');
}

// Tokenizer/parser for the string syntax.
type Tok =
  | { t: 'id'; v: string }
  | { t: 'op'; v: string }
  | { t: ','; v: ',' }
  | { t: '('; v: '(' }
  | { t: ')'; v: ')' }
  | { t: 'end'; v: '' };

class Parser {
  private toks: Tok[] = [];
  private i = 0;

  constructor(private readonly text: string) {
    this.lex();
  }

  private lex(): void {
    const s = this.text;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === ' ' || c === '\t') {
        i++;
        continue;
      }
      if (c === ',' || c === '(' || c === ')') {
        this.toks.push({ t: c, v: c } as Tok);
        i++;
        continue;
      }
      if (c === '=' || c === '!' || c === '>' || c === '<') {
        let op = c;
        if ((c === '=' || c === '!') && s[i + 1] === '=') op += '=';
        i += op.length;
        this.toks.push({ t: 'op', v: op });
        continue;
      }
      let j = i;
      while (j < s.length && !' \t,()=!<>'.includes(s[j])) j++;
      this.toks.push({ t: 'id', v: s.slice(i, j) });
      i = j;
    }
    this.toks.push({ t: 'end', v: '' });
  }

  private peek(): Tok {
    return this.toks[this.i];
  }
  private next(): Tok {
    return this.toks[this.i++];
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    if (this.peek().t === 'end') return reqs;
    for (;;) {
      reqs.push(this.requirement());
      const t = this.next();
      if (t.t === 'end') break;
      if (t.t !== ',') throw this.err(`found '${t.v}', expected: ',' or 'end of string'`);
    }
    reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return reqs;
  }

  private err(msg: string): LabelSelectorError {
    return new LabelSelectorError(`unable to parse requirement: ${msg}`);
  }

  private requirement(): Requirement {
    let t = this.next();
    if (t.t === 'op' && t.v === '!') {
      const k = this.next();
      if (k.t !== 'id') throw this.err(`found '${k.v}', expected: identifier`);
      validateKey(k.v);
      return { key: k.v, op: '!', values: [] };
    }
    if (t.t !== 'id') throw this.err(`found '${t.v}', expected: !, identifier, or 'end of string'`);
    const key = t.v;
    validateKey(key);
    const p = this.peek();
    if (p.t === ',' || p.t === 'end') return { key, op: 'exists', values: [] };
    t = this.next();
    if (t.t === 'id' && (t.v === 'in' || t.v === 'notin')) {
      const open = this.next();
      if (open.t !== '(') throw this.err(`found '${open.v}', expected: '('`);
      const values: string[] = [];
      for (;;) {
        let v = this.next();
        if (v.t === ')' && values.length === 0) break;
        if (v.t === ',') {
          values.push('');
          continue;
        }
        if (v.t !== 'id') throw this.err(`found '${v.v}', expected: ',', ')' or identifier`);
        validateValue(v.v);
        values.push(v.v);
        v = this.next();
        if (v.t === ')') break;
        if (v.t !== ',') throw this.err(`found '${v.v}', expected: ',' or ')'`);
      }
      return { key, op: t.v, values };
    }
    if (t.t !== 'op') throw this.err(`found '${t.v}', expected: in, notin, =, ==, !=, gt, lt`);
    const op = t.v === '>' ? 'gt' : t.v === '<' ? 'lt' : (t.v as Operator);
    if (!['=', '==', '!=', 'gt', 'lt'].includes(op)) throw this.err(`found '${t.v}', expected: in, notin, =, ==, !=, gt, lt`);
    const v = this.peek();
    let value = '';
    if (v.t === 'id') {
      this.next();
      value = v.v;
    } else if (v.t !== ',' && v.t !== 'end') {
      throw this.err(`found '${v.v}', expected: identifier`);
    }
    if ((op === 'gt' || op === 'lt') && !/^-?\d+$/.test(value)) {
      throw this.err(`for 'Gt', 'Lt' operators, the value must be an integer`);
    }
    validateValue(value);
    return { key, op, values: [value] };
  }
}

const nameRe = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const prefixRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function validateKey(key: string): void {
  const slash = key.lastIndexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefix = slash >= 0 ? key.slice(0, slash) : '';
  const bad = name.length === 0 || name.length > 63 || !nameRe.test(name) || (slash >= 0 && (!prefix || prefix.length > 253 || !prefixRe.test(prefix)));
  if (bad) {
    throw new LabelSelectorError(
      `unable to parse requirement: invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  }
}

function validateValue(v: string): void {
  if (v === '') return;
  if (v.length > 63 || !nameRe.test(v)) {
    throw new LabelSelectorError(
      `unable to parse requirement: values[0][${v}]: Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  }
}
