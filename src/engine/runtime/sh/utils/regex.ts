// POSIX regular expressions (basic and extended, with the GNU extensions grep and sed accept)
// translated to JavaScript RegExp: bracket classes, \( \) \{ \} in BRE, \< \> word edges.

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e', graph: '\\x21-\\x7e',
};

export class RegexError extends Error {}

/** Translates a POSIX regex to a JavaScript pattern source. */
export function posixToJs(re: string, extended: boolean): string {
  let out = '';
  let i = 0;
  const n = re.length;
  /** Position right after which `*` is literal and `^` is an anchor (start, after a group open or |). */
  let atStart = true;
  let depth = 0;
  while (i < n) {
    const c = re[i];
    const start = atStart;
    atStart = false;
    if (c === '[') {
      const r = bracket(re, i);
      out += r.src;
      i = r.end;
      continue;
    }
    if (c === '\\') {
      const d = re[i + 1];
      i += 2;
      if (d === undefined) throw new RegexError('Trailing backslash');
      if (!extended && (d === '(' || d === ')' || d === '{' || d === '}' || d === '|' || d === '+' || d === '?')) {
        if (d === '(') {
          depth++;
          atStart = true;
        } else if (d === ')') depth--;
        else if (d === '|') atStart = true;
        out += d;
        continue;
      }
      if (d === '<' || d === '>') out += '\\b';
      else if (/[0-9wWsSbB]/.test(d)) out += '\\' + d;
      else if (d === 'n') out += '\\n';
      else if (d === 't') out += '\\t';
      else out += escapeJs(d);
      continue;
    }
    i++;
    if (c === '*' && start) {
      out += '\\*';
      continue;
    }
    if (c === '^') {
      out += start || extended ? '^' : '\\^';
      if (start) atStart = true;
      continue;
    }
    if (c === '$') {
      const atEnd = i === n || (extended ? re[i] === ')' || re[i] === '|' : re.startsWith('\\)', i) || re.startsWith('\\|', i));
      out += atEnd || extended ? '$' : '\\$';
      continue;
    }
    if (extended) {
      if (c === '(') {
        depth++;
        atStart = true;
        out += '(';
        continue;
      }
      if (c === ')') {
        if (depth === 0) {
          out += '\\)';
          continue;
        }
        depth--;
        out += ')';
        continue;
      }
      if (c === '|') {
        atStart = true;
        out += '|';
        continue;
      }
      if (c === '{') {
        const m = /^\{(\d*)(,?)(\d*)\}/.exec(re.slice(i - 1));
        if (m && (m[1] || m[3])) {
          out += m[0].replace('{,', '{0,');
          i += m[0].length - 1;
        } else out += '\\{';
        continue;
      }
      if (c === '+' || c === '?') {
        out += start ? '\\' + c : c;
        continue;
      }
      if (c === '}') {
        out += '\\}';
        continue;
      }
    } else if ('(){}|+?'.includes(c)) {
      out += '\\' + c;
      continue;
    }
    out += c === '.' || c === '*' ? c : escapeJs(c);
  }
  if (depth > 0) throw new RegexError('Unmatched ( or \\(');
  return out;
}

function bracket(re: string, start: number): { src: string; end: number } {
  let i = start + 1;
  let neg = false;
  if (re[i] === '^') {
    neg = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < re.length) {
    const c = re[i];
    if (c === ']' && !first) return { src: '[' + (neg ? '^' : '') + body + ']', end: i + 1 };
    first = false;
    if (c === '[' && (re[i + 1] === ':' || re[i + 1] === '=' || re[i + 1] === '.')) {
      const kind = re[i + 1];
      const close = re.indexOf(kind + ']', i + 2);
      if (close < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const name = re.slice(i + 2, close);
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) throw new RegexError('Invalid character class name');
        body += cls;
      } else body += escapeClass(name);
      i = close + 2;
      continue;
    }
    body += c === '-' ? '-' : escapeClass(c);
    i++;
  }
  throw new RegexError('Unmatched [, [^, [:, [., or [=');
}

function escapeClass(c: string): string {
  return c === '\\' || c === ']' || c === '[' || c === '^' ? '\\' + c : c;
}

function escapeJs(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const cache = new Map<string, RegExp>();

/** An extended regex (as in `[[ =~ ]]`), compiled and cached. */
export function ereToRegExp(re: string, flags = ''): RegExp {
  const key = flags + '\0' + re;
  let r = cache.get(key);
  if (!r) {
    r = new RegExp(posixToJs(re, true), flags);
    if (cache.size > 500) cache.clear();
    cache.set(key, r);
  }
  return r;
}
