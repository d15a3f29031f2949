// Shell arithmetic ($(( )), (( )), let): 64-bit integers (BigInt, wrapping like bash), C operators,
// assignments, ++/--, ?:, commas; variables are read and written through callbacks.

export class ArithError extends Error {
  constructor(
    message: string,
    /** Text from the offending token to the end of the expression (bash's "error token"). */
    readonly token: string,
    /** busybox wording: "arithmetic syntax error" or "divide by zero". */
    readonly busybox: string,
  ) {
    super(message);
  }
}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { k: 'num'; v: bigint; pos: number } | { k: 'id'; v: string; pos: number } | { k: 'op'; v: string; pos: number } | { k: 'end'; pos: number };

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=',
  '+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '!', '~', '?', ':', '=', '(', ')', ','];

const BINARY: Record<string, number> = {
  ',': 1, '||': 4, '&&': 5, '|': 6, '^': 7, '&': 8, '==': 9, '!=': 9, '<': 10, '>': 10, '<=': 10, '>=': 10,
  '<<': 11, '>>': 11, '+': 12, '-': 12, '*': 13, '/': 13, '%': 13, '**': 14,
};
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^=']);

const wrap = (n: bigint): bigint => BigInt.asIntN(64, n);

/** Evaluates an expression (already $-expanded). Throws ArithError. */
export function evaluateArith(text: string, vars: ArithVars, depth = 0): bigint {
  const p = new ArithParser(text, vars, depth);
  if (p.peek().k === 'end') return 0n;
  const v = p.expr(0);
  if (p.peek().k !== 'end') p.fail('syntax error in expression', p.peek());
  return v;
}

class ArithParser {
  private toks: Tok[] = [];
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly vars: ArithVars,
    private readonly depth: number,
  ) {
    this.tokenize();
  }

  private tokenize(): void {
    const s = this.text;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === ' ' || c === '\t' || c === '\n') {
        i++;
        continue;
      }
      const m = /^(0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9]+)/.exec(s.slice(i));
      if (m) {
        const after = s[i + m[0].length];
        if (after && /[A-Za-z_]/.test(after)) this.fail('value too great for base', { k: 'end', pos: i });
        this.toks.push({ k: 'num', v: parseNumber(m[0], () => this.fail('value too great for base', { k: 'end', pos: i })), pos: i });
        i += m[0].length;
        continue;
      }
      const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
      if (id) {
        this.toks.push({ k: 'id', v: id[0], pos: i });
        i += id[0].length;
        continue;
      }
      const op = OPS.find((o) => s.startsWith(o, i));
      if (!op) this.fail('syntax error: invalid arithmetic operator', { k: 'end', pos: i });
      this.toks.push({ k: 'op', v: op, pos: i });
      i += op.length;
    }
    this.toks.push({ k: 'end', pos: s.length });
  }

  fail(msg: string, at: Tok): never {
    const token = this.text.slice(at.pos);
    const bb = msg.startsWith('division') ? 'divide by zero' : 'arithmetic syntax error';
    throw new ArithError(`${this.text.trimStart()}: ${msg} (error token is "${token}")`, token, bb);
  }

  peek(): Tok {
    return this.toks[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.toks[this.i];
    return t.k === 'op' && t.v === v;
  }

  /** Precedence climbing; `min` is the lowest binary precedence accepted. */
  expr(min: number): bigint {
    let left = this.assignment();
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op') break;
      if (t.v === '?' && min <= 3) {
        this.i++;
        const a = this.expr(1);
        if (!this.isOp(':')) this.fail("syntax error: `:' expected for conditional expression", this.peek());
        this.i++;
        const b = this.expr(3);
        left = left !== 0n ? a : b;
        continue;
      }
      const prec = BINARY[t.v];
      if (prec === undefined || prec < min) break;
      this.i++;
      const rhsTok = this.peek();
      // Short-circuit operators still parse their right side.
      const right = t.v === '**' ? this.expr(prec) : this.expr(prec + 1);
      left = this.binary(t.v, left, right, rhsTok);
    }
    return left;
  }

  private binary(op: string, a: bigint, b: bigint, rhs: Tok): bigint {
    switch (op) {
      case ',': return b;
      case '||': return a !== 0n || b !== 0n ? 1n : 0n;
      case '&&': return a !== 0n && b !== 0n ? 1n : 0n;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&': return a & b;
      case '==': return a === b ? 1n : 0n;
      case '!=': return a !== b ? 1n : 0n;
      case '<': return a < b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
      case '<<': return wrap(a << (b & 63n));
      case '>>': return a >> (b & 63n);
      case '+': return wrap(a + b);
      case '-': return wrap(a - b);
      case '*': return wrap(a * b);
      case '/': case '%':
        if (b === 0n) this.fail('division by 0', rhs);
        return op === '/' ? wrap(a / b) : a % b;
      case '**':
        if (b < 0n) this.fail('exponent less than 0', rhs);
        return wrap(a ** b);
    }
    return 0n;
  }

  private assignment(): bigint {
    const t = this.peek();
    const n = this.toks[this.i + 1];
    if (t.k === 'id' && n.k === 'op' && ASSIGN.has(n.v)) {
      this.i += 2;
      const rhsTok = this.peek();
      const rhs = this.expr(2);
      const cur = n.v === '=' ? 0n : this.varValue(t.v);
      const v = n.v === '=' ? rhs : this.binary(n.v.slice(0, -1), cur, rhs, rhsTok);
      this.vars.set(t.v, v.toString());
      return v;
    }
    return this.unary();
  }

  private unary(): bigint {
    const t = this.peek();
    if (t.k === 'op') {
      if (t.v === '++' || t.v === '--') {
        this.i++;
        const id = this.peek();
        if (id.k !== 'id') this.fail('syntax error: operand expected', id);
        this.i++;
        const v = wrap(this.varValue(id.v) + (t.v === '++' ? 1n : -1n));
        this.vars.set(id.v, v.toString());
        return v;
      }
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        this.i++;
        const v = this.unary();
        return t.v === '-' ? wrap(-v) : t.v === '+' ? v : t.v === '!' ? (v === 0n ? 1n : 0n) : ~v;
      }
      if (t.v === '(') {
        this.i++;
        const v = this.expr(0);
        if (!this.isOp(')')) this.fail('syntax error: missing closing parenthesis', this.peek());
        this.i++;
        return v;
      }
      this.fail('syntax error: operand expected', t);
    }
    // bash names the last token it read when the expression stops short.
    if (t.k === 'end') this.fail('syntax error: operand expected', this.i > 0 ? this.toks[this.i - 1] : t);
    this.i++;
    if (t.k === 'num') return t.v;
    const name = (t as { v: string }).v;
    const n = this.peek();
    if (n.k === 'op' && (n.v === '++' || n.v === '--')) {
      this.i++;
      const v = this.varValue(name);
      this.vars.set(name, wrap(v + (n.v === '++' ? 1n : -1n)).toString());
      return v;
    }
    return this.varValue(name);
  }

  private varValue(name: string): bigint {
    const s = this.vars.get(name);
    if (s === undefined || s.trim() === '') return 0n;
    const t = s.trim();
    if (/^-?[1-9][0-9]*$|^0$/.test(t)) return wrap(BigInt(t));
    if (this.depth > 10) this.fail('expression recursion level exceeded', this.peek());
    return evaluateArith(s, this.vars, this.depth + 1);
  }
}

function parseNumber(s: string, bad: () => never): bigint {
  if (/^0[xX]/.test(s)) return wrap(BigInt(s));
  const hash = s.indexOf('#');
  if (hash > 0) {
    const base = Number(s.slice(0, hash));
    if (base < 2 || base > 64) bad();
    let v = 0n;
    for (const ch of s.slice(hash + 1)) {
      const d = digitValue(ch, base);
      if (d < 0 || d >= base) bad();
      v = v * BigInt(base) + BigInt(d);
    }
    return wrap(v);
  }
  if (s.length > 1 && s[0] === '0') {
    if (/[89]/.test(s)) bad();
    return wrap(BigInt('0o' + s.slice(1)));
  }
  return wrap(BigInt(s));
}

function digitValue(ch: string, base: number): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'a' && ch <= 'z') return ch.charCodeAt(0) - 97 + 10;
  if (ch >= 'A' && ch <= 'Z') return base <= 36 ? ch.charCodeAt(0) - 65 + 10 : ch.charCodeAt(0) - 65 + 36;
  if (ch === '@') return 62;
  if (ch === '_') return 63;
  return -1;
}
