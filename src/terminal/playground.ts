// What `kubeplay …` terminal commands (and the page's chaos buttons) can do to the simulated cluster.
// Implemented in process by the engine's Cluster; absent when the terminal talks HTTP to a server.

export interface NodeAddOptions {
  name?: string;
  cpu?: string;
  memory?: string;
  pods?: number;
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
}
