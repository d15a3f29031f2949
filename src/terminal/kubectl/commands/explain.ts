// kubectl explain: documentation of a resource or one of its fields, from the server's OpenAPI v3
// documents (GET /openapi/v3, then the group-version document it points to).
// mirrors: kubectl/pkg/cmd/explain/explain.go, kubectl/pkg/explain/explain.go (resource/field splitting)

import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import { KubectlError } from '../errors';
import { UnknownResourceError, type ResourceInfo } from '../discovery';
import { parseTemplate, JSONPathSyntaxError, type JPNode } from '../printers/jsonpath-parser';
import { renderExplain, gvrString, type ExplainGVR } from './explain-template';

export const explainCommand: CommandSpec = {
  name: 'explain',
  group: 'Basic Commands (Intermediate)',
  short: 'Get documentation for a resource',
  long: 'Describe fields and structure of various resources.\n\n This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:\n\n        <type>.<fieldName>[.<fieldName>]\n        \n Information about each field is retrieved from the server in OpenAPI format.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
  examples:
    '  # Get the documentation of the resource and its fields\n  kubectl explain pods\n  \n  # Get all the fields in the resource\n  kubectl explain pods --recursive\n  \n  # Get the explanation for deployment in supported api versions\n  kubectl explain deployments --api-version=apps/v1\n  \n  # Get the documentation of a specific field of a resource\n  kubectl explain pods.spec.containers\n  \n  # Get the documentation of resources in different format\n  kubectl explain deployment --output=plaintext-openapiv2',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    { name: 'api-version', type: 'string', default: '', usage: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
    { name: 'recursive', type: 'bool', default: false, usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
  ],
  async run(k, args, f) {
    if (args.length === 0) throw new KubectlError('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
    if (args.length > 1) throw new KubectlError('error: We accept only this format: explain RESOURCE');
    const apiVersion = f.values['api-version'] as string;
    const format = f.values.output as string;
    const { gvr, path } = apiVersion ? await splitResource(k, args[0]) : await splitResourceWithMatchingPrefix(k, args[0]);
    if (format === 'plaintext-openapiv2') {
      // The v2 renderer needs /openapi/v2 (protobuf), which this server does not serve.
      const res = await k.request({ method: 'GET', path: '/openapi/v2' });
      if (res.status === 404) throw new KubectlError('Error from server (NotFound): the server could not find the requested resource');
      throw new KubectlError('error: the plaintext-openapiv2 format is not supported by this playground');
    }
    if (apiVersion) {
      const gv = parseGroupVersion(apiVersion);
      gvr.group = gv.group;
      gvr.version = gv.version;
    }
    const doc = await openApiDocument(k, gvr);
    if (format !== 'plaintext') throw new KubectlError(`error: unrecognized format: ${format}`);
    const r = renderExplain(doc, gvr, path, f.values.recursive as boolean);
    if (r.out) await k.out(r.out);
    if (r.error) throw new KubectlError(r.error);
    return 0;
  },
};

/** schema.ParseGroupVersion: `apps/v1`, `v1`; more slashes are an error. */
function parseGroupVersion(s: string): { group: string; version: string } {
  if (s === '' || s === '/') return { group: '', version: '' };
  const parts = s.split('/');
  if (parts.length === 1) return { group: '', version: s };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  throw new KubectlError(`error: unexpected GroupVersion string: ${s}`);
}

/** The field nodes of `{.<in>}` (jsonPathParse). */
function pathNodes(input: string): JPNode[] {
  const text = input.endsWith('.') ? input.slice(0, -1) : input;
  let root;
  try {
    root = parseTemplate(`{.${text}}`);
  } catch (e) {
    if (e instanceof JSONPathSyntaxError) throw new KubectlError(`error: ${e.message}`);
    throw e;
  }
  if (root.nodes.length !== 1) throw new KubectlError('error: must pass in 1 jsonpath string');
  const inner = root.nodes[0];
  return inner.type === 'list' ? inner.nodes : [inner];
}

function fieldNames(nodes: JPNode[], message: string): string[] {
  return nodes.map((n) => {
    if (n.type !== 'field') throw new KubectlError(`error: invalid jsonpath syntax, ${message}`);
    return n.value;
  });
}

function toGvr(r: ResourceInfo): ExplainGVR {
  return { group: r.group, version: r.version, resource: r.resource };
}

/** mapper.ResourcesFor: the best match first, then the same name in other groups. */
async function resourcesFor(k: Kubectl, name: string): Promise<ResourceInfo[]> {
  let best: ResourceInfo;
  try {
    best = await k.mapper.lookup(name);
  } catch (e) {
    // kubectl prints the mapper's no-match error without the `error: ` prefix here.
    if (e instanceof UnknownResourceError) throw new KubectlError(e.message);
    throw e;
  }
  const lower = name.toLowerCase();
  const others = (await k.mapper.preferred()).filter(
    (r) => r !== best && r.group !== best.group && (r.resource === lower || r.singular === lower || r.shortNames.includes(lower) || r.kind.toLowerCase() === lower),
  );
  return [best, ...others];
}

async function firstResource(k: Kubectl, nodes: JPNode[]): Promise<ResourceInfo[]> {
  const first = nodes[0];
  if (!first || first.type !== 'field') throw new KubectlError('error: invalid jsonpath syntax, first node must be field node');
  return resourcesFor(k, first.value);
}

/** SplitAndParseResourceRequest (used with --api-version). */
async function splitResource(k: Kubectl, input: string): Promise<{ gvr: ExplainGVR; path: string[] }> {
  const nodes = pathNodes(input);
  const [r] = await firstResource(k, nodes);
  return { gvr: toGvr(r), path: fieldNames(nodes.slice(1), 'all nodes must be field nodes') };
}

/** SplitAndParseResourceRequestWithMatchingPrefix: `deployments.apps.spec` picks the apps group. */
async function splitResourceWithMatchingPrefix(k: Kubectl, input: string): Promise<{ gvr: ExplainGVR; path: string[] }> {
  const nodes = pathNodes(input);
  const candidates = await firstResource(k, nodes);
  for (const r of candidates) {
    const groupResource = r.group ? `${r.resource}.${r.group}` : r.resource;
    if (!input.startsWith(groupResource)) continue;
    const suffix = input.slice(groupResource.length);
    const path = suffix ? fieldNames(pathNodes(suffix).slice(1), 'first node must be field node') : [];
    return { gvr: toGvr(r), path };
  }
  return { gvr: toGvr(candidates[0]), path: fieldNames(nodes.slice(1), 'first node must be field node') };
}

/** GET /openapi/v3, then the group-version document it lists. */
async function openApiDocument(k: Kubectl, gvr: ExplainGVR): Promise<Record<string, unknown>> {
  const index = await k.call({ method: 'GET', path: '/openapi/v3', query: { timeout: '32s' } });
  const paths = ((index.body as { paths?: Record<string, { serverRelativeURL?: string }> }).paths ?? {});
  const key = gvr.group ? `apis/${gvr.group}/${gvr.version}` : `api/${gvr.version}`;
  const entry = paths[key];
  if (!entry) throw new KubectlError(`error: couldn't find resource for "${gvrString(gvr)}"`);
  const url = entry.serverRelativeURL ?? `/openapi/v3/${key}`;
  const q = url.indexOf('?');
  const query: Record<string, string> = { timeout: '32s' };
  if (q >= 0) for (const [a, b] of new URLSearchParams(url.slice(q + 1))) query[a] = b;
  const res = await k.call({ method: 'GET', path: q >= 0 ? url.slice(0, q) : url, query });
  const body = typeof res.body === 'string' ? (JSON.parse(res.body) as unknown) : res.body;
  return (body ?? {}) as Record<string, unknown>;
}
