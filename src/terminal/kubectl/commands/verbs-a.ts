// Workload and object verbs (logs, exec, run, expose, label, annotate, patch, replace, edit, set, rollout, wait).

import type { CommandSpec } from '../command';
import { logsCommand } from './logs';
import { execCommand } from './exec';
import { runCommand } from './run';
import { exposeCommand } from './expose';
import { labelCommand } from './label';
import { annotateCommand } from './annotate';
import { patchCommand } from './patch';
import { replaceCommand } from './replace';
import { editCommand } from './edit';
import { setCommand } from './set';
import { rolloutCommand } from './rollout';
import { waitCommand } from './wait';

export const VERBS_A: CommandSpec[] = [
  logsCommand,
  execCommand,
  runCommand,
  exposeCommand,
  labelCommand,
  annotateCommand,
  patchCommand,
  replaceCommand,
  editCommand,
  setCommand,
  rolloutCommand,
  waitCommand,
];
