// How the terminal reaches an API server: the same request/response shape as the engine's handler,
// in process (the page's worker, `kubeplay run`) or over HTTP (`kubeplay kubectl`).

import type { ApiRequest, ApiResponse, WatchEvent } from '../engine/api/types';

export interface ApiClient {
  request(req: ApiRequest): Promise<ApiResponse>;
}

/** Wraps a synchronous handler (the engine's ApiServer.handle). */
export class InProcessClient implements ApiClient {
  constructor(private readonly handle: (req: ApiRequest) => ApiResponse) {}

  async request(req: ApiRequest): Promise<ApiResponse> {
    return this.handle(req);
  }
}

/** Async iteration over a watch stream; stops when the consumer breaks out or the signal fires. */
export async function* watchEvents(res: ApiResponse, onAbort?: (fn: () => void) => void): AsyncGenerator<WatchEvent> {
  const stream = res.watch;
  if (!stream) return;
  const queue: WatchEvent[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  stream.subscribe(
    (e) => {
      queue.push(e);
      wake?.();
    },
    () => {
      ended = true;
      wake?.();
    },
  );
  onAbort?.(() => {
    ended = true;
    stream.close();
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length) yield queue.shift()!;
      if (ended) return;
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
    }
  } finally {
    stream.close();
  }
}

/** Collects a text stream (followed logs) chunk by chunk. */
export async function* textChunks(res: ApiResponse, onAbort?: (fn: () => void) => void): AsyncGenerator<string> {
  const stream = res.text;
  if (!stream) {
    if (typeof res.body === 'string' && res.body) yield res.body;
    return;
  }
  const queue: string[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  stream.subscribe(
    (t) => {
      queue.push(t);
      wake?.();
    },
    () => {
      ended = true;
      wake?.();
    },
  );
  onAbort?.(() => {
    ended = true;
    stream.close();
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length) yield queue.shift()!;
      if (ended) return;
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
    }
  } finally {
    stream.close();
  }
}
