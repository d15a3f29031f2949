// ServiceAccount admission: pods get the namespace's "default" service account unless they name one (which
// must exist), and the projected kube-api-access-xxxxx token volume mounted into every container.
// mirrors: plugin/pkg/admission/serviceaccount/admission.go

import type { Container, Pod, PodSpec, ServiceAccount, Volume } from 'kubernetes-types/core/v1';
import type { AdmissionPlugin } from './chain';
import { forbidden } from '../api/errors';
import { Rng } from '../clock/rng';
import { ALPHANUMS } from '../util/names';

export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const MIRROR = 'kubernetes.io/config.mirror';

export const ServiceAccountAdmission: AdmissionPlugin = {
  name: 'ServiceAccount',
  resources: ['pods'],
  admit(op, _def, obj, _old, ctx) {
    if (op !== 'CREATE') return;
    const pod = obj as Pod;
    if (pod.metadata?.annotations?.[MIRROR]) return;
    const spec = { ...(pod.spec as PodSpec) };
    const ns = pod.metadata?.namespace ?? 'default';
    const saName = spec.serviceAccountName || 'default';
    const sa = ctx.store.get('serviceaccounts', ns, saName) as ServiceAccount | undefined;
    if (!sa) {
      throw forbidden('', 'pods', pod.metadata?.name ?? '', `error looking up service account ${ns}/${saName}: serviceaccount "${saName}" not found`);
    }
    spec.serviceAccountName = saName;
    const automount = spec.automountServiceAccountToken ?? sa.automountServiceAccountToken ?? true;
    if (automount && !hasTokenMount(spec)) {
      const suffix = Rng.derive(ctx.seed, `kube-api-access/${ns}/${pod.metadata?.name ?? pod.metadata?.generateName ?? ''}/${ctx.now()}`).string(ALPHANUMS, 5);
      const volName = `kube-api-access-${suffix}`;
      const volume: Volume = {
        name: volName,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
        },
      };
      spec.volumes = [...(spec.volumes ?? []), volume];
      const mount = (c: Container): Container => ({ ...c, volumeMounts: [...(c.volumeMounts ?? []), { name: volName, readOnly: true, mountPath: TOKEN_MOUNT_PATH }] });
      spec.containers = (spec.containers ?? []).map(mount);
      if (spec.initContainers) spec.initContainers = spec.initContainers.map(mount);
    }
    pod.spec = spec as Pod['spec'];
  },
};

function hasTokenMount(spec: PodSpec): boolean {
  return [...(spec.containers ?? []), ...(spec.initContainers ?? [])].some((c) => (c.volumeMounts ?? []).some((m) => m.mountPath === TOKEN_MOUNT_PATH));
}
