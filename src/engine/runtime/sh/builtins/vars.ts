// Variable builtins: export, readonly, unset, local, set, shift.

import { AbortCommandLine } from '../control';
import type { Interp } from '../interpreter';
import type { ShellIO } from '../streams';
import { badOption, dquote, isName, squote, squoteIfNeeded, type Builtin } from './types';

function splitAssign(arg: string): { name: string; value: string | undefined } {
  const eq = arg.indexOf('=');
  return eq < 0 ? { name: arg, value: undefined } : { name: arg.slice(0, eq), value: arg.slice(eq + 1) };
}

async function invalidName(sh: Interp, io: ShellIO, builtin: string, arg: string, name: string): Promise<void> {
  if (sh.flavor === 'busybox') await sh.err(`${name}: bad variable name`, builtin, io.stderr);
  else await sh.err(`\`${arg}': not a valid identifier`, builtin, io.stderr);
}

function listVars(sh: Interp, io: ShellIO, pick: (v: { exported: boolean; readonly: boolean }) => boolean, bashFlag: string, bbWord: string): void | Promise<void> {
  const names = [...sh.state.vars.keys()].sort();
  let out = '';
  for (const n of names) {
    const v = sh.state.vars.get(n)!;
    if (!pick(v)) continue;
    if (sh.flavor === 'busybox') out += `${bbWord} ${n}=${squote(v.value)}\n`;
    else out += `declare ${bashFlag} ${n}=${dquote(v.value)}\n`;
  }
  return io.stdout.write(out);
}

const exportBuiltin: Builtin = async (argv, sh, io) => {
  let unexport = false;
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    if (argv[i] === '--') {
      i++;
      break;
    }
    for (const c of argv[i].slice(1)) {
      if (c === 'n') unexport = true;
      else if (c !== 'p' && c !== 'f') return badOption(sh, io, 'export', `-${c}`, 'export [-fn] [name[=value] ...] or export -p');
    }
  }
  if (i >= argv.length) {
    await listVars(sh, io, (v) => v.exported, '-x', 'export');
    return 0;
  }
  let st = 0;
  for (; i < argv.length; i++) {
    const { name, value } = splitAssign(argv[i]);
    if (!isName(name)) {
      await invalidName(sh, io, 'export', argv[i], name);
      // ash raises an error: the rest of a script does not run.
      if (sh.flavor === 'busybox') throw new AbortCommandLine(2);
      st = 1;
      continue;
    }
    const v = sh.state.vars.get(name);
    if (unexport) {
      if (v) v.exported = false;
      continue;
    }
    if (value !== undefined) {
      if (!sh.state.set(name, value, true)) {
        await sh.err(sh.flavor === 'busybox' ? `${name}: is read only` : `${name}: readonly variable`, undefined, io.stderr);
        st = 1;
      }
    } else if (v) v.exported = true;
    else sh.state.vars.set(name, { value: '', exported: true, readonly: false });
  }
  return st;
};

const readonlyBuiltin: Builtin = async (argv, sh, io) => {
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (!args.length) {
    await listVars(sh, io, (v) => v.readonly, '-r', 'readonly');
    return 0;
  }
  let st = 0;
  for (const a of args) {
    const { name, value } = splitAssign(a);
    if (!isName(name)) {
      await invalidName(sh, io, 'readonly', a, name);
      st = 1;
      continue;
    }
    if (value !== undefined && !sh.state.set(name, value)) {
      await sh.err(`${name}: readonly variable`, undefined, io.stderr);
      st = 1;
      continue;
    }
    const v = sh.state.vars.get(name);
    if (v) v.readonly = true;
    else sh.state.vars.set(name, { value: '', exported: false, readonly: true });
  }
  return st;
};

const unsetBuiltin: Builtin = async (argv, sh, io) => {
  let funcs = false;
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    if (argv[i] === '--') {
      i++;
      break;
    }
    for (const c of argv[i].slice(1)) {
      if (c === 'f') funcs = true;
      else if (c !== 'v') return badOption(sh, io, 'unset', `-${c}`, 'unset [-f] [-v] [-n] [name ...]');
    }
  }
  let st = 0;
  for (; i < argv.length; i++) {
    const name = argv[i];
    if (funcs) {
      sh.state.funcs.delete(name);
      continue;
    }
    if (!isName(name)) {
      await invalidName(sh, io, 'unset', name, name);
      st = 1;
      continue;
    }
    if (!sh.state.unset(name)) {
      if (sh.flavor === 'busybox') await sh.err(`${name}: is read only`, 'unset', io.stderr);
      else await sh.err(`${name}: cannot unset: readonly variable`, 'unset', io.stderr);
      st = 1;
    }
  }
  return st;
};

const localBuiltin: Builtin = async (argv, sh, io) => {
  const frame = sh.state.locals[sh.state.locals.length - 1];
  if (!frame || sh.funcDepth === 0) {
    await sh.err(sh.flavor === 'busybox' ? 'not in a function' : 'can only be used in a function', 'local', io.stderr);
    return sh.flavor === 'busybox' ? 2 : 1;
  }
  for (const a of argv.slice(1)) {
    const { name, value } = splitAssign(a);
    if (!isName(name)) {
      await invalidName(sh, io, 'local', a, name);
      return 1;
    }
    const old = sh.state.vars.get(name);
    if (!frame.has(name)) frame.set(name, old ? { ...old } : undefined);
    sh.state.vars.set(name, { value: value ?? (sh.flavor === 'busybox' ? old?.value ?? '' : ''), exported: old?.exported ?? false, readonly: false });
  }
  return 0;
};

const OPTION_NAMES: Record<string, keyof Interp['state']['options']> = {
  errexit: 'errexit', nounset: 'nounset', xtrace: 'xtrace', pipefail: 'pipefail', noglob: 'noglob', noclobber: 'noclobber',
};
const LETTERS: Record<string, keyof Interp['state']['options']> = { e: 'errexit', u: 'nounset', x: 'xtrace', f: 'noglob', C: 'noclobber' };

const setBuiltin: Builtin = async (argv, sh, io) => {
  const opts = sh.state.options;
  if (argv.length === 1) {
    let out = '';
    for (const n of [...sh.state.vars.keys()].sort()) out += `${n}=${squoteIfNeeded(sh.state.vars.get(n)!.value)}\n`;
    await io.stdout.write(out);
    return 0;
  }
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      sh.state.positional = argv.slice(i + 1);
      return 0;
    }
    if (a === '-' ) {
      sh.state.positional = argv.slice(i + 1);
      return 0;
    }
    if (!(a.startsWith('-') || a.startsWith('+'))) break;
    const on = a[0] === '-';
    if (a.slice(1) === 'o') {
      const name = argv[++i];
      if (name === undefined) {
        let out = '';
        for (const [n, k] of Object.entries(OPTION_NAMES)) out += `${n.padEnd(15)}\t${opts[k] ? 'on' : 'off'}\n`;
        await io.stdout.write(out);
        return 0;
      }
      const k = OPTION_NAMES[name];
      if (!k) {
        if (sh.flavor === 'busybox') await sh.err(`illegal option -o ${name}`, 'set', io.stderr);
        else await sh.err(`${name}: invalid option name`, 'set', io.stderr);
        return sh.flavor === 'busybox' ? 2 : 1;
      }
      opts[k] = on;
      continue;
    }
    for (const c of a.slice(1)) {
      const k = LETTERS[c];
      if (k) opts[k] = on;
      else if (!'abhmnvBEHPT'.includes(c)) return badOption(sh, io, 'set', `${a[0]}${c}`, 'set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]');
    }
  }
  if (i < argv.length) sh.state.positional = argv.slice(i);
  return 0;
};

const shiftBuiltin: Builtin = async (argv, sh, io) => {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0) {
    if (sh.flavor === 'busybox') await sh.err(`Illegal number: ${argv[1]}`, 'shift', io.stderr);
    else await sh.err(`${argv[1]}: numeric argument required`, 'shift', io.stderr);
    return sh.flavor === 'busybox' ? 2 : 1;
  }
  if (n > sh.state.positional.length) return 1;
  sh.state.positional = sh.state.positional.slice(n);
  return 0;
};

export const VAR_BUILTINS: Record<string, Builtin> = {
  export: exportBuiltin,
  readonly: readonlyBuiltin,
  unset: unsetBuiltin,
  local: localBuiltin,
  set: setBuiltin,
  shift: shiftBuiltin,
};
