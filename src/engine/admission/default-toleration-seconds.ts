// DefaultTolerationSeconds: pods tolerate not-ready/unreachable NoExecute taints for 300 s unless they say otherwise.
// mirrors: plugin/pkg/admission/defaulttolerationseconds

import type { Pod, Toleration } from 'kubernetes-types/core/v1';
import type { AdmissionPlugin } from './chain';

const KEYS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

export const DefaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  resources: ['pods'],
  admit(op, _def, obj) {
    if (op !== 'CREATE') return;
    const pod = obj as Pod;
    const tols: Toleration[] = [...(pod.spec?.tolerations ?? [])];
    let changed = false;
    for (const key of KEYS) {
      const has = tols.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === 'NoExecute'));
      if (has) continue;
      tols.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
      changed = true;
    }
    if (changed) pod.spec = { ...pod.spec!, tolerations: tols };
  },
};
