// kubectl plugin list: there are no kubectl-* executables in the playground, so it reports none, as kubectl does.
// mirrors: kubectl/pkg/cmd/plugin/plugin.go

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';
import { groupWithoutSubcommand } from './top';

export const pluginListCommand: CommandSpec = {
  name: 'list',
  short: "List all visible plugin executables on a user's PATH",
  long: "List all available plugin files on a user's PATH. To see plugins binary names without the full path use --name-only flag.\n\n Available plugin files are those that are: - executable - anywhere on the user's PATH - begin with \"kubectl-\"",
  examples: '  # List all available plugins\n  kubectl plugin list\n  \n  # List only binary names of available plugins without paths\n  kubectl plugin list --name-only',
  usage: 'kubectl plugin list [flags] [options]',
  flags: [
    { name: 'name-only', type: 'bool', default: false, usage: 'If true, display only the binary name of each plugin, rather than its full path' },
  ],
  noArgs: true,
  async run() {
    throw new KubectlError('error: unable to find any kubectl plugins in your PATH');
  },
};

export const pluginCommand: CommandSpec = {
  name: 'plugin',
  group: 'Other Commands',
  short: 'Provides utilities for interacting with plugins',
  long: 'Provides utilities for interacting with plugins.\n\n Plugins provide extended functionality that is not part of the major command-line distribution. Please refer to the documentation and examples for more information about how write your own plugins.\n\n The easiest way to discover and install plugins is via the kubernetes sub-project krew: [krew.sigs.k8s.io]. To install krew, visit https://krew.sigs.k8s.io/docs/user-guide/setup/install',
  examples: '  # List all available plugins\n  kubectl plugin list\n  \n  # List only binary names of available plugins without paths\n  kubectl plugin list --name-only',
  usage: 'kubectl plugin [flags] [options]',
  flags: [],
  subcommands: [pluginListCommand],
  async run(k, args) {
    return groupWithoutSubcommand(k, pluginCommand, ['plugin'], args);
  },
};
