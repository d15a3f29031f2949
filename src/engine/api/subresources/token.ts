// serviceaccounts/token: TokenRequest (authentication.k8s.io/v1) answered with a JWT-shaped service account
// token — kube-apiserver's claims (aud, exp, iat, iss, jti, kubernetes.io, nbf, sub) and bound-object
// checks; the signature is seeded pseudo-random bytes, not RS256.
// mirrors: pkg/registry/core/serviceaccount/storage/token.go, pkg/serviceaccount/claims.go,
//          pkg/apis/authentication/validation (ValidateTokenRequest), authentication/v1 defaults (1.32)

import type { ApiRequest, ApiResponse, KubeObject } from '../types';
import type { SubresourceHandler } from './types';
import type { Rest } from '../rest/rest';
import { decodeBody } from '../body';
import * as errors from '../errors';
import { json } from '../server';
import { invalidStatus, invalid, type FieldError } from '../validation/field-errors';
import { stableStringify } from '../patch/stable-stringify';
import { encodeBase64, encodeBase64Bytes } from '../../util/base64';
import { rfc3339 } from '../../util/time';
import { Rng } from '../../clock/rng';

/** kubeadm's --service-account-issuer; --api-audiences defaults to it. */
export const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';
const API_AUDIENCES = [SERVICE_ACCOUNT_ISSUER];

const DEFAULT_EXPIRATION_SECONDS = 60 * 60;
const MIN_EXPIRATION_SECONDS = 10 * 60;
const MAX_EXPIRATION_SECONDS = 2 ** 32;
/** What kubelets ask for (an hour and 7 s); such pod-bound tokens live a year but warn after the hour. */
const WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS = 60 * 60 + 7;
const EXPIRATION_EXTENSION_SECONDS = 24 * 365 * 60 * 60;

const GROUP_KIND = { kind: 'TokenRequest', group: 'authentication.k8s.io' };

interface BoundRef {
  kind?: string;
  apiVersion?: string;
  name?: string;
  uid?: string;
}

interface TokenRequestBody {
  metadata?: Record<string, unknown>;
  spec?: { audiences?: string[] | null; expirationSeconds?: number | null; boundObjectRef?: BoundRef | null };
}

interface Ref {
  name: string;
  uid?: string;
}

function invalidError(name: string, errs: FieldError[]): errors.StatusError {
  return new errors.StatusError(invalidStatus(GROUP_KIND.kind, GROUP_KIND.group, name, errs) as errors.Status);
}

const base64url = (s: string): string => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The private claims' `kubernetes.io` object; stableStringify sorts it as go-jose's map does. */
function privateClaims(sa: KubeObject, pod: KubeObject | undefined, secret: KubeObject | undefined, node: Ref | undefined, warnAfter: number | undefined): Record<string, unknown> {
  const ref = (o: { name?: string; uid?: string }): Ref => ({ name: o.name ?? '', ...(o.uid ? { uid: o.uid } : {}) });
  const k: Record<string, unknown> = { namespace: sa.metadata?.namespace, serviceaccount: ref(sa.metadata ?? {}) };
  if (pod) {
    k.pod = ref(pod.metadata ?? {});
    if (node) k.node = node;
  } else if (secret) k.secret = ref(secret.metadata ?? {});
  else if (node) k.node = node;
  if (warnAfter !== undefined) k.warnafter = warnAfter;
  return k;
}

/**
 * The token subresource of ServiceAccounts. Tokens are deterministic: the key id and signature bytes come
 * from the cluster seed, the jti from a per-cluster counter, times from the simulated clock.
 */
export function tokenHandler(seed: number | string): SubresourceHandler {
  let issued = 0;
  const kid = base64url(encodeBase64Bytes(bytesFrom(Rng.derive(seed, 'service-account-key-id'), 32)));
  return (req: ApiRequest, def, rp, opts, rest): ApiResponse => {
    if (def.plural !== 'serviceaccounts') throw errors.pathNotFound();
    if (req.method !== 'POST') throw errors.methodNotSupported('', 'serviceaccounts/token', req.method.toLowerCase());
    const body = (decodeBody(req, 3 * 1024 * 1024) ?? {}) as TokenRequestBody;
    const name = rp.name!;
    const namespace = rp.namespace ?? '';
    const meta: Record<string, unknown> = { ...(body.metadata ?? {}) };
    if (meta.name && meta.name !== name) throw invalidError(name, [invalid('metadata.name', meta.name, 'must match the service account name if specified')]);
    if (meta.namespace && meta.namespace !== namespace) throw invalidError(name, [invalid('metadata.namespace', meta.namespace, 'must match the service account namespace if specified')]);
    const sa = rest.get(def, namespace, name);
    const spec = body.spec ?? {};
    // authentication/v1 defaulting: an hour unless asked otherwise.
    const expirationSeconds = typeof spec.expirationSeconds === 'number' ? spec.expirationSeconds : DEFAULT_EXPIRATION_SECONDS;
    const audiences = spec.audiences?.length ? spec.audiences : API_AUDIENCES;
    const nowMs = rest.clock.now();
    const now = Math.floor(nowMs / 1000);
    const validation: FieldError[] = [];
    if (expirationSeconds < MIN_EXPIRATION_SECONDS) validation.push(invalid('spec.expirationSeconds', expirationSeconds, 'may not specify a duration less than 10 minutes'));
    if (expirationSeconds > MAX_EXPIRATION_SECONDS) validation.push(invalid('spec.expirationSeconds', expirationSeconds, 'may not specify a duration larger than 2^32 seconds'));
    if (validation.length) throw invalidError('', validation);
    const bound = boundObjects(rest, namespace, name, spec.boundObjectRef ?? undefined);
    let exp = expirationSeconds;
    let warnAfter: number | undefined;
    if (bound.pod && expirationSeconds === WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS && audiences.every((a) => API_AUDIENCES.includes(a))) {
      warnAfter = now + exp;
      exp = EXPIRATION_EXTENSION_SECONDS;
    }
    const jti = Rng.derive(seed, `service-account-token/${issued++}`).uuid();
    const claims = {
      aud: audiences,
      exp: now + exp,
      iat: now,
      iss: SERVICE_ACCOUNT_ISSUER,
      jti,
      'kubernetes.io': privateClaims(sa, bound.pod, bound.secret, bound.node, warnAfter),
      nbf: now,
      sub: `system:serviceaccount:${sa.metadata?.namespace}:${sa.metadata?.name}`,
    };
    const signingInput = `${base64url(encodeBase64(stableStringify({ alg: 'RS256', kid })))}.${base64url(encodeBase64(stableStringify(claims)))}`;
    const signature = base64url(encodeBase64Bytes(bytesFrom(Rng.derive(seed, `service-account-signature/${signingInput}`), 256)));
    delete meta.creationTimestamp;
    const out = {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { name: (meta.name as string) || name, namespace: (meta.namespace as string) || namespace, ...meta, creationTimestamp: rfc3339(nowMs) },
      spec: { audiences, expirationSeconds, boundObjectRef: spec.boundObjectRef ?? null },
      status: { token: `${signingInput}.${signature}`, expirationTimestamp: rfc3339(nowMs + expirationSeconds * 1000) },
    };
    void opts;
    return json(201, out);
  };
}

function bytesFrom(rng: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.u32() & 0xff;
  return out;
}

interface Bound {
  pod?: KubeObject;
  secret?: KubeObject;
  node?: Ref;
}

/** The object a token is bound to, checked as the TokenREST does (kind, existence, service account, uid). */
function boundObjects(rest: Rest, namespace: string, saName: string, ref: BoundRef | undefined): Bound {
  if (!ref) return {};
  const [group, version] = (ref.apiVersion ?? '').includes('/') ? (ref.apiVersion ?? '').split('/') : ['', ref.apiVersion ?? ''];
  const refName = ref.name ?? '';
  const get = (resource: string, ns: string | undefined): KubeObject => {
    const o = rest.store.get(resource, ns, refName);
    if (!o) throw errors.notFound('', resource, refName);
    return o;
  };
  let uid: string | undefined;
  const out: Bound = {};
  if (group === '' && ref.kind === 'Pod') {
    const pod = get('pods', namespace);
    const podSpec = (pod.spec ?? {}) as { serviceAccountName?: string; nodeName?: string };
    if (saName !== podSpec.serviceAccountName) throw errors.badRequest(`cannot bind token for serviceaccount "${saName}" to pod running with different serviceaccount name.`);
    uid = pod.metadata?.uid;
    out.pod = pod;
    if (podSpec.nodeName) {
      const node = rest.store.get('nodes', undefined, podSpec.nodeName);
      out.node = { name: podSpec.nodeName, ...(node?.metadata?.uid ? { uid: node.metadata.uid } : {}) };
    }
  } else if (group === '' && ref.kind === 'Node') {
    const node = get('nodes', undefined);
    uid = node.metadata?.uid;
    out.node = { name: refName, ...(uid ? { uid } : {}) };
  } else if (group === '' && ref.kind === 'Secret') {
    const secret = get('secrets', namespace);
    uid = secret.metadata?.uid;
    out.secret = secret;
  } else {
    throw errors.badRequest(`cannot bind token to object of type ${group}/${version}, Kind=${ref.kind ?? ''}`);
  }
  if (ref.uid && uid !== ref.uid) {
    throw errors.conflict('', ref.kind ?? '', refName, `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`);
  }
  return out;
}
