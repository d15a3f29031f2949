// Tab completion for the playground terminal: command names, kubectl verbs, subcommands, flags and flag
// values, resource types from discovery, live object names from the API, `kubeplay` subcommands, paths.
// mirrors (behaviour): kubectl's cobra __complete (types, then names; TYPE/NAME form), bash file completion

import type { ApiRequest, ApiResponse, KubeObject } from '../engine/api/types';
import type { TerminalSession } from '../terminal/session';
import { COMMANDS } from '../terminal/kubectl/commands/index';
import { GLOBAL_FLAGS, type CommandSpec } from '../terminal/kubectl/command';
import type { FlagDef } from '../terminal/kubectl/flags';
import { resolvePath } from '../engine/runtime/sh/fs';
import type { Completion } from './protocol';

export interface CompletionHost {
  session: TerminalSession;
  handle(req: ApiRequest): ApiResponse;
}

interface Words {
  /** Unquoted words of the current simple command before the one being completed. */
  words: string[];
  /** Where each of those words starts in the line. */
  starts: number[];
  /** The word being completed (unquoted) and where it starts in the line. */
  partial: string;
  from: number;
}

/** Splits the text before the cursor into the current command's words (quotes honoured, roughly). */
export function splitWords(line: string): Words {
  let words: string[] = [];
  let starts: number[] = [];
  let cur = '';
  let start = 0;
  let inWord = false;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      if (!inWord) start = i;
      inWord = true;
      quote = c;
      continue;
    }
    if (c === '\\' && i + 1 < line.length) {
      if (!inWord) start = i;
      inWord = true;
      cur += line[++i];
      continue;
    }
    if (/\s/.test(c) || c === '|' || c === ';' || c === '&') {
      if (inWord) {
        words.push(cur);
        starts.push(start);
      }
      cur = '';
      inWord = false;
      if (c !== ' ' && c !== '\t' && c !== '\n') {
        words = [];
        starts = [];
      }
      continue;
    }
    if (!inWord) start = i;
    inWord = true;
    cur += c;
  }
  return { words, starts, partial: inWord ? cur : '', from: inWord ? start : line.length };
}

const OUTPUT_FORMATS = ['json', 'yaml', 'wide', 'name', 'custom-columns=', 'custom-columns-file=', 'go-template=', 'go-template-file=', 'jsonpath=', 'jsonpath-as-json=', 'jsonpath-file=', 'template=', 'templatefile='];
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain']);
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp']);
const TYPED_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'autoscale', 'expose', 'wait', 'explain', 'taint', 'status', 'history', 'undo', 'restart', 'pause', 'resume']);

const KUBEPLAY: Record<string, string[]> = {
  '': ['node', 'pod', 'component', 'help'],
  node: ['kill', 'start', 'partition', 'heal', 'add', 'remove', 'list'],
  pod: ['crash'],
  component: ['stop', 'start'],
};

function finish(word: string): string {
  return word.endsWith('/') || word.endsWith('=') ? word : word + ' ';
}

function matching(prefix: string, options: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const o of options) if (o.startsWith(prefix)) out.add(finish(o));
  return [...out].sort();
}

export class Completer {
  constructor(private readonly host: CompletionHost) {}

  async complete(line: string): Promise<Completion> {
    const { words, starts, partial, from } = splitWords(line);
    const done = (candidates: string[]): Completion => ({ from, candidates });
    if (words.length === 0) {
      if (partial.includes('/')) return done(this.paths(partial));
      return done(matching(partial, this.host.session.shell.commandNames()));
    }
    let cmd = words[0];
    const alias = this.host.session.shell.state.aliases.get(cmd);
    if (alias) cmd = alias.trim().split(/\s+/)[0];
    if (cmd === 'kubectl') return done(await this.kubectl(words.slice(1), partial));
    if (cmd === 'kubeplay') return done(await this.kubeplay(words.slice(1), partial));
    if (cmd === 'watch' || cmd === 'time') {
      // The rest is a command of its own (after watch's -n SECS).
      let k = 1;
      while (k < words.length && words[k].startsWith('-')) k += words[k] === '-n' ? 2 : 1;
      const at = k < words.length ? starts[k] : from;
      const inner = await this.complete(line.slice(at));
      return { from: inner.from + at, candidates: inner.candidates };
    }
    return done(this.paths(partial));
  }

  private paths(partial: string): string[] {
    const fs = this.host.session.fs;
    const home = this.host.session.shell.getVar('HOME') ?? '/';
    const slash = partial.lastIndexOf('/');
    const dirPart = slash >= 0 ? partial.slice(0, slash + 1) : '';
    const base = slash >= 0 ? partial.slice(slash + 1) : partial;
    const expanded = dirPart.startsWith('~') ? home + dirPart.slice(1) : dirPart;
    const dir = resolvePath(this.host.session.shell.cwd, expanded || '.');
    let names: string[];
    try {
      names = fs.readdir(dir);
    } catch {
      return [];
    }
    const out: string[] = [];
    for (const n of names) {
      if (!n.startsWith(base) || (n.startsWith('.') && !base.startsWith('.'))) continue;
      const isDir = fs.stat(resolvePath(dir, n))?.type === 'dir';
      out.push(isDir ? dirPart + n + '/' : dirPart + n + ' ');
    }
    return out.sort();
  }

  private async kubectl(args: string[], partial: string): Promise<string[]> {
    // Walk the words: the verb (and subcommand), positionals, and the flags seen with their values.
    let spec: CommandSpec | undefined;
    const path: CommandSpec[] = [];
    const positionals: string[] = [];
    const flags = new Map<string, string>();
    let pendingFlag: FlagDef | undefined;
    for (const w of args) {
      if (pendingFlag) {
        flags.set(pendingFlag.name, w);
        pendingFlag = undefined;
        continue;
      }
      if (w.startsWith('-') && w !== '-') {
        const f = this.flag(spec, w);
        if (f && !w.includes('=') && f.type !== 'bool') pendingFlag = f;
        else if (f) flags.set(f.name, w.includes('=') ? w.slice(w.indexOf('=') + 1) : 'true');
        continue;
      }
      const sub = (spec ? spec.subcommands ?? [] : COMMANDS).find((c) => c.name === w || c.aliases?.includes(w));
      if (sub && positionals.length === 0) {
        spec = sub;
        path.push(sub);
        continue;
      }
      positionals.push(w);
    }
    const namespace = flags.get('namespace') || this.host.session.config.namespace;
    const allNamespaces = flags.has('all-namespaces');
    if (pendingFlag) return this.flagValues(pendingFlag, partial, namespace);
    if (partial.startsWith('-')) {
      const eq = partial.indexOf('=');
      if (eq > 0) {
        const f = this.flag(spec, partial.slice(0, eq));
        if (!f) return [];
        const prefix = partial.slice(0, eq + 1);
        return (await this.flagValues(f, partial.slice(eq + 1), namespace)).map((v) => prefix + v);
      }
      const defs = [...(spec?.flags ?? []), ...GLOBAL_FLAGS].filter((f) => !f.hidden && !f.deprecated);
      return matching(partial, defs.map((f) => `--${f.name}`));
    }
    if (!spec) return matching(partial, COMMANDS.map((c) => c.name));
    if (spec.subcommands?.length && positionals.length === 0 && !spec.run) return matching(partial, spec.subcommands.map((c) => c.name));
    const verb = spec.name;
    if (NODE_VERBS.has(verb)) return matching(partial, await this.names('nodes', undefined, false));
    if (POD_VERBS.has(verb)) {
      if (positionals.length > 0 && verb !== 'cp') return [];
      return matching(partial, await this.names('pods', namespace, allNamespaces));
    }
    if (verb === 'top') return matching(partial, await this.names(path[path.length - 1]?.name === 'node' ? 'nodes' : 'pods', namespace, allNamespaces));
    if (!TYPED_VERBS.has(verb) && !(path.length > 1 && TYPED_VERBS.has(path[path.length - 1].name))) {
      if (spec.subcommands?.length && positionals.length === 0) return matching(partial, spec.subcommands.map((c) => c.name));
      return [];
    }
    if (verb === 'explain') return matching(partial, await this.types());
    if (partial.includes('/')) {
      const type = partial.slice(0, partial.indexOf('/'));
      return matching(partial, (await this.names(type, namespace, allNamespaces)).map((n) => `${type}/${n}`));
    }
    if (positionals.length === 0) return matching(partial, await this.types());
    if (positionals[0].includes('/') || positionals[0].includes(',')) return [];
    return matching(partial, await this.names(positionals[0], namespace, allNamespaces));
  }

  private flag(spec: CommandSpec | undefined, word: string): FlagDef | undefined {
    const name = word.replace(/=.*$/, '');
    const defs = [...(spec?.flags ?? []), ...GLOBAL_FLAGS];
    if (name.startsWith('--')) return defs.find((f) => f.name === name.slice(2));
    return defs.find((f) => f.short === name.slice(1));
  }

  private async flagValues(f: FlagDef, partial: string, namespace: string): Promise<string[]> {
    switch (f.name) {
      case 'namespace':
        return matching(partial, await this.names('namespaces', undefined, false));
      case 'output':
        return matching(partial, OUTPUT_FORMATS);
      case 'filename':
        return this.paths(partial);
      case 'container': {
        return [];
      }
      default:
        void namespace;
        return [];
    }
  }

  private async types(): Promise<string[]> {
    const all = await this.host.session.mapper.preferred();
    const names = new Set<string>();
    for (const r of all) if (r.verbs.includes('list') || r.verbs.includes('get')) names.add(r.resource);
    return [...names];
  }

  /** Object names of a type (as kubectl accepts it) in a namespace, from the API. */
  private async names(type: string, namespace: string | undefined, all: boolean): Promise<string[]> {
    let info;
    try {
      info = await this.host.session.mapper.lookup(type);
    } catch {
      return [];
    }
    const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
    const path = info.namespaced && namespace && !all ? `${base}/namespaces/${encodeURIComponent(namespace)}/${info.resource}` : `${base}/${info.resource}`;
    const res = this.host.handle({ method: 'GET', path });
    if (res.status !== 200) return [];
    const items = (res.body as { items?: KubeObject[] }).items ?? [];
    return items.map((o) => o.metadata?.name ?? '').filter(Boolean);
  }

  private async kubeplay(args: string[], partial: string): Promise<string[]> {
    const positional = args.filter((a) => !a.startsWith('-'));
    const prev = args[args.length - 1];
    if (prev === '-n' || prev === '--namespace') return matching(partial, await this.names('namespaces', undefined, false));
    if (positional.length === 0) return matching(partial, KUBEPLAY['']);
    const group = positional[0];
    if (positional.length === 1) return matching(partial, KUBEPLAY[group] ?? []);
    const verb = positional[1];
    if (positional.length > 2) return [];
    if (group === 'node' && verb !== 'add' && verb !== 'list') return matching(partial, await this.names('nodes', undefined, false));
    if (group === 'pod' && verb === 'crash') {
      const i = args.findIndex((a) => a === '-n' || a === '--namespace');
      const ns = i >= 0 ? args[i + 1] : this.host.session.config.namespace;
      return matching(partial, await this.names('pods', ns, false));
    }
    if (group === 'component') return matching(partial, ['scheduler', 'controller-manager']);
    return [];
  }
}
