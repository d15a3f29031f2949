// Non-local control flow inside the interpreter (exit, return, break/continue, interruption) and
// expansion errors. Plain classes, not Error subclasses: they are thrown on hot paths.

import type { SignalName } from './signal';

export class ExitShell {
  constructor(readonly status: number) {}
}

export class ReturnFromFunction {
  constructor(readonly status: number) {}
}

export class LoopControl {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

/** The run was cancelled (Ctrl-C, timeout, kill, broken pipe): unwinds to the nearest process boundary. */
export class Interrupted {
  constructor(readonly signal: SignalName) {}
}

/** A shell error already reported (ash's raise_error): abandons the command line; a script exits. */
export class AbortCommandLine {
  constructor(readonly status: number) {}
}

/** An expansion that cannot go on: the text after the shell's prefix, in each flavour's words. */
export class ExpansionError {
  constructor(
    readonly bash: string,
    readonly busybox: string,
    /** Exit status of a non-interactive bash that hits it (busybox uses 2). */
    readonly status = 1,
  ) {}
}
