// What curl prints besides the body: the progress meter (when output is not a terminal) and --write-out.
// mirrors: curl lib/progress.c (progress_meter, max5data, time2str), src/tool_writeout.c

import type { CommandContext } from '../runtime/sh/types';
import type { Options } from './curl-options';

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

export const METER_HEADER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

export function meterLine(size: number, got: number, elapsedMs: number): string {
  const speed = elapsedMs > 0 ? Math.floor((got * 1000) / elapsedMs) : got;
  const pct = (cur: number, total: number) => String(total > 0 ? Math.floor((cur * 100) / total) : 0).padStart(3, ' ');
  const spent = Math.floor(elapsedMs / 1000);
  return `\r${pct(got, size)} ${max5(size)}  ${pct(got, size)} ${max5(got)}  ${pct(0, 0)} ${max5(0)}  ${max5(speed)}  ${max5(0)} ${time2str(0)} ${time2str(spent)} ${time2str(0)} ${max5(speed)}`;
}

export interface WriteOutVars {
  code: number;
  elapsedMs: number;
  ip: string;
  port: number;
  size: number;
  url: string;
  type?: string;
  redirects: number;
}

export async function writeOut(ctx: CommandContext, o: Options, w: WriteOutVars): Promise<void> {
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
