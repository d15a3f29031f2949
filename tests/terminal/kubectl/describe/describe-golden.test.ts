// Our `kubectl describe` against kubectl v1.32's output for the same objects (fixtures/describe.json,
// recorded by fixtures/record.mts): the same fake API server answers both, the clock reads the instant
// the real kubectl ran at, and stdout, stderr and the exit code must match byte for byte.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/engine/api/types';
import { MemFS } from '../../../../src/engine/runtime/sh/memfs';
import { NEVER } from '../../../../src/engine/runtime/sh/signal';
import { CaptureOutput, emptyInput } from '../../../../src/engine/runtime/sh/streams';
import { InProcessClient } from '../../../../src/terminal/api-client';
import { KubeConfig } from '../../../../src/terminal/kubectl/config';
import { RESTMapper } from '../../../../src/terminal/kubectl/discovery';
import { runKubectl } from '../../../../src/terminal/kubectl/kubectl';
import { fakeApi, shiftTimes } from './fixtures/fake-api';

interface RecordedCase {
  args: string[];
  shiftMs: number;
  stdout: string;
  stderr: string;
  exitCode: number;
  requests: string[];
}

interface World {
  name: string;
  virtualNow: number;
  objects: KubeObject[];
  cases: RecordedCase[];
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/describe.json', import.meta.url), 'utf8')) as { worlds: World[] };

/** Runs our kubectl against the world as the real one saw it; returns its output and requests. */
async function runOurs(world: World, c: RecordedCase): Promise<{ stdout: string; stderr: string; exitCode: number; requests: string[] }> {
  const requests: string[] = [];
  const client = new InProcessClient(fakeApi(shiftTimes(world.objects, c.shiftMs), requests));
  const stdout = new CaptureOutput();
  const stderr = new CaptureOutput();
  // The real kubectl ran within the first second after virtualNow + shiftMs.
  const now = world.virtualNow + c.shiftMs + 500;
  const exitCode = await runKubectl(
    {
      client,
      mapper: new RESTMapper(client),
      config: new KubeConfig(),
      fs: MemFS.standard(() => now, 'test'),
      cwd: '/',
      stdin: emptyInput(),
      stdout,
      stderr,
      signal: NEVER,
      now: () => now,
      sleep: async () => {},
      getenv: () => undefined,
    },
    c.args,
  );
  return { stdout: stdout.text, stderr: stderr.text, exitCode, requests: requests.filter((r) => !r.startsWith('GET /api?') && !r.startsWith('GET /apis?')) };
}

/** Field selector terms come out of a Go map in random order: sort them. */
function normalizeRequest(r: string): string {
  return r.replace(/fieldSelector=([^&]*)/, (_m, fs: string) => `fieldSelector=${fs.split(',').sort().join(',')}`);
}

/** Cases where commands/describe.ts (not the describers) still differs from kubectl, and why. */
const COMMAND_DEVIATIONS: Record<string, string> = {};

for (const world of fixture.worlds) {
  describe(`kubectl describe matches kubectl v1.32 (${world.name} objects)`, () => {
    for (const c of world.cases) {
      const deviation = COMMAND_DEVIATIONS[c.args.join(' ')];
      (deviation ? it.fails : it)(deviation ? `${c.args.join(' ')} (known: ${deviation})` : c.args.join(' '), async () => {
        const ours = await runOurs(world, c);
        expect(ours.stdout).toBe(c.stdout);
        expect(ours.stderr).toBe(c.stderr);
        expect(ours.exitCode).toBe(c.exitCode);
        // The related objects are fetched as kubectl fetches them (same paths, selectors and chunking);
        // kubectl's only extra requests are second GETs of the objects being described. (The command's
        // own lists of the requested type still go without kubectl's limit=500.)
        const theirs = new Set(c.requests.map(normalizeRequest));
        const mine = new Set(ours.requests.map(normalizeRequest));
        const withLimit = (r: string) => normalizeRequest(`${r}${r.includes('?') ? '&' : '?'}limit=500`).replace(/\?(.*)$/, (_m, q: string) => `?${q.split('&').sort().join('&')}`);
        expect([...mine].filter((r) => !theirs.has(r) && !theirs.has(withLimit(r)))).toEqual([]);
        const withoutLimit = (r: string) => r.replace(/[?&]limit=500$/, '').replace('limit=500&', '');
        expect([...theirs].filter((r) => !mine.has(r) && !mine.has(withoutLimit(r)) && r.includes('?'))).toEqual([]);
      });
    }
  });
}
