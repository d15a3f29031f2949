// `kubectl describe role|clusterrole|rolebinding|clusterrolebinding`: rules broken down and compacted
// into one row per resource (verbs merged), and a binding's role and subjects.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (RoleDescriber, CombineResourceGroup,
//          RoleBindingDescriber), k8s.io/kubectl/pkg/util/rbac/rbac.go (BreakdownRule, CompactRules)

import type { ClusterRole, PolicyRule, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../../../engine/api/types';
import { compareGoStrings } from '../printers/gofmt';
import { describeString, LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline } from '../printers/index';
import type { Describer } from './types';
import { goList } from './util';

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** BreakdownRule: one rule per group × resource × verb (× resource name), and per URL × verb. */
function breakdown(rule: PolicyRule): Rule[] {
  const out: Rule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs ?? []) {
        if (rule.resourceNames?.length) {
          for (const name of rule.resourceNames) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name], nonResourceURLs: [] });
        } else {
          out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [], nonResourceURLs: [] });
        }
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs ?? []) out.push({ verbs: [verb], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url] });
  return out;
}

/** CompactRules: rules for one group/resource/name merge their verbs; URL rules stay as they are. */
function compact(rules: Rule[]): Rule[] {
  const compacted: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    if (r.nonResourceURLs.length > 0) {
      compacted.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? '']);
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...r, verbs: [...r.verbs] });
    else for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
  }
  return [...compacted, ...simple.values()];
}

/** PolicyRule.String(), the key upstream sorts the compacted rules by. */
function ruleString(r: Rule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: `resource.group/subresource`. */
function combineResourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return '';
  const [res, sub] = resources[0].split(/\/(.*)/s);
  let out = res;
  if (groups.length > 0 && groups[0] !== '') out += `.${groups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}

const describeRole: Describer = async (_ctx, obj) => {
  const role = obj as (Role | ClusterRole) & KubeObject;
  const rules = compact((role.rules ?? []).flatMap(breakdown));
  // sort.Stable by the rule's string form.
  const sorted = rules.map((r, i) => ({ r, i, key: ruleString(r) })).sort((a, b) => compareGoStrings(a.key, b.key) || a.i - b.i);
  const m = role.metadata ?? {};
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const { r } of sorted) w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
  });
};

const describeBinding: Describer = async (_ctx, obj) => {
  const b = obj as RoleBinding & KubeObject;
  const m = b.metadata ?? {};
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${b.roleRef?.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${b.roleRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of b.subjects ?? []) w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  });
};

export { describeRole, describeBinding };
