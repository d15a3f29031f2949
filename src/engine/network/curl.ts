// curl in containers (curlimages/curl, Debian's and Alpine's) and on the host (`kubeplay curl`): -s -S -v
// -o -O -I -i -w -m --connect-timeout -f -L -H -X -d -k --resolve, the progress meter when output is not a
// terminal, and error texts per version ("Couldn't connect to server" became "Could not connect to server"
// in 8.10). Parses options like curl does (no --opt=value).
// mirrors: curl src/tool_getparam.c, lib/connect.c, lib/progress.c (progress_meter, max5data), lib/strerror.c,
// src/tool_writeout.c

import type { CommandContext, CommandImpl } from '../runtime/sh/types';
import { fetchURL, type FetchOutcome } from './fetch';
import { header, utf8Length, type HttpResponse } from './http';
import { parseURL, versionAtLeast, type ParsedURL } from './tools';
import type { Origin, Server, Traffic } from './traffic';

export interface CurlEnv {
  traffic: Traffic;
  origin: () => Origin;
  version: string;
  /** Whether stdout is a terminal when not piped (the host terminal; a container only with exec -t). */
  terminal: (ctx: CommandContext) => boolean;
  /** The outside resolves Ingress hosts to the controller (kind's port mappings on localhost). */
  outside?: boolean;
}

interface Options {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  output?: string;
  remoteName: boolean;
  head: boolean;
  include: boolean;
  writeOut?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  fail: boolean;
  location: boolean;
  headers: [string, string][];
  method?: string;
  data?: string;
  insecure: boolean;
  resolve: Map<string, string>;
  agent?: string;
  urls: string[];
}

const FLAGS: Record<string, keyof Options> = {
  s: 'silent', S: 'showError', v: 'verbose', O: 'remoteName', I: 'head', i: 'include', f: 'fail', L: 'location', k: 'insecure',
};
const LONG_FLAGS: Record<string, keyof Options> = {
  silent: 'silent', 'show-error': 'showError', verbose: 'verbose', 'remote-name': 'remoteName', head: 'head', include: 'include', fail: 'fail',
  'fail-with-body': 'fail', location: 'location', insecure: 'insecure',
};
/** Options with an argument: short letter or long name → what it sets. */
const WITH_ARG: Record<string, string> = {
  o: 'output', w: 'write-out', m: 'max-time', H: 'header', X: 'request', d: 'data', A: 'user-agent', e: 'referer', u: 'user', x: 'proxy',
  output: 'output', 'write-out': 'write-out', 'max-time': 'max-time', 'connect-timeout': 'connect-timeout', header: 'header', request: 'request',
  data: 'data', 'data-raw': 'data', 'data-binary': 'data', 'user-agent': 'user-agent', resolve: 'resolve', referer: 'referer', user: 'user',
  retry: 'retry', proxy: 'proxy', 'retry-delay': 'retry', 'retry-max-time': 'retry', cacert: 'cacert', cert: 'cert',
};
/** Accepted and ignored. */
const IGNORED = new Set(['4', '6', 'ipv4', 'ipv6', 'compressed', 'no-progress-meter', 'http1.1', 'no-keepalive', 'globoff', 'g', 'N', 'no-buffer', 'retry-all-errors', 'retry-connrefused']);

class Usage extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

function seconds(v: string, name: string): number {
  if (!/^(\d+\.?\d*|\.\d+)$/.test(v)) throw new Usage(`curl: option --${name}: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
  return Math.round(Number(v) * 1000);
}

function parse(args: string[]): Options {
  const o: Options = { silent: false, showError: false, verbose: false, remoteName: false, head: false, include: false, fail: false, location: false, headers: [], insecure: false, resolve: new Map(), urls: [] };
  let noProgress = false;
  const set = (name: string, v: string) => {
    switch (WITH_ARG[name]) {
      case 'output':
        o.output = v;
        break;
      case 'write-out':
        o.writeOut = v;
        break;
      case 'max-time':
        o.maxTimeMs = seconds(v, 'max-time');
        break;
      case 'connect-timeout':
        o.connectTimeoutMs = seconds(v, 'connect-timeout');
        break;
      case 'header': {
        const i = v.indexOf(':');
        if (i > 0) o.headers.push([v.slice(0, i).trim(), v.slice(i + 1).trim()]);
        break;
      }
      case 'request':
        o.method = v;
        break;
      case 'data':
        o.data = o.data === undefined ? v : `${o.data}&${v}`;
        break;
      case 'user-agent':
        o.agent = v;
        break;
      case 'resolve': {
        const m = /^([^:]+):(\d+):(.+)$/.exec(v);
        if (m) o.resolve.set(`${m[1].toLowerCase()}:${m[2]}`, m[3]);
        break;
      }
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2);
      if (name in LONG_FLAGS) (o[LONG_FLAGS[name]] as boolean) = true;
      else if (name === 'no-progress-meter') noProgress = true;
      else if (IGNORED.has(name)) continue;
      else if (name in WITH_ARG && name.length > 1) {
        if (i + 1 >= args.length) throw new Usage(`curl: option ${a}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
        set(name, args[++i]);
      } else throw new Usage(`curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k];
        if (c in FLAGS) (o[FLAGS[c]] as boolean) = true;
        else if (IGNORED.has(c)) continue;
        else if (c in WITH_ARG) {
          let v = a.slice(k + 1);
          if (v === '') {
            if (i + 1 >= args.length) throw new Usage(`curl: option -${c}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
            v = args[++i];
          }
          set(c, v);
          break;
        } else throw new Usage(`curl: option -${a.slice(1)}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
      }
      continue;
    }
    o.urls.push(a);
  }
  if (noProgress) o.silent = o.silent || false;
  return o;
}

/** curl's 5-column sizes: "  615", " 200k", "12.3M". */
export function max5(n: number): string {
  const K = 1024;
  const M = K * K;
  if (n < 100000) return String(n).padStart(5, ' ');
  if (n < 10000 * K) return String(Math.floor(n / K)).padStart(4, ' ') + 'k';
  if (n < 100 * M) return `${String(Math.floor(n / M)).padStart(2, ' ')}.${Math.floor((n % M) / (M / 10))}M`;
  return String(Math.floor(n / M)).padStart(4, ' ') + 'M';
}

function time2str(secs: number): string {
  if (secs <= 0) return '--:--:--';
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
  return `${String(h).padStart(2, ' ')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

const METER_HEADER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

function meterLine(size: number, got: number, elapsedMs: number): string {
  const speed = elapsedMs > 0 ? Math.floor((got * 1000) / elapsedMs) : got;
  const pct = (cur: number, total: number) => String(total > 0 ? Math.floor((cur * 100) / total) : 0).padStart(3, ' ');
  const spent = Math.floor(elapsedMs / 1000);
  return `\r${pct(got, size)} ${max5(size)}  ${pct(got, size)} ${max5(got)}  ${pct(0, 0)} ${max5(0)}  ${max5(speed)}  ${max5(0)} ${time2str(0)} ${time2str(spent)} ${time2str(0)} ${max5(speed)}`;
}

function couldNotConnect(version: string): string {
  return versionAtLeast(version, '8.10.0') ? 'Could not connect to server' : "Couldn't connect to server";
}

const SSL_60 = `More details here: https://curl.se/docs/sslcerts.html

curl failed to verify the legitimacy of the server and therefore could not
establish a secure connection to it. To learn more about this situation and
how to fix it, please visit the webpage mentioned above.
`;

export function curlCommand(env: CurlEnv): CommandImpl {
  return async (argv, ctx) => {
    let o: Options;
    try {
      o = parse(argv.slice(1));
    } catch (e) {
      if (e instanceof Usage) {
        await ctx.io.stderr.write(e.text);
        return 2;
      }
      throw e;
    }
    if (o.urls.length === 0) {
      await ctx.io.stderr.write("curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
      return 2;
    }
    let code = 0;
    for (const u of o.urls) {
      code = await transfer(ctx, env, o, u);
      if (ctx.signal.aborted) return code;
    }
    return code;
  };
}

async function transfer(ctx: CommandContext, env: CurlEnv, o: Options, raw: string): Promise<number> {
  const v = env.version;
  const out = (s: string) => ctx.io.stdout.write(s);
  const err = (s: string) => ctx.io.stderr.write(s);
  const info = (s: string) => (o.verbose ? err(`* ${s}\n`) : undefined);
  const toTerminal = !o.output && !o.remoteName && env.terminal(ctx);
  const meter = !o.silent && !toTerminal;
  const fail = async (codeNum: number, msg: string, extra = ''): Promise<number> => {
    if (meter) await err('\n');
    if (o.verbose) await info(versionAtLeast(v, '8.10.0') ? 'shutting down connection #0' : versionAtLeast(v, '8.0.0') ? 'Closing connection' : 'Closing connection 0');
    if (!o.silent || o.showError) await err(`curl: (${codeNum}) ${msg}\n${extra}`);
    return codeNum;
  };
  let parsed = parseURL(raw);
  if (parsed && 'error' in parsed) {
    const msg = versionAtLeast(v, '8.10.0') ? `Protocol "${parsed.scheme}" not supported` : `Protocol "${parsed.scheme}" not supported or disabled in libcurl`;
    if (!o.silent || o.showError) await err(`curl: (1) ${msg}\n`);
    return 1;
  }
  if (!parsed) {
    if (!o.silent || o.showError) await err('curl: (3) URL rejected: Bad hostname\n');
    return 3;
  }
  let url: ParsedURL = parsed;
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const started = ctx.now();
  let redirects = 0;
  if (meter) await err(METER_HEADER + meterLine(0, 0, 0));
  for (;;) {
    const literal = /^\d+\.\d+\.\d+\.\d+$/.test(url.host);
    const pinned = o.resolve.get(`${url.host.toLowerCase()}:${url.port}`);
    const agent = o.agent ?? `curl/${v}`;
    const reqHeaders: [string, string][] = [['Host', url.hostHeader], ['User-Agent', agent], ['Accept', '*/*']];
    for (const [k, val] of o.headers) {
      const i = reqHeaders.findIndex(([x]) => x.toLowerCase() === k.toLowerCase());
      if (i >= 0) reqHeaders[i] = [k, val];
      else reqHeaders.push([k, val]);
    }
    if (o.data !== undefined) reqHeaders.push(['Content-Length', String(utf8Length(o.data))], ['Content-Type', 'application/x-www-form-urlencoded']);
    const hostHeader = reqHeaders.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? url.hostHeader;
    const res: FetchOutcome = await fetchURL(ctx, env.traffic, env.origin(), { ...url, hostHeader }, {
      method,
      headers: reqHeaders.filter(([k]) => k.toLowerCase() !== 'host'),
      body: o.data,
      timeoutMs: o.maxTimeMs,
      connectTimeoutMs: o.connectTimeoutMs,
      address: pinned,
      onResolved: async (ip) => {
        if (!o.verbose) return;
        if (pinned) await info(`Added ${url.host}:${url.port}:${pinned} to DNS cache`);
        if (!literal && versionAtLeast(v, '8.5.0')) await info(`Host ${url.host}:${url.port} was resolved.\n* IPv6: (none)\n* IPv4: ${ip}`);
        await info(`  Trying ${ip}:${url.port}...`);
      },
      onConnected: async (ip) => {
        if (!o.verbose) return;
        await info(`Connected to ${url.host} (${ip}) port ${url.port}${versionAtLeast(v, '8.2.0') ? '' : ' (#0)'}`);
        if (url.scheme === 'https') await info(`ALPN: curl offers h2,http/1.1`);
        const lines = [`${method} ${url.target} HTTP/1.1`, ...reqHeaders.map(([k, val]) => `${k}: ${val}`), ''];
        await err(lines.map((l) => `> ${l}\r\n`).join(''));
        if (versionAtLeast(v, '8.8.0')) await info('Request completely sent off');
      },
    });
    const elapsed = () => ctx.now() - started;
    if (!res.ok) {
      if (res.stage === 'aborted') return 130;
      if (res.stage === 'resolve') {
        await info(`Could not resolve host: ${url.host}`);
        return fail(6, `Could not resolve host: ${url.host}`);
      }
      if (res.stage === 'connect') {
        if (res.error === 'client-timeout') {
          if (o.connectTimeoutMs !== undefined && (o.maxTimeMs === undefined || o.connectTimeoutMs < o.maxTimeMs)) {
            return fail(28, `Failed to connect to ${url.host} port ${url.port} after ${elapsed() + 1} ms: Timeout was reached`);
          }
          return fail(28, `Connection timed out after ${elapsed() + 1} milliseconds`);
        }
        const why = res.error === 'refused' ? 'Connection refused' : res.error === 'unreachable' ? 'No route to host' : 'Connection timed out';
        if (o.verbose) {
          const local = 32768 + ((hash(`${res.ip}:${url.port}:${started}`) % 28000) | 0);
          await info(versionAtLeast(v, '8.0.0') ? `connect to ${res.ip} port ${url.port} from ${env.origin().ip} port ${local} failed: ${why}` : `connect to ${res.ip} port ${url.port} failed: ${why}`);
          await info(`Failed to connect to ${url.host} port ${url.port} after ${elapsed()} ms: ${couldNotConnect(v)}`);
        }
        return fail(res.error === 'syn-timeout' ? 28 : 7, `Failed to connect to ${url.host} port ${url.port} after ${elapsed()} ms: ${couldNotConnect(v)}`);
      }
      if (res.error === 'client-timeout') return fail(28, `Operation timed out after ${elapsed() + 1} milliseconds with 0 bytes received`);
      return fail(52, 'Empty reply from server');
    }
    const r = res.response;
    if (url.scheme === 'https') {
      const tls = tlsOf(res.server);
      if (tls === 'none') return fail(35, 'OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number');
      if (!o.insecure) return fail(60, `SSL certificate problem: ${tls === 'self-signed' ? 'self-signed certificate' : 'unable to get local issuer certificate'}`, SSL_60);
    }
    const headBlock = [`HTTP/1.1 ${r.status} ${r.reason}`, ...r.headers.map(([k, val]) => `${k}: ${val}`), ''].map((l) => `${l}\r\n`).join('');
    if (o.verbose) await err(headBlock.split('\r\n').slice(0, -1).map((l) => `< ${l}\r\n`).join(''));
    const location = header(r, 'location');
    if (o.location && location && [301, 302, 303, 307, 308].includes(r.status) && redirects < 50) {
      redirects++;
      const next = parseURL(location.startsWith('/') ? `${url.scheme}://${url.hostHeader}${location}` : location);
      if (next && !('error' in next)) {
        await info(`Issue another request to this URL: '${location.startsWith('/') ? `${url.scheme}://${url.hostHeader}${location}` : location}'`);
        url = next;
        continue;
      }
    }
    if (o.fail && r.status >= 400) {
      if (o.verbose) await info(`The requested URL returned error: ${r.status}`);
      const code = await fail(22, `The requested URL returned error: ${r.status}`);
      await writeOut(ctx, o, { code: r.status, elapsedMs: elapsed(), ip: res.ip, port: url.port, size: 0, url: raw, type: header(r, 'content-type'), redirects });
      return code;
    }
    const size = utf8Length(r.body);
    let payload = o.head ? headBlock : (o.include ? headBlock : '') + r.body;
    if (o.head && o.verbose) payload = '';
    const file = o.output ?? (o.remoteName ? url.target.replace(/[?#].*$/, '').split('/').pop() || '' : undefined);
    if (file !== undefined) {
      if (file === '') {
        await err('curl: Remote file name has no length\n');
        return 23;
      }
      if (file === '-') await out(payload);
      else {
        try {
          ctx.fs.writeFile(ctx.resolve(file), payload);
        } catch {
          return fail(23, 'client returned ERROR on write of 0 bytes');
        }
      }
    } else await out(payload);
    if (meter) {
      if (o.verbose && size > 0 && !o.head) await err(`{ [${size} bytes data]\n`);
      await err(meterLine(size, size, elapsed()) + '\n');
    }
    await info(`Connection #0 to host ${url.host} left intact`);
    await writeOut(ctx, o, { code: r.status, elapsedMs: elapsed(), ip: res.ip, port: url.port, size, url: raw, type: header(r, 'content-type'), redirects });
    return 0;
  }
}

/** What a TLS handshake with the server gives: the ingress controller's fake certificate, the apiserver's cluster CA, or no TLS at all. */
function tlsOf(server: Server): 'self-signed' | 'cluster-ca' | 'none' {
  if (server.kind === 'ingress') return 'self-signed';
  return server.run.image.repository === 'registry.k8s.io/kube-apiserver' ? 'cluster-ca' : 'none';
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

interface WriteOutVars {
  code: number;
  elapsedMs: number;
  ip: string;
  port: number;
  size: number;
  url: string;
  type?: string;
  redirects: number;
}

async function writeOut(ctx: CommandContext, o: Options, w: WriteOutVars): Promise<void> {
  if (o.writeOut === undefined) return;
  const secs = (w.elapsedMs / 1000).toFixed(6);
  const vars: Record<string, string> = {
    http_code: String(w.code).padStart(3, '0'),
    response_code: String(w.code).padStart(3, '0'),
    time_total: secs,
    time_connect: (Math.min(w.elapsedMs, 2) / 1000).toFixed(6),
    time_namelookup: (Math.min(w.elapsedMs, 1) / 1000).toFixed(6),
    remote_ip: w.ip,
    remote_port: String(w.port),
    size_download: String(w.size),
    url_effective: w.url,
    url: w.url,
    content_type: w.type ?? '',
    num_redirects: String(w.redirects),
    exitcode: '0',
  };
  let text = '';
  const f = o.writeOut;
  for (let i = 0; i < f.length; i++) {
    const c = f[i];
    if (c === '%' && f[i + 1] === '%') {
      text += '%';
      i++;
    } else if (c === '%' && f[i + 1] === '{') {
      const end = f.indexOf('}', i);
      if (end < 0) {
        text += c;
        continue;
      }
      const name = f.slice(i + 2, end);
      if (name in vars) text += vars[name];
      else await ctx.io.stderr.write(`curl: unknown --write-out variable: '${name}'\n`);
      i = end;
    } else if (c === '\\' && i + 1 < f.length) {
      const n = f[i + 1];
      text += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === '\\' ? '\\' : `\\${n}`;
      i++;
    } else text += c;
  }
  await ctx.io.stdout.write(text);
}
