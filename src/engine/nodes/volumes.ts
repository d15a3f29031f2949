// Pod volumes as files in containers: emptyDir shared by the pod's containers, configMap/secret/projected/
// downwardAPI content (updated after the kubelet's sync delay), hostPath on the node, and PersistentVolume data
// that survives the pod and follows the claim to another node.
// mirrors: pkg/volume/{emptydir,configmap,secret,projected,downwardapi,hostpath}, kubelet volumemanager

import type { ConfigMap, Container, Pod, Secret, Volume, PersistentVolumeClaim, KeyToPath } from 'kubernetes-types/core/v1';
import type { PodWorker } from './pod-worker';
import { MemFS } from '../runtime/sh/memfs';
import { decodeBase64 } from '../util/base64';
import { encodeBase64 } from '../util/base64';
import { CLUSTER_CA_PEM } from '../controllers/serviceaccount/serviceaccounts';
import { hashString } from '../clock/rng';

/** How long the kubelet takes to notice ConfigMap/Secret changes in volumes (sync period + cache TTL). */
export const VOLUME_SYNC_MS = 60_000;

/** Files of a volume by relative path, with their modes. */
type Content = Record<string, { data: string; mode: number }>;

/** The API default of defaultMode (0644). */
const DEFAULT_MODE = 0o644;

/** Files of a volume source, or the reason it cannot be mounted yet. */
function contentOf(w: PodWorker, v: Volume): { files: Content } | { error: string } | undefined {
  const store = w.deps.ctx.store;
  const ns = w.pod.metadata!.namespace!;
  const pick = (data: Record<string, string>, items: readonly KeyToPath[] | undefined, decode: boolean, kind: string, mode: number | undefined): { files: Content } | { error: string } => {
    const files: Content = {};
    const value = (k: string) => (decode ? decodeBase64(data[k]) ?? '' : data[k]);
    const dflt = mode ?? DEFAULT_MODE;
    if (items?.length) {
      for (const it of items) {
        if (!(it.key in data)) return { error: `${kind === 'secret' ? 'secret' : 'configmap'} references non-existent config key: ${it.key}` };
        files[it.path] = { data: value(it.key), mode: it.mode ?? dflt };
      }
    } else for (const k of Object.keys(data)) files[k] = { data: value(k), mode: dflt };
    return { files };
  };
  if (v.configMap) {
    const cm = store.get('configmaps', ns, v.configMap.name!) as ConfigMap | undefined;
    if (!cm) return v.configMap.optional ? { files: {} } : { error: `configmap "${v.configMap.name}" not found` };
    return pick({ ...(cm.data ?? {}) }, v.configMap.items, false, 'configmap', v.configMap.defaultMode);
  }
  if (v.secret) {
    const s = store.get('secrets', ns, v.secret.secretName!) as Secret | undefined;
    if (!s) return v.secret.optional ? { files: {} } : { error: `secret "${v.secret.secretName}" not found` };
    return pick({ ...(s.data ?? {}) }, v.secret.items, true, 'secret', v.secret.defaultMode);
  }
  if (v.downwardAPI) {
    const files: Content = {};
    for (const it of v.downwardAPI.items ?? []) files[it.path] = { data: downward(w.pod, it.fieldRef?.fieldPath), mode: it.mode ?? v.downwardAPI.defaultMode ?? DEFAULT_MODE };
    return { files };
  }
  if (v.projected) {
    const files: Content = {};
    const mode = v.projected.defaultMode ?? DEFAULT_MODE;
    for (const src of v.projected.sources ?? []) {
      if (src.serviceAccountToken) files[src.serviceAccountToken.path] = { data: fakeToken(w), mode };
      if (src.configMap) {
        const r = contentOf(w, { name: v.name, configMap: { ...src.configMap, defaultMode: mode } });
        if (r && 'error' in r) return r;
        if (r) Object.assign(files, r.files);
      }
      if (src.secret) {
        const r = contentOf(w, { name: v.name, secret: { secretName: src.secret.name, items: src.secret.items, optional: src.secret.optional, defaultMode: mode } });
        if (r && 'error' in r) return r;
        if (r) Object.assign(files, r.files);
      }
      if (src.downwardAPI) for (const it of src.downwardAPI.items ?? []) files[it.path] = { data: downward(w.pod, it.fieldRef?.fieldPath), mode: it.mode ?? mode };
    }
    return { files };
  }
  return undefined;
}

function downward(pod: Pod, path: string | undefined): string {
  switch (path) {
    case 'metadata.namespace':
      return pod.metadata!.namespace!;
    case 'metadata.name':
      return pod.metadata!.name!;
    case 'metadata.uid':
      return pod.metadata!.uid!;
    case 'metadata.labels':
      return Object.entries(pod.metadata?.labels ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n');
    case 'metadata.annotations':
      return Object.entries(pod.metadata?.annotations ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n');
  }
  return '';
}

/** A JWT-shaped token (not signed by anything real). */
function fakeToken(w: PodWorker): string {
  const header = encodeBase64(JSON.stringify({ alg: 'RS256', kid: 'kubeplay' })).replace(/=+$/, '');
  const claims = encodeBase64(
    JSON.stringify({ aud: ['https://kubernetes.default.svc.cluster.local'], iss: 'https://kubernetes.default.svc.cluster.local', sub: `system:serviceaccount:${w.pod.metadata!.namespace}:${w.pod.spec?.serviceAccountName ?? 'default'}` }),
  ).replace(/=+$/, '');
  return `${header}.${claims}.a3ViZXBsYXktc2ltdWxhdGVkLXNpZ25hdHVyZQ`;
}

/** The pod's volumes on this node: built once, mounted into each container, refreshed on source changes. */
export class PodVolumes {
  private fs = new Map<string, MemFS>();
  /** What each configMap/secret/projected/downwardAPI volume holds now (to skip refreshes that change nothing). */
  private content = new Map<string, Content>();
  private refreshTimer?: number;

  constructor(private readonly w: PodWorker) {}

  /** Undefined when every volume can be mounted; otherwise the FailedMount message. */
  setup(): string | undefined {
    const w = this.w;
    for (const v of w.pod.spec?.volumes ?? []) {
      if (this.fs.has(v.name)) continue;
      const r = this.build(v);
      if (typeof r === 'string') return `MountVolume.SetUp failed for volume "${v.name}" : ${r}`;
      if (r) this.fs.set(v.name, r);
    }
    return undefined;
  }

  private build(v: Volume): MemFS | string | undefined {
    const w = this.w;
    const now = () => w.deps.clock.now();
    if (v.emptyDir) return w.volumeFs(v.name) as MemFS;
    if (v.hostPath) return w.kubelet.hostPath(v.hostPath.path);
    if (v.persistentVolumeClaim) {
      const pvc = w.deps.ctx.store.get('persistentvolumeclaims', w.pod.metadata!.namespace, v.persistentVolumeClaim.claimName) as PersistentVolumeClaim | undefined;
      if (!pvc) return `persistentvolumeclaim "${v.persistentVolumeClaim.claimName}" not found`;
      if (pvc.status?.phase !== 'Bound' || !pvc.spec?.volumeName) return `PVC ${w.pod.metadata!.namespace}/${v.persistentVolumeClaim.claimName} is not bound`;
      return w.kubelet.volumeData(pvc.spec.volumeName);
    }
    const c = contentOf(w, v);
    if (!c) return new MemFS(now);
    if ('error' in c) return c.error;
    const fs = new MemFS(now);
    writeAtomic(fs, c.files, now(), `${w.pod.metadata!.uid}/${v.name}`);
    this.content.set(v.name, c.files);
    return fs;
  }

  /** Mounts the container's volumeMounts into its file system. */
  mountInto(root: MemFS, c: Container): void {
    for (const m of c.volumeMounts ?? []) {
      const vfs = this.fs.get(m.name);
      if (!vfs) continue;
      if (m.subPath) {
        // A subPath copy is taken when the container starts (and, like upstream, does not update).
        const src = `/${m.subPath}`;
        const st = vfs.stat(src);
        if (st?.type === 'file') {
          const dir = m.mountPath.slice(0, m.mountPath.lastIndexOf('/')) || '/';
          root.mkdir(dir, { parents: true });
          root.writeFile(m.mountPath, vfs.readFile(src));
          continue;
        }
        if (!st) vfs.mkdir(src, { parents: true });
      }
      root.mount(m.mountPath, vfs, { readOnly: !!m.readOnly || this.readOnlySource(m.name) });
    }
  }

  private readOnlySource(name: string): boolean {
    const v = this.w.pod.spec?.volumes?.find((x) => x.name === name);
    return !!(v?.configMap || v?.secret || v?.projected || v?.downwardAPI);
  }

  /** A ConfigMap or Secret changed: the mounted files follow after the kubelet's sync delay. */
  sourceChanged(kind: 'configmap' | 'secret', name: string): void {
    const uses = (this.w.pod.spec?.volumes ?? []).some(
      (v) =>
        (kind === 'configmap' && (v.configMap?.name === name || v.projected?.sources?.some((s) => s.configMap?.name === name))) ||
        (kind === 'secret' && (v.secret?.secretName === name || v.projected?.sources?.some((s) => s.secret?.name === name))),
    );
    if (!uses || this.refreshTimer !== undefined) return;
    this.refreshTimer = this.w.deps.clock.setTimeout(() => {
      this.refreshTimer = undefined;
      this.refresh();
    }, VOLUME_SYNC_MS);
  }

  private refresh(): void {
    for (const v of this.w.pod.spec?.volumes ?? []) {
      const fs = this.fs.get(v.name);
      if (!fs || !(v.configMap || v.secret || v.projected)) continue;
      const c = contentOf(this.w, v);
      if (!c || 'error' in c) continue;
      if (sameContent(this.content.get(v.name), c.files)) continue;
      this.content.set(v.name, c.files);
      writeAtomic(fs, c.files, this.w.deps.clock.now(), `${this.w.pod.metadata!.uid}/${v.name}`);
    }
  }

  stop(): void {
    if (this.refreshTimer !== undefined) this.w.deps.clock.clearTimeout(this.refreshTimer);
  }
}

function sameContent(a: Content | undefined, b: Content): boolean {
  if (!a) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => b[k] && b[k].data === a[k].data && b[k].mode === a[k].mode);
}

/**
 * The kubelet's AtomicWriter layout: the files live in a timestamped directory `..2025_01_01_00_00_45.N`,
 * `..data` links to it, and each top-level name is a link into `..data`. An update writes a new
 * directory, swaps `..data` and removes the old one, so readers never see half an update.
 * mirrors: pkg/volume/util/atomic_writer.go
 */
function writeAtomic(fs: MemFS, files: Content, now: number, seed: string): void {
  const old = fs.stat('/..data') ? fs.readlink('/..data') : undefined;
  const d = new Date(now);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getUTCFullYear()}_${p2(d.getUTCMonth() + 1)}_${p2(d.getUTCDate())}_${p2(d.getUTCHours())}_${p2(d.getUTCMinutes())}_${p2(d.getUTCSeconds())}`;
  // os.MkdirTemp's random suffix, drawn from the pod, the volume and the time so runs repeat.
  // join builds flat strings: a template literal would keep a rope of its parts for as long as the pod lives.
  const dir = ['..', stamp, '.', hashString(`${seed}/${now}`)].join('');
  fs.mkdir(`/${dir}`, { mode: 0o755 });
  const top = new Set<string>();
  for (const [rel, f] of Object.entries(files)) {
    const clean = rel.replace(/^\/+/, '');
    top.add(clean.split('/')[0]);
    const p = `/${dir}/${clean}`;
    const parent = p.slice(0, p.lastIndexOf('/'));
    if (parent !== `/${dir}`) fs.mkdir(parent, { parents: true, mode: 0o755 });
    fs.writeFile(p, f.data, { mode: f.mode });
  }
  if (old !== undefined) fs.unlink('/..data');
  fs.symlink(dir, '/..data');
  for (const name of fs.readdir('/')) {
    if (name.startsWith('..')) continue;
    if (!top.has(name)) fs.unlink(`/${name}`);
  }
  for (const name of top) if (!fs.lstat(`/${name}`)) fs.symlink(['..data/', name].join(''), `/${name}`);
  if (old !== undefined && old !== dir) removeTree(fs, `/${old}`);
}

function removeTree(fs: MemFS, path: string): void {
  if (fs.lstat(path)?.type === 'dir') {
    for (const name of fs.readdir(path)) removeTree(fs, `${path}/${name}`);
    fs.rmdir(path);
  } else fs.unlink(path);
}

export { CLUSTER_CA_PEM };
