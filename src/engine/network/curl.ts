// curl in containers (curlimages/curl, Debian's and Alpine's) and on the host (`kubeplay curl`): -s -S -v
// -o -O -I -i -w -m --connect-timeout -f -L -H -X -d -k --resolve, the progress meter when output is not a
// terminal, and error texts per version ("Couldn't connect to server" became "Could not connect to server"
// in 8.10).
// mirrors: curl lib/connect.c, lib/strerror.c, lib/multi.c (timeouts), lib/hostip.c (verbose resolve lines)

import type { CommandContext, CommandImpl } from '../runtime/sh/types';
import { fetchURL, type FetchOutcome } from './fetch';
import { header, utf8Length } from './http';
import { parseURL, versionAtLeast, type ParsedURL } from './tools';
import { parse, Usage, type Options } from './curl-options';
import { METER_HEADER, meterLine, writeOut } from './curl-output';
import type { Origin, Server, Traffic } from './traffic';

export interface CurlEnv {
  traffic: Traffic;
  origin: () => Origin;
  version: string;
  /** Whether stdout is a terminal when not piped (the host terminal; a container only with exec -t). */
  terminal: (ctx: CommandContext) => boolean;
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
  const meter = !o.silent && !o.noMeter && !toTerminal;
  const fail = async (codeNum: number, msg: string, extra = ''): Promise<number> => {
    if (meter) await err((ctx.now() - started >= 1000 ? meterLine(0, 0, ctx.now() - started) : '') + '\n');
    if (o.verbose) await info(versionAtLeast(v, '8.10.0') ? 'shutting down connection #0' : versionAtLeast(v, '8.0.0') ? 'Closing connection' : 'Closing connection 0');
    if (!o.silent || o.showError) await err(`curl: (${codeNum}) ${msg}\n${extra}`);
    return codeNum;
  };
  const parsed = parseURL(raw);
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

