// Stopping a waiting command on Ctrl-C (or another signal) with the shell's exit status, printing nothing.

import type { Kubectl } from '../context';
import { KubectlError } from '../errors';
import { signalStatus } from '../../../engine/runtime/sh/signal';

/** Throws when the command's signal has fired (kubectl dies of the signal: 130 for Ctrl-C). */
export function checkInterrupted(k: Kubectl): void {
  const s = k.env.signal;
  if (s.aborted) throw new KubectlError('', signalStatus(s.reason ?? 'SIGINT'));
}

/** Sleeps on the simulated clock, then throws if the sleep ended because of a signal. */
export async function sleepOrInterrupt(k: Kubectl, ms: number): Promise<void> {
  await k.env.sleep(ms);
  checkInterrupted(k);
}
