// The HTTP server of `kubeplay serve`: a cluster's API on a node:http server (plain HTTP/1.1), WebSocket exec and attach,
// the wall-clock driver, and an orderly shutdown. Used by the CLI and, in process, by tests.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocket } from 'ws';
import type { Cluster } from '../../engine/cluster';
import type { ApiStream } from '../../engine/api/types';
import { WallClockDriver, type Advanceable } from '../driver';
import { installProtobufDecoder, protobufDecoder } from '../protobuf/index';
import { createAdapter, MAX_BODY_BYTES } from './adapter';
import { createUpgradeHandler } from './exec-ws';
import { attachToContainer, type AttachIO, type AttachSpec, type ExecIO, type ExecSpec } from '../../engine/nodes/exec';

export interface ServeOptions {
  cluster: Cluster;
  /** 0 picks a free port. */
  port?: number;
  address?: string;
  /** Simulated ms per wall ms; 0 leaves the clock still. Default 1. */
  speed?: number;
  maxBodyBytes?: number;
  /** One line per request. */
  log?: (line: string) => void;
  /** An exception while advancing the simulated clock (logged to stderr by default; serving goes on). */
  onClockError?: (e: unknown) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly address: string;
  readonly cluster: Cluster;
  readonly driver: WallClockDriver;
  readonly http: Server;
  /** Watches and followed logs being served, and exec sessions open. */
  activeStreams(): number;
  activeExecSessions(): number;
  /** Ends streams and connections, stops the clock; resolves when the port is free. */
  close(): Promise<void>;
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const { cluster } = opts;
  installProtobufDecoder();
  const streams = new Set<ApiStream<unknown>>();
  const sockets = new Set<WebSocket>();
  const http = createServer(
    { keepAlive: true },
    createAdapter({ handle: (req) => cluster.handle(req), maxBodyBytes: opts.maxBodyBytes ?? MAX_BODY_BYTES, log: opts.log, openStreams: streams }),
  );
  const target = {
    exec: (spec: ExecSpec, io: ExecIO) => cluster.exec(spec, io),
    attach: (spec: AttachSpec, io: AttachIO) => attachToContainer(cluster.store, cluster.kubelets, spec, io),
    get: (resource: string, namespace: string | undefined, name: string) => cluster.get(resource, namespace, name),
  };
  http.on('upgrade', createUpgradeHandler(target, sockets));
  http.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  // Watches and followed logs stay open for a long time.
  http.requestTimeout = 0;
  http.headersTimeout = 60_000;
  const address = opts.address ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port ?? 6443, address, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const driver = new WallClockDriver(wholeMilliseconds(cluster, opts.onClockError ?? defaultClockError), { speed: opts.speed ?? 1 });
  if ((opts.speed ?? 1) > 0) driver.start();
  // Load the protobuf descriptor now rather than on kubectl's first `create`.
  setImmediate(() => protobufDecoder());
  const host = address.includes(':') ? `[${address}]` : address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`,
    port,
    address,
    cluster,
    driver,
    http,
    activeStreams: () => streams.size,
    activeExecSessions: () => sockets.size,
    close() {
      closing ??= new Promise<void>((resolve) => {
        driver.stop();
        for (const s of [...streams]) s.close();
        for (const ws of sockets) ws.terminate();
        http.close(() => resolve());
        http.closeAllConnections();
      });
      return closing;
    },
  };
}

/**
 * The engine's clock takes whole milliseconds (event timestamps are derived from it as integers), while wall
 * time arrives in fractions: carry the remainder over. Errors are reported, not thrown into the timer loop.
 */
function wholeMilliseconds(cluster: Cluster, onError: (e: unknown) => void): Advanceable {
  let carry = 0;
  return {
    async advance(ms: number) {
      carry += ms;
      const whole = Math.floor(carry);
      carry -= whole;
      if (whole <= 0) return;
      try {
        await cluster.advance(whole);
      } catch (e) {
        onError(e);
      }
    },
  };
}

function defaultClockError(e: unknown): void {
  process.stderr.write(`kubeplay: error while advancing the clock: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
}
