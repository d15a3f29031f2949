// Which shell an image runs for `sh`, `ash` or `bash`, and the prompt it shows: busybox ash (`\w \$ `, so
// `/ # ` for root in /), Debian's dash (`# `, no line editing of its own), bash with Debian's
// /etc/bash.bashrc (`root@web-7d4b9:/# `), and bash as Oracle Linux's /bin/sh (`sh-4.4# `).
// mirrors: busybox shell/ash.c (initvar: PS1) and libbb/lineedit.c (parse_and_put_prompt),
//          bash's decode_prompt_string, Debian's /etc/bash.bashrc

export type ShellKind = 'ash' | 'dash' | 'bash';

export interface ShellProfile {
  kind: ShellKind;
  /** $0 as the shell reports it (message prefixes): sh, ash or bash. */
  name: string;
  /** PS1 after the shell's start-up files. */
  ps1: string;
  ps2: string;
  /** The shell edits lines itself (busybox lineedit, readline); dash relies on the terminal's cooked mode. */
  editing: boolean;
  /** bash prints `exit` when an interactive shell exits (the builtin or ^D). */
  saysExit: boolean;
  /** Version shown by bash's \v. */
  version?: string;
}

type Family = 'busybox' | 'debian' | 'oracle';

/** `sh`, `bash -i`, `/bin/sh -l`: a shell with no script, which reads its commands from stdin. */
export function isBareShell(argv: readonly string[]): boolean {
  const prog = argv[0]?.slice(argv[0].lastIndexOf('/') + 1);
  return ['sh', 'ash', 'bash', 'dash'].includes(prog ?? '') && argv.slice(1).every((a) => /^-[il]+$/.test(a));
}

const DEBIAN = new Set(['nginx', 'httpd', 'redis', 'postgres', 'debian', 'ubuntu']);
const BUSYBOX = new Set(['busybox', 'alpine', 'curl']);

/** The distribution behind an image reference (docker.io/library/nginx:1.27); unknown images count as busybox. */
export function imageFamily(image: string | undefined): Family {
  if (!image) return 'busybox';
  const at = image.indexOf('@');
  const ref = at >= 0 ? image.slice(0, at) : image;
  const slash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':', slash + 1);
  const name = colon >= 0 ? ref.slice(slash + 1, colon) : ref.slice(slash + 1);
  const tag = colon >= 0 ? ref.slice(colon + 1) : 'latest';
  if (/alpine/.test(tag) || /alpine/.test(name) || BUSYBOX.has(name)) return 'busybox';
  if (/bookworm|bullseye|buster|debian|trixie|jammy|noble|focal/.test(tag)) return 'debian';
  if (DEBIAN.has(name)) return 'debian';
  if (name === 'mysql') return 'oracle';
  return 'busybox';
}

/** The shell `program` (sh, ash, bash, /bin/sh…) starts in that image, or null when the image has none. */
export function shellProfile(image: string | undefined, program: string): ShellProfile | null {
  const prog = program.slice(program.lastIndexOf('/') + 1);
  const family = imageFamily(image);
  const ps2 = '> ';
  switch (family) {
    case 'busybox':
      if (prog !== 'sh' && prog !== 'ash') return null;
      return { kind: 'ash', name: prog, ps1: '\\w \\$ ', ps2, editing: true, saysExit: false };
    case 'debian':
      if (prog === 'sh' || prog === 'dash') return { kind: 'dash', name: prog, ps1: '# ', ps2, editing: false, saysExit: false };
      if (prog === 'bash') return { kind: 'bash', name: 'bash', ps1: '${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ ', ps2, editing: true, saysExit: true, version: '5.2' };
      return null;
    case 'oracle':
      if (prog !== 'sh' && prog !== 'bash') return null;
      return { kind: 'bash', name: prog, ps1: '\\s-\\v\\$ ', ps2, editing: true, saysExit: true, version: '4.4' };
  }
}

export interface PromptContext {
  cwd: string;
  home: string | undefined;
  user: string;
  uid: number;
  hostname: string;
  name: string;
  version?: string;
  now: number;
  getVar(name: string): string | undefined;
}

/** A prompt as drawn: the text and its width in columns (\[ … \] spans do not count). */
export interface Prompt {
  text: string;
  width: number;
}

function tildeCwd(cwd: string, home: string | undefined): string {
  if (home && home !== '/' && (cwd === home || cwd.startsWith(home + '/'))) return '~' + cwd.slice(home.length);
  return cwd;
}

/** $NAME, ${NAME} and ${NAME:+word} / ${NAME:-word} in a prompt (what promptvars / ASH_EXPAND_PRMT need for stock prompts). */
function expandVars(text: string, ctx: PromptContext): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([+-])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced: string, op: string, word: string, bare: string) => {
    const v = ctx.getVar(braced ?? bare) ?? '';
    if (op === '+') return v ? expandVars(word, ctx) : '';
    if (op === '-') return v ? v : expandVars(word, ctx);
    return v;
  });
}

function hhmm(ms: number, seconds: boolean): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}${seconds ? ':' + p(d.getUTCSeconds()) : ''}`;
}

/** Decodes PS1/PS2: bash and busybox backslash escapes, then variables. */
export function expandPrompt(ps: string, kind: ShellKind, ctx: PromptContext): Prompt {
  // dash neither decodes backslashes nor (before 0.5.12's optional PS1 expansion) anything else we model.
  const source = kind === 'dash' ? ps : expandVars(ps, ctx);
  if (kind === 'dash') return { text: source, width: [...source].length };
  let text = '';
  let width = 0;
  let hidden = false;
  const add = (s: string) => {
    text += s;
    if (!hidden) width += [...s].length;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c !== '\\' || i + 1 >= source.length) {
      add(c);
      continue;
    }
    const e = source[++i];
    switch (e) {
      case 'u': add(ctx.user); break;
      case 'h': add(ctx.hostname.split('.')[0]); break;
      case 'H': add(ctx.hostname); break;
      case 'w': add(tildeCwd(ctx.cwd, ctx.home)); break;
      case 'W': {
        const w = tildeCwd(ctx.cwd, ctx.home);
        add(w === '/' || w === '~' ? w : w.slice(w.lastIndexOf('/') + 1));
        break;
      }
      case '$': add(ctx.uid === 0 ? '#' : '$'); break;
      case 's': add(ctx.name); break;
      case 'v': add(ctx.version ?? ''); break;
      case 'n': text += '\n'; width = 0; break;
      case 'r': text += '\r'; break;
      case 'a': text += '\x07'; break;
      case 'e': text += '\x1b'; break;
      case '\\': add('\\'); break;
      case '[': hidden = true; break;
      case ']': hidden = false; break;
      case 't': add(hhmm(ctx.now, true)); break;
      case 'A': add(hhmm(ctx.now, false)); break;
      default: add('\\' + e);
    }
  }
  return { text, width };
}
