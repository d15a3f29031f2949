// kubectl edit with an editor host (the page's editor): patching changes, cancelling, invalid edits
// reopening with reasons, and the headless error without an editor.

import { describe, expect, it } from 'vitest';
import { harness } from './harness';

/** An editor that applies a sequence of text transformations, one per opening. */
function scripted(...steps: ((text: string) => string | undefined)[]) {
  const seen: string[] = [];
  return {
    seen,
    editor: {
      async edit(_path: string, text: string) {
        seen.push(text);
        const step = steps[seen.length - 1];
        return step ? step(text) : text;
      },
    },
  };
}

describe('kubectl edit', () => {
  it('fails headless like kubectl without an editor it can start', async () => {
    const h = harness();
    await h.run('kubectl create deployment web --image=nginx:1.27');
    expect(await h.run('kubectl edit deployment web')).toEqual({ out: 'error: unable to launch the editor "vi"\n', code: 1 });
    expect((await h.run('EDITOR=code kubectl edit deployment web')).out).toBe('error: unable to launch the editor "code"\n');
    expect((await h.run('kubectl edit deployment nope')).out).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('patches what changed and prints edited', async () => {
    const s = scripted((t) => t.replace('replicas: 1', 'replicas: 2'));
    const h = harness({ editor: s.editor });
    await h.run('kubectl create deployment web --image=nginx:1.27');
    const r = await h.run('kubectl edit deployment web --output-patch');
    expect(r).toEqual({ out: 'Patch: {"spec":{"replicas":2}}\ndeployment.apps/web edited\n', code: 0 });
    expect(s.seen[0].startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: apps/v1\nkind: Deployment\n")).toBe(true);
    expect(s.seen[0]).not.toContain('managedFields');
    expect((await h.run("kubectl get deployment web -o jsonpath='{.spec.replicas}'")).out).toBe('2');
  });

  it('cancels when nothing changed or the file was emptied', async () => {
    const h = harness({ editor: scripted((t) => t, () => '# nothing\n').editor });
    await h.run('kubectl create deployment web --image=nginx:1.27');
    expect((await h.run('kubectl edit deployment web')).out).toBe('Edit cancelled, no changes made.\n');
    expect((await h.run('kubectl edit deployment web')).out).toBe('Edit cancelled, saved file was empty.\n');
  });

  it('reopens an invalid edit with the reasons, then gives up when nothing changes', async () => {
    const s = scripted((t) => t.replace('replicas: 1', 'replicas: -1'));
    const h = harness({ editor: s.editor });
    await h.run('kubectl create deployment web --image=nginx:1.27');
    const r = await h.run('kubectl edit deployment web');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^error: deployments\.apps "web" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/);
    expect(s.seen[1]).toContain('# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n');
  });

  it('refuses name changes', async () => {
    const h = harness({ editor: scripted((t) => t.replace('name: web\n', 'name: other\n')).editor });
    await h.run('kubectl create deployment web --image=nginx:1.27');
    const r = await h.run('kubectl edit deployment web');
    expect(r.out).toMatch(/A copy of your changes has been stored to ".*"\nerror: At least one of apiVersion, kind and name was changed\n$/);
  });
});
