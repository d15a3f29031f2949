// The transport-agnostic shape of a kube-apiserver request and response, shared by every client.

import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** kubernetes-types marks server-set fields readonly; the server writes them, so it needs them writable. */
export type Writable<T> = T extends readonly (infer U)[] ? Writable<U>[] : T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;

/** Any Kubernetes object as JSON. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: Writable<ObjectMeta>;
  [field: string]: unknown;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface UserInfo {
  username: string;
  groups: string[];
}

export interface ApiRequest {
  method: HttpMethod;
  /** Path without query, e.g. /api/v1/namespaces/default/pods/web. */
  path: string;
  /** Query parameters; repeated keys as arrays. */
  query?: Record<string, string | string[] | undefined>;
  /** Header names lower-case. */
  headers?: Record<string, string | undefined>;
  /** A parsed JSON value, or the raw text / bytes (decoded by Content-Type). */
  body?: unknown;
  /** Who makes the request (impersonation, RBAC); defaults to cluster-admin. */
  user?: UserInfo;
}

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: unknown;
}

/** A server stream: watch events, or chunks of text (pods/log with follow). */
export interface ApiStream<T> {
  /** Registers the consumer; buffered items are delivered first. */
  subscribe(onItem: (item: T) => void, onEnd: () => void): void;
  /** Stops the stream from the client side (disconnect). */
  close(): void;
}

export interface ApiResponse {
  status: number;
  /** Header names lower-case. */
  headers: Record<string, string>;
  /** JSON value (serialised by the transport) or text for text/plain answers. */
  body?: unknown;
  watch?: ApiStream<WatchEvent>;
  text?: ApiStream<string>;
}
