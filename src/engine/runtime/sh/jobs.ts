// Background jobs (`cmd &`): numbering like bash (lowest free number), `$!`, `wait`, `kill %N`,
// and the "[1]+  Done  cmd" notices an interactive shell prints before its next prompt.

import { jobLine } from './messages';
import { AbortScope, type SignalName } from './signal';

export interface Job {
  readonly id: number;
  readonly pid: number;
  readonly source: string;
  readonly scope: AbortScope;
  /** Exit status once finished. */
  status: number | null;
  /** The signal that ended it, if killed. */
  killedBy: SignalName | null;
  promise: Promise<number>;
}

const SIGNAL_STATE: Record<SignalName, string> = {
  SIGHUP: 'Hangup', SIGINT: 'Interrupt', SIGKILL: 'Killed', SIGPIPE: 'Broken pipe', SIGTERM: 'Terminated',
};

export class JobTable {
  private jobs: Job[] = [];
  /** Lines to print before the next prompt (interactive shells only). */
  notices: string[] = [];

  constructor(private readonly notify: boolean) {}

  add(pid: number, source: string, scope: AbortScope): Job {
    let id = 1;
    while (this.jobs.some((j) => j.id === id)) id++;
    const job: Job = { id, pid, source, scope, status: null, killedBy: null, promise: Promise.resolve(0) };
    this.jobs.push(job);
    return job;
  }

  finish(job: Job, status: number): void {
    job.status = status;
    job.killedBy = job.scope.aborted ? job.scope.reason : null;
    job.scope.dispose();
    if (this.notify) {
      const state = job.killedBy ? SIGNAL_STATE[job.killedBy] : status === 0 ? 'Done' : `Exit ${status}`;
      this.notices.push(jobLine(job.id, this.marker(job), state, job.source));
    }
    this.jobs = this.jobs.filter((j) => j !== job);
  }

  /** '+' for the current (latest) job, '-' for the previous one. */
  marker(job: Job): string {
    const n = this.jobs.length;
    if (this.jobs[n - 1] === job) return '+';
    if (this.jobs[n - 2] === job) return '-';
    return ' ';
  }

  list(): readonly Job[] {
    return this.jobs;
  }

  byPid(pid: number): Job | undefined {
    return this.jobs.find((j) => j.pid === pid);
  }

  /** `%N`, `%+`, `%%`, `%-`, or `%string` (a job whose command starts with it). */
  bySpec(spec: string): Job | undefined {
    const s = spec.slice(1);
    const n = this.jobs.length;
    if (s === '' || s === '+' || s === '%') return this.jobs[n - 1];
    if (s === '-') return this.jobs[n - 2];
    if (/^\d+$/.test(s)) return this.jobs.find((j) => j.id === Number(s));
    return this.jobs.find((j) => j.source.startsWith(s));
  }

  take(): string[] {
    const n = this.notices;
    this.notices = [];
    return n;
  }
}
