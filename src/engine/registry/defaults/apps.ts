// Defaulting of apps/v1 workloads: Deployment, ReplicaSet, DaemonSet, StatefulSet.
// mirrors: pkg/apis/apps/v1/defaults.go + zz_generated.defaults.go (1.32)

import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import { defaultPodTemplateSpec } from './pod';
import { defaultPersistentVolumeClaim } from './core';
import { defaultStatus } from './status';

export function defaultDeployment(d: Deployment): void {
  const spec = d.spec ?? (d.spec = { selector: {}, template: {} });
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  const strategy = spec.strategy ?? (spec.strategy = {});
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = strategy.rollingUpdate ?? (strategy.rollingUpdate = {});
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = '25%';
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = '25%';
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  if (spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null) spec.progressDeadlineSeconds = 600;
  defaultPodTemplateSpec(spec.template);
  defaultStatus(d, 'Deployment');
}

export function defaultReplicaSet(rs: ReplicaSet): void {
  const spec = rs.spec ?? (rs.spec = { selector: {} });
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  defaultPodTemplateSpec(spec.template);
  defaultStatus(rs, 'ReplicaSet');
}

export function defaultDaemonSet(ds: DaemonSet): void {
  const spec = ds.spec ?? (ds.spec = { selector: {}, template: {} });
  const us = spec.updateStrategy ?? (spec.updateStrategy = {});
  if (!us.type) us.type = 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    const ru = us.rollingUpdate ?? (us.rollingUpdate = {});
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = 1;
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = 0;
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  defaultPodTemplateSpec(spec.template);
  defaultStatus(ds, 'DaemonSet');
}

export function defaultStatefulSet(sts: StatefulSet): void {
  const spec = sts.spec ?? (sts.spec = { selector: {}, serviceName: '', template: {} });
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  const us = spec.updateStrategy ?? (spec.updateStrategy = {});
  if (!us.type) {
    us.type = 'RollingUpdate';
    if (!us.rollingUpdate) us.rollingUpdate = {};
  }
  if (us.type === 'RollingUpdate' && us.rollingUpdate && us.rollingUpdate.partition === undefined) us.rollingUpdate.partition = 0;
  const retention = spec.persistentVolumeClaimRetentionPolicy ?? (spec.persistentVolumeClaimRetentionPolicy = {});
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  defaultPodTemplateSpec(spec.template);
  const claims = spec.volumeClaimTemplates ?? [];
  for (let i = 0; i < claims.length; i++) {
    const claim = claims[i];
    defaultPersistentVolumeClaim(claim);
    const meta = (claim.metadata ?? {}) as Record<string, unknown>;
    if (!('creationTimestamp' in meta)) claim.metadata = { creationTimestamp: null, ...meta } as unknown as typeof claim.metadata;
    // Claim templates are whole PersistentVolumeClaims: the apiserver fills in their type (SetDefaults_StatefulSet).
    claims[i] = { apiVersion: claim.apiVersion || 'v1', kind: claim.kind || 'PersistentVolumeClaim', ...claim };
  }
  defaultStatus(sts, 'StatefulSet');
}
