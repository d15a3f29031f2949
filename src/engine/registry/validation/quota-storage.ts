// Validation of ResourceQuota, LimitRange, PersistentVolume and PersistentVolumeClaim (core/v1).
// mirrors: pkg/apis/core/validation/validation.go (1.32; the common fields)

import type { LimitRange, PersistentVolume, PersistentVolumeClaim, ResourceQuota } from 'kubernetes-types/core/v1';
import { child, duplicate, forbidden, index, invalid, key, notSupported, required, type FieldError } from '../../api/validation/field-errors';
import { goRepr, goStringSlice } from '../../api/validation/go-format';
import { deepEqual, validateImmutableField, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from '../../api/validation/metadata';
import { isQualifiedName, nameIsDNSSubdomain } from '../../api/validation/names';
import { tryParseQuantity } from '../../util/quantity';
import { goQuantity, validateContainerResourceName, validateResourceName, validateResourceQuantityValue, validateResourceQuotaResourceName } from './resources';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

const QUOTA_SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];

function validateQuotaSpec(rq: ResourceQuota): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(rq.spec?.hard ?? {})) {
    const p = key('spec.hard', k);
    errs.push(...validateResourceQuotaResourceName(k, p), ...validateResourceQuantityValue(k, v, p));
  }
  const scopes = rq.spec?.scopes ?? [];
  for (const s of scopes) if (!QUOTA_SCOPES.includes(s)) errs.push(invalid('spec.scopes', goStringSlice(scopes, 'core.ResourceQuotaScope'), 'unsupported scope'));
  if ((scopes.includes('BestEffort') && scopes.includes('NotBestEffort')) || (scopes.includes('Terminating') && scopes.includes('NotTerminating'))) {
    errs.push(invalid('spec.scopes', goStringSlice(scopes, 'core.ResourceQuotaScope'), 'conflicting scopes'));
  }
  return errs;
}

export function validateResourceQuota(rq: ResourceQuota, old?: ResourceQuota): FieldError[] {
  if (!old) {
    const errs = validateObjectMeta(rq.metadata, true, nameIsDNSSubdomain);
    errs.push(...validateQuotaSpec(rq));
    for (const part of ['hard', 'used'] as const) {
      for (const [k, v] of Object.entries(rq.status?.[part] ?? {})) {
        const p = key(`status.${part}`, k);
        errs.push(...validateResourceQuotaResourceName(k, p), ...validateResourceQuantityValue(k, v, p));
      }
    }
    return errs;
  }
  const errs = validateObjectMetaUpdate(rq.metadata, old.metadata);
  errs.push(...validateQuotaSpec(rq));
  const a = new Set(rq.spec?.scopes ?? []);
  const b = new Set(old.spec?.scopes ?? []);
  if (a.size !== b.size || [...a].some((s) => !b.has(s))) {
    errs.push(invalid('spec.scopes', goStringSlice(rq.spec?.scopes, 'core.ResourceQuotaScope'), 'field is immutable'));
  }
  return errs;
}

function validateLimitRangeFields(lr: LimitRange): FieldError[] {
  const errs = validateObjectMeta(lr.metadata, true, nameIsDNSSubdomain);
  const types = new Set<string>();
  (lr.spec?.limits ?? []).forEach((item, i) => {
    const p = index('spec.limits', i);
    const type = item.type ?? '';
    const qn = isQualifiedName(type).map((m) => invalid(child(p, 'type'), type, m));
    errs.push(...qn);
    if (qn.length === 0 && !type.includes('/') && !['Pod', 'Container', 'PersistentVolumeClaim'].includes(type)) {
      errs.push(invalid(child(p, 'type'), type, 'must be a standard limit type or fully qualified'));
    }
    if (types.has(type)) errs.push(duplicate(child(p, 'type'), type));
    types.add(type);
    const nameCheck = (k: string, path: string): FieldError[] =>
      type === 'Pod' || type === 'Container' ? validateContainerResourceName(k, path) : validateResourceName(k, path);
    for (const part of ['max', 'min'] as const) for (const k of Object.keys(item[part] ?? {})) errs.push(...nameCheck(k, key(child(p, part), k)));
    if (type === 'Pod') {
      if (Object.keys(item.default ?? {}).length > 0) errs.push(forbidden(child(p, 'default'), "may not be specified when `type` is 'Pod'"));
      if (Object.keys(item.defaultRequest ?? {}).length > 0) errs.push(forbidden(child(p, 'defaultRequest'), "may not be specified when `type` is 'Pod'"));
    } else {
      for (const part of ['default', 'defaultRequest'] as const) for (const k of Object.keys(item[part] ?? {})) errs.push(...nameCheck(k, key(child(p, part), k)));
    }
    if (type === 'PersistentVolumeClaim' && !item.min?.storage && !item.max?.storage) {
      errs.push(required(child(p, 'limits'), 'either minimum or maximum storage value is required, but neither was provided'));
    }
    for (const k of Object.keys(item.maxLimitRequestRatio ?? {})) errs.push(...nameCheck(k, key(child(p, 'maxLimitRequestRatio'), k)));
    const keys = new Set([...Object.keys(item.max ?? {}), ...Object.keys(item.min ?? {}), ...Object.keys(item.default ?? {}), ...Object.keys(item.defaultRequest ?? {})]);
    for (const k of keys) {
      const min = tryParseQuantity(item.min?.[k]);
      const max = tryParseQuantity(item.max?.[k]);
      const def = tryParseQuantity(item.default?.[k]);
      const defReq = tryParseQuantity(item.defaultRequest?.[k]);
      if (min && max && min.cmp(max) > 0) errs.push(invalid(key(child(p, 'min'), k), goQuantity(min), `min value ${min} is greater than max value ${max}`));
      if (defReq && min && min.cmp(defReq) > 0) errs.push(invalid(key(child(p, 'defaultRequest'), k), goQuantity(defReq), `min value ${min} is greater than default request value ${defReq}`));
      if (defReq && max && defReq.cmp(max) > 0) errs.push(invalid(key(child(p, 'defaultRequest'), k), goQuantity(defReq), `default request value ${defReq} is greater than max value ${max}`));
      if (defReq && def && defReq.cmp(def) > 0) errs.push(invalid(key(child(p, 'defaultRequest'), k), goQuantity(defReq), `default request value ${defReq} is greater than default limit value ${def}`));
      if (def && min && min.cmp(def) > 0) errs.push(invalid(key(child(p, 'default'), k), goQuantity(min), `min value ${min} is greater than default value ${def}`));
      if (def && max && def.cmp(max) > 0) errs.push(invalid(key(child(p, 'default'), k), goQuantity(max), `default value ${def} is greater than max value ${max}`));
    }
  });
  return errs;
}

export function validateLimitRange(lr: LimitRange, old?: LimitRange): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(lr.metadata, old.metadata) : [];
  return errs.concat(validateLimitRangeFields(lr));
}

function validateAccessModes(modes: string[] | undefined, path: string, requiredText: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!modes || modes.length === 0) errs.push(required(path, requiredText));
  let rwop = false;
  let other = false;
  for (const m of modes ?? []) {
    if (!ACCESS_MODES.includes(m)) errs.push(notSupported(path, m, ACCESS_MODES));
    if (m === 'ReadWriteOncePod') rwop = true;
    else if (ACCESS_MODES.includes(m)) other = true;
  }
  if (rwop && other) errs.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

function validatePVCSpec(pvc: PersistentVolumeClaim): FieldError[] {
  const spec = pvc.spec ?? {};
  const errs = validateAccessModes(spec.accessModes, 'spec.accessModes', 'at least 1 access mode is required');
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const storagePath = key('spec.resources', 'storage');
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errs.push(required(storagePath));
  else {
    const q = tryParseQuantity(storage);
    if (q && q.sign() <= 0) errs.push(invalid(storagePath, q.toString(), 'must be greater than zero'));
    else errs.push(...validateResourceQuantityValue('storage', storage, storagePath));
  }
  if (spec.storageClassName) for (const m of nameIsDNSSubdomain(spec.storageClassName, false)) errs.push(invalid('spec.storageClassName', spec.storageClassName, m));
  if (spec.volumeMode != null && !['Block', 'Filesystem'].includes(spec.volumeMode)) errs.push(notSupported('spec.volumeMode', spec.volumeMode, ['Block', 'Filesystem']));
  return errs;
}

export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim, old?: PersistentVolumeClaim): FieldError[] {
  if (!old) return [...validateObjectMeta(pvc.metadata, true, nameIsDNSSubdomain), ...validatePVCSpec(pvc)];
  const errs = validateObjectMetaUpdate(pvc.metadata, old.metadata);
  errs.push(...validateObjectMeta(pvc.metadata, true, nameIsDNSSubdomain), ...validatePVCSpec(pvc));
  const n = { ...(pvc.spec ?? {}) } as Record<string, unknown>;
  const o = { ...(old.spec ?? {}) } as Record<string, unknown>;
  if (!old.spec?.volumeName) o.volumeName = n.volumeName;
  if (!old.spec?.storageClassName && pvc.spec?.storageClassName) o.storageClassName = n.storageClassName;
  if (pvc.status?.phase === 'Bound') {
    n.resources = { ...(pvc.spec?.resources ?? {}), requests: { ...(pvc.spec?.resources?.requests ?? {}), storage: old.spec?.resources?.requests?.storage } };
  }
  if (!deepEqual(n, o)) {
    errs.push(
      forbidden(
        'spec',
        `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n  core.PersistentVolumeClaimSpec{\n  \t... // changed fields omitted\n  }\n`,
      ),
    );
  }
  const newSize = tryParseQuantity(pvc.spec?.resources?.requests?.storage);
  const oldSize = tryParseQuantity(old.spec?.resources?.requests?.storage);
  if (newSize && oldSize && newSize.cmp(oldSize) < 0) errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than previous value'));
  errs.push(...validateImmutableField(pvc.spec?.volumeMode ?? null, old.spec?.volumeMode ?? null, 'volumeMode', pvc.spec?.volumeMode ? goRepr(`&"${pvc.spec.volumeMode}"`) : null));
  return errs;
}

const PV_SOURCES = [
  'gcePersistentDisk', 'awsElasticBlockStore', 'hostPath', 'glusterfs', 'nfs', 'rbd', 'quobyte', 'cinder', 'cephfs',
  'flexVolume', 'fc', 'flocker', 'azureFile', 'vsphereVolume', 'azureDisk', 'photonPersistentDisk', 'portworxVolume',
  'scaleIO', 'local', 'storageos', 'csi', 'iscsi',
];

function validatePVFields(pv: PersistentVolume): FieldError[] {
  const errs = validateObjectMeta(pv.metadata, false, nameIsDNSSubdomain);
  const spec = pv.spec ?? {};
  errs.push(...validateAccessModes(spec.accessModes, 'spec.accessModes', ''));
  const cap = spec.capacity ?? {};
  if (Object.keys(cap).length === 0) errs.push(required('spec.capacity'));
  for (const k of Object.keys(cap)) if (k !== 'storage') errs.push(notSupported(key('spec.capacity', k), k, ['storage']));
  if (cap.storage !== undefined) errs.push(...validateResourceQuantityValue('storage', cap.storage, 'spec.capacity.storage'));
  const rp = spec.persistentVolumeReclaimPolicy;
  if (rp && !['Delete', 'Recycle', 'Retain'].includes(rp)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', rp, ['Delete', 'Recycle', 'Retain']));
  const src = spec as Record<string, unknown>;
  const present = PV_SOURCES.filter((s) => src[s] !== undefined && src[s] !== null);
  if (present.length === 0) errs.push(required('spec', 'must specify a volume type'));
  for (const s of present.slice(1)) errs.push(forbidden(child('spec', s), 'may not specify more than 1 volume type'));
  if (spec.hostPath && !spec.hostPath.path) errs.push(required('spec.hostPath.path'));
  if (spec.storageClassName) for (const m of nameIsDNSSubdomain(spec.storageClassName, false)) errs.push(invalid('spec.storageClassName', spec.storageClassName, m));
  if (spec.volumeMode != null && !['Block', 'Filesystem'].includes(spec.volumeMode)) errs.push(notSupported('spec.volumeMode', spec.volumeMode, ['Block', 'Filesystem']));
  return errs;
}

export function validatePersistentVolume(pv: PersistentVolume, old?: PersistentVolume): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(pv.metadata, old.metadata) : [];
  errs.push(...validatePVFields(pv));
  if (old) errs.push(...validateImmutableField(pv.spec?.volumeMode ?? null, old.spec?.volumeMode ?? null, 'volumeMode', pv.spec?.volumeMode ? goRepr(`&"${pv.spec.volumeMode}"`) : null));
  return errs;
}
