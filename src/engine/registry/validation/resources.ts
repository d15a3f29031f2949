// Resource names, quantities and requirements (requests ≤ limits), with upstream wording.
// mirrors: pkg/apis/core/validation/validation.go validateResourceRequirements & co,
//          pkg/apis/core/helper/helpers.go (standard/native/extended resource names), 1.32

import { child, invalid, key, required, type FieldError } from '../../api/validation/field-errors';
import { goRepr } from '../../api/validation/go-format';
import { IS_NEGATIVE } from '../../api/validation/metadata';
import { isQualifiedName } from '../../api/validation/names';
import { Quantity, tryParseQuantity } from '../../util/quantity';

const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage',
  'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage',
  'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps',
  'persistentvolumeclaims', 'storage', 'requests.storage', 'services.nodeports', 'services.loadbalancers',
]);
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD_QUOTA_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage',
  'requests.cpu', 'requests.memory', 'requests.storage', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage',
  'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'persistentvolumeclaims',
  'configmaps', 'services.nodeports', 'services.loadbalancers',
]);
const INTEGER_RESOURCES = new Set([
  'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps',
  'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers',
]);

export function isHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-');
}

function isQuotaHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');
}

export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return isQualifiedName('requests.' + name).length === 0;
}

export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

function isStandardResourceName(name: string): boolean {
  return STANDARD_RESOURCES.has(name) || isQuotaHugePageResourceName(name);
}

export function isStandardQuotaResourceName(name: string): boolean {
  return STANDARD_QUOTA_RESOURCES.has(name) || isQuotaHugePageResourceName(name);
}

function isIntegerResourceName(name: string): boolean {
  return INTEGER_RESOURCES.has(name) || isExtendedResourceName(name);
}

/** %#v of a resource.Quantity value, printed when upstream passes the struct itself. */
export function goQuantity(q: Quantity): ReturnType<typeof goRepr> {
  let v = q.nanos;
  let scale = -9;
  while (v !== 0n && v % 10n === 0n && scale < 0) {
    v /= 10n;
    scale++;
  }
  return goRepr(
    `resource.Quantity{i:resource.int64Amount{value:${v}, scale:${scale}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"${q.format}"}`,
  );
}

export function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (errs.length > 0) return errs;
  if (!name.includes('/') && !isStandardResourceName(name)) errs.push(invalid(path, name, 'must be a standard resource type or fully qualified'));
  return errs;
}

export function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePageResourceName(name)) {
      errs.push(invalid(path, name, 'must be a standard resource for containers'));
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

export function validateResourceQuotaResourceName(name: string, path: string): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/') && !isStandardQuotaResourceName(name)) errs.push(invalid(path, name, 'must be a standard resource for quota'));
  return errs;
}

/** ValidateResourceQuantityValue: non-negative, and whole for integer resources. */
export function validateResourceQuantityValue(resource: string, value: unknown, path: string): FieldError[] {
  const q = tryParseQuantity(value);
  if (!q) return [];
  const errs: FieldError[] = [];
  if (q.sign() < 0) errs.push(invalid(path, q.toString(), IS_NEGATIVE));
  if (isIntegerResourceName(resource) && q.milliValue() % 1000 !== 0) errs.push(invalid(path, goQuantity(q), 'must be an integer'));
  return errs;
}

export interface ResourceRequirementsLike {
  limits?: Record<string, string>;
  requests?: Record<string, string>;
  claims?: Array<{ name?: string }>;
}

/** validateResourceRequirements for a container (ValidateContainerResourceRequirements). */
export function validateContainerResources(req: ResourceRequirementsLike | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!req) return errs;
  const limPath = child(path, 'limits');
  const reqPath = child(path, 'requests');
  let limCpuMem = false;
  let reqCpuMem = false;
  let hugePages = false;
  for (const [name, value] of Object.entries(req.limits ?? {})) {
    const p = key(limPath, name);
    errs.push(...validateContainerResourceName(name, p), ...validateResourceQuantityValue(name, value, p));
    if (isHugePageResourceName(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') limCpuMem = true;
  }
  for (const [name, value] of Object.entries(req.requests ?? {})) {
    const p = key(reqPath, name);
    errs.push(...validateContainerResourceName(name, p), ...validateResourceQuantityValue(name, value, p));
    const q = tryParseQuantity(value);
    const limitText = req.limits?.[name];
    if (limitText !== undefined) {
      const limit = tryParseQuantity(limitText);
      if (q && limit) {
        if (q.cmp(limit) !== 0 && !isOvercommitAllowed(name)) {
          errs.push(invalid(reqPath, q.toString(), `must be equal to ${name} limit of ${limit.toString()}`));
        } else if (q.cmp(limit) > 0) {
          errs.push(invalid(reqPath, q.toString(), `must be less than or equal to ${name} limit of ${limit.toString()}`));
        }
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePageResourceName(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') reqCpuMem = true;
  }
  if (!limCpuMem && !reqCpuMem && hugePages) errs.push({ type: 'FieldValueForbidden', field: path, badValue: '', detail: 'HugePages require cpu or memory' });
  return errs;
}
