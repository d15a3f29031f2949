// kubectl attach: the container's output from now on (the playground follows its log); attaching stdin
// to the main process is not possible here, so -i gets an honest error pointing at exec.
// mirrors: kubectl/pkg/cmd/attach/attach.go

import type { CommandSpec } from '../command';
import { KubectlError, ServerError } from '../errors';
import { textChunks } from '../../api-client';
import { asStatus } from './apply';
import { attachablePod } from './exec';
import { findContainer, findOrDefaultContainer, getPodOrOwner } from './pod-for-object';
import { namespaceOf } from './workload-flags';

export const attachCommand: CommandSpec = {
  name: 'attach',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Attach to a running container',
  long: 'Attach to a process that is already running inside an existing container.',
  examples: "  # Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation\n  # for selecting the container to be attached or the first container in the pod will be chosen\n  kubectl attach mypod\n  \n  # Get output from ruby-container from pod mypod\n  kubectl attach mypod -c ruby-container\n  \n  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod\n  # and sends stdout/stderr from 'bash' back to the client\n  kubectl attach mypod -c ruby-container -i -t\n  \n  # Get output from the first pod of a replica set named nginx\n  kubectl attach rs/nginx",
  usage: 'kubectl attach (POD | TYPE/NAME) -c CONTAINER [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string', default: '', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'pod-running-timeout', type: 'duration', default: 60000, usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', short: 'q', type: 'bool', default: false, usage: 'Only print output from the remote session' },
    { name: 'stdin', short: 'i', type: 'bool', default: false, usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', default: false, usage: 'Stdin is a TTY' },
  ],
  async run(k, args, f) {
    const v = f.values;
    if (args.length === 0) throw new KubectlError('error: at least 1 argument is required for attach');
    if (args.length > 2) throw new KubectlError(`error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`);
    const timeout = v['pod-running-timeout'] as number;
    if (timeout <= 0) throw new KubectlError('error: --pod-running-timeout must be higher than zero');
    const { namespace } = namespaceOf(k, v);
    const { object } = await getPodOrOwner(k, args.length === 2 ? `${args[0]}/${args[1]}` : args[0], namespace);
    const pod = await attachablePod(k, object, timeout);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot attach a container in a completed pod; current phase is ${phase}`);
    const quiet = v.quiet as boolean;
    const container = await findOrDefaultContainer(k, pod, v.container as string, quiet);
    if (v.stdin) {
      throw new KubectlError(`error: attaching to the stdin of a container is not supported in this playground; use 'kubectl exec -it ${pod.metadata?.name ?? ''} -- sh' for an interactive shell`);
    }
    if (v.tty && !findContainer(pod, container)?.container.tty && !quiet) await k.err(`error: Unable to use a TTY - container ${container} did not allocate one\n`);
    if (!quiet) await k.err("If you don't see a command prompt, try pressing enter.\n");
    const res = await k.request({
      method: 'GET',
      path: `/api/v1/namespaces/${encodeURIComponent(pod.metadata?.namespace ?? '')}/pods/${encodeURIComponent(pod.metadata?.name ?? '')}/log`,
      query: { container, follow: 'true', tailLines: '0' },
    });
    if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
    for await (const chunk of textChunks(res, (fn) => k.env.signal.onAbort(fn))) await k.out(chunk);
    return 0;
  },
};
