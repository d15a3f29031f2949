// The Web Worker that hosts the engine and the terminal's command execution, so the page never blocks.
// It only speaks the protocol in ./protocol.ts; WorkerHost does the work.

import { WorkerHost } from './host';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null; addEventListener(t: string, fn: (e: Event) => void): void };
const host = new WorkerHost((m) => scope.postMessage(m));

scope.onmessage = (e) => void host.handle(e.data);
scope.addEventListener('unhandledrejection', (e) => {
  const reason = (e as PromiseRejectionEvent).reason;
  scope.postMessage({ type: 'notice', level: 'error', text: `Internal error in the engine: ${reason instanceof Error ? reason.message : String(reason)}` });
});
