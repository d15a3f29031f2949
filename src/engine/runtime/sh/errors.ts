// Errors the parser raises. Wording per flavour lives in messages.ts; these carry only the facts.

export type SyntaxDetail =
  /** `syntax error near unexpected token `X'` (X may be "newline"). */
  | { readonly kind: 'token'; readonly token: string; readonly atEof?: boolean }
  /** `syntax error: unexpected end of file`; `expecting` is the closing word busybox names. */
  | { readonly kind: 'eof'; readonly expecting: string | null }
  /** `unexpected EOF while looking for matching `X'` (an open quote, `$(`, `${`, backtick). */
  | { readonly kind: 'match'; readonly char: string };

export class ShellSyntaxError extends Error {
  /** True when more input could complete the text (the terminal then prompts for more). */
  readonly incomplete: boolean;

  constructor(
    readonly detail: SyntaxDetail,
    /** 1-based line where the error was found. */
    readonly line: number,
  ) {
    super(describe(detail));
    this.incomplete = detail.kind !== 'token';
  }
}

function describe(d: SyntaxDetail): string {
  switch (d.kind) {
    case 'token':
      return `syntax error near unexpected token \`${d.token}'`;
    case 'eof':
      return 'syntax error: unexpected end of file';
    case 'match':
      return `unexpected EOF while looking for matching \`${d.char}'`;
  }
}
