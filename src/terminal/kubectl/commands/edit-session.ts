// The edit loop of `kubectl edit`: write the objects (with kubectl's header) to a temp file, open the
// editor, diff what came back against the original and patch each changed object; invalid objects
// reopen the editor with the reasons in the header, other failures keep the file for `replace -f`.
// mirrors: kubectl/pkg/cmd/util/editor/editoptions.go (Run, visitToPatch, editResults, editHeader)

import type { KubeObject } from '../../../engine/api/types';
import type { Kubectl, EditorHost } from '../context';
import type { Target } from './targets';
import { KubectlError, ServerError } from '../errors';
import { parse } from '../manifests';
import { printJson, printYaml } from '../printers/index';
import { createMergePatch, createTwoWayMergePatch, isEmptyPatch } from '../../../engine/api/patch/create-patch';
import { stableStringify } from '../../../engine/api/patch/stable-stringify';
import { deepEqual } from '../../../engine/api/patch/index';
import { patchMetaFor, schemaFor } from '../../../engine/schema/index';
import { qualifiedResource } from '../discovery';
import { asStatus } from './apply';
import { printOperation, withoutManagedFields } from './workload-flags';

export interface EditSettings {
  json: boolean;
  showManagedFields: boolean;
  outputPatch: boolean;
  windowsLineEndings: boolean;
  fieldManager: string;
  fieldValidation: string;
  subresource?: string;
  values: Record<string, unknown>;
}

interface Reason {
  head: string;
  other: string[];
}

const HEADER = "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";

function header(reasons: Reason[]): string {
  let s = HEADER;
  for (const r of reasons) {
    s += r.other.length ? `# ${hashLines(r.head)}:\n` : `# ${hashLines(r.head)}\n`;
    for (const o of r.other) s += `# * ${hashLines(o)}\n`;
    s += '#\n';
  }
  return s;
}

function hashLines(s: string): string {
  return s.replace(/\n(?!#)/g, '\n# ');
}

/** cmdutil.ManualStrip: drops comment lines (not `#!`). */
export function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((l) => !(l.trim().startsWith('#') && !l.trim().startsWith('#!')))
    .join('\n');
}

/** StripComments: the document as JSON when it parses, else without comment lines. */
function stripComments(text: string): string {
  try {
    return stableStringify(parse(text, 'edited').map((m) => m.object));
  } catch {
    return manualStrip(text);
  }
}

function hasLines(text: string): boolean {
  return text.split('\n').some((l) => l.trim().length > 0 && !l.trim().startsWith('#'));
}

/** Runs the edit session; returns the exit code. */
export async function editObjects(k: Kubectl, editor: EditorHost, targets: Target[], s: EditSettings): Promise<number> {
  const shown = targets.map((t) => (s.showManagedFields ? t.object : withoutManagedFields(t.object)));
  const doc = shown.length === 1 ? shown[0] : { apiVersion: 'v1', items: shown, kind: 'List', metadata: {} };
  const original = s.json ? printJson(doc) : printYaml(doc);
  const file = `/tmp/kubectl-edit-${String(k.env.now() % 1e10).padStart(10, '0')}.${s.json ? 'json' : 'yaml'}`;
  let reasons: Reason[] = [];
  let edited = '';
  let containsError = false;
  for (;;) {
    let buf = header(reasons) + (containsError ? manualStrip(edited) : original);
    if (s.windowsLineEndings) buf = buf.replace(/\n/g, '\r\n');
    k.env.fs.writeFile(file, buf);
    const previous = edited;
    edited = (await editor.edit(file, buf)) ?? buf;
    k.env.fs.writeFile(file, edited);
    if (containsError && stripComments(previous) === stripComments(edited)) {
      await k.err(`A copy of your changes has been stored to "${file}"\n`);
      throw new KubectlError('error: Edit cancelled, no valid changes were saved.');
    }
    if (stripComments(original) === stripComments(edited)) {
      k.env.fs.unlink(file);
      await k.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (!hasLines(edited)) {
      await k.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    reasons = [];
    let updated: KubeObject[];
    try {
      updated = parse(edited.replace(/\r\n/g, '\n'), file).map((m) => m.object);
    } catch (e) {
      containsError = true;
      reasons.push({ head: `The edited file had a syntax error: ${(e as Error).message.replace(/^error: /, '')}`, other: [] });
      continue;
    }
    containsError = false;
    const r = await patchEdited(k, targets, updated, s, file);
    if (r.retryable) {
      await k.err(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      return 1;
    }
    if (r.notfound) {
      await k.err(`The edits you made on deleted resources have been saved to "${file}"\n`);
      return 1;
    }
    if (r.reasons.length === 0) return 0;
    reasons = r.reasons;
    containsError = true;
  }
}

async function patchEdited(k: Kubectl, targets: Target[], updated: KubeObject[], s: EditSettings, file: string): Promise<{ reasons: Reason[]; retryable: number; notfound: number }> {
  const out = { reasons: [] as Reason[], retryable: 0, notfound: 0 };
  for (const obj of updated) {
    const t = targets.find((x) => x.object.metadata?.uid === obj.metadata?.uid);
    if (!t) {
      await k.err(`A copy of your changes has been stored to "${file}"\n`);
      throw new KubectlError(`error: no original object found for ${obj.kind ?? ''} ${obj.metadata?.name ?? ''}`);
    }
    const ns = obj.metadata?.namespace;
    if (t.info.namespaced && ns && t.namespace && ns !== t.namespace) {
      await k.err(`A copy of your changes has been stored to "${file}"\n`);
      throw new KubectlError(`error: the namespace from the provided object "${ns}" does not match the namespace "${t.namespace}". You must pass '--namespace=${ns}' to perform this operation.`);
    }
    // Managed fields were hidden from the editor; they are not part of the change.
    const before = withoutManagedFields(t.object);
    const after = s.showManagedFields ? obj : withoutManagedFields(obj);
    if (deepEqual(before, after)) {
      await printOperation(k, t.object, t.info, 'skipped', 'none', s.values);
      continue;
    }
    const changedIdentity = before.apiVersion !== after.apiVersion || before.kind !== after.kind || before.metadata?.name !== after.metadata?.name;
    if (changedIdentity) {
      await k.err(`A copy of your changes has been stored to "${file}"\n`);
      throw new KubectlError('error: At least one of apiVersion, kind and name was changed');
    }
    const known = !!schemaFor(t.info.group, t.info.version, t.info.kind);
    const patch = known ? createTwoWayMergePatch(before, after, patchMetaFor(t.info.group, t.info.version, t.info.kind)) : createMergePatch(before, after);
    const body = stableStringify(patch);
    if (s.outputPatch) await k.out(`Patch: ${body}\n`);
    if (isEmptyPatch(patch)) {
      await printOperation(k, t.object, t.info, 'edited', 'none', s.values);
      continue;
    }
    const res = await k.request({
      method: 'PATCH',
      path: k.resourcePath(t.info, t.namespace, t.name, s.subresource),
      query: { fieldManager: s.fieldManager, fieldValidation: s.fieldValidation },
      body,
      headers: { 'content-type': known ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json' },
    });
    if (res.status < 300) {
      await printOperation(k, res.body as KubeObject, t.info, 'edited', 'none', s.values);
      continue;
    }
    const status = asStatus(res.body, res.status);
    const what = `${qualifiedResource(t.info)} ${JSON.stringify(t.name)}`;
    if (status.reason === 'Invalid') {
      out.reasons.push({ head: `${what} was not valid`, other: (status.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`) });
      await k.err(`error: ${what} is invalid\n`);
    } else if (status.reason === 'NotFound') {
      out.notfound++;
      await k.err(`error: ${what} could not be found on the server\n`);
    } else {
      out.retryable++;
      await k.err(`error: ${what} could not be patched: ${new ServerError(status).message.replace(/^Error from server \([^)]*\): /, '')}\n`);
    }
  }
  return out;
}
