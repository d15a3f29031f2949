// bash's brace expansion ({a,b}, {1..5}, {a..e}, {1..9..2}) on the unquoted literal parts of a word.

import type { Word } from './ast';

/** bash's brace expansion on the unquoted literal parts of a word: a{b,c}d → abd acd, {1..3} → 1 2 3. */
export function braceExpand(w: Word): Word[] {
  for (let k = 0; k < w.parts.length; k++) {
    const p = w.parts[k];
    if (p.type !== 'lit') continue;
    const alts = braceAlternatives(p.text);
    if (!alts) continue;
    const out: Word[] = [];
    for (const text of alts) {
      const parts = w.parts.slice();
      parts[k] = { type: 'lit', text };
      out.push(...braceExpand({ parts, raw: w.raw, literal: null }));
    }
    return out;
  }
  return [w];
}

/** The texts one brace group in s expands to, or null when it has none. */
function braceAlternatives(s: string): string[] | null {
  for (let open = s.indexOf('{'); open >= 0; open = s.indexOf('{', open + 1)) {
    let depth = 0;
    const commas: number[] = [];
    let close = -1;
    for (let i = open + 1; i < s.length; i++) {
      if (s[i] === '{') depth++;
      else if (s[i] === '}') {
        if (depth === 0) {
          close = i;
          break;
        }
        depth--;
      } else if (s[i] === ',' && depth === 0) commas.push(i);
    }
    if (close < 0) return null;
    const pre = s.slice(0, open);
    const post = s.slice(close + 1);
    const body = s.slice(open + 1, close);
    if (commas.length) {
      const items: string[] = [];
      let from = open + 1;
      for (const c of [...commas, close]) {
        items.push(s.slice(from, c));
        from = c + 1;
      }
      return items.map((it) => pre + it + post);
    }
    const m = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body) ?? /^([a-zA-Z])\.\.([a-zA-Z])()$/.exec(body);
    if (m) {
      const num = /\d/.test(m[1]);
      const a = num ? Number(m[1]) : m[1].charCodeAt(0);
      const b = num ? Number(m[2]) : m[2].charCodeAt(0);
      const step = Math.abs(Number(m[3] || 1)) || 1;
      const width = num && (/^-?0\d/.test(m[1]) || /^-?0\d/.test(m[2])) ? Math.max(m[1].length, m[2].length) : 0;
      const items: string[] = [];
      for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
        items.push(num ? String(v).padStart(width, '0') : String.fromCharCode(v));
      }
      return items.map((it) => pre + it + post);
    }
  }
  return null;
}
