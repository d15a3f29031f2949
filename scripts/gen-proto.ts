// Generates src/host/protobuf/generated/k8s-proto.json: a protobufjs JSON descriptor of the Kubernetes
// v1.32 API types (from ../shared/data/proto) plus the Go JSON facts protobuf does not carry, so that
// `kubeplay serve` can turn the protobuf bodies kubectl 1.31+ sends into the JSON Go would have written.
//
// Usage: npx tsx scripts/gen-proto.ts [--go DIR] [--check]
//   --go DIR  Go sources of k8s.io/api and k8s.io/apimachinery at v0.32.0, laid out as DIR/api/<group>/<version>/*.go
//             and DIR/apimachinery/pkg/...; gives exact json names, omitempty and pointer-ness per field, e.g.
//               git -C api show v0.32.0:apps/v1/types.go > DIR/api/apps/v1/types.go   (for each group)
//             Without it, zero scalars are kept only for fields not marked `+optional` (pointer fields whose
//             value is an explicit zero, like `replicas: 0`, are then lost) and a warning is printed.
//   --check   exit 1 when the committed file differs from what would be generated

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import type { FieldFacts, ProtoBundle, SpecialKind } from '../src/host/protobuf/types';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const protoRoot = resolve(repo, '../shared/data/proto');
const outFile = join(repo, 'src/host/protobuf/generated/k8s-proto.json');

/** Go types whose JSON form is not their protobuf message shape (their MarshalJSON methods). */
const SPECIAL: Record<string, SpecialKind> = {
  'k8s.io.apimachinery.pkg.apis.meta.v1.Time': 'time',
  'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime': 'microtime',
  'k8s.io.apimachinery.pkg.apis.meta.v1.Duration': 'duration',
  'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1': 'rawjson',
  'k8s.io.apimachinery.pkg.runtime.RawExtension': 'rawjson',
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString': 'intorstring',
  'k8s.io.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'k8s.io.apimachinery.pkg.api.resource.QuantityValue': 'quantity',
  'k8s.io.apimachinery.pkg.apis.meta.v1.Verbs': 'stringslice',
  'k8s.io.api.authorization.v1.ExtraValue': 'stringslice',
  'k8s.io.api.authentication.v1.ExtraValue': 'stringslice',
};

const SCALARS = new Set(['string', 'bool', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'double', 'float', 'bytes']);

function protoFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...protoFiles(p));
    else if (name.endsWith('.proto')) out.push(p);
  }
  return out.sort();
}

interface GoField {
  json: string;
  /** `json:",inline"`: the struct's fields sit in the parent object. */
  inline: boolean;
  omitempty: boolean;
  pointer: boolean;
}

/** Struct fields by Go package path (k8s.io/api/apps/v1) and type name, keyed by protobuf field name. */
function readGoStructs(goDir: string): Map<string, Map<string, Map<string, GoField>>> {
  const out = new Map<string, Map<string, Map<string, GoField>>>();
  const walk = (dir: string, pkg: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p, `${pkg}/${name}`);
      else if (name.endsWith('.go') && !name.endsWith('_test.go')) parseGoFile(readFileSync(p, 'utf8'), pkg, out);
    }
  };
  walk(join(goDir, 'api'), 'k8s.io/api');
  walk(join(goDir, 'apimachinery'), 'k8s.io/apimachinery');
  return out;
}

function parseGoFile(src: string, pkg: string, out: Map<string, Map<string, Map<string, GoField>>>): void {
  const types = out.get(pkg) ?? new Map<string, Map<string, GoField>>();
  out.set(pkg, types);
  for (const m of src.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
    const fields = new Map<string, GoField>();
    for (const line of m[2].split('\n')) {
      const f = /^\s+(?:\w+\s+)?(\*?[\w.[\]]+)\s+`(.*)`\s*$/.exec(line);
      if (!f) continue;
      const pb = /protobuf:"([^"]*)"/.exec(f[2]);
      const js = /json:"([^"]*)"/.exec(f[2]);
      if (!pb || !js) continue;
      // Embedded structs without name= are named after their type (EphemeralContainerCommon → ephemeralContainerCommon).
      const goType = f[1].replace(/^\*/, '').replace(/^.*\./, '');
      const protoName = /\bname=(\w+)/.exec(pb[1])?.[1] ?? goType[0].toLowerCase() + goType.slice(1);
      const [jsonName, ...opts] = js[1].split(',');
      const inline = jsonName === '' && opts.includes('inline');
      fields.set(protoName, { json: jsonName || protoName, omitempty: opts.includes('omitempty'), pointer: f[1].startsWith('*'), inline });
    }
    if (fields.size) types.set(m[1], fields);
  }
}

/** `+optional` markers from the proto comments: the fallback for omitempty without Go sources. */
function optionalFields(files: string[]): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    const pkg = /^package ([\w.]+);/m.exec(src)![1];
    let message = '';
    let optional = false;
    for (const line of src.split('\n')) {
      const msg = /^message (\w+) \{/.exec(line);
      if (msg) message = msg[1];
      if (/^\s*\/\/ \+optional/.test(line)) optional = true;
      const field = /^\s+(?:optional|repeated)?\s*[\w.<>, ]+\s+(\w+) = \d+;/.exec(line);
      if (field) {
        if (optional) out.add(`${pkg}.${message}.${field[1]}`);
        optional = false;
      } else if (!/^\s*\/\//.test(line)) optional = false;
    }
  }
  return out;
}

function main(): number {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const goIdx = args.indexOf('--go');
  const goDir = goIdx >= 0 ? resolve(args[goIdx + 1]) : undefined;

  const files = protoFiles(protoRoot);
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => (existsSync(target) ? target : join(protoRoot, target));
  root.loadSync(files, { keepCase: true });
  root.resolveAll();

  const go = goDir ? readGoStructs(goDir) : undefined;
  if (!go) process.stderr.write('gen-proto: no --go sources; omitempty/pointer facts fall back to +optional markers\n');
  const optional = optionalFields(files);
  const unmatched: string[] = [];

  const fields: Record<string, Record<string, FieldFacts>> = {};
  const visit = (ns: protobuf.NamespaceBase) => {
    for (const obj of ns.nestedArray) {
      if (obj instanceof protobuf.Type) {
        const full = obj.fullName.slice(1);
        const pkgPath = full.slice(0, full.lastIndexOf('.')).replace(/^k8s\.io\./, 'k8s.io/').replace(/\./g, '/').replace('k8s/io', 'k8s.io');
        const goFields = go?.get(pkgPath)?.get(obj.name);
        if (go && !goFields && !SPECIAL[full]) unmatched.push(full);
        const facts: Record<string, FieldFacts> = {};
        for (const f of obj.fieldsArray) {
          const g = goFields?.get(f.name);
          const fact: FieldFacts = {};
          if (g?.inline) fact.inline = true;
          else if (g && g.json !== f.name) fact.json = g.json;
          const scalar = SCALARS.has(f.type) && !f.repeated && !f.map;
          if (scalar) {
            const keep = g ? g.pointer || !g.omitempty : !optional.has(`${full}.${f.name}`);
            if (keep) fact.keepZero = true;
          }
          if (Object.keys(fact).length) facts[f.name] = fact;
        }
        if (Object.keys(facts).length) fields[full] = facts;
      }
      if (obj instanceof protobuf.Namespace) visit(obj);
    }
  };
  visit(root);
  if (unmatched.length) process.stderr.write(`gen-proto: no Go struct for ${unmatched.join(', ')} (+optional markers used)\n`);

  const bundle: ProtoBundle = {
    '//': [
      'Generated by scripts/gen-proto.ts from the Kubernetes v1.32.0 generated.proto files (k8s.io/api and',
      'k8s.io/apimachinery v0.32.0, Copyright The Kubernetes Authors, Apache License 2.0) and the json tags of',
      'the Go types they describe. Do not edit.',
    ].join(' '),
    sources: files.map((f) => relative(protoRoot, f)),
    special: SPECIAL,
    fields,
    descriptor: root.toJSON({ keepComments: false }) as ProtoBundle['descriptor'],
  };
  const text = JSON.stringify(bundle) + '\n';
  if (check) {
    const old = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
    if (old !== text) {
      process.stderr.write(`gen-proto: ${relative(repo, outFile)} is out of date\n`);
      return 1;
    }
    return 0;
  }
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, text);
  process.stdout.write(`wrote ${relative(repo, outFile)} (${text.length} bytes, ${Object.keys(fields).length} types with Go facts)\n`);
  return 0;
}

process.exitCode = main();
