// Shell quoting for command lines the page builds from names (buttons run real terminal commands).

/** A word as the shell will read it back: bare when safe, else single-quoted. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
