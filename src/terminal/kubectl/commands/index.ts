// Every kubectl command the playground knows, in `kubectl --help` order within their groups.

import type { CommandSpec } from '../command';
import { getCommand } from './get';
import { describeCommand } from './describe';
import { applyCommand } from './apply';
import { createCommand } from './create';
import { deleteCommand } from './delete';
import { scaleCommand } from './scale';
import { versionCommand } from './version';
import { apiResourcesCommand, apiVersionsCommand } from './api-resources';
import { configCommand } from './config';
import { clusterInfoCommand } from './cluster-info';
import { VERBS_A } from './verbs-a';
import { VERBS_B } from './verbs-b';

export const COMMANDS: CommandSpec[] = [
  createCommand,
  getCommand,
  deleteCommand,
  scaleCommand,
  clusterInfoCommand,
  describeCommand,
  applyCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  configCommand,
  versionCommand,
  ...VERBS_A,
  ...VERBS_B,
];
