// `kubeplay run FILE [--seed S] [--nodes N]`: runs a terminal script against a fresh simulated cluster and
// prints the transcript. Deterministic: the same file and seed give the same bytes.

import { readFileSync } from 'node:fs';
import { createCluster } from '../engine/cluster';
import { runTranscript } from '../host/runner';

export async function runCommand(argv: string[]): Promise<number> {
  let file: string | undefined;
  let seed: string | number = 1;
  let nodes = 3;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--(seed|nodes)(?:=(.*))?$/.exec(a);
    if (m) {
      const v = m[2] ?? argv[++i];
      if (m[1] === 'seed') seed = /^\d+$/.test(v) ? Number(v) : v;
      else nodes = Number(v);
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      process.stderr.write(`kubeplay run: unknown flag ${a}\n`);
      return 1;
    }
    file = a;
  }
  if (!file) {
    process.stderr.write('usage: kubeplay run FILE [--seed S] [--nodes N]\n');
    return 1;
  }
  let script: string;
  try {
    script = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`kubeplay run: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const cluster = createCluster({ seed, nodes });
  const out = await runTranscript(cluster, script, { yieldHost: () => new Promise((r) => setImmediate(r)) });
  process.stdout.write(out);
  return 0;
}
