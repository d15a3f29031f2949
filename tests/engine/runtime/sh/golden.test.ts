// Replays scripts recorded from real bash and busybox (fixtures/golden.json) and compares the
// whole output (stdout then stderr) and the exit status.

import { describe, expect, it } from 'vitest';
import golden from './fixtures/golden.json';
import { harness } from './helpers';

interface Case {
  flavor: 'terminal' | 'busybox';
  script: string;
  output: string;
  status: number;
}

describe.each(['terminal', 'busybox'] as const)('matches real %s', (flavor) => {
  const cases = (golden as Case[]).filter((c) => c.flavor === flavor);
  it.each(cases.map((c) => [c.script, c] as const))('%s', async (_name, c) => {
    const h = harness(flavor, { interactive: false, cwd: '/tmp' });
    const r = await h.run(c.script);
    expect(r.stdout + r.stderr).toBe(c.output);
    expect(r.status).toBe(c.status);
  });
});
