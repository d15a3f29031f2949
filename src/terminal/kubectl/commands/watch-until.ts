// Waiting on one object the way client-go's watchtools.UntilWithSync does: list it by name, feed the
// current state and every watch event to a condition, stop on success, error, timeout or Ctrl-C.
// mirrors: client-go/tools/watch/until.go (UntilWithSync), kubectl's ContextWithOptionalTimeout

import type { KubeObject } from '../../../engine/api/types';
import type { Kubectl } from '../context';
import { ServerError, isStatus } from '../errors';
import { watchEvents } from '../../api-client';
import { asStatus } from './apply';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** Returns true when done; throws to stop with an error. */
export type Condition = (type: WatchEventType, obj: KubeObject) => boolean | Promise<boolean>;

export type UntilOutcome = { kind: 'done'; object: KubeObject } | { kind: 'timeout' } | { kind: 'interrupted' };

/**
 * Watches `name` in the collection at `listPath` until the condition holds. A timeout of 0 waits
 * without limit (until Ctrl-C). `onMissing` decides the outcome when the object does not exist.
 */
export async function untilWithSync(k: Kubectl, listPath: string, name: string, timeoutMs: number, condition: Condition, onMissing?: () => UntilOutcome): Promise<UntilOutcome> {
  const fieldSelector = `metadata.name=${name}`;
  const list = await k.request({ method: 'GET', path: listPath, query: { fieldSelector } });
  if (list.status >= 300) throw new ServerError(asStatus(list.body, list.status));
  const body = list.body as { items: KubeObject[]; metadata?: { resourceVersion?: string } };
  for (const o of body.items) if (await condition('ADDED', o)) return { kind: 'done', object: o };
  // The precondition of UntilWithSync: what to do when the object is not there at all.
  if (body.items.length === 0 && onMissing) return onMissing();
  return watchUntil(k, listPath, { fieldSelector, resourceVersion: body.metadata?.resourceVersion ?? '' }, timeoutMs, condition);
}

/** The watch half: events from resourceVersion on, until the condition, timeout or Ctrl-C. */
export async function watchUntil(k: Kubectl, listPath: string, query: Record<string, string>, timeoutMs: number, condition: Condition): Promise<UntilOutcome> {
  if (k.env.signal.aborted) return { kind: 'interrupted' };
  const res = await k.request({ method: 'GET', path: listPath, query: { ...query, allowWatchBookmarks: 'true', watch: 'true' } });
  if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
  let stop: (() => void) | undefined;
  let timedOut = false;
  if (timeoutMs > 0) {
    void k.env.sleep(timeoutMs).then(() => {
      if (k.env.signal.aborted) return;
      timedOut = true;
      stop?.();
    });
  }
  for await (const e of watchEvents(res, (fn) => {
    stop = fn;
    k.env.signal.onAbort(fn);
  })) {
    if (timedOut) break;
    if (e.type === 'BOOKMARK') continue;
    if (e.type === 'ERROR') {
      if (isStatus(e.object)) throw new ServerError(e.object);
      continue;
    }
    if (await condition(e.type, e.object as KubeObject)) return { kind: 'done', object: e.object as KubeObject };
  }
  if (timedOut) return { kind: 'timeout' };
  return { kind: 'interrupted' };
}
