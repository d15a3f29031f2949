// Strict decoding checks straight over JSON text, as the apiserver reads a request body: unlike a parsed
// value this sees duplicate keys and the exact number literals ("number 1.50"). Expects valid JSON.

import { compositeMismatch, DecodeState, literal } from './decode-state';
import { type Node, type StructNode, UINT8 } from './nodes';

const RAW: Node = { k: 'raw', goType: 'interface {}' };

export class JsonWalker {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly st: DecodeState,
  ) {}

  run(node: Node): void {
    this.value(node);
  }

  private ws(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return;
      this.i++;
    }
  }

  private fail(): never {
    throw new SyntaxError(`invalid JSON at offset ${this.i}`);
  }

  private value(node: Node): void {
    this.ws();
    const c = this.text[this.i];
    const st = this.st;
    if (c === '{' || c === '[') {
      const kind = c === '{' ? 'object' : 'array';
      if (st.fatal) return this.skip();
      const start = this.i;
      const handled = compositeMismatch(node, kind, () => {
        this.skip();
        const raw = this.text.slice(start, this.i);
        this.i = start;
        return raw;
      }, st);
      if (handled) return this.skip();
      if (kind === 'array') return this.array(node.k === 'slice' ? node.elem : UINT8);
      return node.k === 'struct' ? this.struct(node) : this.map(node.k === 'map' ? node.elem : RAW);
    }
    if (c === '"') {
      const s = this.string();
      if (!st.fatal) literal(node, 'string', s, st);
      return;
    }
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.i, this.i + 400));
    if (!m) this.fail();
    this.i += m[0].length;
    if (st.fatal) return;
    const tok = m[0];
    literal(node, tok === 'null' ? 'null' : tok === 'true' || tok === 'false' ? 'bool' : 'number', tok, st);
  }

  private array(elem: Node): void {
    const st = this.st;
    this.i++; // [
    this.ws();
    if (this.text[this.i] === ']') {
      this.i++;
      return;
    }
    for (let n = 0; ; n++) {
      st.pushIndex(n);
      this.value(elem);
      st.parts.pop();
      this.ws();
      const c = this.text[this.i++];
      if (c === ']') break;
      if (c !== ',') this.fail();
    }
  }

  private struct(node: StructNode): void {
    const st = this.st;
    const outer = st.struct;
    const depth = st.fieldStack.length;
    const seen = new Set<string>();
    this.members((key) => {
      const field = node.fields.get(key);
      if (!field) {
        st.strictError('unknown', key);
        this.skip();
        return;
      }
      if (seen.has(key)) st.strictError('duplicate', key);
      seen.add(key);
      st.fieldStack.push(key);
      st.struct = node.name;
      st.pushKey(key);
      this.value(field);
      if (!st.fatal) {
        st.fieldStack.length = depth;
        st.struct = outer;
      }
      st.parts.pop();
    });
  }

  private map(elem: Node): void {
    const st = this.st;
    const seen = new Set<string>();
    this.members((key) => {
      if (seen.has(key)) st.strictError('duplicate', key);
      seen.add(key);
      st.pushKey(key);
      this.value(elem);
      st.parts.pop();
    });
  }

  /** Iterates `"key": value` members of an object; `each` must consume the value. */
  private members(each: (key: string) => void): void {
    this.i++; // {
    this.ws();
    if (this.text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.text[this.i] !== '"') this.fail();
      const key = this.string();
      this.ws();
      if (this.text[this.i++] !== ':') this.fail();
      each(key);
      this.ws();
      const c = this.text[this.i++];
      if (c === '}') return;
      if (c !== ',') this.fail();
    }
  }

  private string(): string {
    const t = this.text;
    const start = ++this.i;
    let simple = true;
    while (this.i < t.length) {
      const c = t[this.i];
      if (c === '"') break;
      if (c === '\\') {
        simple = false;
        this.i++;
      }
      this.i++;
    }
    if (this.i >= t.length) this.fail();
    const raw = t.slice(start, this.i);
    this.i++;
    return simple ? raw : (JSON.parse(`"${raw}"`) as string);
  }

  /** Skips one value without checking it (what Go does for unknown fields and skipped values). */
  private skip(): void {
    this.ws();
    const t = this.text;
    const c = t[this.i];
    if (c === '"') {
      this.string();
      return;
    }
    if (c === '{' || c === '[') {
      let depth = 0;
      while (this.i < t.length) {
        const d = t[this.i];
        if (d === '"') {
          this.string();
          continue;
        }
        this.i++;
        if (d === '{' || d === '[') depth++;
        else if (d === '}' || d === ']') {
          depth--;
          if (depth === 0) return;
        }
      }
      this.fail();
    }
    const m = /^[-+.\w]+/.exec(t.slice(this.i, this.i + 400));
    if (!m) this.fail();
    this.i += m[0].length;
  }
}
