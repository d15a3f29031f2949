// kubectl's help, usage and unknown-command texts, byte for byte against the real kubectl v1.32
// (fixtures/help.json, written by fixtures/gen-help.mjs): every registered command path's --help, the
// root help in all its forms, `kubectl help …`, group commands without a subcommand, and suggestions.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine/cluster';
import { InProcessClient } from '../../../src/terminal/api-client';
import { TerminalSession } from '../../../src/terminal/session';
import { clockSleep } from '../../../src/host/in-process';
import { AbortScope } from '../../../src/engine/runtime/sh/signal';
import { COMMANDS } from '../../../src/terminal/kubectl/commands/index';
import type { CommandSpec } from '../../../src/terminal/kubectl/command';
import { withUnavailable, isUnavailable } from '../../../src/terminal/kubectl/unavailable';

interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/help.json', import.meta.url), 'utf8')) as {
  kubectl: string;
  cases: Record<string, Result>;
  /** "COLUMNS argv…" → stdout on a terminal that wide. */
  terminal: Record<string, string>;
};

const cluster = createCluster({ seed: 1, nodes: 1 });
const session = new TerminalSession({ client: new InProcessClient((req) => cluster.handle(req)), now: () => cluster.clock.now(), sleep: clockSleep(cluster) });

/** Runs kubectl in a terminal session; `tty` makes stdout a terminal (with a width, if given). */
async function kubectl(args: string, tty?: { columns?: number }): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const out = { write: (t: string) => void (stdout += t), ...(tty && { isTTY: true, ...tty }) };
  const code = await session.run(`kubectl ${args}`.trim(), { stdout: out, stderr: { write: (t: string) => void (stderr += t) } }, new AbortScope());
  return { stdout, stderr, code };
}

/** Every command path we register (aliases aside), parents before children. */
function registeredPaths(list: CommandSpec[], parent: string[] = []): string[][] {
  return list.flatMap((c) => [[...parent, c.name], ...registeredPaths(c.subcommands ?? [], [...parent, c.name])]);
}

/** The command a fixture's argv names, in our tree with the stand-ins for commands we lack. */
function resolve(argv: string[]): { path: string[]; stub: boolean } {
  let list = withUnavailable(COMMANDS);
  const path: string[] = [];
  let stub = false;
  for (const word of argv) {
    const c = list.find((x) => x.name === word || x.aliases?.includes(word));
    if (!c) break;
    path.push(c.name);
    stub ||= isUnavailable(c);
    list = c.subcommands ?? [];
  }
  return { path, stub };
}

const paths = registeredPaths(COMMANDS).map((p) => p.join(' '));

/** Recorded cases we still print differently, and why. */
const KNOWN_GAPS: Record<string, string> = {
  // groupWithoutSubcommand (commands/top.ts, also used by auth and plugin) names only the first argument;
  // cmdutil.DefaultSubCommandRun names them all: `error: unknown command "foo bar"`.
};

describe(`kubectl help against ${fixture.kubectl}`, () => {
  it('has a recorded help for every registered command path', () => {
    const missing = paths.filter((p) => !(`${p} --help` in fixture.cases));
    expect(missing).toEqual([]);
  });

  it.each(paths)('%s --help', async (p) => {
    expect(await kubectl(`${p} --help`)).toEqual(fixture.cases[`${p} --help`]);
  });

  // Everything else recorded: root help forms, `help …`, bare groups, unknown commands and flags.
  const others = Object.keys(fixture.cases).filter((k) => !paths.some((p) => k === `${p} --help`));
  const args = (k: string) => (k === '' ? [] : k.split(' '));
  const covered = others.filter((k) => !resolve(args(k)[0] === 'help' ? args(k).slice(1) : args(k)).stub);
  it.each(covered.filter((k) => !(k in KNOWN_GAPS)))('kubectl %s', async (k) => {
    expect(await kubectl(k)).toEqual(fixture.cases[k]);
  });

  // Differences owned by a command's run logic; `it.fails` flags them once they are fixed.
  it.fails.each(covered.filter((k) => k in KNOWN_GAPS))('kubectl %s (known gap)', async (k) => {
    expect(await kubectl(k)).toEqual(fixture.cases[k]);
  });

  // Commands kubectl has and we lack: listed in help, but running them says so.
  const lacking = others.filter((k) => !covered.includes(k) && !/^(help )?alpha\b/.test(k));
  it.each(lacking)('kubectl %s (not available here)', async (k) => {
    const { path } = resolve(args(k)[0] === 'help' ? args(k).slice(1) : args(k));
    expect(await kubectl(k)).toEqual({ stdout: '', stderr: `error: "kubectl ${path.join(' ')}" is not available in this playground\n`, code: 1 });
  });

  it.each(['alpha', 'alpha --help', 'help alpha'])('kubectl %s', async (k) => {
    expect(await kubectl(k)).toEqual(fixture.cases[k]);
  });

  // A terminal that tells its width gets kubectl's wrapping; one that does not (transcripts) gets none.
  it.each(Object.keys(fixture.terminal))('on a terminal: %s', async (k) => {
    const [columns, ...argv] = k.split(' ');
    expect((await kubectl(argv.join(' '), { columns: Number(columns) })).stdout).toBe(fixture.terminal[k]);
  });

  it('does not wrap on a terminal of unknown width', async () => {
    expect(await kubectl('get --help', {})).toEqual(fixture.cases['get --help']);
  });
});

describe('commands and flags kubectl has and the playground lacks', () => {
  it.each([
    ['cluster-info dump', 'error: "kubectl cluster-info dump" is not available in this playground\n'],
    ['apply view-last-applied deploy/web', 'error: "kubectl apply view-last-applied" is not available in this playground\n'],
    ['help cluster-info dump', 'error: "kubectl cluster-info dump" is not available in this playground\n'],
    ['config rename-context a b', 'error: "kubectl config rename-context" is not available in this playground\n'],
    ['apply edit-last-applied deploy/web', 'error: "kubectl apply edit-last-applied" is not available in this playground\n'],
    ['apply -f web.yaml --prune-allowlist=core/v1/ConfigMap', 'error: the --prune-allowlist flag is not available in this playground\n'],
    ['delete -k dir/', 'error: the --kustomize flag is not available in this playground\n'],
  ])('kubectl %s', async (args, stderr) => {
    expect(await kubectl(args)).toEqual({ stdout: '', stderr, code: 1 });
  });

  it('lists them in the parent help like kubectl', async () => {
    const { stdout } = await kubectl('cluster-info --help');
    expect(stdout).toContain('\n  dump          Dump relevant information for debugging and diagnosis\n');
  });
});
