// busybox ping: pod and node addresses answer; Service IPs do not (kube-proxy only forwards their ports),
// nor do pods behind a NetworkPolicy that allows no ICMP. Runs until -c packets or Ctrl-C, then the summary.
// mirrors: busybox networking/ping.c (print_stats_and_exit, unpack4)

import type { CommandImpl } from '../runtime/sh/types';
import { BUSYBOX_BANNER } from '../runtime/sh/utils/usage';
import { getopt, isOptError } from '../runtime/sh/utils/getopt';
import type { Origin, Traffic } from './traffic';

const USAGE = `Usage: ping [OPTIONS] HOST

Send ICMP ECHO_REQUESTs to HOST

	-4,-6		Force IP or IPv6 name resolution
	-c CNT		Send only CNT pings
	-s SIZE		Send SIZE data bytes in packets (default 56)
	-i SECS		Interval
	-A		Ping as soon as reply is received
	-t TTL		Set TTL
	-I IFACE/IP	Source interface or IP address
	-W SEC		Seconds to wait for the first response (default 10)
			(after all -c CNT packets are sent)
	-w SEC		Seconds until ping exits (default:infinite)
			(can exit earlier with -c CNT)
	-q		Quiet, only display output at start/finish
	-p HEXBYTE	Payload pattern
`;

function ms3(us: number): string {
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

export function pingCommand(traffic: Traffic, origin: () => Origin): CommandImpl {
  return async (argv, ctx) => {
    const out = (s: string) => ctx.io.stdout.write(s);
    const p = getopt(argv.slice(1), { short: '46c:s:i:At:I:W:w:qp:' });
    if (isOptError(p) || p.operands.length !== 1) {
      await ctx.io.stderr.write(`${BUSYBOX_BANNER}\n\n${USAGE}`);
      return 1;
    }
    let count = Infinity;
    let size = 56;
    let deadline = Infinity;
    let quiet = false;
    for (const [k, v] of p.opts) {
      if (k === 'c') count = Number(v) || Infinity;
      else if (k === 's') size = Number(v) || 56;
      else if (k === 'w') deadline = Number(v) * 1000 || Infinity;
      else if (k === 'q') quiet = true;
    }
    const host = p.operands[0];
    const o = origin();
    const r = traffic.resolve(o, host);
    if (!r.ok) {
      await ctx.sleep(r.afterMs);
      await ctx.io.stderr.write(`ping: bad address '${host}'\n`);
      return 1;
    }
    const ip = r.ips[0];
    const answers = answersPing(traffic, o, ip);
    await out(`PING ${host} (${ip}): ${size} data bytes\n`);
    const start = ctx.now();
    const times: number[] = [];
    let sent = 0;
    while (sent < count && ctx.now() - start < deadline && !ctx.signal.aborted) {
      sent++;
      if (answers) {
        const us = 60 + ((sent * 37 + ip.length * 11) % 90);
        times.push(us);
        if (!quiet) await out(`${size + 8} bytes from ${ip}: seq=${sent - 1} ttl=${ip === '127.0.0.1' ? 64 : 63} time=${ms3(us)} ms\n`);
      }
      if (sent < count) await ctx.sleep(1000);
    }
    // Without replies, the last probe is waited for (-W, 10 s by default).
    if (!answers && !ctx.signal.aborted && sent >= count) await ctx.sleep(10_000);
    const loss = sent ? Math.floor(((sent - times.length) * 100) / sent) : 0;
    let text = `\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${times.length} packets received, ${loss}% packet loss\n`;
    if (times.length) {
      const min = Math.min(...times);
      const max = Math.max(...times);
      const avg = Math.floor(times.reduce((a, b) => a + b, 0) / times.length);
      text += `round-trip min/avg/max = ${ms3(min)}/${ms3(avg)}/${ms3(max)} ms\n`;
    }
    await out(text);
    return times.length ? 0 : 1;
  };
}

/** Whether ICMP echo to ip gets a reply: pods (policy permitting), nodes, loopback; never Service VIPs. */
function answersPing(traffic: Traffic, o: Origin, ip: string): boolean {
  if (ip === '127.0.0.1') return true;
  if (traffic.services.byVip(ip)) return false;
  return traffic.echo(o, ip);
}
