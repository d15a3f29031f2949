// kubectl events: recent events of a namespace (or all, or one object with --for), sorted by when they
// were last seen, as kubectl's own table or -o yaml|json|name|jsonpath; -w keeps printing new ones.
// mirrors: kubectl/pkg/cmd/events/events.go

import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError, ServerError, isStatus } from '../errors';
import { UnknownResourceError } from '../discovery';
import { parseOutput, formatObjects, printOrderedJson, type OutputFormat, outputOptionsFrom } from '../output';
import { newTableTabWriter, StringWriter, YamlPrinter } from '../printers/index';
import { watchEvents } from '../../api-client';
import { asStatus } from './apply';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, CHUNK_SIZE_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from './common-flags';
import { EventPrinter, sortEvents, typedEvent } from './events-printer';

export const eventsCommand: CommandSpec = {
  name: 'events',
  group: 'Troubleshooting and Debugging Commands',
  short: 'List events',
  long: 'Display events.\n\n Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.',
  examples:
    "  # List recent events in the default namespace\n  kubectl events\n  \n  # List recent events in all namespaces\n  kubectl events --all-namespaces\n  \n  # List recent events for the specified pod, then wait for more events and list them as they arrive\n  kubectl events --for pod/web-pod-13je7 --watch\n  \n  # List recent events in YAML format\n  kubectl events -oyaml\n  \n  # List recent only events of type 'Warning' or 'Normal'\n  kubectl events --types=Warning,Normal",
  usage: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    CHUNK_SIZE_FLAG,
    { name: 'for', type: 'string', default: '', usage: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'no-headers', type: 'bool', default: false, usage: "When using the default output format, don't print headers." },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    { name: 'types', type: 'stringSlice', default: [], usage: 'Output only events of given types.' },
    { name: 'watch', short: 'w', type: 'bool', default: false, usage: 'After listing the requested events, watch for more events.' },
  ],
  async run(k, _args, f) {
    const v = f.values;
    const allNs = v['all-namespaces'] as boolean;
    const ns = (v.namespace as string) || k.namespace;
    const fieldSelector = v.for ? await forSelector(k, v.for as string) : undefined;
    const output = v.output as string;
    const fmt = output ? parseOutput(output, false, outputOptionsFrom(v, k.env)) : undefined;
    const types = [...new Set(v.types as string[])].sort();
    for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new KubectlError('error: valid --types are Normal or Warning');
    const wanted = (type: string | undefined) => types.length === 0 || types.some((t) => t.toLowerCase() === (type ?? '').toLowerCase());
    const path = allNs ? '/api/v1/events' : `/api/v1/namespaces/${encodeURIComponent(ns)}/events`;
    const keepManaged = v['show-managed-fields'] as boolean;
    const printer = new EventPrinter(v['no-headers'] as boolean, allNs);
    if (v.watch) return watch(k, path, fieldSelector, fmt, printer, wanted, keepManaged);

    const items: KubeObject[] = [];
    const chunk = v['chunk-size'] as number;
    let cont = '';
    do {
      const query: Record<string, string> = {};
      if (fieldSelector) query.fieldSelector = fieldSelector;
      if (chunk > 0) query.limit = String(chunk);
      if (cont) query.continue = cont;
      const res = await k.request({ method: 'GET', path, query });
      if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
      const body = res.body as { items?: KubeObject[]; metadata?: { continue?: string } };
      items.push(...(body.items ?? []));
      cont = body.metadata?.continue ?? '';
    } while (cont);
    const events = items.filter((e) => wanted((e as { type?: string }).type)).map((e) => typedEvent(e, keepManaged));
    if (events.length === 0) {
      await k.err(allNs ? 'No events found.\n' : `No events found in ${ns} namespace.\n`);
      return 0;
    }
    sortEvents(events);
    if (fmt) {
      // The typed EventList: the name printer refuses lists (kubectl ignores that error and prints nothing).
      if (fmt.kind === 'name') return 0;
      const list = { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: events } as unknown as KubeObject;
      await k.out(fmt.kind === 'json' ? printOrderedJson(list) : formatObjects([list], fmt, true, k.env.fs, k.env.cwd));
      return 0;
    }
    await k.out(tabulate(printer.rows(events, k.env.now())));
    return 0;
  },
};

function tabulate(text: string): string {
  const buf = new StringWriter();
  const w = newTableTabWriter(buf);
  w.write(text);
  w.flush();
  return buf.toString();
}

/** --for TYPE/NAME → involvedObject.kind, .apiVersion and .name field selectors. */
async function forSelector(k: Kubectl, s: string): Promise<string> {
  if (!s.includes('/')) throw new KubectlError('error: --for must be in resource/name form');
  const seg = s.split('/');
  if (seg.length !== 2) throw new KubectlError('error: arguments in resource/name form may not have more than one slash');
  let info;
  try {
    info = await k.mapper.lookup(seg[0].toLowerCase());
  } catch (e) {
    if (e instanceof UnknownResourceError) throw new KubectlError(e.message);
    throw e;
  }
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  return `involvedObject.kind=${info.kind},involvedObject.apiVersion=${apiVersion},involvedObject.name=${seg[1]}`;
}

/** -w: a watch without a list first (existing events arrive as ADDED), deleted events skipped. */
async function watch(
  k: Kubectl,
  path: string,
  fieldSelector: string | undefined,
  fmt: OutputFormat | undefined,
  printer: EventPrinter,
  wanted: (type: string | undefined) => boolean,
  keepManaged: boolean,
): Promise<number> {
  const query: Record<string, string> = { watch: 'true' };
  if (fieldSelector) query.fieldSelector = fieldSelector;
  const res = await k.request({ method: 'GET', path, query });
  if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
  const buf = new StringWriter();
  const w = newTableTabWriter(buf);
  const yaml = new YamlPrinter();
  for await (const e of watchEvents(res, (fn) => k.env.signal.onAbort(fn))) {
    if (e.type === 'ERROR') {
      if (isStatus(e.object)) throw new ServerError(e.object);
      return 0;
    }
    if (e.type === 'DELETED' || e.type === 'BOOKMARK') continue;
    const obj = e.object as KubeObject & { type?: string };
    if (!wanted(obj.type)) continue;
    const typed = typedEvent(obj, keepManaged);
    if (!fmt) {
      w.write(printer.rows([typed], k.env.now()));
      w.flush();
      await k.out(buf.take());
    } else if (fmt.kind === 'yaml') {
      await k.out(yaml.printObj(typed));
    } else if (fmt.kind === 'json') {
      await k.out(printOrderedJson(typed));
    } else {
      await k.out(formatObjects([typed], fmt, true, k.env.fs, k.env.cwd));
    }
  }
  return 0;
}
