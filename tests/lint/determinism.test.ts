// The engine is a deterministic simulation: nothing under src/engine may read wall time or Math.random,
// or schedule real timers. This test fails on any such use.

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', 'src', 'engine');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.ts$/.test(name)) out.push(p);
  }
  return out;
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\s*\(\s*\)/, 'new Date()'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/(?<![.\w])setTimeout\s*\(/, 'setTimeout'],
  [/(?<![.\w])setInterval\s*\(/, 'setInterval'],
  [/(?<![.\w])setImmediate\s*\(/, 'setImmediate'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\bprocess\.hrtime\b/, 'process.hrtime'],
];

function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('determinism', () => {
  it('src/engine uses only the injected clock and seeded random source', () => {
    const offences: string[] = [];
    for (const f of files(root)) {
      const lines = stripComments(readFileSync(f, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        // Method declarations (the SimClock's own setTimeout) are not calls.
        if (/^\s*(setTimeout|setInterval|clearTimeout)\s*\(\s*\w+\s*:/.test(line)) return;
        for (const [re, what] of FORBIDDEN) if (re.test(line)) offences.push(`${relative(root, f)}:${i + 1}: ${what}`);
      });
    }
    expect(offences).toEqual([]);
  });

  it('the checker itself catches offences', () => {
    const sample = 'const t = Date.now();\nconst r = Math.random();\nsetTimeout(f, 1);\nclock.setTimeout(f, 1);';
    const hits = sample.split('\n').filter((l) => FORBIDDEN.some(([re]) => re.test(l)));
    expect(hits).toHaveLength(3);
  });
});
