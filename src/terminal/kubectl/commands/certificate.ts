// kubectl certificate approve|deny: adds the Approved or Denied condition to CertificateSigningRequests
// through their approval subresource (`…/csr-x approved`); without the certificates API the lookup fails
// like kubectl's.
// mirrors: kubectl/pkg/cmd/certificates/certificates.go

import type { CommandSpec } from '../command';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError, ServerError } from '../errors';
import { manifestInfos } from '../builder';
import { formatObjects, parseOutput, outputOptionsFrom } from '../output';
import { asStatus } from './apply';

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastUpdateTime?: string;
}

function modify(approve: boolean): CommandSpec['run'] {
  return async (k, args, f) => {
    const v = f.values;
    const files = v.filename as string[];
    if (args.length === 0 && files.length === 0) throw new KubectlError('error: one or more CSRs must be specified as <name> or -f <filename>');
    const fmt = v.output ? parseOutput(v.output as string, false, outputOptionsFrom(v, k.env)) : undefined;
    const info = await k.mapper.lookup('certificatesigningrequests');
    const names = files.length ? (await manifestInfos(k, files, v.recursive as boolean, k.namespace, false)).map((m) => m.name) : args;
    const type = approve ? 'Approved' : 'Denied';
    const verb = approve ? 'approved' : 'denied';
    for (const name of names) {
      const csr = await k.get(info, undefined, name);
      const conditions = (((csr.status as { conditions?: Condition[] } | undefined)?.conditions) ?? []);
      const decided = conditions.find((c) => c.type === 'Approved' || c.type === 'Denied');
      if (decided && !v.force) {
        if (decided.type !== type) throw new KubectlError(`error: certificatesigningrequest ${name} is already ${decided.type === 'Approved' ? 'approved' : 'denied'}`);
        await k.out(`certificatesigningrequest.certificates.k8s.io/${name} ${verb}\n`);
        continue;
      }
      const condition: Condition = {
        type,
        status: 'True',
        reason: approve ? 'KubectlApprove' : 'KubectlDeny',
        message: approve ? 'This CSR was approved by kubectl certificate approve.' : 'This CSR was denied by kubectl certificate deny.',
        lastUpdateTime: new Date(k.env.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      };
      const body: KubeObject = { ...csr, status: { ...(csr.status as object), conditions: [...conditions, condition] } };
      const res = await k.request({ method: 'PUT', path: `${k.resourcePath(info, undefined, name)}/approval`, body, headers: { 'content-type': 'application/json' } });
      if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
      if (fmt) await k.out(formatObjects([res.body as KubeObject], fmt, true, k.env.fs, k.env.cwd));
      else await k.out(`certificatesigningrequest.certificates.k8s.io/${name} ${verb}\n`);
    }
    return 0;
  };
}

export const approveCommand: CommandSpec = {
  name: 'approve',
  short: 'Approve a certificate signing request',
  long: 'Approve a certificate signing request.\n\n kubectl certificate approve allows a cluster admin to approve a certificate signing request (CSR). This action tells a certificate signing controller to issue a certificate to the requester with the attributes requested in the CSR.\n\n SECURITY NOTICE: Depending on the requested attributes, the issued certificate can potentially grant a requester access to cluster resources or to authenticate as a requested identity. Before approving a CSR, ensure you understand what the signed certificate can do.',
  examples: "  # Approve CSR 'csr-sqgzp'\n  kubectl certificate approve csr-sqgzp",
  usage: 'kubectl certificate approve (-f FILENAME | NAME) [options]',
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'Filename, directory, or URL to files identifying the resource to update' },
    { name: 'force', type: 'bool', default: false, usage: 'Update the CSR even if it is already approved.' },
    { name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'show-managed-fields', type: 'bool', default: false, usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
    { name: 'template', type: 'string', default: '', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
  ],
  run: modify(true),
};

export const denyCommand: CommandSpec = {
  name: 'deny',
  short: 'Deny a certificate signing request',
  long: 'Deny a certificate signing request.\n\n kubectl certificate deny allows a cluster admin to deny a certificate signing request (CSR). This action tells a certificate signing controller to not to issue a certificate to the requester.',
  examples: "  # Deny CSR 'csr-sqgzp'\n  kubectl certificate deny csr-sqgzp",
  usage: 'kubectl certificate deny (-f FILENAME | NAME) [options]',
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'Filename, directory, or URL to files identifying the resource to update' },
    { name: 'force', type: 'bool', default: false, usage: 'Update the CSR even if it is already denied.' },
    { name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'show-managed-fields', type: 'bool', default: false, usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
    { name: 'template', type: 'string', default: '', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
  ],
  run: modify(false),
};

export const certificateCommand: CommandSpec = {
  name: 'certificate',
  group: 'Cluster Management Commands',
  short: 'Modify certificate resources',
  long: 'Modify certificate resources.',
  usage: 'kubectl certificate SUBCOMMAND [options]',
  flags: [],
  subcommands: [approveCommand, denyCommand],
};
