// The real kubectl's commands the playground does not implement: they are listed in help exactly where
// kubectl lists them, and running one (or asking for its help) says plainly that it is not available.
// The catalogue fills gaps only: once a command is registered in COMMANDS, its own spec wins.

import type { CommandSpec } from './command';
import type { FlagDef } from './flags';

/** Every command path of kubectl v1.32 with its short description (and aliases), parents first. */
const CATALOGUE: [path: string, short: string, aliases?: string[]][] = [
  ['create', 'Create a resource from a file or from stdin'],
  ['create clusterrole', 'Create a cluster role'],
  ['create clusterrolebinding', 'Create a cluster role binding for a particular cluster role'],
  ['create configmap', 'Create a config map from a local file, directory or literal value', ['cm']],
  ['create cronjob', 'Create a cron job with the specified name', ['cj']],
  ['create deployment', 'Create a deployment with the specified name', ['deploy']],
  ['create ingress', 'Create an ingress with the specified name', ['ing']],
  ['create job', 'Create a job with the specified name'],
  ['create namespace', 'Create a namespace with the specified name', ['ns']],
  ['create poddisruptionbudget', 'Create a pod disruption budget with the specified name', ['pdb']],
  ['create priorityclass', 'Create a priority class with the specified name', ['pc']],
  ['create quota', 'Create a quota with the specified name', ['resourcequota']],
  ['create role', 'Create a role with single rule'],
  ['create rolebinding', 'Create a role binding for a particular role or cluster role'],
  ['create secret', 'Create a secret using a specified subcommand'],
  ['create secret docker-registry', 'Create a secret for use with a Docker registry'],
  ['create secret generic', 'Create a secret from a local file, directory, or literal value'],
  ['create secret tls', 'Create a TLS secret'],
  ['create service', 'Create a service using a specified subcommand', ['svc']],
  ['create service clusterip', 'Create a ClusterIP service'],
  ['create service externalname', 'Create an ExternalName service'],
  ['create service loadbalancer', 'Create a LoadBalancer service'],
  ['create service nodeport', 'Create a NodePort service'],
  ['create serviceaccount', 'Create a service account with the specified name', ['sa']],
  ['create token', 'Request a service account token'],
  ['expose', 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service'],
  ['run', 'Run a particular image on the cluster'],
  ['set', 'Set specific features on objects'],
  ['set env', 'Update environment variables on a pod template'],
  ['set image', 'Update the image of a pod template'],
  ['set resources', 'Update resource requests/limits on objects with pod templates'],
  ['set selector', 'Set the selector on a resource'],
  ['set serviceaccount', 'Update the service account of a resource', ['sa']],
  ['set subject', 'Update the user, group, or service account in a role binding or cluster role binding'],
  ['explain', 'Get documentation for a resource'],
  ['get', 'Display one or many resources'],
  ['edit', 'Edit a resource on the server'],
  ['delete', 'Delete resources by file names, stdin, resources and names, or by resources and label selector'],
  ['rollout', 'Manage the rollout of a resource'],
  ['rollout history', 'View rollout history'],
  ['rollout pause', 'Mark the provided resource as paused'],
  ['rollout restart', 'Restart a resource'],
  ['rollout resume', 'Resume a paused resource'],
  ['rollout status', 'Show the status of the rollout'],
  ['rollout undo', 'Undo a previous rollout'],
  ['scale', 'Set a new size for a deployment, replica set, or replication controller'],
  ['autoscale', 'Auto-scale a deployment, replica set, stateful set, or replication controller'],
  ['certificate', 'Modify certificate resources'],
  ['certificate approve', 'Approve a certificate signing request'],
  ['certificate deny', 'Deny a certificate signing request'],
  ['cluster-info', 'Display cluster information'],
  ['cluster-info dump', 'Dump relevant information for debugging and diagnosis'],
  ['top', 'Display resource (CPU/memory) usage'],
  ['top node', 'Display resource (CPU/memory) usage of nodes', ['nodes', 'no']],
  ['top pod', 'Display resource (CPU/memory) usage of pods', ['pods', 'po']],
  ['cordon', 'Mark node as unschedulable'],
  ['uncordon', 'Mark node as schedulable'],
  ['drain', 'Drain node in preparation for maintenance'],
  ['taint', 'Update the taints on one or more nodes'],
  ['describe', 'Show details of a specific resource or group of resources'],
  ['logs', 'Print the logs for a container in a pod'],
  ['attach', 'Attach to a running container'],
  ['exec', 'Execute a command in a container'],
  ['port-forward', 'Forward one or more local ports to a pod'],
  ['proxy', 'Run a proxy to the Kubernetes API server'],
  ['cp', 'Copy files and directories to and from containers'],
  ['auth', 'Inspect authorization'],
  ['auth can-i', 'Check whether an action is allowed'],
  ['auth reconcile', 'Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects'],
  ['auth whoami', 'Experimental: Check self subject attributes'],
  ['debug', 'Create debugging sessions for troubleshooting workloads and nodes'],
  ['events', 'List events'],
  ['diff', 'Diff the live version against a would-be applied version'],
  ['apply', 'Apply a configuration to a resource by file name or stdin'],
  ['apply edit-last-applied', 'Edit latest last-applied-configuration annotations of a resource/object'],
  ['apply set-last-applied', 'Set the last-applied-configuration annotation on a live object to match the contents of a file'],
  ['apply view-last-applied', 'View the latest last-applied-configuration annotations of a resource/object'],
  ['patch', 'Update fields of a resource'],
  ['replace', 'Replace a resource by file name or stdin'],
  ['wait', 'Experimental: Wait for a specific condition on one or many resources'],
  ['kustomize', 'Build a kustomization target from a directory or URL'],
  ['label', 'Update the labels on a resource'],
  ['annotate', 'Update the annotations on a resource'],
  ['completion', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)'],
  ['alpha', 'Commands for features in alpha'],
  ['config', 'Modify kubeconfig files'],
  ['config current-context', 'Display the current-context'],
  ['config delete-cluster', 'Delete the specified cluster from the kubeconfig'],
  ['config delete-context', 'Delete the specified context from the kubeconfig'],
  ['config delete-user', 'Delete the specified user from the kubeconfig'],
  ['config get-clusters', 'Display clusters defined in the kubeconfig'],
  ['config get-contexts', 'Describe one or many contexts'],
  ['config get-users', 'Display users defined in the kubeconfig'],
  ['config rename-context', 'Rename a context from the kubeconfig file'],
  ['config set', 'Set an individual value in a kubeconfig file'],
  ['config set-cluster', 'Set a cluster entry in kubeconfig'],
  ['config set-context', 'Set a context entry in kubeconfig'],
  ['config set-credentials', 'Set a user entry in kubeconfig'],
  ['config unset', 'Unset an individual value in a kubeconfig file'],
  ['config use-context', 'Set the current-context in a kubeconfig file', ['use']],
  ['config view', 'Display merged kubeconfig settings or a specified kubeconfig file'],
  ['plugin', 'Provides utilities for interacting with plugins'],
  ['plugin list', 'List all visible plugin executables on a user\'s PATH'],
  ['version', 'Print the client and server version information'],
  ['api-versions', 'Print the supported API versions on the server, in the form of "group/version"'],
  ['api-resources', 'Print the supported API resources on the server'],
  ['options', 'Print the list of flags inherited by all commands'],
];

const stubs = new WeakSet<CommandSpec>();

/** A stand-in for a command the playground lacks; dispatch answers it with notAvailableError. */
export function isUnavailable(cmd: CommandSpec): boolean {
  return stubs.has(cmd);
}

/** What running (or asking for help on) a command we lack prints, exit status 1. */
export function notAvailableError(path: string[]): string {
  return `error: "${['kubectl', ...path].join(' ')}" is not available in this playground\n`;
}

/** kubectl's alpha command when no alpha features are built in; it prints this for any use, on stderr. */
export const NO_ALPHA_COMMANDS = 'No alpha commands are available in this version of kubectl\n';

/**
 * The registered commands plus stand-ins for the catalogue's commands they lack. Parents that gain
 * stand-ins are shallow copies; the registered specs are never changed.
 */
export function withUnavailable(commands: CommandSpec[]): CommandSpec[] {
  return merge(commands, []);
}

function merge(list: CommandSpec[], parent: string[]): CommandSpec[] {
  const depth = parent.length + 1;
  const prefix = parent.join(' ');
  const wanted = CATALOGUE.filter(([p]) => {
    const parts = p.split(' ');
    return parts.length === depth && parts.slice(0, -1).join(' ') === prefix;
  });
  const out = list.map((c) => {
    const subs = merge(c.subcommands ?? [], [...parent, c.name]);
    return subs.length !== (c.subcommands?.length ?? 0) ? { ...c, subcommands: subs } : c;
  });
  for (const [p, short, aliases] of wanted) {
    const name = p.split(' ')[depth - 1];
    if (out.some((c) => c.name === name)) continue;
    const stub: CommandSpec = { name, aliases, short, usage: '', flags: [] };
    const children = merge([], [...parent, name]);
    if (children.length) stub.subcommands = children;
    stubs.add(stub);
    out.push(stub);
  }
  return out;
}

const flagStubs = new WeakSet<FlagDef>();

/**
 * A flag kubectl has and the command's help lists, but the playground does not implement: it parses,
 * and setting it is answered with notAvailableFlagError instead of being silently ignored.
 */
export function notAvailableFlag(def: FlagDef): FlagDef {
  flagStubs.add(def);
  return def;
}

export function isUnavailableFlag(def: FlagDef): boolean {
  return flagStubs.has(def);
}

export function notAvailableFlagError(name: string): string {
  return `error: the --${name} flag is not available in this playground\n`;
}
