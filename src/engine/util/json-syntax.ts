// JSON syntax errors in Go's words (`invalid character '}' looking for beginning of value`, `unexpected EOF`):
// what kubectl and the API server print for a malformed JSON body or file. JSON.parse finds the same faults
// but names them differently, so a small scanner with encoding/json's states names them.
// mirrors: encoding/json/scanner.go (step functions and their error contexts)

export interface JsonSyntaxFault {
  message: string;
  /** Bytes read before the fault (Go's SyntaxError.Offset). */
  offset: number;
}

/** Go's quoteChar: the offending character as Go prints it. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const q = JSON.stringify(c).slice(1, -1);
  return `'${q}'`;
}

const SPACE = new Set([' ', '\t', '\r', '\n']);
const isDigit = (c: string) => c >= '0' && c <= '9';
const isHex = (c: string) => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

/**
 * Finds the first syntax fault in one JSON value starting at `from`. Returns the end of the value when it is
 * well formed, or the fault. Incomplete input is `unexpected EOF`, as json.Decoder reports it.
 */
export function scanJsonValue(text: string, from = 0): { end: number } | JsonSyntaxFault {
  const stack: ('obj-key' | 'obj-value' | 'arr')[] = [];
  let i = from;
  const fault = (c: string, ctx: string): JsonSyntaxFault => ({ message: `invalid character ${quoteChar(c)} ${ctx}`, offset: i + 1 });
  const eof = (): JsonSyntaxFault => ({ message: 'unexpected EOF', offset: text.length });
  const skip = () => {
    while (i < text.length && SPACE.has(text[i])) i++;
  };
  const literal = (word: string): JsonSyntaxFault | undefined => {
    for (let j = 1; j < word.length; j++) {
      i++;
      if (i >= text.length) return eof();
      if (text[i] !== word[j]) return fault(text[i], `in literal ${word} (expecting ${quoteChar(word[j])})`);
    }
    i++;
    return undefined;
  };
  const string = (): JsonSyntaxFault | undefined => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) return eof();
      const c = text[i];
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        i++;
        if (i >= text.length) return eof();
        const e = text[i];
        if (e === 'u') {
          for (let j = 0; j < 4; j++) {
            i++;
            if (i >= text.length) return eof();
            if (!isHex(text[i])) return fault(text[i], 'in \\u hexadecimal character escape');
          }
        } else if (!'bfnrt\\/"'.includes(e)) return fault(e, 'in string escape code');
        i++;
        continue;
      }
      if (c < ' ') return fault(c, 'in string literal');
      i++;
    }
  };
  const number = (): JsonSyntaxFault | undefined => {
    if (text[i] === '-') {
      i++;
      if (i >= text.length) return eof();
      if (!isDigit(text[i])) return fault(text[i], 'in numeric literal');
    }
    if (text[i] === '0') i++;
    else while (i < text.length && isDigit(text[i])) i++;
    if (text[i] === '.') {
      i++;
      if (i >= text.length) return eof();
      if (!isDigit(text[i])) return fault(text[i], 'after decimal point in numeric literal');
      while (i < text.length && isDigit(text[i])) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (i >= text.length) return eof();
      if (!isDigit(text[i])) return fault(text[i], 'in exponent of numeric literal');
      while (i < text.length && isDigit(text[i])) i++;
    }
    return undefined;
  };

  // A value, then what may follow it, until the outermost value closes.
  for (;;) {
    // stateBeginValue (or the first key of an object / first element of an array, handled by the caller below)
    skip();
    if (i >= text.length) return eof();
    const c = text[i];
    let f: JsonSyntaxFault | undefined;
    if (c === '{') {
      i++;
      skip();
      if (i >= text.length) return eof();
      if (text[i] === '}') {
        i++;
      } else {
        if (text[i] !== '"') return fault(text[i], 'looking for beginning of object key string');
        f = string();
        if (f) return f;
        stack.push('obj-key');
        f = afterValue();
        if (f) return f;
        if (stack.length === 0) return { end: i };
        continue;
      }
    } else if (c === '[') {
      i++;
      skip();
      if (i >= text.length) return eof();
      if (text[i] === ']') i++;
      else {
        stack.push('arr');
        continue;
      }
    } else if (c === '"') f = string();
    else if (c === '-' || isDigit(c)) f = number();
    else if (c === 't') f = literal('true');
    else if (c === 'f') f = literal('false');
    else if (c === 'n') f = literal('null');
    else return fault(c, 'looking for beginning of value');
    if (f) return f;
    f = afterValue();
    if (f) return f;
    if (stack.length === 0) return { end: i };
  }

  /** stateEndValue: consumes separators and closers until another value is due (or the outermost closes). */
  function afterValue(): JsonSyntaxFault | undefined {
    for (;;) {
      if (stack.length === 0) return undefined;
      skip();
      if (i >= text.length) return eof();
      const c = text[i];
      const top = stack[stack.length - 1];
      if (top === 'obj-key') {
        if (c !== ':') return fault(c, 'after object key');
        i++;
        stack[stack.length - 1] = 'obj-value';
        return undefined;
      }
      if (top === 'obj-value') {
        if (c === ',') {
          i++;
          skip();
          if (i >= text.length) return eof();
          if (text[i] !== '"') return fault(text[i], 'looking for beginning of object key string');
          const f = string();
          if (f) return f;
          stack[stack.length - 1] = 'obj-key';
          continue;
        }
        if (c === '}') {
          i++;
          stack.pop();
          continue;
        }
        return fault(c, 'after object key:value pair');
      }
      if (c === ',') {
        i++;
        return undefined;
      }
      if (c === ']') {
        i++;
        stack.pop();
        continue;
      }
      return fault(c, 'after array element');
    }
  }
}

/** A stream of concatenated JSON values (json.Decoder): the values read, and the fault that stopped it. */
/** kubectl's decoder names the offset of a syntax error (`json: offset 69: invalid character …`), not of an EOF. */
export function parseJsonStream(text: string): { values: unknown[]; error?: string } {
  const values: unknown[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && SPACE.has(text[i])) i++;
    if (i >= text.length) return { values };
    const r = scanJsonValue(text, i);
    if ('message' in r) return { values, error: r.message === 'unexpected EOF' ? r.message : `json: offset ${r.offset}: ${r.message}` };
    values.push(JSON.parse(text.slice(i, r.end)));
    i = r.end;
  }
}

/** Parses exactly one JSON value; throws an Error carrying Go's wording. */
export function parseJsonGo(text: string): unknown {
  let i = 0;
  while (i < text.length && SPACE.has(text[i])) i++;
  if (i >= text.length) throw new Error('unexpected end of JSON input');
  const r = scanJsonValue(text, i);
  if ('message' in r) throw new Error(r.message === 'unexpected EOF' ? 'unexpected end of JSON input' : r.message);
  let j = r.end;
  while (j < text.length && SPACE.has(text[j])) j++;
  if (j < text.length) throw new Error(`invalid character ${quoteChar(text[j])} after top-level value`);
  return JSON.parse(text.slice(i, r.end));
}
