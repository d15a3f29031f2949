// awk, the parser: BEGIN/END, /regex/ and expression patterns, actions with print, printf, if,
// while, for, for-in, next, exit, delete, and expressions with fields, arrays and the usual operators.

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; re: RegExp }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'idx'; name: string; keys: Expr[] }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'in'; key: Expr[]; name: string }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'group'; e: Expr };

export type Stmt =
  | { k: 'print'; args: Expr[]; printf: boolean; dest?: { append: boolean; e: Expr } }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; c: Expr; a: Stmt; b: Stmt | null }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; c: Expr; body: Stmt }
  | { k: 'for'; init: Expr | null; c: Expr | null; step: Expr | null; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; e: Expr | null }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; name: string; keys: Expr[] | null };

export interface Rule {
  pattern: Expr | 'BEGIN' | 'END' | null;
  action: Stmt[] | null;
}

export class AwkSyntaxError extends Error {}

type Tok = { t: 'num' | 'str' | 'name' | 'func' | 're' | 'op' | 'nl' | 'eof'; v: string };

const KEYWORDS = new Set(['BEGIN', 'END', 'print', 'printf', 'if', 'else', 'while', 'do', 'for', 'in', 'next', 'exit', 'break', 'continue', 'delete', 'getline', 'function', 'return']);
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '!~', '>>', '**',
  '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const lastSignificant = (): Tok | undefined => out[out.length - 1];
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || (c === '\\' && src[i + 1] === '\n')) {
      i += c === '\\' ? 2 : 1;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      out.push({ t: 'nl', v: '\n' });
      i++;
      continue;
    }
    const num = /^(\d+\.?\d*([eE][-+]?\d+)?|\.\d+)/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      i += name[0].length;
      out.push({ t: !KEYWORDS.has(name[0]) && src[i] === '(' ? 'func' : 'name', v: name[0] });
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\') {
          const n = src[++i];
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n === '\\' ? '\\' : n === '"' ? '"' : n === '/' ? '/' : '\\' + n;
        } else s += src[i];
        i++;
      }
      if (i >= src.length) throw new AwkSyntaxError('unterminated string');
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    const prev = lastSignificant();
    const regexAllowed = !prev || (prev.t === 'op' && prev.v !== ')' && prev.v !== ']' && prev.v !== '$') || prev.t === 'nl';
    if (c === '/' && regexAllowed) {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\\' && src[i + 1] === '/') {
          s += '/';
          i += 2;
          continue;
        }
        s += src[i++];
      }
      if (i >= src.length) throw new AwkSyntaxError('unterminated regexp');
      i++;
      out.push({ t: 're', v: s });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(`unexpected character '${c}'`);
    out.push({ t: 'op', v: op === '**' ? '^' : op });
    i += op.length;
  }
  out.push({ t: 'eof', v: '' });
  return out;
}

export class AwkParser {
  private toks: Tok[];
  private i = 0;
  /** Inside print's argument list an unparenthesised `>` is a redirection, not a comparison. */
  private noGt = false;

  constructor(
    src: string,
    private readonly regex: (s: string) => RegExp,
  ) {
    this.toks = tokenize(src);
  }

  private peek(): Tok {
    return this.toks[this.i];
  }

  private is(v: string): boolean {
    const t = this.toks[this.i];
    return (t.t === 'op' || t.t === 'name') && t.v === v;
  }

  private eat(v: string): void {
    if (!this.is(v)) throw new AwkSyntaxError(`syntax error at '${this.peek().v || 'end'}'`);
    this.i++;
  }

  private skipNl(): void {
    while (this.peek().t === 'nl' || this.is(';')) this.i++;
  }

  program(): Rule[] {
    const rules: Rule[] = [];
    this.skipNl();
    while (this.peek().t !== 'eof') {
      let pattern: Rule['pattern'] = null;
      if (this.is('BEGIN') || this.is('END')) pattern = this.toks[this.i++].v as 'BEGIN' | 'END';
      else if (!this.is('{')) pattern = this.expr();
      const action = this.is('{') ? this.block() : null;
      rules.push({ pattern, action });
      this.skipNl();
    }
    return rules;
  }

  private block(): Stmt[] {
    this.eat('{');
    const body: Stmt[] = [];
    this.skipNl();
    while (!this.is('}')) {
      if (this.peek().t === 'eof') throw new AwkSyntaxError("missing '}'");
      body.push(this.stmt());
      this.skipNl();
    }
    this.eat('}');
    return body;
  }

  /** `print … > "file"` / `>> "file"`. */
  private withDest(s: Extract<Stmt, { k: 'print' }>): Stmt {
    if (this.is('>') || this.is('>>')) {
      const append = this.toks[this.i++].v === '>>';
      return { ...s, dest: { append, e: this.primary() } };
    }
    return s;
  }

  private atStmtEnd(): boolean {
    const t = this.peek();
    return t.t === 'nl' || t.t === 'eof' || this.is(';') || this.is('}') || this.is('>') || this.is('>>') || this.is('|');
  }

  private simpleOrBlock(): Stmt {
    this.skipNl();
    return this.is('{') ? { k: 'block', body: this.block() } : this.stmt();
  }

  private stmt(): Stmt {
    const t = this.peek();
    if (this.is('{')) return { k: 'block', body: this.block() };
    if (t.t === 'name') {
      switch (t.v) {
        case 'print':
        case 'printf': {
          this.i++;
          const args: Expr[] = [];
          if (this.is('(')) {
            // print (a, b): a parenthesised argument list, if nothing but the statement end follows.
            const save = this.i;
            try {
              this.i++;
              const list = [this.expr()];
              while (this.is(',')) {
                this.i++;
                list.push(this.expr());
              }
              this.eat(')');
              if (this.atStmtEnd()) return this.withDest({ k: 'print', args: list, printf: t.v === 'printf' });
            } catch (e) {
              if (!(e instanceof AwkSyntaxError)) throw e;
            }
            this.i = save;
          }
          this.noGt = true;
          if (!this.atStmtEnd()) {
            args.push(this.expr());
            while (this.is(',')) {
              this.i++;
              args.push(this.expr());
            }
          }
          this.noGt = false;
          return this.withDest({ k: 'print', args, printf: t.v === 'printf' });
        }
        case 'if': {
          this.i++;
          this.eat('(');
          const c = this.expr();
          this.eat(')');
          const a = this.simpleOrBlock();
          let j = this.i;
          while (this.toks[j].t === 'nl' || (this.toks[j].t === 'op' && this.toks[j].v === ';')) j++;
          if (this.toks[j].t === 'name' && this.toks[j].v === 'else') {
            this.i = j + 1;
            return { k: 'if', c, a, b: this.simpleOrBlock() };
          }
          return { k: 'if', c, a, b: null };
        }
        case 'while': {
          this.i++;
          this.eat('(');
          const c = this.expr();
          this.eat(')');
          return { k: 'while', c, body: this.simpleOrBlock() };
        }
        case 'do': {
          this.i++;
          const body = this.simpleOrBlock();
          this.skipNl();
          this.eat('while');
          this.eat('(');
          const c = this.expr();
          this.eat(')');
          return { k: 'do', c, body };
        }
        case 'for': {
          this.i++;
          this.eat('(');
          const t1 = this.toks[this.i];
          const t2 = this.toks[this.i + 1];
          const t3 = this.toks[this.i + 2];
          if (t1.t === 'name' && t2.t === 'name' && t2.v === 'in' && t3.t === 'name') {
            this.i += 3;
            this.eat(')');
            return { k: 'forin', v: t1.v, arr: t3.v, body: this.simpleOrBlock() };
          }
          const init = this.is(';') ? null : this.expr();
          this.eat(';');
          const c = this.is(';') ? null : this.expr();
          this.eat(';');
          const step = this.is(')') ? null : this.expr();
          this.eat(')');
          return { k: 'for', init, c, step, body: this.simpleOrBlock() };
        }
        case 'next': this.i++; return { k: 'next' };
        case 'break': this.i++; return { k: 'break' };
        case 'continue': this.i++; return { k: 'continue' };
        case 'exit': {
          this.i++;
          const e = this.is(';') || this.is('}') || this.peek().t === 'nl' || this.peek().t === 'eof' ? null : this.expr();
          return { k: 'exit', e };
        }
        case 'delete': {
          this.i++;
          const name = this.toks[this.i++].v;
          if (!this.is('[')) return { k: 'delete', name, keys: null };
          this.i++;
          const keys = [this.expr()];
          while (this.is(',')) {
            this.i++;
            keys.push(this.expr());
          }
          this.eat(']');
          return { k: 'delete', name, keys };
        }
      }
    }
    return { k: 'expr', e: this.expr() };
  }

  expr(): Expr {
    return this.ternary();
  }

  private ternary(): Expr {
    const c = this.binary(0);
    if (this.is('?')) {
      this.i++;
      const a = this.ternary();
      this.eat(':');
      return { k: 'cond', c, a, b: this.ternary() };
    }
    if (this.peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(this.peek().v) && (c.k === 'var' || c.k === 'field' || c.k === 'idx')) {
      const op = this.toks[this.i++].v;
      return { k: 'assign', op, target: c, e: this.ternary() };
    }
    return c;
  }

  private static readonly LEVELS: string[][] = [['||'], ['&&'], ['in'], ['~', '!~'], ['<', '<=', '>', '>=', '!=', '=='], ['concat'], ['+', '-'], ['*', '/', '%']];

  private binary(level: number): Expr {
    if (level >= AwkParser.LEVELS.length) return this.unary();
    const ops = AwkParser.LEVELS[level];
    let a = this.binary(level + 1);
    for (;;) {
      if (ops[0] === 'concat') {
        const t = this.peek();
        const starts = t.t === 'num' || t.t === 'str' || t.t === 'func' || t.t === 're' || (t.t === 'name' && !KEYWORDS.has(t.v)) || (t.t === 'op' && ['$', '!', '(', '-', '+', '++', '--'].includes(t.v) && !(t.v === '-' || t.v === '+'));
        if (!starts) return a;
        a = { k: 'bin', op: 'concat', a, b: this.binary(level + 1) };
        continue;
      }
      if (ops[0] === 'in' && this.is('in')) {
        this.i++;
        const name = this.toks[this.i++].v;
        a = { k: 'in', key: [a], name };
        continue;
      }
      const t = this.peek();
      if (t.t !== 'op' || !ops.includes(t.v) || (this.noGt && t.v === '>')) return a;
      this.i++;
      if (t.v === '&&' || t.v === '||') this.skipNl();
      a = { k: 'bin', op: t.v, a, b: this.binary(level + 1) };
    }
  }

  private unary(): Expr {
    if (this.is('!')) {
      this.i++;
      return { k: 'un', op: '!', e: this.unary() };
    }
    if (this.is('-') || this.is('+')) {
      const op = this.toks[this.i++].v;
      return { k: 'un', op, e: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const a = this.postfix();
    if (this.is('^')) {
      this.i++;
      return { k: 'bin', op: '^', a, b: this.unary() };
    }
    return a;
  }

  private postfix(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.toks[this.i++].v as '++' | '--';
      return { k: 'incdec', op, prefix: true, target: this.primary() };
    }
    const e = this.primary();
    if ((this.is('++') || this.is('--')) && (e.k === 'var' || e.k === 'field' || e.k === 'idx')) {
      const op = this.toks[this.i++].v as '++' | '--';
      return { k: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.toks[this.i++];
    switch (t.t) {
      case 'num': return { k: 'num', v: Number(t.v) };
      case 'str': return { k: 'str', v: t.v };
      case 're': return { k: 're', re: this.regex(t.v) };
      case 'func': {
        this.eat('(');
        const args: Expr[] = [];
        if (!this.is(')')) {
          args.push(this.expr());
          while (this.is(',')) {
            this.i++;
            args.push(this.expr());
          }
        }
        this.eat(')');
        return { k: 'call', name: t.v, args };
      }
      case 'name': {
        if (KEYWORDS.has(t.v)) throw new AwkSyntaxError(`syntax error at '${t.v}'`);
        if (this.is('[')) {
          this.i++;
          const keys = [this.expr()];
          while (this.is(',')) {
            this.i++;
            keys.push(this.expr());
          }
          this.eat(']');
          return { k: 'idx', name: t.v, keys };
        }
        if (t.v === 'length') return { k: 'call', name: 'length', args: [] };
        return { k: 'var', name: t.v };
      }
      case 'op':
        if (t.v === '$') return { k: 'field', e: this.postfixNoIncr() };
        if (t.v === '(') {
          const saved = this.noGt;
          this.noGt = false;
          const e = this.expr();
          if (this.is(',')) {
            // (a, b) in arr
            const keys = [e];
            while (this.is(',')) {
              this.i++;
              keys.push(this.expr());
            }
            this.eat(')');
            this.noGt = saved;
            this.eat('in');
            return { k: 'in', key: keys, name: this.toks[this.i++].v };
          }
          this.eat(')');
          this.noGt = saved;
          return { k: 'group', e };
        }
    }
    throw new AwkSyntaxError(`syntax error at '${t.v || 'end'}'`);
  }

  /** `$` binds tighter than ++: $i++ is ($i)++. */
  private postfixNoIncr(): Expr {
    if (this.is('-') || this.is('!')) return this.unary();
    return this.primary();
  }
}
