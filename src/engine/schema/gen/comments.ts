// Turns Go/proto comment lines into OpenAPI descriptions and `+marker` values, the way openapi-gen does.
// mirrors: k8s.io/kube-openapi pkg/generators/openapi.go (generateDescription) and gengo ExtractCommentTags.
// Build-time only.

/**
 * Description text: plain lines are joined with spaces, a blank line starts a paragraph ("\n\n"),
 * indented lines keep their own line, `+marker` and one-line TODO lines are dropped, `---` ends the text.
 */
export function commentDescription(lines: readonly string[]): string {
  let buf = '';
  const dropLast = () => {
    if (buf.length > 0) buf = buf.slice(0, -1);
  };
  for (const raw of lines) {
    if (raw === '---') break;
    const line = raw.replace(/ +$/, '');
    const leading = line.replace(/^ +/, '');
    if (line.length === 0) {
      dropLast();
      buf += '\n\n';
    } else if (leading.startsWith('TODO') || leading.startsWith('+')) {
      continue;
    } else if (line.startsWith(' ') || line.startsWith('\t')) {
      dropLast();
      buf += '\n' + line + '\n';
    } else {
      buf += line + ' ';
    }
  }
  return buf.trim();
}

/** `+name=value` markers (value '' when absent), in order; a marker may repeat (`+listMapKey`). */
export function commentMarkers(lines: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const raw of lines) {
    const line = raw.trim();
    if (!line.startsWith('+')) continue;
    const body = line.slice(1);
    const eq = body.indexOf('=');
    const key = eq < 0 ? body : body.slice(0, eq);
    const value = eq < 0 ? '' : body.slice(eq + 1);
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  return out;
}

export function marker(markers: Map<string, string[]>, name: string): string | undefined {
  return markers.get(name)?.[0];
}
