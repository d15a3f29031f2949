// kubectl config: current-context, view, get-contexts, set-context (--current --namespace), use-context.
// The kubeconfig lives in the session (the playground has one cluster and one user).

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';
import { printYaml, printJson } from '../printers/index';
import { tableString } from '../tables';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from './common-flags';

const currentContext: CommandSpec = {
  name: 'current-context',
  short: 'Display the current-context',
  long: 'Display the current-context.',
  examples: '  # Display the current-context\n  kubectl config current-context',
  usage: 'kubectl config current-context [flags] [options]',
  flags: [],
  async run(k) {
    const c = k.env.config.currentContext;
    if (!c) throw new KubectlError('error: current-context is not set');
    await k.out(`${c}\n`);
    return 0;
  },
};

const view: CommandSpec = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  long: 'Display merged kubeconfig settings or a specified kubeconfig file.\n\n You can use --output jsonpath={...} to extract specific values using a jsonpath expression.',
  examples: '  # Show merged kubeconfig settings\n  kubectl config view\n  \n  # Show merged kubeconfig settings, raw certificate data, and exposed secrets\n  kubectl config view --raw\n  \n  # Get the password for the e2e user\n  kubectl config view -o jsonpath=\'{.users[?(@.name == "e2e")].user.password}\'',
  usage: 'kubectl config view [flags] [options]',
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    { name: 'merge', type: 'bool', default: true, usage: 'Merge the full hierarchy of kubeconfig files' },
    { name: 'minify', type: 'bool', default: false, usage: 'Remove all information not used by current-context from the output' },
    { name: 'raw', type: 'bool', default: false, usage: 'Display raw byte data and sensitive data' },
    { name: 'flatten', type: 'bool', default: false, usage: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
    { name: 'output', short: 'o', type: 'string', default: 'yaml', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  ],
  async run(k, _args, f) {
    const cfg = k.env.config;
    const raw = f.values.raw as boolean;
    const redact = (b?: boolean) => (b ? (raw ? 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==' : 'DATA+OMITTED') : undefined);
    const doc = {
      apiVersion: 'v1',
      clusters: cfg.clusters.map((c) => ({ cluster: { 'certificate-authority-data': redact(c.certificateAuthorityData), 'insecure-skip-tls-verify': c.insecureSkipTLSVerify || undefined, server: c.server }, name: c.name })),
      contexts: cfg.contexts.map((c) => ({ context: { cluster: c.cluster, namespace: c.namespace, user: c.user }, name: c.name })),
      'current-context': cfg.currentContext,
      kind: 'Config',
      preferences: {},
      users: cfg.users.map((u) => ({ name: u.name, user: { 'client-certificate-data': u.clientCertificateData ? (raw ? 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==' : 'DATA+OMITTED') : undefined, 'client-key-data': u.clientCertificateData ? (raw ? 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=' : 'DATA+OMITTED') : undefined } })),
    };
    const clean = JSON.parse(JSON.stringify(doc));
    const o = f.values.output as string;
    if (o === 'json') await k.out(printJson(clean));
    else if (o.startsWith('jsonpath')) {
      const { formatObjects, parseOutput } = await import('../output');
      await k.out(formatObjects([clean], parseOutput(o, false), true));
    } else await k.out(printYaml(clean));
    return 0;
  },
};

const getContexts: CommandSpec = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  long: 'Display one or many contexts from the kubeconfig file.',
  examples: '  # List all the contexts in your kubeconfig file\n  kubectl config get-contexts\n  \n  # Describe one context in your kubeconfig file\n  kubectl config get-contexts my-context',
  usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
  flags: [
    { name: 'no-headers', type: 'bool', default: false, usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (name).' },
  ],
  async run(k, args, f) {
    const cfg = k.env.config;
    let ctxs = cfg.contexts;
    if (args.length) {
      const missing = args.filter((a) => !ctxs.some((c) => c.name === a));
      if (missing.length) throw new KubectlError(`error: context ${missing[0]} not found`);
      ctxs = ctxs.filter((c) => args.includes(c.name));
    }
    if (f.values.output === 'name') {
      await k.out(ctxs.map((c) => c.name + '\n').join(''));
      return 0;
    }
    const rows: string[][] = [];
    if (!f.values['no-headers']) rows.push(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']);
    for (const c of ctxs) rows.push([c.name === cfg.currentContext ? '*' : '', c.name, c.cluster, c.user, c.namespace ?? '']);
    await k.out(tableString(rows));
    return 0;
  },
};

const setContext: CommandSpec = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  long: 'Set a context entry in kubeconfig.\n\n Specifying a name that already exists will merge new fields on top of existing values for those fields.',
  examples: '  # Set the user field on the gce context entry without touching other values\n  kubectl config set-context gce --user=cluster-admin',
  usage: 'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
  flags: [
    { name: 'current', type: 'bool', default: false, usage: 'Modify the current context' },
    { name: 'cluster', type: 'string', default: '', usage: 'cluster for the context entry in kubeconfig' },
    { name: 'user', type: 'string', default: '', usage: 'user for the context entry in kubeconfig' },
    { name: 'namespace', type: 'string', default: '', usage: 'namespace for the context entry in kubeconfig' },
  ],
  async run(k, args, f) {
    const cfg = k.env.config;
    const current = f.values.current as boolean;
    if (current && args.length) throw new KubectlError('error: you cannot specify both a context name and --current');
    const name = current ? cfg.currentContext : args[0];
    if (!name) throw new KubectlError(current ? 'error: no current context is set' : "error: you must specify a non-empty context name or --current");
    let ctx = cfg.contexts.find((c) => c.name === name);
    const created = !ctx;
    if (!ctx) {
      ctx = { name, cluster: '', user: '' };
      cfg.contexts.push(ctx);
    }
    if (f.changed.has('cluster')) ctx.cluster = f.values.cluster as string;
    if (f.changed.has('user')) ctx.user = f.values.user as string;
    if (f.changed.has('namespace')) ctx.namespace = (f.values.namespace as string) || undefined;
    await k.out(`Context "${name}" ${created ? 'created' : 'modified'}.\n`);
    return 0;
  },
};

const useContext: CommandSpec = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  long: 'Set the current-context in a kubeconfig file.',
  examples: "  # Use the context for the minikube cluster\n  kubectl config use-context minikube",
  usage: 'kubectl config use-context CONTEXT_NAME [options]',
  flags: [],
  async run(k, args) {
    if (args.length !== 1) throw new KubectlError(`error: Unexpected args: [${args.join(' ')}]\nSee 'kubectl config use-context -h' for help and examples`);
    const cfg = k.env.config;
    if (!cfg.contexts.some((c) => c.name === args[0])) throw new KubectlError(`error: no context exists with the name: "${args[0]}"`);
    cfg.currentContext = args[0];
    await k.out(`Switched to context "${args[0]}".\n`);
    return 0;
  },
};

const simpleList = (name: string, short: string, field: 'clusters' | 'users', header: string): CommandSpec => ({
  name,
  short,
  long: `${short}.`,
  examples: `  # List the ${field} that kubectl knows about\n  kubectl config ${name}`,
  usage: `kubectl config ${name} [flags] [options]`,
  flags: [],
  async run(k) {
    const items = k.env.config[field];
    await k.out(`${header}\n${items.map((c) => c.name + '\n').join('')}`);
    return 0;
  },
});

export const configCommand: CommandSpec = {
  name: 'config',
  group: 'Other Commands',
  short: 'Modify kubeconfig files',
  long: 'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".\n\n The loading order follows these rules:\n\n  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.\n  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.\n  3.  Otherwise, ${HOME}/.kube/config is used and no merging takes place.',
  usage: 'kubectl config SUBCOMMAND [options]',
  flags: [],
  subcommands: [currentContext, simpleList('get-clusters', 'Display clusters defined in the kubeconfig', 'clusters', 'NAME'), getContexts, simpleList('get-users', 'Display users defined in the kubeconfig', 'users', 'NAME'), setContext, useContext, view],
};
