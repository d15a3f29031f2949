// `kubectl exec` over WebSocket (subprotocols v5.channel.k8s.io and v4.channel.k8s.io): binary frames of one
// channel byte + payload (0 stdin, 1 stdout, 2 stderr, 3 status, 4 resize; v5 closes stdin with [255, 0]),
// ending with a Status on channel 3. Commands run in the container's simulated shell (cluster.exec).
// mirrors: staging/src/k8s.io/apimachinery/pkg/util/httpstream/wsstream, pkg/kubelet/cri/streaming/remotecommand

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ExecIO, ExecResult, ExecSpec } from '../../engine/nodes/exec';
import type { KubeObject } from '../../engine/api/types';
import * as errors from '../../engine/api/errors';
import { quoteArgv } from '../../engine/runtime/process';
import { queryOf } from './adapter';
import { LineDiscipline } from './line-discipline';

export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const RESIZE = 4;
const CLOSE = 255;

/** What the exec handler needs from the cluster. */
export interface ExecTarget {
  exec(spec: ExecSpec, io: ExecIO): Promise<ExecResult>;
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
}

interface ExecParams extends ExecSpec {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
}

/** stdin gathered for one run (`kubectl exec -i … < file`); more is refused rather than buffered. */
const MAX_STDIN_BYTES = 16 * 1024 * 1024;

const EXEC_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec\/?$/;
const SHELLS = new Set(['sh', 'bash', 'ash']);

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
    const m = EXEC_PATH.exec(url.pathname);
    const other = /^\/api\/v1\/namespaces\/[^/]+\/pods\/[^/]+\/(attach|portforward)\/?$/.exec(url.pathname);
    if (other) return rejectUpgrade(socket, errors.badRequest(`pods/${other[1]} is not supported by kubeplay serve (pods/exec is)`));
    if (!m) return rejectUpgrade(socket, errors.pathNotFound());
    let params: ExecParams;
    try {
      params = execParams(target, decodeURIComponent(m[1]), decodeURIComponent(m[2]), url);
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

/** Query → exec spec, with the apiserver's checks that can be made before upgrading. */
function execParams(target: ExecTarget, namespace: string, pod: string, url: URL): ExecParams {
  const q = queryOf(url);
  const all = (k: string) => {
    const v = q[k];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const flag = (k: string) => all(k)[0] === 'true' || all(k)[0] === '1';
  const command = all('command');
  if (command.length === 0) throw errors.badRequest('you must specify at least one command for the container');
  const obj = target.get('pods', namespace, pod) as Pod | undefined;
  if (!obj) throw errors.notFound('', 'pods', pod);
  const names = [...(obj.spec?.containers ?? []), ...(obj.spec?.initContainers ?? [])].map((c) => c.name);
  const container = all('container')[0] || undefined;
  if (container && !names.includes(container)) throw errors.badRequest(`container ${container} is not valid for pod ${pod}`);
  if (!flag('stdin') && !flag('stdout') && !flag('stderr')) throw errors.badRequest('you must specify at least 1 of stdin, stdout, stderr');
  return { namespace, pod, container, command, tty: flag('tty'), stdin: flag('stdin'), stdout: flag('stdout'), stderr: flag('stderr') };
}

/** One exec connection. */
class ExecSession {
  private readonly v5: boolean;
  private finished = false;
  private aborters: (() => void)[] = [];
  private stdinText = '';
  /** Keeps multi-byte characters split across frames whole. */
  private readonly utf8 = new StringDecoder('utf8');
  private lines?: LineDiscipline;
  private running?: Promise<void>;

  constructor(
    private readonly target: ExecTarget,
    private readonly ws: WebSocket,
    private readonly params: ExecParams,
  ) {
    this.v5 = ws.protocol === 'v5.channel.k8s.io';
  }

  start(): void {
    const { params } = this;
    this.ws.on('message', (data: Buffer) => this.onFrame(Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer)));
    const gone = () => {
      this.finished = true;
      this.abort();
    };
    this.ws.on('close', gone);
    this.ws.on('error', gone);
    const prog = params.command[0].slice(params.command[0].lastIndexOf('/') + 1);
    const interactiveShell = params.stdin && SHELLS.has(prog) && params.command.length === 1;
    if (interactiveShell && (params.tty || !this.v5)) {
      // A shell fed from a keyboard (or from a v4 client that cannot signal EOF): one command per line.
      this.lines = new LineDiscipline({
        tty: !!params.tty,
        prompt: params.tty ? (prog === 'bash' ? `root@${params.pod}:/# ` : '/ # ') : '',
        write: (t) => this.send(STDOUT, t),
        run: (line) => this.runLine(prog, line),
        interrupt: () => this.abort(),
        exit: (code) => this.finish(code),
      });
      this.lines.begin();
      return;
    }
    // A terminal never closes stdin (Ctrl-D is just a byte): other commands with -it run at once.
    if (!params.stdin || params.tty) void this.run(params.stdin ? '' : undefined);
    // Otherwise stdin is gathered until the client closes it ([255, 0]).
  }

  private onFrame(data: Buffer): void {
    if (data.length === 0 || this.finished) return;
    const channel = data[0];
    const payload = data.subarray(1);
    if (channel === STDIN) {
      const text = this.utf8.write(payload);
      if (this.lines) this.lines.input(text);
      else if (this.params.stdin && !this.params.tty && !this.running) {
        this.stdinText += text;
        if (this.stdinText.length > MAX_STDIN_BYTES) {
          this.sendStatus(errors.requestEntityTooLarge(`stdin is limited to ${MAX_STDIN_BYTES} bytes`).status);
          this.close();
        }
      }
    } else if (channel === CLOSE && payload[0] === STDIN) {
      this.stdinText += this.utf8.end();
      if (this.lines) this.lines.eof();
      else if (this.params.stdin && !this.params.tty && !this.running) void this.run(this.stdinText);
    } else if (channel === RESIZE) {
      // Terminal size changes do not matter to the simulated shell.
    }
  }

  private run(stdin: string | undefined): Promise<void> {
    this.running = this.execute(this.params.command, stdin).then((code) => {
      if (code !== undefined) this.finish(code);
    });
    return this.running;
  }

  private async runLine(shell: string, line: string): Promise<number | undefined> {
    if (this.finished) return undefined;
    return this.execute([shell, '-c', line], undefined);
  }

  /** Runs one command; the exit code, or undefined when it failed with a Status (already sent). */
  private async execute(command: string[], stdin: string | undefined): Promise<number | undefined> {
    const tty = !!this.params.tty;
    const discard = () => undefined;
    const out = this.params.stdout || tty ? (t: string) => this.send(STDOUT, tty ? toCrlf(t) : t) : discard;
    const io: ExecIO = {
      stdin,
      stdout: out,
      // With a tty, stderr shares the terminal (stdout channel).
      stderr: tty ? out : this.params.stderr ? (t) => this.send(STDERR, t) : discard,
      onAbort: (fn) => this.aborters.push(fn),
    };
    try {
      const res = await this.target.exec({ namespace: this.params.namespace, pod: this.params.pod, container: this.params.container, command, tty }, io);
      return res.exitCode;
    } catch (e) {
      const err = e instanceof errors.StatusError ? e : errors.internalError(e instanceof Error ? e.message : String(e));
      this.sendStatus({ ...err.status, message: (err.status.message ?? '').replace(/^unable to upgrade connection: /, '') });
      this.close();
      return undefined;
    } finally {
      this.aborters = [];
    }
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
    if (this.finished || this.ws.readyState !== this.ws.OPEN || text.length === 0 && channel !== ERROR) return;
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
