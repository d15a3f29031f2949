// Printing GNU diff's edit script: unified hunks (`@@ -6,14 +6,14 @@`, 3 lines of context, hunks closer
// than 7 unchanged lines merged) and the normal format (`6c6`, `< old`, `---`, `> new`).
// mirrors: GNU diffutils src/context.c (find_hunk, pr_unidiff_hunk), src/normal.c, src/util.c (analyze_hunk)

import type { Change, LineDiff } from './gnu-diff';

/** Splits the script into hunks: changes separated by fewer than 2*context+1 unchanged lines stay together. */
function hunks(changes: Change[], context: number): Change[][] {
  const out: Change[][] = [];
  let i = 0;
  while (i < changes.length) {
    const hunk = [changes[i]];
    while (i + 1 < changes.length) {
      const prev = changes[i];
      const next = changes[i + 1];
      if (next.line0 - (prev.line0 + prev.deleted) >= 2 * context + 1) break;
      hunk.push(next);
      i++;
    }
    out.push(hunk);
    i++;
  }
  return out;
}

/** print_unidiff_number_range: `l,count`, `l` for one line, `l,0` (the line before) for none. */
function unifiedRange(a: number, b: number): string {
  const ta = a + 1;
  const tb = b + 1;
  if (tb <= ta) return tb < ta ? `${tb},0` : `${tb}`;
  return `${ta},${tb - ta + 1}`;
}

/** The hunks of `diff -u` (no file header lines). */
export function unifiedHunks(d: LineDiff, context = 3): string {
  const [l0, l1] = d.lines;
  let s = '';
  for (const h of hunks(d.changes, context)) {
    const last = h[h.length - 1];
    const first0 = Math.max(h[0].line0 - context, 0);
    const first1 = Math.max(h[0].line1 - context, 0);
    const last0 = Math.min(last.line0 + last.deleted - 1 + context, l0.length - 1);
    const last1 = Math.min(last.line1 + last.inserted - 1 + context, l1.length - 1);
    s += `@@ -${unifiedRange(first0, last0)} +${unifiedRange(first1, last1)} @@\n`;
    let i = first0;
    let j = first1;
    let n = 0;
    while (i <= last0 || j <= last1) {
      const next = h[n];
      if (!next || i < next.line0) {
        s += ` ${l0[i++]}\n`;
        j++;
        continue;
      }
      for (let k = 0; k < next.deleted; k++) s += `-${l0[i++]}\n`;
      for (let k = 0; k < next.inserted; k++) s += `+${l1[j++]}\n`;
      n++;
    }
  }
  return s;
}

/** print_number_range of the normal format: `a,b`, or one number. */
function normalRange(a: number, b: number): string {
  const ta = a + 1;
  const tb = b + 1;
  return tb > ta ? `${ta},${tb}` : `${tb}`;
}

/** The normal (default) output format of diff. */
export function normalDiff(d: LineDiff): string {
  const [l0, l1] = d.lines;
  let s = '';
  for (const c of d.changes) {
    const letter = c.deleted === 0 ? 'a' : c.inserted === 0 ? 'd' : 'c';
    s += `${normalRange(c.line0, c.line0 + c.deleted - 1)}${letter}${normalRange(c.line1, c.line1 + c.inserted - 1)}\n`;
    for (let k = 0; k < c.deleted; k++) s += `< ${l0[c.line0 + k]}\n`;
    if (c.deleted && c.inserted) s += '---\n';
    for (let k = 0; k < c.inserted; k++) s += `> ${l1[c.line1 + k]}\n`;
  }
  return s;
}
