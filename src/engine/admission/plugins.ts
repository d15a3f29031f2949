// The admission plugins enabled by default, in kube-apiserver's order.

import type { AdmissionPlugin } from './chain';
import { DefaultTolerationSeconds } from './default-toleration-seconds';
import { Priority } from './priority';
import { ServiceAccountAdmission } from './service-account';
import { DefaultStorageClass } from './default-storage-class';
import { StorageObjectInUseProtection } from './storage-protection';
import { LimitRanger } from './limit-ranger';
import { ResourceQuotaAdmission } from './resource-quota';

export function defaultAdmissionPlugins(): AdmissionPlugin[] {
  return [LimitRanger, ServiceAccountAdmission, Priority, DefaultTolerationSeconds, DefaultStorageClass, StorageObjectInUseProtection, ResourceQuotaAdmission];
}
