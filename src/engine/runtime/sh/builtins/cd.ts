// cd and pwd: the shell's working directory, with $PWD / $OLDPWD kept in step.

import { ERRNO_TEXT, resolvePath } from '../fs';
import type { Builtin } from './types';

const cdBuiltin: Builtin = async (argv, sh, io) => {
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P' && a !== '--');
  const bb = sh.flavor === 'busybox';
  if (args.length > 1 && !bb) {
    await sh.err('too many arguments', 'cd', io.stderr);
    return 1;
  }
  let target: string | undefined = args[0];
  let print = false;
  if (target === undefined || target === '') {
    target = sh.state.get('HOME');
    if (target === undefined) {
      await sh.err('HOME not set', 'cd', io.stderr);
      return 1;
    }
  } else if (target === '-') {
    target = sh.state.get('OLDPWD');
    if (target === undefined) {
      await sh.err('OLDPWD not set', 'cd', io.stderr);
      return 1;
    }
    print = true;
  }
  const path = resolvePath(sh.state.cwd, target!);
  const st = sh.fs.stat(path);
  const code = !st ? 'ENOENT' : st.type !== 'dir' ? 'ENOTDIR' : null;
  if (code) {
    if (bb) await sh.err(`can't cd to ${target}: ${ERRNO_TEXT[code]}`, 'cd', io.stderr);
    else await sh.err(`${target}: ${ERRNO_TEXT[code]}`, 'cd', io.stderr);
    return bb ? 2 : 1;
  }
  const old = sh.state.cwd;
  sh.state.cwd = path;
  sh.state.set('OLDPWD', old);
  sh.state.set('PWD', path);
  if (print) await io.stdout.write(path + '\n');
  return 0;
};

const pwdBuiltin: Builtin = async (_argv, sh, io) => {
  await io.stdout.write(sh.state.cwd + '\n');
  return 0;
};

export const CD_BUILTINS: Record<string, Builtin> = { cd: cdBuiltin, pwd: pwdBuiltin };
