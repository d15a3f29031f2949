// Shell patterns (glob): `*`, `?`, `[…]` with `!`/`^` and [:classes:]; a backslash quotes the next
// character. Compiled to RegExp and cached, since case arms and ${v#pat} repeat the same few.

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e', graph: '\\x21-\\x7e',
};

const cache = new Map<string, RegExp>();

/** True when the pattern has an unescaped `*`, `?` or `[`. */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** The regex source for a pattern (no anchors). */
export function patternSource(pattern: string): string {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      if (i < pattern.length) re += escapeRe(pattern[i]);
      else re += '\\\\';
    } else if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const r = bracket(pattern, i);
      if (r) {
        re += r.re;
        i = r.end;
      } else re += '\\[';
    } else re += escapeRe(c);
  }
  return re;
}

/** A whole-string matcher for the pattern. */
export function compilePattern(pattern: string, flags = ''): RegExp {
  const key = flags + '\0' + pattern;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp('^(?:' + patternSource(pattern) + ')$', flags);
    if (cache.size > 1000) cache.clear();
    cache.set(key, re);
  }
  return re;
}

export function matchPattern(pattern: string, text: string): boolean {
  return compilePattern(pattern).test(text);
}

/** Escapes the characters that are special in a pattern (for quoted text). */
export function quotePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/** Removes pattern quoting: the literal text a quoted pattern stands for. */
export function unquotePattern(pattern: string): string {
  return pattern.replace(/\\([\s\S])/g, '$1');
}

/** ${v#p} ${v##p} ${v%p} ${v%%p}: removes the shortest/longest matching prefix/suffix. */
export function removeAffix(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const re = compilePattern(pattern);
  const n = value.length;
  if (op === '#') {
    for (let i = 0; i <= n; i++) if (re.test(value.slice(0, i))) return value.slice(i);
  } else if (op === '##') {
    for (let i = n; i >= 0; i--) if (re.test(value.slice(0, i))) return value.slice(i);
  } else if (op === '%') {
    for (let i = n; i >= 0; i--) if (re.test(value.slice(i))) return value.slice(0, i);
  } else {
    for (let i = 0; i <= n; i++) if (re.test(value.slice(i))) return value.slice(0, i);
  }
  return value;
}

/** ${v/p/r} ${v//p/r} ${v/#p/r} ${v/%p/r}. */
export function replacePattern(value: string, pattern: string, rep: string, op: '/' | '//' | '/#' | '/%'): string {
  if (pattern === '') return value;
  const re = compilePattern(pattern);
  const n = value.length;
  /** Longest match starting at i, or -1. */
  const matchAt = (i: number, mustEnd: boolean): number => {
    for (let j = n; j >= i; j--) {
      if (mustEnd && j !== n) break;
      if (re.test(value.slice(i, j))) return j;
    }
    return -1;
  };
  if (op === '/#') {
    const j = matchAt(0, false);
    return j < 0 ? value : rep + value.slice(j);
  }
  if (op === '/%') {
    for (let i = 0; i <= n; i++) if (matchAt(i, true) === n) return value.slice(0, i) + rep;
    return value;
  }
  let out = '';
  let i = 0;
  while (i <= n) {
    const j = matchAt(i, false);
    if (j > i) {
      out += rep;
      i = j;
      if (op === '/') return out + value.slice(i);
      continue;
    }
    if (i < n) out += value[i];
    i++;
  }
  return out;
}

function bracket(p: string, start: number): { re: string; end: number } | null {
  let i = start + 1;
  let neg = false;
  if (p[i] === '!' || p[i] === '^') {
    neg = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < p.length; i++) {
    const c = p[i];
    if (c === ']' && !first) return { re: '[' + (neg ? '^' : '') + body + ']', end: i };
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close > 0) {
        const cls = CLASSES[p.slice(i + 2, close)];
        if (cls !== undefined) {
          body += cls;
          i = close + 1;
          continue;
        }
      }
    }
    if (c === '\\' && i + 1 < p.length) {
      body += '\\' + p[++i];
      continue;
    }
    if (c === '-' ) {
      body += '-';
      continue;
    }
    body += c === ']' || c === '\\' || c === '^' || c === '[' ? '\\' + c : c;
  }
  return null;
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}
