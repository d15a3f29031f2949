// One HTTP fetch as a client program experiences it, on the simulated clock: resolve, connect, request,
// with the client's own timeouts. wget, curl and `kubeplay curl` turn the outcome into their own words.

import type { CommandContext } from '../runtime/sh/types';
import type { HttpResponse } from './http';
import type { ParsedURL } from './tools';
import { HOST_UNREACHABLE_MS, RTT_MS, SYN_TIMEOUT_MS, type Origin, type Server, type Traffic } from './traffic';

export type FetchStage = 'resolve' | 'connect' | 'response';

export type FetchOutcome =
  | { ok: true; ip: string; response: HttpResponse; server: Server; elapsedMs: number }
  | { ok: false; stage: 'resolve'; error: 'nxdomain' | 'timeout' | 'refused'; elapsedMs: number }
  /** Connect failed: refused, timed out in the kernel (SYN retries), no route, or the client's own timeout. */
  | { ok: false; stage: 'connect'; ip: string; error: 'refused' | 'syn-timeout' | 'unreachable' | 'client-timeout'; elapsedMs: number }
  | { ok: false; stage: 'response'; ip: string; error: 'empty' | 'client-timeout'; elapsedMs: number }
  | { ok: false; stage: 'aborted'; elapsedMs: number };

export interface FetchOptions {
  method?: string;
  headers?: [string, string][];
  body?: string;
  close?: boolean;
  /** The client's overall limit (curl --max-time, wget -T for each step). */
  timeoutMs?: number;
  /** A separate limit for connecting (curl --connect-timeout, wget -T). */
  connectTimeoutMs?: number;
  /** A limit on waiting for the response once connected (wget -T). */
  readTimeoutMs?: number;
  /** Pre-resolved address (curl --resolve, `kubeplay curl` host mapping). */
  address?: string;
  /** Called once the name is resolved, before connecting (wget's "Connecting to" line, curl -v). */
  onResolved?: (ip: string) => Promise<void> | void;
  /** Called once connected (curl -v). */
  onConnected?: (ip: string) => Promise<void> | void;
}

/** Sleeps on the command's clock; true when the command was interrupted meanwhile. */
async function spend(ctx: CommandContext, ms: number): Promise<boolean> {
  if (ms > 0) await ctx.sleep(ms);
  return ctx.signal.aborted;
}

export async function fetchURL(ctx: CommandContext, traffic: Traffic, origin: Origin, url: ParsedURL, o: FetchOptions = {}): Promise<FetchOutcome> {
  const start = ctx.now();
  const elapsed = () => ctx.now() - start;
  const limit = o.timeoutMs ?? Infinity;
  let ip = o.address;
  if (!ip) {
    const r = traffic.resolve(origin, url.host);
    if (!r.ok) {
      if (await spend(ctx, Math.min(r.afterMs, limit))) return { ok: false, stage: 'aborted', elapsedMs: elapsed() };
      return { ok: false, stage: 'resolve', error: r.error, elapsedMs: elapsed() };
    }
    ip = r.ips[0];
    // A DNS round trip, unless the name was an address or localhost.
    if (ip !== url.host && ip !== '127.0.0.1' && (await spend(ctx, RTT_MS))) return { ok: false, stage: 'aborted', elapsedMs: elapsed() };
  }
  await o.onResolved?.(ip);
  const dial = traffic.dial(origin, ip, url.port);
  const connectLimit = Math.min(limit - elapsed(), o.connectTimeoutMs ?? Infinity);
  if (!dial.ok) {
    const natural = dial.error === 'refused' ? RTT_MS : dial.error === 'unreachable' ? HOST_UNREACHABLE_MS : SYN_TIMEOUT_MS;
    const timedOut = connectLimit < natural;
    if (await spend(ctx, timedOut ? connectLimit : natural)) return { ok: false, stage: 'aborted', elapsedMs: elapsed() };
    const error = timedOut ? 'client-timeout' : dial.error === 'dropped' ? 'syn-timeout' : dial.error;
    return { ok: false, stage: 'connect', ip, error, elapsedMs: elapsed() };
  }
  if (await spend(ctx, RTT_MS)) return { ok: false, stage: 'aborted', elapsedMs: elapsed() };
  await o.onConnected?.(ip);
  const ex = traffic.exchange(dial.server, { method: o.method ?? 'GET', target: url.target, host: url.hostHeader, headers: o.headers ?? [], body: o.body, close: o.close }, url.scheme);
  const left = Math.min(limit - elapsed(), o.readTimeoutMs ?? Infinity);
  if (ex.latencyMs > left) {
    if (await spend(ctx, Math.max(0, left))) return { ok: false, stage: 'aborted', elapsedMs: elapsed() };
    return { ok: false, stage: 'response', ip, error: 'client-timeout', elapsedMs: elapsed() };
  }
  if (await spend(ctx, ex.latencyMs)) return { ok: false, stage: 'aborted', elapsedMs: elapsed() };
  if (!ex.ok) return { ok: false, stage: 'response', ip, error: 'empty', elapsedMs: elapsed() };
  return { ok: true, ip, response: ex.response, server: dial.server, elapsedMs: elapsed() };
}
