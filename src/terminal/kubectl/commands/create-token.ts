// kubectl create token SA: a TokenRequest to the service account's token subresource; prints the token
// (with a newline only on a terminal) or the TokenRequest with -o.
// mirrors: kubectl/pkg/cmd/create/create_token.go

import type { CommandSpec } from '../command';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { PRINT_FLAGS, nameArg, printCreated, printerFor, typedRequestError } from './create-common';

/** Kinds a token can be bound to, with their apiVersion. */
const BOUND_KINDS: Record<string, string> = { Node: 'v1', Pod: 'v1', Secret: 'v1' };
const BOUND_KIND_LIST = Object.keys(BOUND_KINDS).sort().join(', ');

export function tokenCommand(): CommandSpec {
  return {
    name: 'token',
    short: 'Request a service account token',
    long: 'Request a service account token.',
    examples:
      '  # Request a token to authenticate to the kube-apiserver as the service account "myapp" in the current namespace\n  kubectl create token myapp\n  \n  # Request a token for a service account in a custom namespace\n  kubectl create token myapp --namespace myns\n  \n  # Request a token with a custom expiration\n  kubectl create token myapp --duration 10m\n  \n  # Request a token with a custom audience\n  kubectl create token myapp --audience https://example.com\n  \n  # Request a token bound to an instance of a Secret object\n  kubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret\n  \n  # Request a token bound to an instance of a Secret object with a specific UID\n  kubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret --bound-object-uid 0d4691ed-659b-4935-a832-355f77ee47cc',
    usage: 'kubectl create token SERVICE_ACCOUNT_NAME [options]',
    flags: [
      ...PRINT_FLAGS,
      { name: 'audience', type: 'stringArray', default: [], usage: 'Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences.' },
      { name: 'duration', type: 'duration', default: 0, usage: 'Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime.' },
      { name: 'bound-object-kind', type: 'string', default: '', usage: `Kind of an object to bind the token to. Supported kinds are ${BOUND_KIND_LIST}. If set, --bound-object-name must be provided.` },
      { name: 'bound-object-name', type: 'string', default: '', usage: 'Name of an object to bind the token to. The token will expire when the object is deleted. Requires --bound-object-kind.' },
      { name: 'bound-object-uid', type: 'string', default: '', usage: 'UID of an object to bind the token to. Requires --bound-object-kind and --bound-object-name. If unset, the UID of the existing object is used.' },
    ],
    async run(k, args, f) {
      const v = f.values;
      const name = nameArg(args, f, 'token');
      const namespace = (v.namespace as string) || k.namespace;
      const format = printerFor(k, v);
      if (!namespace) throw new KubectlError('error: --namespace is required');
      const durationMs = v.duration as number;
      if (durationMs < 0) throw new KubectlError('error: --duration must be greater than or equal to 0');
      if (durationMs % 1000 !== 0) throw new KubectlError('error: --duration cannot be expressed in units less than seconds');
      const audiences = v.audience as string[];
      if (audiences.some((a) => a === '')) throw new KubectlError('error: --audience must not be an empty string');
      const kind = v['bound-object-kind'] as string;
      const boundName = v['bound-object-name'] as string;
      const boundUid = v['bound-object-uid'] as string;
      if (!kind) {
        if (boundName) throw new KubectlError('error: --bound-object-name can only be set if --bound-object-kind is provided');
        if (boundUid) throw new KubectlError('error: --bound-object-uid can only be set if --bound-object-kind is provided');
      } else {
        if (!BOUND_KINDS[kind]) throw new KubectlError(`error: supported --bound-object-kind values are ${BOUND_KIND_LIST}`);
        if (!boundName) throw new KubectlError('error: --bound-object-name is required if --bound-object-kind is provided');
      }
      const spec: Record<string, unknown> = { audiences: audiences.length ? audiences : null };
      if (durationMs > 0) spec.expirationSeconds = durationMs / 1000;
      if (kind) {
        const ref: Record<string, unknown> = { kind, apiVersion: BOUND_KINDS[kind], name: boundName };
        if (boundUid) ref.uid = boundUid;
        spec.boundObjectRef = ref;
      }
      const body = { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, spec, status: { token: '', expirationTimestamp: null } };
      const res = await k.request({
        method: 'POST',
        path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/serviceaccounts/${encodeURIComponent(name)}/token`,
        body,
        headers: { 'content-type': 'application/json' },
      });
      if (res.status >= 300) throw typedRequestError(res.body, res.status, 'failed to create token: ');
      const tr = res.body as KubeObject & { status?: { token?: string } };
      const token = tr.status?.token ?? '';
      if (!token) throw new KubectlError('error: failed to create token: no token in server response');
      if (format) {
        await printCreated(k, tr, { group: 'authentication.k8s.io', kind: 'TokenRequest' }, { format, dry: 'none', showManagedFields: !!v['show-managed-fields'] });
        return 0;
      }
      await k.out(k.env.stdout.isTTY ? `${token}\n` : token);
      return 0;
    },
  };
}
