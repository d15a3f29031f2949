// go-yaml v2's emitter (libyaml's state machine) for the events sigs.k8s.io/yaml produces: block
// mappings and sequences, empty flow collections, and the plain / single / double-quoted / literal
// scalar writers with go-yaml's 80-column folding.
// mirrors: gopkg.in/yaml.v2 v2.4.0 emitterc.go (emit_block_*, select_scalar_style, write_*_scalar)

import { analyzeScalar, isBreak, isPrintable, type ScalarAnalysis } from './yaml-scalar';

export type Style = 'plain' | 'single' | 'double' | 'literal';
export interface ScalarNode {
  kind: 'scalar';
  text: string;
  style: Style;
  /** Cached emitter analysis (computed once, used for the simple-key check and the style). */
  analysis?: ScalarAnalysis;
}
export type YNode =
  | ScalarNode
  | { kind: 'seq'; items: YNode[] }
  | { kind: 'map'; entries: [YNode, YNode][] };

const SURROGATE = /[\ud800-\udfff]/;
/** Printable BMP text without '"', '\\' or a leading BOM: written between quotes as is. */
const SAFE_DOUBLE = /^[\x20-\x21\x23-\x5b\x5d-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*$/;

function analysisOf(node: ScalarNode): ScalarAnalysis {
  return (node.analysis ??= analyzeScalar(node.text));
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

interface Ctx {
  root?: boolean;
  sequence?: boolean;
  mapping?: boolean;
  simpleKey?: boolean;
}

const ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

/** The libyaml emitter state machine, specialised to the events sigs.k8s.io/yaml produces. */
export class Emitter {
  private out = '';
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;
  private flowLevel = 0;
  private readonly bestIndent = 2;
  private readonly bestWidth = 80;

  document(root: YNode): string {
    this.emitNode(root, { root: true });
    this.writeIndent(); // document end (implicit)
    return this.out;
  }

  private put(s: string): void {
    this.out += s;
    this.column += 1;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeCp(cp: number): void {
    this.out += String.fromCodePoint(cp);
    this.column += 1;
  }

  /** Appends text known to contain no line breaks; the column advances by its code points. */
  private writeRun(text: string): void {
    this.out += text;
    this.column += SURROGATE.test(text) ? Array.from(text).length : text.length;
  }

  private writeBreak(cp: number): void {
    if (cp === 0x0a) this.putBreak();
    else {
      this.writeCp(cp);
      this.column = 0;
    }
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? this.bestIndent : 0;
    else if (!indentless) this.indent += this.bestIndent;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.out += indicator;
    this.column += indicator.length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private emitNode(node: YNode, ctx: Ctx): void {
    if (node.kind === 'scalar') return this.emitScalar(node, ctx);
    const empty = node.kind === 'seq' ? node.items.length === 0 : node.entries.length === 0;
    if (this.flowLevel > 0 || empty) return this.emitEmptyFlow(node.kind === 'seq' ? '[' : '{', node.kind === 'seq' ? ']' : '}');
    if (node.kind === 'seq') this.emitBlockSequence(node.items, ctx);
    else this.emitBlockMapping(node.entries);
  }

  private emitEmptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.flowLevel++;
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private emitBlockSequence(items: YNode[], ctx: Ctx): void {
    this.increaseIndent(false, !!ctx.mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(item, { sequence: true });
    }
    this.popIndent();
  }

  private emitBlockMapping(entries: [YNode, YNode][]): void {
    this.increaseIndent(false, false);
    for (const [key, value] of entries) {
      this.writeIndent();
      if (this.isSimpleKey(key)) {
        this.emitNode(key, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitNode(key, { mapping: true });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(value, { mapping: true });
    }
    this.popIndent();
  }

  /** yaml_emitter_check_simple_key: single-line and at most 128 bytes. */
  private isSimpleKey(key: YNode): boolean {
    if (key.kind !== 'scalar') return false;
    if (analysisOf(key).multiline) return false;
    if (key.text.length > 128) return utf8Length(key.text) <= 128;
    return key.text.length <= 32 || utf8Length(key.text) <= 128;
  }

  private emitScalar(node: ScalarNode, ctx: Ctx): void {
    const a = analysisOf(node);
    const text = node.text;
    let style = node.style;
    if (ctx.simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !a.flowPlainAllowed) || (this.flowLevel === 0 && !a.blockPlainAllowed)) style = 'single';
      if (text.length === 0 && (this.flowLevel > 0 || ctx.simpleKey)) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || this.flowLevel > 0 || ctx.simpleKey)) style = 'double';
    this.increaseIndent(true, false);
    const allowBreaks = !ctx.simpleKey;
    // Fast paths: nothing to fold (no space past column 80) and nothing to escape.
    const fits = !allowBreaks || this.column + 2 + text.length <= this.bestWidth || !text.includes(' ');
    if (style === 'plain' && fits) {
      if (!this.whitespace) this.put(' ');
      this.writeRun(text);
      this.whitespace = false;
      this.indention = false;
    } else if (style === 'double' && fits && SAFE_DOUBLE.test(text)) {
      this.writeIndicator('"', true, false, false);
      this.writeRun(text);
      this.writeIndicator('"', false, false, false);
      this.whitespace = false;
      this.indention = false;
    } else {
      const cps = Array.from(text, (c) => c.codePointAt(0) ?? 0);
      if (style === 'plain') this.writePlain(cps, allowBreaks);
      else if (style === 'single') this.writeSingleQuoted(cps, allowBreaks);
      else if (style === 'double') this.writeDoubleQuoted(cps, allowBreaks);
      else this.writeLiteral(cps);
    }
    this.popIndent();
  }

  private writePlain(cps: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && cps[i + 1] !== 0x20) this.writeIndent();
        else this.writeCp(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeCp(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const n = cps.length;
    for (let i = 0; i < n; i++) {
      const c = cps[i];
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i > 0 && i < n - 1 && cps[i + 1] !== 0x20) this.writeIndent();
        else this.writeCp(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.writeCp(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // Upstream's is_bom looks at the start of the value, whatever the position.
    const bom = cps[0] === 0xfeff;
    let spaces = false;
    const n = cps.length;
    for (let i = 0; i < n; i++) {
      const c = cps[i];
      if (!isPrintable(c) || bom || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        const e = ESCAPES[c];
        if (e !== undefined) this.put(e);
        else {
          const [p, w] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(p as string);
          for (const d of c.toString(16).toUpperCase().padStart(w as number, '0')) this.put(d);
        }
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i > 0 && i < n - 1) {
          this.writeIndent();
          if (cps[i + 1] === 0x20) this.put('\\');
        } else this.writeCp(c);
        spaces = true;
      } else {
        this.writeCp(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(cps: number[]): void {
    this.writeIndicator('|', true, false, false);
    const n = cps.length;
    if (n > 0 && (cps[0] === 0x20 || isBreak(cps[0]))) this.writeIndicator(String(this.bestIndent), false, false, false);
    let chomp = '';
    if (n === 0 || !isBreak(cps[n - 1])) chomp = '-';
    else if (n === 1 || isBreak(cps[n - 2])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeCp(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}
