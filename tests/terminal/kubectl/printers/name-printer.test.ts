// `-o name` and "resource/name operation" messages.
import { describe, expect, it } from 'vitest';
import { formatResourceName, groupKindOf, printName } from '../../../../src/terminal/kubectl/printers/name-printer';

describe('printName', () => {
  it.each([
    [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-abc' } }, {}, 'pod/web-abc\n'],
    [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }, {}, 'deployment.apps/web\n'],
    [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }, { operation: 'created' }, 'deployment.apps/web created\n'],
    [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }, { operation: 'created', shortOutput: true }, 'deployment.apps/web\n'],
    [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'x' } }, { operation: 'configured' }, 'clusterrolebinding.rbac.authorization.k8s.io/x configured\n'],
    [{ apiVersion: 'v1', kind: 'Namespace', metadata: {} }, {}, 'namespace/<unknown>\n'],
  ])('%j %j', (obj, opts, out) => expect(printName(obj, opts)).toBe(out));

  it('prints each item of a List', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' } }, { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'b' } }] };
    expect(printName(list)).toBe('service/a\njob.batch/b\n');
  });

  it('requires a kind', () => {
    expect(() => printName({ metadata: { name: 'x' } })).toThrow('missing apiVersion or kind');
  });

  it('helpers', () => {
    expect(groupKindOf({ apiVersion: 'apps/v1', kind: 'StatefulSet' })).toEqual({ group: 'apps', kind: 'StatefulSet' });
    expect(formatResourceName({ group: '', kind: 'ConfigMap' }, 'cfg', 'deleted')).toBe('configmap/cfg deleted');
  });
});
