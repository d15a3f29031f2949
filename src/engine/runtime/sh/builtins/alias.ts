// alias / unalias. The terminal presets `k=kubectl` through createShell's options.

import { squote, type Builtin } from './types';

const aliasBuiltin: Builtin = async (argv, sh, io) => {
  const aliases = sh.state.aliases;
  const bb = sh.flavor === 'busybox';
  const show = (n: string): string => `${bb ? '' : 'alias '}${n}=${squote(aliases.get(n)!)}\n`;
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (!args.length) {
    await io.stdout.write([...aliases.keys()].sort().map(show).join(''));
    return 0;
  }
  let st = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) {
      aliases.set(a.slice(0, eq), a.slice(eq + 1));
      continue;
    }
    if (aliases.has(a)) await io.stdout.write(show(a));
    else {
      if (bb) await io.stderr.write(`alias: ${a} not found\n`);
      else await sh.err(`${a}: not found`, 'alias', io.stderr);
      st = 1;
    }
  }
  return st;
};

const unaliasBuiltin: Builtin = async (argv, sh, io) => {
  const aliases = sh.state.aliases;
  if (argv[1] === '-a') {
    aliases.clear();
    return 0;
  }
  if (argv.length === 1) {
    if (sh.flavor === 'busybox') return 0;
    await io.stderr.write('unalias: usage: unalias [-a] name [name ...]\n');
    return 2;
  }
  let st = 0;
  for (const a of argv.slice(1)) {
    if (aliases.delete(a)) continue;
    if (sh.flavor === 'busybox') await io.stderr.write(`unalias: ${a} not found\n`);
    else await sh.err(`${a}: not found`, 'unalias', io.stderr);
    st = 1;
  }
  return st;
};

export const ALIAS_BUILTINS: Record<string, Builtin> = { alias: aliasBuiltin, unalias: unaliasBuiltin };
