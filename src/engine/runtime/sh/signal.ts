// Cancellation for running commands: Ctrl-C (SIGINT), `timeout` and kubelet kills (SIGTERM/SIGKILL),
// a closed pipe (SIGPIPE). Our own type, since the engine's lib has no DOM/Node AbortSignal.

export type SignalName = 'SIGHUP' | 'SIGINT' | 'SIGKILL' | 'SIGPIPE' | 'SIGTERM';

const NUMBERS: Record<SignalName, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGPIPE: 13, SIGTERM: 15 };

/** The exit status of a process killed by the signal: 128 + its number (130 for Ctrl-C). */
export function signalStatus(sig: SignalName): number {
  return 128 + NUMBERS[sig];
}

export interface ShellSignal {
  readonly aborted: boolean;
  readonly reason: SignalName | null;
  /** Runs fn once when aborted (at once if already aborted). Returns a function that unsubscribes. */
  onAbort(fn: (reason: SignalName) => void): () => void;
}

const noop = (): void => {};

/** A signal that never fires. */
export const NEVER: ShellSignal = { aborted: false, reason: null, onAbort: () => noop };

/** A controllable signal, optionally chained to a parent (aborting the parent aborts this one). */
export class AbortScope implements ShellSignal {
  aborted = false;
  reason: SignalName | null = null;
  private listeners: ((r: SignalName) => void)[] | null = null;
  private unlinkParent: () => void = noop;

  constructor(parent?: ShellSignal) {
    if (parent) {
      if (parent.aborted) this.abort(parent.reason ?? 'SIGINT');
      else this.unlinkParent = parent.onAbort((r) => this.abort(r));
    }
  }

  abort(reason: SignalName = 'SIGINT'): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.unlinkParent();
    const ls = this.listeners;
    this.listeners = null;
    if (ls) for (const fn of ls) fn(reason);
  }

  onAbort(fn: (reason: SignalName) => void): () => void {
    if (this.aborted) {
      fn(this.reason!);
      return noop;
    }
    (this.listeners ??= []).push(fn);
    return () => {
      const ls = this.listeners;
      if (!ls) return;
      const i = ls.indexOf(fn);
      if (i >= 0) ls.splice(i, 1);
    };
  }

  /** Detaches from the parent; call when the scope's work is finished so long-lived parents do not leak. */
  dispose(): void {
    this.unlinkParent();
    this.unlinkParent = noop;
    this.listeners = null;
  }
}

/** Resolves when the signal fires (never, if it does not). */
export function whenAborted(signal: ShellSignal): Promise<SignalName> {
  return new Promise((resolve) => signal.onAbort(resolve));
}
