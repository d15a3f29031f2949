// The one typed protocol between the page (main thread) and the engine worker: discriminated unions,
// request ids, JSON-safe values only. The page never sees engine objects, only these views.

/** Resources the page follows as live feeds (the map, side lists, events timeline, namespace filter). */
export type FeedResource = 'pods' | 'nodes' | 'deployments' | 'services' | 'events' | 'namespaces';

/** Colour class of a pod chip; computed from the STATUS column in the page (src/ui/status.ts). */
export interface PodView {
  /** uid */
  key: string;
  namespace: string;
  name: string;
  /** spec.nodeName; '' while unscheduled. */
  node: string;
  /** The STATUS column of `kubectl get pods` (Running, ContainerCreating, CrashLoopBackOff, …). */
  status: string;
  /** READY column, e.g. "1/1". */
  ready: string;
  restarts: number;
  ip: string;
  /** Controller that owns the pod, resolved to the Deployment for ReplicaSet-owned pods. */
  ownerKind: string;
  ownerName: string;
  /** metadata.creationTimestamp in ms. */
  created: number;
  /** metadata.deletionTimestamp is set. */
  deleting: boolean;
}

export interface NodeView {
  /** name */
  key: string;
  name: string;
  /** STATUS column: Ready, NotReady, Unknown, optionally ",SchedulingDisabled". */
  status: string;
  ready: boolean;
  unschedulable: boolean;
  roles: string[];
  /** Simulated machine: powered on, reachable (not partitioned); absent for nodes without a kubelet. */
  power: 'on' | 'off' | 'none';
  partitioned: boolean;
  cpuAllocatable: number; // millicores
  memAllocatable: number; // bytes
  podsAllocatable: number;
  cpuRequests: number; // millicores of non-terminated pods bound here
  memRequests: number; // bytes
  pods: number;
  created: number;
  taints: string[];
}

export interface DeploymentView {
  key: string;
  namespace: string;
  name: string;
  replicas: number;
  ready: number;
  updated: number;
  available: number;
  images: string[];
}

export interface ServiceView {
  key: string;
  namespace: string;
  name: string;
  type: string;
  clusterIP: string;
  /** PORT(S) column, e.g. "80:31234/TCP". */
  ports: string;
  selector: string;
}

export interface EventView {
  key: string;
  namespace: string;
  /** lastTimestamp (or eventTime / firstTimestamp) in ms. */
  time: number;
  type: string;
  reason: string;
  /** "pod/web-5d…", "node/worker-2". */
  object: string;
  objectKind: string;
  objectName: string;
  message: string;
  count: number;
  source: string;
}

export interface NamespaceView {
  key: string;
  name: string;
  phase: string;
}

export interface FeedViews {
  pods: PodView;
  nodes: NodeView;
  deployments: DeploymentView;
  services: ServiceView;
  events: EventView;
  namespaces: NamespaceView;
}

/** Changes to one feed since the last batch; `reset` replaces everything the page holds. */
export type FeedBatch = {
  [R in FeedResource]: { resource: R; reset: boolean; upsert: FeedViews[R][]; remove: string[] };
}[FeedResource];

export interface ClockState {
  /** Simulated time, ms since epoch. */
  now: number;
  /** When the cluster was created (simulated), for the uptime display. */
  startedAt: number;
  /** Wall-clock multiplier while running. */
  speed: number;
  paused: boolean;
}

export interface BootOptions {
  /** Worker nodes of a fresh cluster. */
  nodes: number;
  /** 0 starts paused; absent: 1x, or the speed (and pause) of a restored cluster. */
  speed?: number;
  /** Restore from and save to IndexedDB. */
  persist: boolean;
  /** A fresh cluster even if a snapshot exists (the snapshot is replaced on the next save). */
  fresh?: boolean;
  seed?: number;
  /** Benchmark mode: a big cluster loaded with Deployments of 100 replicas. */
  bench?: { nodes: number; pods: number };
}

export interface BootInfo {
  restored: boolean;
  /** Shown to the user (e.g. a snapshot could not be restored). */
  notice?: string;
  history: string[];
  clock: ClockState;
  /** kubectl verbs the terminal implements that the page relies on (edit, logs, cordon, …). */
  verbs: string[];
}

export interface Completion {
  /** Offset in the line where the replaced word starts. */
  from: number;
  /** Full replacements for line.slice(from); a trailing space means "word complete". */
  candidates: string[];
}

export interface ObjectRef {
  /** A type as kubectl accepts it: pods, deployments.apps, nodes, … */
  resource: string;
  namespace?: string;
  name: string;
}

export type ClockAction = { action: 'pause' } | { action: 'resume' } | { action: 'speed'; speed: number } | { action: 'step'; ms: number };

export type TtyMode = 'off' | 'cooked' | 'raw';

/** Requests that get a reply (same id). */
export type Request =
  | { type: 'boot'; id: number; options: BootOptions }
  /** A command line as typed. `files` are written first; `editText` answers the next `kubectl edit`. */
  | { type: 'run'; id: number; line: string; files?: Record<string, string>; editText?: string }
  | { type: 'capture'; id: number; line: string }
  | { type: 'complete'; id: number; line: string }
  | { type: 'clock'; id: number; change: ClockAction }
  | { type: 'yaml'; id: number; ref: ObjectRef }
  | { type: 'logs'; id: number; namespace: string; pod: string; tail: number }
  | { type: 'history'; id: number }
  | { type: 'reset'; id: number; nodes: number };

/** Fire-and-forget messages to the worker. */
export type Command =
  | { type: 'subscribe'; resources: FeedResource[] }
  | { type: 'interrupt'; run: number }
  /** The next `run` request is typed at the page's prompt: its stdin is the page's keyboard. */
  | { type: 'keyboard' }
  /** Keys for the running command's terminal (sent while its mode is cooked or raw). */
  | { type: 'input'; run: number; data: string }
  /** The terminal's size in cells (kubectl exec -t passes it to the container). */
  | { type: 'resize'; cols: number; rows: number }
  | { type: 'editReply'; edit: number; text: string | null }
  | { type: 'save' };

export type ToWorker = Request | Command;

export interface ReplyValues {
  boot: BootInfo;
  /** `recorded`: the line as the history recorded it (after `!!` expansion), or null. */
  run: { code: number; recorded: string | null };
  capture: { code: number; text: string };
  complete: Completion;
  clock: ClockState;
  yaml: { text: string; ok: boolean };
  logs: { text: string; ok: boolean };
  history: string[];
  reset: BootInfo;
}

export type Reply = { [T in Request['type']]: { type: 'reply'; id: number; op: T; ok: true; value: ReplyValues[T] } }[Request['type']] | { type: 'reply'; id: number; op: Request['type']; ok: false; error: string };

/** Unsolicited messages from the worker. */
export type WorkerEvent =
  | { type: 'output'; run: number; text: string }
  | { type: 'clear'; run: number }
  /**
   * What the command's terminal does with keys: `off` (nothing reads them: the page keeps typeahead and
   * handles Ctrl-C), `cooked` (a program reads lines: send keys, the worker echoes), `raw` (kubectl exec -t
   * and friends: send every key, Ctrl-C included; output may move the cursor). Output sent before the event
   * belongs to the earlier mode.
   */
  | { type: 'tty'; run: number; mode: TtyMode }
  | { type: 'feeds'; batches: FeedBatch[] }
  | { type: 'clock'; state: ClockState }
  /** `kubectl edit` wants the page's editor: answer with editReply. */
  | { type: 'edit'; edit: number; path: string; text: string }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; text: string }
  | { type: 'bench'; phase: string; simMs: number; wallMs: number; running: number; pods: number }
  | { type: 'fatal'; error: string };

export type FromWorker = Reply | WorkerEvent;
