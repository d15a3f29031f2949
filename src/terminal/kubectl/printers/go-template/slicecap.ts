// The capacity of a []interface{} that encoding/json built by appending n elements one at a time:
// `slice` may reach past the length up to it (the extra elements are nil).
// mirrors: Go runtime/slice.go (nextslicecap), runtime/msize.go (roundupsize), runtime/sizeclasses.go

const SIZE_CLASSES = [
  0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152,
  1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336,
  16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
];
const MAX_SMALL_SIZE = 32768;
const MALLOC_HEADER_SIZE = 8;
const MIN_SIZE_FOR_MALLOC_HEADER = 512;
const PAGE_SIZE = 8192;
const ELEM_SIZE = 16; // an interface{} value

/** roundupsize for an object holding pointers (the slice's interface values). */
function roundupsize(size: number): number {
  let req = size;
  if (req <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE) {
    if (req > MIN_SIZE_FOR_MALLOC_HEADER) req += MALLOC_HEADER_SIZE;
    const cls = SIZE_CLASSES.find((c) => c >= req) ?? MAX_SMALL_SIZE;
    return cls - (req - size);
  }
  return Math.ceil(req / PAGE_SIZE) * PAGE_SIZE;
}

function nextslicecap(newLen: number, oldCap: number): number {
  const doublecap = oldCap * 2;
  if (newLen > doublecap) return newLen;
  if (oldCap < 256) return doublecap;
  let newcap = oldCap;
  while (newcap < newLen) newcap += (newcap + 3 * 256) >> 2;
  return newcap;
}

const memo: number[] = [0];

/** cap of a slice grown by append from empty to n elements. */
export function appendedCap(n: number): number {
  for (let len = memo.length; len <= n; len++) {
    const cap = memo[len - 1];
    memo.push(len <= cap ? cap : Math.floor(roundupsize(nextslicecap(len, cap) * ELEM_SIZE) / ELEM_SIZE));
  }
  return memo[n];
}
