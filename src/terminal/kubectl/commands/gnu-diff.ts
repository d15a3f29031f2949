// The line diff GNU diff computes (what `kubectl diff` runs): identical ends trimmed with a 3-line horizon,
// lines without a match discarded up front, Myers' middle-snake search, boundaries shifted to merge runs.
// The same edit script gives the same hunks as `diff -u` prints.
// mirrors: GNU diffutils src/io.c (find_identical_ends), src/analyze.c (discard_confusing_lines,
//          shift_boundaries, build_script), lib/diffseq.h (diag, compareseq)

/** One change: `deleted` lines of file 0 from `line0`, replaced by `inserted` lines of file 1 from `line1`. */
export interface Change {
  line0: number;
  line1: number;
  deleted: number;
  inserted: number;
}

export interface LineDiff {
  /** Lines of each file (without their newlines). */
  lines: [string[], string[]];
  /** Edit script in file order, line numbers 0-based over the whole files. */
  changes: Change[];
}

/** Splits text into lines; a missing final newline is not modelled (YAML always ends with one). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** find_identical_ends: how many lines of common prefix and suffix stay outside the comparison. */
function identicalEnds(a: string, b: string, horizon: number): { prefixEnd: number; suffixBegin0: number; suffixBegin1: number } {
  const n0 = a.length;
  const n1 = b.length;
  let p = 0;
  const min = Math.min(n0, n1);
  while (p < min && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  // Back to the start of the line, then up to `horizon` more lines.
  let i = horizon;
  while (p !== 0 && (a[p - 1] !== '\n' || i-- !== 0)) p--;
  const prefixEnd = p;
  let p0 = n0;
  let p1 = n1;
  let beg0 = prefixEnd + (n0 < n1 ? 0 : n0 - n1);
  while (p0 !== beg0) {
    if (a[--p0] !== b[--p1]) {
      p0++;
      p1++;
      beg0 = p0;
      break;
    }
  }
  const atLineStart = (s: string, q: number) => q === 0 || s[q - 1] === '\n';
  i = horizon + (atLineStart(a, p0) && atLineStart(b, p1) ? 0 : 1);
  while (i-- && p0 !== n0) while (a[p0++] !== '\n') continue;
  p1 += p0 - beg0;
  return { prefixEnd, suffixBegin0: p0, suffixBegin1: p1 };
}

function countLines(s: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/** Computes GNU diff's edit script between two texts. */
export function diffLines(a: string, b: string, context = 3): LineDiff {
  const lines: [string[], string[]] = [splitLines(a), splitLines(b)];
  const ends = identicalEnds(a, b, context);
  const prefixLines = countLines(a, ends.prefixEnd);
  const middle0 = countLines(a.slice(ends.prefixEnd, ends.suffixBegin0), ends.suffixBegin0 - ends.prefixEnd);
  const middle1 = countLines(b.slice(ends.prefixEnd, ends.suffixBegin1), ends.suffixBegin1 - ends.prefixEnd);
  const m0 = lines[0].slice(prefixLines, prefixLines + middle0);
  const m1 = lines[1].slice(prefixLines, prefixLines + middle1);

  // Equivalence classes, numbered from 1 in order of first appearance.
  const classes = new Map<string, number>();
  const equiv = (l: string) => {
    let c = classes.get(l);
    if (c === undefined) classes.set(l, (c = classes.size + 1));
    return c;
  };
  const equivs: [number[], number[]] = [m0.map(equiv), m1.map(equiv)];
  const changed: [Uint8Array, Uint8Array] = [new Uint8Array(m0.length + 2), new Uint8Array(m1.length + 2)];
  // changed[f][i + 1] is line i; index 0 and the last one are the sentinels GNU diff keeps at -1 and n.
  const { undiscarded, realIndexes } = discardConfusingLines(equivs, changed, classes.size + 1);
  compareseq(undiscarded, realIndexes, changed);
  shiftBoundaries(equivs, changed);
  const changes = buildScript(changed, [m0.length, m1.length]).map((c) => ({ ...c, line0: c.line0 + prefixLines, line1: c.line1 + prefixLines }));
  return { lines, changes };
}

function discardConfusingLines(equivs: [number[], number[]], changed: [Uint8Array, Uint8Array], equivMax: number): { undiscarded: [number[], number[]]; realIndexes: [number[], number[]] } {
  const counts = [new Int32Array(equivMax), new Int32Array(equivMax)];
  for (let f = 0; f < 2; f++) for (const e of equivs[f]) counts[f][e]++;
  const discarded = [new Uint8Array(equivs[0].length), new Uint8Array(equivs[1].length)];
  for (let f = 0; f < 2; f++) {
    const end = equivs[f].length;
    const discards = discarded[f];
    const other = counts[1 - f];
    let many = 5;
    let tem = Math.floor(end / 64);
    while ((tem = tem >> 2) > 0) many *= 2;
    for (let i = 0; i < end; i++) {
      const e = equivs[f][i];
      if (e === 0) continue;
      const nmatch = other[e];
      if (nmatch === 0) discards[i] = 1;
      else if (nmatch > many) discards[i] = 2;
    }
  }
  for (let f = 0; f < 2; f++) {
    const end = equivs[f].length;
    const discards = discarded[f];
    for (let i = 0; i < end; i++) {
      if (discards[i] === 2) {
        discards[i] = 0;
        continue;
      }
      if (discards[i] === 0) continue;
      let j: number;
      let provisional = 0;
      for (j = i; j < end; j++) {
        if (discards[j] === 0) break;
        if (discards[j] === 2) provisional++;
      }
      while (j > i && discards[j - 1] === 2) {
        discards[--j] = 0;
        provisional--;
      }
      const length = j - i;
      if (provisional * 4 > length) {
        while (j > i) if (discards[--j] === 2) discards[j] = 0;
      } else {
        let minimum = 1;
        let t = length >> 2;
        while (0 < (t >>= 2)) minimum <<= 1;
        minimum++;
        let consec = 0;
        for (j = 0; j < length; j++) {
          if (discards[i + j] !== 2) consec = 0;
          else if (minimum === ++consec) j -= consec;
          else if (minimum < consec) discards[i + j] = 0;
        }
        consec = 0;
        for (j = 0; j < length; j++) {
          if (j >= 8 && discards[i + j] === 1) break;
          if (discards[i + j] === 2) {
            consec = 0;
            discards[i + j] = 0;
          } else if (discards[i + j] === 0) consec = 0;
          else consec++;
          if (consec === 3) break;
        }
        i += length - 1;
        consec = 0;
        for (j = 0; j < length; j++) {
          if (j >= 8 && discards[i - j] === 1) break;
          if (discards[i - j] === 2) {
            consec = 0;
            discards[i - j] = 0;
          } else if (discards[i - j] === 0) consec = 0;
          else consec++;
          if (consec === 3) break;
        }
      }
    }
  }
  const undiscarded: [number[], number[]] = [[], []];
  const realIndexes: [number[], number[]] = [[], []];
  for (let f = 0; f < 2; f++) {
    for (let i = 0; i < equivs[f].length; i++) {
      if (discarded[f][i] === 0) {
        undiscarded[f].push(equivs[f][i]);
        realIndexes[f].push(i);
      } else changed[f][i + 1] = 1;
    }
  }
  return { undiscarded, realIndexes };
}

/** compareseq + diag, without the --speed-large-files heuristic (off by default, so never used by kubectl). */
function compareseq(vec: [number[], number[]], real: [number[], number[]], changed: [Uint8Array, Uint8Array]): void {
  const xv = vec[0];
  const yv = vec[1];
  const diags = xv.length + yv.length + 3;
  const offset = yv.length + 1;
  const fd = new Int32Array(diags);
  const bd = new Int32Array(diags);
  const MAX = 0x3fffffff;

  const diag = (xoff: number, xlim: number, yoff: number, ylim: number): [number, number] => {
    const dmin = xoff - ylim;
    const dmax = xlim - yoff;
    const fmid = xoff - yoff;
    const bmid = xlim - ylim;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    fd[fmid + offset] = xoff;
    bd[bmid + offset] = xlim;
    for (;;) {
      if (fmin > dmin) fd[--fmin - 1 + offset] = -1;
      else ++fmin;
      if (fmax < dmax) fd[++fmax + 1 + offset] = -1;
      else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = fd[d - 1 + offset];
        const thi = fd[d + 1 + offset];
        const x0 = tlo < thi ? thi : tlo + 1;
        let x = x0;
        let y = x0 - d;
        while (x < xlim && y < ylim && xv[x] === yv[y]) {
          x++;
          y++;
        }
        fd[d + offset] = x;
        if (odd && bmin <= d && d <= bmax && bd[d + offset] <= x) return [x, y];
      }
      if (bmin > dmin) bd[--bmin - 1 + offset] = MAX;
      else ++bmin;
      if (bmax < dmax) bd[++bmax + 1 + offset] = MAX;
      else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = bd[d - 1 + offset];
        const thi = bd[d + 1 + offset];
        const x0 = tlo < thi ? tlo : thi - 1;
        let x = x0;
        let y = x0 - d;
        while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) {
          x--;
          y--;
        }
        bd[d + offset] = x;
        if (!odd && fmin <= d && d <= fmax && x <= fd[d + offset]) return [x, y];
      }
    }
  };

  const seq = (xoff: number, xlim: number, yoff: number, ylim: number): void => {
    while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) {
      xoff++;
      yoff++;
    }
    while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) {
      xlim--;
      ylim--;
    }
    if (xoff === xlim) {
      for (; yoff < ylim; yoff++) changed[1][real[1][yoff] + 1] = 1;
    } else if (yoff === ylim) {
      for (; xoff < xlim; xoff++) changed[0][real[0][xoff] + 1] = 1;
    } else {
      const [xmid, ymid] = diag(xoff, xlim, yoff, ylim);
      seq(xoff, xmid, yoff, ymid);
      seq(xmid, xlim, ymid, ylim);
    }
  };
  seq(0, xv.length, 0, yv.length);
}

function shiftBoundaries(equivs: [number[], number[]], changedBoth: [Uint8Array, Uint8Array]): void {
  for (let f = 0; f < 2; f++) {
    // Offsets by one: changed[k + 1] is line k (changed[0] is line -1, always 0).
    const ch = changedBoth[f];
    const other = changedBoth[1 - f];
    const eq = equivs[f];
    const C = (k: number) => ch[k + 1];
    const O = (k: number) => other[k + 1];
    const iEnd = eq.length;
    let i = 0;
    let j = 0;
    for (;;) {
      while (i < iEnd && !C(i)) {
        while (O(j++)) continue;
        i++;
      }
      if (i === iEnd) break;
      let start = i;
      while (C(++i)) continue;
      while (O(j)) j++;
      let runlength: number;
      let corresponding: number;
      do {
        runlength = i - start;
        while (start && eq[start - 1] === eq[i - 1]) {
          ch[--start + 1] = 1;
          ch[--i + 1] = 0;
          while (C(start - 1)) start--;
          while (O(--j)) continue;
        }
        corresponding = O(j - 1) ? i : iEnd;
        while (i !== iEnd && eq[start] === eq[i]) {
          ch[start++ + 1] = 0;
          ch[i++ + 1] = 1;
          while (C(i)) i++;
          while (O(++j)) corresponding = i;
        }
      } while (runlength !== i - start);
      while (corresponding < i) {
        ch[--start + 1] = 1;
        ch[--i + 1] = 0;
        while (O(--j)) continue;
      }
    }
  }
}

function buildScript(changed: [Uint8Array, Uint8Array], len: [number, number]): Change[] {
  const c0 = (k: number) => changed[0][k + 1];
  const c1 = (k: number) => changed[1][k + 1];
  const out: Change[] = [];
  let i0 = len[0];
  let i1 = len[1];
  while (i0 >= 0 || i1 >= 0) {
    if (c0(i0 - 1) | c1(i1 - 1)) {
      const line0 = i0;
      const line1 = i1;
      while (c0(i0 - 1)) --i0;
      while (c1(i1 - 1)) --i1;
      out.push({ line0: i0, line1: i1, deleted: line0 - i0, inserted: line1 - i1 });
    }
    i0--;
    i1--;
  }
  return out.reverse();
}
