// Executes a parsed template set over a value, as text/template does: dot, variables, pipelines, field
// chains over maps, if/with/range (break, continue, else), template invocation, function calls with
// reflect-style argument checks, and Go's execution error texts
// (`template: output:1:7: executing "output" at <.a.b>: nil pointer evaluating interface {}.b`).
// A value's "interface-ness" (reflect's static type interface {}) only shows in error texts, so it is
// carried beside dot and variables rather than on every value.
// mirrors: Go src/text/template/exec.go (Go 1.23)

import { utf8Length } from '../gofmt';
import { sortedMapKeys, sprint } from './fmt';
import { FuncError, callBuiltin, type GoFunc, type ParamType } from './funcs';
import type { BranchNode, ChainNode, CommandNode, FieldNode, IdentifierNode, Node, NumberNode, PipeNode, TemplateNode, VariableNode } from './node';
import type { Tree } from './parse';
import { quote } from './strconv';
import { GoComplex, GoFloat, GoInt, indirectInterface, isGoMap, isTrue, mapIndex, typeName, type GoValue } from './value';

/** A template execution error; the message is Go's. */
export class TemplateExecError extends Error {}

/** A Go runtime panic that escapes Execute (kubectl's safeExecute reports it as "caught panic: …"). */
export class GoPanic extends Error {
  constructor(
    message: string,
    readonly partialOutput = '',
  ) {
    super(message);
  }
}

export type MissingKey = 'default' | 'error';

/** What an execution needs: the trees of the set, the parsed text (for positions), options, funcs. */
export interface ExecContext {
  trees: ReadonlyMap<string, Tree>;
  text: string;
  parseName: string;
  missingKey: MissingKey;
  funcs: ReadonlyMap<string, GoFunc>;
}

/** missingVal: a pipeline stage with no value from a previous stage. */
const MISSING: unique symbol = Symbol('missing');
type Final = GoValue | typeof MISSING;

const BREAK: unique symbol = Symbol('break');
const CONTINUE: unique symbol = Symbol('continue');

// Go stops at 100000 nested template calls; the JS stack cannot go that deep, so we stop earlier
// with Go's message.
const MAX_EXEC_DEPTH = 100000;
const JS_DEPTH_LIMIT = 1000;

interface Variable {
  name: string;
  value: GoValue;
  iface: boolean;
}

class State {
  private node: Node | null = null;

  constructor(
    private readonly ctx: ExecContext,
    private readonly name: string,
    private readonly out: string[],
    private vars: Variable[],
    private readonly depth: number,
  ) {}

  private at(node: Node): void {
    this.node = node;
  }

  errorf(msg: string): never {
    if (!this.node) throw new TemplateExecError(`template: ${this.name}: ${msg}`);
    const [location, context] = this.errorContext(this.node);
    throw new TemplateExecError(`template: ${location}: executing ${quote(this.name)} at <${context}>: ${msg}`);
  }

  private errorContext(n: Node): [string, string] {
    const text = this.ctx.text.slice(0, n.pos);
    const nl = text.lastIndexOf('\n');
    const col = utf8Length(nl < 0 ? text : text.slice(nl + 1));
    let line = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    return [`${this.ctx.parseName}:${line}:${col}`, String(n)];
  }

  // --- variables ---

  private push(name: string, value: GoValue, iface: boolean): void {
    this.vars.push({ name, value, iface });
  }

  private pop(mark: number): void {
    this.vars.length = mark;
  }

  private setVar(name: string, value: GoValue, iface = false): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v.name === name) {
        v.value = value;
        v.iface = iface;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: GoValue, iface: boolean): void {
    const v = this.vars[this.vars.length - n];
    v.value = value;
    v.iface = iface;
  }

  private varValue(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i];
    this.errorf(`undefined variable: ${name}`);
  }

  // --- walking ---

  walk(dot: GoValue, dotIface: boolean, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, dotIface, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, dotIface, node);
      case 'list':
        for (const n of node.nodes) this.walk(dot, dotIface, n);
        return;
      case 'range':
        return this.walkRange(dot, dotIface, node);
      case 'template':
        return this.walkTemplate(dot, dotIface, node);
      case 'text':
        this.out.push(node.text);
        return;
      default:
        this.errorf(`unknown node: ${node}`);
    }
  }

  private walkIfOrWith(dot: GoValue, dotIface: boolean, node: BranchNode): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, dotIface, node.pipe);
      if (isTrue(indirectInterface(val))) {
        if (node.type === 'with') this.walk(val, false, node.list);
        else this.walk(dot, dotIface, node.list);
      } else if (node.elseList) this.walk(dot, dotIface, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: GoValue, dotIface: boolean, r: BranchNode): void {
    this.at(r);
    const outer = this.vars.length;
    try {
      const val = this.evalPipeline(dot, dotIface, r.pipe);
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      // The index (a slice position or a map key) is only made into a value when a variable receives it.
      const oneIteration = (index: number | string, elem: GoValue, elemIface: boolean): void => {
        if (decl.length > 0) {
          const idx = (): GoValue => (typeof index === 'number' ? new GoInt('int', BigInt(index)) : index);
          if (r.pipe.isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? idx() : elem, decl.length > 1 ? false : elemIface);
          else this.setTopVar(1, elem, elemIface);
          if (decl.length > 1) {
            if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem, elemIface);
            else this.setTopVar(2, idx(), false);
          }
        }
        try {
          this.walk(elem, elemIface, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
      };
      if (Array.isArray(val)) {
        if (val.length > 0) {
          for (let i = 0; i < val.length; i++) oneIteration(i, val[i] ?? null, true);
          return;
        }
      } else if (isGoMap(val)) {
        const keys = sortedMapKeys(val);
        if (keys.length > 0) {
          for (const k of keys) oneIteration(k, val[k] ?? null, true);
          return;
        }
      } else if (val !== undefined) this.errorf(`range can't iterate over ${sprint([val])}`);
      if (r.elseList) this.walk(dot, dotIface, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.pop(outer);
    }
  }

  private walkTemplate(dot: GoValue, dotIface: boolean, t: TemplateNode): void {
    this.at(t);
    const tree = this.ctx.trees.get(t.name);
    if (!tree) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH || this.depth >= JS_DEPTH_LIMIT) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const newDot = this.evalPipeline(dot, dotIface, t.pipe);
    const inner = new State(this.ctx, t.name, this.out, [{ name: '$', value: newDot, iface: false }], this.depth + 1);
    inner.walk(newDot, false, tree.root);
  }

  // --- evaluation ---

  private evalPipeline(dot: GoValue, dotIface: boolean, pipe: PipeNode | null): GoValue {
    if (!pipe) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, dotIface, cmd, value);
      // An interface{} value is replaced by what it holds; a nil one becomes the zero Value.
      if (value === null) value = undefined;
    }
    const v = value === MISSING ? undefined : value;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0], v);
      else this.push(variable.ident[0], v, false);
    }
    return v;
  }

  private notAFunction(args: Node[] | null, final: Final): void {
    if ((args && args.length > 1) || final !== MISSING) this.errorf(`can't give argument to non-function ${args![0]}`);
  }

  private evalCommand(dot: GoValue, dotIface: boolean, cmd: CommandNode, final: Final): GoValue {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, dotIface, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, dotIface, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, dotIface, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, dotIface, first);
      case 'variable':
        return this.evalVariableNode(dot, dotIface, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    this.errorf(`can't evaluate command ${quote(String(first))}`);
  }

  private idealConstant(c: NumberNode): GoValue {
    this.at(c);
    if (c.isComplex) return new GoComplex(c.complex[0], c.complex[1]);
    const hexInt = c.text.length > 2 && c.text[0] === '0' && (c.text[1] === 'x' || c.text[1] === 'X') && !/[pP]/.test(c.text);
    if (c.isFloat && !hexInt && c.text[0] !== "'" && /[.eEpP]/.test(c.text)) return new GoFloat(c.float64);
    if (c.isInt) return new GoInt('int', c.int64);
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: GoValue, dotIface: boolean, field: FieldNode, args: Node[] | null, final: Final): GoValue {
    this.at(field);
    return this.evalFieldChain(dot, dotIface, field.ident, args, final);
  }

  private evalChainNode(dot: GoValue, dotIface: boolean, chain: ChainNode, args: Node[] | null, final: Final): GoValue {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${chain}`);
    const pipe = this.evalArg(dot, dotIface, null, chain.node);
    return this.evalFieldChain(pipe, false, chain.field, args, final);
  }

  private evalVariableNode(dot: GoValue, dotIface: boolean, variable: VariableNode, args: Node[] | null, final: Final): GoValue {
    this.at(variable);
    const v = this.varValue(variable.ident[0]);
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      return v.value;
    }
    return this.evalFieldChain(v.value, v.iface, variable.ident.slice(1), args, final);
  }

  /** .X.Y.Z from receiver; only the last field gets the arguments. */
  private evalFieldChain(receiver: GoValue, recvIface: boolean, ident: string[], args: Node[] | null, final: Final): GoValue {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) {
      receiver = this.evalField(ident[i], null, MISSING, receiver, recvIface);
      recvIface = true; // a map element is an interface {}
    }
    return this.evalField(ident[n - 1], args, final, receiver, recvIface);
  }

  private evalField(fieldName: string, args: Node[] | null, final: Final, receiver: GoValue, recvIface: boolean): GoValue {
    if (receiver === undefined) {
      if (this.ctx.missingKey === 'error') this.errorf(`nil data; no entry for key ${quote(fieldName)}`);
      return undefined;
    }
    const typ = recvIface ? 'interface {}' : typeName(receiver);
    if (receiver === null) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (isGoMap(receiver)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const result = mapIndex(receiver, fieldName);
      if (result === undefined && this.ctx.missingKey === 'error') this.errorf(`map has no entry for key ${quote(fieldName)}`);
      return result;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalFunction(dot: GoValue, dotIface: boolean, node: IdentifierNode, cmd: Node, args: Node[] | null, final: Final): GoValue {
    this.at(node);
    const fn = this.ctx.funcs.get(node.ident);
    if (!fn) this.errorf(`${quote(node.ident)} is not a defined function`);
    return this.evalCall(dot, dotIface, fn, cmd, node.ident, args, final);
  }

  /** allArgs[0] is the function's own node (not an argument); null when called as an argument itself. */
  private evalCall(dot: GoValue, dotIface: boolean, fn: GoFunc, node: Node, name: string, allArgs: Node[] | null, final: Final): GoValue {
    const args = allArgs ?? [];
    const nArgs = Math.max(0, args.length - 1);
    const numIn = nArgs + (final !== MISSING ? 1 : 0);
    let numFixed = nArgs;
    if (fn.variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${nArgs}`);
    } else if (numIn !== fn.params.length) this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);

    if (fn.builtin && (name === 'and' || name === 'or')) {
      let v: GoValue = undefined;
      for (let i = 1; i < args.length; i++) {
        v = this.evalArg(dot, dotIface, 'reflect.Value', args[i]);
        if (isTrue(indirectInterface(v)) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'reflect.Value');
      return v;
    }

    const argv: GoValue[] = [];
    const ifaces: boolean[] = [];
    let i = 0;
    for (; i < nArgs; i++) {
      const t = i < numFixed ? fn.params[i] : fn.variadic!;
      argv.push(this.evalArg(dot, dotIface, t, args[i + 1]));
      ifaces.push(t === 'reflect.Value' && this.argIsIface(args[i + 1], dotIface));
    }
    if (final !== MISSING) {
      const t = fn.variadic && numIn - 1 >= numFixed ? fn.variadic : fn.params[numIn - 1];
      argv.push(this.validateType(final, t));
      ifaces.push(false);
    }
    try {
      if (fn.builtin && name === 'call') {
        // Go 1.23 names the callee from args[0] even when the function comes from the pipeline.
        if (nArgs === 0) throw new GoPanic('runtime error: index out of range [0] with length 0');
        return callBuiltin(String(args[1]), argv[0]);
      }
      return fn.call(argv, ifaces);
    } catch (e) {
      if (!(e instanceof FuncError)) throw e;
      this.at(node);
      this.errorf(`error calling ${name}: ${e.message}`);
    }
  }

  /** Whether an argument node yields a value of static type interface {} (a map or slice element). */
  private argIsIface(n: Node, dotIface: boolean): boolean {
    switch (n.type) {
      case 'dot':
        return dotIface;
      case 'field':
      case 'chain':
        return true;
      case 'variable':
        return n.ident.length > 1 || this.varValue(n.ident[0]).iface;
      default:
        return false;
    }
  }

  /** validateType: the value must be valid and assignable to the parameter type (null: no type). */
  private validateType(value: GoValue, typ: ParamType | null): GoValue {
    if (value === undefined) {
      if (typ === null || typ === 'reflect.Value') return undefined;
      if (typ === 'interface {}') return null;
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ !== 'string') return value;
    if (typeof value === 'string') return value;
    this.errorf(`wrong type for value; expected string; got ${typeName(value)}`);
  }

  private evalArg(dot: GoValue, dotIface: boolean, typ: ParamType | null, n: Node): GoValue {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === 'reflect.Value') return undefined;
        if (typ === 'interface {}') return null;
        return this.errorf(`cannot assign nil to ${typ}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, dotIface, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, dotIface, n, null, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, dotIface, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, dotIface, n, n, null, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, dotIface, n, null, MISSING), typ);
    }
    if (typ === 'string') {
      if (n.type === 'string') return n.text;
      this.errorf(`expected string; found ${n}`);
    }
    if (typ === 'interface {}' || typ === 'reflect.Value') return this.evalEmptyInterface(dot, n);
    this.errorf(`can't handle ${n} for arg of type ${typ}`);
  }

  private evalEmptyInterface(dot: GoValue, n: Node): GoValue {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'dot':
        return dot;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
    this.errorf(`can't handle assignment of ${n} to empty interface argument`);
  }

  private printValue(n: Node, v: GoValue): void {
    this.at(n);
    if (v === undefined || v === null) this.out.push('<no value>');
    else if (typeof v === 'string') this.out.push(v);
    else this.out.push(sprint([v]));
  }
}

/** Runs the template `name` of the set over data; returns the output or throws with what was written. */
export function executeTemplate(ctx: ExecContext, name: string, data: GoValue): string {
  const out: string[] = [];
  const state = new State(ctx, name, out, [{ name: '$', value: data, iface: false }], 0);
  try {
    const tree = ctx.trees.get(name);
    if (!tree) return state.errorf(`${quote(name)} is an incomplete or empty template`);
    state.walk(data, false, tree.root);
  } catch (e) {
    if (e instanceof TemplateExecError) throw new PartialOutputError(e.message, out.join(''));
    if (e instanceof GoPanic) throw new GoPanic(e.message, out.join(''));
    throw e;
  }
  return out.join('');
}

/** An execution error with the output written before it. */
export class PartialOutputError extends TemplateExecError {
  constructor(
    message: string,
    readonly partialOutput: string,
  ) {
    super(message);
  }
}
