// ControllerRevisions: immutable snapshots of DaemonSet/StatefulSet templates (rollout history).
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';

export const controllerrevisions: ResourceDef = {
  group: 'apps', version: 'v1', kind: 'ControllerRevision', plural: 'controllerrevisions', singular: 'controllerrevision',
  namespaced: true, verbs: ALL_VERBS,
};
