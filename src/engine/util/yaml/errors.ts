// How go-yaml words a failure: "yaml: line N: problem", with its quirks about which mark gives the line.
// mirrors: go-yaml v2 decode.go (parser.fail), yaml.go (failf)

import type { Mark } from './types';

export type FailureKind = 'reader' | 'scanner' | 'parser';

/** A reader, scanner or parser error as libyaml records it; turned into text by `failMessage`. */
export class YamlFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly problem: string,
    readonly problemMark: Mark | undefined,
    readonly context = '',
    readonly contextMark: Mark | undefined = undefined,
  ) {
    super(problem);
  }

  /**
   * go-yaml takes the problem mark's line when it is not 0 (plus 1 for scanner errors only, which are
   * reported before the line is counted), else the context mark's line as is; line 0 prints no line.
   */
  goMessage(): string {
    let line = 0;
    const p = this.problemMark?.line ?? 0;
    const c = this.contextMark?.line ?? 0;
    if (p !== 0) line = this.kind === 'scanner' ? p + 1 : p;
    else if (c !== 0) line = c;
    const where = line !== 0 ? `line ${line}: ` : '';
    return `yaml: ${where}${this.problem || 'unknown problem parsing YAML content'}`;
  }
}

/** An error raised while building values (go-yaml's failf): "yaml: " and the text, no line. */
export class YamlDecodeFailure extends Error {}

export const failf = (text: string): never => {
  throw new YamlDecodeFailure(`yaml: ${text}`);
};
