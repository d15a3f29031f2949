// kubectl get: server-side Tables for humans (-o wide, -A, -L, --show-labels, --sort-by, -w), objects for
// -o yaml|json|name|jsonpath|custom-columns.
// mirrors: kubectl/pkg/cmd/get/get.go

import { encodeJsonBody } from '../../../engine/api/encode';
import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { typeRequests, manifestInfos, type TypeRequest } from '../builder';
import { KubectlError, ServerError, formatStatus, isStatus } from '../errors';
import { parseOutput, formatObjects, outputOptionsFrom } from '../output';
import { printGetTables, noResourcesFoundMessage, TableWatchPrinter, type TableGroup, type Table, YamlPrinter, printJsonWatchEvent, printName, newJsonPathPrinter, SortError, sortObjects, PrinterError } from '../printers/index';
import { watchEvents } from '../../api-client';
import type { ResourceInfo } from '../discovery';

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export const getCommand: CommandSpec = {
  name: 'get',
  group: 'Basic Commands (Intermediate)',
  short: 'Display one or many resources',
  long: "Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.\n\n By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.",
  examples: '  # List all pods in ps output format\n  kubectl get pods\n  \n  # List all pods in ps output format with more information (such as node name)\n  kubectl get pods -o wide\n  \n  # List a single replication controller with specified NAME in ps output format\n  kubectl get replicationcontroller web\n  \n  # List deployments in JSON output format, in the "v1" version of the "apps" API group\n  kubectl get deployments.v1.apps -o json\n  \n  # List a single pod in JSON output format\n  kubectl get -o json pod web-pod-13je7\n  \n  # List a pod identified by type and name specified in "pod.yaml" in JSON output format\n  kubectl get -f pod.yaml -o json\n  \n  # List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml\n  kubectl get -k dir/\n  \n  # Return only the phase value of the specified pod\n  kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}\n  \n  # List resource information in custom columns\n  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image\n  \n  # List all replication controllers and services together in ps output format\n  kubectl get rc,services\n  \n  # List one or more resources by their type and names\n  kubectl get rc/web service/frontend pods/web-pod-13je7\n  \n  # List the \'status\' subresource for a single pod\n  kubectl get pod web-pod-13je7 --subresource status\n  \n  # List all deployments in namespace \'backend\'\n  kubectl get deployments.apps --namespace backend\n  \n  # List all pods existing in all namespaces\n  kubectl get pods --all-namespaces',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    { name: 'field-selector', type: 'string', default: '', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
    { name: 'ignore-not-found', type: 'bool', default: false, usage: 'If the requested object does not exist the command will return exit code 0.' },
    { name: 'kustomize', short: 'k', type: 'string', default: '', usage: 'Process the kustomization directory. This flag can\'t be used together with -f or -R.' },
    { name: 'label-columns', short: 'L', type: 'stringSlice', default: [], usage: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...' },
    { name: 'no-headers', type: 'bool', default: false, usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].' },
    { name: 'output-watch-events', type: 'bool', default: false, usage: 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.' },
    { name: 'raw', type: 'string', default: '', usage: 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'selector', short: 'l', type: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'server-print', type: 'bool', default: true, usage: 'If true, have the server return the appropriate table output. Supports extension APIs and CRDs.' },
    { name: 'show-kind', type: 'bool', default: false, usage: 'If present, list the resource type for the requested object(s).' },
    { name: 'show-labels', type: 'bool', default: false, usage: 'When printing, show all labels as the last column (default hide labels column)' },
    { name: 'show-managed-fields', type: 'bool', default: false, usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
    { name: 'sort-by', type: 'string', default: '', usage: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string." },
    { name: 'subresource', type: 'string', default: '', usage: 'If specified, gets the subresource of the requested object. This flag is beta and may change in the future.' },
    { name: 'template', type: 'string', default: '', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
    { name: 'watch', short: 'w', type: 'bool', default: false, usage: 'After listing/getting the requested object, watch for changes.' },
    { name: 'watch-only', type: 'bool', default: false, usage: 'Watch for changes to the requested object(s), without listing/getting first.' },
  ],
  async run(k, args, f) {
    const v = f.values;
    const fmt = parseOutput(v.output as string, true, outputOptionsFrom(v, k.env));
    const filenames = v.filename as string[];
    if (v.raw) return raw(k, v.raw as string);
    if (args.length === 0 && filenames.length === 0) {
      await k.err(
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
      );
      return 1;
    }
    const allNs = v['all-namespaces'] as boolean;
    const ns = (v.namespace as string) || k.namespace;
    let requests: TypeRequest[] = [];
    let fromFiles: { info: ResourceInfo; namespace?: string; name: string }[] = [];
    if (filenames.length) {
      if (args.length) throw new KubectlError('error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
      fromFiles = await manifestInfos(k, filenames, v.recursive as boolean, ns, !!v.namespace);
    } else {
      requests = await typeRequests(k, args);
    }
    const selector = v.selector as string;
    const fieldSelector = v['field-selector'] as string;
    if (selector && requests.some((r) => r.names.length)) {
      throw new KubectlError('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    }
    const singleItem = (requests.length === 1 && requests[0].names.length === 1) || fromFiles.length === 1;
    const errors: string[] = [];
    const watch = (v.watch as boolean) || (v['watch-only'] as boolean);
    const ignoreNotFound = v['ignore-not-found'] as boolean;

    // Fetch: per type, named objects one by one or a (paged) list.
    type Answer = { info: ResourceInfo; body: unknown; objs: KubeObject[]; rv?: string };
    const answers: Answer[] = [];
    const human = fmt.kind === 'table' || fmt.kind === 'wide';
    const accept = human ? TABLE_ACCEPT : 'application/json';
    const sortBy = v['sort-by'] as string;
    const fetchOne = async (info: ResourceInfo, namespace: string | undefined, name: string) => {
      const res = await k.request({ method: 'GET', path: k.resourcePath(info, namespace, name), headers: { accept }, query: human && sortBy ? { includeObject: 'Object' } : undefined });
      if (res.status === 200) {
        answers.push({ info, body: res.body, objs: human ? [] : [res.body as KubeObject] });
      } else if (isStatus(res.body)) {
        if (res.status === 404 && ignoreNotFound) return;
        errors.push(formatStatus(res.body));
      }
    };
    if (fromFiles.length) {
      for (const m of fromFiles) await fetchOne(m.info, m.namespace, m.name);
    }
    for (const r of requests) {
      const namespace = r.info.namespaced ? (allNs ? undefined : ns) : undefined;
      if (r.names.length) {
        for (const name of r.names) await fetchOne(r.info, namespace, name);
        continue;
      }
      if (v['watch-only'] && human) {
        answers.push({ info: r.info, body: { kind: 'Table', columnDefinitions: [], rows: [] }, objs: [] });
        continue;
      }
      const query: Record<string, string> = {};
      if (selector) query.labelSelector = selector;
      if (fieldSelector) query.fieldSelector = fieldSelector;
      const chunk = v['chunk-size'] as number;
      if (chunk > 0) query.limit = String(chunk);
      if (human && sortBy) query.includeObject = 'Object';
      let cont: string | undefined;
      let first = true;
      do {
        const q = { ...query, ...(cont ? { continue: cont } : {}) };
        const res = await k.request({ method: 'GET', path: k.resourcePath(r.info, namespace), query: q, headers: { accept } });
        if (res.status !== 200) {
          if (isStatus(res.body)) throw new ServerError(res.body);
          throw new KubectlError(`error: unexpected status ${res.status}`);
        }
        const body = res.body as { metadata?: { continue?: string; resourceVersion?: string }; items?: KubeObject[] };
        cont = body.metadata?.continue;
        if (human) answers.push({ info: r.info, body, objs: [], rv: body.metadata?.resourceVersion });
        else {
          const items = (body.items ?? []).map((o) => withKind(o, r.info));
          if (first) answers.push({ info: r.info, body, objs: items, rv: body.metadata?.resourceVersion });
          else answers[answers.length - 1].objs.push(...items);
        }
        first = false;
      } while (cont);
    }

    let printedSomething = false;
    if (human) {
      const groups: TableGroup[] = answers.map((a) => ({
        table: a.body as Table,
        resource: a.info.resource,
        groupKind: { group: a.info.group, kind: a.info.kind },
        version: a.info.version,
        namespaced: a.info.namespaced,
      }));
      if (!v['watch-only']) {
        let out;
        try {
          out = printGetTables(groups, {
            noHeaders: v['no-headers'] as boolean,
            wide: fmt.kind === 'wide',
            allNamespaces: allNs,
            showLabels: v['show-labels'] as boolean,
            columnLabels: v['label-columns'] as string[],
            sortBy,
            showKind: v['show-kind'] as boolean,
            nowMs: k.env.now(),
          });
        } catch (e) {
          if (e instanceof SortError || e instanceof PrinterError) throw new KubectlError(`error: ${e.message.replace(/\n$/, '')}`);
          throw e;
        }
        if (out.output) {
          await k.out(out.output);
          printedSomething = true;
        }
        if (!printedSomething && errors.length === 0 && !watch) await k.err(noResourcesFoundMessage(ns, out.allResourcesNamespaced));
      }
    } else {
      let objs = answers.flatMap((a) => a.objs);
      // OmitManagedFieldsPrinter wraps the JSON and YAML printers only (jsonpath and templates see them).
      if (!(v['show-managed-fields'] as boolean) && (fmt.kind === 'json' || fmt.kind === 'yaml')) objs = objs.map(stripManagedFields);
      if (sortBy) {
        try {
          objs = sortObjects(objs, sortBy);
        } catch (e) {
          if (e instanceof SortError || e instanceof PrinterError) throw new KubectlError(`error: ${e.message.replace(/\n$/, '')}`);
          throw e;
        }
      }
      if (!watch || !v['watch-only']) {
        if (objs.length || singleItem || fmt.kind !== 'name') {
          if (!(objs.length === 0 && singleItem)) await k.out(formatObjects(objs, fmt, singleItem, k.env.fs, k.env.cwd));
          printedSomething = objs.length > 0;
        }
        // printGeneric (every non-table format) says nothing about an empty result.
        if (objs.length === 0 && errors.length === 0 && !watch && (fmt.kind === 'table' || fmt.kind === 'wide')) {
          await k.err(noResourcesFoundMessage(ns, requests.every((r) => r.info.namespaced) && !allNs));
        }
      }
    }
    for (const e of errors) await k.err(e + '\n');
    if (watch && errors.length === 0) {
      const r = requests[0] ?? (fromFiles[0] && { info: fromFiles[0].info, names: [fromFiles[0].name] });
      if (requests.length > 1) throw new KubectlError('error: you may only specify a single resource type');
      await watchLoop(k, r!, answers[0]?.rv, ns, allNs, fmt, v);
    }
    return errors.length ? 1 : 0;
  },
};

async function raw(k: Kubectl, uri: string): Promise<number> {
  const [path, qs] = uri.split('?');
  const query: Record<string, string> = {};
  for (const part of (qs ?? '').split('&').filter(Boolean)) {
    const [a, b = ''] = part.split('=');
    query[decodeURIComponent(a)] = decodeURIComponent(b);
  }
  const res = await k.request({ method: 'GET', path, query });
  // The bytes as the server wrote them (the in-process client hands over objects: encode them the same way).
  const body = typeof res.body === 'string' ? res.body : res.body === undefined ? '' : encodeJsonBody(path, res.body);
  if (res.status >= 400) {
    if (isStatus(res.body)) throw new ServerError(res.body);
  }
  await k.out(body);
  return 0;
}

function withKind(o: KubeObject, info: ResourceInfo): KubeObject {
  if (o.kind && o.apiVersion) return o;
  return { ...o, apiVersion: info.group ? `${info.group}/${info.version}` : info.version, kind: info.kind };
}

export function stripManagedFields(o: KubeObject): KubeObject {
  if (!o.metadata?.managedFields) return o;
  const { managedFields: _, ...meta } = o.metadata;
  return { ...o, metadata: meta };
}

async function watchLoop(k: Kubectl, r: TypeRequest, rv: string | undefined, ns: string, allNs: boolean, fmt: ReturnType<typeof parseOutput>, v: Record<string, unknown>): Promise<void> {
  const info = r.info;
  const human = fmt.kind === 'table' || fmt.kind === 'wide';
  const namespace = info.namespaced ? (allNs ? undefined : ns) : undefined;
  const query: Record<string, string> = { watch: 'true' };
  if (rv) query.resourceVersion = rv;
  if (v.selector) query.labelSelector = v.selector as string;
  const fs = [v['field-selector'] as string, r.names.length === 1 ? `metadata.name=${r.names[0]}` : ''].filter(Boolean).join(',');
  if (fs) query.fieldSelector = fs;
  const res = await k.request({ method: 'GET', path: k.resourcePath(info, namespace), query, headers: { accept: human ? TABLE_ACCEPT : 'application/json' } });
  if (res.status !== 200) {
    if (isStatus(res.body)) throw new ServerError(res.body);
    return;
  }
  const printer = new TableWatchPrinter({
    noHeaders: v['no-headers'] as boolean,
    wide: fmt.kind === 'wide',
    withNamespace: allNs && info.namespaced,
    showLabels: v['show-labels'] as boolean,
    columnLabels: v['label-columns'] as string[],
    outputWatchEvents: v['output-watch-events'] as boolean,
    groupKind: { group: info.group, kind: info.kind },
    nowMs: k.env.now(),
  });
  let headerPrinted = !!v['no-headers'] || !v['watch-only'];
  const yaml = new YamlPrinter();
  const jsonPath = fmt.kind === 'jsonpath' ? newJsonPathPrinter(fmt.arg!) : undefined;
  for await (const e of watchEvents(res, (fn) => k.env.signal.onAbort(fn))) {
    if (e.type === 'ERROR') {
      if (isStatus(e.object)) throw new ServerError(e.object);
      return;
    }
    if (e.type === 'BOOKMARK') continue;
    if (human) {
      const table = e.object as Table;
      if (!headerPrinted) {
        await k.out(printer.printInitial({ ...table, rows: [] }, true));
        headerPrinted = true;
      }
      await k.out(printer.printEvent(e.type, table));
      continue;
    }
    const o = v['show-managed-fields'] || (fmt.kind !== 'json' && fmt.kind !== 'yaml') ? (e.object as KubeObject) : stripManagedFields(e.object as KubeObject);
    if (v['output-watch-events'] && fmt.kind === 'json') await k.out(printJsonWatchEvent(e.type, o));
    else if (fmt.kind === 'yaml') await k.out(yaml.printObj(o));
    else if (fmt.kind === 'json') await k.out(formatObjects([o], fmt, true));
    else if (fmt.kind === 'name') await k.out(printName(o));
    else if (jsonPath) await k.out(jsonPath(o));
    else await k.out(formatObjects([o], fmt, true));
  }
}
