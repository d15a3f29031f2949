// Reading manifests for -f: files, directories (-R), stdin ("-"); YAML or JSON, several documents,
// Lists flattened; errors worded like kubectl's.
// mirrors: cli-runtime/pkg/resource (FileVisitor, StreamVisitor, YAMLOrJSONDecoder)

import type { KubeObject } from '../../engine/api/types';
import type { Kubectl } from './context';
import { KubectlError } from './errors';
import { resolvePath } from '../../engine/runtime/sh/fs';
import { looksLikeJson, parseYamlDocument, splitYamlDocuments, YamlSyntaxError } from '../../engine/util/yaml';
import { parseJsonStream } from '../../engine/util/json-syntax';

export interface Manifest {
  object: KubeObject;
  /** The file name as the user gave it ("STDIN" for -). */
  source: string;
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];

/** What -f sources yield: the objects read, and the errors that cut a source short (kubectl goes on with the rest). */
export interface ManifestStream {
  manifests: Manifest[];
  errors: KubectlError[];
}

/** Reads every -f source; the first error ends everything (for commands that act only when all is readable). */
export async function readManifests(k: Kubectl, filenames: string[], recursive: boolean): Promise<Manifest[]> {
  const r = await readManifestStream(k, filenames, recursive);
  if (r.errors.length) throw r.errors[0];
  return r.manifests;
}

/** Reads -f sources as kubectl's visitors do: a bad document ends its source, other sources go on. */
export async function readManifestStream(k: Kubectl, filenames: string[], recursive: boolean): Promise<ManifestStream> {
  const out: Manifest[] = [];
  const errors: KubectlError[] = [];
  const take = (text: string, source: string) => {
    const r = parse(text, source, true);
    out.push(...r.manifests);
    errors.push(...r.errors);
  };
  for (const f of filenames) {
    if (f === '-') {
      const text = await k.env.stdin.readAll();
      take(text, 'STDIN');
      continue;
    }
    if (/^https?:\/\//.test(f)) {
      throw new KubectlError(`error: unable to read URL "${f}", server reported 404 Not Found, status code=404`);
    }
    const path = resolvePath(k.env.cwd, f);
    const fs = k.env.fs;
    const st = fs.stat(path);
    if (!st) throw new KubectlError(`error: the path "${f}" does not exist`);
    if (st.type === 'dir') {
      for (const file of listDir(k, path, recursive)) {
        const rel = f.replace(/\/$/, '') + file.slice(path.length);
        take(fs.readFile(file), rel);
      }
      continue;
    }
    take(fs.readFile(path), f);
  }
  return { manifests: out, errors };
}

function listDir(k: Kubectl, dir: string, recursive: boolean): string[] {
  const fs = k.env.fs;
  const out: string[] = [];
  for (const name of fs.readdir(dir).sort()) {
    const p = `${dir === '/' ? '' : dir}/${name}`;
    const st = fs.stat(p);
    if (st?.type === 'dir') {
      if (recursive) out.push(...listDir(k, p, recursive));
      continue;
    }
    if (EXTENSIONS.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

/** Parses one source; empty documents are skipped, Lists are flattened. Throws the first error unless partial. */
export function parse(text: string, source: string): Manifest[];
export function parse(text: string, source: string, partial: true): ManifestStream;
export function parse(text: string, source: string, partial = false): Manifest[] | ManifestStream {
  const manifests: Manifest[] = [];
  const errors: KubectlError[] = [];
  try {
    for (const doc of documents(text, source)) {
      if (doc === null || doc === undefined) continue;
      if (typeof doc !== 'object' || Array.isArray(doc)) {
        throw new KubectlError(`error: error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
      }
      const o = doc as KubeObject;
      if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items)) {
        for (const item of o.items as KubeObject[]) manifests.push({ object: item, source });
        continue;
      }
      manifests.push({ object: o, source });
    }
  } catch (e) {
    if (!(e instanceof KubectlError)) throw e;
    if (!partial) throw e;
    errors.push(e);
  }
  return partial ? { manifests, errors } : manifests;
}

/** The documents of a stream, decoded one at a time (so a fault late in a stream keeps what came before). */
function* documents(text: string, source: string): Generator<unknown> {
  if (looksLikeJson(text)) {
    // kubectl's reader drops a leading byte-order mark from the whole stream.
    const r = parseJsonStream(text.replace(/^\uFEFF/, ''));
    yield* r.values;
    if (r.error) throw new KubectlError(`error: error parsing ${source}: ${r.error}`);
    return;
  }
  const chunks = splitYamlDocuments(text);
  for (;;) {
    let next: IteratorResult<{ text: string }>;
    try {
      next = chunks.next();
    } catch (e) {
      if (e instanceof YamlSyntaxError) throw new KubectlError(`error: error parsing ${source}: ${e.message}`);
      throw e;
    }
    if (next.done) return;
    try {
      yield parseYamlDocument(next.value.text);
    } catch (e) {
      if (e instanceof YamlSyntaxError) throw new KubectlError(`error: error parsing ${source}: error converting YAML to JSON: ${e.message}`);
      throw e;
    }
  }
}
