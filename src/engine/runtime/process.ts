// Decides what a container runs (the image's server, a shell script, a failing exec) from the image entry
// and the container's command/args, like ENTRYPOINT/CMD resolution in the container runtime.

import type { Container } from 'kubernetes-types/core/v1';
import type { ImageEntry } from './images';

export type ProcessPlan =
  | { kind: 'server'; args: string[] }
  | { kind: 'script'; script: string; argv: string[] }
  | { kind: 'exit'; code: number; log: string[] }
  | { kind: 'notfound'; binary: string };

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
/** Programs the simulated shell provides: a container command naming one runs in the interpreter. */
export const SHELL_PROGRAMS = new Set([
  'echo', 'printf', 'sleep', 'cat', 'ls', 'touch', 'rm', 'mkdir', 'env', 'printenv', 'date', 'hostname', 'true', 'false', 'wget', 'curl',
  'nslookup', 'tail', 'head', 'grep', 'sh', 'bash', 'ash', 'yes', 'seq', 'test', 'wc', 'sort', 'watch', 'ping', 'timeout', 'exit', 'cp', 'mv',
]);

/** The basename of a path-like program name. */
function base(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Shell-quotes argv into one command line. */
export function quoteArgv(argv: string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export function planProcess(image: ImageEntry, c: Container): ProcessPlan {
  const command = c.command ?? [];
  const args = c.args ?? [];
  // No command: the image's own entrypoint, with args replacing its CMD.
  if (command.length === 0) {
    const ep = image.entrypoint;
    if (ep.kind === 'server') {
      if (args.length && isShellCommand(args)) return scriptFor(args);
      return { kind: 'server', args };
    }
    if (ep.kind === 'exit') return args.length ? programPlan(image, args) : { kind: 'exit', code: ep.code, log: ep.log ?? [] };
    // Shell images (busybox: CMD ["sh"]): args are the command.
    if (args.length === 0) return { kind: 'script', script: ep.script, argv: ['sh'] };
    return programPlan(image, args);
  }
  return programPlan(image, [...command, ...args]);
}

function isShellCommand(argv: string[]): boolean {
  return SHELLS.has(base(argv[0])) || SHELL_PROGRAMS.has(base(argv[0]));
}

function programPlan(image: ImageEntry, argv: string[]): ProcessPlan {
  const prog = base(argv[0]);
  if (SHELLS.has(prog)) {
    if (!image.shell) return { kind: 'notfound', binary: argv[0] };
    return scriptFor(argv);
  }
  if (SHELL_PROGRAMS.has(prog) && image.shell) return { kind: 'script', script: quoteArgv(argv), argv };
  // Anything else is taken to be the image's own program.
  if (!image.shell && SHELL_PROGRAMS.has(prog)) return { kind: 'notfound', binary: argv[0] };
  return { kind: 'server', args: argv.slice(1) };
}

function scriptFor(argv: string[]): ProcessPlan {
  // sh -c 'script' [name args…]; plain `sh` reads stdin, which is empty: it exits 0.
  const i = argv.indexOf('-c');
  if (i >= 0 && i + 1 < argv.length) return { kind: 'script', script: argv[i + 1], argv };
  if (argv.length > 1 && !argv[1].startsWith('-')) return { kind: 'script', script: `. ${argv[1]}`, argv };
  return { kind: 'script', script: '', argv };
}
