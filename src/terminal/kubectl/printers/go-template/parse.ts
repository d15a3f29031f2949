// The text/template parser: builds the tree of one template text and the trees it defines
// ({{define}}, {{block}}), with Go's parse error texts (`template: output:1: unexpected "," in operand`).
// mirrors: Go src/text/template/parse/parse.go (Go 1.23: `else with`, break/continue)

import { ItemType, type Item } from './item';
import { Lexer } from './lexer';
import { ActionNode, BranchNode, BreakNode, ContinueNode, ElseNode, EndNode, ListNode, TemplateNode, TextNode, type Node, type PipeNode } from './node';
import { PipelineParser } from './parse-pipeline';
import { quote } from './strconv';

export { TemplateParseError } from './parse-pipeline';

/** One parsed template of a set: its name and root list. */
export interface Tree {
  name: string;
  root: ListNode;
}

/** The structure half of the parser: text, actions, control structures, define/block/template. */
class TreeParser extends PipelineParser implements Tree {
  root!: ListNode;
  private rangeDepth = 0;

  constructor(
    public name: string,
    parseName: string,
    lex: Lexer,
    funcs: ReadonlySet<string>,
    private readonly treeSet: Map<string, Tree>,
  ) {
    super(parseName, lex, funcs);
  }

  /** Top level: the whole text, with {{define}}s split off into their own trees. */
  parse(): void {
    this.root = new ListNode(this.peek().pos);
    while (this.peek().typ !== ItemType.EOF) {
      if (this.peek().typ === ItemType.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === ItemType.Define) {
          const def = new TreeParser('definition', this.parseName, this.lex, this.funcs, this.treeSet);
          def.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${n}`);
      this.root.nodes.push(n);
    }
  }

  add(): void {
    const tree = this.treeSet.get(this.name);
    if (!tree || isEmptyTree(tree.root)) {
      this.treeSet.set(this.name, this);
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${quote(this.name)}`);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const token = this.nextNonSpace();
    if (token.typ !== ItemType.String && token.typ !== ItemType.RawString) this.unexpected(token, context);
    this.name = this.unquote(token.val);
    this.expect(ItemType.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${end} in ${context}`);
    this.add();
  }

  private itemList(): [ListNode, Node] {
    const list = new ListNode(this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== ItemType.EOF) {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Text:
        return new TextNode(token.pos, token.val);
      case ItemType.LeftDelim: {
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      default:
        this.unexpected(token, 'input');
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Block:
        return this.blockControl();
      case ItemType.Break:
        return this.breakControl(token.pos, token.line, 'break');
      case ItemType.Continue:
        return this.breakControl(token.pos, token.line, 'continue');
      case ItemType.Else:
        return this.elseControl();
      case ItemType.End:
        return new EndNode(this.expect(ItemType.RightDelim, 'end').pos);
      case ItemType.If:
        return this.control('if');
      case ItemType.Range:
        return this.control('range');
      case ItemType.Template:
        return this.templateControl();
      case ItemType.With:
        return this.control('with');
    }
    this.backup();
    const t = this.peek();
    return new ActionNode(t.pos, t.line, this.pipeline('command', ItemType.RightDelim));
  }

  private breakControl(pos: number, line: number, kw: 'break' | 'continue'): Node {
    const token = this.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, `{{${kw}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${kw}}} outside {{range}}`);
    return kw === 'break' ? new BreakNode(pos, line) : new ContinueNode(pos, line);
  }

  private control(context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, ItemType.RightDelim);
      if (context === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === 'else') {
        if (context === 'if' && this.peek().typ === ItemType.If) {
          this.next();
          elseList = new ListNode(next.pos);
          elseList.nodes.push(this.control('if'));
        } else if (context === 'with' && this.peek().typ === ItemType.With) {
          this.next();
          elseList = new ListNode(next.pos);
          elseList.nodes.push(this.control('with'));
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found ${next}`);
        }
      }
      return new BranchNode(context, pipe.pos, pipe.line, pipe, list, elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    // `{{else if …` / `{{else with …`: leave the keyword pending; the branch parses it.
    if (peek.typ === ItemType.If || peek.typ === ItemType.With) return new ElseNode(peek.pos, peek.line);
    const token = this.expect(ItemType.RightDelim, 'else');
    return new ElseNode(token.pos, token.line);
  }

  private blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, ItemType.RightDelim);
    const block = new TreeParser(name, this.parseName, this.lex, this.funcs, this.treeSet);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${end} in ${context}`);
    block.add();
    return new TemplateNode(token.pos, token.line, name, pipe);
  }

  private templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== ItemType.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, ItemType.RightDelim);
    }
    return new TemplateNode(token.pos, token.line, name, pipe);
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === ItemType.String || token.typ === ItemType.RawString) return this.unquote(token.val);
    this.unexpected(token, context);
  }
}

/** IsEmptyTree: nothing but space (and comments). */
export function isEmptyTree(n: Node | null | undefined): boolean {
  if (!n) return true;
  if (n.type === 'list') return n.nodes.every(isEmptyTree);
  if (n.type === 'text') return n.text.trim() === '';
  return false;
}

/**
 * Parses `text` as the template `name` (kubectl: "output"); returns every tree of the set by name.
 * `funcs` are the function names the template may call. Throws TemplateParseError.
 */
export function parseTemplateSet(name: string, text: string, funcs: ReadonlySet<string>): Map<string, Tree> {
  const treeSet = new Map<string, Tree>();
  const lex = new Lexer(text, !funcs.has('break'), !funcs.has('continue'));
  const t = new TreeParser(name, name, lex, funcs, treeSet);
  t.parse();
  t.add();
  return treeSet;
}
