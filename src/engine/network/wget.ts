// busybox wget in containers: -q, -O FILE|-, -T SEC, -S, --spider, -U, --header, redirects, and its exact
// messages ("Connecting to web (10.96.0.5:80)", the non-tty progress line, "bad address", "download timed out").
// mirrors: busybox networking/wget.c, libbb/progress.c (bb_progress_update), libbb/human_readable.c

import type { CommandContext, CommandImpl } from '../runtime/sh/types';
import { getopt, isOptError } from '../runtime/sh/utils/getopt';
import { BUSYBOX_BANNER } from '../runtime/sh/utils/usage';
import { FsError } from '../runtime/sh/fs';
import { fetchURL } from './fetch';
import { header, utf8Length } from './http';
import { parseURL, type ParsedURL } from './tools';
import type { Origin, Traffic } from './traffic';

const USAGE = `Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

	--spider	Only check URL existence: $? is 0 if exists
	--header STR	Add STR (of form 'header: value') to headers
	--post-data STR	Send STR using POST method
	--post-file FILE	Send FILE using POST method
	--no-check-certificate	Don't validate the server's certificate
	-c		Continue retrieval of aborted transfer
	-q		Quiet
	-P DIR		Save to DIR (default .)
	-S    		Show server response
	-T SEC		Network read timeout is SEC seconds
	-O FILE		Save to FILE ('-' for stdout)
	-o LOGFILE	Log messages to FILE
	-U STR		Use STR for User-Agent header
	-Y on/off	Use proxy
`;

const SPEC = {
  short: 'cqSO:o:P:Y:U:T:t:n::',
  long: {
    continue: 'c',
    quiet: 'q',
    'server-response': 'S',
    'output-document=': 'O',
    'output-file=': 'o',
    'directory-prefix=': 'P',
    'proxy=': 'Y',
    'user-agent=': 'U',
    'timeout=': 'T',
    'tries=': 't',
    'header=': 'header',
    'post-data=': 'post-data',
    spider: 'spider',
    'no-check-certificate': 'ignore',
    'post-file=': 'post-file',
    'passive-ftp': 'ignore',
    'no-cache': 'ignore',
    'no-verbose': 'ignore',
    'no-clobber': 'ignore',
    'no-host-directories': 'ignore',
    'no-parent': 'ignore',
  },
};

/** busybox's 5-column size: "  615", "12345", " 123k", "92.1M". */
export function smartSize5(n: number): string {
  const scale = ' kMGTPEZY';
  let idx = 0;
  let ul = n;
  if (ul > 99999) {
    ul *= 10;
    do {
      ul = Math.floor(ul / 1024);
      idx++;
    } while (ul >= 100000);
  }
  if (!idx) return String(ul).padStart(5, ' ');
  const u = Math.floor(ul / 10);
  const v = ul % 10;
  if (u >= 100) return (String(Math.floor(u / 10)).padStart(3, ' ') + String(u % 10) + scale[idx]).slice(-5);
  return `${String(u).padStart(2, ' ')}.${v}${scale[idx]}`;
}

/** The progress meter's last line when stderr is not a terminal (80 columns: a 32-star bar). */
export function progressLine(curfile: string, bytes: number): string {
  const name = curfile.length > 20 ? curfile.slice(0, 20) : curfile.padEnd(20, ' ');
  return `${name} 100% |${'*'.repeat(32)}| ${smartSize5(bytes)}  0:00:00 ETA\n`;
}

class Die extends Error {}

export function wgetCommand(traffic: Traffic, origin: () => Origin): CommandImpl {
  return async (argv, ctx) => {
    const err = (s: string) => ctx.io.stderr.write(s);
    const die = async (msg: string): Promise<never> => {
      await err(`wget: ${msg}\n`);
      throw new Die();
    };
    const p = getopt(argv.slice(1), SPEC);
    if (isOptError(p)) {
      const opt = p.kind === 'invalid' || p.kind === 'missing' ? `-- '${p.opt}'` : `'${p.opt}'`;
      const text = p.kind === 'invalid' ? `invalid option ${opt}` : p.kind === 'missing' ? `option requires an argument ${opt}` : p.kind === 'unrecognized' ? `unrecognized option ${opt}` : `option '${p.opt}' requires an argument`;
      await err(`wget: ${text}\n${BUSYBOX_BANNER}\n\n${USAGE}`);
      return 1;
    }
    if (p.operands.length === 0) {
      await err(`${BUSYBOX_BANNER}\n\n${USAGE}`);
      return 1;
    }
    let quiet = false;
    let serverResponse = false;
    let spider = false;
    let out: string | undefined;
    let timeoutSec = 900;
    let agent = 'Wget';
    let postData: string | undefined;
    const headers: [string, string][] = [];
    for (const [k, v] of p.opts) {
      if (k === 'q') quiet = true;
      else if (k === 'S') serverResponse = true;
      else if (k === 'spider') spider = true;
      else if (k === 'O') out = v;
      else if (k === 'U') agent = v;
      else if (k === 'post-data') postData = v;
      else if (k === 'header') {
        const i = v.indexOf(':');
        if (i > 0) headers.push([v.slice(0, i).trim(), v.slice(i + 1).trim()]);
      } else if (k === 'T') {
        if (!/^\d+$/.test(v)) {
          await err(`wget: invalid number '${v}'\n`);
          return 1;
        }
        timeoutSec = Number(v);
      }
    }
    try {
      for (const raw of p.operands) {
        await downloadOne(ctx, traffic, origin(), raw, { quiet, serverResponse, spider, out, timeoutMs: timeoutSec > 0 ? timeoutSec * 1000 : Infinity, agent, postData, headers, die });
      }
      return 0;
    } catch (e) {
      if (e instanceof Die) return 1;
      throw e;
    }
  };
}

interface Opts {
  quiet: boolean;
  serverResponse: boolean;
  spider: boolean;
  out?: string;
  timeoutMs: number;
  agent: string;
  postData?: string;
  headers: [string, string][];
  die: (msg: string) => Promise<never>;
}

async function downloadOne(ctx: CommandContext, traffic: Traffic, origin: Origin, raw: string, o: Opts): Promise<void> {
  const err = (s: string) => ctx.io.stderr.write(s);
  const parsed = parseURL(raw);
  if (parsed && 'error' in parsed) return o.die(`not an http or ftp url: ${parsed.scheme}`);
  if (!parsed) return o.die(`bad address '${raw}'`);
  let url: ParsedURL = parsed;
  const toStdout = o.out === '-';
  const fname = o.out ?? (url.target.replace(/[?#].*$/, '').split('/').pop() || 'index.html');
  let sameServer: string | undefined;
  for (let redirects = 0; ; redirects++) {
    if (url.scheme === 'https' && !o.quiet) await err('wget: note: TLS certificate validation not implemented\n');
    // A --header 'Host: …' replaces the one wget would send (its USR_HEADER_HOST).
    const userHost = o.headers.find(([k]) => k.toLowerCase() === 'host')?.[1];
    const res = await fetchURL(ctx, traffic, origin, userHost ? { ...url, hostHeader: userHost } : url, {
      method: o.postData !== undefined ? 'POST' : 'GET',
      headers: [['User-Agent', o.agent], ...o.headers.filter(([k]) => k.toLowerCase() !== 'host')],
      body: o.postData,
      close: true,
      connectTimeoutMs: o.timeoutMs,
      readTimeoutMs: o.timeoutMs,
      address: sameServer,
      onResolved: async (ip) => {
        if (!o.quiet && !sameServer) await err(`Connecting to ${url.host} (${ip}:${url.port})\n`);
      },
    });
    if (!res.ok) {
      switch (res.stage) {
        case 'aborted':
          throw new Die();
        case 'resolve':
          return o.die(`bad address '${url.host}'`);
        case 'connect':
          if (res.error === 'client-timeout') return o.die('download timed out');
          return o.die(`can't connect to remote host (${res.ip}): ${res.error === 'refused' ? 'Connection refused' : res.error === 'unreachable' ? 'No route to host' : 'Connection timed out'}`);
        case 'response':
          if (res.error === 'client-timeout') return o.die('download timed out');
          return o.die('error getting response');
      }
    }
    const r = res.response;
    const status = `HTTP/1.1 ${r.status} ${r.reason}`.trimEnd();
    if (o.serverResponse) await err(`  ${status}\n`);
    const redirect = [300, 301, 302, 303, 307, 308].includes(r.status);
    if (!(r.status >= 200 && r.status <= 204) && !redirect) return o.die(`server returned error: ${status}`);
    if (o.serverResponse) await err(r.headers.map(([k, v]) => `  ${k}: ${v}\n`).join('') + '  \n');
    const location = redirect ? header(r, 'location') : undefined;
    if (location) {
      if (redirects >= 15) return o.die('too many redirections');
      if (location.startsWith('/')) {
        sameServer = res.ip;
        url = { ...url, target: location };
      } else {
        const next = parseURL(location);
        if (!next || 'error' in next) return o.die(`not an http or ftp url: ${next && 'error' in next ? next.scheme : location}`);
        sameServer = undefined;
        url = next;
      }
      continue;
    }
    if (o.spider) {
      if (!o.quiet) await err('remote file exists\n');
      return;
    }
    if (!toStdout) {
      const path = ctx.resolve(fname);
      if (o.out === undefined && ctx.fs.stat(path)) return o.die(`can't open '${fname}': File exists`);
      try {
        ctx.fs.writeFile(path, r.body);
      } catch (e) {
        return o.die(`can't open '${fname}': ${e instanceof FsError ? e.message : 'No such file or directory'}`);
      }
    }
    if (!o.quiet) await err(toStdout ? 'writing to stdout\n' : `saving to '${fname}'\n`);
    if (toStdout) await ctx.io.stdout.write(r.body);
    if (!o.quiet) {
      await err(progressLine(toStdout ? '-' : fname.slice(fname.lastIndexOf('/') + 1), utf8Length(r.body)));
      await err(toStdout ? 'written to stdout\n' : `'${fname}' saved\n`);
    }
    return;
  }
}
