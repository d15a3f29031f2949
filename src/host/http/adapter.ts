// node:http ⇄ the engine's ApiRequest/ApiResponse: query and headers, bounded body reading (413), JSON and
// text answers, watch and followed-log streams as chunked responses. Nothing a client sends can crash it.

import { encodeJsonBody } from '../../engine/api/encode';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiRequest, ApiResponse, ApiStream, HttpMethod } from '../../engine/api/types';
import * as errors from '../../engine/api/errors';

/** Like kube-apiserver's --max-request-body-bytes default (3 MiB); the engine enforces the same. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;
/** A watcher whose socket has this much unsent data is too slow: its stream is closed (like the apiserver's). */
const MAX_PENDING_STREAM_BYTES = 16 * 1024 * 1024;
/** Bytes of an oversized body read and thrown away before the connection is cut. */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

const METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export interface AdapterOptions {
  handle(req: ApiRequest): ApiResponse;
  maxBodyBytes?: number;
  /** One line per finished request (serve -v). */
  log?: (line: string) => void;
  /** Streams currently open, so shutdown can end them. */
  openStreams?: Set<ApiStream<unknown>>;
}

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** The node:http request listener serving the engine's API. */
export function createAdapter(opts: AdapterOptions): RequestListener {
  const limit = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  return (req, res) => {
    const started = Date.now();
    res.on('finish', () => opts.log?.(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
    res.on('error', () => undefined);
    req.on('error', () => undefined);
    serveRequest(req, res, opts, limit).catch((e: unknown) => {
      sendError(res, errors.internalError(e instanceof Error ? e.message : String(e)));
    });
  };
}

async function serveRequest(req: IncomingMessage, res: ServerResponse, opts: AdapterOptions, limit: number): Promise<void> {
  const target = req.url ?? '/';
  // Origin-form targets only; `//x` must not be read as a host.
  const url = new URL(target.startsWith('/') ? `http://localhost${target}` : target, 'http://localhost');
  const method = (req.method ?? 'GET').toUpperCase();
  if (!validEscapes(url.pathname)) {
    req.resume();
    return sendError(res, errors.badRequest(`invalid URL escape in path "${url.pathname}"`));
  }
  if (!METHODS.has(method as HttpMethod)) {
    req.resume();
    return sendError(res, new errors.StatusError(errors.statusBody(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')));
  }
  if (isStreamingSubresource(url.pathname)) {
    // exec/attach/portforward only work as upgrades (handled by the server's 'upgrade' listener).
    req.resume();
    return sendError(res, errors.badRequest('Upgrade request required'));
  }
  const body = await readBody(req, limit);
  if (body === 'too-large') {
    res.setHeader('connection', 'close');
    return sendError(res, errors.requestEntityTooLarge(`limit is ${limit}`));
  }
  if (body === 'aborted') return;
  const apiReq: ApiRequest = {
    method: method as HttpMethod,
    path: url.pathname,
    query: queryOf(url),
    headers: headersOf(req),
    body: body.length ? body : undefined,
  };
  let apiRes: ApiResponse;
  try {
    apiRes = opts.handle(apiReq);
  } catch (e) {
    return sendError(res, e instanceof errors.StatusError ? e : errors.internalError(e instanceof Error ? e.message : String(e)));
  }
  if (res.destroyed) {
    apiRes.watch?.close();
    apiRes.text?.close();
    return;
  }
  if (apiRes.watch) return pipeStream(res, apiRes, apiRes.watch, (ev) => `${JSON.stringify(ev)}\n`, opts.openStreams);
  if (apiRes.text) return pipeStream(res, apiRes, apiRes.text, (t) => t, opts.openStreams);
  sendBody(res, apiRes, url.pathname);
}

/** The engine decodes path segments; a stray `%` would make that throw. */
function validEscapes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** pods/exec, pods/attach, pods/portforward. */
export function isStreamingSubresource(pathname: string): boolean {
  return /^\/api\/v1\/namespaces\/[^/]+\/pods\/[^/]+\/(exec|attach|portforward)\/?$/.test(pathname);
}

export function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = query[k];
    if (prev === undefined) query[k] = v;
    else if (Array.isArray(prev)) prev.push(v);
    else query[k] = [prev, v];
  }
  return query;
}

export function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Reads the request body up to the limit; past it, stops keeping bytes (and cuts off huge uploads). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = declared > limit;
    let done = false;
    const finish = (v: Buffer | 'too-large' | 'aborted') => {
      if (done) return;
      done = true;
      resolve(v);
    };
    if (over) {
      // Answer at once; what the client still sends is read and dropped.
      finish('too-large');
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) {
        if (size > MAX_DISCARD_BYTES) req.destroy();
        return;
      }
      if (size > limit) {
        over = true;
        chunks.length = 0;
        finish('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish(over ? 'too-large' : Buffer.concat(chunks, size)));
    req.on('close', () => finish(over ? 'too-large' : 'aborted'));
    req.on('error', () => finish('aborted'));
  });
}

function sendBody(res: ServerResponse, apiRes: ApiResponse, path: string): void {
  const headers = outHeaders(apiRes.headers);
  let payload: Buffer;
  const body = apiRes.body;
  if (body === undefined) payload = Buffer.alloc(0);
  else if (typeof body === 'string') {
    payload = Buffer.from(body, 'utf8');
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else if (body instanceof Uint8Array) {
    payload = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    headers['content-type'] ??= 'application/octet-stream';
  } else {
    payload = Buffer.from(encodeJsonBody(path, body), 'utf8');
    headers['content-type'] ??= 'application/json';
  }
  headers['content-length'] = String(payload.length);
  res.writeHead(apiRes.status, headers);
  res.end(payload);
}

/** A Status error as the apiserver writes it. */
export function sendError(res: ServerResponse, e: errors.StatusError, code = e.code): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const payload = Buffer.from(JSON.stringify(e.status) + '\n', 'utf8');
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': String(payload.length) });
  res.end(payload);
}

function outHeaders(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    const key = k.toLowerCase();
    // Node frames the body itself (chunked or content-length).
    if (key === 'transfer-encoding' || key === 'content-length' || key === 'connection') continue;
    out[key] = v;
  }
  return out;
}

/** Chunked response fed by an engine stream; ends when either side closes. */
function pipeStream<T>(
  res: ServerResponse,
  apiRes: ApiResponse,
  stream: ApiStream<T>,
  encode: (item: T) => string,
  open: Set<ApiStream<unknown>> | undefined,
): void {
  const headers = outHeaders(apiRes.headers);
  headers['content-type'] ??= 'application/json';
  headers['cache-control'] = 'no-cache, private';
  res.writeHead(apiRes.status, headers);
  // kubectl waits for the headers before it reports anything (rollout status would hang otherwise).
  res.flushHeaders();
  res.socket?.setNoDelay(true);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    open?.delete(stream as ApiStream<unknown>);
    stream.close();
    if (!res.writableEnded) res.end();
  };
  open?.add(stream as ApiStream<unknown>);
  // The response closes when the client goes away (the request's own 'close' fires after its body).
  res.on('close', close);
  stream.subscribe(
    (item) => {
      if (closed || res.destroyed) return;
      res.write(encode(item));
      if (res.writableLength > MAX_PENDING_STREAM_BYTES) {
        // The client stopped reading: drop it rather than buffer without bound.
        closed = true;
        open?.delete(stream as ApiStream<unknown>);
        stream.close();
        res.destroy();
      }
    },
    () => close(),
  );
}
