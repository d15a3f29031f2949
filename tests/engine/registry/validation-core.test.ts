// Messages for Services, namespaces, config and the other kinds; plus the decode-time quantity errors.
import { describe, expect, it } from 'vitest';
import type { ConfigMap, Namespace, Secret, Service } from 'kubernetes-types/core/v1';
import { invalidMessage } from '../../../src/engine/api/validation/field-errors';
import { defaultObject } from '../../../src/engine/registry/defaults';
import {
  cannotBeHandledMessage,
  findQuantityError,
  hasValidator,
  nameValidatorFor,
  validateNodePortRange,
  validateObject,
} from '../../../src/engine/registry/validation';

const GROUPS: Record<string, string> = {
  HorizontalPodAutoscaler: 'autoscaling',
  PodDisruptionBudget: 'policy',
  Ingress: 'networking.k8s.io',
  NetworkPolicy: 'networking.k8s.io',
  StorageClass: 'storage.k8s.io',
  PriorityClass: 'scheduling.k8s.io',
  RoleBinding: 'rbac.authorization.k8s.io',
  Role: 'rbac.authorization.k8s.io',
  Lease: 'coordination.k8s.io',
  EndpointSlice: 'discovery.k8s.io',
};

type Obj = { kind?: string; metadata?: { name?: string } };

function createMessage<T extends Obj>(manifest: T): string {
  const obj = structuredClone(manifest);
  defaultObject(obj);
  const errs = validateObject(obj);
  return errs.length === 0 ? '' : invalidMessage(obj.kind ?? '', GROUPS[obj.kind ?? ''] ?? '', obj.metadata?.name ?? '', errs);
}

function updateMessage<T extends Obj>(oldObj: T, change: (o: T) => void): string {
  const old = structuredClone(oldObj);
  defaultObject(old);
  const next = structuredClone(old);
  change(next);
  defaultObject(next);
  const errs = validateObject(next, old);
  return errs.length === 0 ? '' : invalidMessage(next.kind ?? '', GROUPS[next.kind ?? ''] ?? '', next.metadata?.name ?? '', errs);
}

const svc = (spec: Service['spec'], name = 'web'): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default', resourceVersion: '9' },
  spec,
});

describe('Service', () => {
  const table: Array<[string, Service, string]> = [
    ['valid', svc({ selector: { app: 'web' }, ports: [{ port: 80 }] }), ''],
    [
      'name must be a DNS-1035 label',
      svc({ ports: [{ port: 80 }] }, 'my_svc'),
      "Service \"my_svc\" is invalid: metadata.name: Invalid value: \"my_svc\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ],
    ['ports required', svc({ selector: { app: 'web' } }), 'Service "web" is invalid: spec.ports: Required value'],
    [
      'port range (targetPort defaults to the same 0)',
      svc({ ports: [{ port: 0 }] }),
      'Service "web" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]',
    ],
    [
      'several ports need names',
      svc({ ports: [{ port: 80 }, { port: 443 }] }),
      'Service "web" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
    ],
    [
      'unknown type',
      svc({ type: 'Foo', ports: [{ port: 80 }] }),
      'Service "web" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ],
    [
      'nodePort on a ClusterIP service',
      svc({ ports: [{ port: 80, nodePort: 30080 }] }),
      "Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ],
    [
      'targetPort name format',
      svc({ ports: [{ port: 80, targetPort: 'HTTP' }] }),
      'Service "web" is invalid: [spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)]',
    ],
    [
      'duplicate port',
      svc({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }),
      'Service "web" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ],
    ['ExternalName needs a name', svc({ type: 'ExternalName' }), 'Service "web" is invalid: spec.externalName: Required value'],
  ];
  it.each(table)('%s', (_name, manifest, expected) => {
    expect(createMessage(manifest)).toBe(expected);
  });

  it('clusterIP may not change once set', () => {
    const old = svc({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 80 }] });
    expect(
      updateMessage(old, (s) => {
        s.spec!.clusterIP = '10.96.0.20';
        s.spec!.clusterIPs = ['10.96.0.20'];
      }),
    ).toBe('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.20"}: may not change once set');
    expect(updateMessage(old, (s) => (s.spec!.ports = [{ port: 8080 }]))).toBe('');
  });

  it('node ports must be in range (allocator check)', () => {
    const s = svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] });
    expect(invalidMessage('Service', '', 'web', validateNodePortRange(s))).toBe(
      'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });
});

describe('Namespace, ConfigMap, Secret', () => {
  const ns = (name: string): Namespace => ({ kind: 'Namespace', metadata: { name } });
  it('namespace names are DNS-1123 labels', () => {
    expect(createMessage(ns('dev'))).toBe('');
    expect(createMessage(ns('a.b'))).toBe('Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": must not contain dots');
    expect(createMessage(ns('My_NS'))).toBe(
      "Namespace \"My_NS\" is invalid: metadata.name: Invalid value: \"My_NS\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
  });

  const cm = (data: Record<string, string>): ConfigMap => ({ kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default', resourceVersion: '2' }, data });
  it('config map keys and size', () => {
    expect(createMessage(cm({ 'a b': 'x' }))).toBe(
      "ConfigMap \"cm\" is invalid: data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
    expect(createMessage(cm({ big: 'x'.repeat(1024 * 1024 + 1) }))).toBe('ConfigMap "cm" is invalid: : Too long: may not be more than 1048576 bytes');
  });

  it('immutable config maps and secrets', () => {
    const frozen = { ...cm({ a: '1' }), immutable: true };
    expect(updateMessage(frozen, (c) => (c.data = { a: '2' }))).toBe('ConfigMap "cm" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    const s: Secret = { kind: 'Secret', metadata: { name: 's', namespace: 'default', resourceVersion: '3' }, data: { username: 'YWRtaW4=' } };
    expect(updateMessage(s, (x) => (x.type = 'kubernetes.io/basic-auth'))).toBe(
      'Secret "s" is invalid: type: Invalid value: "kubernetes.io/basic-auth": field is immutable',
    );
  });

  it('typed secrets need their keys', () => {
    const tls: Secret = { kind: 'Secret', metadata: { name: 't', namespace: 'default' }, type: 'kubernetes.io/tls', data: {} };
    expect(createMessage(tls)).toBe('Secret "t" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]');
  });
});

describe('other kinds', () => {
  it('HPA replica bounds', () => {
    expect(
      createMessage({
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'web', namespace: 'default' },
        spec: { minReplicas: 2, maxReplicas: 0, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } },
      }),
    ).toBe(
      'HorizontalPodAutoscaler.autoscaling "web" is invalid: [spec.maxReplicas: Invalid value: 0: must be greater than 0, spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`]',
    );
  });

  it('PDB minAvailable and maxUnavailable together', () => {
    expect(
      createMessage({ kind: 'PodDisruptionBudget', metadata: { name: 'pdb', namespace: 'default' }, spec: { minAvailable: 1, maxUnavailable: 1, selector: { matchLabels: { app: 'x' } } } }),
    ).toContain('PodDisruptionBudget.policy "pdb" is invalid: spec: Invalid value: policy.PodDisruptionBudgetSpec{');
  });

  it('Ingress paths need a pathType and an absolute path', () => {
    expect(
      createMessage({
        kind: 'Ingress',
        metadata: { name: 'ing', namespace: 'default' },
        spec: { rules: [{ host: 'example.com', http: { paths: [{ path: 'foo', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
      }),
    ).toBe('Ingress.networking.k8s.io "ing" is invalid: spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path');
  });

  it('PriorityClass names with system- are reserved', () => {
    expect(createMessage({ kind: 'PriorityClass', metadata: { name: 'system-x' }, value: 10 })).toBe(
      "PriorityClass.scheduling.k8s.io \"system-x\" is invalid: metadata.name: Invalid value: \"system-x\": priority class names with 'system-' prefix are reserved",
    );
  });

  it('RoleBinding roleRef kind', () => {
    expect(
      createMessage({
        kind: 'RoleBinding',
        metadata: { name: 'rb', namespace: 'default' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Deployment', name: 'x' },
        subjects: [{ kind: 'User', name: 'jane' }],
      }),
    ).toBe('RoleBinding.rbac.authorization.k8s.io "rb" is invalid: roleRef.kind: Unsupported value: "Deployment": supported values: "Role", "ClusterRole"');
  });

  it('Lease duration', () => {
    expect(createMessage({ kind: 'Lease', metadata: { name: 'l', namespace: 'kube-node-lease' }, spec: { leaseDurationSeconds: 0 } })).toBe(
      'Lease.coordination.k8s.io "l" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    );
  });

  it('covers every kind in the brief', () => {
    for (const k of ['Pod', 'Service', 'Namespace', 'Node', 'ConfigMap', 'Secret', 'Event', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob',
      'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Ingress', 'NetworkPolicy', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'ServiceAccount',
      'Lease', 'EndpointSlice', 'Endpoints', 'ResourceQuota', 'LimitRange', 'PriorityClass', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']) {
      expect(hasValidator(k), k).toBe(true);
    }
    expect(nameValidatorFor('Service')('my_svc', false)).toHaveLength(1);
  });
});

describe('decode-time quantity errors', () => {
  it('finds an unparsable quantity in a workload template', () => {
    const err = findQuantityError('Deployment', {
      spec: { template: { spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: 'abc' } } }] } } },
    });
    expect(err).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(cannotBeHandledMessage('Deployment', 'v1', err!)).toBe(
      "Deployment in version \"v1\" cannot be handled as a Deployment: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(findQuantityError('Pod', { spec: { containers: [{ resources: { requests: { memory: '1Gi' } } }] } })).toBeUndefined();
    expect(findQuantityError('PersistentVolumeClaim', { spec: { resources: { requests: { storage: '1K' } } } })).toBe("unable to parse quantity's suffix");
  });
});
