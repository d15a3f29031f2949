// ObjectMeta validation on create and update, labels, annotations, finalizers, owner references,
// label selectors and immutable fields, with upstream field paths and wording.
// mirrors: k8s.io/apimachinery/pkg/api/validation/objectmeta.go, pkg/apis/meta/v1/validation/validation.go,
//          pkg/apis/core/validation ValidateObjectMeta(Update) (kube finalizer names)

import type { LabelSelector, ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';
import { child, forbidden, index, invalid, required, tooLong, type FieldError } from './field-errors';
import { goBoolPointer, goQuote, goRepr, goStringSlice, type GoRepr } from './go-format';
import { byteLength, isQualifiedName, isValidLabelValue, validateNamespaceName, type NameValidator } from './names';

export const FIELD_IMMUTABLE = 'field is immutable';
export const IS_NEGATIVE = 'must be greater than or equal to 0';
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

// Errors produced by the generic ObjectMeta checks, so a caller that runs those checks itself (the
// REST layer) can drop them from a kind validator's result without losing kind-specific ones.
const OBJECT_META_ERRORS = new WeakSet<FieldError>();

function tagged(errs: FieldError[]): FieldError[] {
  for (const e of errs) OBJECT_META_ERRORS.add(e);
  return errs;
}

/** Whether an error came from validateObjectMeta / validateObjectMetaUpdate. */
export function isObjectMetaError(e: FieldError): boolean {
  return OBJECT_META_ERRORS.has(e);
}

/** The errors that do not come from the generic ObjectMeta checks. */
export function withoutObjectMetaErrors(errs: FieldError[]): FieldError[] {
  return errs.filter((e) => !OBJECT_META_ERRORS.has(e));
}

export function validateNonnegativeField(value: number, path: string): FieldError[] {
  return value < 0 ? [invalid(path, value, IS_NEGATIVE)] : [];
}

export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

/** ValidateLabels: keys as qualified names, values as label values; errors on the map's path. */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!labels) return errs;
  for (const [k, v] of Object.entries(labels)) {
    errs.push(...validateLabelName(k, path));
    for (const m of isValidLabelValue(String(v))) errs.push(invalid(path, v, m));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!annotations) return errs;
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    size += byteLength(k) + byteLength(String(v));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function splitAPIVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return { group: '', version: apiVersion };
  if (apiVersion.indexOf('/', slash + 1) >= 0) return { group: '', version: '' };
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** %#v of a v1.OwnerReference. */
function goOwnerReference(r: OwnerReference): string {
  return `v1.OwnerReference{APIVersion:${goQuote(r.apiVersion ?? '')}, Kind:${goQuote(r.kind ?? '')}, Name:${goQuote(r.name ?? '')}, UID:${goQuote(r.uid ?? '')}, Controller:${goBoolPointer(r.controller)}, BlockOwnerDeletion:${goBoolPointer(r.blockOwnerDeletion)}}`;
}

function validateOwnerReference(ref: OwnerReference, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const gv = splitAPIVersion(ref.apiVersion ?? '');
  if (!gv.version) errs.push(invalid(child(path, 'apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
  if (!ref.kind) errs.push(invalid(child(path, 'kind'), ref.kind ?? '', 'kind must not be empty'));
  if (!ref.name) errs.push(invalid(child(path, 'name'), ref.name ?? '', 'name must not be empty'));
  if (!ref.uid) errs.push(invalid(child(path, 'uid'), ref.uid ?? '', 'uid must not be empty'));
  if (gv.group === '' && gv.version === 'v1' && ref.kind === 'Event') {
    errs.push(invalid(path, goRepr(goOwnerReference(ref)), '/v1, Kind=Event is disallowed from being an owner'));
  }
  return errs;
}

export function validateOwnerReferences(refs: OwnerReference[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    errs.push(...validateOwnerReference(ref, path));
    if (ref.controller) {
      const name = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          invalid(
            path,
            goRepr(`[]v1.OwnerReference{${(refs ?? []).map(goOwnerReference).join(', ')}}`),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${name}`,
          ),
        );
      } else firstController = name;
    }
  }
  return errs;
}

/** apimachinery ValidateFinalizers plus core's check that unprefixed finalizers are standard ones. */
export function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!finalizers) return errs;
  for (const f of finalizers) errs.push(...isQualifiedName(f).map((m) => invalid(path, f, m)));
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(invalid(path, goStringSlice(finalizers), 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  finalizers.forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid(index(path, i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

/** ValidateObjectMeta (create). The name is expected to be generated already from generateName. */
export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  requiresNamespace: boolean,
  nameFn: NameValidator,
  path = 'metadata',
): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) {
    for (const msg of nameFn(m.generateName, true)) errs.push(invalid(child(path, 'generateName'), m.generateName, msg));
  }
  if (!m.name) {
    errs.push(required(child(path, 'name'), 'name or generateName is required'));
  } else {
    for (const msg of nameFn(m.name, false)) errs.push(invalid(child(path, 'name'), m.name, msg));
  }
  if (requiresNamespace) {
    if (!m.namespace) errs.push(required(child(path, 'namespace')));
    else for (const msg of validateNamespaceName(m.namespace, false)) errs.push(invalid(child(path, 'namespace'), m.namespace, msg));
  } else if (m.namespace) {
    errs.push(forbidden(child(path, 'namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(m.generation ?? 0, child(path, 'generation')));
  errs.push(...validateLabels(m.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, child(path, 'ownerReferences')));
  errs.push(...validateFinalizers(m.finalizers, child(path, 'finalizers')));
  return tagged(errs);
}

/**
 * ValidateObjectMeta for a caller that knows only the kind's scope (the generic REST layer). The name
 * format is kind-specific: pass the kind's rule (registry/validation nameValidatorFor), or leave it out
 * to check only that a name is present and let the kind's validator report its format.
 */
export function validateObjectMetaCreate(meta: ObjectMeta | undefined, namespaced: boolean, nameFn?: NameValidator): FieldError[] {
  return validateObjectMeta(meta, namespaced, nameFn ?? (() => []));
}

/** Deep equality of JSON values (apiequality.Semantic.DeepEqual for plain data). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}

/** ValidateImmutableField: `Invalid value: <new>: field is immutable`. */
export function validateImmutableField(newVal: unknown, oldVal: unknown, path: string, shownValue: unknown = newVal): FieldError[] {
  return deepEqual(newVal, oldVal) ? [] : [invalid(path, shownValue, FIELD_IMMUTABLE)];
}

function timeValue(t: string | undefined): GoRepr {
  // metav1.Time is a fmt.Stringer (time.Time.String()): "2006-01-02 15:04:05 +0000 UTC", unquoted.
  if (!t) return goRepr('0001-01-01 00:00:00 +0000 UTC');
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return goRepr(t);
  return goRepr(d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '').replace(/Z$/, '') + ' +0000 UTC');
}

/** ValidateObjectMetaUpdate. The third argument may be the metadata path or (ignored) the kind's scope. */
export function validateObjectMetaUpdate(newMeta: ObjectMeta | undefined, oldMeta: ObjectMeta | undefined, pathOrScope: string | boolean = 'metadata'): FieldError[] {
  const path = typeof pathOrScope === 'string' ? pathOrScope : 'metadata';
  const n = newMeta ?? {};
  const o = oldMeta ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const oldSet = new Set(o.finalizers ?? []);
    const extra = [...new Set((n.finalizers ?? []).filter((f) => !oldSet.has(f)))].sort();
    if (extra.length > 0) {
      errs.push(
        forbidden(
          child(path, 'finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra)}`,
        ),
      );
    }
  }
  if (!n.resourceVersion) errs.push(invalid(child(path, 'resourceVersion'), n.resourceVersion ?? '', 'must be specified for an update'));
  if ((n.generation ?? 0) < (o.generation ?? 0)) errs.push(invalid(child(path, 'generation'), n.generation ?? 0, 'must not be decremented'));
  errs.push(...validateImmutableField(n.name ?? '', o.name ?? '', child(path, 'name')));
  errs.push(...validateImmutableField(n.namespace ?? '', o.namespace ?? '', child(path, 'namespace')));
  errs.push(...validateImmutableField(n.uid ?? '', o.uid ?? '', child(path, 'uid')));
  // Times are shown as Go prints them, which is costly: only when they differ.
  if ((n.creationTimestamp ?? null) !== (o.creationTimestamp ?? null)) {
    errs.push(...validateImmutableField(n.creationTimestamp ?? null, o.creationTimestamp ?? null, child(path, 'creationTimestamp'), timeValue(n.creationTimestamp)));
  }
  if ((n.deletionTimestamp ?? null) !== (o.deletionTimestamp ?? null)) {
    errs.push(
      ...validateImmutableField(n.deletionTimestamp ?? null, o.deletionTimestamp ?? null, child(path, 'deletionTimestamp'), n.deletionTimestamp ? timeValue(n.deletionTimestamp) : null),
    );
  }
  errs.push(
    ...validateImmutableField(n.deletionGracePeriodSeconds ?? null, o.deletionGracePeriodSeconds ?? null, child(path, 'deletionGracePeriodSeconds')),
  );
  errs.push(...validateLabels(n.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(n.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(n.ownerReferences, child(path, 'ownerReferences')));
  (n.finalizers ?? []).forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid(index(child(path, 'finalizers'), i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return tagged(errs);
}

export interface LabelSelectorOptions {
  allowInvalidLabelValueInSelector?: boolean;
}

/** ValidateLabelSelector (metav1). */
export function validateLabelSelector(sel: LabelSelector | undefined, path: string, opts: LabelSelectorOptions = {}): FieldError[] {
  const errs: FieldError[] = [];
  if (!sel) return errs;
  errs.push(...validateLabels(sel.matchLabels, child(path, 'matchLabels')));
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    const p = index(child(path, 'matchExpressions'), i);
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(child(p, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(forbidden(child(p, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalid(child(p, 'operator'), expr.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(expr.key ?? '', child(p, 'key')));
    if (!opts.allowInvalidLabelValueInSelector) {
      values.forEach((v, vi) => {
        for (const m of isValidLabelValue(v)) errs.push(invalid(index(child(p, 'values'), vi), v, m));
      });
    }
  });
  return errs;
}

/** Whether a label selector (metav1.LabelSelectorAsSelector) matches a label set; nil matches nothing. */
export function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const vals = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !vals.includes(l[e.key])) return false;
        break;
      case 'NotIn':
        if (has && vals.includes(l[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** True when LabelSelectorAsSelector would fail (unknown operator, bad values count). */
export function selectorIsMalformed(sel: LabelSelector | undefined): boolean {
  for (const e of sel?.matchExpressions ?? []) {
    const n = (e.values ?? []).length;
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (n === 0) return true;
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (n > 0) return true;
    } else return true;
    if (isQualifiedName(e.key).length > 0) return true;
  }
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) {
    if (isQualifiedName(k).length > 0 || isValidLabelValue(v).length > 0) return true;
  }
  return false;
}

/** A selector with no requirements. */
export function selectorIsEmpty(sel: LabelSelector | undefined): boolean {
  return !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
}
