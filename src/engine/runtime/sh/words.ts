// Word scanning: quotes, backslashes, $name / ${…} / $(…) / `…` / $((…)) and tilde, producing the
// parts of one word. Used for ordinary words, "…", here-document bodies, ${…} operands and arithmetic.

import type { ParamOp, ParamPart, Word, WordPart } from './ast';
import { ShellSyntaxError } from './errors';
import type { SubstParser } from './lexer';

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const GLOB = /[*?[]/;
/** A candidate for bash's brace expansion ({a,b} or {1..3}): such words skip the literal fast path. */
const BRACE = /\{[^{}]*(,|\.\.)[^{}]*\}/;
const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '$', '!', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

type Mode = 'word' | 'dq' | 'heredoc' | 'brace' | 'pattern' | 'arith' | 'regex';

/** Accumulates parts, merging adjacent literal text of the same kind. */
class Parts {
  readonly list: WordPart[] = [];
  private buf = '';
  private bufType: 'lit' | 'sq' = 'lit';

  text(type: 'lit' | 'sq', s: string): void {
    if (this.buf && this.bufType !== type) this.flush();
    this.bufType = type;
    this.buf += s;
  }

  push(p: WordPart): void {
    this.flush();
    this.list.push(p);
  }

  flush(): void {
    if (this.buf) {
      this.list.push({ type: this.bufType, text: this.buf });
      this.buf = '';
    }
  }

  get empty(): boolean {
    return this.list.length === 0 && this.buf === '';
  }
}

export class WordScanner {
  constructor(
    private src: string,
    private readonly subst: SubstParser,
    private readonly lineAt: (pos: number) => number,
    private readonly partial = false,
  ) {}

  private fail(detail: ConstructorParameters<typeof ShellSyntaxError>[0], pos: number): never {
    throw new ShellSyntaxError(detail, this.lineAt(pos));
  }

  scanWord(start: number): { word: Word; end: number } {
    const { parts, end } = this.scan(start, 'word');
    return { word: makeWord(parts, this.src.slice(start, end)), end };
  }

  scanArith(start: number): { word: Word; end: number } {
    const { parts, end } = this.scan(start, 'arith');
    return { word: makeWord(parts, this.src.slice(start, end - 2)), end };
  }

  scanRegex(start: number): { word: Word | null; end: number } {
    const { parts, end } = this.scan(start, 'regex');
    if (end === start) return { word: null, end };
    return { word: makeWord(parts, this.src.slice(start, end)), end };
  }

  /** An unquoted here-document body: `$` expansions and `\$ \` \\ \newline` escapes only. */
  scanHeredocBody(body: string): Word {
    const saved = this.src;
    this.src = body;
    try {
      const { parts } = this.scan(0, 'heredoc');
      return makeWord(parts, body);
    } finally {
      this.src = saved;
    }
  }

  /**
   * Scans from `pos` in the given mode. Ends at a metacharacter ('word'), before `"` ('dq'), before
   * an unmatched `}` ('brace'), before `/` or `}` ('pattern'), after `))` ('arith'), at end ('heredoc').
   */
  private scan(pos: number, mode: Mode): { parts: WordPart[]; end: number } {
    const src = this.src;
    const out = new Parts();
    const quoted = mode === 'dq' || mode === 'heredoc' || mode === 'arith';
    const litType = quoted ? 'sq' : 'lit';
    let depth = 0; // parentheses in arithmetic and regex words, braces in ${…} operands
    const wordStart = pos;
    for (;;) {
      if (pos >= src.length) {
        if (mode === 'word' || mode === 'heredoc' || mode === 'regex') break;
        if (mode === 'dq') this.fail({ kind: 'match', char: '"' }, pos);
        if (mode === 'arith') this.fail({ kind: 'match', char: ')' }, pos);
        this.fail({ kind: 'match', char: '}' }, pos);
      }
      const c = src[pos];
      if (mode === 'word' && META.has(c)) break;
      if (mode === 'regex') {
        // A [[ … =~ regex ]] operand: parentheses and | are part of the regex.
        if (c === '(' || c === ')' || c === '|') {
          if (c === ')' && depth === 0) break;
          depth += c === '(' ? 1 : c === ')' ? -1 : 0;
          out.text('lit', c);
          pos++;
          continue;
        }
        if (depth === 0 && META.has(c)) break;
      }
      if (mode === 'dq' && c === '"') break;
      if ((mode === 'brace' || mode === 'pattern') && c === '}') {
        if (depth === 0) break;
        depth--;
      }
      if (mode === 'brace' && c === '{') depth++;
      if (mode === 'pattern' && c === '/') break;
      if (mode === 'arith') {
        if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) {
            if (src[pos + 1] === ')') {
              pos += 2;
              break;
            }
            this.fail({ kind: 'token', token: ')' }, pos);
          }
          depth--;
        }
      }
      if (c === '\\') {
        const n = src[pos + 1];
        if (n === '\n') {
          pos += 2; // line continuation vanishes everywhere outside single quotes
          if (this.partial && pos >= src.length && mode !== 'heredoc') this.fail({ kind: 'eof', expecting: null }, pos);
          continue;
        }
        if (n === undefined) {
          if (this.partial && mode !== 'heredoc') this.fail({ kind: 'eof', expecting: null }, pos);
          out.text(litType, '\\');
          pos++;
          continue;
        }
        if (quoted) {
          // Inside "…" a backslash escapes only $ ` " \ (and " not in here-documents).
          if (n === '$' || n === '`' || n === '\\' || (n === '"' && mode !== 'heredoc')) out.text('sq', n);
          else out.text('sq', '\\' + n);
        } else out.push({ type: 'sq', text: n });
        pos += 2;
        continue;
      }
      if (c === "'" && !quoted) {
        const close = src.indexOf("'", pos + 1);
        if (close < 0) this.fail({ kind: 'match', char: "'" }, pos);
        out.push({ type: 'sq', text: src.slice(pos + 1, close) });
        pos = close + 1;
        continue;
      }
      if (c === '"' && !quoted) {
        const inner = this.scan(pos + 1, 'dq');
        out.push({ type: 'dq', parts: inner.parts });
        pos = inner.end + 1;
        continue;
      }
      if (c === '$') {
        const r = this.dollar(pos, quoted);
        if (r) {
          out.push(r.part);
          pos = r.end;
          continue;
        }
      }
      if (c === '`') {
        const r = this.backtick(pos, mode === 'dq');
        out.push(r.part);
        pos = r.end;
        continue;
      }
      if (c === '~' && mode === 'word' && pos === wordStart) {
        let i = pos + 1;
        while (i < src.length && /[A-Za-z0-9._-]/.test(src[i])) i++;
        if (i >= src.length || src[i] === '/' || META.has(src[i])) {
          out.push({ type: 'tilde', user: src.slice(pos + 1, i) });
          pos = i;
          continue;
        }
      }
      out.text(litType, c);
      pos++;
    }
    out.flush();
    return { parts: out.list, end: pos };
  }

  /** `$…` at pos; null when the `$` is just a character. */
  private dollar(pos: number, inQuotes: boolean): { part: WordPart; end: number } | null {
    const src = this.src;
    const n = src[pos + 1];
    if (n === '{') return this.braceParam(pos);
    if (n === '(') {
      if (src[pos + 2] === '(') {
        const r = this.scan(pos + 3, 'arith');
        return { part: { type: 'arith', expr: makeWord(r.parts, src.slice(pos + 3, r.end - 2)) }, end: r.end };
      }
      const r = this.subst(src, pos + 2);
      return { part: { type: 'cmdsub', body: r.script }, end: r.end };
    }
    if (n === "'" && !inQuotes) {
      const r = ansiC(src, pos + 2);
      if (r.end < 0) this.fail({ kind: 'match', char: "'" }, pos);
      return { part: { type: 'sq', text: r.text }, end: r.end };
    }
    if (n !== undefined && SPECIAL_PARAMS.has(n)) {
      return { part: param(n, '', null, null, src.slice(pos, pos + 2)), end: pos + 2 };
    }
    if (n !== undefined && /[A-Za-z_]/.test(n)) {
      let i = pos + 2;
      while (i < src.length && /[A-Za-z0-9_]/.test(src[i])) i++;
      return { part: param(src.slice(pos + 1, i), '', null, null, src.slice(pos, i)), end: i };
    }
    return null;
  }

  private braceParam(pos: number): { part: WordPart; end: number } {
    const src = this.src;
    let i = pos + 2;
    let length = false;
    if (src[i] === '#' && src[i + 1] !== '}' && /[A-Za-z0-9_@*#?$!-]/.test(src[i + 1] ?? '')) {
      length = true;
      i++;
    }
    let name = '';
    if (/[A-Za-z_]/.test(src[i] ?? '')) {
      const s = i;
      while (/[A-Za-z0-9_]/.test(src[i] ?? '')) i++;
      name = src.slice(s, i);
    } else if (/[0-9]/.test(src[i] ?? '')) {
      const s = i;
      while (/[0-9]/.test(src[i] ?? '')) i++;
      name = src.slice(s, i);
    } else if (SPECIAL_PARAMS.has(src[i] ?? '')) {
      name = src[i++];
    }
    if (i >= src.length) this.fail({ kind: 'match', char: '}' }, pos);
    if (length) {
      if (src[i] !== '}') return this.badParam(pos);
      return { part: param(name, 'len', null, null, src.slice(pos, i + 1)), end: i + 1 };
    }
    if (src[i] === '}') {
      if (!name) return this.badParam(pos);
      return { part: param(name, '', null, null, src.slice(pos, i + 1)), end: i + 1 };
    }
    if (!name) return this.badParam(pos);
    let op: ParamOp;
    const two = src.slice(i, i + 2);
    if (two === ':-' || two === ':=' || two === ':?' || two === ':+' || two === '##' || two === '%%' || two === '//' || two === '/#' || two === '/%' || two === '^^' || two === ',,') {
      op = two as ParamOp;
      i += 2;
    } else if ('-=?+#%/^,'.includes(src[i])) {
      op = src[i] as ParamOp;
      i++;
    } else if (src[i] === ':') {
      op = 'substr';
      i++;
    } else return this.badParam(pos);
    const isPattern = op === '/' || op === '//' || op === '/#' || op === '/%';
    const a = op === 'substr' ? this.scanSubstrPart(i) : this.scan(i, isPattern ? 'pattern' : 'brace');
    let arg2: Word | null = null;
    let end = a.end;
    if ((isPattern && src[end] === '/') || (op === 'substr' && src[end] === ':')) {
      const b = op === 'substr' ? this.scanSubstrPart(end + 1) : this.scan(end + 1, 'brace');
      arg2 = makeWord(b.parts, src.slice(end + 1, b.end));
      end = b.end;
    }
    if (src[end] !== '}') this.fail({ kind: 'match', char: '}' }, pos);
    const arg = makeWord(a.parts, src.slice(i, a.end));
    return { part: param(name, op, arg, arg2, src.slice(pos, end + 1)), end: end + 1 };
  }

  /** An offset or length of `${v:off:len}`: up to `:` or `}`. */
  private scanSubstrPart(pos: number): { parts: WordPart[]; end: number } {
    const src = this.src;
    let i = pos;
    while (i < src.length && src[i] !== ':' && src[i] !== '}') i++;
    const sub = new WordScanner(src.slice(0, i), this.subst, this.lineAt, this.partial);
    const r = sub.scan(pos, 'heredoc');
    return { parts: r.parts, end: i };
  }

  /** `${…}` that is not valid: keep its text; expansion reports "bad substitution". */
  private badParam(pos: number): { part: WordPart; end: number } {
    const src = this.src;
    let depth = 0;
    for (let i = pos + 2; i < src.length; i++) {
      if (src[i] === '{') depth++;
      else if (src[i] === '}') {
        if (depth === 0) return { part: param('', 'bad', null, null, src.slice(pos, i + 1)), end: i + 1 };
        depth--;
      }
    }
    return this.fail({ kind: 'match', char: '}' }, pos);
  }

  private backtick(pos: number, inDq: boolean): { part: WordPart; end: number } {
    const src = this.src;
    let inner = '';
    let i = pos + 1;
    for (;;) {
      if (i >= src.length) this.fail({ kind: 'match', char: '`' }, pos);
      const c = src[i];
      if (c === '`') break;
      if (c === '\\') {
        const n = src[i + 1];
        if (n === '$' || n === '`' || n === '\\' || (inDq && n === '"')) {
          inner += n;
          i += 2;
          continue;
        }
      }
      inner += c;
      i++;
    }
    const r = this.subst(inner + '\n)', 0);
    return { part: { type: 'cmdsub', body: r.script }, end: i + 1 };
  }
}

function param(name: string, op: ParamOp, arg: Word | null, arg2: Word | null, raw: string): ParamPart {
  return { type: 'param', name, op, arg, arg2, raw };
}

export function makeWord(parts: WordPart[], raw: string): Word {
  let literal: string | null = '';
  for (const p of parts) {
    if (p.type === 'sq') literal += p.text;
    else if (p.type === 'lit' && !GLOB.test(p.text) && !BRACE.test(p.text)) literal += p.text;
    else if (p.type === 'dq' && p.parts.every((q) => q.type === 'sq')) {
      for (const q of p.parts) literal += (q as { text: string }).text;
    } else {
      literal = null;
      break;
    }
  }
  return { parts, raw, literal };
}

/** `$'…'` body from pos: returns the decoded text and the index after the closing quote (-1 if none). */
function ansiC(src: string, pos: number): { text: string; end: number } {
  let out = '';
  let i = pos;
  while (i < src.length) {
    const c = src[i];
    if (c === "'") return { text: out, end: i + 1 };
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const n = src[i + 1];
    i += 2;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
    if (n in simple) out += simple[n];
    else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(src.slice(i, i + 2));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else if (n >= '0' && n <= '7') {
      const m = /^[0-7]{1,3}/.exec(src.slice(i - 1, i + 2))!;
      out += String.fromCharCode(parseInt(m[0], 8));
      i += m[0].length - 1;
    } else out += '\\' + (n ?? '');
  }
  return { text: out, end: -1 };
}
