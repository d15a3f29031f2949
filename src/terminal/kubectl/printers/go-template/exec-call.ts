// Function calls in a template: argument count and type checks as reflect does them (validateType,
// evalArg), and/or short-circuit, the `call` builtin, constants as Go's ideal constants.
// mirrors: Go src/text/template/exec.go (evalFunction, evalCall, validateType, evalArg, idealConstant)

import { FuncError, callBuiltin, type GoFunc, type ParamType } from './funcs';
import type { ChainNode, FieldNode, IdentifierNode, Node, NumberNode, PipeNode, VariableNode } from './node';
import { GoPanic, MISSING, StateBase, type Final } from './exec-state';
import { quote } from './strconv';
import { GoComplex, GoFloat, GoInt, indirectInterface, isTrue, typeName, type GoValue } from './value';

/** The evaluation steps calls need; State (exec.ts) provides them. */
export abstract class CallState extends StateBase {
  protected abstract evalPipeline(dot: GoValue, dotIface: boolean, pipe: PipeNode | null): GoValue;
  protected abstract evalFieldNode(dot: GoValue, dotIface: boolean, field: FieldNode, args: Node[] | null, final: Final): GoValue;
  protected abstract evalChainNode(dot: GoValue, dotIface: boolean, chain: ChainNode, args: Node[] | null, final: Final): GoValue;
  protected abstract evalVariableNode(dot: GoValue, dotIface: boolean, variable: VariableNode, args: Node[] | null, final: Final): GoValue;

  protected idealConstant(c: NumberNode): GoValue {
    this.at(c);
    if (c.isComplex) return new GoComplex(c.complex[0], c.complex[1]);
    const hexInt = c.text.length > 2 && c.text[0] === '0' && (c.text[1] === 'x' || c.text[1] === 'X') && !/[pP]/.test(c.text);
    if (c.isFloat && !hexInt && c.text[0] !== "'" && /[.eEpP]/.test(c.text)) return new GoFloat(c.float64);
    if (c.isInt) return new GoInt('int', c.int64);
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  protected evalFunction(dot: GoValue, dotIface: boolean, node: IdentifierNode, cmd: Node, args: Node[] | null, final: Final): GoValue {
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
  protected validateType(value: GoValue, typ: ParamType | null): GoValue {
    if (value === undefined) {
      if (typ === null || typ === 'reflect.Value') return undefined;
      if (typ === 'interface {}') return null;
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ !== 'string') return value;
    if (typeof value === 'string') return value;
    this.errorf(`wrong type for value; expected string; got ${typeName(value)}`);
  }

  protected evalArg(dot: GoValue, dotIface: boolean, typ: ParamType | null, n: Node): GoValue {
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
}
