import { describe, expect, it } from 'vitest';
import { aggregateMessage } from '../../../../src/engine/api/validation/field-errors';
import {
  selectorMatches,
  validateLabelSelector,
  validateObjectMeta,
  validateObjectMetaCreate,
  validateObjectMetaUpdate,
  withoutObjectMetaErrors,
} from '../../../../src/engine/api/validation/metadata';
import { nameIsDNS1035Label, nameIsDNSSubdomain } from '../../../../src/engine/api/validation/names';

const msg = (errs: ReturnType<typeof validateObjectMeta>): string => aggregateMessage(errs);

describe('validateObjectMeta (create)', () => {
  it('requires a name', () => {
    expect(msg(validateObjectMeta({ namespace: 'default' }, true, nameIsDNSSubdomain))).toBe(
      'metadata.name: Required value: name or generateName is required',
    );
  });
  it('requires or forbids the namespace by scope', () => {
    expect(msg(validateObjectMeta({ name: 'x' }, true, nameIsDNSSubdomain))).toBe('metadata.namespace: Required value');
    expect(msg(validateObjectMeta({ name: 'x', namespace: 'a' }, false, nameIsDNSSubdomain))).toBe('metadata.namespace: Forbidden: not allowed on this type');
  });
  it('checks the name with the kind rule and generateName as a prefix', () => {
    expect(msg(validateObjectMeta({ name: 'my_svc', namespace: 'default' }, true, nameIsDNS1035Label))).toBe(
      "metadata.name: Invalid value: \"my_svc\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    );
    expect(validateObjectMeta({ generateName: 'web-', name: 'web-abcde', namespace: 'd' }, true, nameIsDNSSubdomain)).toEqual([]);
  });
  it('checks labels, annotations, finalizers and owner references', () => {
    const errs = validateObjectMeta(
      {
        name: 'x',
        namespace: 'd',
        labels: { app: 'bad value' },
        annotations: { 'a/b/c': 'x' },
        finalizers: ['custom', 'orphan', 'foregroundDeletion'],
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true },
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true },
        ],
      },
      true,
      nameIsDNSSubdomain,
    );
    const text = msg(errs);
    expect(text).toContain(
      "metadata.labels: Invalid value: \"bad value\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    );
    expect(text).toContain('metadata.annotations: Invalid value: "a/b/c": a qualified name must consist of');
    expect(text).toContain('metadata.finalizers[0]: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified');
    expect(text).toContain(
      'metadata.finalizers: Invalid value: []string{"custom", "orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
    );
    expect(text).toContain('Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b');
  });
  it('rejects annotations over 256 KiB', () => {
    expect(msg(validateObjectMeta({ name: 'x', namespace: 'd', annotations: { big: 'x'.repeat(262144) } }, true, nameIsDNSSubdomain))).toBe(
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    );
  });
});

describe('validateObjectMetaUpdate', () => {
  const old = { name: 'x', namespace: 'd', uid: 'u1', resourceVersion: '5', creationTimestamp: '2025-01-02T03:04:05Z', generation: 3 };
  it('accepts an unchanged object', () => {
    expect(validateObjectMetaUpdate({ ...old }, old)).toEqual([]);
  });
  it('reports immutable fields, missing resourceVersion and decremented generation', () => {
    const errs = validateObjectMetaUpdate({ ...old, uid: 'u2', resourceVersion: '', generation: 2, creationTimestamp: '2025-02-02T00:00:00Z' }, old);
    expect(msg(errs)).toBe(
      '[metadata.resourceVersion: Invalid value: "": must be specified for an update, metadata.generation: Invalid value: 2: must not be decremented, metadata.uid: Invalid value: "u2": field is immutable, metadata.creationTimestamp: Invalid value: 2025-02-02 00:00:00 +0000 UTC: field is immutable]',
    );
  });
  it('forbids new finalizers while deleting', () => {
    const deleting = { ...old, deletionTimestamp: '2025-01-03T00:00:00Z', finalizers: ['a/b'] };
    expect(msg(validateObjectMetaUpdate({ ...deleting, finalizers: ['a/b', 'x/y', 'c/d'] }, deleting))).toBe(
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"c/d", "x/y"}',
    );
  });
  it('accepts the scope flag the REST layer passes', () => {
    expect(validateObjectMetaUpdate({ ...old }, old, true)).toEqual([]);
  });
});

describe('generic metadata for the REST layer', () => {
  it('validateObjectMetaCreate checks the name format only with the kind rule', () => {
    expect(validateObjectMetaCreate({ name: 'Bad', namespace: 'd' }, true)).toEqual([]);
    expect(msg(validateObjectMetaCreate({ namespace: 'd' }, true))).toBe('metadata.name: Required value: name or generateName is required');
    expect(msg(validateObjectMetaCreate({ name: 'Bad', namespace: 'd' }, true, nameIsDNSSubdomain))).toContain(
      'metadata.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain',
    );
  });
  it('tags generic errors so kind validators can drop them', () => {
    const errs = [...validateObjectMeta({}, true, nameIsDNSSubdomain), { type: 'FieldValueRequired' as const, field: 'spec', detail: '' }];
    expect(withoutObjectMetaErrors(errs).map((e) => e.field)).toEqual(['spec']);
  });
});

describe('label selectors', () => {
  it('validates operators and values', () => {
    expect(
      msg(
        validateLabelSelector(
          { matchExpressions: [{ key: 'a', operator: 'In' }, { key: 'b', operator: 'Exists', values: ['x'] }, { key: 'c', operator: 'Near' }] },
          'spec.selector',
        ),
      ),
    ).toBe(
      "[spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn', spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist', spec.selector.matchExpressions[2].operator: Invalid value: \"Near\": not a valid selector operator]",
    );
  });
  it('matches labels', () => {
    const sel = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] };
    expect(selectorMatches(sel, { app: 'web', tier: 'front' })).toBe(true);
    expect(selectorMatches(sel, { app: 'web', tier: 'db' })).toBe(false);
    expect(selectorMatches(undefined, { app: 'web' })).toBe(false);
    expect(selectorMatches({}, { app: 'web' })).toBe(true);
  });
});
