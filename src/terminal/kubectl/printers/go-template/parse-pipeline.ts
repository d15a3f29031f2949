// The expression half of the template parser: the three-token lookahead over the lexer, parse errors
// (`template: output:1: unexpected "," in operand`), and pipelines, commands, operands and terms.
// mirrors: Go src/text/template/parse/parse.go (pipeline, command, operand, term)

import { ItemType, itemString, type Item } from './item';
import type { Lexer } from './lexer';
import { BoolNode, ChainNode, CommandNode, DotNode, FieldNode, IdentifierNode, NilNode, PipeNode, StringNode, VariableNode, type Node } from './node';
import { newNumber, unquoteString } from './numbers';
import { quote } from './strconv';

/** A template parse error; the message is Go's (`template: NAME:LINE: …`). */
export class TemplateParseError extends Error {}

const EOF_ITEM: Item = { typ: ItemType.EOF, pos: 0, val: '', line: 0 };

export abstract class PipelineParser {
  private token: Item[] = [EOF_ITEM, EOF_ITEM, EOF_ITEM];
  private peekCount = 0;
  /** Variables in scope (parse-time check of `$x`). */
  protected vars: string[] = ['$'];
  /** The line of the action being parsed (for "unclosed action started at …"). */
  protected actionLine = 0;

  constructor(
    protected readonly parseName: string,
    protected readonly lex: Lexer,
    protected readonly funcs: ReadonlySet<string>,
  ) {}

  // --- token buffer (three-token lookahead) ---

  protected next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount];
  }

  protected backup(): void {
    this.peekCount++;
  }

  protected backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  protected backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  protected peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }

  protected nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.typ === ItemType.Space);
    return token;
  }

  protected peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // --- errors ---

  protected errorf(msg: string): never {
    throw new TemplateParseError(`template: ${this.parseName}:${this.token[0].line}: ${msg}`);
  }

  protected expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  protected unexpected(token: Item, context: string): never {
    if (token.typ === ItemType.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  protected pipeline(context: string, end: ItemType): PipeNode {
    const first = this.peekNonSpace();
    const pipe = new PipeNode(first.pos, first.line);
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== ItemType.Variable) break;
      this.next();
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === ItemType.Assign || next.typ === ItemType.Declare) {
        pipe.isAssign = next.typ === ItemType.Assign;
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === ItemType.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const t = this.peekNonSpace().typ;
          if (t === ItemType.Variable || t === ItemType.RightDelim || t === ItemType.RightParen) continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === ItemType.Space) this.backup3(v, tokenAfterVariable);
      else this.backup2(v);
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case ItemType.Bool:
        case ItemType.CharConstant:
        case ItemType.Complex:
        case ItemType.Dot:
        case ItemType.Field:
        case ItemType.Identifier:
        case ItemType.Number:
        case ItemType.Nil:
        case ItemType.RawString:
        case ItemType.String:
        case ItemType.Variable:
        case ItemType.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      const t = pipe.cmds[i].args[0].type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  /** if / range / with, including the `else if` and `else with` chains. */

  protected unquote(quoted: string): string {
    const s = unquoteString(quoted);
    if (s === null) this.errorf('invalid syntax');
    return s;
  }

  private command(): CommandNode {
    const cmd = new CommandNode(this.peekNonSpace().pos);
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === ItemType.Space) continue;
      if (token.typ === ItemType.RightDelim || token.typ === ItemType.RightParen) this.backup();
      else if (token.typ !== ItemType.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | null {
    let node = this.term();
    if (!node) return null;
    if (this.peek().typ === ItemType.Field) {
      const chain = new ChainNode(this.peek().pos, node);
      while (this.peek().typ === ItemType.Field) chain.add(this.next().val);
      const t = node.type;
      if (t === 'field') node = new FieldNode(chain.pos, String(chain));
      else if (t === 'variable') node = new VariableNode(chain.pos, String(chain));
      else if (t === 'bool' || t === 'string' || t === 'number' || t === 'nil' || t === 'dot') this.errorf(`unexpected . after term ${quote(String(node))}`);
      else node = chain;
    }
    return node;
  }

  private term(): Node | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Identifier:
        if (!this.funcs.has(token.val)) this.errorf(`function ${quote(token.val)} not defined`);
        return new IdentifierNode(token.pos, token.val);
      case ItemType.Dot:
        return new DotNode(token.pos);
      case ItemType.Nil:
        return new NilNode(token.pos);
      case ItemType.Variable:
        return this.useVar(token.pos, token.val);
      case ItemType.Field:
        return new FieldNode(token.pos, token.val);
      case ItemType.Bool:
        return new BoolNode(token.pos, token.val === 'true');
      case ItemType.CharConstant:
      case ItemType.Complex:
      case ItemType.Number: {
        const n = newNumber(token.pos, token.val, token.typ === ItemType.CharConstant ? 'char' : token.typ === ItemType.Complex ? 'complex' : 'number');
        if (typeof n === 'string') this.errorf(n);
        return n;
      }
      case ItemType.LeftParen:
        return this.pipeline('parenthesized pipeline', ItemType.RightParen);
      case ItemType.String:
      case ItemType.RawString:
        return new StringNode(token.pos, token.val, this.unquote(token.val));
    }
    this.backup();
    return null;
  }

  private useVar(pos: number, name: string): Node {
    const v = new VariableNode(pos, name);
    if (!this.vars.includes(v.ident[0])) this.errorf(`undefined variable ${quote(v.ident[0])}`);
    return v;
  }
}
