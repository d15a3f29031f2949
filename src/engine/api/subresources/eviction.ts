// pods/eviction: a delete that respects PodDisruptionBudgets (429 when it would violate one).
// mirrors: pkg/registry/core/pod/storage/eviction.go

import type { ApiRequest, ApiResponse, KubeObject } from '../types';
import type { SubresourceHandler } from './types';
import { decodeBody } from '../body';
import * as errors from '../errors';
import { json } from '../server';

/** budgetCheck returns the refusal message when evicting the pod would violate a PodDisruptionBudget. */
export function evictionHandler(budgetCheck: (pod: KubeObject) => string | undefined = () => undefined): SubresourceHandler {
  return (req: ApiRequest, def, rp, opts, rest): ApiResponse => {
    if (req.method !== 'POST') throw errors.methodNotSupported('', 'pods/eviction', req.method.toLowerCase());
    const body = (decodeBody(req, 3 * 1024 * 1024) ?? {}) as { metadata?: { name?: string }; deleteOptions?: { gracePeriodSeconds?: number; preconditions?: { uid?: string }; dryRun?: string[] } };
    const name = rp.name!;
    if (body.metadata?.name && body.metadata.name !== name) {
      throw errors.badRequest(`name in URL does not match name in Eviction object`);
    }
    const pod = rest.get(def, rp.namespace, name);
    const violation = budgetCheck(pod);
    if (violation) throw errors.tooManyRequests(violation, 10);
    const dryRun = opts.dryRun || !!body.deleteOptions?.dryRun?.includes('All');
    rest.delete(def, rp.namespace, name, { gracePeriodSeconds: body.deleteOptions?.gracePeriodSeconds, preconditions: body.deleteOptions?.preconditions }, { ...opts, dryRun });
    return json(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
  };
}
