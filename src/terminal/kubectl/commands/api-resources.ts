// kubectl api-resources / api-versions: what discovery says the server serves.
// mirrors: kubectl/pkg/cmd/apiresources

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';
import { tableString } from '../tables';
import { groupVersionOf, type ResourceInfo } from '../discovery';

export const apiResourcesCommand: CommandSpec = {
  name: 'api-resources',
  group: 'Other Commands',
  short: 'Print the supported API resources on the server',
  long: 'Print the supported API resources on the server.',
  examples:
    '  # Print the supported API resources\n  kubectl api-resources\n  \n  # Print the supported API resources with more information\n  kubectl api-resources -o wide\n  \n  # Print the supported API resources sorted by a column\n  kubectl api-resources --sort-by=name\n  \n  # Print the supported namespaced resources\n  kubectl api-resources --namespaced=true\n  \n  # Print the supported non-namespaced resources\n  kubectl api-resources --namespaced=false\n  \n  # Print the supported API resources with a specific APIGroup\n  kubectl api-resources --api-group=rbac.authorization.k8s.io',
  usage: 'kubectl api-resources [flags] [options]',
  noArgs: true,
  flags: [
    { name: 'api-group', type: 'string', default: '', usage: 'Limit to resources in the specified API group.' },
    { name: 'cached', type: 'bool', default: false, usage: 'Use the cached list of resources if available.' },
    { name: 'categories', type: 'stringSlice', default: [], usage: 'Limit to resources that belong to the specified categories.' },
    { name: 'namespaced', type: 'bool', default: true, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', type: 'bool', default: false, usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (wide, name).' },
    { name: 'sort-by', type: 'string', default: '', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'verbs', type: 'stringSlice', default: [], usage: 'Limit to resources that support the specified verbs.' },
  ],
  async run(k, _args, f) {
    const v = f.values;
    const output = v.output as string;
    if (output && output !== 'wide' && output !== 'name') throw new KubectlError(`error: --output ${output} is not available`);
    const sortBy = v['sort-by'] as string;
    if (sortBy && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError(`error: --sort-by accepts only name or kind`);
    let list = await k.mapper.preferred();
    if (v['api-group'] !== '' && f.changed.has('api-group')) list = list.filter((r) => r.group === v['api-group']);
    if (f.changed.has('namespaced')) list = list.filter((r) => r.namespaced === v.namespaced);
    const verbs = v.verbs as string[];
    if (verbs.length) list = list.filter((r) => verbs.every((vb) => r.verbs.includes(vb)));
    const cats = v.categories as string[];
    if (cats.length) list = list.filter((r) => cats.every((c) => r.categories.includes(c)));
    const key = (r: ResourceInfo) => (sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group);
    list = [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    if (output === 'name') {
      await k.out(list.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource) + '\n').join(''));
      return 0;
    }
    const rows: string[][] = [];
    if (!v['no-headers']) rows.push(output === 'wide' ? ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', 'VERBS', 'CATEGORIES'] : ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
    for (const r of list) {
      const row = [r.resource, r.shortNames.join(','), groupVersionOf(r), String(r.namespaced), r.kind];
      if (output === 'wide') row.push(r.verbs.join(','), r.categories.join(','));
      rows.push(row);
    }
    await k.out(tableString(rows));
    return 0;
  },
};

export const apiVersionsCommand: CommandSpec = {
  name: 'api-versions',
  group: 'Other Commands',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: 'Print the supported API versions on the server, in the form of "group/version".',
  examples: '  # Print the supported API versions\n  kubectl api-versions',
  usage: 'kubectl api-versions [options]',
  noArgs: true,
  flags: [],
  async run(k) {
    const set = new Set((await k.mapper.all()).map((r) => groupVersionOf(r)));
    await k.out([...set].sort().map((s) => s + '\n').join(''));
    return 0;
  },
};
