// The state of one template execution: the current node (for error positions), the variable stack,
// the output, and Go's execution error texts; also the errors an execution reports.
// mirrors: Go src/text/template/exec.go (state, variable, errorf, ExecError)

import { utf8Length } from '../gofmt';
import type { GoFunc } from './funcs';
import type { Node } from './node';
import type { Tree } from './parse';
import { quote } from './strconv';
import type { GoValue } from './value';

/** A template execution error; the message is Go's (`template: output:1:2: executing "output" at <…>: …`). */
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
export const MISSING: unique symbol = Symbol('missing');
export type Final = GoValue | typeof MISSING;

export interface Variable {
  name: string;
  value: GoValue;
  iface: boolean;
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

/** Position, variables and error texts of an execution; exec.ts and exec-call.ts add the evaluation. */
export abstract class StateBase {
  protected node: Node | null = null;

  constructor(
    protected readonly ctx: ExecContext,
    protected readonly name: string,
    protected readonly out: string[],
    protected vars: Variable[],
    protected readonly depth: number,
  ) {}

  protected at(node: Node): void {
    this.node = node;
  }

  errorf(msg: string): never {
    if (!this.node) throw new TemplateExecError(`template: ${this.name}: ${msg}`);
    const [location, context] = this.errorContext(this.node);
    throw new TemplateExecError(`template: ${location}: executing ${quote(this.name)} at <${context}>: ${msg}`);
  }

  protected errorContext(n: Node): [string, string] {
    const text = this.ctx.text.slice(0, n.pos);
    const nl = text.lastIndexOf('\n');
    const col = utf8Length(nl < 0 ? text : text.slice(nl + 1));
    let line = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    return [`${this.ctx.parseName}:${line}:${col}`, String(n)];
  }

  // --- variables ---

  protected push(name: string, value: GoValue, iface: boolean): void {
    this.vars.push({ name, value, iface });
  }

  protected pop(mark: number): void {
    this.vars.length = mark;
  }

  protected setVar(name: string, value: GoValue, iface = false): void {
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

  protected setTopVar(n: number, value: GoValue, iface: boolean): void {
    const v = this.vars[this.vars.length - n];
    v.value = value;
    v.iface = iface;
  }

  protected varValue(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i];
    this.errorf(`undefined variable: ${name}`);
  }
}
