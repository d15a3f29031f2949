// The describer contract: one async function per kind that renders `kubectl describe` text, fetching
// related objects (events, owned ReplicaSets, pods on a node…) through the same Kubectl client.

import type { KubeObject } from '../../../engine/api/types';
import type { Kubectl } from '../context';
import type { ResourceInfo } from '../discovery';

export interface DescribeSettings {
  /** --show-events (default true). */
  showEvents: boolean;
  /** --chunk-size for lists. */
  chunkSize: number;
}

export interface DescribeContext {
  k: Kubectl;
  info: ResourceInfo;
  settings: DescribeSettings;
  /** Simulated now, for ages in the Events table. */
  now: number;
}

export type Describer = (ctx: DescribeContext, obj: KubeObject) => Promise<string>;
