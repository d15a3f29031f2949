// kubectl diff -f: the live objects against what applying the files would make of them (server dry-run
// patch or create), both as YAML, compared the way `diff -u -N LIVE-dir MERGED-dir` prints it.
// Exit 0 when equal, 1 when different, 2 (or more) on errors.
// mirrors: kubectl/pkg/cmd/diff/diff.go, kubectl/pkg/cmd/apply/patcher.go (patchSimple)

import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { manifestInfos, type ManifestInfo } from '../builder';
import { KubectlError, ServerError } from '../errors';
import { withSource } from '../mutate';
import { printYaml } from '../printers/index';
import { parseLabelSelector } from '../../../engine/api/selectors/labels';
import { createThreeWayMergePatch, createThreeWayJsonMergePatch, isEmptyPatch } from '../../../engine/api/patch/create-patch';
import { stableStringify } from '../../../engine/api/patch/stable-stringify';
import { patchMetaFor, schemaFor } from '../../../engine/schema/index';
import { deepClone } from '../../../engine/store/freeze';
import { asStatus, LAST_APPLIED } from './apply';
import { NODE_SELECTOR_FLAG } from './common-flags';
import { diffLines } from './gnu-diff';
import { normalDiff, unifiedHunks } from './diff-output';

export const diffCommand: CommandSpec = {
  name: 'diff',
  group: 'Advanced Commands',
  short: 'Diff the live version against a would-be applied version',
  long: 'Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.\n\n The output is always YAML.\n\n KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"\n\n By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.\n\n Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.\n\n Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.',
  examples: '  # Diff resources included in pod.json\n  kubectl diff -f pod.json\n  \n  # Diff file read from stdin\n  cat service.yaml | kubectl diff -f -',
  usage: 'kubectl diff -f FILENAME [options]',
  flags: [
    { name: 'concurrency', type: 'int', default: 1, usage: 'Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.' },
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply', usage: 'Name of the manager used to track field ownership.' },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'Filename, directory, or URL to files contains the configuration to diff' },
    { name: 'force-conflicts', type: 'bool', default: false, usage: 'If true, server-side apply will force the changes against conflicts.' },
    { name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'prune', type: 'bool', default: false, usage: 'Include resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned' },
    { name: 'prune-allowlist', type: 'stringArray', default: [], usage: 'Overwrite the default allowlist with <group/version/kind> for --prune' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    NODE_SELECTOR_FLAG,
    { name: 'server-side', type: 'bool', default: false, usage: 'If true, apply runs in the server instead of the client.' },
    { name: 'show-managed-fields', type: 'bool', default: false, usage: 'If true, include managed fields in the diff.' },
  ],
  async run(k, args, f) {
    try {
      return await runDiff(k, args, f.values);
    } catch (e) {
      // CheckDiffErr: every failure exits one higher than usual (2), leaving 1 to mean "differences".
      if (e instanceof KubectlError && e.exitCode === 1) throw new KubectlError(e.message, 2);
      throw e;
    }
  },
};

interface DiffFile {
  name: string;
  live: string;
  merged: string;
}

async function runDiff(k: Kubectl, args: string[], v: Record<string, unknown>): Promise<number> {
  if (args.length) throw new KubectlError(`error: Unexpected args: [${args.join(' ')}]\nSee 'kubectl diff -h' for help and examples`);
  const files = v.filename as string[];
  const kustomize = v.kustomize as string;
  if (files.length === 0 && !kustomize) throw new KubectlError('error: must specify one of -f and -k');
  if (kustomize) throw new KubectlError('error: kustomize is not supported in this playground; use -f with plain manifests');
  const serverSide = v['server-side'] as boolean;
  const force = v['force-conflicts'] as boolean;
  if (force && !serverSide) throw new KubectlError('error: --force-conflicts only works with --server-side');
  let manager = v['field-manager'] as string;
  if (serverSide && manager === 'kubectl-client-side-apply') manager = 'kubectl';
  const ns = (v.namespace as string) || k.namespace;
  let infos = await manifestInfos(k, files, v.recursive as boolean, ns, !!v.namespace);
  const selector = v.selector as string;
  if (selector) {
    const sel = parseLabelSelector(selector);
    infos = infos.filter((m) => sel.matches(m.object.metadata?.labels));
  }
  const byName = new Map<string, DiffFile>();
  for (const m of infos) {
    const { live, merged } = await liveAndMerged(k, m, serverSide, force, manager, v['show-managed-fields'] as boolean);
    const [from, to] = maskSecret(live, merged);
    byName.set(fileName(m), { name: fileName(m), live: from ? printYaml(from) : '', merged: to ? printYaml(to) : '' });
  }
  return runDiffProgram(k, [...byName.values()]);
}

/** `apps.v1.Deployment.default.web` — the file name kubectl writes each version to. */
function fileName(m: ManifestInfo): string {
  return `${m.info.group ? `${m.info.group}.` : ''}${m.info.version}.${m.info.kind}.${m.namespace ?? ''}.${m.name}`;
}

function withoutManagedFields(o: KubeObject | undefined, keep: boolean): KubeObject | undefined {
  if (!o || keep || !o.metadata?.managedFields) return o;
  const { managedFields: _, ...meta } = o.metadata;
  return { ...o, metadata: meta };
}

async function liveAndMerged(k: Kubectl, m: ManifestInfo, serverSide: boolean, force: boolean, manager: string, keepManaged: boolean): Promise<{ live?: KubeObject; merged?: KubeObject }> {
  const path = k.resourcePath(m.info, m.namespace, m.name);
  const cur = await k.request({ method: 'GET', path });
  if (cur.status >= 300 && cur.status !== 404) throw new ServerError(asStatus(cur.body, cur.status));
  const live = cur.status === 404 ? undefined : (cur.body as KubeObject);
  const local = deepClone(m.object);
  if (m.namespace) (local.metadata ??= {}).namespace = m.namespace;
  let merged: KubeObject;
  if (serverSide) {
    const res = await k.request({ method: 'PATCH', path, query: { dryRun: 'All', fieldManager: manager, force: String(force) }, body: stableStringify(local), headers: { 'content-type': 'application/apply-patch+yaml' } });
    if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
    merged = res.body as KubeObject;
  } else if (!live) {
    const res = await k.request({ method: 'POST', path: k.resourcePath(m.info, m.namespace), query: { dryRun: 'All', fieldManager: manager }, body: local, headers: { 'content-type': 'application/json' } });
    if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
    merged = res.body as KubeObject;
  } else {
    merged = await dryRunPatch(k, m, live, local, manager);
  }
  if (live?.metadata?.deletionTimestamp) await k.err(`Warning: Detected changes to resource ${live.metadata.name ?? ''} which is currently being deleted.\n`);
  return { live: withoutManagedFields(live, keepManaged), merged: withoutManagedFields(merged, keepManaged) };
}

/** The client-side apply patch (modified without the last-applied annotation), sent as a dry run. */
async function dryRunPatch(k: Kubectl, m: ManifestInfo, live: KubeObject, local: KubeObject, manager: string): Promise<KubeObject> {
  const modified = deepClone(local);
  const annotations = { ...(modified.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  (modified.metadata ??= {}).annotations = annotations;
  const originalText = live.metadata?.annotations?.[LAST_APPLIED];
  const original = originalText ? (JSON.parse(originalText) as KubeObject) : {};
  const known = !!schemaFor(m.info.group, m.info.version, m.info.kind);
  const patch = known
    ? createThreeWayMergePatch(original, modified, live, patchMetaFor(m.info.group, m.info.version, m.info.kind), true)
    : createThreeWayJsonMergePatch(original, modified, live);
  if (isEmptyPatch(patch)) return live;
  // The patcher pins the live resourceVersion so a concurrent change is a conflict, not a wrong diff.
  const body = patch as Record<string, unknown>;
  body.metadata = { ...((body.metadata as Record<string, unknown>) ?? {}), resourceVersion: live.metadata?.resourceVersion };
  const res = await k.request({
    method: 'PATCH',
    path: k.resourcePath(m.info, m.namespace, m.name),
    query: { dryRun: 'All', fieldManager: manager },
    body: stableStringify(body),
    headers: { 'content-type': known ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json' },
  });
  if (res.status >= 300) throw withSource(new ServerError(asStatus(res.body, res.status)), 'patching', m.source);
  return res.body as KubeObject;
}

/** Secrets: data values become `***`, or `*** (before)` / `*** (after)` where they differ. */
function maskSecret(from: KubeObject | undefined, to: KubeObject | undefined): [KubeObject | undefined, KubeObject | undefined] {
  if (!to || to.kind !== 'Secret' || to.apiVersion !== 'v1') return [from, to];
  const fd = from?.data as Record<string, unknown> | undefined;
  const td = to.data as Record<string, unknown> | undefined;
  const f = fd ? { ...fd } : undefined;
  const t = td ? { ...td } : undefined;
  for (const key of Object.keys(f ?? {})) {
    if (t && key in t) {
      if (f![key] !== t[key]) {
        f![key] = '*** (before)';
        t[key] = '*** (after)';
        continue;
      }
      t[key] = '***';
    }
    f![key] = '***';
  }
  for (const key of Object.keys(t ?? {})) if (!f || !(key in f)) t![key] = '***';
  return [from && f ? { ...from, data: f } : from, t ? { ...to, data: t } : to];
}

/** FNV-1a: stands in for the random part of os.MkdirTemp names and file timestamps, reproducibly. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** GNU diff's label time: `2025-01-01 00:05:00.123456789 +0000` (the playground's clock is UTC). */
function labelTime(ms: number, salt: string): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const nanos = `${p(d.getUTCMilliseconds(), 3)}${p(fnv(salt) % 1_000_000, 6)}`;
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${nanos} +0000`;
}

/** Runs "diff -u -N LIVE MERGED" (or $KUBECTL_EXTERNAL_DIFF when it names diff) over the two directories. */
async function runDiffProgram(k: Kubectl, files: DiffFile[]): Promise<number> {
  const now = k.env.now();
  const seed = files.map((f) => f.name + f.merged).join('\n');
  const liveDir = `/tmp/LIVE-${fnv(`LIVE${now}${seed}`)}`;
  const mergedDir = `/tmp/MERGED-${fnv(`MERGED${now}${seed}`)}`;
  let program = 'diff';
  let opts = ['-u', '-N'];
  const external = k.env.getenv('KUBECTL_EXTERNAL_DIFF');
  if (external) {
    const parts = external.split(' ');
    program = parts[0];
    opts = parts.slice(1).filter((a) => /^[a-zA-Z0-9-=]+$/.test(a));
    if (program !== 'diff' || opts.some((o) => !/^-[uN]+$|^--unified$|^--new-file$/.test(o))) {
      throw new KubectlError(`error: failed to run "${program}": exec: "${program}": executable file not found in $PATH`);
    }
  }
  const unified = opts.some((o) => o.includes('u') || o === '--unified');
  let out = '';
  let differ = false;
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of sorted) {
    if (f.live === f.merged) continue;
    differ = true;
    const live = `${liveDir}/${f.name}`;
    const merged = `${mergedDir}/${f.name}`;
    // GNU diff names each compared file pair with the options it was given (getopt moves them first).
    out += `diff${opts.map((o) => ` ${o}`).join('')} ${live} ${merged}\n`;
    if (unified) {
      const t = labelTime(now, seed);
      out += `--- ${live}\t${t}\n+++ ${merged}\t${t}\n`;
      out += unifiedHunks(diffLines(f.live, f.merged, 3));
    } else {
      out += normalDiff(diffLines(f.live, f.merged, 0));
    }
  }
  if (out) await k.out(out);
  return differ ? 1 : 0;
}
