// Jobs: run-to-completion pods; deleting without a policy orphans pods (with a warning), as batch/v1 does.
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import { withStatus } from '../status-strategy';
import { generateJobSelector } from '../defaults/batch';

export const jobs: ResourceDef = {
  group: 'batch', version: 'v1', kind: 'Job', plural: 'jobs', singular: 'job',
  namespaced: true, categories: ['all'], verbs: ALL_VERBS, subresources: { status: true }, generation: true,
  prepareForCreate(obj) {
    generateJobSelector(obj as never);
    withStatus.prepareForCreate(obj);
  },
  prepareForUpdate: withStatus.prepareForUpdate,
  defaultPropagation: 'Orphan',
  deleteWarning: 'child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning',
  fields: { 'status.successful': (j) => String((j.status as { succeeded?: number } | undefined)?.succeeded ?? 0) },
};

export { generateJobSelector };
