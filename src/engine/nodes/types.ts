// What a kubelet needs from the cluster around it.

import type { SimClock } from '../clock/clock';
import type { AsyncWork } from '../clock/async-work';
import type { Rng } from '../clock/rng';
import type { ControllerContext } from '../controllers/context';
import type { FileSystem } from '../runtime/sh/fs';
import type { MemFS } from '../runtime/sh/memfs';
import type { PodNetwork } from '../runtime/network';
import type { LoadModel } from '../runtime/load';
import type { InputStream } from '../runtime/sh/streams';
import type { Pty } from '../runtime/sh/pty';
import type { ShellProfile } from '../runtime/sh/prompt';

export interface ScriptRunOptions {
  env: Record<string, string>;
  fs: FileSystem;
  hostname: string;
  /** The container's pod, for commands that reach the network (wget, nslookup). */
  podIP?: string;
  namespace?: string;
  /** The container's image as the runtime resolved it (docker.io/library/busybox:1.36): which tools exist. */
  image?: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdin text (exec with -i), or a live stream (an attached terminal or pipe); empty for containers. */
  stdin?: string | InputStream;
  /** The process runs on this terminal (exec -t, tty: true): its stdin, stdout and stderr, and ^C. */
  pty?: Pty;
  /** Runs this shell interactively, reading commands from stdin (or the pty) as they come, instead of `script`. */
  repl?: ShellProfile;
  /** Called each time the process blocks waiting for input (a main process's async-work accounting). */
  onInputWait?: () => void;
  /** Aborting kills the script (exit 137 for SIGKILL, 143 for SIGTERM when not ignored). */
  abort: AbortHandle;
}

export interface AbortHandle {
  aborted: boolean;
  onAbort(fn: () => void): void;
}

export class Abort implements AbortHandle {
  aborted = false;
  private fns: (() => void)[] = [];
  onAbort(fn: () => void): void {
    if (this.aborted) fn();
    else this.fns.push(fn);
  }
  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    for (const f of this.fns.splice(0)) f();
  }
}

export interface ScriptRunner {
  /** Runs a shell script inside a container; resolves with its exit status. */
  run(script: string, opts: ScriptRunOptions): Promise<number>;
}

export interface KubeletDeps {
  network: PodNetwork;
  /** PersistentVolume contents by PV name (outlive pods and nodes). */
  volumeData: Map<string, MemFS>;
  load: LoadModel;
  clock: SimClock;
  work: AsyncWork;
  rng: Rng;
  ctx: ControllerContext;
  scripts: ScriptRunner;
}
