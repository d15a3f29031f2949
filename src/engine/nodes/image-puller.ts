// Image pulls on one node: serialized like the kubelet's default (serializeImagePulls), so concurrent
// pods wait; the Pulled message reports the pull time and the time including waiting.
// mirrors: pkg/kubelet/images/image_manager.go, puller.go

import type { SimClock } from '../clock/clock';
import { parseImage, lookupImage, genericImage, pullMillis, type ImageEntry, type ImageRef } from '../runtime/images';

export type PullResult =
  | { ok: true; entry: ImageEntry; ref: ImageRef; pullMs: number; totalMs: number; size: number }
  | { ok: false; message: string; reason: 'ErrImagePull' };

interface Job {
  ref: ImageRef;
  entry: ImageEntry;
  queuedAt: number;
  done: (r: PullResult) => void;
  cancelled: boolean;
}

/** Re-pulling an image whose layers are present only fetches the manifest. */
const REPULL_MS = 350;

export class ImagePuller {
  /** Images on this node (full references). */
  readonly present = new Map<string, number>();
  private queue: Job[] = [];
  private busy = false;
  private timer?: number;

  constructor(private readonly clock: SimClock) {}

  has(ref: ImageRef): boolean {
    return this.present.has(ref.full);
  }

  /** Queues a pull; done runs on the clock when it finishes. Returns a cancel function. */
  pull(ref: ImageRef, done: (r: PullResult) => void): () => void {
    const known = lookupImage(ref);
    const entry = known ?? genericImage(ref);
    const job: Job = { ref, entry, queuedAt: this.clock.now(), done, cancelled: false };
    this.queue.push(job);
    this.pump();
    return () => {
      job.cancelled = true;
    };
  }

  private pump(): void {
    if (this.busy) return;
    let job: Job | undefined;
    while ((job = this.queue.shift()) && job.cancelled);
    if (!job) return;
    this.busy = true;
    const known = lookupImage(job.ref);
    const layersPresent = [...this.present.keys()].some((k) => k.startsWith(job!.ref.repository + ':') || k.startsWith(job!.ref.repository + '@'));
    const ms = known && !known.tags(job.ref.tag) && !job.ref.digest ? 600 : this.present.has(job.ref.full) || layersPresent ? REPULL_MS : pullMillis(job.entry);
    const j = job;
    this.timer = this.clock.setTimeout(() => {
      this.busy = false;
      this.timer = undefined;
      if (!j.cancelled) {
        if (known && !known.tags(j.ref.tag) && !j.ref.digest) {
          j.done({ ok: false, reason: 'ErrImagePull', message: notFoundMessage(j.ref) });
        } else {
          this.present.set(j.ref.full, j.entry.size);
          j.done({ ok: true, entry: j.entry, ref: j.ref, pullMs: ms, totalMs: this.clock.now() - j.queuedAt, size: j.entry.size });
        }
      }
      this.pump();
    }, ms);
  }

  /** The node lost its runtime (power off): queued pulls vanish, images stay on disk. */
  reset(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.busy = false;
    this.queue = [];
  }
}

export function notFoundMessage(ref: ImageRef): string {
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": ${ref.full}: not found`;
}

export { parseImage };
