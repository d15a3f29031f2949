// Golden transcripts: every tests/scenarios/NAME.sh runs through the same runner as `kubeplay run` and must
// print exactly NAME.out. UPDATE=1 rewrites the .out files (review the diff before committing).

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCluster } from '../src/engine/cluster';
import { runTranscript } from '../src/host/runner';

const dir = join(__dirname, 'scenarios');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.sh')).sort();

/** First-line directives: `# kubeplay: --seed 7 --nodes 2`. */
function options(script: string): { seed: number | string; nodes: number } {
  const m = /^#\s*kubeplay:(.*)$/m.exec(script);
  const o = { seed: 1 as number | string, nodes: 3 };
  if (!m) return o;
  const parts = m[1].trim().split(/\s+/);
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === '--seed') o.seed = /^\d+$/.test(parts[i + 1]) ? Number(parts[++i]) : parts[++i];
    else if (parts[i] === '--nodes') o.nodes = Number(parts[++i]);
  }
  return o;
}

describe('golden transcripts', () => {
  for (const file of scripts) {
    it(file, async () => {
      const script = readFileSync(join(dir, file), 'utf8');
      const cluster = createCluster(options(script));
      const out = await runTranscript(cluster, script, { yieldHost: () => new Promise((r) => setImmediate(r)) });
      const golden = join(dir, file.replace(/\.sh$/, '.out'));
      if (process.env.UPDATE === '1' || !existsSync(golden)) {
        writeFileSync(golden, out);
        if (process.env.UPDATE !== '1') throw new Error(`${golden} did not exist; written — review it and re-run`);
        return;
      }
      expect(out).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
