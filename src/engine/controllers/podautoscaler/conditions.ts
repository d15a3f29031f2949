// HPA status conditions (AbleToScale, ScalingActive, ScalingLimited): set in place, the transition time
// moving only when the status flips.
// mirrors: pkg/controller/podautoscaler/horizontal.go (setCondition, setConditionInList)

import type { HorizontalPodAutoscalerCondition } from 'kubernetes-types/autoscaling/v2';
import type { Writable } from '../../api/types';
import { rfc3339 } from '../../util/time';

export type Condition = Writable<HorizontalPodAutoscalerCondition>;
export type ConditionType = 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';

export function setCondition(list: Condition[], type: ConditionType, status: 'True' | 'False', reason: string, message: string, now: number): void {
  let c = list.find((x) => x.type === type);
  if (!c) {
    c = { type, status: '' as 'True' };
    list.push(c);
  }
  if (c.status !== status) c.lastTransitionTime = rfc3339(now);
  c.status = status;
  c.reason = reason;
  c.message = message;
}

/** A condition to set later (the first failing metric's). */
export interface PendingCondition {
  type: ConditionType;
  status: 'True' | 'False';
  reason: string;
  message: string;
}
