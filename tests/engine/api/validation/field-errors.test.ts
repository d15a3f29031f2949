import { describe, expect, it } from 'vitest';
import {
  aggregateMessage,
  duplicate,
  errorBody,
  fieldErrorMessage,
  forbidden,
  internalError,
  invalid,
  invalidMessage,
  invalidStatus,
  notFound,
  notSupported,
  required,
  tooLong,
  tooMany,
  type FieldError,
} from '../../../../src/engine/api/validation/field-errors';
import { goFloat, goIntOrString, goLabelSelector, goQuote, goStringMap, goStringSlice } from '../../../../src/engine/api/validation/go-format';

describe('fieldErrorMessage (field.Error.Error())', () => {
  const table: Array<[FieldError, string]> = [
    [invalid('spec.replicas', -1, 'must be greater than or equal to 0'), 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [invalid('metadata.name', 'Web', 'bad'), 'metadata.name: Invalid value: "Web": bad'],
    [invalid('x', 'say "hi"\n', 'd'), 'x: Invalid value: "say \\"hi\\"\\n": d'],
    [invalid('x', true, 'd'), 'x: Invalid value: true: d'],
    [invalid('x', null, 'd'), 'x: Invalid value: null: d'],
    [invalid('x', undefined, 'd'), 'x: Invalid value: null: d'],
    [invalid('x', 0.5, 'd'), 'x: Invalid value: 0.5: d'],
    [invalid('x', 1e6 + 0.5, 'd'), 'x: Invalid value: 1.0000005e+06: d'],
    [invalid('spec.template.metadata.labels', { b: '2', app: 'web' }, 'd'), 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web", "b":"2"}: d'],
    [invalid('x', ['a', 'b'], 'd'), 'x: Invalid value: []string{"a", "b"}: d'],
    [required('spec.containers'), 'spec.containers: Required value'],
    [required('metadata.name', 'name or generateName is required'), 'metadata.name: Required value: name or generateName is required'],
    [forbidden('spec', 'not allowed'), 'spec: Forbidden: not allowed'],
    [duplicate('spec.containers[1].name', 'web'), 'spec.containers[1].name: Duplicate value: "web"'],
    [notFound('spec.containers[0].volumeMounts[0].name', 'data'), 'spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    [
      notSupported('spec.restartPolicy', 'Sometimes', ['Always', 'OnFailure', 'Never']),
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    [notSupported('x', 'y', []), 'x: Unsupported value: "y"'],
    [tooLong('metadata.annotations', 262144), 'metadata.annotations: Too long: may not be more than 262144 bytes'],
    [tooLong('', 1048576), ': Too long: may not be more than 1048576 bytes'],
    [tooMany('spec.rules', 25, 20), 'spec.rules: Too many: 25: must have at most 20 items'],
    [tooMany('spec.rules', -1, 20), 'spec.rules: Too many: must have at most 20 items'],
    [internalError('spec', 'boom'), 'spec: Internal error: boom'],
  ];
  it.each(table)('%#', (e, expected) => {
    expect(fieldErrorMessage(e)).toBe(expected);
  });

  it('errorBody leaves the field out', () => {
    expect(errorBody(invalid('spec.replicas', -1, 'must be greater than or equal to 0'))).toBe('Invalid value: -1: must be greater than or equal to 0');
  });
});

describe('Go value rendering', () => {
  it('quotes like strconv.Quote', () => {
    expect(goQuote('a\tb\u0001é')).toBe('"a\\tb\\x01é"');
  });
  it('prints floats like %v', () => {
    expect(goFloat(1000000)).toBe('1e+06');
    expect(goFloat(123456)).toBe('123456');
    expect(goFloat(0.00001)).toBe('1e-05');
  });
  it('prints Go syntax for maps, slices, selectors and IntOrString', () => {
    expect(goStringMap(undefined).text).toBe('map[string]string(nil)');
    expect(goStringSlice(undefined).text).toBe('[]string(nil)');
    expect(goLabelSelector({ matchLabels: { app: 'web2' } }).text).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
    );
    expect(goLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: ['x'] }] }).text).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"a", Operator:"In", Values:[]string{"x"}}}}',
    );
    expect(goIntOrString(0).text).toBe('intstr.IntOrString{Type:0, IntVal:0, StrVal:""}');
    expect(goIntOrString('30%').text).toBe('intstr.IntOrString{Type:1, IntVal:0, StrVal:"30%"}');
  });
});

describe('aggregateMessage', () => {
  it('returns one error as itself and several in brackets, without duplicates', () => {
    const a = required('spec.selector');
    const b = invalid('spec.replicas', -1, 'must be greater than or equal to 0');
    expect(aggregateMessage([a])).toBe('spec.selector: Required value');
    expect(aggregateMessage([a, b, a])).toBe('[spec.selector: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]');
    expect(aggregateMessage([a, { ...a }])).toBe('spec.selector: Required value');
    expect(aggregateMessage([])).toBe('');
  });
});

describe('invalidStatus (errors.NewInvalid)', () => {
  it('builds the 422 Status with group-qualified kind and causes', () => {
    const status = invalidStatus('Deployment', 'apps', 'web', [invalid('spec.replicas', -1, 'must be greater than or equal to 0')]);
    expect(status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      reason: 'Invalid',
      details: {
        name: 'web',
        group: 'apps',
        kind: 'Deployment',
        causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' }],
      },
      code: 422,
    });
    expect(Object.keys(status.details)).toEqual(['name', 'group', 'kind', 'causes']);
    expect(JSON.stringify(status).startsWith('{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":')).toBe(true);
  });

  it('omits the group for core kinds and drops repeated causes', () => {
    const errs = [required('spec.containers'), required('spec.containers'), required('spec.containers', 'other')];
    const status = invalidStatus('Pod', '', 'p', errs);
    expect(status.message).toBe('Pod "p" is invalid: [spec.containers: Required value, spec.containers: Required value: other]');
    expect(status.details).toEqual({
      name: 'p',
      kind: 'Pod',
      causes: [
        { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers' },
        { reason: 'FieldValueRequired', message: 'Required value: other', field: 'spec.containers' },
      ],
    });
  });

  it('has no colon when there are no errors and omits empty fields of causes', () => {
    expect(invalidMessage('ConfigMap', '', 'cm', [])).toBe('ConfigMap "cm" is invalid');
    expect(invalidStatus('ConfigMap', '', 'cm', [tooLong('', 1048576)]).details.causes).toEqual([
      { reason: 'FieldValueTooLong', message: 'Too long: may not be more than 1048576 bytes' },
    ]);
  });
});
