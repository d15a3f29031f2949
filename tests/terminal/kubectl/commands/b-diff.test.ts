// GNU diff's algorithm and output (checked against diff 3.8), and kubectl diff's exit codes and files.

import { describe, expect, it } from 'vitest';
import { diffLines } from '../../../../src/terminal/kubectl/commands/gnu-diff';
import { normalDiff, unifiedHunks } from '../../../../src/terminal/kubectl/commands/diff-output';
import { harness } from './harness';

const lines = (...l: string[]) => l.map((x) => x + '\n').join('');
const twelve = lines('l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8', 'l9', 'l10', 'l11', 'l12');
const twelveChanged = lines('l1', 'l2', 'X', 'l4', 'l5', 'l6', 'l7', 'l8', 'l9', 'l10', 'l11', 'Y', 'l12');

describe('GNU diff', () => {
  // Expected outputs produced by `diff -u` / `diff` (GNU diffutils 3.8) on the same inputs.
  it.each([
    ['two hunks', twelve, twelveChanged, '@@ -1,6 +1,6 @@\n l1\n l2\n-l3\n+X\n l4\n l5\n l6\n@@ -9,4 +9,5 @@\n l9\n l10\n l11\n+Y\n l12\n'],
    ['from empty', '', lines('a', 'b', 'c'), '@@ -0,0 +1,3 @@\n+a\n+b\n+c\n'],
    ['to empty', lines('a', 'b', 'c'), '', '@@ -1,3 +0,0 @@\n-a\n-b\n-c\n'],
    ['equal', twelve, twelve, ''],
    [
      'a run moved onto the identical line after it',
      lines('l3', 'l7', 'l1', 'l6', 'l0', 'l3', 'l3', 'l2', 'l7', 'l7', 'l7'),
      lines('l3', 'l1', 'l6', 'l0', 'l3', 'l3', 'l2', 'l7', 'l7'),
      '@@ -1,5 +1,4 @@\n l3\n-l7\n l1\n l6\n l0\n@@ -8,4 +7,3 @@\n l2\n l7\n l7\n-l7\n',
    ],
  ])('unified: %s', (_name, a, b, want) => {
    expect(unifiedHunks(diffLines(a, b, 3))).toBe(want);
  });

  it.each([
    ['change and insert', twelve, twelveChanged, '3c3\n< l3\n---\n> X\n11a12\n> Y\n'],
    ['no horizon: the last duplicate goes', lines('l3', 'l7', 'l1', 'l6', 'l0', 'l3', 'l3', 'l2', 'l7', 'l7', 'l7'), lines('l3', 'l1', 'l6', 'l0', 'l3', 'l3', 'l2', 'l7', 'l7'), '2d1\n< l7\n9d7\n< l7\n'],
  ])('normal: %s', (_name, a, b, want) => {
    expect(normalDiff(diffLines(a, b, 0))).toBe(want);
  });
});

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

describe('kubectl diff', () => {
  it('exits 0 without output when nothing would change, 1 with the unified diff otherwise', async () => {
    const h = harness();
    h.session.fs.writeFile('/home/user/web.yaml', WEB);
    h.session.fs.writeFile('/home/user/web2.yaml', WEB.replace('replicas: 2', 'replicas: 3'));
    await h.run('kubectl apply -f web.yaml');
    expect(await h.run('kubectl diff -f web.yaml')).toEqual({ out: '', code: 0 });
    const r = await h.run('kubectl diff -f web2.yaml');
    expect(r.code).toBe(1);
    const out = r.out.split('\n');
    expect(out[0]).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web$/);
    expect(out[1]).toMatch(/^--- \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web\t2025-01-01 \d\d:\d\d:\d\d\.\d{9} \+0000$/);
    expect(out[2]).toMatch(/^\+\+\+ \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web\t/);
    expect(out.slice(3).filter((l) => /^[-+]/.test(l))).toEqual(['-  generation: 1', '+  generation: 2', '-  replicas: 2', '+  replicas: 3']);
    // A dry run: nothing changed on the server.
    expect((await h.run("kubectl get deploy web -o jsonpath='{.spec.replicas}'")).out).toBe('2');
  });

  it('shows a new object against an empty live file', async () => {
    const h = harness();
    h.session.fs.writeFile('/home/user/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n');
    const r = await h.run('kubectl diff -f cm.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toContain('@@ -0,0 +1,9 @@\n+apiVersion: v1\n+data:\n+  a: b\n+kind: ConfigMap\n');
    expect((await h.run('kubectl get cm c')).code).toBe(1);
  });

  it.each([
    ['kubectl diff', 'error: must specify one of -f and -k\n'],
    ['kubectl diff x -f web.yaml', "error: Unexpected args: [x]\nSee 'kubectl diff -h' for help and examples\n"],
    ['kubectl diff -f missing.yaml', 'error: the path "missing.yaml" does not exist\n'],
    ['kubectl diff -f web.yaml --force-conflicts', 'error: --force-conflicts only works with --server-side\n'],
  ])('%s fails with exit 2', async (cmd, out) => {
    const h = harness();
    h.session.fs.writeFile('/home/user/web.yaml', WEB);
    expect(await h.run(cmd)).toEqual({ out, code: 2 });
  });

  it('masks Secret data', async () => {
    const h = harness();
    h.session.fs.writeFile('/home/user/live.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: Yg==\n  keep: c2FtZQ==\n');
    await h.run('kubectl create -f live.yaml');
    h.session.fs.writeFile('/home/user/s.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: Yw==\n  keep: c2FtZQ==\n');
    const r = await h.run('kubectl diff -f s.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toContain('-  a: \'*** (before)\'\n+  a: \'*** (after)\'\n   keep: \'***\'\n');
  });
});
