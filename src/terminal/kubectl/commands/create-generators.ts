// kubectl create's subcommands (the generators), in the order kubectl registers them; `kubectl create
// --help` lists them sorted.
// mirrors: kubectl/pkg/cmd/create/create.go (NewCmdCreate)

import type { CommandSpec } from '../command';
import { configMapCommand } from './create-configmap';
import { deploymentCommand } from './create-deployment';
import { cronJobCommand, jobCommand } from './create-job';
import { ingressCommand } from './create-ingress';
import { namespaceCommand, podDisruptionBudgetCommand, priorityClassCommand, quotaCommand, serviceAccountCommand } from './create-misc';
import { rbacCommands } from './create-rbac';
import { secretCommand } from './create-secret';
import { serviceCommand } from './create-service';
import { tokenCommand } from './create-token';

export function createGenerators(): CommandSpec[] {
  return [
    namespaceCommand(),
    quotaCommand(),
    secretCommand(),
    configMapCommand(),
    serviceAccountCommand(),
    serviceCommand(),
    deploymentCommand(),
    ...rbacCommands(),
    podDisruptionBudgetCommand(),
    priorityClassCommand(),
    jobCommand(),
    cronJobCommand(),
    ingressCommand(),
    tokenCommand(),
  ];
}
