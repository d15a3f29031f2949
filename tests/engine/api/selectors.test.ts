// Label and field selectors: parsing, matching, and the apiserver's error texts.
import { describe, expect, it } from 'vitest';
import { parseLabelSelector, selectorFromLabelSelector, LabelSelectorError, formatLabelSelector } from '../../../src/engine/api/selectors/labels';
import { parseFieldSelector } from '../../../src/engine/api/selectors/fields';

describe('label selectors', () => {
  const cases: [string, Record<string, string>, boolean][] = [
    ['app=web', { app: 'web' }, true],
    ['app==web', { app: 'web' }, true],
    ['app=web', { app: 'db' }, false],
    ['app!=web', {}, true],
    ['app!=web', { app: 'web' }, false],
    ['app in (web, db)', { app: 'db' }, true],
    ['app notin (web,db)', { app: 'cache' }, true],
    ['app notin (web,db)', {}, true],
    ['app', { app: '' }, true],
    ['!app', { app: 'x' }, false],
    ['!app', {}, true],
    ['app=web,tier=fe', { app: 'web', tier: 'fe' }, true],
    ['app=web,tier=fe', { app: 'web' }, false],
    ['replicas>2', { replicas: '3' }, true],
    ['replicas<2', { replicas: '3' }, false],
    ['example.com/role=db', { 'example.com/role': 'db' }, true],
    ['', { any: 'x' }, true],
  ];
  for (const [sel, labels, want] of cases) {
    it(`${JSON.stringify(sel)} on ${JSON.stringify(labels)} → ${want}`, () => {
      expect(parseLabelSelector(sel).matches(labels)).toBe(want);
    });
  }

  it('reports parse errors like the apiserver', () => {
    expect(() => parseLabelSelector('app in web')).toThrow(LabelSelectorError);
    expect(() => parseLabelSelector('app in web')).toThrow("unable to parse requirement: found 'web', expected: '('");
    expect(() => parseLabelSelector('-bad=x')).toThrow(/invalid label key "-bad"/);
    expect(() => parseLabelSelector('a>b')).toThrow("unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer");
  });

  it('converts metav1.LabelSelector (nil matches nothing, empty matches everything)', () => {
    expect(selectorFromLabelSelector(undefined).matches({ a: 'b' })).toBe(false);
    expect(selectorFromLabelSelector({}).matches({ a: 'b' })).toBe(true);
    const s = selectorFromLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }, { key: 'canary', operator: 'DoesNotExist' }] });
    expect(s.matches({ app: 'web', tier: 'fe' })).toBe(true);
    expect(s.matches({ app: 'web', tier: 'fe', canary: 'y' })).toBe(false);
    expect(formatLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a', 'b'] }] })).toBe('app=web,tier notin (a,b)');
  });
});

describe('field selectors', () => {
  it('parses = == != with escapes and matches', () => {
    const s = parseFieldSelector('metadata.name=web,status.phase!=Running,spec.nodeName==n\\,1');
    expect(s.requirements).toEqual([
      { field: 'metadata.name', op: '=', value: 'web' },
      { field: 'status.phase', op: '!=', value: 'Running' },
      { field: 'spec.nodeName', op: '=', value: 'n,1' },
    ]);
    const get = (f: string) => ({ 'metadata.name': 'web', 'status.phase': 'Pending', 'spec.nodeName': 'n,1' })[f];
    expect(s.matches(get)).toBe(true);
    expect(s.exact('metadata.name')).toBe('web');
  });
  it('rejects terms without an operator', () => {
    expect(() => parseFieldSelector('nonsense')).toThrow("invalid selector: 'nonsense'; can't understand 'nonsense'");
  });
});
