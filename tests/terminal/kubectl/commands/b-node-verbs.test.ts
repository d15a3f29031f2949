// cordon, uncordon, drain and taint: messages, exit codes and what they change on the nodes.
// Expected texts match the real kubectl 1.32 (checked against the same engine over HTTP).

import { describe, expect, it } from 'vitest';
import { harness } from './harness';
import { createCluster } from '../../../../src/engine/cluster';
import { InProcessClient } from '../../../../src/terminal/api-client';
import { TerminalSession } from '../../../../src/terminal/session';
import { clockSleep, clusterExec } from '../../../../src/host/in-process';
import { AbortScope } from '../../../../src/engine/runtime/sh/signal';
import type { ApiRequest } from '../../../../src/engine/api/types';

/**
 * The harness, with GET /api/v1 listing pods/eviction with its version as a real API server does, so
 * drain takes the eviction path whatever the engine's discovery says.
 */
function evictionHarness() {
  const cluster = createCluster({ seed: 1, nodes: 3 });
  const handle = (req: ApiRequest) => {
    const res = cluster.handle(req);
    if (req.method === 'GET' && req.path === '/api/v1') {
      const body = res.body as { resources: { name: string; group?: string; version?: string }[] };
      return { ...res, body: { ...body, resources: body.resources.map((r) => (r.group && !r.version ? { ...r, version: 'v1' } : r)) } };
    }
    return res;
  };
  const session = new TerminalSession({ client: new InProcessClient(handle), now: () => cluster.clock.now(), sleep: clockSleep(cluster), exec: clusterExec(cluster) });
  return {
    session,
    async run(line: string): Promise<{ out: string; code: number }> {
      let out = '';
      let code = 0;
      let done = false;
      const signal = new AbortScope();
      const p = session.run(line, { stdout: { write: (t) => void (out += t) }, stderr: { write: (t) => void (out += t) } }, signal).then((c) => {
        code = c;
        done = true;
      });
      for (;;) {
        await new Promise<void>((r) => setImmediate(r));
        if (done) break;
        const due = cluster.clock.nextDue();
        if (due === undefined) break;
        cluster.clock.advanceTo(due);
      }
      await p;
      return { out, code };
    },
  };
}
import { parseTaints, reorganizeTaints, TaintError } from '../../../../src/terminal/kubectl/commands/taint-parse';
import { aggregate } from '../../../../src/terminal/kubectl/commands/drain-filters';

const node = (h: ReturnType<typeof harness>, name: string) => h.cluster.store.get('nodes', undefined, name) as { spec?: { unschedulable?: boolean; taints?: unknown[] } };

describe('cordon / uncordon', () => {
  it('marks and unmarks, says when nothing changes, and honours dry runs', async () => {
    const h = harness({ nodes: 3 });
    expect(await h.run('kubectl cordon worker-1')).toEqual({ out: 'node/worker-1 cordoned\n', code: 0 });
    expect(node(h, 'worker-1').spec?.unschedulable).toBe(true);
    expect((await h.run('kubectl cordon node/worker-1')).out).toBe('node/worker-1 already cordoned\n');
    expect((await h.run('kubectl uncordon worker-1 worker-2 --dry-run=client')).out).toBe('node/worker-1 uncordoned (dry run)\nnode/worker-2 already uncordoned (dry run)\n');
    expect((await h.run('kubectl uncordon worker-1 --dry-run=server')).out).toBe('node/worker-1 uncordoned (server dry run)\n');
    expect(node(h, 'worker-1').spec?.unschedulable).toBe(true);
    expect((await h.run('kubectl uncordon worker-1')).out).toBe('node/worker-1 uncordoned\n');
    expect(node(h, 'worker-1').spec?.unschedulable).toBeUndefined();
    expect((await h.run('kubectl cordon -l kubernetes.io/hostname=worker-2')).out).toBe('node/worker-2 cordoned\n');
  });

  it.each([
    ['kubectl cordon', "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n"],
    ['kubectl uncordon worker-1 -l a=b', "error: cannot specify both a node name and a --selector option\nSee 'kubectl uncordon -h' for help and examples\n"],
    ['kubectl cordon nosuch', 'Error from server (NotFound): nodes "nosuch" not found\n'],
    ['kubectl cordon worker-1 nosuch', 'Error from server (NotFound): nodes "nosuch" not found\n'],
    ['kubectl cordon pod/x', 'Error from server (NotFound): pods "x" not found\n'],
    ['kubectl cordon svc/kubernetes', 'error: expected resource of type node, got "/v1, Resource=services"\n'],
  ])('%s', async (cmd, out) => {
    const h = harness({ nodes: 3 });
    expect(await h.run(cmd)).toEqual({ out, code: 1 });
    expect(node(h, 'worker-1').spec?.unschedulable).toBeUndefined();
  });
});

describe('drain', () => {
  it('refuses DaemonSet pods and bare pods until told, then empties the node', async () => {
    const h = harness({ nodes: 3 });
    await h.run(`kubectl run bare --image=nginx:1.27 --overrides='{"spec":{"nodeName":"worker-1"}}'`);
    await h.run('sleep 10');
    const proxy = (await h.run("kubectl get pods -n kube-system -l k8s-app=kube-proxy --field-selector spec.nodeName=worker-1 -o jsonpath='{.items[0].metadata.name}'")).out;
    expect(await h.run('kubectl drain worker-1')).toEqual({
      out:
        'node/worker-1 cordoned\n' +
        // kubectl's own doubled "cannot delete"; groups in first-seen order (kubectl's map order is random).
        `error: unable to drain node "worker-1" due to error: [cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare, cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy}], continuing command...\n` +
        'There are pending nodes to be drained:\n worker-1\n' +
        'cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare\n' +
        `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy}\n`,
      code: 1,
    });
    expect((await h.run('kubectl drain worker-1 --ignore-daemonsets --force --dry-run=client')).out).toBe(
      'node/worker-1 already cordoned (dry run)\n' +
        `Warning: deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: kube-system/${proxy}\n` +
        'evicting pod default/bare (dry run)\nnode/worker-1 drained (dry run)\n',
    );
    const r = await h.run('kubectl drain worker-1 --ignore-daemonsets --force');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/pod\/bare (evicted|deleted)\nnode\/worker-1 drained\n$/);
    expect((await h.run('kubectl get pod bare')).code).toBe(1);
  });

  it('waits for PodDisruptionBudgets, retrying every 5s until --timeout', async () => {
    const h = evictionHarness();
    h.session.fs.writeFile('/home/user/pdb.yaml', 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 2\n  selector:\n    matchLabels: {app: web}\n');
    await h.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    await h.run('kubectl apply -f pdb.yaml');
    await h.run('sleep 20');
    const where = (await h.run("kubectl get pods -l app=web -o jsonpath='{.items[0].spec.nodeName} {.items[0].metadata.name}'")).out.split(' ');
    const [nodeName, pod] = where;
    const r = await h.run(`kubectl drain ${nodeName} --ignore-daemonsets --timeout=12s --pod-selector=app=web`);
    expect(r.code).toBe(1);
    const retry = `error when evicting pods/"${pod}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;
    expect(r.out).toBe(
      `node/${nodeName} cordoned\n` +
        `evicting pod default/${pod}\n${retry}`.repeat(3) +
        `evicting pod default/${pod}\n` +
        `There are pending pods in node "${nodeName}" when an error occurred: error when evicting pods/"${pod}" -n "default": global timeout reached: 12s\npod/${pod}\n` +
        `error: unable to drain node "${nodeName}" due to error: error when evicting pods/"${pod}" -n "default": global timeout reached: 12s, continuing command...\n` +
        `There are pending nodes to be drained:\n ${nodeName}\n` +
        `error when evicting pods/"${pod}" -n "default": global timeout reached: 12s\n`,
    );
  });

  it.each([
    ['kubectl drain', "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n"],
    ['kubectl drain worker-1 --pod-selector=a==b==c', 'error: --pod-selector=<pod_selector> must be a valid label selector\n'],
    ['kubectl drain worker-1 --dry-run=maybe', 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n'],
  ])('%s', async (cmd, out) => {
    const h = harness({ nodes: 3 });
    expect(await h.run(cmd)).toEqual({ out, code: 1 });
  });

  it('aggregates errors like utilerrors.NewAggregate', () => {
    expect(aggregate(['a'])).toBe('a');
    expect(aggregate(['a', 'a'])).toBe('a');
    expect(aggregate(['a', 'b', 'a'])).toBe('[a, b]');
  });
});

describe('taint', () => {
  it('adds, refuses to overwrite without --overwrite, modifies and removes', async () => {
    const h = harness({ nodes: 3 });
    expect((await h.run('kubectl taint nodes worker-1 dedicated=gpu:NoSchedule')).out).toBe('node/worker-1 tainted\n');
    expect(await h.run('kubectl taint nodes worker-1 dedicated=cpu:NoSchedule')).toEqual({ out: 'error: node worker-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n', code: 1 });
    expect((await h.run('kubectl taint no worker-1 dedicated=cpu:NoSchedule --overwrite')).out).toBe('node/worker-1 modified\n');
    expect((await h.run('kubectl taint node worker-1 spot:NoExecute --dry-run=client')).out).toBe('node/worker-1 tainted\n');
    expect(node(h, 'worker-1').spec?.taints).toEqual([{ key: 'dedicated', value: 'cpu', effect: 'NoSchedule' }]);
    expect((await h.run('kubectl taint nodes worker-1 dedicated:NoSchedule-')).out).toBe('node/worker-1 untainted\n');
    expect(node(h, 'worker-1').spec?.taints).toBeUndefined();
    expect(await h.run('kubectl taint nodes worker-1 dedicated-')).toEqual({ out: 'error: taint "dedicated" not found\n', code: 1 });
    expect(await h.run('kubectl taint nodes worker-1 worker-2 x- y-')).toEqual({ out: '[taint "x" not found, taint "y" not found]\n[taint "x" not found, taint "y" not found]\n', code: 1 });
    expect(await h.run('kubectl taint nodes worker-1 nosuch a=b:NoSchedule')).toEqual({ out: 'node/worker-1 tainted\nError from server (NotFound): nodes "nosuch" not found\n', code: 1 });
  });

  it.each([
    ['kubectl taint', 'error: one or more resources must be specified as <resource> <name>\n'],
    ['kubectl taint nodes worker-1', 'error: at least one taint update is required\n'],
    ['kubectl taint nodes worker-1 a=b:NoSchedule x', 'error: all resources must be specified before taint changes: x\n'],
    ['kubectl taint nodes worker-1 a=b:Sometimes', "error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n"],
    ['kubectl taint nodes worker-1 a=b=c:NoSchedule', "error: invalid taint spec: a=b=c:NoSchedule\nSee 'kubectl taint -h' for help and examples\n"],
    ['kubectl taint nodes worker-1 a=b:NoSchedule a=c:NoSchedule', "error: duplicated taints with the same key and effect: {a c NoSchedule <nil>}\nSee 'kubectl taint -h' for help and examples\n"],
    ['kubectl taint nodes worker-1 a=b:NoSchedule a:NoSchedule-', 'error: can not both modify and remove the following taint(s) in the same command: a=NoSchedule\n'],
    ['kubectl taint pods x a=b:NoSchedule', 'error: invalid resource type pods, only node types are supported\n'],
    ['kubectl taint gizmos x a=b:NoSchedule', 'the server doesn\'t have a resource type "gizmos"\n'],
    ['kubectl taint nodes a=b:NoSchedule', "error: at least one resource name must be specified since 'all' parameter is not set\n"],
    ['kubectl taint nodes --all -l a=b x=y:NoSchedule', "error: setting 'all' parameter with a non empty selector is prohibited\n"],
  ])('%s', async (cmd, out) => {
    const h = harness({ nodes: 3 });
    expect(await h.run(cmd)).toEqual({ out, code: 1 });
  });

  it.each([
    [[], ['a=b:NoSchedule'], false, [], 'tainted', [{ key: 'a', value: 'b', effect: 'NoSchedule' }]],
    [[{ key: 'a', value: 'b', effect: 'NoSchedule' }], ['a=c:NoSchedule'], true, [], 'modified', [{ key: 'a', value: 'c', effect: 'NoSchedule' }]],
    [[{ key: 'a', effect: 'NoSchedule' }, { key: 'a', effect: 'NoExecute' }], ['a-'], false, [], 'untainted', []],
    [[{ key: 'b', effect: 'NoSchedule' }], ['a:NoExecute', 'b-'], false, [], 'modified', [{ key: 'a', value: '', effect: 'NoExecute' }]],
  ])('reorganizeTaints(%j, %j, overwrite=%s)', (old, specs, overwrite, errors, operation, taints) => {
    const { add, remove } = parseTaints(specs);
    const r = reorganizeTaints(old, overwrite, add, remove);
    expect(r).toEqual({ operation, taints, errors });
  });

  it('rejects bad keys with the validation message', () => {
    expect(() => parseTaints(['-x=y:NoSchedule'])).toThrow(TaintError);
  });
});
