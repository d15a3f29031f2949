import { describe, expect, it } from 'vitest';
import { convertSchema, kubernetesSchema, manifestKinds, type JSONSchema } from '../../../src/ui/editor/schemas';

describe('editor schemas', () => {
  const schema = kubernetesSchema();

  it('covers the kinds people write, chosen by apiVersion and kind', () => {
    const kinds = manifestKinds().map((k) => `${k.apiVersion} ${k.kind}`);
    for (const k of ['v1 Pod', 'v1 Service', 'v1 ConfigMap', 'apps/v1 Deployment', 'apps/v1 StatefulSet', 'apps/v1 DaemonSet', 'batch/v1 Job', 'batch/v1 CronJob', 'autoscaling/v2 HorizontalPodAutoscaler', 'networking.k8s.io/v1 Ingress']) expect(kinds).toContain(k);
    for (const k of ['v1 Binding', 'policy/v1 Eviction', 'metrics.k8s.io/v1beta1 PodMetrics']) expect(kinds).not.toContain(k);
    const deploy = schema.allOf!.find((s) => s.if?.properties?.kind?.const === 'Deployment');
    expect(deploy).toEqual({
      if: { properties: { apiVersion: { const: 'apps/v1' }, kind: { const: 'Deployment' } }, required: ['apiVersion', 'kind'] },
      then: { $ref: '#/definitions/io.k8s.api.apps.v1.Deployment' },
    });
    expect(schema.properties!.kind.enum).toContain('HorizontalPodAutoscaler');
  });

  it('every $ref resolves inside the document', () => {
    const refs = new Set<string>();
    const walk = (s: unknown) => {
      if (Array.isArray(s)) s.forEach(walk);
      else if (s && typeof s === 'object') for (const [k, v] of Object.entries(s)) k === '$ref' ? refs.add(v as string) : walk(v);
    };
    walk(schema);
    expect(refs.size).toBeGreaterThan(100);
    for (const r of refs) expect(schema.definitions![r.replace('#/definitions/', '')], r).toBeDefined();
  });

  it('converts OpenAPI to JSON Schema: refs, closed objects, no formats', () => {
    const out = convertSchema({
      type: 'object',
      description: 'd',
      properties: { a: { type: 'integer', format: 'int32' }, b: { allOf: [{ $ref: '#/components/schemas/io.k8s.X' }], default: {} } },
      'x-kubernetes-map-type': 'atomic',
    });
    expect(out).toEqual<JSONSchema>({
      type: 'object',
      description: 'd',
      properties: { a: { type: 'integer' }, b: { allOf: [{ $ref: '#/definitions/io.k8s.X' }], default: {} } },
      additionalProperties: false,
    });
    expect(convertSchema({ type: 'object', additionalProperties: { type: 'string' } })).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    const podSpec = schema.definitions!['io.k8s.api.core.v1.PodSpec'];
    expect(podSpec.required).toEqual(['containers']);
    expect(podSpec.additionalProperties).toBe(false);
  });
});
