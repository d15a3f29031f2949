// Argument parsing of label/annotate/set and the status and condition checks of rollout/wait.

import { describe, expect, it } from 'vitest';
import { parseAnnotationArgs, parseLabelArgs, resourcesAndPairs } from '../../../../src/terminal/kubectl/commands/label-annotate';
import { podSpecOf, selectString } from '../../../../src/terminal/kubectl/commands/set-common';
import { updateEnv } from '../../../../src/terminal/kubectl/commands/set-env';
import { parseSelectorMap } from '../../../../src/terminal/kubectl/commands/set-selector';
import { parseResourceList } from '../../../../src/terminal/kubectl/commands/set-resources';
import { deploymentStatus, statefulSetStatus } from '../../../../src/terminal/kubectl/commands/rollout-status';
import { conditionCheck } from '../../../../src/terminal/kubectl/commands/wait';
import { equalIgnoreHash } from '../../../../src/terminal/kubectl/commands/rollout-common';

describe('label and annotate arguments', () => {
  it('splits resources from pairs', () => {
    expect(resourcesAndPairs(['pods', 'a', 'x=1', 'y-'], 'label')).toEqual({ resources: ['pods', 'a'], pairs: ['x=1', 'y-'] });
    expect(() => resourcesAndPairs(['pod', 'x=1', 'b'], 'label')).toThrow('error: all resources must be specified before label changes: b');
  });
  it.each([
    [['a=b=c'], 'error: invalid label spec: a=b=c'],
    [['a'], 'error: unknown label spec: a'],
    [['a=1', 'a-'], 'error: can not both modify and remove a label in the same command'],
    [['a=' + 'x'.repeat(64)], /must be no more than 63 characters/],
  ])('labels %j fail', (pairs, msg) => expect(() => parseLabelArgs(pairs as string[])).toThrow(msg));
  it('accepts empty label values and removals', () => {
    const r = parseLabelArgs(['a=', 'b-']);
    expect([...r.set]).toEqual([['a', '']]);
    expect(r.remove).toEqual(['b']);
  });
  it('annotation values may contain = and spaces', () => {
    expect([...parseAnnotationArgs(['d=a=b c']).set]).toEqual([['d', 'a=b c']]);
    expect(() => parseAnnotationArgs(['x', 'y'])).toThrow('error: invalid annotation format: x, y');
    expect(() => parseAnnotationArgs(['a=1', 'a-'])).toThrow('error: can not both modify and remove the following annotation(s) in the same command: a');
  });
});

describe('set helpers', () => {
  it.each([
    ['*', 'anything', true],
    ['web', 'web', true],
    ['web', 'web2', false],
    ['web*', 'web-side', true],
    ['*car', 'sidecar', true],
    ['*car', 'cart', false],
  ])('selectString(%s, %s)', (spec, name, want) => expect(selectString(name, spec)).toBe(want));
  it('finds the pod spec of every workload kind', () => {
    expect(podSpecOf({ kind: 'Pod', spec: { containers: [] } })).toEqual({ containers: [] });
    expect(podSpecOf({ kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never' } } } } } })).toEqual({ restartPolicy: 'Never' });
    expect(() => podSpecOf({ apiVersion: 'v1', kind: 'Service' })).toThrow('the object is not a pod or does not have a pod template: *v1.Service');
  });
  it('updates env in place, removes, appends', () => {
    const cur = [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }];
    expect(updateEnv(cur, [{ name: 'B', value: 'x' }, { name: 'D', value: '4' }], ['A'])).toEqual([{ name: 'B', value: 'x' }, { name: 'C', value: '3' }, { name: 'D', value: '4' }]);
  });
  it('parses service selectors and resource lists', () => {
    expect(parseSelectorMap('app=web,tier==front')).toEqual({ app: 'web', tier: 'front' });
    expect(() => parseSelectorMap('app in (a,b),x')).toThrow('error: match expression [{app In [a b]} {x Exists []}] not supported on this object');
    expect(parseResourceList('cpu=0.5,memory=1Gi')).toEqual({ cpu: '500m', memory: '1Gi' });
    expect(() => parseResourceList('cpu')).toThrow('error: Invalid argument syntax cpu, expected <resource>=<value>');
  });
});

describe('rollout status', () => {
  const d = (status: Record<string, unknown>, generation = 2, replicas = 3) => ({ kind: 'Deployment', metadata: { name: 'web', generation }, spec: { replicas }, status });
  it.each([
    [d({ observedGeneration: 1 }), 'Waiting for deployment spec update to be observed...\n', false],
    [d({ observedGeneration: 2, updatedReplicas: 1, replicas: 4 }), 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n', false],
    [d({ observedGeneration: 2, updatedReplicas: 3, replicas: 4 }), 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n', false],
    [d({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 2 }), 'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n', false],
    [d({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }), 'deployment "web" successfully rolled out\n', true],
  ])('%#', (obj, text, done) => expect(deploymentStatus(obj, 0)).toEqual({ text, done }));
  it('fails past the progress deadline and on a different revision', () => {
    expect(() => deploymentStatus(d({ observedGeneration: 2, conditions: [{ type: 'Progressing', reason: 'ProgressDeadlineExceeded' }] }), 0)).toThrow('error: deployment "web" exceeded its progress deadline');
    const withRev = { ...d({ observedGeneration: 2 }), metadata: { name: 'web', generation: 2, annotations: { 'deployment.kubernetes.io/revision': '3' } } };
    expect(() => deploymentStatus(withRev, 2)).toThrow('error: desired revision (2) is different from the running revision (3)');
  });
  it('stateful sets report partitions and revisions', () => {
    const sts = { kind: 'StatefulSet', metadata: { generation: 1 }, spec: { replicas: 2, updateStrategy: { type: 'RollingUpdate' } }, status: { observedGeneration: 1, readyReplicas: 2, currentReplicas: 2, currentRevision: 'r1', updateRevision: 'r1' } };
    expect(statefulSetStatus(sts).text).toBe('statefulset rolling update complete 2 pods at revision r1...\n');
    expect(statefulSetStatus({ ...sts, status: { ...sts.status, readyReplicas: 1 } }).text).toBe('Waiting for 1 pods to be ready...\n');
  });
  it('compares templates ignoring the pod-template-hash label', () => {
    expect(equalIgnoreHash({ metadata: { labels: { app: 'a', 'pod-template-hash': 'x' } }, spec: { containers: [] } }, { metadata: { labels: { app: 'a' } }, spec: { containers: [] } })).toBe(true);
    expect(equalIgnoreHash({ metadata: { labels: { app: 'a' } } }, { metadata: { labels: { app: 'b' } } })).toBe(false);
  });
});

describe('wait conditions', () => {
  const pod = { metadata: { name: 'p' }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } };
  it.each([
    ['condition=Ready', true],
    ['condition=ready', true],
    ['condition=Ready=false', false],
    ['condition=Ready=TRUE', true],
    ['condition=Missing', false],
    ["jsonpath={.status.phase}=Running", true],
    ['jsonpath=.status.phase=Pending', false],
    ['jsonpath={.status.conditions[?(@.type=="Ready")].status}=True', true],
    ['jsonpath={.status.phase}', true],
    ['jsonpath={.status.nope}', false],
  ])('%s → %s', (cond, want) => expect(conditionCheck(cond).check!(pod)).toBe(want));
  it('rejects bad conditions', () => {
    expect(() => conditionCheck('ready')).toThrow('error: unrecognized condition: "ready"');
    expect(() => conditionCheck('jsonpath={.a}=')).toThrow("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    expect(() => conditionCheck('jsonpath={.status}=x').check!(pod)).toThrow('error: jsonpath leads to a nested object or list which is not supported');
    expect(conditionCheck('delete').kind).toBe('delete');
    expect(conditionCheck('Create').kind).toBe('create');
  });
  it('respects observedGeneration of conditions', () => {
    const d = { metadata: { generation: 3 }, status: { observedGeneration: 2, conditions: [{ type: 'Available', status: 'True' }] } };
    expect(conditionCheck('condition=Available').check!(d)).toBe(false);
  });
});
