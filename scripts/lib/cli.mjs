// What the bench scripts share: the repository root and `--name value` flags.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const argv = process.argv.slice(2);

/** The value after `--name`, or the default. */
export function flag(name, def) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : def;
}
