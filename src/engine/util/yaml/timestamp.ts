// Whether a plain scalar is a YAML timestamp, by the four layouts go-yaml v2 tries with Go's time.Parse.
// Decoded into interface{}, a timestamp stays its text; this only decides between !!timestamp and !!str.
// mirrors: go-yaml v2 resolve.go (parseTimestamp), Go time/format.go (Parse: getnum, skip, ISO 8601 zones)

const LAYOUTS: string[][] = [
  ['Y', '-', 'M', '-', 'D', 'T', 'h', ':', 'm', ':', 's', 'f', 'z'],
  ['Y', '-', 'M', '-', 'D', 't', 'h', ':', 'm', ':', 's', 'f', 'z'],
  ['Y', '-', 'M', '-', 'D', ' ', 'h', ':', 'm', ':', 's', 'f'],
  ['Y', '-', 'M', '-', 'D'],
];

const isDigitAt = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

export function isTimestamp(s: string): boolean {
  let i = 0;
  while (isDigitAt(s, i)) i++;
  if (i !== 4 || i === s.length || s[i] !== '-') return false;
  return LAYOUTS.some((l) => parses(s, l));
}

/** One or two digits (exactly two when fixed); returns [value, rest] or undefined. */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigitAt(s, 0)) return undefined;
  if (!isDigitAt(s, 1)) return fixed ? undefined : [s.charCodeAt(0) - 48, s.slice(1)];
  return [(s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), s.slice(2)];
}

function parses(value: string, layout: string[]): boolean {
  let year = 0;
  let month = 0;
  let day = 0;
  let v = value;
  for (const step of layout) {
    let n: [number, string] | undefined;
    switch (step) {
      case 'Y':
        if (v.length < 4 || !/^[0-9]{4}/.test(v)) return false;
        year = Number(v.slice(0, 4));
        v = v.slice(4);
        continue;
      case 'M':
        if (!(n = getnum(v, false)) || n[0] < 1 || n[0] > 12) return false;
        [month, v] = n;
        continue;
      case 'D':
        if (!(n = getnum(v, false))) return false;
        [day, v] = n;
        continue;
      case 'h':
        if (!(n = getnum(v, false)) || n[0] >= 24) return false;
        v = n[1];
        continue;
      case 'm':
      case 's':
        if (!(n = getnum(v, false)) || n[0] >= 60) return false;
        v = n[1];
        continue;
      case 'f':
        // Optional fraction: a period or comma and any number of digits.
        if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigitAt(v, 1)) {
          let j = 1;
          while (isDigitAt(v, j)) j++;
          v = v.slice(j);
        }
        continue;
      case 'z':
        if (v.startsWith('Z')) {
          v = v.slice(1);
          continue;
        }
        if (v.length < 6 || v[3] !== ':' || (v[0] !== '+' && v[0] !== '-')) return false;
        {
          const hh = getnum(v.slice(1, 3), true);
          const mm = getnum(v.slice(4, 6), true);
          if (!hh || !mm || hh[0] > 24 || mm[0] > 60) return false;
        }
        v = v.slice(6);
        continue;
      case ' ':
        // A space in the layout matches any run of spaces.
        if (v.length > 0 && v[0] !== ' ') return false;
        v = v.replace(/^ +/, '');
        continue;
      default:
        if (!v.startsWith(step)) return false;
        v = v.slice(1);
    }
  }
  if (v !== '') return false;
  return day >= 1 && day <= daysIn(month, year);
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
