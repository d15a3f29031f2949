// Executes a parsed template set over a value, as text/template does: dot, variables, pipelines, field
// chains over maps, if/with/range (break, continue, else), template invocation, function calls with
// reflect-style argument checks, and Go's execution error texts
// (`template: output:1:7: executing "output" at <.a.b>: nil pointer evaluating interface {}.b`).
// A value's "interface-ness" (reflect's static type interface {}) only shows in error texts, so it is
// carried beside dot and variables rather than on every value.
// mirrors: Go src/text/template/exec.go (Go 1.23)

import { CallState } from './exec-call';
import { GoPanic, MISSING, PartialOutputError, TemplateExecError, type ExecContext, type Final } from './exec-state';
import { sortedMapKeys, sprint } from './fmt';
import type { BranchNode, ChainNode, CommandNode, FieldNode, Node, PipeNode, TemplateNode, VariableNode } from './node';
import { quote } from './strconv';
import { GoInt, indirectInterface, isGoMap, isTrue, mapIndex, typeName, type GoValue } from './value';

export { GoPanic, PartialOutputError, TemplateExecError, type ExecContext, type MissingKey } from './exec-state';

const BREAK: unique symbol = Symbol('break');
const CONTINUE: unique symbol = Symbol('continue');

// Go stops at 100000 nested template calls; the JS stack cannot go that deep, so we stop earlier
// with Go's message.
const MAX_EXEC_DEPTH = 100000;
const JS_DEPTH_LIMIT = 1000;

/** An execution of one template of the set (a {{template}} call runs a new State on the same output). */
class State extends CallState {
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

  protected evalPipeline(dot: GoValue, dotIface: boolean, pipe: PipeNode | null): GoValue {
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

  protected evalFieldNode(dot: GoValue, dotIface: boolean, field: FieldNode, args: Node[] | null, final: Final): GoValue {
    this.at(field);
    return this.evalFieldChain(dot, dotIface, field.ident, args, final);
  }

  protected evalChainNode(dot: GoValue, dotIface: boolean, chain: ChainNode, args: Node[] | null, final: Final): GoValue {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${chain}`);
    const pipe = this.evalArg(dot, dotIface, null, chain.node);
    return this.evalFieldChain(pipe, false, chain.field, args, final);
  }

  protected evalVariableNode(dot: GoValue, dotIface: boolean, variable: VariableNode, args: Node[] | null, final: Final): GoValue {
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
