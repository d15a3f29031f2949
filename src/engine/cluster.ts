// Wires the engine: clock, store, API server, controllers, scheduler and virtual nodes, then boots the
// default cluster (control-plane + workers, system namespaces and objects). createCluster() is the
// library entry for the page's worker, the CLI and tests.

import { SimClock } from './clock/clock';
import { Rng } from './clock/rng';
import { AsyncWork, advanceAsync, advanceUntil } from './clock/async-work';
import { Store } from './store/store';
import { createRegistry } from './registry/index';
import { resourceKey } from './registry/types';
import type { Registry } from './registry/registry';
import { Admission } from './admission/chain';
import { Rest } from './api/rest/rest';
import { ApiServer } from './api/server';
import type { ApiRequest, ApiResponse, KubeObject } from './api/types';
import { ControllerContext, type Controller } from './controllers/context';
import { ReplicaSetController } from './controllers/replicaset/replicaset';
import { DeploymentController } from './controllers/deployment/controller';
import { GarbageCollector } from './controllers/garbagecollector/garbagecollector';
import { NamespaceController } from './controllers/namespace/namespace';
import { NodeLifecycleController } from './controllers/nodelifecycle/nodelifecycle';
import { TaintEvictionController } from './controllers/tainteviction/tainteviction';
import { PodGCController } from './controllers/podgc/podgc';
import { DaemonSetController } from './controllers/daemon/daemonset';
import { StatefulSetController } from './controllers/statefulset/statefulset';
import { JobController } from './controllers/job/job';
import { TTLAfterFinishedController } from './controllers/job/ttlafterfinished';
import { CronJobController } from './controllers/cronjob/cronjob';
import { EndpointsController } from './controllers/endpoint/endpoints';
import { EndpointSliceController } from './controllers/endpoint/endpointslice';
import { ServiceAccountsController } from './controllers/serviceaccount/serviceaccounts';
import { PersistentVolumeController } from './controllers/volume/pv-controller';
import { PVCProtectionController } from './controllers/volume/pvc-protection';
import { DisruptionController, evictionViolation } from './controllers/disruption/disruption';
import { ResourceQuotaController } from './controllers/resourcequota/resourcequota';
import { Scheduler } from './scheduler/scheduler';
import { Kubelet } from './nodes/kubelet';
import type { NodeShape } from './nodes/node-object';
import { createScriptRunner } from './runtime/script-runner';
import type { ScriptRunner, ScriptRunOptions } from './nodes/types';
import type { CommandImpl } from './runtime/sh/types';
import { PodNetwork } from './runtime/network';
import { LoadModel } from './runtime/load';
import type { MemFS } from './runtime/sh/memfs';
import * as boot from './bootstrap/objects';
import { bootstrapPolicy } from './auth/bootstrap-policy';
import { defaultAdmissionPlugins } from './admission/plugins';
import { installSubresources } from './api/subresources/install';
import { execInContainer, type ExecIO, type ExecResult, type ExecSpec } from './nodes/exec';
import { Networking } from './network/index';
import { installMetricsServer } from './metrics/install';
import type { MetricsServer } from './metrics/metrics-server';
import { HorizontalController } from './controllers/podautoscaler/horizontal';
import { ClusterAutoscaler } from './autoscaler/cluster-autoscaler';

export interface ClusterOptions {
  /** Worker nodes (besides the control plane). Default 3. */
  nodes?: number;
  seed?: number | string;
  /** Simulated start time (ms since epoch). Default 2025-01-01T00:00:00Z. */
  startTime?: number;
  /** Worker shape. */
  nodeCpu?: string;
  nodeMemory?: string;
  nodePods?: number;
  /** Skip system add-ons (CoreDNS, static pods): for benchmarks of the bare machinery. */
  minimal?: boolean;
  /** Watch history kept per resource. */
  historyPerResource?: number;
}

export const DEFAULT_START = Date.UTC(2025, 0, 1, 0, 0, 0);

export type ComponentName = 'scheduler' | 'controller-manager';

export class Cluster {
  readonly clock: SimClock;
  readonly rng: Rng;
  readonly seed: number | string;
  readonly work = new AsyncWork();
  readonly store: Store;
  readonly registry: Registry;
  readonly admission = new Admission();
  readonly rest: Rest;
  readonly api: ApiServer;
  readonly ctx: ControllerContext;
  readonly controllers: Controller[] = [];
  readonly scheduler: Scheduler;
  readonly kubelets = new Map<string, Kubelet>();
  readonly scripts: ScriptRunner;
  readonly network = new PodNetwork();
  readonly volumeData = new Map<string, MemFS>();
  /** Providers of extra container commands (wget, curl, nslookup from the traffic model). */
  readonly containerCommands: ((opts: ScriptRunOptions) => Record<string, CommandImpl>)[] = [];
  readonly load = new LoadModel();
  /** Services that route, cluster DNS, Ingress, NetworkPolicy, load balancers (src/engine/network). */
  readonly net: Networking;
  /** metrics-server and the metrics.k8s.io API (src/engine/metrics). */
  readonly metrics: MetricsServer;
  /** The opt-in Cluster Autoscaler (`kubeplay autoscaler enable`, src/engine/autoscaler). */
  readonly autoscaler: ClusterAutoscaler;
  private nodeCount = 0;
  private readonly opts: ClusterOptions;
  private components = { scheduler: true, 'controller-manager': true };

  constructor(opts: ClusterOptions = {}) {
    this.opts = opts;
    this.clock = new SimClock(opts.startTime ?? DEFAULT_START);
    this.seed = opts.seed ?? 1;
    this.rng = new Rng(this.seed);
    this.store = new Store({ historyPerResource: opts.historyPerResource });
    this.registry = createRegistry();
    for (const def of this.registry.all()) this.store.register(resourceKey(def), def.indexes ?? []);
    this.rest = new Rest(this.store, this.clock, Rng.derive(this.seed, 'apiserver'), this.admission, this.seed);
    this.api = new ApiServer({ registry: this.registry, rest: this.rest, clock: this.clock });
    this.ctx = new ControllerContext(this.clock, Rng.derive(this.seed, 'controllers'), this.store, this.registry, this.rest);
    this.admission.register(...defaultAdmissionPlugins());
    this.scripts = createScriptRunner(this.clock, this.work, (opts) => {
      const table: Record<string, CommandImpl> = {};
      for (const provide of this.containerCommands) Object.assign(table, provide(opts));
      return table;
    });
    installSubresources(this, (pod) => evictionViolation(this.ctx.client('system:kube-apiserver', 'kube-apiserver'), pod));
    this.net = new Networking(this);
    this.metrics = installMetricsServer(this);
    this.autoscaler = new ClusterAutoscaler(this);
    this.scheduler = new Scheduler(this.ctx, Rng.derive(this.seed, 'scheduler'));
  }

  /** Boots the control plane and nodes; objects get creation times at the start time. */
  boot(): this {
    const system = this.ctx.client('system:apiserver', 'kube-apiserver');
    for (const ns of boot.SYSTEM_NAMESPACES) system.create('namespaces', boot.namespace(ns));
    for (const pc of boot.systemPriorityClasses()) system.create('priorityclasses.scheduling.k8s.io', pc);
    for (const o of bootstrapPolicy()) system.create(o.kind === 'ClusterRole' ? 'clusterroles.rbac.authorization.k8s.io' : 'clusterrolebindings.rbac.authorization.k8s.io', o);
    // Service accounts exist before anything creates pods (pods need them at admission).
    const sa = new ServiceAccountsController(this.ctx);
    this.controllers.push(sa);
    sa.start();
    for (const ns of boot.SYSTEM_NAMESPACES) sa.sync(ns);
    for (const name of ['coredns', 'kube-proxy']) system.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'kube-system' } });
    system.create('services', boot.kubernetesService());
    system.create('storageclasses.storage.k8s.io', boot.standardStorageClass());
    this.addNode({ name: 'control-plane', controlPlane: true, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
    for (let i = 1; i <= (this.opts.nodes ?? 3); i++) this.addNode({ name: `worker-${i}` });
    const cp = this.kubelets.get('control-plane')!;
    system.create('endpoints', boot.kubernetesEndpoints(cp.hostIP!));
    system.create('endpointslices.discovery.k8s.io', boot.kubernetesEndpointSlice(cp.hostIP!));
    this.controllers.push(
      new GarbageCollector(this.ctx),
      new NamespaceController(this.ctx),
      new ReplicaSetController(this.ctx),
      new DeploymentController(this.ctx),
      new NodeLifecycleController(this.ctx),
      new TaintEvictionController(this.ctx),
      new PodGCController(this.ctx),
      new DaemonSetController(this.ctx),
      new StatefulSetController(this.ctx),
      new JobController(this.ctx),
      new TTLAfterFinishedController(this.ctx),
      new CronJobController(this.ctx),
      new EndpointsController(this.ctx),
      new EndpointSliceController(this.ctx),
      new PersistentVolumeController(this.ctx),
      new PVCProtectionController(this.ctx),
      new DisruptionController(this.ctx),
      new ResourceQuotaController(this.ctx),
      new HorizontalController(this.ctx, this.metrics),
    );
    for (const c of this.controllers) c.start();
    this.net.start(!this.opts.minimal);
    this.scheduler.start();
    this.store.watch('pods', {}, (e) => {
      const node = (e.object.spec as { nodeName?: string } | undefined)?.nodeName;
      if (node) this.kubelets.get(node)?.onPod(e);
    });
    // Kubelets refresh ConfigMap/Secret volumes after their sync delay.
    for (const kind of ['configmaps', 'secrets'] as const) {
      this.store.watch(kind, {}, (e) => {
        if (e.type === 'ADDED') return;
        for (const k of this.kubelets.values()) {
          if (!k.up) continue;
          for (const w of k.workers.values()) if (w.pod.metadata!.namespace === e.object.metadata!.namespace) w.volumes.sourceChanged(kind === 'configmaps' ? 'configmap' : 'secret', e.object.metadata!.name!);
        }
      });
    }
    if (!this.opts.minimal) {
      this.bootStaticPods(cp);
      system.create('services', boot.kubeDnsService());
      system.create('deployments.apps', boot.corednsDeployment());
      system.create('daemonsets.apps', boot.kubeProxyDaemonSet());
    }
    // Events expire after the apiserver's event TTL (1 h); sweep every 10 minutes.
    const sweep = () => {
      this.ctx.recorder.expire();
      this.clock.setTimeout(sweep, 10 * 60_000);
    };
    this.clock.setTimeout(sweep, 10 * 60_000);
    return this;
  }

  private bootStaticPods(cp: Kubelet): void {
    const node = this.store.get('nodes', undefined, cp.name)!;
    const seen = new Date(this.clock.now()).toISOString().replace('Z', '000000Z').replace(/\.(\d{3})000000Z$/, '.$1123456Z');
    const i = boot.CONTROL_PLANE_IMAGES;
    const specs: [string, string, string, string[]][] = [
      ['etcd', i.etcd, '100m', ['etcd', '--advertise-client-urls=https://' + cp.hostIP + ':2379', '--data-dir=/var/lib/etcd']],
      ['kube-apiserver', i.apiserver, '250m', ['kube-apiserver', '--advertise-address=' + cp.hostIP, '--service-cluster-ip-range=10.96.0.0/16']],
      ['kube-controller-manager', i.controllerManager, '200m', ['kube-controller-manager', '--cluster-cidr=10.244.0.0/16', '--leader-elect=true']],
      ['kube-scheduler', i.scheduler, '100m', ['kube-scheduler', '--leader-elect=true']],
    ];
    const kubeletClient = this.ctx.client(`system:node:${cp.name}`, 'kubelet');
    for (const [component, image, cpu, command] of specs) {
      const hash = Rng.derive(this.seed, `static/${component}`).string('0123456789abcdef', 32);
      kubeletClient.create('pods', boot.mirrorPod(component, image, cp.name, node.metadata!.uid!, cpu, command, hash, seen));
    }
  }

  /** Adds and registers a node (`kubeplay node add`). */
  addNode(o: { name?: string; cpu?: string; memory?: string; pods?: number; controlPlane?: boolean; taints?: NodeShape['taints']; labels?: Record<string, string> } = {}): Kubelet {
    const index = this.nodeCount++;
    const name = o.name ?? `worker-${index}`;
    const shape: NodeShape = {
      name,
      cpu: o.cpu ?? this.opts.nodeCpu ?? '4',
      memory: o.memory ?? this.opts.nodeMemory ?? '8Gi',
      pods: o.pods ?? this.opts.nodePods ?? 110,
      controlPlane: o.controlPlane,
      taints: o.taints,
      labels: o.labels,
      index,
      podCIDR: `10.244.${index}.0/24`,
    };
    const k = new Kubelet({ network: this.network, volumeData: this.volumeData, load: this.load, clock: this.clock, work: this.work, rng: Rng.derive(this.seed, `kubelet/${name}`), ctx: this.ctx, scripts: this.scripts }, shape);
    k.preload(Object.values(boot.CONTROL_PLANE_IMAGES).filter((img) => o.controlPlane || img.includes('kube-proxy') || img.includes('pause') || img.includes('coredns')));
    this.kubelets.set(name, k);
    k.register();
    return k;
  }

  /** Removes a node: its kubelet stops and the Node object is deleted (pods go with PodGC). */
  removeNode(name: string): void {
    const k = this.kubelets.get(name);
    if (!k) return;
    k.stop();
    this.kubelets.delete(name);
    this.ctx.client('system:admin', 'kubeplay').delete('nodes', undefined, name);
  }

  /** The API as any client sees it. */
  handle(req: ApiRequest): ApiResponse {
    return this.api.handle(req);
  }

  /** Stops or starts a control-plane component (chaos). */
  setComponent(name: ComponentName, running: boolean): void {
    this.components[name] = running;
    if (name === 'scheduler') {
      if (running) this.scheduler.resume();
      else this.scheduler.stop();
    } else {
      for (const c of this.controllers) running ? c.resume() : c.pause();
    }
  }

  componentRunning(name: ComponentName): boolean {
    return this.components[name];
  }

  /** Advances simulated time, letting container scripts run between timers. */
  advance(ms: number): Promise<void> {
    return advanceAsync(this.clock, this.work, ms);
  }

  /** Advances until cond() holds (checked after each instant) or limitMs passes. */
  advanceUntil(cond: () => boolean, limitMs: number): Promise<boolean> {
    return advanceUntil(this.clock, this.work, cond, limitMs);
  }

  /** Runs a command in a container (kubectl exec); throws a StatusError for missing pods/containers. */
  exec(spec: ExecSpec, io: ExecIO): Promise<ExecResult> {
    return execInContainer(this.store, this.kubelets, this.scripts, spec, io);
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(resource, namespace, name);
  }
}

/** Simulated time a fresh cluster has been up when it is handed over (system pods Running, like kind). */
export const BOOT_SETTLE_MS = 45_000;

export function createCluster(opts: ClusterOptions & { settleMs?: number } = {}): Cluster {
  const c = new Cluster(opts).boot();
  // Boot-time work is synchronous (no container scripts run yet), so plain clock steps suffice.
  c.clock.advance(opts.settleMs ?? BOOT_SETTLE_MS);
  return c;
}
