// busybox nslookup against cluster DNS, in both of its output formats: the modern applet (1.29+: one
// reply block per query and search domain, NXDOMAIN lines, "Address: 10.96.0.10:53") and the legacy one
// (1.28 and older, as shown in the Kubernetes DNS debugging docs: getaddrinfo plus reverse names).
// mirrors: busybox networking/nslookup.c (1.36 and 1.28)

import type { CommandContext, CommandImpl } from '../runtime/sh/types';
import { BUSYBOX_BANNER } from '../runtime/sh/utils/usage';
import { CLUSTER_DNS_IP, isIPv4 } from './addresses';
import { DNS_TIMEOUT_MS, RTT_MS, type Origin, type Traffic } from './traffic';

const MODERN_USAGE = `Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,any
`;
const LEGACY_USAGE = `Usage: nslookup [HOST] [SERVER]

Query the nameserver for the IP address of the given HOST
optionally using a specified DNS server
`;

export function nslookupCommand(traffic: Traffic, origin: () => Origin, flavor: 'legacy' | 'modern'): CommandImpl {
  return async (argv, ctx) => {
    const args = argv.slice(1);
    const opts = args.filter((a) => a.startsWith('-'));
    const operands = args.filter((a) => !a.startsWith('-'));
    if (operands.length === 0 || operands.length > 2 || (flavor === 'legacy' && opts.length)) {
      await ctx.io.stderr.write(`${BUSYBOX_BANNER}\n\n${flavor === 'legacy' ? LEGACY_USAGE : MODERN_USAGE}`);
      return 1;
    }
    const o = origin();
    return flavor === 'legacy' ? legacy(ctx, traffic, o, operands[0], operands[1]) : modern(ctx, traffic, o, operands[0], operands[1]);
  };
}

/** Whether the DNS server at `server` answers this client: the cluster DNS Service or a CoreDNS pod IP. */
function serverState(traffic: Traffic, o: Origin, server: string): 'ok' | 'timeout' | 'refused' {
  if (server === CLUSTER_DNS_IP) return traffic.dnsReachable(o);
  const d = traffic.dial(o, server, 53, 'UDP');
  return d.ok ? 'ok' : d.error === 'refused' ? 'refused' : 'timeout';
}

async function modern(ctx: CommandContext, traffic: Traffic, o: Origin, host: string, server?: string): Promise<number> {
  const out = (s: string) => ctx.io.stdout.write(s);
  const ns = server ?? CLUSTER_DNS_IP;
  if (!isIPv4(ns)) {
    await ctx.io.stderr.write(`nslookup: bad address '${ns}'\n`);
    return 1;
  }
  const state = o.clusterDNS || server ? serverState(traffic, o, ns) : 'timeout';
  if (state !== 'ok') {
    await ctx.sleep(DNS_TIMEOUT_MS);
    if (ctx.signal.aborted) return 1;
    await out(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  await ctx.sleep(RTT_MS);
  if (ctx.signal.aborted) return 1;
  await out(`Server:\t\t${ns}\nAddress:\t${ns}:53\n\n`);
  let failed = false;
  if (isIPv4(host)) {
    const ptr = host.split('.').reverse().join('.') + '.in-addr.arpa';
    const name = traffic.dns.reverse(host);
    if (name) await out(`${ptr}\tname = ${name}\n\n`);
    else {
      await out(`** server can't find ${ptr}: NXDOMAIN\n\n`);
      failed = true;
    }
    return failed ? 1 : 0;
  }
  // The search list applies to dot-less names, and only when resolv.conf was read (no server argument).
  const names = !server && !host.includes('.') && o.namespace ? traffic.dns.searchList(o.namespace).map((d) => `${host}.${d}`) : [host];
  for (const type of ['A', 'AAAA'] as const) {
    for (const name of names) {
      const a = traffic.dns.query(name, type);
      if (a.rcode !== 'NOERROR') {
        await out(`** server can't find ${name}: ${a.rcode}\n\n`);
        failed = true;
        continue;
      }
      let text = a.authoritative ? '' : 'Non-authoritative answer:\n';
      for (const r of a.records) text += r.type === 'A' ? `Name:\t${r.name}\nAddress: ${r.ip}\n` : `${r.name}\tcanonical name = ${r.target}\n`;
      await out(text + '\n');
    }
  }
  return failed ? 1 : 0;
}

async function legacy(ctx: CommandContext, traffic: Traffic, o: Origin, host: string, server?: string): Promise<number> {
  const out = (s: string) => ctx.io.stdout.write(s);
  const ns = server ?? CLUSTER_DNS_IP;
  const state = o.clusterDNS || server ? serverState(traffic, o, ns) : 'timeout';
  const rev = (ip: string) => (state === 'ok' ? traffic.dns.reverse(ip) : undefined);
  if (state !== 'ok') await ctx.sleep(DNS_TIMEOUT_MS);
  else await ctx.sleep(RTT_MS);
  if (ctx.signal.aborted) return 1;
  const serverName = rev(ns);
  await out(`${'Server:'.padEnd(10)} ${ns}\nAddress 1: ${ns}${serverName ? ' ' + serverName : ''}\n\n`);
  let ips: string[] | undefined;
  if (isIPv4(host)) ips = [host];
  else if (state === 'ok') ips = traffic.dns.resolve(host, o.namespace)?.ips;
  if (!ips) {
    if (state !== 'ok') await ctx.sleep(DNS_TIMEOUT_MS);
    await ctx.io.stderr.write(`nslookup: can't resolve '${host}'\n`);
    return 1;
  }
  let text = `${'Name:'.padEnd(10)} ${host}\n`;
  ips.forEach((ip, i) => {
    const name = rev(ip);
    text += `Address ${i + 1}: ${ip}${name ? ' ' + name : ''}\n`;
  });
  await out(text);
  return 0;
}
