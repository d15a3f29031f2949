// How the terminal reaches an API server: the same request/response shape as the engine's handler,
// in process (the page's worker, `kubeplay run`) or over HTTP (`kubeplay kubectl`).

import type { ApiRequest, ApiResponse, ApiStream, WatchEvent } from '../engine/api/types';

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
  if (res.watch) yield* iterate(res.watch, onAbort);
}

/** Collects a text stream (followed logs) chunk by chunk. */
export async function* textChunks(res: ApiResponse, onAbort?: (fn: () => void) => void): AsyncGenerator<string> {
  if (res.text) yield* iterate(res.text, onAbort);
  else if (typeof res.body === 'string' && res.body) yield res.body;
}

/** A pushed stream as an async iterator: items queue until the consumer pulls them. */
async function* iterate<T>(stream: ApiStream<T>, onAbort?: (fn: () => void) => void): AsyncGenerator<T> {
  const queue: T[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  stream.subscribe(
    (item) => {
      queue.push(item);
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
