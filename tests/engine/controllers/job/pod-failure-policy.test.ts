import { describe, expect, it } from 'vitest';
import { matchPodFailurePolicy } from '../../../../src/engine/controllers/job/pod-failure-policy';
import type { PodFailurePolicy } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';

const policy: PodFailurePolicy = {
  rules: [
    { action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } },
    { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
    { action: 'Count', onExitCodes: { operator: 'NotIn', values: [1, 2] } },
  ],
};

function failed(exit: number, name = 'main', disrupted = false): Pod {
  return {
    metadata: { name: 'job-x', namespace: 'ns' },
    status: {
      phase: 'Failed',
      conditions: disrupted ? [{ type: 'DisruptionTarget', status: 'True' }] : [],
      containerStatuses: [{ name, image: 'i', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: exit } } }],
    },
  };
}

describe('podFailurePolicy', () => {
  it('FailJob on a listed exit code, with the upstream message', () => {
    expect(matchPodFailurePolicy(policy, failed(42))).toEqual({
      failJobMessage: 'Container main for pod ns/job-x failed with exit code 42 matching FailJob rule at index 0',
      countFailed: true,
      action: 'FailJob',
    });
  });

  it.each([
    ['other container name', failed(42, 'side'), { countFailed: true, action: 'Count' }],
    ['disruption ignored', failed(1, 'main', true), { countFailed: false, action: 'Ignore' }],
    ['NotIn matches', failed(7), { countFailed: true, action: 'Count' }],
    ['no rule matches', failed(2), { countFailed: true }],
  ])('%s', (_name, pod, want) => {
    expect(matchPodFailurePolicy(policy, pod)).toEqual(want);
  });

  it('no policy: every failure counts', () => {
    expect(matchPodFailurePolicy(undefined, failed(42))).toEqual({ countFailed: true });
  });
});
