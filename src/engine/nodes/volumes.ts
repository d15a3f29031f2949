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

/** How long the kubelet takes to notice ConfigMap/Secret changes in volumes (sync period + cache TTL). */
export const VOLUME_SYNC_MS = 60_000;

type Content = Record<string, string>;

/** Files of a volume source, or the reason it cannot be mounted yet. */
function contentOf(w: PodWorker, v: Volume): { files: Content } | { error: string } | undefined {
  const store = w.deps.ctx.store;
  const ns = w.pod.metadata!.namespace!;
  const pick = (data: Record<string, string>, items: readonly KeyToPath[] | undefined, decode: boolean, kind: string, name: string): { files: Content } | { error: string } => {
    const files: Content = {};
    const value = (k: string) => (decode ? decodeBase64(data[k]) ?? '' : data[k]);
    if (items?.length) {
      for (const it of items) {
        if (!(it.key in data)) return { error: `configmap references non-existent config key: ${it.key}`.replace('configmap', kind === 'secret' ? 'secret' : 'configmap') };
        files[it.path] = value(it.key);
      }
    } else for (const k of Object.keys(data)) files[k] = value(k);
    void name;
    return { files };
  };
  if (v.configMap) {
    const cm = store.get('configmaps', ns, v.configMap.name!) as ConfigMap | undefined;
    if (!cm) return v.configMap.optional ? { files: {} } : { error: `configmap "${v.configMap.name}" not found` };
    return pick({ ...(cm.data ?? {}) }, v.configMap.items, false, 'configmap', v.configMap.name!);
  }
  if (v.secret) {
    const s = store.get('secrets', ns, v.secret.secretName!) as Secret | undefined;
    if (!s) return v.secret.optional ? { files: {} } : { error: `secret "${v.secret.secretName}" not found` };
    return pick({ ...(s.data ?? {}) }, v.secret.items, true, 'secret', v.secret.secretName!);
  }
  if (v.downwardAPI) {
    const files: Content = {};
    for (const it of v.downwardAPI.items ?? []) files[it.path] = downward(w.pod, it.fieldRef?.fieldPath);
    return { files };
  }
  if (v.projected) {
    const files: Content = {};
    for (const src of v.projected.sources ?? []) {
      if (src.serviceAccountToken) files[src.serviceAccountToken.path] = fakeToken(w);
      if (src.configMap) {
        const r = contentOf(w, { name: v.name, configMap: src.configMap });
        if (r && 'error' in r) return r;
        if (r) Object.assign(files, r.files);
      }
      if (src.secret) {
        const r = contentOf(w, { name: v.name, secret: { secretName: src.secret.name, items: src.secret.items, optional: src.secret.optional } });
        if (r && 'error' in r) return r;
        if (r) Object.assign(files, r.files);
      }
      if (src.downwardAPI) for (const it of src.downwardAPI.items ?? []) files[it.path] = downward(w.pod, it.fieldRef?.fieldPath);
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
    write(fs, c.files);
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
      for (const name of fs.readdir('/')) if (!(name in c.files)) fs.unlink(`/${name}`);
      write(fs, c.files);
    }
  }

  stop(): void {
    if (this.refreshTimer !== undefined) this.w.deps.clock.clearTimeout(this.refreshTimer);
  }
}

function write(fs: MemFS, files: Content): void {
  for (const [rel, data] of Object.entries(files)) {
    const p = '/' + rel.replace(/^\/+/, '');
    const dir = p.slice(0, p.lastIndexOf('/')) || '/';
    if (dir !== '/') fs.mkdir(dir, { parents: true });
    if (fs.stat(p)?.type === 'file' && fs.readFile(p) === data) continue;
    fs.writeFile(p, data);
  }
}

export { CLUSTER_CA_PEM };
