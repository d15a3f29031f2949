// The Web Worker that hosts the engine and the terminal's command execution, so the page never blocks.
// Minimal protocol for now: run a command line, get its output back.

import { createCluster } from '../engine/cluster';
import { inProcessSession } from '../host/in-process';
import { WallClockDriver } from '../host/driver';

const cluster = createCluster({ seed: 1, startTime: Date.now() });
const session = inProcessSession(cluster);
const driver = new WallClockDriver(cluster, { speed: 1 });
driver.start();

self.onmessage = async (e: MessageEvent<{ id: number; line: string }>) => {
  let text = '';
  const sink = { write: (t: string) => void (text += t) };
  const code = await session.run(e.data.line, { stdout: sink, stderr: sink });
  (self as unknown as Worker).postMessage({ id: e.data.id, text, code });
};
(self as unknown as Worker).postMessage({ ready: true });
