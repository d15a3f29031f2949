// One pod on one node: sandbox, image pulls, init containers in order, containers, restarts with
// CrashLoopBackOff, probes, graceful termination. Changes are written back as pod status.
// mirrors: pkg/kubelet/pod_workers.go, kuberuntime/kuberuntime_manager.go (SyncPod), kubelet_pods.go

import { hashString } from '../clock/rng';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../api/types';
import type { Kubelet } from './kubelet';
import { ContainerRun, type Terminated } from './container';
import { parseImage, lookupImage, genericImage, imageDigest, type ImageRef } from '../runtime/images';
import { nodeCapacity } from '../runtime/resources';
import { goDuration, goDurationMs } from './backoff';
import { buildPodStatus } from './pod-status';
import { containerEnv } from './env';
import { MemFS } from '../runtime/sh/memfs';
import type { FileSystem } from '../runtime/sh/fs';
import { Prober } from './prober';
import { PodVolumes } from './volumes';

export type PodObj = Writable<Pod> & KubeObject;

/** Seconds of simulated work before containers can start (sandbox, network). */
const SANDBOX_MS = 800;
/** The pod worker's resync after an error (image pull failure) before it reports back-off. */
const ERROR_RESYNC_MS = 10_000;
/** After a failed pull the next sync (which reports ImagePullBackOff) follows quickly. */
const PULL_ERROR_RESYNC_MS = 1_000;
/** PLEG relists containers every second; a container's death is acted on at the next relist. */
const PLEG_RELIST_MS = 1_000;

export type CState =
  | { kind: 'waiting'; reason: string; message?: string }
  | { kind: 'running'; run: ContainerRun }
  | { kind: 'terminated'; t: Terminated };

export interface CRecord {
  spec: Container;
  init: boolean;
  /** Restartable init container (sidecar). */
  sidecar: boolean;
  state: CState;
  last?: Terminated;
  restartCount: number;
  ref?: ImageRef;
  /** Started: startup probe passed (or none) while running. */
  started: boolean;
  ready: boolean;
  /** A pull or start is in flight. */
  busy: boolean;
  cancelPull?: () => void;
  /**
   * The kubelet's reasonCache: the CrashLoopBackOff message of the last sync that backed off. Status
   * shows it from the next sync on (a sync writes status before it decides), so a dead container first
   * shows its exit reason (Error, OOMKilled) for a sync period.
   */
  backoffReason?: string;
  /** Logs of the previous run, for `kubectl logs --previous`. */
  previous?: ContainerRun;
  current?: ContainerRun;
}

export class PodWorker {
  pod: PodObj;
  readonly uid: string;
  readonly containers = new Map<string, CRecord>();
  podIP?: string;
  sandboxReady = false;
  startTime?: number;
  terminating = false;
  private finished = false;
  private statusTimer?: number;
  private syncTimer?: number;
  readonly prober: Prober;
  private readonly volumesFs = new Map<string, MemFS>();
  readonly volumes: PodVolumes;
  private mountBackoff = 0;

  constructor(
    readonly kubelet: Kubelet,
    pod: PodObj,
  ) {
    this.pod = pod;
    this.uid = pod.metadata!.uid!;
    for (const c of pod.spec?.initContainers ?? []) this.containers.set(c.name, this.record(c, true));
    for (const c of pod.spec?.containers ?? []) this.containers.set(c.name, this.record(c, false));
    this.prober = new Prober(this);
    this.volumes = new PodVolumes(this);
  }

  private record(spec: Container, init: boolean): CRecord {
    return {
      spec,
      init,
      sidecar: init && spec.restartPolicy === 'Always',
      state: { kind: 'waiting', reason: init || !(this.pod.spec?.initContainers?.length) ? 'ContainerCreating' : 'PodInitializing' },
      restartCount: 0,
      started: false,
      ready: false,
      busy: false,
    };
  }

  get deps() {
    return this.kubelet.deps;
  }

  now(): number {
    return this.deps.clock.now();
  }

  get key(): string {
    return `${this.pod.metadata!.namespace}/${this.pod.metadata!.name}`;
  }

  /** format.Pod: name_namespace(uid). */
  get formatted(): string {
    return `${this.pod.metadata!.name}_${this.pod.metadata!.namespace}(${this.uid})`;
  }

  event(type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void {
    const fieldPath = container ? this.fieldPath(container) : undefined;
    this.deps.ctx.event({ component: 'kubelet', host: this.kubelet.name }, this.pod, type, reason, message, fieldPath);
  }

  private fieldPath(name: string): string {
    const initIdx = (this.pod.spec?.initContainers ?? []).findIndex((c) => c.name === name);
    if (initIdx >= 0) return `spec.initContainers{${name}}`;
    return `spec.containers{${name}}`;
  }

  start(): void {
    this.startTime = this.now();
    this.markStatus();
    this.deps.clock.setTimeout(() => {
      if (this.finished || this.terminating) return;
      this.podIP = this.pod.spec?.hostNetwork ? this.kubelet.hostIP : this.kubelet.allocateIP(this.uid);
      this.sandboxReady = true;
      this.registerNetwork();
      this.markStatus();
      this.sync();
    }, SANDBOX_MS);
  }

  /** A newer version of the pod object: deletion, image changes. */
  update(pod: PodObj): void {
    const old = this.pod;
    this.pod = pod;
    if (pod.metadata!.deletionTimestamp && !this.terminating) {
      this.terminate(pod.metadata!.deletionGracePeriodSeconds ?? 30);
      return;
    }
    if (this.terminating) return;
    // Only container images may change in a pod spec: restart containers whose image changed.
    for (const c of pod.spec?.containers ?? []) {
      const rec = this.containers.get(c.name);
      const before = old.spec?.containers?.find((x) => x.name === c.name);
      if (!rec || !before || before.image === c.image) {
        if (rec) rec.spec = c;
        continue;
      }
      rec.spec = c;
      rec.ref = undefined;
      if (rec.state.kind === 'running') {
        this.event('Normal', 'Killing', `Container ${c.name} definition changed, will be restarted`, c.name);
        rec.state.run.terminate((pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000);
      } else {
        this.kubelet.backoff.reset(this.backoffKey(rec));
        this.kubelet.pullBackoff.reset(this.backoffKey(rec));
        this.sync();
      }
    }
  }

  backoffKey(rec: CRecord): string {
    return `${this.uid}/${rec.spec.name}`;
  }

  /** Level-triggered: moves every container one step towards running (or done). */
  sync(): void {
    if (this.finished || this.terminating || !this.sandboxReady || !this.kubelet.up) return;
    // Volumes first: containers start only once every volume can be mounted.
    const mountError = this.volumes.setup();
    if (mountError) {
      this.event('Warning', 'FailedMount', mountError);
      this.mountBackoff = Math.min(this.mountBackoff ? this.mountBackoff * 2 : 500, 122_000);
      this.resyncAt(this.now() + this.mountBackoff);
      return;
    }
    this.mountBackoff = 0;
    // generateAPIPodStatus runs before SyncPod decides anything: a backed-off container now shows why.
    let shown = false;
    for (const rec of this.containers.values()) {
      if (!rec.backoffReason || rec.state.kind !== 'terminated') continue;
      rec.last = rec.state.t;
      rec.state = { kind: 'waiting', reason: 'CrashLoopBackOff', message: rec.backoffReason };
      shown = true;
    }
    if (shown) this.markStatus();
    const inits = [...this.containers.values()].filter((r) => r.init);
    // Init containers one at a time, in order; sidecars must be started (and running) to move on.
    for (const rec of inits) {
      if (rec.sidecar) {
        if (rec.state.kind !== 'running' || !rec.started) {
          this.advance(rec);
          return;
        }
        continue;
      }
      if (rec.state.kind === 'terminated' && rec.state.t.exitCode === 0) continue;
      if (rec.state.kind === 'terminated' && this.pod.spec?.restartPolicy === 'Never') return;
      this.advance(rec);
      return;
    }
    for (const rec of this.containers.values()) if (!rec.init) this.advance(rec);
  }

  /** Starts (pull → create → start) or restarts one container if it needs it and may. */
  private advance(rec: CRecord): void {
    if (rec.busy) return;
    if (rec.state.kind === 'running') return;
    if (rec.state.kind === 'terminated' || (rec.state.kind === 'waiting' && rec.last)) {
      if (!this.shouldRestart(rec)) return;
      const key = this.backoffKey(rec);
      const finishedAt = rec.last?.finishedAt ?? (rec.state.kind === 'terminated' ? rec.state.t.finishedAt : this.now());
      const backoff = this.kubelet.backoff;
      if (backoff.inBackoffSince(key, finishedAt, this.now())) {
        const delay = backoff.delay(key)!;
        rec.backoffReason = `back-off ${goDuration(delay)} restarting failed container=${rec.spec.name} pod=${this.formatted}`;
        this.event('Warning', 'BackOff', `Back-off restarting failed container ${rec.spec.name} in pod ${this.formatted}`, rec.spec.name);
        // A sync that fails is retried after the pod worker's back-off period (10 s, jittered by up to 50 %);
        // restarts happen only on syncs, so they trail the back-off delay.
        this.resyncAt(this.now() + this.syncErrorRetryMs(rec));
        return;
      }
      backoff.next(key, finishedAt, this.now());
      rec.backoffReason = undefined;
    }
    this.ensureImage(rec);
  }

  private shouldRestart(rec: CRecord): boolean {
    if (rec.sidecar) return true;
    const t = rec.state.kind === 'terminated' ? rec.state.t : rec.last;
    const policy = rec.init ? (this.pod.spec?.restartPolicy === 'Always' ? 'OnFailure' : this.pod.spec?.restartPolicy ?? 'Always') : this.pod.spec?.restartPolicy ?? 'Always';
    if (policy === 'Always') return true;
    if (policy === 'OnFailure') return !!t && t.exitCode !== 0;
    return false;
  }

  private resyncAt(t: number): void {
    if (this.syncTimer !== undefined) this.deps.clock.clearTimeout(this.syncTimer);
    this.syncTimer = this.deps.clock.setTimeout(() => {
      this.syncTimer = undefined;
      this.sync();
    }, Math.max(0, t - this.now()));
  }

  private ensureImage(rec: CRecord): void {
    const image = rec.spec.image ?? '';
    const ref = parseImage(image);
    if (!ref) {
      rec.state = { kind: 'waiting', reason: 'InvalidImageName', message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format` };
      this.event('Warning', 'InspectFailed', `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`, rec.spec.name);
      this.event('Warning', 'Failed', 'Error: InvalidImageName', rec.spec.name);
      this.markStatus();
      return;
    }
    const policy = rec.spec.imagePullPolicy ?? (ref.tag === 'latest' && !ref.digest ? 'Always' : 'IfNotPresent');
    const puller = this.kubelet.images;
    if (policy !== 'Always' && puller.has(ref)) {
      this.event('Normal', 'Pulled', `Container image "${image}" already present on machine`, rec.spec.name);
      rec.ref = ref;
      this.createAndStart(rec);
      return;
    }
    if (policy === 'Never') {
      rec.state = { kind: 'waiting', reason: 'ErrImageNeverPull', message: `Container image "${image}" is not present with pull policy of Never` };
      this.event('Warning', 'ErrImageNeverPull', `Container image "${image}" is not present with pull policy of Never`, rec.spec.name);
      this.event('Warning', 'Failed', 'Error: ErrImageNeverPull', rec.spec.name);
      this.markStatus();
      return;
    }
    const key = this.backoffKey(rec);
    const pb = this.kubelet.pullBackoff;
    if (rec.state.kind === 'waiting' && (rec.state.reason === 'ErrImagePull' || rec.state.reason === 'ImagePullBackOff') && pb.inBackoffSinceUpdate(key, this.now())) {
      // Still backing off: report ImagePullBackOff and retry when the window ends.
      if (rec.state.reason !== 'ImagePullBackOff') {
        rec.state = { kind: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` };
        this.markStatus();
      }
      this.event('Normal', 'BackOff', `Back-off pulling image "${image}"`, rec.spec.name);
      this.event('Warning', 'Failed', 'Error: ImagePullBackOff', rec.spec.name);
      this.resyncAt(pb.readyAt(key)!);
      return;
    }
    rec.busy = true;
    this.event('Normal', 'Pulling', `Pulling image "${image}"`, rec.spec.name);
    rec.cancelPull = puller.pull(ref, (r) => {
      rec.busy = false;
      rec.cancelPull = undefined;
      if (this.finished || this.terminating) return;
      if (!r.ok) {
        pb.next(key, this.now(), this.now());
        rec.state = { kind: 'waiting', reason: 'ErrImagePull', message: r.message };
        this.event('Warning', 'Failed', `Failed to pull image "${image}": ${r.message}`, rec.spec.name);
        this.event('Warning', 'Failed', 'Error: ErrImagePull', rec.spec.name);
        this.markStatus();
        this.resyncAt(this.now() + PULL_ERROR_RESYNC_MS);
        return;
      }
      pb.reset(key);
      this.event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDurationMs(r.pullMs)} (${goDurationMs(r.totalMs)} including waiting). Image size: ${r.size} bytes.`, rec.spec.name);
      rec.ref = ref;
      this.createAndStart(rec);
    });
  }

  private createAndStart(rec: CRecord): void {
    const ref = rec.ref!;
    const entry = lookupImage(ref) ?? genericImage(ref);
    const env = containerEnv(this, rec.spec);
    if ('error' in env) {
      rec.state = { kind: 'waiting', reason: 'CreateContainerConfigError', message: env.error };
      this.event('Warning', 'Failed', `Error: ${env.error}`, rec.spec.name);
      this.markStatus();
      this.resyncAt(this.now() + ERROR_RESYNC_MS);
      return;
    }
    const id = this.kubelet.containerID();
    // The container's hostname is spec.hostname when set (StatefulSet and Indexed Job pods), else the pod name.
    const hostname = this.pod.spec?.hostname ?? this.pod.metadata!.name!;
    const makeFs = () => {
      const fs = MemFS.standard(() => this.now(), hostname);
      this.volumes.mountInto(fs, rec.spec);
      return fs;
    };
    const run = new ContainerRun(this.deps, rec.spec, entry, ref, id, makeFs, env.env, hostname, this.podIP ?? '', this.pod.metadata!.namespace!, (code, reason) =>
      this.onExit(rec, run, code, reason),
    );
    run.node = nodeCapacity(this.kubelet.shape.cpu, this.kubelet.shape.memory);
    if (rec.state.kind === 'terminated') rec.last = rec.state.t;
    if (rec.current) {
      rec.previous = rec.current;
      rec.restartCount++;
    }
    rec.current = run;
    this.event('Normal', 'Created', `Created container ${rec.spec.name}`, rec.spec.name);
    if (run.plan.kind === 'notfound') {
      const msg = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${run.plan.binary}": executable file not found in $PATH: unknown`;
      this.event('Warning', 'Failed', `Error: ${msg}`, rec.spec.name);
      const now = this.now();
      rec.state = { kind: 'terminated', t: { exitCode: 128, reason: 'StartError', message: msg, startedAt: 0, finishedAt: now, containerID: id } };
      this.markStatus();
      this.afterExit(rec);
      return;
    }
    rec.state = { kind: 'running', run };
    rec.started = !rec.spec.startupProbe;
    rec.ready = false;
    this.event('Normal', 'Started', `Started container ${rec.spec.name}`, rec.spec.name);
    run.start();
    if (rec.state.kind === 'running') {
      this.prober.containerStarted(rec);
      this.updateReadiness(rec);
      this.markStatus();
    }
    if (rec.init && !rec.sidecar) return;
    // The next init step (sidecar started) or nothing.
    if (rec.sidecar) this.sync();
  }

  /** Readiness without a readiness probe: ready once started. */
  updateReadiness(rec: CRecord): void {
    if (rec.state.kind !== 'running') {
      rec.ready = false;
      return;
    }
    if (!rec.spec.readinessProbe) rec.ready = rec.started;
  }

  private onExit(rec: CRecord, run: ContainerRun, code: number, reason: string): void {
    if (rec.current !== run) return;
    const now = this.now();
    // The kubelet never fills ContainerStateTerminated.signal (a SIGKILL shows as exit code 137 only).
    rec.state = { kind: 'terminated', t: { exitCode: code, reason, startedAt: run.startedAt, finishedAt: now, containerID: run.containerID } };
    rec.ready = false;
    rec.started = false;
    this.prober.containerStopped(rec);
    this.markStatus();
    if (this.terminating) {
      this.checkTerminated();
      return;
    }
    this.afterExit(rec);
  }

  private afterExit(rec: CRecord): void {
    // Init container done: continue with the next one; failed: restart per policy. PLEG notices the death
    // on its next relist (every second), which triggers the sync.
    this.deps.clock.setTimeout(() => this.sync(), this.jitterMs(rec, 'pleg', PLEG_RELIST_MS));
  }

  /** wait.Jitter(10 s, 0.5), drawn from a hash of the pod and the restart so that runs repeat exactly. */
  private syncErrorRetryMs(rec: CRecord): number {
    return ERROR_RESYNC_MS + this.jitterMs(rec, 'retry', ERROR_RESYNC_MS / 2);
  }

  private jitterMs(rec: CRecord, what: string, range: number): number {
    return hashString(`${this.uid}/${rec.spec.name}/${rec.restartCount}/${what}/${this.now()}`) % range;
  }

  private registerNetwork(): void {
    const w = this;
    this.deps.network.register({
      podUid: this.uid,
      namespace: this.pod.metadata!.namespace!,
      name: this.pod.metadata!.name!,
      nodeName: this.kubelet.name,
      ip: this.podIP!,
      hostNetwork: !!this.pod.spec?.hostNetwork,
      reachable: () => w.kubelet.up && w.kubelet.connected && !w.finished,
      containers: () => {
        const m = new Map<string, ContainerRun>();
        for (const rec of w.containers.values()) if (rec.state.kind === 'running') m.set(rec.spec.name, rec.state.run);
        return m;
      },
      labels: () => ({ ...(w.pod.metadata!.labels ?? {}) }),
    });
  }

  /** Graceful deletion: SIGTERM everything, SIGKILL after the grace period, then remove the pod. */
  terminate(graceSeconds: number): void {
    if (this.terminating) return;
    this.terminating = true;
    if (this.syncTimer !== undefined) this.deps.clock.clearTimeout(this.syncTimer);
    this.prober.stopAll();
    const graceMs = graceSeconds * 1000;
    for (const rec of this.containers.values()) {
      rec.cancelPull?.();
      rec.busy = false;
      if (rec.state.kind === 'running') {
        this.event('Normal', 'Killing', `Stopping container ${rec.spec.name}`, rec.spec.name);
        rec.state.run.terminate(graceMs);
      }
    }
    this.checkTerminated();
  }

  private checkTerminated(): void {
    for (const rec of this.containers.values()) if (rec.state.kind === 'running') return;
    if (this.finished) return;
    this.finished = true;
    this.deps.network.unregister(this.uid);
    this.deps.load.forgetPod(this.uid);
    this.volumes.stop();
    this.kubelet.podTerminated(this);
  }

  /** Power loss: everything stops, nothing is reported. */
  vanish(): void {
    this.finished = true;
    this.deps.network.unregister(this.uid);
    this.deps.load.forgetPod(this.uid);
    this.prober.stopAll();
    for (const rec of this.containers.values()) {
      rec.cancelPull?.();
      if (rec.state.kind === 'running') rec.state.run.vanish();
    }
    if (this.statusTimer !== undefined) this.deps.clock.clearTimeout(this.statusTimer);
    if (this.syncTimer !== undefined) this.deps.clock.clearTimeout(this.syncTimer);
  }

  /** Crash a container on purpose (`kubeplay pod crash`). */
  crash(name?: string): boolean {
    for (const rec of this.containers.values()) {
      if (name && rec.spec.name !== name) continue;
      if (rec.state.kind === 'running') {
        rec.state.run.kill();
        return true;
      }
    }
    return false;
  }

  /** Coalesces status writes within one instant into one update. */
  markStatus(): void {
    if (this.statusTimer !== undefined) return;
    this.statusTimer = this.deps.clock.setTimeout(() => {
      this.statusTimer = undefined;
      this.writeStatus();
    }, 0);
  }

  writeStatus(): void {
    if (!this.kubelet.connected) return;
    const cur = this.kubelet.deps.ctx.store.get('pods', this.pod.metadata!.namespace, this.pod.metadata!.name!) as PodObj | undefined;
    if (!cur || cur.metadata!.uid !== this.uid) return;
    this.pod = cur;
    const status = buildPodStatus(this, cur, this.now());
    this.kubelet.writePodStatus(cur, status);
  }

  containerIDFor(rec: CRecord): string | undefined {
    if (rec.state.kind === 'running') return rec.state.run.containerID;
    if (rec.state.kind === 'terminated') return rec.state.t.containerID;
    return rec.last?.containerID;
  }

  imageID(ref: ImageRef): string {
    return `${ref.repository}@${imageDigest(ref)}`;
  }

  /** After a node reboot the old containers are gone: counts as a restart, last state Unknown (255). */
  markRestartAfterReboot(pod: PodObj): void {
    const now = this.now();
    for (const cs of [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]) {
      const rec = this.containers.get(cs.name);
      if (!rec) continue;
      const wasRunning = cs.state?.running;
      if (!wasRunning && !cs.state?.terminated) continue;
      rec.restartCount = (cs.restartCount ?? 0) + (wasRunning ? 1 : 0);
      if (wasRunning) {
        rec.last = {
          exitCode: 255,
          reason: 'Unknown',
          startedAt: Date.parse(wasRunning.startedAt ?? '') || now,
          finishedAt: now,
          containerID: (cs.containerID ?? '').replace('containerd://', ''),
        };
      }
      rec.current = undefined;
    }
  }

  /** A volume's shared file system (emptyDir and friends live for the pod's lifetime). */
  volumeFs(name: string): MemFS {
    let fs = this.volumesFs.get(name);
    if (!fs) this.volumesFs.set(name, (fs = new MemFS(() => this.now())));
    return fs;
  }
}
