// Flag definitions several of the cluster verbs share, with kubectl's exact usage texts.

import type { FlagDef } from '../flags';

/** cmdutil.AddLabelSelectorFlagVar: the equality-only wording used by cordon, drain, taint, top node. */
export const NODE_SELECTOR_FLAG: FlagDef = {
  name: 'selector',
  short: 'l',
  type: 'string',
  default: '',
  usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};

export const ALLOW_MISSING_TEMPLATE_KEYS_FLAG: FlagDef = {
  name: 'allow-missing-template-keys',
  type: 'bool',
  default: true,
  usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
};

export const SHOW_MANAGED_FIELDS_FLAG: FlagDef = {
  name: 'show-managed-fields',
  type: 'bool',
  default: false,
  usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
};

export const TEMPLATE_FLAG: FlagDef = {
  name: 'template',
  type: 'string',
  default: '',
  usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
};

export const CHUNK_SIZE_FLAG: FlagDef = {
  name: 'chunk-size',
  type: 'int',
  default: 500,
  usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
};

/** The usage text kubectl prints for resource-argument errors. */
export const RESOURCE_ARG_EXAMPLES = "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";
