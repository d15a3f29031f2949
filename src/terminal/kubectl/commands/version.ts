// kubectl version: client, kustomize and server versions (-o yaml|json, --client).
// mirrors: kubectl/pkg/cmd/version

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';
import { printYaml, printJson } from '../printers/index';

export const CLIENT_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5',
  gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T09:09:19Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export const versionCommand: CommandSpec = {
  name: 'version',
  group: 'Other Commands',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  examples: '  # Print the client and server versions for the current context\n  kubectl version',
  usage: 'kubectl version [flags] [options]',
  noArgs: true,
  flags: [
    { name: 'client', type: 'bool', default: false, usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', default: '', usage: "One of 'yaml' or 'json'." },
  ],
  async run(k, _args, f) {
    const out = f.values.output as string;
    if (out && out !== 'yaml' && out !== 'json') throw new KubectlError(`error: --output must be 'yaml' or 'json'`);
    const info: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: 'v5.5.0' };
    if (!f.values.client) {
      const res = await k.call({ method: 'GET', path: '/version' });
      info.serverVersion = res.body;
    }
    if (out === 'yaml') await k.out(printYaml(info));
    else if (out === 'json') await k.out(printJson(info));
    else {
      let s = `Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: v5.5.0\n`;
      if (info.serverVersion) s += `Server Version: ${(info.serverVersion as { gitVersion: string }).gitVersion}\n`;
      await k.out(s);
    }
    return 0;
  },
};
