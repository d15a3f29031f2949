// Workload and object verbs (logs, exec, run, expose, label, annotate, patch, replace, edit, set, rollout, wait).

import type { CommandSpec } from '../command';
import { logsCommand } from './logs';

export const VERBS_A: CommandSpec[] = [logsCommand];
