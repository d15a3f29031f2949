// Turns command arguments into what to act on: TYPE [NAME…], TYPE/NAME…, TYPE1,TYPE2, categories
// (`all`), or -f manifests; with kubectl's errors for mixed forms.
// mirrors: cli-runtime/pkg/resource/builder.go

import type { KubeObject } from '../../engine/api/types';
import type { Kubectl } from './context';
import type { ResourceInfo } from './discovery';
import { KubectlError } from './errors';
import { objectMetaFault } from '../../engine/schema/go-decode';
import { readManifestStream, type Manifest } from './manifests';

/** One type to act on, with the names asked for (none: all / by selector). */
export interface TypeRequest {
  info: ResourceInfo;
  names: string[];
}

export async function resolveType(k: Kubectl, arg: string): Promise<ResourceInfo[]> {
  if (arg === 'all' || (await isCategoryOnly(k, arg))) return k.mapper.category(arg);
  return [await k.mapper.lookup(arg)];
}

async function isCategoryOnly(k: Kubectl, arg: string): Promise<boolean> {
  try {
    await k.mapper.lookup(arg);
    return false;
  } catch {
    return (await k.mapper.category(arg)).length > 0;
  }
}

/** Parses the positional arguments of get/describe/delete/label… into type requests. */
export async function typeRequests(k: Kubectl, args: string[]): Promise<TypeRequest[]> {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length) {
    if (slashed.length !== args.length) {
      throw new KubectlError(
        `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
      );
    }
    const out: TypeRequest[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const type = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!type || !name || name.includes('/')) throw new KubectlError('error: arguments in resource/name form must have a single resource and name');
      const info = await k.mapper.lookup(type);
      const prev = out.find((t) => t.info === info);
      if (prev) prev.names.push(name);
      else out.push({ info, names: [name] });
    }
    return out;
  }
  const [types, ...names] = args;
  const list: ResourceInfo[] = [];
  for (const t of types.split(',')) {
    if (t === '') continue;
    for (const info of await resolveType(k, t)) if (!list.includes(info)) list.push(info);
  }
  return list.map((info) => ({ info, names: [...names] }));
}

/** A manifest object with its REST mapping and target namespace. */
export interface ManifestInfo extends Manifest {
  info: ResourceInfo;
  namespace?: string;
  name: string;
}

/** Reads -f sources and maps every object; the first fault (unreadable source, unknown kind) is thrown. */
export async function manifestInfos(k: Kubectl, filenames: string[], recursive: boolean, namespace: string, explicitNs: boolean): Promise<ManifestInfo[]> {
  const r = await manifestInfoStream(k, filenames, recursive, namespace, explicitNs);
  if (r.errors.length) throw r.errors[0];
  return r.infos;
}

/**
 * Reads -f sources as kubectl's ContinueOnError visitors do: objects that map are returned, and each fault
 * (a document that does not parse ends its source; an unknown kind skips one object) is collected in order.
 */
export async function manifestInfoStream(
  k: Kubectl,
  filenames: string[],
  recursive: boolean,
  namespace: string,
  explicitNs: boolean,
): Promise<{ infos: ManifestInfo[]; errors: KubectlError[] }> {
  const stream = await readManifestStream(k, filenames, recursive);
  const infos: ManifestInfo[] = [];
  const errors: KubectlError[] = [];
  for (const m of stream.manifests) {
    try {
      infos.push(await mapManifest(k, m, namespace, explicitNs));
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      errors.push(e);
    }
  }
  errors.push(...stream.errors);
  return { infos, errors };
}

async function mapManifest(k: Kubectl, m: Manifest, namespace: string, explicitNs: boolean): Promise<ManifestInfo> {
  const o = m.object;
  const missing: string[] = [];
  if (!o.apiVersion) missing.push('apiVersion not set');
  if (!o.kind) missing.push('kind not set');
  if (missing.length) {
    throw new KubectlError(`error: error validating "${m.source}": error validating data: ${missing.length > 1 ? `[${missing.join(', ')}]` : missing[0]}; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  const metaFault = objectMetaFault(o);
  if (metaFault) throw new KubectlError(`error: unable to decode "${m.source}": ${metaFault}`);
  const info = await k.mapper.forKind(o.apiVersion!, o.kind!);
  if (!info) {
    const gv = o.apiVersion!;
    throw new KubectlError(`error: resource mapping not found for name: "${o.metadata?.name ?? ''}" namespace: "${o.metadata?.namespace ?? ''}" from "${m.source}": no matches for kind "${o.kind}" in version "${gv}"\nensure CRDs are installed first`);
  }
  const objNs = o.metadata?.namespace;
  if (info.namespaced && explicitNs && objNs && objNs !== namespace) {
    throw new KubectlError(`error: the namespace from the provided object "${objNs}" does not match the namespace "${namespace}". You must pass '--namespace=${objNs}' to perform this operation.`);
  }
  const ns = info.namespaced ? objNs || namespace : undefined;
  const name = o.metadata?.name ?? '';
  return { ...m, info, namespace: ns, name };
}

export function objectName(o: KubeObject): string {
  return o.metadata?.name ?? '';
}
