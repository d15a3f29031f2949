// Shared by `kubectl create -f` and the create generators: --save-config, the generators' common flags,
// their Complete steps (NAME, dry-run strategy, printer, validation directive) and sending a typed object
// the way kubectl's typed clients do.
// mirrors: kubectl/pkg/cmd/create/create.go (NameFromCommandArgs), kubectl/pkg/cmd/util/helpers.go
// (GetDryRunStrategy, GetValidationDirective), kubectl/pkg/util/apply.go (CreateOrUpdateAnnotation)

import type { KubeObject } from '../../../engine/api/types';
import type { Kubectl } from '../context';
import type { FlagDef, ParsedFlags } from '../flags';
import { parseBool } from '../flags';
import { KubectlError, ServerError } from '../errors';
import { DRY_RUN_FLAG, OUTPUT_FLAG, VALIDATE_FLAG, dryRunSuffix, type DryRun } from '../mutate';
import { formatObjects, parseOutput, type OutputFormat } from '../output';
import { kindGroup } from '../discovery';
import { asStatus } from './apply';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from './common-flags';
import { typedCompactJson, typedJsonText } from './create-typed';
import { withoutManagedFields } from './workload-flags';

export const SAVE_CONFIG = { name: 'save-config', type: 'bool' as const, default: false, usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." };

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** PrintFlags: -o, --template, --allow-missing-template-keys, --show-managed-fields. */
export const PRINT_FLAGS: FlagDef[] = [ALLOW_MISSING_TEMPLATE_KEYS_FLAG, OUTPUT_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG];

/** Flags every create generator has besides its own. */
export const GENERATOR_FLAGS: FlagDef[] = [
  ...PRINT_FLAGS,
  DRY_RUN_FLAG,
  VALIDATE_FLAG,
  SAVE_CONFIG,
  { name: 'field-manager', type: 'string', default: 'kubectl-create', usage: 'Name of the manager used to track field ownership.' },
];

/** `error: …\nSee 'kubectl create X -h' for help and examples` (cmdutil.UsageErrorf). */
export function usageError(cmdPath: string, message: string): KubectlError {
  return new KubectlError(`error: ${message}\nSee 'kubectl create ${cmdPath} -h' for help and examples`);
}

/** NameFromCommandArgs: exactly one argument before `--`. */
export function nameArg(args: string[], f: ParsedFlags, cmdPath: string): string {
  const n = f.argsLenAtDash >= 0 ? f.argsLenAtDash : args.length;
  if (n !== 1) throw usageError(cmdPath, `exactly one NAME is required, got ${n}`);
  return args[0];
}

/** klog's header: `W1123 21:51:08.992848    4242 helpers.go:702] ` (the pid is a stand-in). */
export function klogLine(severity: 'W' | 'E' | 'I', now: number, source: string, message: string): string {
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  const micros = String(Math.floor((now % 1000) * 1000)).padStart(6, '0');
  const stamp = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros}`;
  return `${severity}${stamp} ${String(KLOG_PID).padStart(7)} ${source}] ${message}\n`;
}

const KLOG_PID = 4242;

/** GetDryRunStrategy, with the klog warnings for the deprecated forms. */
export async function dryRunStrategy(k: Kubectl, raw: unknown): Promise<DryRun> {
  const s = String(raw ?? 'none');
  const b = parseBool(s);
  if (b === undefined) {
    switch (s) {
      case DRY_RUN_FLAG.noOptDefault:
        await k.err(klogLine('W', k.env.now(), 'helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.'));
        return 'client';
      case 'client':
      case 'server':
      case 'none':
        return s;
      default:
        throw new KubectlError(`error: Invalid dry-run value (${s}). Must be "none", "server", or "client".`);
    }
  }
  const to = b ? 'client' : 'none';
  await k.err(klogLine('W', k.env.now(), b ? 'helpers.go:716' : 'helpers.go:719', `--dry-run=${s} is deprecated (boolean value) and can be replaced with --dry-run=${to}.`));
  return to;
}

/** GetValidationDirective: the fieldValidation query value. */
export function validationDirective(raw: unknown): 'Strict' | 'Warn' | 'Ignore' {
  const s = String(raw ?? 'strict');
  const b = parseBool(s);
  if (b !== undefined) return b ? 'Strict' : 'Ignore';
  if (s === 'strict') return 'Strict';
  if (s === 'warn') return 'Warn';
  if (s === 'ignore') return 'Ignore';
  throw new KubectlError(`error: invalid - validate option "${s}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** PrintFlags.ToPrinter: the -o format (undefined for the `kind/name created` line). */
export function printerFor(k: Kubectl, v: Record<string, unknown>): OutputFormat | undefined {
  const o = v.output as string;
  const template = v.template as string;
  if (!o && !template) return undefined;
  return parseOutput(o, false, { template, allowMissingTemplateKeys: v['allow-missing-template-keys'] as boolean, fs: k.env.fs, cwd: k.env.cwd });
}

/** What Complete gathered for a generator. */
export interface CreateSettings {
  dry: DryRun;
  /** -n or the kubeconfig's namespace. */
  namespace: string;
  /** -n was given (EnforceNamespace): dry-run objects carry it. */
  explicitNamespace: boolean;
  format: OutputFormat | undefined;
  validation: 'Strict' | 'Warn' | 'Ignore';
  saveConfig: boolean;
  fieldManager: string;
  showManagedFields: boolean;
}

/** The Complete steps every generator shares, in kubectl's order: dry-run, namespace, printer, validation. */
export async function completeCreate(k: Kubectl, f: ParsedFlags): Promise<CreateSettings> {
  const v = f.values;
  const dry = await dryRunStrategy(k, v['dry-run']);
  const format = printerFor(k, v);
  const validation = validationDirective(v.validate);
  return {
    dry,
    namespace: (v.namespace as string) || k.namespace,
    explicitNamespace: !!v.namespace,
    format,
    validation,
    saveConfig: !!v['save-config'],
    fieldManager: (v['field-manager'] as string | undefined) ?? 'kubectl-create',
    showManagedFields: !!v['show-managed-fields'],
  };
}

/** CreateOrUpdateAnnotation: with --save-config, the object's own JSON (without the annotation) in its metadata. */
export function withApplyAnnotation<T extends KubeObject>(obj: T, save: boolean): T {
  const existing = obj.metadata?.annotations?.[LAST_APPLIED];
  if (!save && existing === undefined) return obj;
  const meta = { ...(obj.metadata ?? {}) };
  const annotations = { ...(meta.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const bare = { ...obj, metadata: { ...meta, annotations: Object.keys(annotations).length ? annotations : undefined } };
  annotations[LAST_APPLIED] = typedCompactJson(bare) + '\n';
  return { ...obj, metadata: { ...meta, annotations } };
}

/** Prints a created object: `secret/s created (dry run)` or the -o format (typed JSON in struct order). */
export async function printCreated(k: Kubectl, obj: KubeObject, resource: { group: string; kind: string }, s: Pick<CreateSettings, 'format' | 'dry' | 'showManagedFields'>, verb = 'created'): Promise<void> {
  const fmt = s.format;
  // Only the JSON and YAML printers drop managedFields (OmitManagedFieldsPrinter); templates see them.
  const shown = s.showManagedFields || (fmt?.kind !== 'json' && fmt?.kind !== 'yaml') ? obj : withoutManagedFields(obj);
  if (!fmt) {
    await k.out(`${kindGroup(resource)}/${obj.metadata?.name ?? ''} ${verb}${dryRunSuffix(s.dry)}\n`);
    return;
  }
  if (fmt.kind === 'name') {
    await k.out(`${kindGroup(resource)}/${obj.metadata?.name ?? ''}\n`);
    return;
  }
  if (fmt.kind === 'json') {
    await k.out(typedJsonText(shown));
    return;
  }
  await k.out(formatObjects([shown], fmt, true, k.env.fs, k.env.cwd));
}

/** Where a typed create goes, and how its client reports a failed request. */
export interface TypedTarget {
  group: string;
  version: string;
  /** REST resource (plural). */
  resource: string;
  kind: string;
  namespaced: boolean;
  /**
   * The generator's `fmt.Errorf` around a server error (`failed to create secret ` …): kubectl then prints
   * `error: <prefix><message>` instead of `Error from server (…)`. Undefined when the error is returned as is.
   */
  errorPrefix?: string;
}

function pathFor(t: TypedTarget, namespace: string): string {
  const base = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
  return `${base}${t.namespaced ? `/namespaces/${encodeURIComponent(namespace)}` : ''}/${t.resource}`;
}

/** A failed typed request: the wrapped `error: …` line, or the server error as kubectl prints it. */
export function typedRequestError(body: unknown, status: number, prefix: string | undefined): KubectlError {
  const st = asStatus(body, status);
  if (prefix === undefined) return new ServerError(st);
  return new KubectlError(`error: ${prefix}${st.message ?? ''}`);
}

/**
 * The generators' Run: sets the last-applied annotation (--save-config), then prints the object for
 * --dry-run=client (with -n's namespace) or creates it and prints the server's answer.
 */
export async function createTyped(k: Kubectl, target: TypedTarget, obj: KubeObject, s: CreateSettings): Promise<number> {
  let body = withApplyAnnotation(obj, s.saveConfig);
  if (s.dry === 'client') {
    await printCreated(k, body, target, s);
    return 0;
  }
  const query: Record<string, string> = {};
  if (s.fieldManager) query.fieldManager = s.fieldManager;
  query.fieldValidation = s.validation;
  if (s.dry === 'server') query.dryRun = 'All';
  body = typedBody(body);
  const res = await k.request({ method: 'POST', path: pathFor(target, s.namespace), query, body, headers: { 'content-type': 'application/json' } });
  if (res.status >= 300) throw typedRequestError(res.body, res.status, target.errorPrefix);
  await printCreated(k, res.body as KubeObject, target, s);
  return 0;
}

/** What a typed client sends: the struct's JSON (so `creationTimestamp: null` and empty structs go along). */
function typedBody(obj: KubeObject): KubeObject {
  return JSON.parse(typedCompactJson(obj)) as KubeObject;
}

/** The namespace a built object carries: -n's, else none (the request path says where it goes). */
export function objectNamespace(s: Pick<CreateSettings, 'explicitNamespace' | 'namespace'>): string | undefined {
  return s.explicitNamespace ? s.namespace : undefined;
}

/** ObjectMeta as a generator builds it: name, namespace when -n was given, creationTimestamp null. */
export function newMeta(name: string, namespace: string | undefined, extra: Record<string, unknown> = {}): KubeObject['metadata'] {
  const meta: Record<string, unknown> = { name };
  if (namespace) meta.namespace = namespace;
  meta.creationTimestamp = null;
  Object.assign(meta, extra);
  return meta as KubeObject['metadata'];
}

/** pflag's Int32 flags reject what does not fit (our FlagSet parses plain ints): the same error text. */
export function checkInt32(f: ParsedFlags, flag: FlagDef, cmdPath: string): void {
  const n = f.values[flag.name] as number;
  if (n >= -2147483648 && n <= 2147483647) return;
  const shown = flag.short ? `-${flag.short}, --${flag.name}` : `--${flag.name}`;
  throw new KubectlError(`error: invalid argument "${n}" for "${shown}" flag: strconv.ParseInt: parsing "${n}": value out of range\nSee 'kubectl create ${cmdPath} --help' for usage.`);
}
