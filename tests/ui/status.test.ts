import { describe, expect, it } from 'vitest';
import { nodeTone, podTone } from '../../src/ui/status';

describe('status colours', () => {
  it.each([
    ['Running', '1/1', false, 'ok'],
    ['Running', '0/1', false, 'wait'],
    ['Pending', '0/1', false, 'wait'],
    ['ContainerCreating', '0/1', false, 'wait'],
    ['Init:0/1', '0/1', false, 'wait'],
    ['CrashLoopBackOff', '0/1', false, 'bad'],
    ['ImagePullBackOff', '0/1', false, 'bad'],
    ['ErrImagePull', '0/1', false, 'bad'],
    ['Error', '0/1', false, 'bad'],
    ['OOMKilled', '0/1', false, 'bad'],
    ['Init:CrashLoopBackOff', '0/1', false, 'bad'],
    ['Terminating', '1/1', true, 'gone'],
    ['Running', '1/1', true, 'gone'],
    ['Completed', '0/1', false, 'done'],
  ])('%s %s deleting=%s → %s', (status, ready, deleting, tone) => {
    expect(podTone(status, ready, deleting)).toBe(tone);
  });

  it('nodes', () => {
    expect(nodeTone({ ready: true, power: 'on', partitioned: false, unschedulable: false })).toBe('ok');
    expect(nodeTone({ ready: true, power: 'on', partitioned: false, unschedulable: true })).toBe('wait');
    expect(nodeTone({ ready: true, power: 'off', partitioned: false, unschedulable: false })).toBe('wait');
    expect(nodeTone({ ready: false, power: 'off', partitioned: false, unschedulable: false })).toBe('bad');
  });
});
