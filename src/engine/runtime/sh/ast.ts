// The shell's syntax tree: what the parser produces and the interpreter walks. Nodes are immutable
// once built, so one tree can be cached by source text and run any number of times.

/** A piece of a word, in source order. Quote removal is implicit: quoted pieces carry their text. */
export type WordPart =
  /** Unquoted literal text: subject to pathname expansion (and nothing else). */
  | { readonly type: 'lit'; readonly text: string }
  /** Quoted literal text: '…', $'…', a backslash-escaped character, or plain text inside "…". */
  | { readonly type: 'sq'; readonly text: string }
  /** A double-quoted region: its expansions are neither split nor globbed. */
  | { readonly type: 'dq'; readonly parts: readonly WordPart[] }
  /** `$name`, `${name}`, `${name<op><arg>}`. */
  | ParamPart
  /** `$(…)` or `` `…` ``. */
  | { readonly type: 'cmdsub'; readonly body: Script }
  /** `$((…))`: the expression text is itself expanded (like "…") before it is evaluated. */
  | { readonly type: 'arith'; readonly expr: Word }
  /** A leading unquoted `~` or `~user`. */
  | { readonly type: 'tilde'; readonly user: string };

export type ParamOp =
  | ''
  | '-' | ':-' | '=' | ':=' | '?' | ':?' | '+' | ':+'
  | '#' | '##' | '%' | '%%'
  | '/' | '//' | '/#' | '/%'
  | 'len' | 'substr'
  | '^^' | '^' | ',,' | ','
  /** `${…}` text the shell could not make sense of; reported as "bad substitution" when expanded. */
  | 'bad';

export interface ParamPart {
  readonly type: 'param';
  readonly name: string;
  readonly op: ParamOp;
  /** The word after the operator (default value, pattern, offset, …). */
  readonly arg: Word | null;
  /** The replacement of `${v/p/r}` or the length of `${v:off:len}`. */
  readonly arg2: Word | null;
  /** The source text, for "bad substitution" messages. */
  readonly raw: string;
}

export interface Word {
  readonly parts: readonly WordPart[];
  /** Exact source text of the word. */
  readonly raw: string;
  /**
   * The word's value when it needs no expansion at all (no parameters, substitutions, tilde or glob
   * characters): the interpreter's fast path. null otherwise.
   */
  readonly literal: string | null;
}

export interface Assignment {
  readonly name: string;
  readonly append: boolean;
  readonly value: Word;
}

export type RedirectOp =
  | '<' | '>' | '>>' | '>|' | '<>'
  | '<&' | '>&'
  | '&>' | '&>>'
  | '<<' | '<<-' | '<<<';

export interface Redirect {
  /** The file descriptor written before the operator (`2>`), or null for the operator's default. */
  readonly fd: number | null;
  readonly op: RedirectOp;
  /** File name, descriptor (`2>&1`), here-string, or here-document delimiter. */
  readonly target: Word;
  /** Here-document body: expanded like "…" unless the delimiter was quoted. */
  readonly heredoc: HereDoc | null;
}

export interface HereDoc {
  readonly delimiter: string;
  readonly quoted: boolean;
  /** The body as a word (a single literal when quoted). Filled in when the body has been read. */
  body: Word;
}

export interface SimpleCommand {
  readonly type: 'simple';
  readonly assigns: readonly Assignment[];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
  /** 1-based source line where the command starts ($LINENO, error messages). */
  readonly line: number;
}

export interface IfClause {
  readonly cond: List;
  readonly body: List;
}

export type CompoundCommand =
  | { readonly type: 'if'; readonly clauses: readonly IfClause[]; readonly elseBody: List | null; readonly redirects: readonly Redirect[]; readonly line: number }
  | { readonly type: 'while' | 'until'; readonly cond: List; readonly body: List; readonly redirects: readonly Redirect[]; readonly line: number }
  | { readonly type: 'for'; readonly name: string; readonly items: readonly Word[] | null; readonly body: List; readonly redirects: readonly Redirect[]; readonly line: number }
  | { readonly type: 'arithfor'; readonly init: Word; readonly cond: Word; readonly step: Word; readonly body: List; readonly redirects: readonly Redirect[]; readonly line: number }
  | { readonly type: 'case'; readonly word: Word; readonly items: readonly CaseItem[]; readonly redirects: readonly Redirect[]; readonly line: number }
  | { readonly type: 'subshell'; readonly body: List; readonly redirects: readonly Redirect[]; readonly line: number }
  | { readonly type: 'group'; readonly body: List; readonly redirects: readonly Redirect[]; readonly line: number }
  /** `[[ … ]]`: operands are words (never split or globbed); operators are kept as plain strings. */
  | { readonly type: 'cond'; readonly args: readonly CondArg[]; readonly redirects: readonly Redirect[]; readonly line: number }
  /** `(( expr ))`. */
  | { readonly type: 'arithcmd'; readonly expr: Word; readonly redirects: readonly Redirect[]; readonly line: number };

export type CondArg = { readonly op: string } | { readonly word: Word };

export interface CaseItem {
  readonly patterns: readonly Word[];
  readonly body: List;
  /** `;;` ends the case, `;&` falls through into the next body, `;;&` tests the next patterns. */
  readonly term: ';;' | ';&' | ';;&';
}

export interface FunctionDef {
  readonly type: 'function';
  readonly name: string;
  readonly body: Command;
  readonly line: number;
}

export type Command = SimpleCommand | CompoundCommand | FunctionDef;

export interface Pipeline {
  readonly negated: boolean;
  readonly commands: readonly Command[];
  /** For `|&` between stages: stderr of stage i joins its stdout. */
  readonly stderrToo: readonly boolean[];
}

export interface AndOr {
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly pipeline: Pipeline }[];
  /** Terminated by `&`: runs in the background. */
  readonly background: boolean;
  /** Exact source text of this and-or list (job notices, `jobs`). */
  readonly source: string;
}

export interface List {
  readonly items: readonly AndOr[];
}

export interface Script {
  readonly body: List;
  /** Warnings bash prints while reading (here-document delimited by end-of-file). */
  readonly warnings: readonly string[];
}
