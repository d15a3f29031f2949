// Cluster networking wired into the engine: the data plane (Traffic), the container tools that use it
// (wget, curl, nslookup per image), `kubeplay curl` from the host, load generators, the DefaultIngressClass
// admission plugin, the IngressClass `nginx` with its simulated controller, and the load-balancer pool.

import type { Cluster } from '../cluster';
import type { ScriptRunOptions } from '../nodes/types';
import type { CommandContext, CommandImpl } from '../runtime/sh/types';
import { LoadBalancerController } from '../controllers/service/loadbalancer';
import { IngressStatusController } from '../controllers/ingress/status';
import { Traffic, type NodeView, type Origin } from './traffic';
import { NginxIngress, INGRESS_CLASS, INGRESS_CONTROLLER } from './ingress';
import { DefaultIngressClass, IS_DEFAULT_CLASS } from './default-ingress-class';
import { LoadGenerators } from './loadgen';
import { toolbox, HOST_CURL_VERSION } from './tools';
import { wgetCommand } from './wget';
import { curlCommand } from './curl';
import { nslookupCommand } from './nslookup';
import { pingCommand } from './ping';

export { Traffic } from './traffic';
export type { LoadRun, LoadSpec } from './loadgen';

/** Where kind's ingress-nginx runs (the node labelled ingress-ready; here the control plane). */
const INGRESS_NODE = 'control-plane';

export class Networking {
  readonly traffic: Traffic;
  readonly ingress: NginxIngress;
  readonly loads: LoadGenerators;
  private lb?: LoadBalancerController;
  private ingressStatus?: IngressStatusController;
  private lbEnabled = true;

  constructor(private readonly cluster: Cluster) {
    const nodes = (): readonly NodeView[] => this.nodeViews();
    this.traffic = new Traffic(cluster.store, cluster.clock, cluster.network, cluster.load, nodes);
    this.ingress = new NginxIngress(cluster.store, () => {
      for (const n of nodes()) if (n.name === INGRESS_NODE) return n;
      return undefined;
    });
    this.traffic.ingress = this.ingress;
    this.loads = new LoadGenerators(this.traffic, cluster.clock, (namespace) => this.controlPlaneOrigin(namespace));
    cluster.admission.register(DefaultIngressClass);
    cluster.containerCommands.push((opts) => this.containerCommands(opts));
    // Node objects come and go with kubelets: rebuild the views then.
    cluster.store.watch('nodes', {}, (e) => {
      if (e.type !== 'MODIFIED') this.views = undefined;
    });
  }

  /** Boot: the IngressClass (when add-ons are installed) and the controllers outside kube-controller-manager. */
  start(addons: boolean): void {
    if (addons) {
      this.cluster.ctx.client('system:admin', 'kubectl-client-side-apply').create('ingressclasses.networking.k8s.io', {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IngressClass',
        metadata: {
          name: INGRESS_CLASS,
          labels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': '1.12.0' },
          annotations: { [IS_DEFAULT_CLASS]: 'true' },
        },
        spec: { controller: INGRESS_CONTROLLER },
      });
    }
    this.lb = new LoadBalancerController(this.cluster.ctx);
    this.lb.setEnabled(this.lbEnabled);
    this.lb.start();
    this.ingressStatus = new IngressStatusController(this.cluster.ctx);
    this.ingressStatus.start();
  }

  /** The simulated load-balancer provider (MetalLB): off leaves new LoadBalancer Services `<pending>`. */
  setLoadBalancer(enabled: boolean): void {
    this.lbEnabled = enabled;
    this.lb?.setEnabled(enabled);
  }

  loadBalancerEnabled(): boolean {
    return this.lbEnabled;
  }

  /** wget, curl, nslookup and ping as the container's image has them. */
  containerCommands(opts: ScriptRunOptions): Record<string, CommandImpl> {
    const tools = toolbox(opts.image);
    const origin = (): Origin => this.traffic.podOrigin(opts.podIP, opts.namespace, opts.hostname);
    const table: Record<string, CommandImpl> = {};
    if (tools.wget) table.wget = wgetCommand(this.traffic, origin);
    if (tools.curl) table.curl = curlCommand({ traffic: this.traffic, origin, version: tools.curl, terminal: containerTerminal });
    if (tools.nslookup) table.nslookup = nslookupCommand(this.traffic, origin, tools.nslookup);
    if (tools.ping) table.ping = pingCommand(this.traffic, origin);
    return table;
  }

  /** curl on the machine that runs the cluster (`kubeplay curl`). */
  hostCurl(): CommandImpl {
    return curlCommand({ traffic: this.traffic, origin: () => this.traffic.outsideOrigin(), version: HOST_CURL_VERSION, terminal: (ctx) => ctx.io.stdout.isTTY !== false });
  }

  private views?: { size: number; list: NodeView[] };

  /** Live views of the kubelets, rebuilt only when nodes are added or removed. */
  private nodeViews(): readonly NodeView[] {
    const kubelets = this.cluster.kubelets;
    if (!this.views || this.views.size !== kubelets.size) {
      const list: NodeView[] = [];
      for (const k of kubelets.values()) {
        list.push({
          name: k.name,
          get hostIP() {
            return k.hostIP;
          },
          get up() {
            return k.up;
          },
          get connected() {
            return k.connected;
          },
        });
      }
      this.views = { size: kubelets.size, list };
    }
    return this.views.list;
  }

  private controlPlaneOrigin(namespace: string): Origin {
    const cp = this.cluster.kubelets.get('control-plane');
    return { ip: cp?.hostIP ?? '172.18.0.2', nodeName: 'control-plane', namespace, clusterDNS: true };
  }
}


/** A container's stdout is a terminal only under `kubectl exec -t` (TERM set) and when not piped. */
function containerTerminal(ctx: CommandContext): boolean {
  return ctx.io.stdout.isTTY === true || (ctx.io.stdout.isTTY === false && !!ctx.env.get('TERM'));
}
