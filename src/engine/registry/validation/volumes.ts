// Pod volume validation: names, exactly one source, and the common sources' fields.
// mirrors: pkg/apis/core/validation/validation.go ValidateVolumes/validateVolumeSource (1.32); rarely used
// cloud sources are only counted (so "may not specify more than 1 volume type" still works).

import type { KeyToPath, Volume } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { child, duplicate, forbidden, index, invalid, notSupported, required, type FieldError } from '../../api/validation/field-errors';
import { isDNS1123Label, isDNS1123Subdomain } from '../../api/validation/names';
import { tryParseQuantity } from '../../util/quantity';

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

// Order of the checks in validateVolumeSource (JSON names); the first one set wins, later ones are forbidden.
const SOURCE_ORDER = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc',
  'flexVolume', 'configMap', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk',
  'storageos', 'projected', 'scaleIO', 'csi', 'ephemeral', 'image',
];

function validatePathNoBacksteps(p: string, path: string): FieldError[] {
  return p.split('/').includes('..') ? [invalid(path, p, "must not contain '..'")] : [];
}

export function validateLocalDescendingPath(p: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.startsWith('/')) errs.push(invalid(path, p, 'must be a relative path'));
  return errs.concat(validatePathNoBacksteps(p, path));
}

export function validateLocalNonReservedPath(p: string, path: string): FieldError[] {
  const errs = validateLocalDescendingPath(p, path);
  if (p.startsWith('..') && !p.startsWith('../')) errs.push(invalid(path, p, "must not start with '..'"));
  return errs;
}

function validateMode(mode: number | undefined, path: string): FieldError[] {
  return mode !== undefined && (mode > 0o777 || mode < 0) ? [invalid(path, mode, FILE_MODE_ERROR)] : [];
}

function validateKeyToPath(kp: KeyToPath, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!kp.key) errs.push(required(child(path, 'key')));
  if (!kp.path) errs.push(required(child(path, 'path')));
  errs.push(...validateLocalNonReservedPath(kp.path ?? '', child(path, 'path')));
  errs.push(...validateMode(kp.mode, child(path, 'mode')));
  return errs;
}

function validateSource(v: Volume, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const src = v as unknown as Record<string, unknown>;
  let count = 0;
  for (const name of SOURCE_ORDER) {
    if (src[name] === undefined || src[name] === null) continue;
    if (count > 0) {
      // Upstream misspells this one path.
      errs.push(forbidden(child(path, name === 'downwardAPI' ? 'downwarAPI' : name), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errs.push(...validateOneSource(name, v, child(path, name)));
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

function validateOneSource(name: string, v: Volume, path: string): FieldError[] {
  const errs: FieldError[] = [];
  switch (name) {
    case 'emptyDir': {
      const q = tryParseQuantity(v.emptyDir?.sizeLimit);
      if (q && q.sign() < 0) errs.push(forbidden(child(path, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity'));
      break;
    }
    case 'hostPath': {
      const hp = v.hostPath!;
      if (!hp.path) return [required(child(path, 'path'))];
      errs.push(...validatePathNoBacksteps(hp.path, child(path, 'path')));
      if (hp.type !== undefined && !HOST_PATH_TYPES.includes(hp.type)) errs.push(notSupported(child(path, 'type'), hp.type, HOST_PATH_TYPES));
      break;
    }
    case 'secret': {
      const s = v.secret!;
      if (!s.secretName) errs.push(required(child(path, 'secretName')));
      errs.push(...validateMode(s.defaultMode, child(path, 'defaultMode')));
      (s.items ?? []).forEach((kp, i) => errs.push(...validateKeyToPath(kp, index(child(path, 'items'), i))));
      break;
    }
    case 'configMap': {
      const c = v.configMap!;
      if (!c.name) errs.push(required(child(path, 'name')));
      errs.push(...validateMode(c.defaultMode, child(path, 'defaultMode')));
      (c.items ?? []).forEach((kp, i) => errs.push(...validateKeyToPath(kp, index(child(path, 'items'), i))));
      break;
    }
    case 'persistentVolumeClaim':
      if (!v.persistentVolumeClaim?.claimName) errs.push(required(child(path, 'claimName')));
      break;
    case 'nfs': {
      const n = v.nfs!;
      if (!n.server) errs.push(required(child(path, 'server')));
      if (!n.path) errs.push(required(child(path, 'path')));
      if (!(n.path ?? '').startsWith('/')) errs.push(invalid(child(path, 'path'), n.path ?? '', 'must be an absolute path'));
      break;
    }
    case 'downwardAPI': {
      const d = v.downwardAPI!;
      errs.push(...validateMode(d.defaultMode, child(path, 'defaultMode')));
      for (const item of d.items ?? []) {
        // Upstream reports item errors on the downwardAPI path itself, not per index.
        if (!item.path) errs.push(required(child(path, 'path')));
        errs.push(...validateLocalNonReservedPath(item.path ?? '', child(path, 'path')));
        if (item.fieldRef && item.resourceFieldRef) {
          errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
        } else if (!item.fieldRef && !item.resourceFieldRef) {
          errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
        }
        errs.push(...validateMode(item.mode, child(path, 'mode')));
      }
      break;
    }
    case 'projected':
      errs.push(...validateMode(v.projected?.defaultMode, child(path, 'defaultMode')));
      (v.projected?.sources ?? []).forEach((s, i) => {
        const sp = index(child(path, 'sources'), i);
        const kinds = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle'].filter(
          (k) => (s as Record<string, unknown>)[k] !== undefined,
        );
        if (kinds.length > 1) errs.push(forbidden(sp, 'may not specify more than 1 volume type per source'));
        const sat = s.serviceAccountToken;
        if (sat) {
          const exp = sat.expirationSeconds ?? 3600;
          if (exp < 600) errs.push(invalid(child(sp, 'serviceAccountToken', 'expirationSeconds'), exp, 'may not specify a duration less than 10 minutes'));
          if (exp > 2 ** 32) errs.push(invalid(child(sp, 'serviceAccountToken', 'expirationSeconds'), exp, 'may not specify a duration larger than 2^32 seconds'));
          if (!sat.path) errs.push(required(child(path, 'path')));
        }
      });
      break;
    case 'ephemeral':
      if (!v.ephemeral?.volumeClaimTemplate) errs.push(required(child(path, 'volumeClaimTemplate')));
      break;
    default:
      break;
  }
  return errs;
}

/** ValidateVolumes: returns the valid volumes by name (for mount checks) and the errors. */
export function validateVolumes(volumes: Volume[] | undefined, podMeta: ObjectMeta | undefined, path: string): { names: Map<string, Volume>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const names = new Map<string, Volume>();
  const created = new Set<string>();
  if (podMeta?.name) for (const v of volumes ?? []) if (v.ephemeral) created.add(`${podMeta.name}-${v.name}`);
  (volumes ?? []).forEach((v, i) => {
    const idx = index(path, i);
    const namePath = child(idx, 'name');
    const el = validateSource(v, idx);
    if (!v.name) el.push(required(namePath));
    else el.push(...isDNS1123Label(v.name).map((m) => invalid(namePath, v.name, m)));
    if (names.has(v.name)) el.push(duplicate(namePath, v.name));
    if (el.length === 0) names.set(v.name, v);
    else errors.push(...el);
    if (v.ephemeral && podMeta?.name && v.name) {
      const pvcName = `${podMeta.name}-${v.name}`;
      for (const m of isDNS1123Subdomain(pvcName)) errors.push(invalid(namePath, v.name, `PVC name "${pvcName}": ${m}`));
    }
    const claim = v.persistentVolumeClaim?.claimName;
    if (claim && created.has(claim)) {
      errors.push(invalid(child(idx, 'persistentVolumeClaim', 'claimName'), claim, 'must not reference a PVC that gets created for an ephemeral volume'));
    }
  });
  return { names, errors };
}
