// Test helper: the upstream data under ../shared/data (present in CI next to the clone), loaded once.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProto, type ProtoFile } from '../../../src/engine/schema/gen/proto-parse';
import type { SchemaMap } from '../../../src/engine/schema/types';

export const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');
export const hasData = existsSync(join(DATA, 'proto')) && existsSync(join(DATA, 'openapi-v3'));

function protoPaths(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? protoPaths(p) : p.endsWith('.proto') ? [p] : [];
    });
}

let protos: ProtoFile[] | undefined;
export function loadProtos(): ProtoFile[] {
  protos ??= protoPaths(join(DATA, 'proto')).map((p) => parseProto(readFileSync(p, 'utf8')));
  return protos;
}

export interface UpstreamDoc {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: SchemaMap };
}

const docs = new Map<string, UpstreamDoc>();
/** 'api/v1', 'apis/apps/v1', 'apis/autoscaling/v2'. */
export function upstreamDoc(path: string): UpstreamDoc {
  let d = docs.get(path);
  if (!d) {
    d = JSON.parse(readFileSync(join(DATA, 'openapi-v3', `${path}.json`), 'utf8')) as UpstreamDoc;
    docs.set(path, d);
  }
  return d;
}
