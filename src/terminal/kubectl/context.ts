// What every kubectl command gets: the API client and REST mapper, output streams, the kubeconfig,
// the terminal's file system and stdin (for -f), time and cancellation.

import type { ApiClient } from '../api-client';
import type { ApiRequest, ApiResponse, KubeObject } from '../../engine/api/types';
import type { FileSystem } from '../../engine/runtime/sh/fs';
import type { InputStream, OutputStream } from '../../engine/runtime/sh/streams';
import type { ShellSignal } from '../../engine/runtime/sh/signal';
import { RESTMapper, type ResourceInfo, groupVersionOf } from './discovery';
import type { KubeConfig } from './config';
import { ServerError, isStatus } from './errors';
import { statusBody } from '../../engine/api/errors';
import { CLIENT_VERSION } from './commands/version';

/** rest.DefaultKubernetesUserAgent: the API server names field managers after its first word. */
export const USER_AGENT = `kubectl/${CLIENT_VERSION.gitVersion} (linux/amd64) kubernetes/${CLIENT_VERSION.gitCommit.slice(0, 7)}`;

/** The page provides an editor for `kubectl edit`; headless sessions have none. */
export interface EditorHost {
  edit(path: string, text: string): Promise<string | undefined>;
}

export interface KubectlEnv {
  client: ApiClient;
  mapper: RESTMapper;
  config: KubeConfig;
  fs: FileSystem;
  cwd: string;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  signal: ShellSignal;
  now(): number;
  sleep(ms: number): Promise<void>;
  editor?: EditorHost;
  /** Environment variables (KUBE_EDITOR, KUBECTL_EXTERNAL_DIFF…). */
  getenv(name: string): string | undefined;
  /** Runs a pod's container command (exec); provided by the host. */
  exec?: ExecHost;
}

export interface ExecOptions {
  namespace: string;
  pod: string;
  container: string;
  command: string[];
  stdin: boolean;
  tty: boolean;
}

export interface ExecHost {
  exec(opts: ExecOptions, io: { stdin: InputStream; stdout: OutputStream; stderr: OutputStream; signal: ShellSignal }): Promise<{ exitCode: number; error?: string }>;
}

export class Kubectl {
  readonly client: ApiClient;
  readonly mapper: RESTMapper;
  /** The user impersonated with --as (sent on every request). */
  as?: { user: string; groups: string[] };

  constructor(readonly env: KubectlEnv) {
    this.client = env.client;
    this.mapper = env.mapper;
  }

  out(text: string): Promise<void> | void {
    return this.env.stdout.write(text);
  }

  err(text: string): Promise<void> | void {
    return this.env.stderr.write(text);
  }

  /** A request; Warning headers are printed like kubectl does. */
  async request(req: ApiRequest): Promise<ApiResponse> {
    if (!req.headers?.['user-agent']) req = { ...req, headers: { ...req.headers, 'user-agent': USER_AGENT } };
    if (this.as) {
      // Impersonating a service account implies its groups, as the apiserver's impersonation filter adds them.
      const sa = /^system:serviceaccount:([^:]+):/.exec(this.as.user);
      const groups = [...this.as.groups, ...(sa ? ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`] : []), 'system:authenticated'];
      req = { ...req, headers: { ...req.headers, 'impersonate-user': this.as.user }, user: { username: this.as.user, groups } };
    }
    const res = await this.client.request(req);
    const w = res.headers['warning'];
    if (w) for (const text of parseWarnings(w)) await this.err(`Warning: ${text}\n`);
    return res;
  }

  /** A request whose non-2xx answer becomes a ServerError. */
  async call(req: ApiRequest): Promise<ApiResponse> {
    const res = await this.request(req);
    if (res.status >= 200 && res.status < 300) return res;
    if (isStatus(res.body)) throw new ServerError(res.body);
    throw new ServerError(statusBody(res.status, undefined, typeof res.body === 'string' ? res.body : `the server responded with the status code ${res.status} but did not return more information`));
  }

  resourcePath(r: ResourceInfo, namespace: string | undefined, name?: string, sub?: string): string {
    const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
    let p = base;
    if (r.namespaced && namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
    p += `/${r.resource}`;
    if (name !== undefined) p += `/${encodeURIComponent(name)}`;
    if (sub) p += `/${sub}`;
    return p;
  }

  async get(r: ResourceInfo, namespace: string | undefined, name: string): Promise<KubeObject> {
    const res = await this.call({ method: 'GET', path: this.resourcePath(r, namespace, name) });
    return res.body as KubeObject;
  }

  async list(r: ResourceInfo, namespace: string | undefined, query: Record<string, string> = {}): Promise<{ items: KubeObject[]; metadata?: { resourceVersion?: string } }> {
    const res = await this.call({ method: 'GET', path: this.resourcePath(r, namespace), query });
    return res.body as { items: KubeObject[] };
  }

  get namespace(): string {
    return this.env.config.namespace;
  }
}

/** `299 - "text", 299 - "other"` → texts. */
export function parseWarnings(h: string): string[] {
  const out: string[] = [];
  const re = /\d{3} \S+ "((?:[^"\\]|\\.)*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(h))) out.push(JSON.parse(`"${m[1]}"`));
  return out;
}

export { groupVersionOf };
