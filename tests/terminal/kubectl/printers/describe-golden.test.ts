// The generic describer (used for custom resources) against kubectl v1.32's output for the same
// object and events: see fixtures/describe.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeGeneric } from '../../../../src/terminal/kubectl/printers/describe-generic';
import type { DescribedEvent } from '../../../../src/terminal/kubectl/printers/describe-events';
import type { JsonObject } from '../../../../src/terminal/kubectl/printers/gofmt';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/describe.json', import.meta.url), 'utf8')) as {
  object: JsonObject;
  events: DescribedEvent[];
  nowMs: number;
  withEvents: string;
  withoutEvents: string;
};

describe('generic describer matches kubectl v1.32', () => {
  it('prints labels, annotations, fields and an empty event list', () => {
    expect(describeGeneric(fixture.object, [], fixture.nowMs)).toBe(fixture.withoutEvents);
  });
  it('prints the events table sorted by last timestamp', () => {
    expect(describeGeneric(fixture.object, fixture.events, fixture.nowMs)).toBe(fixture.withEvents);
  });
  it('omits the Events section when events were not requested', () => {
    expect(describeGeneric(fixture.object, undefined, fixture.nowMs)).toBe(fixture.withoutEvents.replace('Events:      <none>\n', ''));
  });
});
