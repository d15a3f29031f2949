// What the wall-clock driver advances in the page: the cluster, in slices of simulated time with a yield
// to the worker's event loop whenever one batch of slices has kept it busy for a frame, so Ctrl-C,
// completion and live feeds get through while a big cluster churns.

import type { Cluster } from '../engine/cluster';
import type { Advanceable } from '../host/driver';

/** Simulated time per slice, and wall time the worker may stay busy before yielding. */
const SLICE_MS = 250;
const BUSY_MS = 12;

/** Lets queued messages and timers run (a zero-delay macrotask, unlike a clamped setTimeout). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
}

/**
 * `live()` turns false once the cluster was replaced (reset): a slice loop still running stops.
 * `onError` hears about the first engine error (the driver keeps going).
 */
export function slicedAdvance(cluster: Cluster, live: () => boolean, onError: (e: unknown) => void): Advanceable {
  // The engine's clock counts whole milliseconds; carry any fraction to the next call.
  let carry = 0;
  let failed = false;
  return {
    async advance(ms: number): Promise<void> {
      let left = Math.floor(ms + carry);
      carry = ms + carry - left;
      let since = performance.now();
      try {
        while (left > 0 && live()) {
          const step = Math.min(left, SLICE_MS);
          await cluster.advance(step);
          left -= step;
          if (left > 0 && performance.now() - since > BUSY_MS) {
            await yieldToEventLoop();
            since = performance.now();
          }
        }
      } catch (e) {
        if (failed) return;
        failed = true;
        onError(e);
      }
    },
  };
}
