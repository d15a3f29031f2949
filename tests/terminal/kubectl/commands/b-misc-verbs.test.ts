// auth can-i, autoscale, cp, options, completion, plugin, kustomize and the verbs the playground cannot
// run for real (proxy, port-forward, debug, attach -i): their messages and exit codes.

import { describe, expect, it } from 'vitest';
import { harness } from './harness';
import { printRules } from '../../../../src/terminal/kubectl/commands/auth-rules';

describe('auth can-i', () => {
  it('prints --list rules compacted per resource and sorted like kubectl', () => {
    const out = printRules(
      {
        resourceRules: [
          { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', 'pods/log'] },
          { verbs: ['watch'], apiGroups: [''], resources: ['pods'] },
          { verbs: ['*'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'] },
        ],
        nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/api/*'] }],
      },
      false,
    );
    expect(out).toBe(
      // Sorted by PolicyRule.String(), which starts with the verbs: "[*]" < "[get list watch]" < "[get list]" < "[get]".
      'Resources          Non-Resource URLs   Resource Names   Verbs\n' +
        'deployments.apps   []                  [web]            [*]\n' +
        'pods               []                  []               [get list watch]\n' +
        'pods/log           []                  []               [get list]\n' +
        '                   [/api/*]            []               [get]\n' +
        '                   [/healthz]          []               [get]\n',
    );
  });

  it.each([
    ['kubectl auth can-i', "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n"],
    ['kubectl auth can-i get', "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n"],
    ['kubectl auth can-i --list x', 'error: list option must be specified with no arguments\n'],
    ['kubectl auth can-i --list -q', "error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n"],
    ['kubectl auth can-i get /logs --subresource=x', 'error: --subresource can not be used with NonResourceURL\n'],
    ['kubectl auth can-i get pods --no-headers', 'error: --no-headers cannot be set without --list specified\n'],
    ['kubectl auth can-i frob pods --no-headers', "Warning: verb 'frob' is not a known verb\n\nerror: --no-headers cannot be set without --list specified\n"],
    ['kubectl auth can-i get nodes --no-headers', "Warning: resource 'nodes' is not namespace scoped\n\nerror: --no-headers cannot be set without --list specified\n"],
    ['kubectl auth can-i get gizmos.example.com --no-headers', "Warning: the server doesn't have a resource type 'gizmos' in group 'example.com'\n\nerror: --no-headers cannot be set without --list specified\n"],
  ])('%s', async (cmd, out) => {
    expect(await harness().run(cmd)).toEqual({ out, code: 1 });
  });

  it('answers yes or no with the exit code, and nothing with -q', async () => {
    const h = harness();
    const r = await h.run('kubectl auth can-i create pods');
    expect(['yes\n', 'no\n']).toContain(r.out.replace(/ - .*\n$/, '\n'));
    expect(r.code).toBe(r.out.startsWith('yes') ? 0 : 1);
    const q = await h.run('kubectl auth can-i create pods -q');
    expect(q).toEqual({ out: '', code: r.code });
  });
});

describe('autoscale', () => {
  it('builds the autoscaling/v1 object kubectl 1.32 sends', async () => {
    const h = harness();
    await h.run('kubectl create deployment web --image=nginx:1.27');
    expect((await h.run('kubectl autoscale deploy web --max=5 --dry-run=client')).out).toBe('horizontalpodautoscaler.autoscaling/web created (dry run)\n');
    expect((await h.run('kubectl autoscale deployment/web --max=5 --min=2 --cpu-percent=80 --name=hpa --dry-run=client -o json')).out).toBe(
      '{\n    "kind": "HorizontalPodAutoscaler",\n    "apiVersion": "autoscaling/v1",\n    "metadata": {\n        "name": "hpa",\n        "creationTimestamp": null\n    },\n' +
        '    "spec": {\n        "scaleTargetRef": {\n            "kind": "Deployment",\n            "name": "web",\n            "apiVersion": "apps/v1"\n        },\n' +
        '        "minReplicas": 2,\n        "maxReplicas": 5,\n        "targetCPUUtilizationPercentage": 80\n    },\n    "status": {\n        "currentReplicas": 0,\n        "desiredReplicas": 0\n    }\n}\n',
    );
  });

  it.each([
    ['kubectl autoscale deploy web', 'error: required flag(s) "max" not set\n'],
    ['kubectl autoscale deploy web --max=0', 'error: --max=MAXPODS is required and must be at least 1, max: 0\n'],
    ['kubectl autoscale deploy web --max=2 --min=3', 'error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 3\n'],
    ['kubectl autoscale deploy nosuch --max=3', 'Error from server (NotFound): deployments.apps "nosuch" not found\n'],
    ['kubectl autoscale deploy --max=3', 'error: resource(s) were provided, but no name was specified\n'],
    ['kubectl autoscale svc kubernetes --max=3', 'error: cannot autoscale a Service: could not find scale subresource for /v1, Resource=services in discovery information\n'],
  ])('%s', async (cmd, out) => {
    expect(await harness().run(cmd)).toEqual({ out, code: 1 });
  });
});

describe('cp', () => {
  it('copies a file into a container and back through exec', async () => {
    const h = harness();
    await h.run('kubectl run web --image=nginx:1.27');
    await h.run('sleep 10');
    h.session.fs.writeFile('/home/user/hello.txt', 'hello\n');
    expect(await h.run('kubectl cp hello.txt web:/tmp')).toEqual({ out: '', code: 0 });
    expect((await h.run('kubectl exec web -- cat /tmp/hello.txt')).out).toBe('hello\n');
    expect(await h.run('kubectl cp default/web:/tmp/hello.txt back.txt')).toEqual({ out: '', code: 0 });
    expect(h.session.fs.readFile('/home/user/back.txt')).toBe('hello\n');
    expect((await h.run('kubectl cp web:/nope x.txt')).code).toBe(1);
  });

  it.each([
    ['kubectl cp a', 'error: source and destination are required\n'],
    ['kubectl cp a b', 'error: one of src or dest must be a remote file specification\n'],
    ['kubectl cp p:/a q:/b', 'error: one of src or dest must be a local file specification\n'],
    ['kubectl cp :x y', 'error: filespec must match the canonical format: [[namespace/]pod:]file/path\n'],
    ['kubectl cp missing.txt web:/tmp', "error: missing.txt doesn't exist in local filesystem\n"],
    ['kubectl cp web:/etc/hostname x', 'Error from server (NotFound): pods "web" not found\n'],
  ])('%s', async (cmd, out) => {
    expect(await harness().run(cmd)).toEqual({ out, code: 1 });
  });
});

describe('settings and other commands', () => {
  it('options lists the global flags like the Options of a help page', async () => {
    const r = await harness().run('kubectl options');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^The following options can be passed to any command:\n\n {4}--as='':\n/);
    expect(r.out).toContain("    --cache-dir='/home/user/.kube/cache':\n");
    expect(r.out).toContain('    -v, --v=0:\n\tnumber for the log level verbosity\n\n    --vmodule=:\n');
    expect(r.out.endsWith('exit code\n\n')).toBe(true);
  });

  it.each([
    ['kubectl completion bash', '# kubectl completion is built into this playground terminal: press Tab to complete\n# commands, flags, resource types and object names. Nothing to install.\n', 0],
    ['kubectl completion', "error: Shell not specified.\nSee 'kubectl completion -h' for help and examples\n", 1],
    ['kubectl completion tcsh', "error: Unsupported shell type \"tcsh\".\nSee 'kubectl completion -h' for help and examples\n", 1],
    ['kubectl completion bash zsh', "error: Too many arguments. Expected only the shell type.\nSee 'kubectl completion -h' for help and examples\n", 1],
    ['kubectl plugin list', 'error: unable to find any kubectl plugins in your PATH\n', 1],
    ['kubectl plugin nope', "error: unknown command \"nope\"\nSee 'kubectl plugin -h' for help and examples\n", 1],
    ['kubectl kustomize', "error: unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '/home/user'\n", 1],
    ['kubectl kustomize nosuch', "error: must build at directory: not a valid directory: evalsymlink failure on 'nosuch' : lstat /home/user/nosuch: no such file or directory\n", 1],
    ['kubectl certificate approve', 'error: one or more CSRs must be specified as <name> or -f <filename>\n', 1],
    ['kubectl attach', 'error: at least 1 argument is required for attach\n', 1],
    ['kubectl attach nosuch', 'Error from server (NotFound): pods "nosuch" not found\n', 1],
    ['kubectl port-forward web', "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n", 1],
    ['kubectl port-forward pod/nosuch 8080:80', 'Error from server (NotFound): pods "nosuch" not found\n', 1],
    ['kubectl debug web', 'error: you must specify --image when not using --copy-to.\n', 1],
  ])('%s', async (cmd, out, code) => {
    expect(await harness().run(cmd)).toEqual({ out, code });
  });

  it('says plainly what the playground cannot do', async () => {
    const h = harness();
    await h.run('kubectl run web --image=nginx:1.27');
    await h.run('sleep 10');
    for (const cmd of ['kubectl proxy', 'kubectl port-forward web 8080:80', 'kubectl debug web --image=busybox']) {
      const r = await h.run(cmd);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/^error: .*not supported in this playground/);
    }
  });
});
