// kubectl auth can-i / whoami / reconcile: access checks through SelfSubjectAccessReview and
// SelfSubjectRulesReview (yes/no, exit 1 on no; --list table), self subject attributes, with kubectl's
// warnings for unknown verbs, unknown types and cluster-scoped types.
// mirrors: kubectl/pkg/cmd/auth/cani.go, whoami.go, reconcile.go

import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError, ServerError } from '../errors';
import { DRY_RUN_FLAG } from '../mutate';
import { formatObjects, parseOutput, printOrderedJson, outputOptionsFrom } from '../output';
import { newTableTabWriter, StringWriter } from '../printers/index';
import { asStatus } from './apply';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from './common-flags';
import { printRules, type RulesReviewStatus } from './auth-rules';
import { groupWithoutSubcommand } from './top';

const RESOURCE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];
const NON_RESOURCE_VERBS = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];
const AUTHZ = '/apis/authorization.k8s.io/v1';

interface Gvr {
  group: string;
  version: string;
  resource: string;
}

function warn(k: Kubectl, message: string): Promise<void> | void {
  // WarningPrinter adds its own newline after messages that already end in one.
  return k.err(`Warning: ${message}\n`);
}

/** resourceFor: shortcuts and groups resolved; unknown types warn and are sent as typed. */
async function resourceFor(k: Kubectl, arg: string): Promise<Gvr> {
  if (arg === '*') return { group: '', version: '', resource: '*' };
  const lower = arg.toLowerCase();
  try {
    const r = await k.mapper.lookup(lower);
    return { group: r.group, version: r.version, resource: r.resource };
  } catch {
    const dot = lower.indexOf('.');
    const resource = dot >= 0 ? lower.slice(0, dot) : lower;
    const group = dot >= 0 ? lower.slice(dot + 1) : '';
    if (!(group === '' && (resource === 'users' || resource === 'groups'))) {
      await warn(k, group ? `the server doesn't have a resource type '${resource}' in group '${group}'\n` : `the server doesn't have a resource type '${resource}'\n`);
    }
    return { group: '', version: '', resource: arg };
  }
}

/** isNamespaced from the group-version's resource list; undefined when discovery cannot tell. */
async function isNamespaced(k: Kubectl, g: Gvr): Promise<boolean | undefined> {
  if (g.resource === '*') return true;
  if (!g.version) return undefined;
  const res = await k.request({ method: 'GET', path: g.group ? `/apis/${g.group}/${g.version}` : `/api/${g.version}` });
  if (res.status >= 300) return undefined;
  const r = ((res.body as { resources?: { name: string; namespaced: boolean }[] }).resources ?? []).find((x) => x.name === g.resource);
  return r ? r.namespaced : undefined;
}

export const canICommand: CommandSpec = {
  name: 'can-i',
  short: 'Check whether an action is allowed',
  long: "Check whether an action is allowed.\n\n VERB is a logical Kubernetes API verb like 'get', 'list', 'watch', 'delete', etc. TYPE is a Kubernetes resource. Shortcuts and groups will be resolved. NONRESOURCEURL is a partial URL that starts with \"/\". NAME is the name of a particular Kubernetes resource. This command pairs nicely with impersonation. See --as global flag.",
  examples:
    '  # Check to see if I can create pods in any namespace\n  kubectl auth can-i create pods --all-namespaces\n  \n  # Check to see if I can list deployments in my current namespace\n  kubectl auth can-i list deployments.apps\n  \n  # Check to see if service account "foo" of namespace "dev" can list pods in the namespace "prod"\n  # You must be allowed to use impersonation for the global option "--as"\n  kubectl auth can-i list pods --as=system:serviceaccount:dev:foo -n prod\n  \n  # Check to see if I can do everything in my current namespace ("*" means all)\n  kubectl auth can-i \'*\' \'*\'\n  \n  # Check to see if I can get the job named "bar" in namespace "foo"\n  kubectl auth can-i list jobs.batch/bar -n foo\n  \n  # Check to see if I can read pod logs\n  kubectl auth can-i get pods --subresource=log\n  \n  # Check to see if I can access the URL /logs/\n  kubectl auth can-i get /logs/\n  \n  # Check to see if I can approve certificates.k8s.io\n  kubectl auth can-i approve certificates.k8s.io\n  \n  # List all allowed actions in namespace "foo"\n  kubectl auth can-i --list --namespace=foo',
  usage: 'kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If true, check the specified action in all namespaces.' },
    { name: 'list', type: 'bool', default: false, usage: 'If true, prints all allowed actions.' },
    { name: 'no-headers', type: 'bool', default: false, usage: 'If true, prints allowed actions without headers' },
    { name: 'quiet', short: 'q', type: 'bool', default: false, usage: 'If true, suppress output and just return the exit code.' },
    { name: 'subresource', type: 'string', default: '', usage: 'SubResource such as pod/log or deployment/scale' },
  ],
  async run(k, args, f) {
    const v = f.values;
    const list = v.list as boolean;
    const quiet = v.quiet as boolean;
    const allNs = v['all-namespaces'] as boolean;
    const subresource = v.subresource as string;
    const noHeaders = v['no-headers'] as boolean;
    let verb = '';
    let url = '';
    let gvr: Gvr = { group: '', version: '', resource: '' };
    let name = '';
    if (list) {
      if (args.length) throw new KubectlError('error: list option must be specified with no arguments');
    } else {
      if (args.length !== 2) throw new KubectlError("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
      verb = args[0];
      if (args[1].startsWith('/')) url = args[1];
      else {
        const slash = args[1].indexOf('/');
        gvr = await resourceFor(k, slash >= 0 ? args[1].slice(0, slash) : args[1]);
        if (slash >= 0) name = args[1].slice(slash + 1);
      }
    }
    const namespace = allNs ? '' : (v.namespace as string) || k.namespace;
    if (list) {
      if (quiet || allNs || subresource) throw new KubectlError("error: list option can't be specified with neither quiet, all-namespaces nor subresource options");
      const review = { kind: 'SelfSubjectRulesReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec: { namespace }, status: { resourceRules: null, nonResourceRules: null, incomplete: false } };
      const res = await k.request({ method: 'POST', path: `${AUTHZ}/selfsubjectrulesreviews`, body: review, headers: { 'content-type': 'application/json' } });
      if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
      const status = ((res.body as { status?: RulesReviewStatus }).status ?? {}) as RulesReviewStatus;
      if (status.incomplete) await warn(k, `the list may be incomplete: ${status.evaluationError ?? ''}`);
      await k.out(printRules(status, noHeaders));
      return 0;
    }
    if (url) {
      if (subresource) throw new KubectlError('error: --subresource can not be used with NonResourceURL');
      if (name) throw new KubectlError('error: NonResourceURL and ResourceName can not specified together');
      if (!NON_RESOURCE_VERBS.includes(verb)) await warn(k, `verb '${verb}' is not a known verb\n`);
    } else if (gvr.resource && !allNs) {
      if ((await isNamespaced(k, gvr)) === false) {
        await warn(k, gvr.group ? `resource '${gvr.resource}' is not namespace scoped in group '${gvr.group}'\n` : `resource '${gvr.resource}' is not namespace scoped\n`);
      }
      if (!RESOURCE_VERBS.includes(verb)) await warn(k, `verb '${verb}' is not a known verb\n`);
    }
    if (noHeaders) throw new KubectlError('error: --no-headers cannot be set without --list specified');
    const attrs: Record<string, string> = {};
    const spec: Record<string, unknown> = {};
    if (url) spec.nonResourceAttributes = { path: url, verb };
    else {
      for (const [key, val] of [['namespace', namespace], ['verb', verb], ['group', gvr.group], ['resource', gvr.resource], ['subresource', subresource], ['name', name]]) if (val) attrs[key] = val;
      spec.resourceAttributes = attrs;
    }
    const review = { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec, status: { allowed: false } };
    const res = await k.request({ method: 'POST', path: `${AUTHZ}/selfsubjectaccessreviews`, body: review, headers: { 'content-type': 'application/json' } });
    if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
    const status = ((res.body as { status?: { allowed?: boolean; reason?: string; evaluationError?: string } }).status ?? {});
    if (status.allowed) {
      if (!quiet) await k.out('yes\n');
      return 0;
    }
    if (!quiet) await k.out(`no${status.reason ? ` - ${status.reason}` : ''}${status.evaluationError ? ` - ${status.evaluationError}` : ''}\n`);
    return 1;
  },
};

export const whoamiCommand: CommandSpec = {
  name: 'whoami',
  short: 'Experimental: Check self subject attributes',
  long: 'Experimental: Check who you are and your attributes (groups, extra).\n\n        This command is helpful to get yourself aware of the current user attributes,\n        especially when dynamic authentication, e.g., token webhook, auth proxy, or OIDC provider,\n        is enabled in the Kubernetes cluster.',
  examples: '  # Get your subject attributes\n  kubectl auth whoami\n  \n  # Get your subject attributes in JSON format\n  kubectl auth whoami -o json',
  usage: 'kubectl auth whoami [options]',
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
  async run(k, _args, f) {
    const output = f.values.output as string;
    const fmt = output ? parseOutput(output, false, outputOptionsFrom(f.values, k.env)) : undefined;
    let res;
    // v1, then the beta and alpha versions, as kubectl tries them.
    for (const version of ['v1', 'v1beta1', 'v1alpha1']) {
      const review = { kind: 'SelfSubjectReview', apiVersion: `authentication.k8s.io/${version}`, metadata: { creationTimestamp: null }, status: { userInfo: {} } };
      res = await k.request({ method: 'POST', path: `/apis/authentication.k8s.io/${version}/selfsubjectreviews`, body: review, headers: { 'content-type': 'application/json' } });
      if (res.status !== 404) break;
    }
    if (!res || res.status === 404) throw new KubectlError('error: the selfsubjectreviews API is not enabled in the cluster\nenable APISelfSubjectReview feature gate and authentication.k8s.io/v1alpha1 or authentication.k8s.io/v1beta1 API');
    if (res.status === 403) throw new KubectlError('error: the selfsubjectreviews API is not enabled in the cluster or you do not have permission to call it');
    if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
    const obj = res.body as KubeObject;
    if (fmt) {
      await k.out(fmt.kind === 'json' ? printOrderedJson(obj) : formatObjects([obj], fmt, true, k.env.fs, k.env.cwd));
      return 0;
    }
    const ui = ((obj.status as { userInfo?: { username?: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> } } | undefined)?.userInfo) ?? {};
    let s = 'ATTRIBUTE\tVALUE\n';
    if (ui.username) s += `Username\t${ui.username}\n`;
    if (ui.uid) s += `UID\t${ui.uid}\n`;
    if (ui.groups?.length) s += `Groups\t[${ui.groups.join(' ')}]\n`;
    for (const key of Object.keys(ui.extra ?? {}).sort()) s += `Extra: ${key}\t[${ui.extra![key].join(' ')}]\n`;
    const buf = new StringWriter();
    const w = newTableTabWriter(buf);
    w.write(s);
    w.flush();
    await k.out(buf.toString());
    return 0;
  },
};

export const reconcileCommand: CommandSpec = {
  name: 'reconcile',
  short: 'Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects',
  long: "Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects.\n\n Missing objects are created, and the containing namespace is created for namespaced objects, if required.\n\n Existing roles are updated to include the permissions in the input objects, and remove extra permissions if --remove-extra-permissions is specified.\n\n Existing bindings are updated to include the subjects in the input objects, and remove extra subjects if --remove-extra-subjects is specified.\n\n This is preferred to 'apply' for RBAC resources so that semantically-aware merging of rules and subjects is done.",
  examples: '  # Reconcile RBAC resources from a file\n  kubectl auth reconcile -f my-rbac-rules.yaml',
  usage: 'kubectl auth reconcile -f FILENAME [options]',
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'Filename, directory, or URL to files identifying the resource to reconcile.' },
    { name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'remove-extra-permissions', type: 'bool', default: false, usage: 'If true, removes extra permissions added to roles' },
    { name: 'remove-extra-subjects', type: 'bool', default: false, usage: 'If true, removes extra subjects added to rolebindings' },
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
  async run(_k, _args, f) {
    if ((f.values.filename as string[]).length === 0 && !f.values.kustomize) throw new KubectlError('error: must specify one of -f and -k');
    throw new KubectlError('error: auth reconcile is not supported in this playground; use kubectl apply -f for RBAC objects');
  },
};

export const authCommand: CommandSpec = {
  name: 'auth',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Inspect authorization',
  long: 'Inspect authorization.',
  usage: 'kubectl auth [flags] [options]',
  flags: [],
  subcommands: [canICommand, reconcileCommand, whoamiCommand],
  async run(k, args) {
    return groupWithoutSubcommand(k, authCommand, ['auth'], args);
  },
};
