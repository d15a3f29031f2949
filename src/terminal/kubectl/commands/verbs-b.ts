// Cluster and inspection verbs (explain, diff, events, cordon, uncordon, drain, taint, top, autoscale, auth, options, completion).

import type { CommandSpec } from '../command';
import { explainCommand } from './explain';

export const VERBS_B: CommandSpec[] = [explainCommand];
