// Bash history expansion for the interactive terminal: `!!`, `!n`, `!-n`, `!prefix` and `!$`.
// Like bash, not inside single quotes or after a backslash, and `!` before a blank, `=` or `(` stays.
// mirrors: bash lib/readline/histexpand.c (the subset people type)

export type Expansion = { ok: true; line: string; expanded: boolean } | { ok: false; error: string };

function lastWord(line: string): string {
  const words = line.trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

export function expandHistory(line: string, history: readonly string[]): Expansion {
  if (!line.includes('!')) return { ok: true, line, expanded: false };
  let out = '';
  let expanded = false;
  let inSingle = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && !inSingle && i + 1 < line.length) {
      out += c + line[i + 1];
      i++;
      continue;
    }
    if (c === "'") inSingle = !inSingle;
    if (c !== '!' || inSingle) {
      out += c;
      continue;
    }
    const next = line[i + 1];
    if (next === undefined || /[\s=(]/.test(next)) {
      out += c;
      continue;
    }
    let event: string | undefined;
    let spec: string;
    if (next === '!') {
      spec = '!!';
      event = history[history.length - 1];
      i += 1;
    } else if (next === '$') {
      spec = '!$';
      const prev = history[history.length - 1];
      event = prev === undefined ? undefined : lastWord(prev);
      i += 1;
    } else {
      const m = /^(-?\d+|[^\s;&|<>()'"`!]+)/.exec(line.slice(i + 1));
      if (!m) {
        out += c;
        continue;
      }
      spec = '!' + m[1];
      i += m[1].length;
      if (/^-?\d+$/.test(m[1])) {
        const n = Number(m[1]);
        event = n < 0 ? history[history.length + n] : history[n - 1];
      } else {
        for (let j = history.length - 1; j >= 0; j--) {
          if (history[j].startsWith(m[1])) {
            event = history[j];
            break;
          }
        }
      }
    }
    if (event === undefined) return { ok: false, error: `bash: ${spec}: event not found\n` };
    out += event;
    expanded = true;
  }
  return { ok: true, line: out, expanded };
}
