// `kubectl exec` and `kubectl attach` over WebSocket (subprotocols v5.channel.k8s.io and v4.channel.k8s.io):
// binary frames of one channel byte + payload (0 stdin, 1 stdout, 2 stderr, 3 status, 4 resize; v5 closes
// stdin with [255, 0]), ending with a Status on channel 3. stdin streams to the command as it comes; with a
// tty the container's terminal (echo, line editing, ^C) is the engine's, and resizes reach it.
// mirrors: staging/src/k8s.io/apimachinery/pkg/util/httpstream/wsstream, pkg/kubelet/cri/streaming/remotecommand

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Pod } from 'kubernetes-types/core/v1';
import type { AttachIO, AttachSpec, ExecIO, ExecResult, ExecSpec } from '../../engine/nodes/exec';
import type { KubeObject } from '../../engine/api/types';
import * as errors from '../../engine/api/errors';
import { quoteArgv } from '../../engine/runtime/process';
import { BrokenPipe, Pipe } from '../../engine/runtime/sh/streams';
import { queryOf } from './adapter';

export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const RESIZE = 4;
const CLOSE = 255;

/** What the exec and attach handlers need from the cluster. */
export interface ExecTarget {
  exec(spec: ExecSpec, io: ExecIO): Promise<ExecResult>;
  /** Connects to the main process until it ends or the client leaves. */
  attach(spec: AttachSpec, io: AttachIO): Promise<void>;
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
}

interface ExecParams extends ExecSpec {
  kind: 'exec' | 'attach';
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
}

/** stdin a command has not read yet; a client that sends more than this is refused rather than buffered. */
const MAX_STDIN_BYTES = 16 * 1024 * 1024;

const STREAM_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/(exec|attach)\/?$/;

/** The server's 'upgrade' listener: WebSocket exec, a Status error for anything else. */
export function createUpgradeHandler(target: ExecTarget, sockets: Set<WebSocket>): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 16 * 1024 * 1024,
    handleProtocols: (offered) => EXEC_PROTOCOLS.find((p) => offered.has(p)) ?? false,
  });
  return (req, socket, head) => {
    socket.on('error', () => undefined);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const m = STREAM_PATH.exec(url.pathname);
    if (/^\/api\/v1\/namespaces\/[^/]+\/pods\/[^/]+\/portforward\/?$/.test(url.pathname)) {
      return rejectUpgrade(socket, errors.badRequest('pods/portforward is not supported by kubeplay serve (pods/exec and pods/attach are)'));
    }
    if (!m) return rejectUpgrade(socket, errors.pathNotFound());
    let params: ExecParams;
    try {
      params = execParams(target, m[3] as ExecParams['kind'], decodeURIComponent(m[1]), decodeURIComponent(m[2]), url);
    } catch (e) {
      // kubectl falls back to SPDY after a failed WebSocket upgrade and reports the second answer: both get it.
      return rejectUpgrade(socket, e instanceof errors.StatusError ? e : errors.badRequest(String(e)));
    }
    if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
      return rejectUpgrade(socket, errors.badRequest(`upgrade to ${req.headers.upgrade} is not supported; use WebSocket (${EXEC_PROTOCOLS.join(', ')})`));
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      new ExecSession(target, ws, params).start();
    });
  };
}

function rejectUpgrade(socket: Duplex, e: errors.StatusError): void {
  const body = JSON.stringify(e.status);
  const reason = { 400: 'Bad Request', 404: 'Not Found', 500: 'Internal Server Error' }[e.code] ?? 'Error';
  socket.end(
    `HTTP/1.1 ${e.code} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Query → exec or attach spec, with the apiserver's checks that can be made before upgrading. */
function execParams(target: ExecTarget, kind: ExecParams['kind'], namespace: string, pod: string, url: URL): ExecParams {
  const q = queryOf(url);
  const all = (k: string) => {
    const v = q[k];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const flag = (k: string) => all(k)[0] === 'true' || all(k)[0] === '1';
  const command = all('command');
  if (kind === 'exec' && command.length === 0) throw errors.badRequest('you must specify at least one command for the container');
  const obj = target.get('pods', namespace, pod) as Pod | undefined;
  if (!obj) throw errors.notFound('', 'pods', pod);
  const names = [...(obj.spec?.containers ?? []), ...(obj.spec?.initContainers ?? [])].map((c) => c.name);
  const container = all('container')[0] || undefined;
  if (container && !names.includes(container)) throw errors.badRequest(`container ${container} is not valid for pod ${pod}`);
  if (!flag('stdin') && !flag('stdout') && !flag('stderr')) throw errors.badRequest('you must specify at least 1 of stdin, stdout, stderr');
  return { kind, namespace, pod, container, command, tty: flag('tty'), stdin: flag('stdin'), stdout: flag('stdout'), stderr: flag('stderr') };
}

/** One exec or attach connection. */
class ExecSession {
  private finished = false;
  private aborters: (() => void)[] = [];
  /** The command's stdin: frames are written as they come, v5's close signal ends it. */
  private readonly stdin = new Pipe();
  /** Bytes written while the command was behind (the pipe full). */
  private backlog = 0;
  /** Keeps multi-byte characters split across frames whole. */
  private readonly utf8 = new StringDecoder('utf8');
  private size: { cols: number; rows: number } | undefined;
  private readonly sizeFns: ((cols: number, rows: number) => void)[] = [];

  constructor(
    private readonly target: ExecTarget,
    private readonly ws: WebSocket,
    private readonly params: ExecParams,
  ) {}

  start(): void {
    this.ws.on('message', (data: Buffer) => this.onFrame(Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer)));
    const gone = () => {
      this.finished = true;
      this.abort();
    };
    this.ws.on('close', gone);
    this.ws.on('error', gone);
    void (this.params.kind === 'exec' ? this.runExec() : this.runAttach());
  }

  private onFrame(data: Buffer): void {
    if (data.length === 0 || this.finished) return;
    const channel = data[0];
    const payload = data.subarray(1);
    if (channel === STDIN) {
      if (this.params.stdin) this.writeStdin(this.utf8.write(payload));
    } else if (channel === CLOSE && payload[0] === STDIN) {
      if (!this.params.stdin) return;
      this.writeStdin(this.utf8.end());
      this.stdin.closeWrite();
    } else if (channel === RESIZE) {
      this.resize(payload.toString('utf8'));
    }
  }

  private writeStdin(text: string): void {
    if (!text) return;
    try {
      const p = this.stdin.writer.write(text);
      if (!p) return;
      this.backlog += text.length;
      if (this.backlog > MAX_STDIN_BYTES) {
        this.sendStatus(errors.requestEntityTooLarge(`stdin is limited to ${MAX_STDIN_BYTES} bytes`).status);
        this.close();
        this.abort();
        return;
      }
      p.then(
        () => (this.backlog = 0),
        () => undefined,
      );
    } catch (e) {
      // The command stopped reading: what comes is dropped.
      if (!(e instanceof BrokenPipe)) throw e;
    }
  }

  /** A resize frame: {"Width":80,"Height":24}. */
  private resize(json: string): void {
    let w: unknown;
    let h: unknown;
    try {
      ({ Width: w, Height: h } = JSON.parse(json) as { Width?: unknown; Height?: unknown });
    } catch {
      return;
    }
    if (typeof w !== 'number' || typeof h !== 'number' || !(w > 0) || !(h > 0)) return;
    this.size = { cols: Math.floor(w), rows: Math.floor(h) };
    for (const fn of this.sizeFns) fn(this.size.cols, this.size.rows);
  }

  /** Output callbacks: with a tty everything is the terminal (stdout channel); without, the two streams. */
  private outputs(crlf: boolean): { stdout(t: string): void; stderr(t: string): void } {
    const p = this.params;
    const discard = () => undefined;
    const tty = !!p.tty;
    const out = p.stdout || tty ? (t: string) => this.send(STDOUT, crlf ? toCrlf(t) : t) : discard;
    return { stdout: out, stderr: tty ? out : p.stderr ? (t) => this.send(STDERR, t) : discard };
  }

  private common() {
    return {
      input: this.params.stdin ? this.stdin : undefined,
      size: this.size,
      onResize: (fn: (cols: number, rows: number) => void) => void this.sizeFns.push(fn),
      onAbort: (fn: () => void) => void this.aborters.push(fn),
    };
  }

  private async runExec(): Promise<void> {
    const p = this.params;
    const tty = !!p.tty;
    // With stdin the engine puts the command on a terminal, which writes CR LF itself.
    const io: ExecIO = { ...this.common(), ...this.outputs(tty && !p.stdin) };
    try {
      const res = await this.target.exec({ namespace: p.namespace, pod: p.pod, container: p.container, command: p.command, tty }, io);
      this.finish(res.exitCode);
    } catch (e) {
      this.fail(e);
    }
  }

  private async runAttach(): Promise<void> {
    const p = this.params;
    try {
      await this.target.attach({ namespace: p.namespace, pod: p.pod, container: p.container, stdin: p.stdin }, { ...this.common(), ...this.outputs(false) });
      this.finish(0);
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): void {
    const err = e instanceof errors.StatusError ? e : errors.internalError(e instanceof Error ? e.message : String(e));
    this.sendStatus({ ...err.status, message: (err.status.message ?? '').replace(/^unable to upgrade connection: /, '') });
    this.close();
  }

  private finish(code: number): void {
    if (this.finished) return;
    if (code === 0) this.sendStatus({ metadata: {}, status: 'Success' });
    else {
      const argv = quoteArgv(this.params.command);
      this.sendStatus({
        metadata: {},
        status: 'Failure',
        message: `command terminated with non-zero exit code: command '${argv}' exited with ${code}`,
        reason: 'NonZeroExitCode',
        details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
      });
    }
    this.close();
  }

  private sendStatus(status: object): void {
    this.send(ERROR, JSON.stringify(status));
  }

  private close(): void {
    this.finished = true;
    this.ws.close(1000);
  }

  private abort(): void {
    for (const fn of this.aborters.splice(0)) fn();
  }

  private send(channel: number, text: string): void {
    if (this.finished || this.ws.readyState !== this.ws.OPEN || (text.length === 0 && channel !== ERROR)) return;
    const payload = Buffer.from(text, 'utf8');
    const frame = Buffer.allocUnsafe(payload.length + 1);
    frame[0] = channel;
    payload.copy(frame, 1);
    this.ws.send(frame, { binary: true });
  }
}

function toCrlf(t: string): string {
  return t.replace(/\r?\n/g, '\r\n');
}
