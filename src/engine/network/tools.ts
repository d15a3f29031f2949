// Which network tools an image ships (busybox applets, curl and its version), and URL parsing shared by
// wget and curl.

export interface Toolbox {
  /** busybox wget. */
  wget: boolean;
  /** curl's version (messages changed between releases), when the image has curl. */
  curl?: string;
  /** busybox nslookup: 'legacy' before 1.29 (getaddrinfo output, the one the Kubernetes DNS docs show). */
  nslookup?: 'legacy' | 'modern';
  ping: boolean;
}

/** curl on the machine running kind (Ubuntu 24.04's). */
export const HOST_CURL_VERSION = '8.5.0';
const CURLIMAGES_LATEST = '8.11.1';

function splitImage(full: string): { repo: string; tag: string } {
  const at = full.indexOf('@');
  const ref = at >= 0 ? full.slice(0, at) : full;
  const colon = ref.lastIndexOf(':');
  if (colon > ref.lastIndexOf('/')) return { repo: ref.slice(0, colon), tag: ref.slice(colon + 1) };
  return { repo: ref, tag: 'latest' };
}

function versionLess(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

export function versionAtLeast(v: string, min: string): boolean {
  return !versionLess(v, min);
}

const BUSYBOX_ONLY: Toolbox = { wget: true, nslookup: 'modern', ping: true };
const NOTHING: Toolbox = { wget: false, ping: false };

/** The tools of an image given as the runtime's full reference (docker.io/library/busybox:1.28). */
export function toolbox(image: string | undefined): Toolbox {
  if (!image) return { ...BUSYBOX_ONLY, curl: CURLIMAGES_LATEST };
  const { repo, tag } = splitImage(image);
  switch (repo) {
    case 'docker.io/library/busybox':
    case 'registry.k8s.io/busybox': {
      const v = /^(\d+\.\d+)/.exec(tag)?.[1];
      return { wget: true, ping: true, nslookup: v && versionLess(v, '1.29') ? 'legacy' : 'modern' };
    }
    case 'docker.io/library/alpine':
      return BUSYBOX_ONLY;
    case 'docker.io/curlimages/curl':
      return { ...BUSYBOX_ONLY, curl: /^\d+\.\d+\.\d+$/.test(tag) ? tag : CURLIMAGES_LATEST };
    case 'docker.io/library/nginx':
      // Debian-based tags carry bookworm's curl; alpine ones busybox and Alpine's curl.
      return tag.includes('alpine') ? { ...BUSYBOX_ONLY, curl: CURLIMAGES_LATEST } : { ...NOTHING, curl: '7.88.1' };
    case 'docker.io/library/ubuntu':
    case 'docker.io/library/debian':
    case 'docker.io/library/httpd':
    case 'docker.io/library/redis':
    case 'docker.io/library/postgres':
    case 'docker.io/library/mysql':
      return tag.includes('alpine') ? BUSYBOX_ONLY : NOTHING;
    default:
      // Unknown images: assume a general-purpose base with busybox and curl.
      return { ...BUSYBOX_ONLY, curl: CURLIMAGES_LATEST };
  }
}

export interface ParsedURL {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path and query, starting with '/'. */
  target: string;
  /** The Host header value (host, plus :port when not the default). */
  hostHeader: string;
}

/** Parses http(s)://host[:port][/path]; a URL without a scheme is http. Undefined for other schemes or no host. */
export function parseURL(raw: string): ParsedURL | { error: 'scheme'; scheme: string } | undefined {
  let rest = raw;
  let scheme: 'http' | 'https' = 'http';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    const s = m[1].toLowerCase();
    if (s !== 'http' && s !== 'https') return { error: 'scheme', scheme: s };
    scheme = s;
    rest = rest.slice(m[0].length);
  }
  const slash = rest.search(/[/?#]/);
  let authority = slash < 0 ? rest : rest.slice(0, slash);
  let target = slash < 0 ? '/' : rest.slice(slash);
  if (target.startsWith('?')) target = '/' + target;
  target = target.replace(/#.*$/, '') || '/';
  const atSign = authority.lastIndexOf('@');
  if (atSign >= 0) authority = authority.slice(atSign + 1);
  let host = authority;
  let port = scheme === 'https' ? 443 : 80;
  const colon = authority.lastIndexOf(':');
  if (colon >= 0) {
    host = authority.slice(0, colon);
    const p = authority.slice(colon + 1);
    if (p !== '') {
      if (!/^\d+$/.test(p) || Number(p) > 65535) return undefined;
      port = Number(p);
    }
  }
  if (!host) return undefined;
  const defaultPort = scheme === 'https' ? 443 : 80;
  return { scheme, host, port, target, hostHeader: port === defaultPort ? host : `${host}:${port}` };
}
