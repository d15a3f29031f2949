import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/engine/cluster';
import { inProcessSession } from '../../src/host/in-process';
import { Completer, splitWords } from '../../src/worker/completion';
import type { TerminalSession } from '../../src/terminal/session';

describe('splitWords', () => {
  it.each([
    ['kubectl get po', ['kubectl', 'get'], 'po', 12],
    ['kubectl get ', ['kubectl', 'get'], '', 12],
    ['echo "a b" c', ['echo', 'a b'], 'c', 11],
    ['ls | grep we', ['grep'], 'we', 10],
    ['a && kubectl ', ['kubectl'], '', 13],
    ["kubectl -n 'kube-s", ['kubectl', '-n'], 'kube-s', 11],
  ])('%j', (line, words, partial, from) => {
    const w = splitWords(line);
    expect(w.words).toEqual(words);
    expect(w.partial).toBe(partial);
    expect(w.from).toBe(from);
  });
});

describe('Completer', () => {
  let cluster: Cluster;
  let session: TerminalSession;
  let c: Completer;

  beforeAll(async () => {
    cluster = createCluster({ seed: 1 });
    session = inProcessSession(cluster);
    c = new Completer({ session, handle: (r) => cluster.handle(r) });
    await session.run('kubectl create deployment web --image=nginx --replicas=2', { stdout: { write: () => {} }, stderr: { write: () => {} } });
    session.fs.writeFile('/home/user/web.yaml', 'x');
    await cluster.advance(5000);
  });

  const cands = async (line: string) => (await c.complete(line)).candidates;

  it.each([
    ['kub', ['kubectl ', 'kubeplay ']],
    ['kubectl desc', ['describe ']],
    ['k desc', ['describe ']],
    ['kubectl get po', ['poddisruptionbudgets ', 'pods ', 'podtemplates ']],
    ['kubectl get deploy/', ['deploy/web ']],
    ['kubectl get deployments w', ['web ']],
    ['kubectl -n kube-s', ['kube-system ']],
    ['kubectl get pods --all-n', ['--all-namespaces ']],
    ['kubectl get pods -o y', ['yaml ']],
    ['kubectl get pods -o=j', ['-o=json ', '-o=jsonpath-as-json=', '-o=jsonpath-file=', '-o=jsonpath=']],
    ['kubectl cordon worker-', ['worker-1 ', 'worker-2 ', 'worker-3 ']],
    ['kubectl apply -f w', ['web.yaml ']],
    ['kubectl apply -f /t', ['/tmp/']],
    ['kubeplay n', ['node ']],
    ['kubeplay node k', ['kill ']],
    ['kubeplay node kill worker-3', ['worker-3 ']],
    ['kubeplay component stop s', ['scheduler ']],
    ['cat w', ['web.yaml ']],
    ['watch -n 2 kubectl get no', ['nodes ']],
  ])('%j', async (line, expected) => {
    expect(await cands(line)).toEqual(expected);
  });

  it('completes pod names of a namespace', async () => {
    const pods = await cands('kubectl logs -n kube-system etcd');
    expect(pods).toEqual(['etcd-control-plane ']);
    const web = await cands('kubectl describe pod web-');
    expect(web).toHaveLength(2);
    expect(web.every((p) => /^web-[a-z0-9]+-[a-z0-9]+ $/.test(p))).toBe(true);
  });

  it('reports where the completed word starts', async () => {
    expect(await c.complete('kubectl get deploy/w')).toEqual({ from: 12, candidates: ['deploy/web '] });
  });
});
