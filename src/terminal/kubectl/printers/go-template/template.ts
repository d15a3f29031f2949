// A parsed Go template set (text/template's Template): Parse a text under a name with a FuncMap, set
// the missingkey option, Execute over a value.
// mirrors: Go src/text/template/template.go, option.go

import { executeTemplate, type MissingKey } from './exec';
import { KUBECTL_FUNCS, type GoFunc } from './funcs';
import { parseTemplateSet, type Tree } from './parse';
import type { GoValue } from './value';

export class Template {
  private missingKey: MissingKey = 'default';

  private constructor(
    readonly name: string,
    readonly text: string,
    private readonly trees: ReadonlyMap<string, Tree>,
    private readonly funcs: ReadonlyMap<string, GoFunc>,
  ) {}

  /** template.New(name).Funcs(funcs).Parse(text); throws TemplateParseError with Go's message. */
  static parse(name: string, text: string, funcs: ReadonlyMap<string, GoFunc> = KUBECTL_FUNCS): Template {
    const trees = parseTemplateSet(name, text, new Set(funcs.keys()));
    return new Template(name, text, trees, funcs);
  }

  /** Option("missingkey=default") or ("missingkey=error"). */
  setMissingKey(mode: MissingKey): this {
    this.missingKey = mode;
    return this;
  }

  /** Execute: the output; throws PartialOutputError (Go's message, plus what was written before it). */
  execute(data: GoValue): string {
    return executeTemplate({ trees: this.trees, text: this.text, parseName: this.name, missingKey: this.missingKey, funcs: this.funcs }, this.name, data);
  }
}
