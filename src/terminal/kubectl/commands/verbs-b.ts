// Cluster and inspection verbs (explain, diff, events, cordon, uncordon, drain, taint, top, autoscale, auth,
// certificate, attach, cp, port-forward, proxy, debug, kustomize, options, completion, plugin).

import type { CommandSpec } from '../command';
import { explainCommand } from './explain';
import { cordonCommand, uncordonCommand } from './cordon';
import { drainCommand } from './drain';
import { taintCommand } from './taint';
import { eventsCommand } from './events';
import { diffCommand } from './diff';
import { topCommand } from './top';
import { autoscaleCommand } from './autoscale';
import { authCommand } from './auth';
import { certificateCommand } from './certificate';
import { attachCommand } from './attach';
import { cpCommand } from './cp';
import { portForwardCommand } from './port-forward';
import { proxyCommand } from './proxy';
import { debugCommand } from './debug';
import { kustomizeCommand } from './kustomize';
import { optionsCommand } from './options';
import { completionCommand } from './completion';
import { pluginCommand } from './plugin';

export const VERBS_B: CommandSpec[] = [
  explainCommand,
  autoscaleCommand,
  certificateCommand,
  topCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
  attachCommand,
  portForwardCommand,
  proxyCommand,
  cpCommand,
  authCommand,
  debugCommand,
  eventsCommand,
  diffCommand,
  kustomizeCommand,
  completionCommand,
  pluginCommand,
  optionsCommand,
];
