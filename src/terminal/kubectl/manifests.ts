// Reading manifests for -f: files, directories (-R), stdin ("-"); YAML or JSON, several documents,
// Lists flattened; errors worded like kubectl's.
// mirrors: cli-runtime/pkg/resource (FileVisitor, StreamVisitor, YAMLOrJSONDecoder)

import { loadAll } from 'js-yaml';
import type { KubeObject } from '../../engine/api/types';
import type { Kubectl } from './context';
import { KubectlError } from './errors';
import { resolvePath } from '../../engine/runtime/sh/fs';
import { goYamlError } from './yaml-errors';

export interface Manifest {
  object: KubeObject;
  /** The file name as the user gave it ("STDIN" for -). */
  source: string;
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];

export async function readManifests(k: Kubectl, filenames: string[], recursive: boolean): Promise<Manifest[]> {
  const out: Manifest[] = [];
  for (const f of filenames) {
    if (f === '-') {
      const text = await k.env.stdin.readAll();
      out.push(...parse(text, 'STDIN'));
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
        out.push(...parse(fs.readFile(file), rel));
      }
      continue;
    }
    out.push(...parse(fs.readFile(path), f));
  }
  return out;
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

/** Parses one source; empty documents are skipped, Lists are flattened. */
export function parse(text: string, source: string): Manifest[] {
  let docs: unknown[];
  try {
    docs = text.trimStart().startsWith('{') || text.trimStart().startsWith('[') ? [JSON.parse(text)] : loadAll(text);
  } catch (e) {
    if (e instanceof SyntaxError) throw new KubectlError(`error: error parsing ${source}: ${jsonError(e)}`);
    throw new KubectlError(`error: error parsing ${source}: error converting YAML to JSON: ${goYamlError(e, text)}`);
  }
  const out: Manifest[] = [];
  for (const doc of docs) {
    if (doc === null || doc === undefined) continue;
    if (typeof doc !== 'object' || Array.isArray(doc)) {
      throw new KubectlError(`error: error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
    }
    const o = doc as KubeObject;
    if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items)) {
      for (const item of o.items as KubeObject[]) out.push({ object: item, source });
      continue;
    }
    out.push({ object: o, source });
  }
  return out;
}

function jsonError(e: SyntaxError): string {
  return e.message;
}
