import { describe, expect, it } from 'vitest';
import { sanitize, Sanitizer } from '../../../src/ui/terminal/sanitize';

describe('sanitize', () => {
  it.each([
    ['plain text and newlines pass', 'NAME  READY\nweb   1/1\n', 'NAME  READY\nweb   1/1\n'],
    ['tabs pass', 'a\tb', 'a\tb'],
    ['CRLF passes', 'a\r\nb', 'a\r\nb'],
    ['colour (SGR) passes', '\x1b[0;32mKubernetes\x1b[0m', '\x1b[0;32mKubernetes\x1b[0m'],
    ['a lone CR is shown', 'fake\rprompt', 'fake^Mprompt'],
    ['clear screen is shown', '\x1b[2J\x1b[H', '^[[2J^[[H'],
    ['window title (OSC) is shown', '\x1b]0;pwned\x07', '^[]0;pwned^G'],
    ['clipboard write (OSC 52) is shown', '\x1b]52;c;ZXZpbA==\x07', '^[]52;c;ZXZpbA==^G'],
    ['C1 CSI is shown', 'a\u009b2Jb', 'aM-^[2Jb'],
    ['DEL and backspace are shown', 'a\x7fb\x08c', 'a^?b^Hc'],
    ['cursor movement is shown', '\x1b[10A', '^[[10A'],
  ])('%s', (_name, input, output) => {
    expect(sanitize(input)).toBe(output);
  });

  it('keeps an SGR sequence split across chunks', () => {
    const s = new Sanitizer();
    expect(s.push('a\x1b[3')).toBe('a');
    expect(s.push('1mred\r')).toBe('\x1b[31mred');
    expect(s.push('\nnext')).toBe('\r\nnext');
    expect(s.push('\x1b')).toBe('');
    expect(s.flush()).toBe('^[');
  });
});

describe('sanitize while a program owns the terminal (tty)', () => {
  it.each([
    ['CR, BS and BEL pass', 'a\rb\x08c\x07', 'a\rb\x08c\x07'],
    ['cursor moves and erasures pass', '\x1b[2A\x1b[10C\x1b[J\x1b[K\x1b[H\x1b[3D\x1b[5G', '\x1b[2A\x1b[10C\x1b[J\x1b[K\x1b[H\x1b[3D\x1b[5G'],
    ['colour passes', '\x1b[1;34mbin\x1b[m', '\x1b[1;34mbin\x1b[m'],
    ['window title (OSC) is still shown', '\x1b]0;pwned\x07', '^[]0;pwned\x07'],
    ['alternate screen and other private modes are shown', '\x1b[?1049h', '^[[?1049h'],
    ['clear screen passes (a container may clear), scroll regions are shown', '\x1b[2J\x1b[1;5r', '\x1b[2J^[[1;5r'],
  ])('%s', (_name, input, output) => {
    expect(sanitize(input, true)).toBe(output);
  });

  it('the streaming form does not hold back a CR in tty mode', () => {
    const s = new Sanitizer();
    s.tty = true;
    expect(s.push('/ # ab\r')).toBe('/ # ab\r');
    expect(s.push('\x1b[')).toBe('');
    expect(s.push('J')).toBe('\x1b[J');
  });
});
