// kubectl edit: opens objects in the page's editor and patches what changed on save; without an
// editor (headless) it fails the way kubectl does when it cannot start $KUBE_EDITOR/$EDITOR/vi.
// mirrors: kubectl/pkg/cmd/edit/edit.go, kubectl/pkg/cmd/util/editor/editor.go

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';
import { VALIDATE_FLAG, normalizeValidate } from '../mutate';
import { PRINT_FLAGS, KUSTOMIZE_FLAG, RECURSIVE_FLAG, fieldManagerFlag, filenameFlag, namespaceOf } from './workload-flags';
import { SAVE_CONFIG } from './create-common';
import { resolveTargets, reportErrors } from './targets';
import { editObjects } from './edit-session';

export const editCommand: CommandSpec = {
  name: 'edit',
  group: 'Basic Commands (Intermediate)',
  short: 'Edit a resource on the server',
  long: 'Edit a resource from the default editor.\n\n The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to \'vi\' for Linux or \'notepad\' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the \'SHELL\' environment variable. If this is not defined, the default shell will be used, which is \'/bin/bash\' for Linux or \'cmd\' for Windows.\n\n You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.\n\n Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.\n\n The default format is YAML. To edit in JSON, specify "-o json".\n\n The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.\n\n In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.',
  examples:
    '  # Edit the service named \'registry\'\n  kubectl edit svc/registry\n  \n  # Use an alternative editor\n  KUBE_EDITOR="nano" kubectl edit svc/registry\n  \n  # Edit the job \'myjob\' in JSON using the v1 API format\n  kubectl edit job.v1.batch/myjob -o json\n  \n  # Edit the deployment \'mydeployment\' in YAML and save the modified config in its annotation\n  kubectl edit deployment/mydeployment -o yaml --save-config\n  \n  # Edit the \'status\' subresource for the \'mydeployment\' deployment\n  kubectl edit deployment mydeployment --subresource=\'status\'',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  flags: [
    ...PRINT_FLAGS,
    fieldManagerFlag('kubectl-edit'),
    filenameFlag('Filename, directory, or URL to files to use to edit the resource'),
    KUSTOMIZE_FLAG,
    { name: 'output-patch', type: 'bool', default: false, usage: 'Output the patch if the resource is edited.' },
    RECURSIVE_FLAG,
    SAVE_CONFIG,
    { name: 'subresource', type: 'string', default: '', usage: 'If specified, edit will operate on the subresource of the requested object. This flag is beta and may change in the future.' },
    VALIDATE_FLAG,
    { name: 'windows-line-endings', type: 'bool', default: false, usage: 'Defaults to the line ending native to your platform.' },
  ],
  async run(k, args, f) {
    const v = f.values;
    const output = v.output as string;
    if (output && output !== 'yaml' && output !== 'json') {
      throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`);
    }
    const validate = normalizeValidate(v.validate);
    const { namespace, explicit } = namespaceOf(k, v);
    // A bare type edits every object of it (ResourceTypeOrNameArgs with allowEmptySelector).
    const all = args.length === 1 && !args[0].includes('/');
    const r = await resolveTargets(k, args, { all, filenames: v.filename as string[], recursive: v.recursive as boolean, namespace, explicitNamespace: explicit });
    if (r.errors.length) return reportErrors(k, r.errors);
    if (r.targets.length === 0) throw new KubectlError('error: edit cancelled, no objects found');
    const editor = k.env.editor;
    if (!editor) {
      // No editor can run here: what kubectl prints when exec of the editor fails.
      const name = (k.env.getenv('KUBE_EDITOR') || k.env.getenv('EDITOR') || 'vi').trim();
      throw new KubectlError(`error: unable to launch the editor "${name}"`);
    }
    const sub = (v.subresource as string) || undefined;
    return editObjects(k, editor, r.targets, {
      json: output === 'json',
      showManagedFields: v['show-managed-fields'] as boolean,
      outputPatch: v['output-patch'] as boolean,
      windowsLineEndings: v['windows-line-endings'] as boolean,
      fieldManager: v['field-manager'] as string,
      fieldValidation: validate === 'ignore' ? 'Ignore' : validate === 'warn' ? 'Warn' : 'Strict',
      subresource: sub,
      values: v,
    });
  },
};
