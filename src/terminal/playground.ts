// What `kubeplay …` terminal commands (and the page's chaos buttons) can do to the simulated cluster.
// Implemented in process by the engine's Cluster; absent when the terminal talks HTTP to a server.

import type { CommandImpl } from '../engine/runtime/sh/types';

export interface NodeAddOptions {
  name?: string;
  cpu?: string;
  memory?: string;
  pods?: number;
}

/** A background load on a Service (`kubeplay load`). */
export interface LoadInfo {
  namespace: string;
  service: string;
  rps: number;
  path: string;
  durationMs?: number;
  startedAt: number;
  sent: number;
  ok: number;
  errors: number;
  failed: number;
  running: boolean;
}

export interface LoadControl {
  start(o: { namespace: string; service: string; rps: number; durationMs?: number; path?: string; port?: number }): LoadInfo | { error: string };
  stop(namespace: string, service: string): LoadInfo | undefined;
  list(): LoadInfo[];
}

/** The Cluster Autoscaler's settings (`kubeplay autoscaler enable`). */
export interface AutoscalerSettings {
  min: number;
  max: number;
  nodeCpu: string;
  nodeMemory: string;
  nodePods: number;
}

/** What `kubeplay autoscaler status` shows. */
export interface AutoscalerInfo {
  settings: AutoscalerSettings;
  /** Registered nodes of the group, Ready ones, and the size asked of the cloud. */
  registered: number;
  ready: number;
  target: number;
  scaleUp: string;
  scaleDown: string;
  candidates: number;
}

export interface AutoscalerControl {
  enable(o: AutoscalerSettings): void;
  /** False when it was not enabled. */
  disable(): boolean;
  /** Undefined when disabled; `Initializing` fields before the first loop. */
  status(): AutoscalerInfo | undefined;
}

export interface PlaygroundHost {
  nodeNames(): string[];
  killNode(name: string): void;
  startNode(name: string): void;
  partitionNode(name: string): void;
  healNode(name: string): void;
  addNode(o: NodeAddOptions): string;
  removeNode(name: string): void;
  /** Crashes a pod's container (the first running one, or the named one); false if none was running. */
  crashPod(namespace: string, name: string, container?: string): 'crashed' | 'not-found' | 'not-running';
  setComponent(name: 'scheduler' | 'controller-manager', running: boolean): void;
  componentRunning(name: 'scheduler' | 'controller-manager'): boolean;
  /** Page-only: clock speed and pause (undefined headless). */
  setSpeed?(speed: number): void;
  pause?(): void;
  resume?(): void;
  reset?(): void;
  now(): number;
  /** `kubeplay curl`: curl on the machine running the cluster (node ports, load balancers, the ingress on localhost). */
  curl?: CommandImpl;
  /** `kubeplay load`: HTTP load on Services for demos. */
  load?: LoadControl;
  /** `kubeplay lb enable|disable`: the simulated load-balancer provider (disabled: EXTERNAL-IP stays <pending>). */
  setLoadBalancer?(enabled: boolean): void;
  loadBalancerEnabled?(): boolean;
  /** `kubeplay autoscaler enable|disable|status`: the Cluster Autoscaler model. */
  autoscaler?: AutoscalerControl;
}
