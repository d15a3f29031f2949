// The terminal's ApiClient over HTTP (`kubeplay kubectl` against `kubeplay serve` or any API server that
// speaks plain HTTP): JSON bodies, chunked watch streams, followed logs.

import type { ApiClient } from '../terminal/api-client';
import type { ApiRequest, ApiResponse, WatchEvent } from '../engine/api/types';
import { PushStream } from '../engine/api/stream';

export class HttpApiClient implements ApiClient {
  constructor(private readonly server: string) {}

  async request(req: ApiRequest): Promise<ApiResponse> {
    const url = new URL(req.path, this.server);
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v === undefined) continue;
      for (const x of Array.isArray(v) ? v : [v]) url.searchParams.append(k, x);
    }
    const headers: Record<string, string> = { 'user-agent': 'kubectl/v1.32.5 (linux/amd64) kubeplay' };
    for (const [k, v] of Object.entries(req.headers ?? {})) if (v !== undefined) headers[k] = v;
    let body: string | undefined;
    if (req.body !== undefined) {
      body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
      headers['content-type'] ??= 'application/json';
    }
    const controller = new AbortController();
    let res: Response;
    try {
      res = await fetch(url, { method: req.method, headers, body, signal: controller.signal });
    } catch (e) {
      const host = url.host;
      throw new ConnectionError(`The connection to the server ${host} was refused - did you specify the right host or port?`, e);
    }
    const outHeaders: Record<string, string> = {};
    res.headers.forEach((v, k) => (outHeaders[k] = v));
    const ct = outHeaders['content-type'] ?? '';
    const watching = req.query?.watch === 'true' || req.query?.watch === '1';
    const following = req.query?.follow === 'true';
    if (res.ok && watching && res.body) {
      const stream = new PushStream<WatchEvent>();
      stream.onClose(() => controller.abort());
      void pump(res.body, (line) => {
        if (line.trim()) stream.push(JSON.parse(line) as WatchEvent);
      }).finally(() => stream.end());
      return { status: res.status, headers: outHeaders, watch: stream };
    }
    if (res.ok && following && res.body) {
      const stream = new PushStream<string>();
      stream.onClose(() => controller.abort());
      void pumpText(res.body, (t) => stream.push(t)).finally(() => stream.end());
      return { status: res.status, headers: outHeaders, text: stream };
    }
    const text = await res.text();
    let parsed: unknown = text;
    if (ct.includes('json') && text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: res.status, headers: outHeaders, body: parsed };
  }
}

export class ConnectionError extends Error {
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

async function pump(body: ReadableStream<Uint8Array>, onLine: (l: string) => void): Promise<void> {
  let buf = '';
  await pumpText(body, (t) => {
    buf += t;
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  if (buf.trim()) onLine(buf);
}

async function pumpText(body: ReadableStream<Uint8Array>, onText: (t: string) => void): Promise<void> {
  const reader = body.getReader();
  const dec = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onText(dec.decode(value, { stream: true }));
    }
  } catch {
    // Aborted by the client (Ctrl-C) or the server closed the stream.
  }
}
