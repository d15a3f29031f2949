// Job control builtins: wait, jobs, kill, trap (EXIT only runs; other traps are recorded).

import { jobLine } from '../messages';
import { signalStatus, whenAborted, type SignalName } from '../signal';
import type { Builtin } from './types';

const SIGNALS: Record<string, SignalName> = {
  HUP: 'SIGHUP', INT: 'SIGINT', KILL: 'SIGKILL', PIPE: 'SIGPIPE', TERM: 'SIGTERM',
  '1': 'SIGHUP', '2': 'SIGINT', '9': 'SIGKILL', '13': 'SIGPIPE', '15': 'SIGTERM',
};

function signalByName(s: string): SignalName | null {
  const up = s.toUpperCase().replace(/^SIG/, '');
  return SIGNALS[up] ?? null;
}

const waitBuiltin: Builtin = async (argv, sh, io) => {
  const jobs = sh.shared.jobs;
  const targets = argv.slice(1);
  const list = targets.length ? [] : [...jobs.list()];
  for (const t of targets) {
    const job = t.startsWith('%') ? jobs.bySpec(t) : jobs.byPid(Number(t));
    if (!job) {
      if (t.startsWith('%')) await sh.err(`${t}: no such job`, 'wait', io.stderr);
      else if (sh.flavor === 'terminal') await sh.err(`pid ${t} is not a child of this shell`, 'wait', io.stderr);
      if (targets.length === 1) return 127;
      continue;
    }
    list.push(job);
  }
  let st = 0;
  const abort = whenAborted(sh.signal).then((r) => signalStatus(r));
  for (const job of list) {
    st = await Promise.race([job.promise, abort]);
    sh.checkSignal();
  }
  return st;
};

const jobsBuiltin: Builtin = async (_argv, sh, io) => {
  const jobs = sh.shared.jobs;
  let out = '';
  for (const j of jobs.list()) out += jobLine(j.id, jobs.marker(j), 'Running', j.source + ' &');
  await io.stdout.write(out);
  return 0;
};

const killBuiltin: Builtin = async (argv, sh, io) => {
  let sig: SignalName = 'SIGTERM';
  let i = 1;
  const bb = sh.flavor === 'busybox';
  if (argv[1] === '-l') {
    await io.stdout.write(' 1) SIGHUP\t 2) SIGINT\t 9) SIGKILL\t13) SIGPIPE\t15) SIGTERM\n');
    return 0;
  }
  if (argv[1] === '-s' || argv[1] === '-n') {
    const s = signalByName(argv[2] ?? '');
    if (!s) {
      await sh.err(`${argv[2]}: invalid signal specification`, 'kill', io.stderr);
      return 1;
    }
    sig = s;
    i = 3;
  } else if (argv[1]?.startsWith('-') && argv[1].length > 1) {
    const s = signalByName(argv[1].slice(1));
    if (!s) {
      await sh.err(`${argv[1].slice(1)}: invalid signal specification`, 'kill', io.stderr);
      return 1;
    }
    sig = s;
    i = 2;
  }
  if (i >= argv.length) {
    await io.stderr.write('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
    return 2;
  }
  let st = 0;
  for (; i < argv.length; i++) {
    const t = argv[i];
    const job = t.startsWith('%') ? sh.shared.jobs.bySpec(t) : sh.shared.jobs.byPid(Number(t));
    if (job) {
      job.scope.abort(sig);
      continue;
    }
    st = 1;
    if (t.startsWith('%')) await sh.err(`${t}: no such job`, 'kill', io.stderr);
    else if (!/^\d+$/.test(t)) await sh.err(`${t}: arguments must be process or job IDs`, 'kill', io.stderr);
    else if (bb) await sh.err(`can't kill pid ${t}: No such process`, undefined, io.stderr);
    else await sh.err(`(${t}) - No such process`, 'kill', io.stderr);
  }
  return st;
};

const trapBuiltin: Builtin = async (argv, sh, io) => {
  if (argv.length === 1) {
    if (sh.state.exitTrap !== null) await io.stdout.write(`trap -- '${sh.state.exitTrap}' EXIT\n`);
    return 0;
  }
  const action = argv[1];
  for (const s of argv.slice(2)) {
    if (s === 'EXIT' || s === '0') sh.state.exitTrap = action === '-' || action === '' ? null : action;
    else if (!signalByName(s)) {
      await sh.err(`${s}: invalid signal specification`, 'trap', io.stderr);
      return 1;
    }
  }
  return 0;
};

export const JOB_BUILTINS: Record<string, Builtin> = { wait: waitBuiltin, jobs: jobsBuiltin, kill: killBuiltin, trap: trapBuiltin };
