// kubectl rollout: the group of rollout subcommands (history, pause, restart, resume, status, undo).
// mirrors: kubectl/pkg/cmd/rollout/rollout.go

import type { CommandSpec } from '../command';
import { rolloutHistoryCommand } from './rollout-history';
import { rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand } from './rollout-pause';
import { rolloutStatusCommand } from './rollout-status';
import { rolloutUndoCommand } from './rollout-undo';

export const rolloutCommand: CommandSpec = {
  name: 'rollout',
  group: 'Deploy Commands',
  short: 'Manage the rollout of a resource',
  long: 'Manage the rollout of one or many resources.\n        \n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets',
  examples:
    "  # Rollback to the previous deployment\n  kubectl rollout undo deployment/abc\n  \n  # Check the rollout status of a daemonset\n  kubectl rollout status daemonset/foo\n  \n  # Restart a deployment\n  kubectl rollout restart deployment/abc\n  \n  # Restart deployments with the 'app=nginx' label\n  kubectl rollout restart deployment --selector=app=nginx",
  usage: 'kubectl rollout SUBCOMMAND [options]',
  flags: [],
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand],
};
