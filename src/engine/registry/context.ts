// What strategies and admission plugins may use: the clock, seeded randomness, read access to the store.

import type { Rng } from '../clock/rng';
import type { Store } from '../store/store';
import type { UserInfo } from '../api/types';

export interface AdmissionContext {
  now(): number;
  rng: Rng;
  /** The cluster seed, for streams derived per purpose (Rng.derive). */
  seed: number | string;
  store: Store;
  user: UserInfo;
  /** Set when the request is a dry run: nothing may be persisted or allocated for good. */
  dryRun: boolean;
}
