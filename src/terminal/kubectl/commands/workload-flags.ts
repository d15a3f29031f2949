// Flags shared by the workload verbs (print flags, -f/-R/-l, field managers) and printing their
// results the way kubectl's PrintFlags do (managedFields hidden unless --show-managed-fields).
// mirrors: cli-runtime/pkg/genericclioptions/print_flags.go, kubectl/pkg/cmd/util/helpers.go (Add*Flag)

import type { KubeObject } from '../../../engine/api/types';
import type { Kubectl } from '../context';
import type { FlagDef } from '../flags';
import type { ResourceInfo } from '../discovery';
import { DRY_RUN_FLAG, printResult, type DryRun } from '../mutate';

/** -o, --template, --allow-missing-template-keys, --show-managed-fields (PrintFlags). */
export const PRINT_FLAGS: FlagDef[] = [
  { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
  { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  { name: 'show-managed-fields', type: 'bool', default: false, usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  { name: 'template', type: 'string', default: '', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
];

export { DRY_RUN_FLAG };

export function filenameFlag(usage: string): FlagDef {
  return { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage };
}

export const KUSTOMIZE_FLAG: FlagDef = { name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." };

export const RECURSIVE_FLAG: FlagDef = { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' };

export const SELECTOR_FLAG: FlagDef = { name: 'selector', short: 'l', type: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." };

export const FIELD_SELECTOR_FLAG: FlagDef = { name: 'field-selector', type: 'string', default: '', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." };

export function fieldManagerFlag(manager: string): FlagDef {
  return { name: 'field-manager', type: 'string', default: manager, usage: 'Name of the manager used to track field ownership.' };
}

export const POD_RUNNING_TIMEOUT_USAGE = 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running';

/** Drops metadata.managedFields (what kubectl's printers do unless --show-managed-fields). */
export function withoutManagedFields(o: KubeObject): KubeObject {
  if (!o.metadata?.managedFields) return o;
  const { managedFields: _, ...meta } = o.metadata;
  return { ...o, metadata: meta };
}

/** `deployment.apps/web image updated` or the object in the -o format. */
export async function printOperation(k: Kubectl, obj: KubeObject, info: ResourceInfo, operation: string, dry: DryRun, values: Record<string, unknown>): Promise<void> {
  const shown = values['show-managed-fields'] ? obj : withoutManagedFields(obj);
  await printResult(k, shown, info, operation, dry, (values.output as string) || undefined);
}

/** Namespace from -n or the kubeconfig, and whether it was given explicitly (EnforceNamespace). */
export function namespaceOf(k: Kubectl, values: Record<string, unknown>): { namespace: string; explicit: boolean } {
  const n = values.namespace as string;
  return { namespace: n || k.namespace, explicit: !!n };
}

/**
 * `-o json` of an object kubectl built itself (a typed Go struct): fields in struct order rather than
 * sorted, 4-space indent, HTML characters escaped like encoding/json.
 */
export function typedJson(obj: unknown): string {
  return JSON.stringify(obj, null, 4).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}
