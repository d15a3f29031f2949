import { describe, expect, it } from 'vitest';
import { namespacePrinter } from '../../../src/engine/printers/namespace';
import { configMapPrinter } from '../../../src/engine/printers/configmap';
import { secretPrinter } from '../../../src/engine/printers/secret';
import { serviceAccountPrinter } from '../../../src/engine/printers/serviceaccount';
import { clusterRoleBindingPrinter, roleBindingPrinter } from '../../../src/engine/printers/rolebinding';
import { resourceQuotaPrinter } from '../../../src/engine/printers/resourcequota';
import { priorityClassPrinter } from '../../../src/engine/printers/priorityclass';
import { leasePrinter } from '../../../src/engine/printers/lease';
import { componentStatusPrinter } from '../../../src/engine/printers/componentstatus';
import { runtimeClassPrinter } from '../../../src/engine/printers/runtimeclass';
import { webhookConfigurationPrinter } from '../../../src/engine/printers/webhookconfiguration';
import { podDisruptionBudgetPrinter } from '../../../src/engine/printers/poddisruptionbudget';
import { NOW, ago, d, m } from './fixtures';

const justNow = ago(-1900);

describe('namespaces, config maps, secrets, service accounts', () => {
  it('namespace status and age', () => {
    expect(namespacePrinter.rows({ metadata: { name: 'namespace1', creationTimestamp: justNow }, status: { phase: 'FooStatus' } }, NOW)).toEqual([
      ['namespace1', 'FooStatus', '0s'],
    ]);
    expect(namespacePrinter.rows({ metadata: { name: 'namespace2' } }, NOW)).toEqual([['namespace2', '', '<unknown>']]);
    expect(namespacePrinter.rows({ metadata: { name: 'kube-system', creationTimestamp: ago(d(40)) }, status: { phase: 'Active' } }, NOW)).toEqual([
      ['kube-system', 'Active', '40d'],
    ]);
  });
  it('config map DATA counts data and binaryData', () => {
    expect(configMapPrinter.rows({ metadata: { name: 'configmap1', creationTimestamp: justNow } }, NOW)).toEqual([['configmap1', 0, '0s']]);
    expect(configMapPrinter.rows({ metadata: { name: 'configmap3' }, data: { foo: 'bar' }, binaryData: { bin: 'YmluYXJ5' } }, NOW)).toEqual([
      ['configmap3', 2, '<unknown>'],
    ]);
  });
  it('secret TYPE and DATA', () => {
    expect(
      secretPrinter.rows({ metadata: { name: 'secret1', creationTimestamp: justNow }, type: 'kubernetes.io/service-account-token', data: { token: 'c2VjcmV0' } }, NOW),
    ).toEqual([['secret1', 'kubernetes.io/service-account-token', 1, '0s']]);
    expect(secretPrinter.rows({ metadata: { name: 's' }, type: 'Opaque', data: { a: 'YQ==' }, stringData: { a: 'x', b: 'y' } }, NOW)).toEqual([
      ['s', 'Opaque', 2, '<unknown>'],
    ]);
  });
  it('service account SECRETS count', () => {
    expect(serviceAccountPrinter.rows({ metadata: { name: 'sa1', creationTimestamp: justNow }, secrets: [] }, NOW)).toEqual([['sa1', 0, '0s']]);
    expect(serviceAccountPrinter.rows({ metadata: { name: 'sa1' }, secrets: [{ name: 'Secret1' }, { name: 'Secret2' }] }, NOW)).toEqual([
      ['sa1', 2, '<unknown>'],
    ]);
  });
});

describe('role bindings (upstream TestPrintRoleBinding / TestPrintClusterRoleBinding)', () => {
  const subjects = [
    { kind: 'User', name: 'user-name' },
    { kind: 'Group', name: 'group-name' },
    { kind: 'ServiceAccount', name: 'service-account-name', namespace: 'service-account-namespace' },
    { kind: 'ServiceAccount', name: 'default', namespace: 'kube-system' },
    { kind: 'Other', name: 'ignored' },
  ];
  it.each([
    ['RoleBinding', roleBindingPrinter],
    ['ClusterRoleBinding', clusterRoleBindingPrinter],
  ] as const)('%s', (_kind, printer) => {
    const b = { metadata: { name: 'binding2', creationTimestamp: justNow }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'role-name' }, subjects };
    expect(printer.rows(b, NOW)).toEqual([
      ['binding2', 'Role/role-name', '0s', 'user-name', 'group-name', 'service-account-namespace/service-account-name, kube-system/default'],
    ]);
    expect(printer.rows({ metadata: { name: 'b' }, roleRef: { apiGroup: '', kind: 'ClusterRole', name: 'view' } }, NOW)).toEqual([
      ['b', 'ClusterRole/view', '<unknown>', '', '', ''],
    ]);
  });
  it('column descriptions differ between the two', () => {
    expect(roleBindingPrinter.columns[3]!.description).toBe('Users in the roleBinding');
    expect(clusterRoleBindingPrinter.columns[3]!.description).toBe('Users in the clusterRoleBinding');
  });
});

describe('resource quotas (upstream TestPrintResourceQuota)', () => {
  it('requests and limits, sorted, canonical quantities', () => {
    const rq = {
      metadata: { name: 'test-resourcequota', creationTimestamp: ago(m(5)) },
      status: {
        used: { cpu: '1', memory: '1Gi', pods: '1', services: '1', replicationcontrollers: '1', resourcequotas: '1', 'limits.cpu': '2', 'limits.memory': '2Gi' },
        hard: { cpu: '100', memory: '4Gi', pods: '10', services: '10', replicationcontrollers: '10', resourcequotas: '1', 'limits.cpu': '200', 'limits.memory': '8Gi' },
      },
    };
    expect(resourceQuotaPrinter.rows(rq, NOW)).toEqual([
      [
        'test-resourcequota',
        'cpu: 1/100, memory: 1Gi/4Gi, pods: 1/10, replicationcontrollers: 1/10, resourcequotas: 1/1, services: 1/10',
        'limits.cpu: 2/200, limits.memory: 2Gi/8Gi',
        '5m',
      ],
    ]);
  });
  it('unused resources print 0; requests.* stay in REQUEST', () => {
    const rq = { metadata: { name: 'q' }, status: { hard: { 'requests.cpu': '500m', 'count/deployments.apps': '2000' }, used: {} } };
    expect(resourceQuotaPrinter.rows(rq, NOW)).toEqual([['q', 'count/deployments.apps: 0/2k, requests.cpu: 0/500m', '', '<unknown>']]);
  });
});

describe('priority classes, leases, runtime classes, component statuses, webhooks', () => {
  it('priority class (upstream TestPrintPriorityClass, wide)', () => {
    expect(priorityClassPrinter.rows({ metadata: { name: 'pc1', creationTimestamp: justNow }, value: 1, preemptionPolicy: 'Never' }, NOW)).toEqual([
      ['pc1', 1, false, '0s', 'Never'],
    ]);
    expect(priorityClassPrinter.rows({ metadata: { name: 'pc2', creationTimestamp: ago(m(5)) }, value: 1000000000, globalDefault: true }, NOW)).toEqual([
      ['pc2', 1000000000, true, '5m', ''],
    ]);
  });
  it('lease holder', () => {
    expect(leasePrinter.rows({ metadata: { name: 'lease1', creationTimestamp: justNow }, spec: { holderIdentity: 'holder1' } }, NOW)).toEqual([
      ['lease1', 'holder1', '0s'],
    ]);
    expect(leasePrinter.rows({ metadata: { name: 'free' }, spec: {} }, NOW)).toEqual([['free', '', '<unknown>']]);
  });
  it('runtime class handler; its column description is empty upstream', () => {
    expect(runtimeClassPrinter.rows({ metadata: { name: 'rc1', creationTimestamp: ago(m(5)) }, handler: 'h1' }, NOW)).toEqual([['rc1', 'h1', '5m']]);
    expect(runtimeClassPrinter.columns[1]).toEqual({ name: 'Handler', type: 'string', format: '', description: '', priority: 0 });
  });
  it('component status (upstream TestPrintComponentStatus)', () => {
    expect(componentStatusPrinter.rows({ metadata: { name: 'cs1' }, conditions: [] }, NOW)).toEqual([['cs1', 'Unknown', '', '']]);
    expect(
      componentStatusPrinter.rows({ metadata: { name: 'cs2' }, conditions: [{ type: 'Healthy', status: 'True', message: 'test message', error: 'test error' }] }, NOW),
    ).toEqual([['cs2', 'Healthy', 'test message', 'test error']]);
    expect(componentStatusPrinter.rows({ metadata: { name: 'cs3' }, conditions: [{ type: 'Healthy', status: 'False', message: 'm' }] }, NOW)).toEqual([
      ['cs3', 'Unhealthy', 'm', ''],
    ]);
  });
  it('webhook configurations count webhooks', () => {
    const w = { metadata: { name: 'hooks', creationTimestamp: ago(m(1)) }, webhooks: [{ name: 'a.example.com', clientConfig: {}, sideEffects: 'None', admissionReviewVersions: ['v1'] }] };
    expect(webhookConfigurationPrinter.rows(w, NOW)).toEqual([['hooks', 1, '60s']]);
  });
});

describe('pod disruption budgets (upstream TestPrintPodDisruptionBudget)', () => {
  it.each([
    [{ minAvailable: 22 }, ['pdb1', '22', 'N/A', 5, '0s']],
    [{ maxUnavailable: 11 }, ['pdb1', 'N/A', '11', 5, '0s']],
    [{ minAvailable: '50%' }, ['pdb1', '50%', 'N/A', 5, '0s']],
  ])('%j', (spec, want) => {
    expect(podDisruptionBudgetPrinter.rows({ metadata: { name: 'pdb1', namespace: 'ns1', creationTimestamp: justNow }, spec, status: { disruptionsAllowed: 5, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 } }, NOW)).toEqual([want]);
  });
});
