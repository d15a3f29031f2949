// kubectl cluster-info: where the control plane and the cluster services (label
// kubernetes.io/cluster-service=true) are reachable.
// mirrors: kubectl/pkg/cmd/clusterinfo

import type { CommandSpec } from '../command';
import type { Service } from 'kubernetes-types/core/v1';

const GREEN = '\x1b[0;32m';
const YELLOW = '\x1b[0;33m';
const RESET = '\x1b[0m';

export const clusterInfoCommand: CommandSpec = {
  name: 'cluster-info',
  group: 'Cluster Management Commands',
  short: 'Display cluster information',
  long: "Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
  examples: '  # Print the address of the control plane and cluster services\n  kubectl cluster-info',
  usage: 'kubectl cluster-info [flags] [options]',
  flags: [],
  async run(k) {
    const server = k.env.config.clusters.find((c) => c.name === k.env.config.current()?.cluster)?.server ?? 'https://127.0.0.1:6443';
    // Colours only on a terminal, as go-colortext decides.
    const tty = k.env.stdout.isTTY === true;
    const green = (t: string) => (tty ? `${GREEN}${t}${RESET}` : t);
    const yellow = (t: string) => (tty ? `${YELLOW}${t}${RESET}` : t);
    let s = `${green('Kubernetes control plane')} is running at ${yellow(server)}\n`;
    const svcInfo = await k.mapper.lookup('services');
    const list = await k.list(svcInfo, 'kube-system', { labelSelector: 'kubernetes.io/cluster-service=true' });
    for (const svc of list.items as Service[]) {
      const name = svc.metadata?.labels?.['kubernetes.io/name'] ?? svc.metadata!.name!;
      const port = svc.spec?.ports?.[0];
      const portName = port?.name ? `:${port.name}` : port ? `:${port.port}` : '';
      s += `${green(name)} is running at ${yellow(`${server}/api/v1/namespaces/kube-system/services/${svc.metadata!.name}${portName}/proxy`)}\n`;
    }
    s += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    await k.out(s);
    return 0;
  },
};
