// checkFields / checkFieldsJson: strict decoding results worded as kube-apiserver words them.
import { describe, expect, it } from 'vitest';
import { checkFields, checkFieldsJson, fieldCheckMessage } from '../../../src/engine/schema/index';

function deployment(patch: (d: Record<string, any>) => void = () => {}): Record<string, any> {
  const d: Record<string, any> = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            { name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m', memory: '128Mi' } } },
            { name: 'side', image: 'busybox', command: ['sleep', '3600'], env: [{ name: 'A', value: '1' }] },
          ],
        },
      },
    },
  };
  patch(d);
  return d;
}

const C0 = 'spec.template.spec.containers[0]';

describe('checkFields', () => {
  it('accepts a valid object', () => {
    const r = checkFields('apps', 'v1', 'Deployment', deployment())!;
    expect(r.error).toBeUndefined();
    expect(r.strict).toEqual([]);
    expect(r.pruned).toBeUndefined();
    expect(fieldCheckMessage(r)).toBeUndefined();
  });

  it('reports unknown fields with their paths, in order', () => {
    const d = deployment((x) => {
      x.spec.template.spec.containers[0].imagePullPolicyy = 'Always';
      x.spec.template.spec.containers[1].env[0].valueFromm = {};
      x.spec.template.spec.containers[0].ports[0].protocoll = 'TCP';
      x.metadata.labelz = {};
      x.spec.foo = 1;
    });
    const r = checkFields('apps', 'v1', 'Deployment', d)!;
    expect(r.unknownFields).toEqual([
      'metadata.labelz',
      `${C0}.ports[0].protocoll`,
      `${C0}.imagePullPolicyy`,
      'spec.template.spec.containers[1].env[0].valueFromm',
      'spec.foo',
    ]);
    expect(fieldCheckMessage(r)).toBe(
      'strict decoding error: unknown field "metadata.labelz", unknown field "spec.template.spec.containers[0].ports[0].protocoll", ' +
        'unknown field "spec.template.spec.containers[0].imagePullPolicyy", unknown field "spec.template.spec.containers[1].env[0].valueFromm", ' +
        'unknown field "spec.foo"',
    );
    // The pruned copy drops exactly those fields and leaves the input alone.
    expect(r.pruned).toEqual(deployment());
    expect(d.spec.foo).toBe(1);
  });

  it('is case-sensitive and treats map keys as data', () => {
    const r = checkFields('apps', 'v1', 'Deployment', deployment((x) => {
      x.spec.Replicas = 3;
      x.metadata.annotations = { 'anything.example.com/goes': 'yes' };
    }))!;
    expect(r.unknownFields).toEqual(['spec.Replicas']);
  });

  it.each([
    ['string into int32', (x: any) => (x.spec.replicas = '3'), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['fraction into int32', (x: any) => (x.spec.replicas = 1.5), 'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['overflowing int32', (x: any) => (x.spec.replicas = 3000000000), 'json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['number into a string in a list item', (x: any) => (x.spec.template.spec.containers[1].env[0].value = 8080), 'json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string'],
    ['number label value', (x: any) => (x.metadata.labels.version = 2), 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    ['string into []string', (x: any) => (x.spec.template.spec.containers[1].command = 'sleep 3600'), 'json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.command of type []string'],
    ['array into a struct', (x: any) => (x.spec.strategy = []), 'json: cannot unmarshal array into Go struct field DeploymentSpec.spec.strategy of type v1.DeploymentStrategy'],
    ['scalar spec', (x: any) => (x.spec = 5), 'json: cannot unmarshal number into Go struct field Deployment.spec of type v1.DeploymentSpec'],
    ['bool into string', (x: any) => (x.metadata.name = true), 'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string'],
    ['string into a resource list', (x: any) => (x.spec.template.spec.containers[0].resources.limits = '1'), 'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.template.spec.containers.resources.limits of type v1.ResourceList'],
    ['bad quantity', (x: any) => (x.spec.template.spec.containers[0].resources.limits.memory = '1Gix'), "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['bad quantity suffix', (x: any) => (x.spec.template.spec.containers[0].resources.limits.memory = '1Qi'), "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['unknown quantity suffix', (x: any) => (x.spec.template.spec.containers[0].resources.limits.memory = '1ki'), "unable to parse quantity's suffix"],
    ['int-or-string as object', (x: any) => (x.spec.strategy = { rollingUpdate: { maxSurge: {} } }), 'json: cannot unmarshal object into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32'],
    ['timestamp', (x: any) => (x.metadata.creationTimestamp = 'yesterday'), 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"'],
    ['numeric timestamp', (x: any) => (x.metadata.creationTimestamp = 5), 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string'],
  ])('%s', (_name, mutate, message) => {
    const r = checkFields('apps', 'v1', 'Deployment', deployment(mutate))!;
    expect(r.error?.message).toBe(message);
    expect(r.typeErrors).toEqual([message]);
    expect(fieldCheckMessage(r)).toBe(message);
  });

  it('keeps the first type error and still lists strict errors; a custom unmarshaller error wins', () => {
    const r = checkFields('apps', 'v1', 'Deployment', deployment((x) => {
      x.spec.replicas = 'two';
      x.spec.paused = 'no';
      x.spec.bogus = 1;
    }))!;
    expect(r.error).toMatchObject({ value: 'string', struct: 'DeploymentSpec', field: 'spec.replicas', goType: 'int32' });
    expect(r.unknownFields).toEqual(['spec.bogus']);
    const r2 = checkFields('apps', 'v1', 'Deployment', deployment((x) => {
      x.spec.replicas = 'two';
      x.spec.template.spec.containers[0].resources.limits.cpu = 'lots';
    }))!;
    expect(r2.error?.message).toMatch(/^quantities must match/);
  });

  it('accepts what the Go types accept', () => {
    const r = checkFields('apps', 'v1', 'Deployment', deployment((x) => {
      x.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } };
      x.spec.template.spec.containers[0].resources = { limits: { cpu: 1, memory: '1e3' }, requests: { cpu: 0.5 } };
      x.metadata.creationTimestamp = null;
      x.spec.template.metadata.creationTimestamp = '2024-02-29T10:00:00.123Z';
      x.spec.template.spec.containers[0].ports = null;
      x.spec.template.spec.containers[0].livenessProbe = { httpGet: { path: '/', port: 'http' } };
    }))!;
    expect(fieldCheckMessage(r)).toBeUndefined();
  });

  it('covers core, proto-generated groups and metrics; unknown kinds have no schema', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', restartPolicy: 'Always' }], nodeNam: 'n1' } };
    expect(checkFields('', 'v1', 'Pod', pod)!.unknownFields).toEqual(['spec.nodeNam']);
    const job = { apiVersion: 'batch/v1', kind: 'Job', spec: { backoffLimit: '6', template: { spec: { containers: [] } } } };
    expect(checkFields('batch', 'v1', 'Job', job)!.error?.message).toBe(
      'json: cannot unmarshal string into Go struct field JobSpec.spec.backoffLimit of type int32',
    );
    const ing = { spec: { rules: [{ host: 'a', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 's', port: { number: 80 } } } }] } }] } };
    expect(checkFields('networking.k8s.io', 'v1', 'Ingress', ing)!.strict).toEqual([]);
    const pm = { metadata: { name: 'p' }, timestamp: '2024-01-01T00:00:00Z', window: '15s', containers: [{ name: 'c', usage: { cpu: '1n' } }] };
    expect(checkFields('metrics.k8s.io', 'v1beta1', 'PodMetrics', pm)!.strict).toEqual([]);
    expect(checkFields('example.com', 'v1', 'Widget', {})).toBeUndefined();
  });
});

describe('checkFieldsJson', () => {
  it('reports duplicate fields in document order next to unknown ones', () => {
    const r = checkFieldsJson('', 'v1', 'ConfigMap',
      '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","labels":{"x":"1","x":"2"},"name":"b"},"data":{"k":"v"},"dataa":{},"kind":"ConfigMap"}')!;
    expect(fieldCheckMessage(r)).toBe(
      'strict decoding error: duplicate field "metadata.labels.x", duplicate field "metadata.name", unknown field "dataa", duplicate field "kind"',
    );
  });

  it('uses the literal number text and the same type errors', () => {
    const r = checkFieldsJson('apps', 'v1', 'Deployment', '{"spec":{"replicas":1.50}}')!;
    expect(r.error?.message).toBe('json: cannot unmarshal number 1.50 into Go struct field DeploymentSpec.spec.replicas of type int32');
    const s = checkFieldsJson('', 'v1', 'Secret', '{"data":{"password":"plaintext!"}}')!;
    expect(s.error?.message).toBe('illegal base64 data at input byte 9');
    const svc = checkFieldsJson('', 'v1', 'Service', '{"spec":{"ports":[{"port":80,"targetPort":true}]}}')!;
    expect(svc.error?.message).toBe('json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32');
  });

  it('does not look inside unknown fields and agrees with checkFields on clean input', () => {
    const r = checkFieldsJson('apps', 'v1', 'Deployment', '{"spex":{"a":{"a":1,"a":2}},"spec":{"replicas":1}}')!;
    expect(fieldCheckMessage(r)).toBe('strict decoding error: unknown field "spex"');
    const d = JSON.stringify(deployment((x) => (x.spec.template.spec.containers[0].imagePullPolicyy = 'x')));
    expect(checkFieldsJson('apps', 'v1', 'Deployment', d)!.strict).toEqual(checkFields('apps', 'v1', 'Deployment', JSON.parse(d))!.strict);
  });

  it('throws on malformed JSON', () => {
    expect(() => checkFieldsJson('', 'v1', 'Pod', '{"metadata": }')).toThrow(SyntaxError);
  });
});
