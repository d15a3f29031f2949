// String helpers for long-lived data: flattening strings built by concatenation before they are kept.

/** Keeps the engine from treating flat() as dead code: the character read must have a use. */
let sink = 0;

/**
 * The same string, flattened in place. A string built with + or a template literal is a rope of pieces
 * (V8 ConsStrings, from 13 characters on); kept as a map key or a stored field value it holds every piece
 * alive and is hashed and compared piece by piece. Reading a character makes V8 flatten it once, and the
 * garbage collector then drops the pieces. Costs almost nothing for a string that is already flat.
 */
export function flat(s: string): string {
  if (s.length >= 13) sink ^= s.charCodeAt(0);
  return s;
}

/** For tests and benchmarks that want to be sure flat() ran. */
export function flatSink(): number {
  return sink;
}
