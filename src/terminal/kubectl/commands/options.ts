// kubectl options: the global command-line options every command accepts, formatted like the Options
// section of `kubectl <command> --help` (it reuses that formatter, so both stay alike).
// mirrors: kubectl/pkg/cmd/options/options.go

import type { CommandSpec } from '../command';
import { GLOBAL_FLAGS } from '../command';
import type { FlagDef } from '../flags';
import { commandHelp } from '../help';

/** How pflag shows the defaults of the flags whose Go types the help formatter does not model. */
function display(f: FlagDef, home: string): FlagDef {
  // klog's Level (-v) and moduleSpec (--vmodule) print their values without quotes.
  if (f.name === 'v') return { ...f, type: 'int', default: 0 };
  if (f.name === 'vmodule') return { ...f, type: 'bool', default: '' };
  if (f.name === 'cache-dir') return { ...f, default: String(f.default).replace('$HOME', home) };
  return f;
}

export const optionsCommand: CommandSpec = {
  name: 'options',
  // Not listed in `kubectl --help`, like kubectl's hidden-from-groups options command.
  group: 'Hidden',
  short: 'Print the list of flags inherited by all commands',
  long: 'Print the list of flags inherited by all commands',
  examples: '  # Print flags inherited by all commands\n  kubectl options',
  usage: 'kubectl options [flags] [options]',
  flags: [],
  async run(k) {
    const home = k.env.getenv('HOME') ?? '/root';
    const help = commandHelp({ name: 'options', short: '', long: '-', usage: '', flags: GLOBAL_FLAGS.map((f) => display(f, home)) }, ['options']);
    const start = help.indexOf('\nOptions:\n') + '\nOptions:\n'.length;
    const end = help.indexOf('\n\nUsage:');
    await k.out(`The following options can be passed to any command:\n\n${help.slice(start, end)}\n\n`);
    return 0;
  },
};
