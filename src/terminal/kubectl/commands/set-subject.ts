// kubectl set subject: adds users, groups and service accounts to role bindings.
// mirrors: kubectl/pkg/cmd/set/set_subject.go

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';
import { DRY_RUN_FLAG, PRINT_FLAGS, SELECTOR_FLAG, fieldManagerFlag, namespaceOf } from './workload-flags';
import { runSet, setTargetFlags } from './set-common';

interface Subject {
  kind: string;
  apiGroup?: string;
  name: string;
  namespace?: string;
}

const same = (a: Subject, b: Subject) => a.kind === b.kind && (a.apiGroup ?? '') === (b.apiGroup ?? '') && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');

export const setSubjectCommand: CommandSpec = {
  name: 'subject',
  short: 'Update the user, group, or service account in a role binding or cluster role binding',
  long: 'Update the user, group, or service account in a role binding or cluster role binding.',
  examples:
    '  # Update a cluster role binding for serviceaccount1\n  kubectl set subject clusterrolebinding admin --serviceaccount=namespace:serviceaccount1\n  \n  # Update a role binding for user1, user2, and group1\n  kubectl set subject rolebinding admin --user=user1 --user=user2 --group=group1\n  \n  # Print the result (in YAML format) of updating rolebinding subjects from a local, without hitting the server\n  kubectl create rolebinding admin --role=admin --user=admin -o yaml --dry-run=client | kubectl set subject --local -f - --user=foo -o yaml',
  usage: 'kubectl set subject (-f FILENAME | TYPE NAME) [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]',
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-set'),
    ...setTargetFlags('If true, set subject will NOT contact api-server but run locally.', 'Filename, directory, or URL to files the resource to update the subjects'),
    { name: 'group', type: 'stringArray', default: [], usage: 'Groups to bind to the role' },
    SELECTOR_FLAG,
    { name: 'serviceaccount', type: 'stringArray', default: [], usage: 'Service accounts to bind to the role' },
    { name: 'user', type: 'stringArray', default: [], usage: 'Usernames to bind to the role' },
  ],
  async run(k, args, f) {
    const v = f.values;
    const users = [...new Set(v.user as string[])].sort();
    const groups = [...new Set(v.group as string[])].sort();
    const sas = [...new Set(v.serviceaccount as string[])].sort();
    const { namespace } = namespaceOf(k, v);
    const subjects: Subject[] = [
      ...users.map((name) => ({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name })),
      ...groups.map((name) => ({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name })),
      ...sas.map((sa) => {
        const [ns, name] = sa.split(':');
        return { kind: 'ServiceAccount', name, namespace: ns || namespace };
      }),
    ];
    return runSet(
      k,
      f,
      {
        resources: args,
        operation: 'subjects updated',
        patchErrorPrefix: 'failed to patch subjects to rolebinding: ',
        mutate(obj) {
          if (obj.kind !== 'RoleBinding' && obj.kind !== 'ClusterRoleBinding') throw new Error('setting subjects is only supported for RoleBinding/ClusterRoleBinding');
          const existing = (obj.subjects ?? []) as Subject[];
          const added = subjects.filter((s) => !existing.some((e) => same(e, s)));
          if (!added.length) return false;
          obj.subjects = [...existing, ...added];
          return true;
        },
      },
      () => {
        if (v.local && v['dry-run'] === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
        if (v.all && v.selector) throw new KubectlError('error: cannot set --all and --selector at the same time');
        if (!users.length && !groups.length && !sas.length) throw new KubectlError('error: you must specify at least one value of user, group or serviceaccount');
        for (const sa of sas) {
          const t = sa.split(':');
          if (t.length !== 2 || !t[1]) throw new KubectlError('error: serviceaccount must be <namespace>:<name>');
        }
      },
    );
  },
};
