// Go's fmt over template values: Sprint, Sprintln, Sprintf with every flag, width, precision,
// argument index and the %!verb(type=value) / %!(EXTRA …) / %!v(MISSING) error forms.
// Maps print with sorted keys (fmtsort), slices as [a b], nil as <nil>.
// mirrors: Go src/fmt/print.go (behaviour only); the formatting of one operand is format.ts

import { compareGoStrings } from '../gofmt';
import { Fmt, LDIGITS, UDIGITS, intFromArg, parseArgNumber, parsenum, validRune } from './format';
import { quoteRune } from './strconv';
import { GoComplex, GoFloat, GoInt, isGoMap, isInt64Number, typeName, type GoMap, type GoValue } from './value';

/** Sorted, defined keys of a map (fmtsort). */
export function sortedMapKeys(m: GoMap): string[] {
  const keys: string[] = [];
  for (const k of Object.keys(m)) if (m[k] !== undefined) keys.push(k);
  return keys.sort(compareGoStrings);
}

/** One Sprintf / Sprint run: Go's pp over the fmt state. */
class Printer extends Fmt {
  // pp state
  private arg: GoValue = undefined;
  private argIsTop = false;
  private goodArgNum = true;
  private reordered = false;

  private intVerb(v: bigint, signed: boolean, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV && !signed) {
          const oldSharp = this.sharp;
          this.sharp = true;
          this.fmtInteger(v, 16, 'v', LDIGITS);
          this.sharp = oldSharp;
        } else this.fmtInteger(v, 10, verb, LDIGITS);
        return;
      case 'd':
        return this.fmtInteger(v, 10, verb, LDIGITS);
      case 'b':
        return this.fmtInteger(v, 2, verb, LDIGITS);
      case 'o':
      case 'O':
        return this.fmtInteger(v, 8, verb, LDIGITS);
      case 'x':
        return this.fmtInteger(v, 16, verb, LDIGITS);
      case 'X':
        return this.fmtInteger(v, 16, verb, UDIGITS);
      case 'c':
        return this.pad(String.fromCodePoint(validRune(v)));
      case 'q':
        return this.pad(quoteRune(validRune(v), this.plus));
      case 'U':
        return this.fmtUnicode(v < 0n ? v + (1n << 64n) : v);
      default:
        return this.badVerb(verb);
    }
  }

  private floatVerb(v: number, verb: string): void {
    switch (verb) {
      case 'v':
        return this.fmtFloat(v, 'g', -1);
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        return this.fmtFloat(v, verb, -1);
      case 'f':
      case 'e':
      case 'E':
        return this.fmtFloat(v, verb, 6);
      case 'F':
        return this.fmtFloat(v, 'f', 6);
      default:
        return this.badVerb(verb);
    }
  }

  private complexVerb(v: GoComplex, verb: string): void {
    if (!'vbgGxXfFeE'.includes(verb)) return this.badVerb(verb);
    const oldPlus = this.plus;
    this.buf += '(';
    this.floatVerb(v.re, verb);
    this.plus = true;
    this.floatVerb(v.im, verb);
    this.buf += 'i)';
    this.plus = oldPlus;
  }

  private stringVerb(s: string, verb: string): void {
    switch (verb) {
      case 'v':
        return this.sharpV ? this.fmtQ(s) : this.fmtS(s);
      case 's':
        return this.fmtS(s);
      case 'x':
        return this.fmtSx(s, LDIGITS);
      case 'X':
        return this.fmtSx(s, UDIGITS);
      case 'q':
        return this.fmtQ(s);
      default:
        return this.badVerb(verb);
    }
  }

  private badVerb(verb: string): void {
    this.buf += '%!' + verb + '(';
    const v = this.arg;
    if (v === undefined || (v === null && this.argIsTop)) this.buf += '<nil>';
    else {
      this.buf += typeName(v) + '=';
      this.printValue(v, 'v', this.argIsTop ? 0 : 1);
    }
    this.buf += ')';
  }

  /** printArg: a top-level operand (an interface{} argument: null and undefined are nil). */
  printArg(arg: GoValue, verb: string): void {
    this.arg = arg === null ? undefined : arg;
    this.argIsTop = true;
    if (arg === undefined || arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') return this.fmtS(typeName(arg));
    if (verb === 'p') return this.fmtPointer(arg, verb);
    this.printValue(arg, verb, 0);
  }

  private fmtPointer(v: GoValue, verb: string): void {
    // Only maps and slices are reference values here; their addresses are not reproducible.
    if (!Array.isArray(v) && !isGoMap(v)) return this.badVerb(verb);
    this.fmtInteger(0xc000010000n, 16, 'v', LDIGITS);
  }

  /** printValue: values reached inside maps and slices (depth > 0) and top-level composites. */
  printValue(v: GoValue, verb: string, depth: number): void {
    if (depth > 0) {
      this.arg = v;
      this.argIsTop = false;
    }
    if (v === undefined) {
      if (depth === 0) this.buf += '<invalid reflect.Value>';
      else if (verb === 'v') this.buf += '<nil>';
      else this.badVerb(verb);
      return;
    }
    if (v === null) {
      // A nil interface{} element.
      this.buf += this.sharpV ? 'interface {}(nil)' : '<nil>';
      return;
    }
    switch (typeof v) {
      case 'boolean':
        return verb === 't' || verb === 'v' ? this.pad(v ? 'true' : 'false') : this.badVerb(verb);
      case 'string':
        return this.stringVerb(v, verb);
      case 'number':
        return isInt64Number(v) ? this.intVerb(BigInt(v), true, verb) : this.floatVerb(v, verb);
    }
    if (v instanceof GoInt) return this.intVerb(v.value, v.type === 'int', verb);
    if (v instanceof GoFloat) return this.floatVerb(v.value, verb);
    if (v instanceof GoComplex) return this.complexVerb(v, verb);
    if (Array.isArray(v)) {
      if (this.sharpV) {
        this.buf += '[]interface {}{';
        v.forEach((x, i) => {
          if (i > 0) this.buf += ', ';
          this.printValue(x === undefined ? null : x, verb, depth + 1);
        });
        this.buf += '}';
      } else {
        this.buf += '[';
        v.forEach((x, i) => {
          if (i > 0) this.buf += ' ';
          this.printValue(x === undefined ? null : x, verb, depth + 1);
        });
        this.buf += ']';
      }
      return;
    }
    const keys = sortedMapKeys(v);
    this.buf += this.sharpV ? 'map[string]interface {}{' : 'map[';
    keys.forEach((k, i) => {
      if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
      this.printValue(k, verb, depth + 1);
      this.buf += ':';
      this.printValue(v[k], verb, depth + 1);
    });
    this.buf += this.sharpV ? '}' : ']';
  }

  doPrint(args: GoValue[]): void {
    let prevString = false;
    args.forEach((arg, i) => {
      const isString = typeof arg === 'string';
      if (i > 0 && !isString && !prevString) this.buf += ' ';
      this.printArg(arg, 'v');
      prevString = isString;
    });
  }

  doPrintln(args: GoValue[]): void {
    args.forEach((arg, i) => {
      if (i > 0) this.buf += ' ';
      this.printArg(arg, 'v');
    });
    this.buf += '\n';
  }

  private argNumber(argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
    if (format.length <= i || format[i] !== '[') return [argNum, i, false];
    this.reordered = true;
    const [index, wid, ok] = parseArgNumber(format.slice(i));
    if (ok && index >= 0 && index < numArgs) return [index, i + wid, true];
    this.goodArgNum = false;
    return [argNum, i + wid, ok];
  }

  doPrintf(format: string, a: GoValue[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    this.reordered = false;
    formatLoop: for (let i = 0; i < end; ) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format[i] !== '%') i++;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      this.clearFlags();
      simple: for (; i < end; i++) {
        const c = format[i];
        switch (c) {
          case '#':
            this.sharp = true;
            break;
          case '0':
            this.zero = !this.minus;
            break;
          case '+':
            this.plus = true;
            break;
          case '-':
            this.minus = true;
            this.zero = false;
            break;
          case ' ':
            this.space = true;
            break;
          default:
            if (c >= 'a' && c <= 'z' && argNum < a.length) {
              if (c === 'v') this.setV();
              this.printArg(a[argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simple;
        }
      }
      [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i < end && format[i] === '*') {
        i++;
        [this.wid, this.widPresent, argNum] = intFromArg(a, argNum);
        if (!this.widPresent) this.buf += '%!(BADWIDTH)';
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.minus = true;
          this.zero = false;
        }
        afterIndex = false;
      } else {
        [this.wid, this.widPresent, i] = parsenum(format, i, end);
        if (afterIndex && this.widPresent) this.goodArgNum = false;
      }
      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false;
        [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
        if (i < end && format[i] === '*') {
          i++;
          [this.prec, this.precPresent, argNum] = intFromArg(a, argNum);
          if (this.prec < 0) {
            this.prec = 0;
            this.precPresent = false;
          }
          if (!this.precPresent) this.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          [this.prec, this.precPresent, i] = parsenum(format, i, end);
          if (!this.precPresent) {
            this.prec = 0;
            this.precPresent = true;
          }
        }
      }
      if (!afterIndex) [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i >= end) {
        this.buf += '%!(NOVERB)';
        break;
      }
      const cp = format.codePointAt(i) ?? 0;
      const verb = String.fromCodePoint(cp);
      i += verb.length;
      if (verb === '%') this.buf += '%';
      else if (!this.goodArgNum) this.buf += `%!${verb}(BADINDEX)`;
      else if (argNum >= a.length) this.buf += `%!${verb}(MISSING)`;
      else {
        if (verb === 'v') this.setV();
        this.printArg(a[argNum], verb);
        argNum++;
      }
    }
    if (!this.reordered && argNum < a.length) {
      this.clearFlags();
      this.buf += '%!(EXTRA ';
      a.slice(argNum).forEach((arg, i) => {
        if (i > 0) this.buf += ', ';
        if (arg === undefined || arg === null) this.buf += '<nil>';
        else {
          this.buf += typeName(arg) + '=';
          this.printArg(arg, 'v');
        }
      });
      this.buf += ')';
    }
  }

  private setV(): void {
    this.sharpV = this.sharp;
    this.sharp = false;
    this.plusV = this.plus;
    this.plus = false;
  }
}
/** fmt.Sprint(args...). */
export function sprint(args: GoValue[]): string {
  const p = new Printer();
  p.doPrint(args);
  return p.buf;
}

/** fmt.Sprintln(args...). */
export function sprintln(args: GoValue[]): string {
  const p = new Printer();
  p.doPrintln(args);
  return p.buf;
}

/** fmt.Sprintf(format, args...). */
export function sprintf(format: string, args: GoValue[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}

/** Sprintf("%<verb>", v) where v is a reflect.Value (as error texts format values): invalid prints <invalid reflect.Value>. */
export function formatValue(v: GoValue, verb: string): string {
  const p = new Printer();
  p.printValue(v, verb, 0);
  return p.buf;
}
