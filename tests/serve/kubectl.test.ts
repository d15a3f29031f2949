// The real kubectl (/usr/bin/kubectl, which picks v1.32 from /version) against `kubeplay serve`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasKubectl, runFor, startTestServer, waitFor, type TestServer } from './helpers';

describe.skipIf(!hasKubectl)('real kubectl against kubeplay serve', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ speed: 5 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const ok = async (args: string[], stdin?: string) => {
    const r = await t.kubectl(args, { stdin });
    expect(r.stderr, `kubectl ${args.join(' ')}`).toBe('');
    expect(r.code).toBe(0);
    return r.stdout;
  };

  it('version reports the 1.32 server (the dispatcher picks kubectl 1.32)', async () => {
    const out = await ok(['version']);
    expect(out).toMatch(/^Server Version: v1\.32\.0$/m);
  });

  it('get nodes prints the server-side table', async () => {
    const out = await ok(['get', 'nodes']);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual([
      'control-plane Ready control-plane',
      'worker-1 Ready <none>',
      'worker-2 Ready <none>',
    ]);
  });

  it('get pods -A lists the system pods with their namespace', async () => {
    const out = await ok(['get', 'pods', '-A']);
    expect(out.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(out).toMatch(/^kube-system\s+etcd-control-plane\s+1\/1\s+Running\s+0\s+\S+$/m);
    expect(out).toMatch(/^kube-system\s+coredns-\S+\s+1\/1\s+Running/m);
  });

  it('create deployment (a protobuf body) and get -o yaml', async () => {
    expect(await ok(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80'])).toBe('deployment.apps/web created\n');
    const yaml = await ok(['get', 'deploy', 'web', '-o', 'yaml']);
    expect(yaml).toContain('  replicas: 2\n');
    expect(yaml).toContain('      - image: nginx:1.27\n');
    expect(yaml).toContain('        - containerPort: 80\n          protocol: TCP\n');
    expect(yaml).toContain('    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n');
    const rollout = await t.kubectl(['rollout', 'status', 'deploy/web', '--timeout=30s']);
    expect(rollout.stdout.trimEnd().split('\n').at(-1)).toBe('deployment "web" successfully rolled out');
  });

  it.each([
    [['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=empty='], 'configmap/cfg created', ['get', 'cm', 'cfg', '-o', 'jsonpath={.data}'], '{"a":"1","empty":""}'],
    [['create', 'namespace', 'team-a'], 'namespace/team-a created', ['get', 'ns', 'team-a', '-o', 'jsonpath={.status.phase}'], 'Active'],
    [['create', 'secret', 'generic', 'sec', '--from-literal=pw=p@ss'], 'secret/sec created', ['get', 'secret', 'sec', '-o', 'jsonpath={.type} {.data.pw}'], 'Opaque cEBzcw=='],
    [['create', 'service', 'clusterip', 'svc', '--tcp=80:8080'], 'service/svc created', ['get', 'svc', 'svc', '-o', 'jsonpath={.spec.ports[0].targetPort} {.spec.selector.app}'], '8080 svc'],
    [['create', 'deployment', 'zero', '--image=nginx', '--replicas=0'], 'deployment.apps/zero created', ['get', 'deploy', 'zero', '-o', 'jsonpath={.spec.replicas}'], '0'],
    [['create', 'priorityclass', 'low', '--value=0'], 'priorityclass.scheduling.k8s.io/low created', ['get', 'pc', 'low', '-o', 'jsonpath={.value}'], '0'],
  ])('protobuf create %j', async (create, printed, get, stored) => {
    expect(await ok(create)).toBe(`${printed}\n`);
    expect(await ok(get)).toBe(stored);
  });

  it('apply -f (client-side): created, configured, unchanged', async () => {
    const file = join(t.dir, 'app.yaml');
    const manifest = (replicas: number) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n`;
    writeFileSync(file, manifest(1));
    expect(await ok(['apply', '-f', file])).toBe('deployment.apps/app created\n');
    writeFileSync(file, manifest(3));
    expect(await ok(['apply', '-f', file])).toBe('deployment.apps/app configured\n');
    expect(await ok(['apply', '-f', file])).toBe('deployment.apps/app unchanged\n');
    expect(await ok(['get', 'deploy', 'app', '-o', 'jsonpath={.spec.replicas}'])).toBe('3');
    const last = await ok(['get', 'deploy', 'app', '-o', "jsonpath={.metadata.annotations['kubectl\\.kubernetes\\.io/last-applied-configuration']}"]);
    expect(JSON.parse(last).spec.replicas).toBe(3);
  });

  it('delete', async () => {
    expect(await ok(['delete', 'deploy', 'app'])).toBe('deployment.apps "app" deleted\n');
    const r = await t.kubectl(['get', 'deploy', 'app']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): deployments.apps "app" not found\n');
  });

  it('run, logs and exec', async () => {
    expect(await ok(['run', 'bb', '--image=busybox', '--', 'sh', '-c', 'echo hello from bb; sleep 3600'])).toBe('pod/bb created\n');
    await waitFor(async () => (await t.kubectl(['get', 'pod', 'bb', '-o', 'jsonpath={.status.phase}'])).stdout === 'Running', 15_000, 'bb Running');
    await waitFor(async () => (await t.kubectl(['logs', 'bb'])).stdout === 'hello from bb\n', 10_000, 'bb logs');
    expect(await ok(['exec', 'bb', '--', 'echo', 'hi'])).toBe('hi\n');
    const exit3 = await t.kubectl(['exec', 'bb', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3']);
    expect(exit3).toEqual({ stdout: 'out\n', stderr: 'err\ncommand terminated with exit code 3\n', code: 3 });
    const piped = await t.kubectl(['exec', '-i', 'bb', '--', 'sh'], { stdin: 'cd /etc\necho $PWD\n' });
    expect(piped).toEqual({ stdout: '/etc\n', stderr: '', code: 0 });
    const badContainer = await t.kubectl(['exec', 'bb', '-c', 'nope', '--', 'ls']);
    expect(badContainer.stderr).toBe('Error from server (BadRequest): container nope is not valid for pod bb\n');
  });

  it('get pods -w prints the table, then one row per change', async () => {
    const watching = runFor(t, ['get', 'pods', '-w'], 2500);
    await new Promise((r) => setTimeout(r, 700));
    await ok(['run', 'watched', '--image=nginx']);
    const r = await watching;
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines.filter((l) => /^NAME\s/.test(l))).toHaveLength(1);
    expect(lines.some((l) => /^watched\s+0\/1\s+Pending\s/.test(l))).toBe(true);
    expect(lines.some((l) => /^watched\s+1\/1\s+Running\s/.test(l))).toBe(true);
  });

  it('logs -f streams until interrupted', async () => {
    await ok(['run', 'ticker', '--image=busybox', '--', 'sh', '-c', 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 1; done']);
    await waitFor(async () => (await t.kubectl(['logs', 'ticker'])).stdout.includes('tick 1'), 15_000, 'ticker output');
    const r = await runFor(t, ['logs', '-f', 'ticker'], 1500);
    const ticks = r.stdout.trimEnd().split('\n');
    expect(ticks[0]).toBe('tick 0');
    expect(ticks.length).toBeGreaterThan(3);
    expect(ticks.every((l, i) => l === `tick ${i}`)).toBe(true);
  });
});
