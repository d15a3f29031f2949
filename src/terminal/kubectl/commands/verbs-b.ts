// Cluster and inspection verbs (explain, diff, events, cordon, uncordon, drain, taint, top, autoscale, auth, options, completion).

import type { CommandSpec } from '../command';
import { explainCommand } from './explain';
import { cordonCommand, uncordonCommand } from './cordon';
import { drainCommand } from './drain';
import { taintCommand } from './taint';
import { eventsCommand } from './events';
import { diffCommand } from './diff';

export const VERBS_B: CommandSpec[] = [explainCommand, cordonCommand, uncordonCommand, drainCommand, taintCommand, eventsCommand, diffCommand];
