// Character classes the YAML scanner tests, on Unicode code points (0 stands for the end of input).
// mirrors: go-yaml v2 yamlprivateh.go (is_alpha, is_blank, is_break, …)

export const isAlpha = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const isHex = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
export const asHex = (c: number): number => (c >= 0x61 ? c - 0x61 + 10 : c >= 0x41 ? c - 0x41 + 10 : c - 0x30);
export const isZ = (c: number): boolean => c === 0;
export const isSpace = (c: number): boolean => c === 0x20;
export const isTab = (c: number): boolean => c === 0x09;
export const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;
/** CR, LF, NEL, LS, PS. */
export const isBreak = (c: number): boolean => c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
export const isBreakZ = (c: number): boolean => c === 0 || isBreak(c);
export const isBlankZ = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0 || isBreak(c);

/** The characters libyaml's reader lets through; anything else is "control characters are not allowed". */
export function isAllowedInput(c: number): boolean {
  return (
    c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0x7e) || c === 0x85 ||
    (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
  );
}

/** Bytes a code point takes in UTF-8 (the reader counts its 512-byte chunks in bytes). */
export const utf8Width = (c: number): number => (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);

/** One code point as a string (ASCII fast path). */
export const chr = (c: number): string => (c < 0x80 ? ASCII[c] : String.fromCodePoint(c));
const ASCII: string[] = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
