// Go text/tabwriter semantics (cases mirrored from github.com/liggitt/tabwriter's tests, which are
// Go's own, minus escapes and HTML filtering) and kubectl's presets.
import { describe, expect, it } from 'vitest';
import {
  AlignRight,
  Debug,
  DiscardEmptyColumns,
  RememberWidths,
  StringWriter,
  TabWriter,
  newDescribeTabWriter,
  newTableTabWriter,
  tabbedString,
} from '../../../../src/terminal/kubectl/printers/tabwriter';

type Case = [name: string, minwidth: number, tabwidth: number, padding: number, padchar: string, flags: number, src: string, expected: string];

const cases: Case[] = [
  ['1a', 8, 0, 1, '.', 0, '', ''],
  ['1a debug', 8, 0, 1, '.', Debug, '', ''],
  ['2', 8, 0, 1, '.', 0, '\n\n\n', '\n\n\n'],
  ['3', 8, 0, 1, '.', 0, 'a\nb\nc', 'a\nb\nc'],
  ['4a', 8, 0, 1, '.', 0, '\t', ''],
  ['4b', 8, 0, 1, '.', AlignRight, '\t', ''],
  ['5', 8, 0, 1, '.', 0, '*\t*', '*.......*'],
  ['5b', 8, 0, 1, '.', 0, '*\t*\n', '*.......*\n'],
  ['5c', 8, 0, 1, '.', 0, '*\t*\t', '*.......*'],
  ['5c debug', 8, 0, 1, '.', Debug, '*\t*\t', '*.......|*'],
  ['5d', 8, 0, 1, '.', AlignRight, '*\t*\t', '.......**'],
  ['6', 8, 0, 1, '.', 0, '\t\n', '........\n'],
  ['7a', 8, 0, 1, '.', 0, 'a) foo', 'a) foo'],
  ['7b', 8, 0, 1, ' ', 0, 'b) foo\tbar', 'b) foo  bar'],
  ['7c', 8, 0, 1, '.', 0, 'c) foo\tbar\t', 'c) foo..bar'],
  ['7d', 8, 0, 1, '.', 0, 'd) foo\tbar\n', 'd) foo..bar\n'],
  ['7e', 8, 0, 1, '.', 0, 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
  ['8', 8, 0, 1, '*', 0, 'Hello, world!\n', 'Hello, world!\n'],
  ['9a', 1, 0, 0, '.', 0, '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
  ['9c', 1, 0, 0, '.', 0, '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1234\n11222333344444\n'],
  ['9c debug', 1, 0, 0, '.', Debug, '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1|2|3|4\n---\n11|222|3333|44444\n'],
  ['10a', 5, 0, 0, '.', 0, '1\t2\t3\t4\n', '1....2....3....4\n'],
  ['10b', 5, 0, 0, '.', 0, '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
  ['11', 8, 0, 1, '.', 0, '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n', '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n'],
  ['12a', 8, 0, 1, ' ', AlignRight, 'a\tè\tc\t\naa\tèèè\tcccc\tddddd\t\naaa\tèèèè\t\n', '       a       è       c\n      aa     èèè    cccc   ddddd\n     aaa    èèèè\n'],
  ['12b', 2, 0, 0, ' ', 0, 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
  ['12c', 8, 0, 1, '_', 0, 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n'],
  ['13a', 4, 0, 1, '-', 0,
    '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n'],
  ['13b', 4, 0, 3, '.', 0,
    '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n'],
  ['14', 1, 0, 2, ' ', AlignRight,
    '.0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t',
    '    .0          .3    2.4    -5.1\n  23.0  12345678.9    2.4  -989.4\n   5.1        12.0    2.4    -7.0\n    .0         0.0  332.0  8908.0\n    .0         -.3  456.4    22.1\n    .0         1.2   44.4   -13.3'],
  ['14 debug', 1, 0, 2, ' ', AlignRight | Debug,
    '.0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t',
    '    .0|          .3|    2.4|    -5.1|\n  23.0|  12345678.9|    2.4|  -989.4|\n   5.1|        12.0|    2.4|    -7.0|\n    .0|         0.0|  332.0|  8908.0|\n    .0|         -.3|  456.4|    22.1|\n    .0|         1.2|   44.4|   -13.3|'],
  ['15a', 4, 0, 0, '.', 0, 'a\t\tb', 'a.......b'],
  ['15b', 4, 0, 0, '.', DiscardEmptyColumns, 'a\t\tb', 'a.......b'],
  ['15c', 4, 0, 0, '.', DiscardEmptyColumns, 'a\v\vb', 'a...b'],
  ['15d', 4, 0, 0, '.', AlignRight | DiscardEmptyColumns, 'a\v\vb', '...ab'],
  ['16a', 100, 100, 0, '\t', 0, 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n', 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n'],
  ['16b', 100, 100, 0, '\t', DiscardEmptyColumns, 'a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n', 'a\tb\td\na\tb\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n'],
  ['16b debug', 100, 100, 0, '\t', DiscardEmptyColumns | Debug, 'a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n', 'a\t|b\t||d\na\t|b\t||d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n'],
  ['16c', 100, 100, 0, '\t', DiscardEmptyColumns, 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n', 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n'],
  ['16c debug', 100, 100, 0, '\t', DiscardEmptyColumns | Debug, 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n', 'a\t|b\t|\t|d\na\t|b\t|\t|d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n'],
];

function run(c: Case, chunks: (src: string) => string[]): string {
  const [, minwidth, tabwidth, padding, padchar, flags, src] = c;
  const out = new StringWriter();
  const w = new TabWriter(out, minwidth, tabwidth, padding, padchar, flags);
  for (const chunk of chunks(src)) w.write(chunk);
  w.flush();
  return out.toString();
}

const fibonacci = (src: string) => {
  const parts: string[] = [];
  for (let i = 0, d = 0; i < src.length; ) {
    parts.push(src.slice(i, i + d));
    i += d;
    d = Math.min(d + 1, src.length - i);
  }
  return parts;
};

describe('TabWriter (Go text/tabwriter cases)', () => {
  it.each(cases)('%s, written at once', (...c) => expect(run(c, (s) => [s])).toBe(c[7]));
  it.each(cases)('%s, written char by char', (...c) => expect(run(c, (s) => Array.from(s))).toBe(c[7]));
  it.each(cases)('%s, written in growing slices', (...c) => expect(run(c, fibonacci)).toBe(c[7]));
});

describe('RememberWidths (liggitt/tabwriter TestMultiWrite)', () => {
  it('keeps the widest column widths across flushes until reset', () => {
    const out = new StringWriter();
    let w = new TabWriter(out, 6, 4, 3, ' ', RememberWidths);
    const step = (text: string) => {
      w.write(text);
      w.flush();
      return out.take();
    };
    expect(step('First\tMiddle\tLast\na\tbb\tccc\nddd\teeeeeeeeeeeeee\tf\n')).toBe(
      'First   Middle           Last\na       bb               ccc\nddd     eeeeeeeeeeeeee   f\n',
    );
    expect(step('g\th\ti\n')).toBe('g       h                i\n');
    expect(step('j\t\t\n')).toBe('j                        \n');
    expect(step('\tk\t\n')).toBe('        k                \n');
    expect(step('\t\tl\n')).toBe('                         l\n');
    expect(step('mmmmmmmmmmmmmmm\tnnn\tooo\n')).toBe('mmmmmmmmmmmmmmm   nnn              ooo\n');
    const next = new TabWriter(out, 6, 4, 3, ' ', RememberWidths);
    next.setRememberedWidths(w.rememberedWidths());
    w = next;
    expect(step('p\tq\tr\n')).toBe('p                 q                r\n');
    expect(w.rememberedWidths()).toEqual([18, 17]);
    w.setRememberedWidths(null);
    expect(step('sssss\tt\tu\n')).toBe('sssss   t     u\n');
    expect(w.rememberedWidths()).toEqual([8, 6]);
    w.setRememberedWidths([10, 5, 5]);
    expect(step('v\tw\tx\n')).toBe('v         w     x\n');
  });
});

describe('kubectl presets', () => {
  it('table writer: min width 6, padding 3, last column unpadded', () => {
    const out = new StringWriter();
    const w = newTableTabWriter(out);
    w.write('NAME\tREADY\tSTATUS\nweb-1\t1/1\tRunning\nx\t0/1\tPending\n');
    w.flush();
    expect(out.toString()).toBe('NAME    READY   STATUS\nweb-1   1/1     Running\nx       0/1     Pending\n');
  });

  it('describe writer: padding 2, no minimum width; a line without tabs ends the block', () => {
    const text = tabbedString((w) => {
      w.write('Name:\tweb\nNamespace:\tdefault\nContainers:\n  c:\n    Image:\tnginx\n');
    });
    expect(text).toBe('Name:       web\nNamespace:  default\nContainers:\n  c:\n    Image:  nginx\n');
  });

  it('describe writer flushes on demand so later blocks align on their own', () => {
    const out = new StringWriter();
    const w = newDescribeTabWriter(out);
    w.write('A:\t1\nLonger label:\t2\n');
    w.flush();
    w.write('B:\t3\n');
    w.flush();
    expect(out.toString()).toBe('A:             1\nLonger label:  2\nB:  3\n');
  });

  it('counts width in code points, not UTF-16 units', () => {
    const out = new StringWriter();
    const w = newTableTabWriter(out);
    w.write('😀😀\tx\nab\ty\n');
    w.flush();
    expect(out.toString()).toBe('😀😀    x\nab    y\n');
  });

  it('rejects negative settings', () => {
    expect(() => new TabWriter(new StringWriter(), -1, 0, 0, ' ', 0)).toThrow('negative minwidth, tabwidth, or padding');
  });
});
