// kubectl cp: copies a file between the terminal's file system and a container's simulated one, through
// exec (`cat`, and `sh -c 'cat > file'` with the file as stdin) instead of kubectl's tar stream.
// Single files only; directories get an honest error.
// mirrors: kubectl/pkg/cmd/cp/cp.go (file specs, errors, copying into a directory)

import type { Pod } from 'kubernetes-types/core/v1';
import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import { KubectlError } from '../errors';
import { StringInput, type OutputStream } from '../../../engine/runtime/sh/streams';
import { basename, resolvePath } from '../../../engine/runtime/sh/fs';
import { execErrorText } from './exec';
import { findOrDefaultContainer } from './pod-for-object';

interface FileSpec {
  namespace?: string;
  pod?: string;
  file: string;
}

const FORMAT_ERROR = 'error: filespec must match the canonical format: [[namespace/]pod:]file/path';

/** extractFileSpec: `path`, `pod:path` or `namespace/pod:path`. */
function fileSpec(arg: string): FileSpec {
  const i = arg.indexOf(':');
  if (i === 0) throw new KubectlError(FORMAT_ERROR);
  if (i < 0) return { file: arg };
  const pieces = arg.slice(0, i).split('/');
  if (pieces.length === 1) return { pod: pieces[0], file: arg.slice(i + 1) };
  if (pieces.length === 2) return { namespace: pieces[0], pod: pieces[1], file: arg.slice(i + 1) };
  throw new KubectlError(FORMAT_ERROR);
}

function collector(): OutputStream & { text: string } {
  const c = { text: '', write: (t: string) => void (c.text += t) };
  return c;
}

/** Runs a command in the pod's container; returns its exit code and what it printed. */
async function run(k: Kubectl, pod: Pod, container: string, command: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const host = k.env.exec;
  if (!host) throw new KubectlError('error: unable to upgrade connection: exec is not available in this session');
  const out = collector();
  const err = collector();
  const res = await host.exec(
    { namespace: pod.metadata?.namespace ?? '', pod: pod.metadata?.name ?? '', container, command, stdin: stdin !== undefined, tty: false },
    { stdin: new StringInput(stdin ?? ''), stdout: out, stderr: err, signal: k.env.signal },
  );
  if (res.error) throw new KubectlError(execErrorText(res.error));
  return { code: res.exitCode, out: out.text, err: err.text };
}

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export const cpCommand: CommandSpec = {
  name: 'cp',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Copy files and directories to and from containers',
  long: 'Copy files and directories to and from containers.',
  examples: "  # !!!Important Note!!!\n  # Requires that the 'tar' binary is present in your container\n  # image.  If 'tar' is not present, 'kubectl cp' will fail.\n  #\n  # For advanced use cases, such as symlinks, wildcard expansion or\n  # file mode preservation, consider using 'kubectl exec'.\n  \n  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>\n  tar cf - /tmp/foo | kubectl exec -i -n <some-namespace> <some-pod> -- tar xf - -C /tmp/bar\n  \n  # Copy /tmp/foo from a remote pod to /tmp/bar locally\n  kubectl exec -n <some-namespace> <some-pod> -- tar cf - /tmp/foo | tar xf - -C /tmp/bar\n  \n  # Copy /tmp/foo_dir local directory to /tmp/bar_dir in a remote pod in the default namespace\n  kubectl cp /tmp/foo_dir <some-pod>:/tmp/bar_dir\n  \n  # Copy /tmp/foo local file to /tmp/bar in a remote pod in a specific container\n  kubectl cp /tmp/foo <some-pod>:/tmp/bar -c <specific-container>\n  \n  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>\n  kubectl cp /tmp/foo <some-namespace>/<some-pod>:/tmp/bar\n  \n  # Copy /tmp/foo from a remote pod to /tmp/bar locally\n  kubectl cp <some-namespace>/<some-pod>:/tmp/foo /tmp/bar",
  usage: 'kubectl cp <file-spec-src> <file-spec-dest> [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string', default: '', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'no-preserve', type: 'bool', default: false, usage: "The copied file/directory's ownership and permissions will not be preserved in the container" },
    { name: 'retries', type: 'int', default: 0, usage: 'Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative value for infinite retrying. The default is 0 (no retry).' },
  ],
  async run(k, args, f) {
    if (args.length !== 2) throw new KubectlError('error: source and destination are required');
    const src = fileSpec(args[0]);
    const dest = fileSpec(args[1]);
    if (src.pod && dest.pod) throw new KubectlError('error: one of src or dest must be a local file specification');
    if (!src.file || !dest.file) throw new KubectlError('error: filepath can not be empty');
    const remote = src.pod ? src : dest.pod ? dest : undefined;
    if (!remote) throw new KubectlError('error: one of src or dest must be a remote file specification');
    const ns = remote.namespace || (f.values.namespace as string) || k.namespace;
    const fs = k.env.fs;
    if (dest.pod) {
      const local = resolvePath(k.env.cwd, src.file);
      const st = fs.stat(local);
      if (!st) throw new KubectlError(`error: ${src.file} doesn't exist in local filesystem`);
      if (st.type === 'dir') throw new KubectlError('error: copying directories is not supported in this playground; copy the files one by one');
    }
    const pod = (await k.call({ method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(remote.pod!)}` })).body as Pod;
    const container = (f.values.container as string) || (await findOrDefaultContainer(k, pod, '', false));
    if (src.pod) {
      const r = await run(k, pod, container, ['cat', src.file]);
      if (r.code !== 0) {
        if (r.err) await k.err(r.err);
        throw new KubectlError(`command terminated with exit code ${r.code}`, r.code);
      }
      let target = resolvePath(k.env.cwd, dest.file);
      if (fs.stat(target)?.type === 'dir') target = `${target.replace(/\/$/, '')}/${basename(src.file)}`;
      try {
        fs.writeFile(target, r.out);
      } catch (e) {
        throw new KubectlError(`error: open ${target}: ${(e as Error).message.toLowerCase()}`);
      }
      return 0;
    }
    const content = fs.readFile(resolvePath(k.env.cwd, src.file));
    let target = dest.file;
    // Into an existing directory: the file keeps its name (checkDestinationIsDir).
    if ((await run(k, pod, container, ['test', '-d', target])).code === 0) target = `${target.replace(/\/$/, '')}/${basename(src.file)}`;
    const r = await run(k, pod, container, ['sh', '-c', `cat > ${quote(target)}`], content);
    if (r.err) await k.err(r.err);
    if (r.code !== 0) throw new KubectlError(`command terminated with exit code ${r.code}`, r.code);
    return 0;
  },
};
