// The messages a user sees for common mistakes in Pods and workloads: `<Kind>[.group] "<name>" is invalid: ...`.
import { describe, expect, it } from 'vitest';
import type { Deployment, StatefulSet, DaemonSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { invalidMessage } from '../../../src/engine/api/validation/field-errors';
import { defaultObject, generateJobSelector } from '../../../src/engine/registry/defaults';
import { validateObject } from '../../../src/engine/registry/validation';

const GROUPS: Record<string, string> = { Deployment: 'apps', StatefulSet: 'apps', DaemonSet: 'apps', ReplicaSet: 'apps', Job: 'batch', CronJob: 'batch' };

/** Defaults a copy of a manifest as the API server would, validates it, and returns the 422 message. */
function createMessage<T extends { kind?: string; metadata?: { name?: string } }>(manifest: T, prepare?: (o: T) => void): string {
  const obj = structuredClone(manifest);
  defaultObject(obj);
  prepare?.(obj);
  const errs = validateObject(obj);
  return errs.length === 0 ? '' : invalidMessage(obj.kind ?? '', GROUPS[obj.kind ?? ''] ?? '', obj.metadata?.name ?? '', errs);
}

function updateMessage<T extends { kind?: string; metadata?: { name?: string } }>(oldObj: T, change: (o: T) => void): string {
  const old = structuredClone(oldObj);
  defaultObject(old);
  const next = structuredClone(old);
  change(next);
  defaultObject(next); // the submitted object is decoded and defaulted like any other
  const errs = validateObject(next, old);
  return errs.length === 0 ? '' : invalidMessage(next.kind ?? '', GROUPS[next.kind ?? ''] ?? '', next.metadata?.name ?? '', errs);
}

function pod(containers: Container[], extra: Partial<Pod['spec']> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', resourceVersion: '1' }, spec: { containers, ...extra } };
}

const web: Container = { name: 'web', image: 'nginx:1.25' };

describe('Pod create', () => {
  const table: Array<[string, Pod, string]> = [
    ['valid', pod([web]), ''],
    ['no containers', pod([]), 'Pod "p" is invalid: spec.containers: Required value'],
    ['container without name and image', pod([{} as Container]), 'Pod "p" is invalid: [spec.containers[0].name: Required value, spec.containers[0].image: Required value]'],
    ['duplicate container names', pod([web, { name: 'web', image: 'redis' }]), 'Pod "p" is invalid: spec.containers[1].name: Duplicate value: "web"'],
    [
      'restartPolicy',
      pod([web], { restartPolicy: 'Sometimes' }),
      'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    [
      'container port range and protocol',
      pod([{ ...web, ports: [{ containerPort: 70000, protocol: 'HTTP' }] }]),
      'Pod "p" is invalid: [spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"]',
    ],
    [
      'requests above limits',
      pod([{ ...web, resources: { requests: { cpu: '1' }, limits: { cpu: '500m' } } }]),
      'Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ],
    [
      'negative request',
      pod([{ ...web, resources: { requests: { memory: '-1Gi' } } }]),
      'Pod "p" is invalid: spec.containers[0].resources.requests[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
    ],
    [
      'unknown resource name',
      pod([{ ...web, resources: { limits: { cpus: '1' } } }]),
      'Pod "p" is invalid: [spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified, spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers, spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified, spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers]',
    ],
    [
      'extended resources must be whole and equal to limits',
      pod([{ ...web, resources: { limits: { 'example.com/gpu': '1' }, requests: { 'example.com/gpu': '500m' } } }]),
      'Pod "p" is invalid: [spec.containers[0].resources.requests[example.com/gpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:5, scale:-1}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"DecimalSI"}: must be an integer, spec.containers[0].resources.requests: Invalid value: "500m": must be equal to example.com/gpu limit of 1]',
    ],
    [
      'container name format',
      pod([{ name: 'Web_1', image: 'nginx' }]),
      "Pod \"p\" is invalid: spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ],
    ['missing volume', pod([{ ...web, volumeMounts: [{ name: 'data', mountPath: '/data' }] }]), 'Pod "p" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ['probe without handler', pod([{ ...web, livenessProbe: {} }]), 'Pod "p" is invalid: spec.containers[0].livenessProbe: Required value: must specify a handler type'],
    [
      'liveness successThreshold',
      pod([{ ...web, livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }]),
      'Pod "p" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ],
    [
      'image with spaces',
      pod([{ name: 'web', image: ' nginx' }]),
      'Pod "p" is invalid: spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace',
    ],
    [
      'toleration without key',
      pod([web], { tolerations: [{ operator: 'Equal', value: 'x' }] }),
      'Pod "p" is invalid: spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ],
  ];
  it.each(table)('%s', (_name, manifest, expected) => {
    expect(createMessage(manifest)).toBe(expected);
  });

  it('names: required and DNS subdomain', () => {
    expect(createMessage<Pod>({ ...pod([web]), metadata: { namespace: 'default' } })).toBe('Pod "" is invalid: metadata.name: Required value: name or generateName is required');
    expect(createMessage<Pod>({ ...pod([web]), metadata: { name: 'Web', namespace: 'default' } })).toBe(
      "Pod \"Web\" is invalid: metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  });
});

describe('Pod update', () => {
  const base = pod([{ ...web, ports: [{ containerPort: 80 }] }]);

  it('allows image changes and additions to tolerations', () => {
    expect(updateMessage(base, (p) => (p.spec!.containers[0].image = 'nginx:1.26'))).toBe('');
    expect(updateMessage(base, (p) => (p.spec!.tolerations = [{ key: 'k', operator: 'Exists' }]))).toBe('');
  });

  it('forbids other spec changes with the 1.32 message and a diff', () => {
    const msg = updateMessage(base, (p) => (p.spec!.containers[0].ports = [{ containerPort: 8080, protocol: 'TCP' }]));
    expect(msg.startsWith(
      'Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n  core.PodSpec{\n',
    )).toBe(true);
    expect(msg).toContain('- \tContainers: ');
    expect(msg).toContain('+ \tContainers: ');
    expect(msg).toContain('ContainerPort: 8080');
  });

  it('forbids adding containers and removing tolerations', () => {
    expect(updateMessage(base, (p) => p.spec!.containers.push({ name: 'side', image: 'busybox' }))).toBe(
      'Pod "p" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers',
    );
    const tolerated = pod([web], { tolerations: [{ key: 'a', operator: 'Exists' }] });
    expect(updateMessage(tolerated, (p) => (p.spec!.tolerations = []))).toContain(
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    );
  });

  it('checks activeDeadlineSeconds only decreases', () => {
    const withDeadline = pod([web], { activeDeadlineSeconds: 30 });
    expect(updateMessage(withDeadline, (p) => (p.spec!.activeDeadlineSeconds = 60))).toBe(
      'Pod "p" is invalid: spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value',
    );
    expect(updateMessage(withDeadline, (p) => (p.spec!.activeDeadlineSeconds = 10))).toBe('');
  });
});

function deployment(spec: Partial<NonNullable<Deployment['spec']>> = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', resourceVersion: '7' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [web] } },
      ...spec,
    },
  };
}

describe('Deployment', () => {
  const table: Array<[string, Deployment, string]> = [
    ['valid', deployment(), ''],
    ['negative replicas', deployment({ replicas: -1 }), 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [
      'missing selector',
      deployment({ selector: undefined as unknown as LabelSelector }),
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]',
    ],
    [
      'selector does not match',
      deployment({ selector: { matchLabels: { app: 'api' } } }),
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ],
    [
      'empty selector',
      deployment({ selector: {} }),
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ],
    [
      'restartPolicy must be Always',
      deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [web], restartPolicy: 'OnFailure' } } }),
      'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ],
    [
      'maxSurge and maxUnavailable both 0',
      deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ],
    [
      'maxUnavailable over 100%',
      deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '150%' } } }),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    ],
    [
      'progress deadline',
      deployment({ minReadySeconds: 700 }),
      'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
    ],
    [
      'template container problems carry the template path',
      deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web' } as Container] } } }),
      'Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value',
    ],
  ];
  it.each(table)('%s', (_name, manifest, expected) => {
    expect(createMessage(manifest)).toBe(expected);
  });

  it('the selector is immutable on update', () => {
    const msg = updateMessage(deployment(), (d) => {
      d.spec!.selector = { matchLabels: { app: 'web2' } };
      d.spec!.template.metadata!.labels = { app: 'web2' };
    });
    expect(msg).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
    expect(updateMessage(deployment(), (d) => (d.spec!.replicas = 5))).toBe('');
  });
});

describe('StatefulSet and DaemonSet', () => {
  it('StatefulSet names are DNS labels', () => {
    const sts: StatefulSet = {
      kind: 'StatefulSet',
      metadata: { name: 'db.main', namespace: 'default' },
      spec: { serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [web] } } },
    };
    expect(createMessage(sts)).toBe('StatefulSet.apps "db.main" is invalid: metadata.name: Invalid value: "db.main": must not contain dots');
  });

  it('StatefulSet spec fields other than the allowed ones are immutable', () => {
    const sts: StatefulSet = {
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default', resourceVersion: '3' },
      spec: { serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [web] } } },
    };
    expect(updateMessage(sts, (s) => (s.spec!.serviceName = 'other'))).toBe(
      "StatefulSet.apps \"db\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
  });

  it('DaemonSet template labels must match', () => {
    const ds: DaemonSet = {
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'other' } }, spec: { containers: [web] } } },
    };
    expect(createMessage(ds)).toBe(
      'DaemonSet.apps "agent" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    );
  });
});

describe('Job and CronJob', () => {
  const job = (restartPolicy?: string): Job => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', uid: '1234', resourceVersion: '4' },
    spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl:5.34' }], ...(restartPolicy ? { restartPolicy } : {}) } } },
  });

  it('requires OnFailure or Never', () => {
    expect(createMessage(job(), generateJobSelector)).toBe(
      'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
    expect(createMessage(job('Never'), generateJobSelector)).toBe('');
  });

  it('the pod template is immutable', () => {
    const old = job('Never');
    defaultObject(old);
    generateJobSelector(old);
    const next = structuredClone(old);
    next.spec!.template.spec!.containers[0].image = 'perl:5.36';
    const msg = invalidMessage('Job', 'batch', 'pi', validateObject(next, old));
    expect(msg.startsWith('Job.batch "pi" is invalid: spec.template: Invalid value: core.PodTemplateSpec{')).toBe(true);
    expect(msg.endsWith(': field is immutable')).toBe(true);
  });

  const cron = (name: string, schedule: string): CronJob => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: { schedule, jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } } },
  });

  it.each([
    ['* * * * *', ''],
    ['@hourly', ''],
    ['*/15 1-5 * JAN-mar mon', ''],
    ['foo', 'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "foo": expected exactly 5 fields, found 1: [foo]'],
    ['60 * * * *', 'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "60 * * * *": end of range (60) above maximum (59): 60'],
    ['* * * * 8', 'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "* * * * 8": end of range (8) above maximum (6): 8'],
    [
      'x * * * *',
      'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "x * * * *": failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax',
    ],
    ['@often', 'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "@often": unrecognized descriptor: @often'],
    [
      'CRON_TZ=UTC * * * * *',
      'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "CRON_TZ=UTC * * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ],
  ])('schedule %j', (schedule, expected) => {
    expect(createMessage(cron('hello', schedule))).toBe(expected);
  });

  it('names are limited to 52 characters on create', () => {
    const name = 'a'.repeat(53);
    expect(createMessage(cron(name, '* * * * *'))).toBe(`CronJob.batch "${name}" is invalid: metadata.name: Invalid value: "${name}": must be no more than 52 characters`);
  });
});
