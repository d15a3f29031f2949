// Cluster and inspection verbs (explain, diff, events, cordon, uncordon, drain, taint, top, autoscale, auth, options, completion).

import type { CommandSpec } from '../command';

export const VERBS_B: CommandSpec[] = [];
