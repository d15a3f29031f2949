// The shape of a kubectl command: names, help text, flags, and run. One file per verb in commands/.

import type { Kubectl } from './context';
import type { FlagDef, ParsedFlags } from './flags';

export interface CommandSpec {
  name: string;
  aliases?: string[];
  /** One line, as in `kubectl --help`. */
  short: string;
  long?: string;
  examples?: string;
  /** `kubectl get [(-o|--output=)…] (TYPE[.VERSION][.GROUP] …) [flags] [options]` */
  usage: string;
  flags: FlagDef[];
  /** Help group in `kubectl --help`. */
  group?: string;
  subcommands?: CommandSpec[];
  /** Commands that take no positional arguments reject them like cobra does. */
  noArgs?: boolean;
  run?(k: Kubectl, args: string[], flags: ParsedFlags, path: string[]): Promise<number>;
}

/** Flags every kubectl command accepts (kubectl options). */
export const GLOBAL_FLAGS: FlagDef[] = [
  { name: 'namespace', short: 'n', type: 'string', default: '', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'kubeconfig', type: 'string', default: '', usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'context', type: 'string', default: '', usage: 'The name of the kubeconfig context to use' },
  { name: 'cluster', type: 'string', default: '', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', default: '', usage: 'The name of the kubeconfig user to use' },
  { name: 'server', short: 's', type: 'string', default: '', usage: 'The address and port of the Kubernetes API server' },
  { name: 'token', type: 'string', default: '', usage: 'Bearer token for authentication to the API server' },
  { name: 'as', type: 'string', default: '', usage: 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.' },
  { name: 'as-group', type: 'stringArray', default: [], usage: 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.' },
  { name: 'as-uid', type: 'string', default: '', usage: 'UID to impersonate for the operation.' },
  { name: 'request-timeout', type: 'string', default: '0', usage: "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests." },
  { name: 'insecure-skip-tls-verify', type: 'bool', default: false, usage: "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure" },
  { name: 'certificate-authority', type: 'string', default: '', usage: 'Path to a cert file for the certificate authority' },
  { name: 'client-certificate', type: 'string', default: '', usage: 'Path to a client certificate file for TLS' },
  { name: 'client-key', type: 'string', default: '', usage: 'Path to a client key file for TLS' },
  { name: 'tls-server-name', type: 'string', default: '', usage: 'Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used' },
  { name: 'cache-dir', type: 'string', default: '$HOME/.kube/cache', usage: 'Default cache directory' },
  { name: 'match-server-version', type: 'bool', default: false, usage: 'Require server version to match client version' },
  { name: 'disable-compression', type: 'bool', default: false, usage: 'If true, opt-out of response compression for all requests to the server' },
  { name: 'username', type: 'string', default: '', usage: 'Username for basic authentication to the API server' },
  { name: 'password', type: 'string', default: '', usage: 'Password for basic authentication to the API server' },
  { name: 'warnings-as-errors', type: 'bool', default: false, usage: 'Treat warnings received from the server as errors and exit with a non-zero exit code' },
  { name: 'v', short: 'v', type: 'string', default: '0', usage: 'number for the log level verbosity' },
  { name: 'profile', type: 'string', default: 'none', usage: 'Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)' },
  { name: 'profile-output', type: 'string', default: 'profile.pprof', usage: 'Name of the file to write the profile to' },
  { name: 'log-flush-frequency', type: 'duration', default: 5000, usage: 'Maximum number of seconds between log flushes' },
  { name: 'vmodule', type: 'string', default: '', usage: 'comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)' },
];

/** --help / -h on every command. */
export const HELP_FLAG: FlagDef = { name: 'help', short: 'h', type: 'bool', default: false, usage: 'help for COMMAND' };
