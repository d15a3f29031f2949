// authorization.k8s.io reviews: "can this user do that?" answered from RBAC, never stored.
// mirrors: pkg/registry/authorization/{selfsubjectaccessreview,subjectaccessreview,selfsubjectrulesreview}

import type { ResourceAttributes, SelfSubjectRulesReview, SubjectAccessReview } from 'kubernetes-types/authorization/v1';
import type { ResourceDef } from '../types';
import type { KubeObject, UserInfo } from '../../api/types';
import { authorize, rulesFor, type Attributes } from '../../auth/rbac';
import type { AdmissionContext } from '../context';

const G = 'authorization.k8s.io';

function attrs(user: UserInfo, ra: ResourceAttributes | undefined, nra: { path?: string; verb?: string } | undefined): Attributes {
  if (ra) {
    return { user, verb: ra.verb ?? '', group: ra.group ?? '', resource: ra.resource ?? '', subresource: ra.subresource || undefined, namespace: ra.namespace || undefined, name: ra.name || undefined };
  }
  return { user, verb: nra?.verb ?? '', path: nra?.path ?? '' };
}

function answer(obj: KubeObject, user: UserInfo, ctx: AdmissionContext): KubeObject {
  const spec = (obj.spec ?? {}) as { resourceAttributes?: ResourceAttributes; nonResourceAttributes?: { path?: string; verb?: string } };
  const r = authorize(ctx.store, attrs(user, spec.resourceAttributes, spec.nonResourceAttributes));
  const status: Record<string, unknown> = { allowed: r.allowed };
  if (r.reason) status.reason = r.reason;
  return { ...obj, metadata: { creationTimestamp: null as unknown as string }, status };
}

export const selfsubjectaccessreviews: ResourceDef = {
  group: G, version: 'v1', kind: 'SelfSubjectAccessReview', plural: 'selfsubjectaccessreviews', singular: 'selfsubjectaccessreview',
  namespaced: false, verbs: ['create'],
  virtualCreate: (obj, ctx) => answer(obj, ctx.user, ctx),
};

export const subjectaccessreviews: ResourceDef = {
  group: G, version: 'v1', kind: 'SubjectAccessReview', plural: 'subjectaccessreviews', singular: 'subjectaccessreview',
  namespaced: false, verbs: ['create'],
  virtualCreate: (obj, ctx) => {
    const spec = (obj as unknown as SubjectAccessReview).spec;
    return answer(obj, { username: spec?.user ?? '', groups: [...(spec?.groups ?? [])] }, ctx);
  },
};

export const localsubjectaccessreviews: ResourceDef = {
  group: G, version: 'v1', kind: 'LocalSubjectAccessReview', plural: 'localsubjectaccessreviews', singular: 'localsubjectaccessreview',
  namespaced: true, verbs: ['create'],
  virtualCreate: (obj, ctx) => {
    const spec = (obj as unknown as SubjectAccessReview).spec;
    return answer(obj, { username: spec?.user ?? '', groups: [...(spec?.groups ?? [])] }, ctx);
  },
};

export const selfsubjectrulesreviews: ResourceDef = {
  group: G, version: 'v1', kind: 'SelfSubjectRulesReview', plural: 'selfsubjectrulesreviews', singular: 'selfsubjectrulesreview',
  namespaced: false, verbs: ['create'],
  virtualCreate: (obj, ctx) => {
    const ns = (obj as unknown as SelfSubjectRulesReview).spec?.namespace;
    const all = ctx.user.groups.includes('system:masters')
      ? [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }]
      : rulesFor(ctx.store, ctx.user, ns);
    const resourceRules = all.filter((r) => r.resources).map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}) }));
    const nonResourceRules = all.filter((r) => r.nonResourceURLs).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs }));
    return { ...obj, metadata: { creationTimestamp: null as unknown as string }, status: { resourceRules, nonResourceRules, incomplete: false } };
  },
};
