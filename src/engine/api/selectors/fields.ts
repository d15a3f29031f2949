// Field selectors (?fieldSelector=spec.nodeName=worker-1,status.phase!=Running): parse and match.
// mirrors: apimachinery/pkg/fields/selector.go; supported fields per kind come from the registry.

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export class FieldSelectorError extends Error {}

export class FieldSelector {
  constructor(readonly requirements: readonly FieldRequirement[]) {}

  empty(): boolean {
    return this.requirements.length === 0;
  }

  /** get returns the field's value for an object (registry-provided). */
  matches(get: (field: string) => string | undefined): boolean {
    for (const r of this.requirements) {
      const v = get(r.field) ?? '';
      if (r.op === '=' ? v !== r.value : v === r.value) return false;
    }
    return true;
  }

  /** The value required for field, if the selector pins it with `=`. */
  exact(field: string): string | undefined {
    for (const r of this.requirements) if (r.field === field && r.op === '=') return r.value;
    return undefined;
  }

  toString(): string {
    return this.requirements.map((r) => `${r.field}${r.op}${r.value}`).join(',');
  }
}

/** Parses `a=b,c!=d` (also `==`); values may escape `,` `=` `\` with a backslash. */
export function parseFieldSelector(text: string): FieldSelector {
  const reqs: FieldRequirement[] = [];
  if (text.trim() === '') return new FieldSelector(reqs);
  for (const part of splitTerms(text)) {
    const m = /^([^=!]*)(==|!=|=)(.*)$/s.exec(part);
    if (!m) throw new FieldSelectorError(`invalid selector: '${text}'; can't understand '${part}'`);
    reqs.push({ field: m[1].trim(), op: m[2] === '!=' ? '!=' : '=', value: unescape(m[3]) });
  }
  return new FieldSelector(reqs);
}

function splitTerms(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[++i];
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}
