// kubectl set: the group of subcommands that change fields of existing objects (env, image,
// resources, selector, serviceaccount, subject).
// mirrors: kubectl/pkg/cmd/set/set.go

import type { CommandSpec } from '../command';
import { setEnvCommand } from './set-env';
import { setImageCommand } from './set-image';
import { setResourcesCommand } from './set-resources';
import { setSelectorCommand } from './set-selector';
import { setServiceAccountCommand } from './set-serviceaccount';
import { setSubjectCommand } from './set-subject';

export const setCommand: CommandSpec = {
  name: 'set',
  group: 'Basic Commands (Beginner)',
  short: 'Set specific features on objects',
  long: 'Configure application resources.\n\n These commands help you make changes to existing application resources.',
  usage: 'kubectl set SUBCOMMAND [options]',
  flags: [],
  subcommands: [setEnvCommand, setImageCommand, setResourcesCommand, setSelectorCommand, setServiceAccountCommand, setSubjectCommand],
};
