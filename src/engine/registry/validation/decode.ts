// Errors the decoder raises before validation: a quantity that does not parse makes the whole body
// undecodable (400 BadRequest `<Kind> in version "v1" cannot be handled as a <Kind>: <err>`).
// mirrors: resource.Quantity.UnmarshalJSON as reached through the JSON serializer (1.32)

import { quantityParseError } from '../../util/quantity';

type Json = Record<string, unknown>;

function obj(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function firstBadInMap(m: unknown): string | undefined {
  for (const v of Object.values(obj(m) ?? {})) {
    const err = quantityParseError(v);
    if (err) return err;
  }
  return undefined;
}

function firstBadInPodSpec(spec: unknown): string | undefined {
  const s = obj(spec);
  if (!s) return undefined;
  for (const c of [...arr(s.containers), ...arr(s.initContainers), ...arr(s.ephemeralContainers)]) {
    const res = obj(obj(c)?.resources);
    const err = firstBadInMap(res?.limits) ?? firstBadInMap(res?.requests);
    if (err) return err;
  }
  for (const v of arr(s.volumes)) {
    const size = obj(obj(v)?.emptyDir)?.sizeLimit;
    if (size !== undefined) {
      const err = quantityParseError(size);
      if (err) return err;
    }
  }
  return firstBadInMap(s.overhead);
}

/** The first quantity parse error in the quantity-typed fields of a built-in object, if any. */
export function findQuantityError(kind: string, body: unknown): string | undefined {
  const o = obj(body);
  if (!o) return undefined;
  const spec = obj(o.spec);
  switch (kind) {
    case 'Pod':
      return firstBadInPodSpec(spec);
    case 'PodTemplate':
      return firstBadInPodSpec(obj(obj(o.template)?.spec));
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'ReplicationController':
    case 'Job':
      return firstBadInPodSpec(obj(obj(spec?.template)?.spec));
    case 'CronJob':
      return firstBadInPodSpec(obj(obj(obj(obj(spec?.jobTemplate)?.spec)?.template)?.spec));
    case 'PersistentVolumeClaim': {
      const res = obj(spec?.resources);
      return firstBadInMap(res?.requests) ?? firstBadInMap(res?.limits);
    }
    case 'PersistentVolume':
      return firstBadInMap(spec?.capacity);
    case 'ResourceQuota':
      return firstBadInMap(spec?.hard);
    case 'LimitRange':
      for (const item of arr(spec?.limits)) {
        const it = obj(item);
        const err =
          firstBadInMap(it?.max) ?? firstBadInMap(it?.min) ?? firstBadInMap(it?.default) ?? firstBadInMap(it?.defaultRequest) ?? firstBadInMap(it?.maxLimitRequestRatio);
        if (err) return err;
      }
      return undefined;
    case 'Node': {
      const st = obj(o.status);
      return firstBadInMap(st?.capacity) ?? firstBadInMap(st?.allocatable);
    }
    default:
      return undefined;
  }
}

/** The message of the 400 the API server answers for an undecodable body. */
export function cannotBeHandledMessage(kind: string, version: string, detail: string): string {
  return `${kind} in version "${version}" cannot be handled as a ${kind}: ${detail}`;
}
