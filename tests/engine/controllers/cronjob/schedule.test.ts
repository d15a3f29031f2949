import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../../src/engine/controllers/cronjob/schedule';
import { fromWall, loadLocationError, rfc1123zUTC, rfc3339InZone, toWall } from '../../../../src/engine/controllers/cronjob/timezone';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? 'none' : new Date(ms).toISOString().replace('.000Z', 'Z'));

/** The next n activations after `from`. */
function nexts(spec: string, from: string, n = 3): string[] {
  const s = parseSchedule(spec);
  const out: string[] = [];
  let t: number | undefined = at(from);
  for (let i = 0; i < n && t !== undefined; i++) {
    t = s.next(t);
    out.push(iso(t));
  }
  return out;
}

describe('cron schedule Next (robfig/cron v3 ParseStandard)', () => {
  it.each([
    ['* * * * *', '2025-01-01T00:00:45Z', ['2025-01-01T00:01:00Z', '2025-01-01T00:02:00Z', '2025-01-01T00:03:00Z']],
    ['*/15 * * * *', '2025-01-01T00:14:59Z', ['2025-01-01T00:15:00Z', '2025-01-01T00:30:00Z', '2025-01-01T00:45:00Z']],
    ['5/20 * * * *', '2025-01-01T00:00:00Z', ['2025-01-01T00:05:00Z', '2025-01-01T00:25:00Z', '2025-01-01T00:45:00Z']],
    ['0 9 * * 1-5', '2025-01-03T10:00:00Z', ['2025-01-06T09:00:00Z', '2025-01-07T09:00:00Z', '2025-01-08T09:00:00Z']],
    ['30 6-16/4 * * *', '2025-01-01T07:00:00Z', ['2025-01-01T10:30:00Z', '2025-01-01T14:30:00Z', '2025-01-02T06:30:00Z']],
    ['0 0 * jan,JUL sun', '2025-01-01T00:00:00Z', ['2025-01-05T00:00:00Z', '2025-01-12T00:00:00Z', '2025-01-19T00:00:00Z']],
    // Both day fields restricted: either may match (13th or Friday).
    ['0 0 13 * 5', '2025-06-01T00:00:00Z', ['2025-06-06T00:00:00Z', '2025-06-13T00:00:00Z', '2025-06-20T00:00:00Z']],
    // Day-of-week with a step is not a star: the OR rule applies too.
    ['0 0 1 * */7', '2025-01-01T12:00:00Z', ['2025-01-05T00:00:00Z', '2025-01-12T00:00:00Z', '2025-01-19T00:00:00Z']],
    ['0 0 31 * *', '2025-01-31T00:00:00Z', ['2025-03-31T00:00:00Z', '2025-05-31T00:00:00Z', '2025-07-31T00:00:00Z']],
    ['@hourly', '2025-01-01T00:00:45Z', ['2025-01-01T01:00:00Z', '2025-01-01T02:00:00Z', '2025-01-01T03:00:00Z']],
    ['@daily', '2025-01-01T00:00:45Z', ['2025-01-02T00:00:00Z', '2025-01-03T00:00:00Z', '2025-01-04T00:00:00Z']],
    ['@weekly', '2025-01-01T00:00:45Z', ['2025-01-05T00:00:00Z', '2025-01-12T00:00:00Z', '2025-01-19T00:00:00Z']],
    ['@monthly', '2025-01-01T00:00:45Z', ['2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z']],
    ['@yearly', '2025-01-01T00:00:45Z', ['2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z']],
    ['@every 90s', '2025-01-01T00:00:45.500Z', ['2025-01-01T00:02:15Z', '2025-01-01T00:03:45Z', '2025-01-01T00:05:15Z']],
    ['TZ=Europe/Berlin 0 9 * * *', '2025-01-01T00:00:00Z', ['2025-01-01T08:00:00Z', '2025-01-02T08:00:00Z', '2025-01-03T08:00:00Z']],
    ['CRON_TZ=America/New_York 0 9 * * *', '2025-07-01T00:00:00Z', ['2025-07-01T13:00:00Z', '2025-07-02T13:00:00Z', '2025-07-03T13:00:00Z']],
  ])('%s after %s', (spec, from, want) => {
    expect(nexts(spec, from)).toEqual(want);
  });

  it('skips wall times that do not exist on the DST spring-forward day', () => {
    // Europe/Berlin jumps from 02:00 to 03:00 on 2025-03-30.
    expect(nexts('TZ=Europe/Berlin 30 2 * * *', '2025-03-28T12:00:00Z')).toEqual(['2025-03-29T01:30:00Z', '2025-03-31T00:30:00Z', '2025-04-01T00:30:00Z']);
  });

  it('never matches an impossible date', () => {
    expect(parseSchedule('0 0 30 2 *').next(at('2025-01-01T00:00:00Z'))).toBeUndefined();
  });

  it.each([
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
  ])('rejects %s with robfig’s message', (spec, msg) => {
    expect(() => parseSchedule(spec)).toThrow(msg);
  });
});

describe('time zones', () => {
  it('converts between instants and wall time', () => {
    const t = at('2025-07-01T12:00:00Z');
    expect(iso(toWall(t, 'Europe/Berlin'))).toBe('2025-07-01T14:00:00Z');
    expect(iso(fromWall(at('2025-07-01T14:00:00Z'), 'Europe/Berlin'))).toBe('2025-07-01T12:00:00Z');
    expect(toWall(t, undefined)).toBe(t);
  });

  it('formats RFC3339 in the zone and RFC1123Z in UTC', () => {
    expect(rfc3339InZone(at('2025-01-01T00:05:00Z'), undefined)).toBe('2025-01-01T00:05:00Z');
    expect(rfc3339InZone(at('2025-01-01T00:05:00Z'), 'Europe/Berlin')).toBe('2025-01-01T01:05:00+01:00');
    expect(rfc3339InZone(at('2025-01-01T00:05:00Z'), 'America/St_Johns')).toBe('2024-12-31T20:35:00-03:30');
    expect(rfc1123zUTC(at('2025-01-01T00:01:00Z'))).toBe('Wed, 01 Jan 2025 00:01:00 +0000');
  });

  it.each([
    ['Europe/Berlin', undefined],
    ['UTC', undefined],
    ['europe/berlin', 'unknown time zone europe/berlin'],
    ['Mars/Olympus', 'unknown time zone Mars/Olympus'],
  ])('LoadLocation(%s)', (tz, err) => {
    expect(loadLocationError(tz)).toBe(err);
  });
});
