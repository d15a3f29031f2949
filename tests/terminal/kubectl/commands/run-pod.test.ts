// The objects kubectl run and expose build client side, and their parse errors.

import { describe, expect, it } from 'vitest';
import { applyOverrides, buildRunPod, parseEnvs, parseLabelSpec, validImageReference, type RunParams } from '../../../../src/terminal/kubectl/commands/run-pod';
import { buildService, canBeExposed, mapBasedSelector, portsForObject, protocolsForObject } from '../../../../src/terminal/kubectl/commands/expose-service';

const base: RunParams = { name: 'x', image: 'nginx', labels: '', annotations: [], env: [], port: '', imagePullPolicy: '', restart: 'Always', command: false, args: [], stdin: false, leaveStdinOpen: false, tty: false, privileged: false };

describe('buildRunPod', () => {
  it('builds the minimal pod in struct order', () => {
    expect(JSON.stringify(buildRunPod(base))).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"x","creationTimestamp":null,"labels":{"run":"x"}},"spec":{"containers":[{"name":"x","image":"nginx","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}',
    );
  });
  it('puts arguments in args, or command with --command, and the other flags in place', () => {
    const p = buildRunPod({ ...base, args: ['sleep', '10'], command: true, port: '80', env: ['A=1'], stdin: true, tty: true, imagePullPolicy: 'Never', labels: 'a=b', annotations: ['n=v'] });
    expect(p.metadata).toEqual({ name: 'x', creationTimestamp: null, labels: { a: 'b' }, annotations: { n: 'v' } });
    expect((p.spec as { containers: unknown[] }).containers[0]).toEqual({ name: 'x', image: 'nginx', command: ['sleep', '10'], ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }], resources: {}, imagePullPolicy: 'Never', stdin: true, stdinOnce: true, tty: true });
    expect((buildRunPod({ ...base, args: ['a'] }).spec as { containers: { args?: string[] }[] }).containers[0].args).toEqual(['a']);
  });
  it.each([
    [{ env: ['FOO'] }, 'error: invalid env: FOO'],
    [{ env: ['=x'] }, 'error: invalid env: =x'],
    [{ labels: 'a' }, 'error: unexpected label spec: a'],
    [{ labels: '=b' }, 'error: unexpected empty label key'],
    [{ port: 'http' }, 'error: strconv.Atoi: parsing "http": invalid syntax'],
    [{ annotations: ['bad'] }, 'error: invalid annotations format: bad'],
  ])('%j fails with %s', (over, msg) => expect(() => buildRunPod({ ...base, ...over })).toThrow(msg));
  it('validates image references', () => {
    for (const ok of ['nginx', 'nginx:1.27', 'registry.k8s.io/pause:3.9', 'localhost:5000/a/b:c', 'busybox@sha256:' + 'a'.repeat(64)]) expect(validImageReference(ok), ok).toBe(true);
    for (const bad of ['Nginx', 'nginx:', 'a b', ':tag']) expect(validImageReference(bad), bad).toBe(false);
  });
  it('applies overrides', () => {
    const p = applyOverrides(buildRunPod(base), '{"spec":{"hostNetwork":true}}', 'merge', '', 'v1');
    expect((p.spec as { hostNetwork?: boolean }).hostNetwork).toBe(true);
    expect(() => applyOverrides(p, '{', 'merge', '', 'v1')).toThrow(/^error: /);
    expect(() => applyOverrides(p, '{}', 'yaml', '', 'v1')).toThrow('error: invalid override type: yaml');
  });
  it('parses envs and labels', () => {
    expect(parseEnvs(['A=1=2', 'B='])).toEqual([{ name: 'A', value: '1=2' }, { name: 'B', value: '' }]);
    expect(parseLabelSpec('a=1,b=2')).toEqual({ a: '1', b: '2' });
  });
});

describe('expose', () => {
  const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web' } }, spec: { selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'n', ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }, { containerPort: 80 }] }] } } } };
  it('takes selector, ports and protocols from the target', () => {
    expect(mapBasedSelector(deploy)).toBe('app=web');
    expect(portsForObject(deploy)).toEqual(['80', '53']);
    expect(protocolsForObject(deploy)).toBe('80/TCP,53/UDP,80/TCP');
  });
  it('refuses what cannot be exposed', () => {
    expect(() => canBeExposed('', 'ConfigMap')).toThrow('error: cannot expose a ConfigMap');
    expect(() => canBeExposed('apps', 'StatefulSet')).toThrow('error: cannot expose a StatefulSet.apps');
    expect(() => mapBasedSelector({ kind: 'Pod', metadata: { name: 'p' } })).toThrow('the pod has no labels and cannot be exposed');
    expect(() => mapBasedSelector({ kind: 'Deployment', spec: { selector: { matchLabels: { a: 'b' }, matchExpressions: [{ key: 'k', operator: 'Exists' }] } } })).toThrow(
      'couldn\'t convert expressions - "[{Key:k Operator:Exists Values:[]}]" to map-based selector format',
    );
  });
  it('builds several ports with names and protocols', () => {
    const svc = buildService({ name: 'web', selector: 'app=web', port: '80,53', protocols: '80/TCP,53/UDP,53/TCP' });
    expect((svc.spec as { ports: unknown[] }).ports).toEqual([
      { name: 'port-1', protocol: 'TCP', port: 80, targetPort: 80 },
      { name: 'port-2-udp', protocol: 'UDP', port: 53, targetPort: 53 },
      { name: 'port-2-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
    ]);
  });
  it('sets target port, type and session affinity', () => {
    const svc = buildService({ name: 's', selector: 'a=b', port: '80', targetPort: 'http', type: 'NodePort', sessionAffinity: 'ClientIP' });
    expect(svc.spec).toEqual({ ports: [{ protocol: 'TCP', port: 80, targetPort: 'http' }], selector: { a: 'b' }, type: 'NodePort', sessionAffinity: 'ClientIP' });
    expect(() => buildService({ name: 's', selector: 'a=b', port: '80', sessionAffinity: 'Sticky' })).toThrow('error: unknown session affinity: Sticky');
  });
});
