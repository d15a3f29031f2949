// podFailurePolicy: the first rule matching a failed pod (exit codes of terminated containers, or pod
// conditions such as DisruptionTarget) decides FailJob (with its message), Ignore (not counted) or Count.
// mirrors: pkg/controller/job/pod_failure_policy.go

import type { PodFailurePolicy, PodFailurePolicyOnExitCodesRequirement } from 'kubernetes-types/batch/v1';
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';

export interface PolicyMatch {
  /** Set when a FailJob rule matched. */
  failJobMessage?: string;
  /** False when an Ignore rule matched. */
  countFailed: boolean;
  action?: 'FailJob' | 'Ignore' | 'Count' | 'FailIndex';
}

export function matchPodFailurePolicy(policy: PodFailurePolicy | undefined, pod: Pod): PolicyMatch {
  if (!policy) return { countFailed: true };
  const ns = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  for (let index = 0; index < policy.rules.length; index++) {
    const rule = policy.rules[index];
    let failMessage: string | undefined;
    if (rule.onExitCodes) {
      const cs = matchOnExitCodes(pod, rule.onExitCodes);
      if (!cs) continue;
      failMessage = `Container ${cs.name} for pod ${ns}/${name} failed with exit code ${cs.state!.terminated!.exitCode} matching ${rule.action} rule at index ${index}`;
    } else if (rule.onPodConditions) {
      const cond = (pod.status?.conditions ?? []).find((c) => rule.onPodConditions!.some((p) => p.type === c.type && (p.status ?? 'True') === c.status));
      if (!cond) continue;
      failMessage = `Pod ${ns}/${name} has condition ${cond.type} matching ${rule.action} rule at index ${index}`;
    } else continue;
    switch (rule.action) {
      case 'Ignore':
        return { countFailed: false, action: 'Ignore' };
      case 'Count':
        return { countFailed: true, action: 'Count' };
      case 'FailJob':
        return { failJobMessage: failMessage, countFailed: true, action: 'FailJob' };
      case 'FailIndex':
        // Fails only the index under backoffLimitPerIndex, which is not modelled: counted like Count.
        return { countFailed: true, action: 'FailIndex' };
    }
  }
  return { countFailed: true };
}

function matchOnExitCodes(pod: Pod, req: PodFailurePolicyOnExitCodesRequirement): ContainerStatus | undefined {
  return matchingContainer(pod.status?.containerStatuses, req) ?? matchingContainer(pod.status?.initContainerStatuses, req);
}

function matchingContainer(list: readonly ContainerStatus[] | undefined, req: PodFailurePolicyOnExitCodesRequirement): ContainerStatus | undefined {
  for (const cs of list ?? []) {
    const t = cs.state?.terminated;
    if (!t) continue;
    if (req.containerName && req.containerName !== cs.name) continue;
    if (t.exitCode === 0) continue;
    const listed = req.values.includes(t.exitCode);
    if ((req.operator === 'In' && listed) || (req.operator === 'NotIn' && !listed)) return cs;
  }
  return undefined;
}
