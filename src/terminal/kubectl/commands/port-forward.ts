// kubectl port-forward: checks its arguments and the target pod like kubectl, then reports honestly that
// the playground has no local network to listen on.
// mirrors: kubectl/pkg/cmd/portforward/portforward.go (argument checks, running-pod check)

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';
import { attachablePod } from './exec';
import { getPodOrOwner } from './pod-for-object';
import { namespaceOf } from './workload-flags';

export const portForwardCommand: CommandSpec = {
  name: 'port-forward',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Forward one or more local ports to a pod',
  long: "Forward one or more local ports to a pod.\n\n Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.\n\n If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.",
  examples: "  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod\n  kubectl port-forward pod/mypod 5000 6000\n  \n  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment\n  kubectl port-forward deployment/mydeployment 5000 6000\n  \n  # Listen on port 8443 locally, forwarding to the targetPort of the service's port named \"https\" in a pod selected by the service\n  kubectl port-forward service/myservice 8443:https\n  \n  # Listen on port 8888 locally, forwarding to 5000 in the pod\n  kubectl port-forward pod/mypod 8888:5000\n  \n  # Listen on port 8888 on all addresses, forwarding to 5000 in the pod\n  kubectl port-forward --address 0.0.0.0 pod/mypod 8888:5000\n  \n  # Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod\n  kubectl port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000\n  \n  # Listen on a random port locally, forwarding to 5000 in the pod\n  kubectl port-forward pod/mypod :5000",
  usage: 'kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  flags: [
    { name: 'address', type: 'stringSlice', default: ['localhost'], usage: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.' },
    { name: 'pod-running-timeout', type: 'duration', default: 60000, usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  async run(k, args, f) {
    const v = f.values;
    if (args.length < 2) throw new KubectlError("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples");
    const timeout = v['pod-running-timeout'] as number;
    if (timeout <= 0) throw new KubectlError('error: --pod-running-timeout must be higher than zero');
    const { namespace } = namespaceOf(k, v);
    const { object } = await getPodOrOwner(k, args[0], namespace);
    const pod = await attachablePod(k, object, timeout);
    if (pod.status?.phase !== 'Running') throw new KubectlError(`error: unable to forward port because pod is not running. Current status=${pod.status?.phase ?? ''}`);
    throw new KubectlError(`error: port-forward is not supported in this playground: there is no local network to listen on; try 'kubectl exec ${pod.metadata?.name ?? ''} -- wget -qO- localhost:PORT' instead`);
  },
};
