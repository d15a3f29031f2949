// Tests of the schema generator: proto parsing, comment → description rules, and generated definitions
// compared with the upstream OpenAPI documents (round trip: proto → OpenAPI ≈ what Kubernetes serves).
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSchemaFiles, closure } from '../../../src/engine/schema/gen/build';
import { commentDescription, commentMarkers } from '../../../src/engine/schema/gen/comments';
import { compareDefinitions } from '../../../src/engine/schema/gen/compare';
import { documentRoots } from '../../../src/engine/schema/gen/kinds';
import { parseProto } from '../../../src/engine/schema/gen/proto-parse';
import { SCHEMA_GROUP_VERSIONS } from '../../../src/engine/schema/group-versions';
import type { SchemaMap } from '../../../src/engine/schema/types';
import { hasData, loadProtos, upstreamDoc } from './shared-data';

describe('parseProto', () => {
  it('reads messages, fields, maps and the comments above them', () => {
    const f = parseProto(`
// header comment

syntax = "proto2";
package k8s.io.api.demo.v1;
import "k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto";

// Thing is a demo.
// +structType=atomic
message Thing {
  // name of the thing.
  // +optional
  optional string name = 1;

  repeated .k8s.io.api.core.v1.Container containers = 2;

  map<string, string> labels = 3;
}
`);
    expect(f.package).toBe('k8s.io.api.demo.v1');
    expect(f.imports).toEqual(['k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto']);
    expect(f.messages).toHaveLength(1);
    const m = f.messages[0];
    expect(m.comments).toEqual(['Thing is a demo.', '+structType=atomic']);
    expect(m.fields.map((x) => [x.label, x.type, x.name, x.number, x.keyType])).toEqual([
      ['optional', 'string', 'name', 1, undefined],
      ['repeated', '.k8s.io.api.core.v1.Container', 'containers', 2, undefined],
      ['map', 'string', 'labels', 3, 'string'],
    ]);
    expect(m.fields[0].comments).toEqual(['name of the thing.', '+optional']);
  });
});

describe('commentDescription', () => {
  it.each([
    [['Number of desired pods. This is a', 'pointer. Defaults to 1.', '+optional'], 'Number of desired pods. This is a pointer. Defaults to 1.'],
    [['First paragraph.', '', 'Second paragraph.'], 'First paragraph.\n\nSecond paragraph.'],
    [['Example:', '', '\ttype A struct {', '\t\tB string', '\t}', '', 'After.'], 'Example:\n\n\ttype A struct {\n\t\tB string\n\t}\n\nAfter.'],
    [['Kept.', 'TODO: drop me', '---', 'after the rule'], 'Kept.'],
    [['- All: all dry run stages will be processed'], '- All: all dry run stages will be processed'],
  ])('%j', (lines, want) => {
    expect(commentDescription(lines)).toBe(want);
  });

  it('collects repeated markers in order', () => {
    const m = commentMarkers(['+listType=map', '+listMapKey=containerPort', '+listMapKey=protocol', '+optional']);
    expect(m.get('listMapKey')).toEqual(['containerPort', 'protocol']);
    expect(m.get('optional')).toEqual(['']);
  });
});

describe.runIf(hasData)('generated from proto vs upstream', () => {
  const protoOnly = () => {
    const { files } = buildSchemaFiles(loadProtos(), { upstream: [], mode: 'ignore' });
    return Object.assign({}, ...files.values()) as SchemaMap;
  };
  let all: SchemaMap | undefined;
  const generated = () => (all ??= protoOnly());
  const documentFor = (gvKey: string) => {
    const gv = SCHEMA_GROUP_VERSIONS.find((g) => (g.group ? `${g.group}/${g.version}` : g.version) === gvKey)!;
    const defs = generated();
    const out: SchemaMap = {};
    for (const n of closure(documentRoots(gv), (name) => defs[name])) out[n] = defs[n];
    return out;
  };

  it('Deployment, DeploymentStrategy and DeploymentList match the upstream apps/v1 document exactly', () => {
    const up = upstreamDoc('apis/apps/v1').components.schemas;
    const gen = generated();
    for (const name of ['Deployment', 'DeploymentStrategy', 'RollingUpdateDeployment', 'DeploymentList', 'ReplicaSetSpec']) {
      const def = `io.k8s.api.apps.v1.${name}`;
      expect(JSON.parse(JSON.stringify(gen[def])), def).toEqual(up[def]);
    }
  });

  it('DeploymentSpec differs only where proto cannot tell omitempty (progressDeadlineSeconds)', () => {
    const up = structuredClone(upstreamDoc('apis/apps/v1').components.schemas['io.k8s.api.apps.v1.DeploymentSpec']);
    const gen = structuredClone(generated()['io.k8s.api.apps.v1.DeploymentSpec']);
    expect(gen.required).toEqual(['selector', 'template', 'progressDeadlineSeconds']);
    expect(gen.properties!.progressDeadlineSeconds.default).toBe(0);
    gen.required = ['selector', 'template'];
    delete gen.properties!.progressDeadlineSeconds.default;
    expect(gen).toEqual(up);
  });

  it('PodSpec.containers and Container.ports carry the upstream patch and list extensions', () => {
    const gen = generated();
    const containers = gen['io.k8s.api.core.v1.PodSpec'].properties!.containers;
    expect(containers).toMatchObject({
      type: 'array',
      items: { default: {}, allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.Container' }] },
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
    });
    expect(gen['io.k8s.api.core.v1.Container'].properties!.ports['x-kubernetes-list-map-keys']).toEqual(['containerPort', 'protocol']);
    // Embedded structs are inlined like Go's json does (Volume embeds VolumeSource, Probe ProbeHandler).
    expect(Object.keys(gen['io.k8s.api.core.v1.Volume'].properties!)).toContain('configMap');
    expect(Object.keys(gen['io.k8s.api.core.v1.Probe'].properties!)).toContain('httpGet');
  });

  it('the apps/v1 document is close to upstream: same definitions and properties but version changes', () => {
    const cmp = compareDefinitions(documentFor('apps/v1'), upstreamDoc('apis/apps/v1').components.schemas);
    // Upstream's document predates 1.31: ClaimSource (removed in 1.31) is the only definition we lack.
    expect(cmp.definitions.onlyUpstream).toEqual(['io.k8s.api.core.v1.ClaimSource']);
    expect(cmp.properties.onlyUpstream).toEqual(['io.k8s.api.core.v1.PodResourceClaim.source']);
    expect(cmp.properties.common).toBeGreaterThan(680);
    for (const aspect of ['type', 'format', 'ref', 'items', 'additionalProperties']) expect(cmp.mismatches.get(aspect) ?? [], aspect).toEqual([]);
    // Descriptions differ only where the Go comments changed between the versions.
    expect((cmp.mismatches.get('description') ?? []).length).toBeLessThan(70);
  });

  it('the committed generated files are what the generator writes', () => {
    const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
    const upstream = ['apis/apps/v1', 'api/v1', 'apis/autoscaling/v2'].map((p) => upstreamDoc(p).components.schemas);
    const { files } = buildSchemaFiles(loadProtos(), { upstream });
    for (const [file, defs] of files) {
      const committed = readFileSync(join(repo, 'src/engine/schema/generated', `${file}.json`), 'utf8');
      expect(committed === JSON.stringify(defs) + '\n', `${file}.json is stale: run npx tsx scripts/gen-schemas.ts`).toBe(true);
    }
  });
});
