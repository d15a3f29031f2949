// DefaultIngressClass admission: an Ingress created without spec.ingressClassName (and without the legacy
// kubernetes.io/ingress.class annotation) gets the default IngressClass; with several defaults, the newest.
// mirrors: plugin/pkg/admission/network/defaultingressclass/admission.go

import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import type { AdmissionPlugin } from '../admission/chain';
import type { KubeObject } from '../api/types';

export const IS_DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';

export const DefaultIngressClass: AdmissionPlugin = {
  name: 'DefaultIngressClass',
  resources: ['ingresses.networking.k8s.io'],
  admit(op, _def, obj, _old, ctx) {
    if (op !== 'CREATE') return;
    const ing = obj as Ingress & KubeObject;
    if (ing.spec?.ingressClassName != null) return;
    if (ing.metadata?.annotations && 'kubernetes.io/ingress.class' in ing.metadata.annotations) return;
    const defaults: (IngressClass & KubeObject)[] = [];
    for (const o of ctx.store.list('ingressclasses.networking.k8s.io')) {
      if (o.metadata?.annotations?.[IS_DEFAULT_CLASS] === 'true') defaults.push(o as IngressClass & KubeObject);
    }
    if (defaults.length === 0) return;
    defaults.sort((a, b) => {
      const ta = a.metadata!.creationTimestamp ?? '';
      const tb = b.metadata!.creationTimestamp ?? '';
      if (ta !== tb) return ta > tb ? -1 : 1;
      return a.metadata!.name! < b.metadata!.name! ? -1 : 1;
    });
    ing.spec = { ...(ing.spec ?? {}), ingressClassName: defaults[0].metadata!.name };
  },
};
