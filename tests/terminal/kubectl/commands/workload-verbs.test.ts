// The workload verbs against a simulated cluster: exit codes, messages and what they change.

import { describe, expect, it } from 'vitest';
import { harness } from './harness';

describe('workload verbs', () => {
  it('exec passes exit codes through and refuses bad invocations', async () => {
    const h = harness();
    await h.run("kubectl run bb --image=busybox --restart=Never -- sleep 3600");
    await h.run('sleep 10');
    expect(await h.run("kubectl exec bb -- sh -c 'echo hi; exit 3'")).toEqual({ out: 'hi\ncommand terminated with exit code 3\n', code: 3 });
    expect(await h.run('kubectl exec bb -- true')).toEqual({ out: '', code: 0 });
    expect((await h.run('kubectl exec bb date')).code).toBe(1);
    expect(await h.run("echo 'echo $((6*7))' | kubectl exec -i bb -- sh")).toEqual({ out: '42\n', code: 0 });
  });

  it('logs follows a running container until it exits', async () => {
    const h = harness();
    await h.run("kubectl run c --image=busybox --restart=Never -- sh -c 'for i in 1 2 3; do echo $i; sleep 2; done'");
    await h.run('kubectl wait --for=condition=Ready pod/c');
    expect(await h.run('kubectl logs -f c')).toEqual({ out: '1\n2\n3\n', code: 0 });
    expect((await h.run('kubectl logs c --tail=1 --prefix')).out).toBe('[pod/c/c] 3\n');
  });

  it('run --rm waits for the exit code and deletes the pod', async () => {
    const h = harness();
    const r = await h.run("kubectl run t --rm -i --quiet --image=busybox --restart=Never -- sh -c 'echo bye; exit 2'");
    // --quiet reaches the deletion too (run.go sets DeleteOptions.Quiet): no `pod "t" deleted`.
    expect(r).toEqual({ out: 'bye\npod default/t terminated (Error)\n', code: 2 });
    expect((await h.run('kubectl get pod t')).out).toBe('Error from server (NotFound): pods "t" not found\n');
  });

  it('run validates its flags before creating anything', async () => {
    const h = harness();
    expect((await h.run('kubectl run x --image=nginx --restart=Sometimes')).out).toBe("error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n");
    expect((await h.run('kubectl run x')).out).toBe('error: required flag(s) "image" not set\n');
    expect((await h.run('kubectl run x --image=nginx --expose')).out).toBe("error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n");
    // -o name of nothing prints nothing (printGeneric has no "No resources found").
    expect((await h.run('kubectl get pods -o name')).out).toBe('');
  });

  it('label reports labeled / not labeled / unlabeled', async () => {
    const h = harness();
    await h.run('kubectl create configmap c --from-literal=a=b');
    expect((await h.run('kubectl label cm c x=1')).out).toBe('configmap/c labeled\n');
    expect((await h.run('kubectl label cm c x=1')).out).toBe('configmap/c not labeled\n');
    expect((await h.run('kubectl label cm c x-')).out).toBe('configmap/c unlabeled\n');
    // The server omits the emptied labels map; kubectl's SetLabels adds `labels: {}` back, so its before/after
    // JSON differ and it says "labeled" (kubectl's own quirk).
    expect((await h.run('kubectl label cm c x- --overwrite')).out).toBe('label "x" not found.\nconfigmap/c labeled\n');
    expect((await h.run('kubectl label cm/c y=2 --dry-run=client')).out).toBe('configmap/c labeled (dry run)\n');
    expect((await h.run('kubectl label cm/c y=2 --dry-run=server')).out).toBe('configmap/c labeled (server dry run)\n');
    expect((await h.run("kubectl get cm c -o jsonpath='{.metadata.labels.y}'")).out).toBe('');
  });

  it('set image is silent when nothing changes; rollout undo skips an identical template', async () => {
    const h = harness();
    await h.run('kubectl create deployment web --image=nginx:1.27');
    await h.run('kubectl rollout status deployment/web');
    expect((await h.run('kubectl set image deployment/web nginx=nginx:1.27')).out).toBe('');
    await h.run('kubectl set image deployment/web nginx=nginx:1.26');
    await h.run('kubectl rollout status deployment/web');
    await h.run('kubectl set image deployment/web nginx=nginx:1.27');
    await h.run('kubectl rollout status deployment/web');
    // Revision 1's template came back as revision 3.
    expect((await h.run('kubectl rollout undo deployment/web --to-revision=3')).out).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
    expect((await h.run('kubectl rollout undo deployment/web --dry-run=client')).out).toContain('deployment.apps/web Pod Template:\n  Labels:\tapp=web\n');
    expect((await h.run('kubectl rollout resume deployment/web')).out).toBe('error: deployments.apps "web" is not paused\n');
    expect((await h.run('kubectl rollout history deployment/web')).out).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
  });

  it('wait times out with the object named', async () => {
    const h = harness();
    await h.run("kubectl run s --image=busybox --restart=Never -- sleep 3600");
    const r = await h.run("kubectl wait --for=jsonpath='{.status.phase}'=Succeeded pod/s --timeout=5s");
    expect(r).toEqual({ out: 'error: timed out waiting for the condition on pods/s\n', code: 1 });
  });
});
