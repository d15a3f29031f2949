// Differential: the real kubectl v1.32 and the playground's kubectl run the same commands against one
// `kubeplay serve`, and must print the same thing. The clock is stopped between setup steps so both see the
// same state; ages are normalised because each kubectl computes them from its own wall clock.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { hasKubectl, KUBECTL, run, startTestServer, type RunResult, type TestServer } from './helpers';
import { runKubectlOverHttp } from '../../src/cli/kubectl';

/** Human durations (5s, 3m12s, 2d4h, 10y) and "x ago" phrases. */
const DURATION = /\b(?:\d+y)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?\b(?<=\d[ydhms])/g;

function normalise(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(DURATION, '<age>'))
    .join('\n');
}

/** Column widths move with the width of a normalised age; compare cells, not padding, for tables. */
function cells(s: string): string {
  return normalise(s)
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, '  ').trimEnd())
    .join('\n');
}

const CM = 'apiVersion: v1\nkind: ConfigMap\n';
const MALFORMED: Record<string, string> = {
  'unclosed-flow-sequence': `${CM}metadata:\n  name: [oops\n`,
  'unclosed-flow-mapping': `${CM}metadata:\n  name: x\ndata: {a: 1\n`,
  'unclosed-flow-mid': `${CM}metadata:\n  name: x\ndata:\n  a: [1, 2\n  b: 3\n`,
  tab: `${CM}metadata:\n\tname: x\n`,
  'bad-mapping-indent': `${CM}metadata:\n  name: x\n    labels: y\n`,
  'bad-sequence': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: b\n   - name: c\n`,
  'duplicate-key': `${CM}metadata:\n  name: x\n  name: y\n`,
  'unterminated-double-quote': `${CM}metadata:\n  name: "x\n`,
  'unterminated-single-quote': `${CM}metadata:\n  name: 'x\ndata:\n  a: b\n`,
  'missing-colon': `${CM}metadata\n  name: x\n`,
  'key-without-value-then-list': `${CM}metadata:\n  name: x\ndata:\n  a: 1\n - b\n`,
  'document-not-a-map': `- just\n- a list\n`,
  'scalar-document': `hello\n`,
  'dedent-key': `${CM}metadata:\n    name: x\n  labels: {}\n`,
  'over-indented-value': `${CM}metadata:\n  name: x\n  labels:\n    a: b\n     c: d\n`,
  'missing-colon-top': `apiVersion v1\nkind: ConfigMap\n`,
  'list-in-map': `${CM}metadata:\n  name: x\ndata:\n  a: b\n- c\n`,
  'bad-separator': `${CM}metadata:\n  name: sep-a\n--- x\n${CM}metadata:\n  name: sep-b\n`,
  'second-doc-bad': `${CM}metadata:\n  name: second-a\n---\n${CM}metadata:\n  name: [second-b\n`,
  'unknown-escape': `${CM}metadata:\n  name: "a\\qb"\n`,
  'undefined-alias': `${CM}metadata:\n  name: x\ndata:\n  a: *nope\n`,
  'flow-empty-entry': `${CM}metadata:\n  name: x\ndata: [\n`,
  'yaml11-bool-label': `${CM}metadata:\n  name: x\n  labels:\n    a: yes\n`,
  'number-label': `${CM}metadata:\n  name: x\n  labels:\n    version: 1.0\n`,
  'bool-data': `${CM}metadata:\n  name: boolish\ndata:\n  enabled: on\n`,
  'octal-mode': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: octal\nspec:\n  containers:\n  - name: a\n    image: nginx\n    volumeMounts: [{name: v, mountPath: /v}]\n  volumes:\n  - name: v\n    configMap: {name: settings, defaultMode: 0644}\n`,
  'json-trailing-comma': `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"},}\n`,
  'json-missing-value': `{"apiVersion": "v1", "kind": }\n`,
  'json-truncated': `{"apiVersion": "v1", "kind": "ConfigMap"\n`,
  'json-bad-literal': `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"}, "data": {"a": tru}}\n`,
  'json-two-objects': `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j1"}}\n{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j2"}, "x": ]}\n`,
};

/** The v1.32 binary itself when present: /usr/bin/kubectl is a dispatcher that words some errors its own way. */
const REAL_1_32 = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const REAL = existsSync(REAL_1_32) ? REAL_1_32 : KUBECTL;

describe.skipIf(!hasKubectl)('differential: real kubectl vs the playground kubectl', () => {
  let t: TestServer;
  let podName = '';
  let manifests = '';

  const ours = async (args: string[], stdin = ''): Promise<RunResult> => {
    let stdout = '';
    let stderr = '';
    const code = await runKubectlOverHttp(args, {
      stdin,
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      env: { HOME: t.dir, KUBECONFIG: t.kubeconfig },
    });
    return { stdout, stderr, code };
  };

  const step = async (ms: number) => {
    await t.server.driver.step(ms);
  };

  beforeAll(async () => {
    t = await startTestServer({ speed: 0, cluster: { nodes: 2, seed: 7 } });
    manifests = t.dir;
    const setup: string[][] = [
      ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80'],
      ['expose', 'deployment', 'web', '--port=80'],
      ['create', 'configmap', 'settings', '--from-literal=mode=demo'],
      ['create', 'namespace', 'team-a'],
      ['label', 'node', 'worker-1', 'disk=ssd'],
    ];
    for (const a of setup) {
      const r = await t.kubectl(a);
      if (r.code !== 0) throw new Error(`setup kubectl ${a.join(' ')}: ${r.stderr}`);
      await step(1000);
    }
    await step(60_000);
    const pods = await t.kubectl(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']);
    podName = pods.stdout;
    writeFileSync(join(manifests, 'invalid.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\ndata:\n  a: "1"\n');
    writeFileSync(join(manifests, 'unknown-kind.yaml'), 'apiVersion: v1\nkind: Potato\nmetadata:\n  name: x\n');
    writeFileSync(join(manifests, 'unknown-field.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\nspec:\n  x: 1\n');
    for (const [name, text] of Object.entries(MALFORMED)) writeFileSync(join(manifests, `${name}.yaml`), text);
    writeFileSync(join(manifests, 'ssa-new.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  a: "1"\n');
    writeFileSync(join(manifests, 'ssa-conflict.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: other\n');
    writeFileSync(join(manifests, 'ssa-type.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typed\ndata:\n  mode: 7\n');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const table: [string, () => string[]][] = [
    ['get nodes', () => ['get', 'nodes']],
    ['get nodes -o wide', () => ['get', 'nodes', '-o', 'wide']],
    ['get nodes --show-labels', () => ['get', 'nodes', '--show-labels']],
    ['get pods -A', () => ['get', 'pods', '-A']],
    ['get pods -A -o wide', () => ['get', 'pods', '-A', '-o', 'wide']],
    ['get pods -l app=web', () => ['get', 'pods', '-l', 'app=web']],
    ['get deployments -A', () => ['get', 'deployments', '-A']],
    ['get deployments -o wide', () => ['get', 'deployments', '-o', 'wide']],
    ['get replicasets -A', () => ['get', 'replicasets', '-A']],
    ['get services -A', () => ['get', 'services', '-A']],
    ['get endpoints -A', () => ['get', 'endpoints', '-A']],
    ['get configmaps -A', () => ['get', 'configmaps', '-A']],
    ['get namespaces', () => ['get', 'namespaces']],
    ['get events', () => ['get', 'events']],
    ['get all', () => ['get', 'all']],
    ['get all -A', () => ['get', 'all', '-A']],
    ['get deploy,svc', () => ['get', 'deploy,svc']],
    ['get daemonsets -n kube-system', () => ['get', 'daemonsets', '-n', 'kube-system']],
    ['get serviceaccounts', () => ['get', 'serviceaccounts']],
    ['get priorityclasses', () => ['get', 'priorityclasses']],
    ['get storageclasses', () => ['get', 'storageclasses']],
    ['get endpointslices', () => ['get', 'endpointslices']],
    ['get leases -n kube-node-lease', () => ['get', 'leases', '-n', 'kube-node-lease']],
    ['get events -A --sort-by', () => ['get', 'events', '-A', '--sort-by=.metadata.creationTimestamp']],
    ['get pods -A --sort-by name', () => ['get', 'pods', '-A', '--sort-by=.metadata.name']],
    ['get rs -o wide', () => ['get', 'rs', '-o', 'wide']],
    ['get endpointslices -o wide', () => ['get', 'endpointslices', '-A', '-o', 'wide']],
    ['get pods --show-labels -A', () => ['get', 'pods', '-A', '--show-labels']],
    ['get pods -L app', () => ['get', 'pods', '-L', 'app,pod-template-hash']],
    ['get svc,ep -n kube-system', () => ['get', 'svc,ep', '-n', 'kube-system']],
    ['get ds,deploy -n kube-system -o wide', () => ['get', 'ds,deploy', '-n', 'kube-system', '-o', 'wide']],
    ['get clusterroles (chunked)', () => ['get', 'clusterroles']],
    ['get clusterrolebindings -o wide', () => ['get', 'clusterrolebindings', '-o', 'wide']],
    ['get csr,pv,pvc -A', () => ['get', 'pv,pvc', '-A']],
    ['get componentstatuses', () => ['get', 'componentstatuses']],
    ['rollout history', () => ['rollout', 'history', 'deploy/web']],
    ['rollout status', () => ['rollout', 'status', 'deploy/web']],
  ];

  const exact: [string, () => string[]][] = [
    ['get deploy web -o yaml', () => ['get', 'deploy', 'web', '-o', 'yaml']],
    ['get deploy web -o json', () => ['get', 'deploy', 'web', '-o', 'json']],
    ['get pod -o yaml', () => ['get', 'pod', podName, '-o', 'yaml']],
    ['get svc web -o yaml', () => ['get', 'svc', 'web', '-o', 'yaml']],
    ['get node worker-1 -o json', () => ['get', 'node', 'worker-1', '-o', 'json']],
    ['get cm settings -o yaml', () => ['get', 'cm', 'settings', '-o', 'yaml']],
    ['get pods -o name', () => ['get', 'pods', '-o', 'name']],
    ['get all -o name', () => ['get', 'all', '-o', 'name']],
    ['get pods -o jsonpath', () => ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']],
    ['get nodes -o jsonpath range', () => ['get', 'nodes', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.nodeInfo.kubeletVersion}{"\\n"}{end}']],
    ['get pods -o custom-columns', () => ['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IP:.status.podIP']],
    ['get deploy -o go-template', () => ['get', 'deploy', '-o', 'go-template={{range .items}}{{.metadata.name}} {{.spec.replicas}}{{"\\n"}}{{end}}']],
    ['get ns -o yaml', () => ['get', 'ns', 'team-a', '-o', 'yaml']],
    ['api-resources', () => ['api-resources']],
    ['api-resources --namespaced=false', () => ['api-resources', '--namespaced=false']],
    ['api-versions', () => ['api-versions']],
    ['api-resources -o wide', () => ['api-resources', '-o', 'wide']],
    ['api-resources --api-group=apps -o name', () => ['api-resources', '--api-group=apps', '-o', 'name']],
    ['api-resources --verbs=list --namespaced', () => ['api-resources', '--verbs=list', '--namespaced=true']],
    ['explain pods', () => ['explain', 'pods']],
    ['explain deployment.spec.strategy', () => ['explain', 'deployment.spec.strategy']],
    ['explain svc.spec.ports --recursive', () => ['explain', 'svc.spec.ports', '--recursive']],
    ['explain unknown field', () => ['explain', 'pods.spec.potato']],
    ['auth can-i create pods', () => ['auth', 'can-i', 'create', 'pods']],
    ['auth can-i --list', () => ['auth', 'can-i', '--list']],
    ['get --raw service', () => ['get', '--raw', '/api/v1/namespaces/default/services/web']],
    ['get --raw version', () => ['get', '--raw', '/version']],
    ['cluster-info', () => ['cluster-info']],
    ['config view', () => ['config', 'view']],
    ['config get-contexts', () => ['config', 'get-contexts']],
    ['logs', () => ['logs', podName]],
    ['logs --tail', () => ['logs', podName, '--tail=1']],
    ['logs of a deployment', () => ['logs', 'deploy/web']],
    ['get pods jsonpath missing key (prints nothing)', () => ['get', 'pods', '-o', 'jsonpath={.items[0].metadata.nam}']],
    ['get pods jsonpath parse error', () => ['get', 'pods', '-o', 'jsonpath={.items[0']],
    ['describe not found', () => ['describe', 'pod', 'nope']],
    ['logs not found', () => ['logs', 'nope']],
    ['scale not found', () => ['scale', 'deploy', 'nope', '--replicas=1']],
    ['delete without a name', () => ['delete', 'pod']],
    ['get without a type', () => ['get']],
    ['create deployment without an image', () => ['create', 'deployment', 'x']],
    ['scale without --replicas', () => ['scale', 'deploy', 'web']],
    ['exec without a command', () => ['exec', podName]],
    ['rollout undo to a missing revision', () => ['rollout', 'undo', 'deploy/web', '--to-revision=9']],
    ['label without changes', () => ['label', 'pod', podName]],
    ['unknown short flag', () => ['get', 'pods', '-Z']],
    ['flag needs an argument', () => ['get', 'pods', '-o']],
    ['type/name and type together', () => ['get', 'pods', 'deploy/web']],
    ['version', () => ['version']],
    ['not found', () => ['get', 'pod', 'nope']],
    ['not found, two', () => ['get', 'deploy', 'nope', 'web']],
    ['unknown type', () => ['get', 'potatoes']],
    ['unknown namespace is empty', () => ['get', 'pods', '-n', 'nowhere']],
    ['no resources', () => ['get', 'pods', '-n', 'team-a']],
    ['no resources -o name (prints nothing)', () => ['get', 'pods', '-n', 'team-a', '-o', 'name']],
    ['no resources -o jsonpath (prints nothing)', () => ['get', 'pods', '-n', 'team-a', '-o', 'jsonpath={.items[*].metadata.name}']],
    ['no resources -o go-template (prints nothing)', () => ['get', 'pods', '-n', 'team-a', '-o', 'go-template={{range .items}}{{.metadata.name}}{{end}}']],
    ['no resources -o custom-columns', () => ['get', 'pods', '-n', 'team-a', '-o', 'custom-columns=NAME:.metadata.name']],
    ['no resources -o json', () => ['get', 'pods', '-n', 'team-a', '-o', 'json']],
    ['no resources -o yaml', () => ['get', 'pods', '-n', 'team-a', '-o', 'yaml']],
    ['get --template without -o', () => ['get', 'nodes', '--template', '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}']],
    ['go-template execution error', () => ['get', 'deploy', 'web', '-o', 'go-template={{.spec.nope.deeper}}']],
    ['go-template missing key is <no value>', () => ['get', 'deploy', 'web', '-o', 'go-template={{.spec.nope}}']],
    ['invalid object', () => ['create', '-f', join(manifests, 'invalid.yaml')]],
    ['unknown field', () => ['create', '-f', join(manifests, 'unknown-field.yaml')]],
    ...Object.keys(MALFORMED).map((n): [string, () => string[]] => [`malformed yaml: ${n}`, () => ['apply', '--dry-run=client', '-f', join(manifests, `${n}.yaml`)]]),
    ['missing file', () => ['apply', '-f', join(manifests, 'nothing-here.yaml')]],
    ['server-side apply, server dry run', () => ['apply', '--server-side', '--dry-run=server', '-f', join(manifests, 'ssa-new.yaml')]],
    ['server-side apply conflict', () => ['apply', '--server-side', '--dry-run=server', '-f', join(manifests, 'ssa-conflict.yaml')]],
    ['server-side apply conflict forced', () => ['apply', '--server-side', '--force-conflicts', '--dry-run=server', '-f', join(manifests, 'ssa-conflict.yaml')]],
    ['server-side apply, wrong type', () => ['apply', '--server-side', '-f', join(manifests, 'ssa-type.yaml')]],
    ['server-side apply, unknown field', () => ['apply', '--server-side', '-f', join(manifests, 'unknown-field.yaml')]],
    ['unknown flag', () => ['get', 'pods', '--potato']],
    ['unknown command', () => ['potato']],
    ['already exists', () => ['create', 'namespace', 'team-a']],
    ['delete not found', () => ['delete', 'configmap', 'nope']],
    ['bad selector', () => ['get', 'pods', '-l', 'app==']],
    ['bad output format', () => ['get', 'pods', '-o', 'potato']],
  ];

  const descriptions: [string, () => string[]][] = [
    ['describe pod', () => ['describe', 'pod', podName]],
    ['describe deployment', () => ['describe', 'deployment', 'web']],
    ['describe service', () => ['describe', 'service', 'web']],
    ['describe node', () => ['describe', 'node', 'worker-1']],
    ['describe replicaset', () => ['describe', 'rs', '-l', 'app=web']],
    ['describe configmap', () => ['describe', 'cm', 'settings']],
    ['describe namespace', () => ['describe', 'ns', 'team-a']],
    ['describe daemonset', () => ['describe', 'ds', 'kube-proxy', '-n', 'kube-system']],
    ['describe serviceaccount', () => ['describe', 'sa', 'default']],
    ['describe endpoints', () => ['describe', 'endpoints', 'web']],
    ['describe lease', () => ['describe', 'lease', 'worker-1', '-n', 'kube-node-lease']],
    ['describe coredns pods', () => ['describe', 'pod', '-n', 'kube-system', '-l', 'k8s-app=kube-dns']],
    ['describe static pod', () => ['describe', 'pod', 'etcd-control-plane', '-n', 'kube-system']],
    ['describe control-plane node', () => ['describe', 'node', 'control-plane']],
    ['describe clusterrole', () => ['describe', 'clusterrole', 'view']],
    ['describe storageclass', () => ['describe', 'storageclass']],
    ['describe priorityclass', () => ['describe', 'priorityclass', 'system-node-critical']],
    ['describe by prefix', () => ['describe', 'pod', 'web-']],
  ];

  async function both(args: string[]): Promise<[RunResult, RunResult]> {
    const r = await run(REAL, args, { PATH: process.env.PATH, HOME: t.dir, KUBECONFIG: t.kubeconfig });
    // The binary names itself after its file; through /usr/bin/kubectl it is "kubectl".
    const real = { ...r, stdout: r.stdout.replaceAll('kubectl.1.32', 'kubectl'), stderr: r.stderr.replaceAll('kubectl.1.32', 'kubectl') };
    const mine = await ours(args);
    return [real, mine];
  }

  it.each(table)('%s (tables, ages normalised)', async (_n, args) => {
    const [real, mine] = await both(args());
    expect(real.stdout + real.stderr).not.toBe('');
    expect(cells(mine.stdout)).toBe(cells(real.stdout));
    expect(normalise(mine.stderr)).toBe(normalise(real.stderr));
    expect(mine.code).toBe(real.code);
  });

  it.each(exact)('%s (exact)', async (_n, args) => {
    const [real, mine] = await both(args());
    if (!_n.includes('prints nothing')) expect(real.stdout + real.stderr).not.toBe('');
    expect(mine.stdout).toBe(real.stdout);
    expect(mine.stderr).toBe(real.stderr);
    expect(mine.code).toBe(real.code);
  });

  // Deliberate difference: serve answers /openapi/v2 with 404 (kubectl asks for it as protobuf only), so the
  // real kubectl's fallback validation for a kind missing from /openapi/v3 fails to download it. Against a
  // real cluster it reports the missing mapping, which is what ours says.
  it('unknown kind (ours words it as a real cluster makes kubectl word it)', async () => {
    const file = join(manifests, 'unknown-kind.yaml');
    const [real, mine] = await both(['apply', '-f', file]);
    expect(real.stderr).toContain('failed to download openapi');
    expect(mine.stderr).toBe(`error: resource mapping not found for name: "x" namespace: "" from "${file}": no matches for kind "Potato" in version "v1"\nensure CRDs are installed first\n`);
    expect(mine.code).toBe(real.code);
  });

  it.each(descriptions)('%s (ages normalised)', async (_n, args) => {
    const [real, mine] = await both(args());
    expect(real.stdout + real.stderr).not.toBe('');
    expect(cells(mine.stdout)).toBe(cells(real.stdout));
    expect(normalise(mine.stderr)).toBe(normalise(real.stderr));
    expect(mine.code).toBe(real.code);
  });
});
