// IPv4 helpers and the simulated network's fixed addresses (kind's docker network, the cluster DNS).

export const CLUSTER_DOMAIN = 'cluster.local';
export const CLUSTER_DNS_IP = '10.96.0.10';
/** kind's docker bridge: nodes are 172.18.0.2…, the host (where `kubeplay curl` runs) is the gateway. */
export const HOST_IP = '172.18.0.1';
export const LOOPBACK = '127.0.0.1';

export function isIPv4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((p) => Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
}

export function ipToInt(ip: string): number {
  let n = 0;
  for (const part of ip.split('.')) n = n * 256 + Number(part);
  return n;
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Whether ip lies in a CIDR block (a.b.c.d/len); false for malformed input. */
export function cidrContains(cidr: string, ip: string): boolean {
  const slash = cidr.indexOf('/');
  const base = slash < 0 ? cidr : cidr.slice(0, slash);
  const len = slash < 0 ? 32 : Number(cidr.slice(slash + 1));
  if (!isIPv4(base) || !isIPv4(ip) || !Number.isInteger(len) || len < 0 || len > 32) return false;
  if (len === 0) return true;
  const mask = len === 32 ? 0xffffffff : ~((1 << (32 - len)) - 1) >>> 0;
  return ((ipToInt(base) & mask) >>> 0) === ((ipToInt(ip) & mask) >>> 0);
}

/** 10.244.1.5 → 10-244-1-5 (pod A records and headless endpoint names). */
export function dashed(ip: string): string {
  return ip.replace(/\./g, '-');
}

/** 10-244-1-5 → 10.244.1.5, or undefined when the label is not a dashed IPv4 address. */
export function undashed(label: string): string | undefined {
  const ip = label.replace(/-/g, '.');
  return /^\d+-\d+-\d+-\d+$/.test(label) && isIPv4(ip) ? ip : undefined;
}
