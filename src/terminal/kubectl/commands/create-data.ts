// The data sources of `kubectl create configmap|secret`: --from-literal, --from-file (files, key=path,
// directories) and --from-env-file, read from the terminal's file system with kubectl's parsing and errors.
// mirrors: kubectl/pkg/util/util.go (ParseFileSource, ParseLiteralSource), kubectl/pkg/cmd/util/env_file.go,
// kubectl/pkg/cmd/create/create_configmap.go and create_secret.go (handle*Sources)

import type { Kubectl } from '../context';
import { KubectlError } from '../errors';
import { resolvePath, type FileSystem } from '../../../engine/runtime/sh/fs';
import { isEnvVarName } from '../../../engine/api/validation/names';
import { goQuote } from '../printers/gofmt';

/** Where a source's key/value pairs go; throws kubectl's error for a bad or duplicate key. */
export type AddKey = (key: string, value: string) => void;

/** ParseLiteralSource: `key=value` (the value may hold `=`; the key may not be empty). */
export function parseLiteralSource(source: string): [string, string] {
  const i = source.indexOf('=');
  if (i <= 0) throw new KubectlError(`error: invalid literal source ${source}, expected key=value`);
  return [source.slice(0, i), source.slice(i + 1)];
}

/** path.Base as Go's path package computes it. */
function pathBase(p: string): string {
  if (p === '') return '.';
  const s = p.replace(/\/+$/, '');
  if (s === '') return '/';
  return s.slice(s.lastIndexOf('/') + 1);
}

/** ParseFileSource: `path` (key = basename) or `key=path`. */
export function parseFileSource(source: string): [string, string] {
  const n = source.split('=').length - 1;
  if (n === 0) return [pathBase(source), source];
  if (n === 1 && source.startsWith('=')) throw new KubectlError(`error: key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith('=')) throw new KubectlError(`error: file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new KubectlError("error: key names or file paths cannot contain '='");
  const [key, path] = source.split('=');
  return [key, path];
}

/** The errno text os.Stat reports for a path that does not resolve. */
function statErrno(fs: FileSystem, full: string): string {
  const parts = full.split('/').filter(Boolean);
  let cur = '';
  for (let i = 0; i < parts.length - 1; i++) {
    cur += '/' + parts[i];
    const st = fs.stat(cur);
    if (!st) return 'no such file or directory';
    if (st.type !== 'dir') return 'not a directory';
  }
  return 'no such file or directory';
}

interface Found {
  full: string;
  dir: boolean;
}

/** os.Stat with kubectl's `error reading <path>: <errno>`. */
function statSource(k: Kubectl, path: string): Found {
  const full = resolvePath(k.env.cwd, path);
  const st = k.env.fs.stat(full);
  if (!st) throw new KubectlError(`error: error reading ${path}: ${statErrno(k.env.fs, full)}`);
  return { full, dir: st.type === 'dir' };
}

/** --from-literal sources in order. */
export function addLiteralSources(sources: string[], add: AddKey): void {
  for (const s of sources) {
    const [key, value] = parseLiteralSource(s);
    add(key, value);
  }
}

/** --from-file sources: a file (its basename or the given key), or every regular file of a directory. */
export function addFileSources(k: Kubectl, sources: string[], add: AddKey): void {
  for (const source of sources) {
    const [key, path] = parseFileSource(source);
    const found = statSource(k, path);
    if (!found.dir) {
      add(key, k.env.fs.readFile(found.full));
      continue;
    }
    if (source.includes('=')) throw new KubectlError('error: cannot give a key name for a directory path');
    // os.ReadDir is sorted by name; symbolic links and subdirectories are not regular files.
    for (const name of k.env.fs.readdir(found.full)) {
      const item = `${found.full === '/' ? '' : found.full}/${name}`;
      if (k.env.fs.lstat(item)?.type === 'file') add(name, k.env.fs.readFile(item));
    }
  }
}

// unicode.IsSpace
const LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** The key/value pairs of an env file: `KEY=value` lines; `KEY` alone takes the environment's value. */
export function parseEnvFile(k: Kubectl, text: string, add: AddKey): void {
  // bufio.ScanLines: lines end at \n, a trailing \r is dropped, a last line without \n still counts.
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (i === 0 && line.startsWith('\ufeff')) line = line.slice(1);
    line = line.replace(LEADING_SPACE, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    const errs = isEnvVarName(key);
    if (errs.length) throw new KubectlError(`error: ${goQuote(key)} is not a valid key name: ${errs.join(';')}`);
    add(key, eq < 0 ? (k.env.getenv(key) ?? '') : line.slice(eq + 1));
  });
}

/** --from-env-file sources; `dirMessage` is the kind's refusal of a directory. */
export function addEnvFileSources(k: Kubectl, sources: string[], dirMessage: string, add: AddKey): void {
  for (const source of sources) {
    const found = statSource(k, source);
    if (found.dir) throw new KubectlError(`error: ${dirMessage}`);
    parseEnvFile(k, k.env.fs.readFile(found.full), add);
  }
}

/** Validate: env files stand alone. */
export function checkEnvFileAlone(v: Record<string, unknown>): void {
  const env = (v['from-env-file'] as string[]) ?? [];
  const files = (v['from-file'] as string[]) ?? [];
  const literals = (v['from-literal'] as string[]) ?? [];
  if (env.length && (files.length || literals.length)) throw new KubectlError('error: from-env-file cannot be combined with from-file or from-literal');
}
