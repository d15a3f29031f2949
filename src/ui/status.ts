// One mapping from Kubernetes status words to the page's status colours, used by chips, pills, cards and
// the events timeline: Running/Ready green, Pending/ContainerCreating amber, errors and NotReady red,
// Terminating grey, Completed blue.

export type Tone = 'ok' | 'wait' | 'bad' | 'gone' | 'done' | 'unknown';

const BAD = /BackOff|Err|Error|OOMKilled|Evicted|Failed|NodeLost|NodeAffinity|OutOf|Unknown|Invalid|DeadlineExceeded|ContainerStatusUnknown/;

/** Tone of a pod from its STATUS column and READY column ("1/2"). */
export function podTone(status: string, ready: string, deleting = false): Tone {
  if (deleting || status === 'Terminating') return 'gone';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (status === 'Running') {
    const [a, b] = ready.split('/');
    return a === b ? 'ok' : 'wait';
  }
  if (BAD.test(status)) return 'bad';
  if (status === 'Pending' || status === 'ContainerCreating' || status === 'PodInitializing' || status.startsWith('Init:') || status === 'SchedulingGated') return 'wait';
  return 'unknown';
}

export function nodeTone(n: { ready: boolean; power: string; partitioned: boolean; unschedulable: boolean }): Tone {
  if (!n.ready) return 'bad';
  if (n.power === 'off' || n.partitioned) return 'wait';
  if (n.unschedulable) return 'wait';
  return 'ok';
}

export function eventTone(type: string): Tone {
  return type === 'Warning' ? 'bad' : 'ok';
}

/** Human label for a tone, for legends and screen readers. */
export const TONE_LABEL: Record<Tone, string> = {
  ok: 'Running / Ready',
  wait: 'Pending / Creating',
  bad: 'Error / NotReady',
  gone: 'Terminating',
  done: 'Completed',
  unknown: 'Unknown',
};
