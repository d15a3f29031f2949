// A shell's mutable state: variables, functions, aliases, positional parameters, options, cwd.
// A subshell gets a copy (fork); nothing here is shared between a shell and its subshells.

import type { Command } from './ast';

export interface Var {
  value: string;
  exported: boolean;
  readonly: boolean;
}

export interface ShellOptions {
  errexit: boolean;
  nounset: boolean;
  xtrace: boolean;
  pipefail: boolean;
  noglob: boolean;
  noclobber: boolean;
}

/** `local` bookkeeping: the values to restore when a function returns. */
export type LocalFrame = Map<string, Var | undefined>;

export class ShellState {
  vars = new Map<string, Var>();
  funcs = new Map<string, Command>();
  aliases = new Map<string, string>();
  positional: string[] = [];
  arg0 = 'sh';
  cwd = '/';
  status = 0;
  lastBgPid: number | null = null;
  options: ShellOptions = { errexit: false, nounset: false, xtrace: false, pipefail: false, noglob: false, noclobber: false };
  locals: LocalFrame[] = [];
  /** Commands run by `trap … EXIT`. */
  exitTrap: string | null = null;

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  /** Sets a variable; returns false if it is read-only. */
  set(name: string, value: string, exported?: boolean): boolean {
    const v = this.vars.get(name);
    if (v) {
      if (v.readonly) return false;
      v.value = value;
      if (exported) v.exported = true;
    } else this.vars.set(name, { value, exported: !!exported, readonly: false });
    return true;
  }

  /** Removes a variable; returns false if it is read-only. */
  unset(name: string): boolean {
    const v = this.vars.get(name);
    if (v?.readonly) return false;
    this.vars.delete(name);
    return true;
  }

  /** Exported variables as a child process gets them. */
  exported(): Map<string, string> {
    const m = new Map<string, string>();
    for (const [k, v] of this.vars) if (v.exported) m.set(k, v.value);
    return m;
  }

  /** A copy for a subshell: `( … )`, `$( … )`, a pipeline stage, a background job. */
  fork(): ShellState {
    const s = new ShellState();
    for (const [k, v] of this.vars) s.vars.set(k, { ...v });
    s.funcs = new Map(this.funcs);
    s.aliases = new Map(this.aliases);
    s.positional = this.positional;
    s.arg0 = this.arg0;
    s.cwd = this.cwd;
    s.status = this.status;
    s.lastBgPid = this.lastBgPid;
    s.options = { ...this.options };
    return s;
  }

  /** A new shell process (`sh -c`): only exported variables carry over. */
  child(): ShellState {
    const s = new ShellState();
    for (const [k, v] of this.vars) if (v.exported) s.vars.set(k, { value: v.value, exported: true, readonly: false });
    s.cwd = this.cwd;
    return s;
  }
}
