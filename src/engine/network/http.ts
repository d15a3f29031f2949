// HTTP/1.1 as the simulated servers speak it: requests, responses, reason phrases, and the headers each
// kind of server sends (nginx, Apache, Go's net/http) around the image catalog's answer.

import { utf8Length } from '../util/utf8';
import type { ImageEntry } from '../runtime/images';

export interface HttpRequest {
  method: string;
  /** Path with query, starting with '/'. */
  target: string;
  /** The Host header. */
  host: string;
  headers: [string, string][];
  body?: string;
  /** The client asked to close after the response (busybox wget does). */
  close?: boolean;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

/** Reason phrases as the servers here spell them (nginx: "Service Temporarily Unavailable", "Gateway Time-out"). */
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}

/** An HTTP date (RFC 7231 IMF-fixdate) for a simulated instant. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

export function header(res: { headers: [string, string][] }, name: string): string | undefined {
  const n = name.toLowerCase();
  return res.headers.find(([k]) => k.toLowerCase() === n)?.[1];
}

/** The path part of a request target (no query). */
export function pathOf(target: string): string {
  const q = target.search(/[?#]/);
  return q < 0 ? target : target.slice(0, q);
}

/** nginx's built-in error page (also ingress-nginx's default backend and upstream errors); nginx writes CRLF. */
export function nginxErrorPage(status: number, server = 'nginx'): string {
  const title = `${status} ${reasonPhrase(status)}`;
  return [`<html>`, `<head><title>${title}</title></head>`, `<body>`, `<center><h1>${title}</h1></center>`, `<hr><center>${server}</center>`, `</body>`, `</html>`, ''].join('\r\n');
}

/** nginx version reported in the Server header for an image tag (1.27 → the patch a pull gets today). */
const NGINX_MINOR: Record<string, string> = {
  '1.19': '1.19.10', '1.20': '1.20.2', '1.21': '1.21.6', '1.22': '1.22.1', '1.23': '1.23.4', '1.24': '1.24.0',
  '1.25': '1.25.5', '1.26': '1.26.2', '1.27': '1.27.3', '1.28': '1.28.0', '1.29': '1.29.1',
};

function nginxVersion(tag: string): string {
  const full = /^(\d+\.\d+\.\d+)/.exec(tag);
  if (full) return full[1];
  const minor = /^(\d+\.\d+)/.exec(tag);
  return (minor && NGINX_MINOR[minor[1]]) || '1.27.3';
}

type Family = 'nginx' | 'apache' | 'php-apache' | 'go' | 'http-echo' | 'echoserver';

function family(image: ImageEntry): Family {
  switch (image.repository) {
    case 'docker.io/library/nginx':
      return 'nginx';
    case 'docker.io/library/httpd':
      return 'apache';
    case 'registry.k8s.io/hpa-example':
      return 'php-apache';
    case 'docker.io/hashicorp/http-echo':
      return 'http-echo';
    case 'registry.k8s.io/echoserver':
      return 'echoserver';
    default:
      return 'go';
  }
}

/** Builds a server's full response around the catalog's answer (status, body, content type). */
export function serverResponse(image: ImageEntry, tag: string, req: HttpRequest, answer: { status: number; body: string; contentType?: string }, now: number): HttpResponse {
  const body = req.method === 'HEAD' ? '' : answer.body;
  const len = String(utf8Length(answer.body));
  const date = httpDate(now);
  const conn = req.close ? 'close' : 'keep-alive';
  const type = answer.contentType ?? 'text/plain';
  const h: [string, string][] = [];
  switch (family(image)) {
    case 'nginx':
    case 'echoserver':
      h.push(['Server', family(image) === 'nginx' ? `nginx/${nginxVersion(tag)}` : 'echoserver'], ['Date', date], ['Content-Type', type], ['Content-Length', len]);
      if (answer.status === 200 && family(image) === 'nginx') h.push(['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT']);
      h.push(['Connection', conn]);
      if (answer.status === 200 && family(image) === 'nginx') h.push(['ETag', `"6745ef54-${Number(len).toString(16)}"`], ['Accept-Ranges', 'bytes']);
      break;
    case 'apache':
    case 'php-apache':
      h.push(['Date', date], ['Server', family(image) === 'apache' ? 'Apache/2.4.62 (Unix)' : 'Apache/2.4.10 (Debian)']);
      if (family(image) === 'php-apache') h.push(['X-Powered-By', 'PHP/5.6.40']);
      h.push(['Content-Length', len], ['Connection', conn === 'close' ? 'close' : 'Keep-Alive'], ['Content-Type', `${type}; charset=UTF-8`]);
      break;
    case 'http-echo':
      h.push(['X-App-Name', 'http-echo'], ['X-App-Version', tag.startsWith('0.') ? tag : '1.0.0']);
      if (req.close) h.push(['Connection', 'close']);
      h.push(['Date', date], ['Content-Length', len], ['Content-Type', 'text/plain; charset=utf-8']);
      break;
    case 'go':
      h.push(['Content-Type', `${type}; charset=utf-8`]);
      if (req.close) h.push(['Connection', 'close']);
      h.push(['Date', date], ['Content-Length', len]);
      break;
  }
  return { status: answer.status, reason: reasonPhrase(answer.status), headers: h, body };
}

/**
 * A response nginx generates itself (error pages, redirects). ingress-nginx clears the Server header
 * (server-tokens: false), so there is none unless given.
 */
export function nginxResponse(status: number, req: HttpRequest, now: number, extra: [string, string][] = [], server?: string): HttpResponse {
  const page = nginxErrorPage(status);
  const headers: [string, string][] = [];
  if (server) headers.push(['Server', server]);
  headers.push(['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(page.length)], ['Connection', req.close ? 'close' : 'keep-alive'], ...extra);
  return { status, reason: reasonPhrase(status), headers, body: req.method === 'HEAD' ? '' : page };
}

export { utf8Length };
