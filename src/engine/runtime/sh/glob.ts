// Pathname expansion: a pattern's matching paths on the shell's file system, sorted, hidden files
// only when the pattern asks for them.

import type { FileSystem } from './fs';
import { resolvePath } from './fs';
import { compilePattern, hasGlobChars } from './pattern';

/** Pathname expansion: matching paths, sorted; empty when nothing matches. */
export function glob(pattern: string, fs: FileSystem, cwd: string): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let cands: string[] = [absolute ? '/' : ''];
  for (let k = absolute ? 1 : 0; k < segs.length; k++) {
    const seg = segs[k];
    const next: string[] = [];
    if (!hasGlobChars(seg)) {
      const lit = seg.replace(/\\([\s\S])/g, '$1');
      for (const c of cands) next.push(join(c, lit));
    } else {
      const re = compilePattern(seg);
      const dotOk = seg.startsWith('.') || seg.startsWith('\\.');
      for (const c of cands) {
        const dir = resolvePath(cwd, c || '.');
        const st = fs.stat(dir);
        if (!st || st.type !== 'dir') continue;
        for (const name of fs.readdir(dir)) {
          if (name.startsWith('.') && !dotOk) continue;
          if (re.test(name)) next.push(join(c, name));
        }
      }
    }
    cands = next;
    if (!cands.length) return [];
  }
  return cands.filter((c) => fs.lstat(resolvePath(cwd, c)) !== null).sort();
}

function join(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? dir + name : dir + '/' + name;
}
