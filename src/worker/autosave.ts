// Saves the cluster to IndexedDB a second after a command and every few seconds while it changes
// (store resourceVersion moved). Saving is skipped for very big clusters, where a snapshot would cost
// more than it is worth, and a failure is reported once.

import type { Cluster } from '../engine/cluster';
import * as persist from './persist';
import { takeSnapshot, type SnapshotExtras } from './snapshot';

const SAVE_EVERY_MS = 5000;
const AFTER_COMMAND_MS = 1000;
const SAVE_LIMIT = 20000;

export class AutoSave {
  private savedRV = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving = false;
  private failed = false;
  enabled = false;

  constructor(
    private readonly current: () => { cluster: Cluster; extras: () => SnapshotExtras } | undefined,
    private readonly onFailure: (message: string) => void,
  ) {
    setInterval(() => void this.save(), SAVE_EVERY_MS);
  }

  /** After a command or a clock change: save soon. */
  soon(): void {
    if (!this.enabled || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, AFTER_COMMAND_MS);
  }

  /** A new cluster (reset): the next save writes it whatever its resourceVersion. */
  forget(): void {
    this.savedRV = -1;
  }

  async save(force = false): Promise<void> {
    const cur = this.current();
    if (!this.enabled || this.saving || !cur) return;
    const store = cur.cluster.store;
    const rv = store.resourceVersion();
    if (rv === this.savedRV && !force) return;
    let count = 0;
    for (const r of store.resources()) count += store.count(r);
    if (count > SAVE_LIMIT) return;
    this.saving = true;
    try {
      await persist.saveSnapshot(takeSnapshot(cur.cluster, cur.extras()));
      this.savedRV = rv;
    } catch (e) {
      if (!this.failed) this.onFailure(`The cluster could not be saved in this browser (${e instanceof Error ? e.message : String(e)}).`);
      this.failed = true;
    } finally {
      this.saving = false;
    }
  }
}
