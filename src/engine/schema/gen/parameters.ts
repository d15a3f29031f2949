// Query parameters of the API operations, taken from the options types the apiserver converts them
// from (ListOptions, CreateOptions, …, PodLogOptions, PodExecOptions, …): name, description, type.
// mirrors: apiserver pkg/endpoints/installer.go (AddObjectParams). Build-time only.

import { commentDescription } from './comments';
import type { ProtoFile } from './proto-parse';

export interface QueryParameter {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'boolean';
}

const OPTIONS: Record<string, string> = {
  ListOptions: 'k8s.io.apimachinery.pkg.apis.meta.v1',
  CreateOptions: 'k8s.io.apimachinery.pkg.apis.meta.v1',
  UpdateOptions: 'k8s.io.apimachinery.pkg.apis.meta.v1',
  PatchOptions: 'k8s.io.apimachinery.pkg.apis.meta.v1',
  DeleteOptions: 'k8s.io.apimachinery.pkg.apis.meta.v1',
  PodLogOptions: 'k8s.io.api.core.v1',
  PodExecOptions: 'k8s.io.api.core.v1',
  PodAttachOptions: 'k8s.io.api.core.v1',
  PodPortForwardOptions: 'k8s.io.api.core.v1',
  PodProxyOptions: 'k8s.io.api.core.v1',
  ServiceProxyOptions: 'k8s.io.api.core.v1',
  NodeProxyOptions: 'k8s.io.api.core.v1',
};

const TYPES: Record<string, QueryParameter['type']> = {
  string: 'string',
  bool: 'boolean',
  int32: 'integer',
  int64: 'integer',
};

/** Options kind → its query parameters, in field order. Struct-typed fields are not query parameters. */
export function queryParameters(protos: readonly ProtoFile[]): Record<string, QueryParameter[]> {
  const out: Record<string, QueryParameter[]> = {};
  for (const [kind, pkg] of Object.entries(OPTIONS)) {
    const msg = protos.find((f) => f.package === pkg)?.messages.find((m) => m.name === kind);
    if (!msg) throw new Error(`options message ${pkg}.${kind} not found`);
    out[kind] = msg.fields
      .filter((f) => f.label !== 'map' && TYPES[f.type])
      .map((f) => ({ name: f.name, description: commentDescription(f.comments), type: TYPES[f.type] }));
  }
  return out;
}
