// Parser for the subset of proto2 that Kubernetes' go-to-protobuf writes (generated.proto): packages,
// imports, flat messages with optional/repeated/map fields, and the comments above each of them.
// Build-time only (scripts/gen-schemas.ts); never imported by the runtime.

export interface ProtoField {
  label: 'optional' | 'repeated' | 'map';
  /** Element type as written: 'string', 'int32', 'Probe', '.k8s.io.api.core.v1.PodSpec'. For maps: the value type. */
  type: string;
  /** Map key type (maps only). */
  keyType?: string;
  name: string;
  number: number;
  /** Comment lines as gengo sees them: '//' and one following space removed. */
  comments: string[];
}

export interface ProtoMessage {
  name: string;
  comments: string[];
  fields: ProtoField[];
}

export interface ProtoFile {
  package: string;
  imports: string[];
  messages: ProtoMessage[];
}

const FIELD_RE = /^(optional|repeated|required)\s+([.\w]+)\s+(\w+)\s*=\s*(\d+)\s*(\[.*\])?\s*;$/;
const MAP_RE = /^map\s*<\s*([.\w]+)\s*,\s*([.\w]+)\s*>\s+(\w+)\s*=\s*(\d+)\s*(\[.*\])?\s*;$/;

/** Strips the comment marker the way go/ast does: '//' then at most one space. */
function commentText(line: string): string {
  const body = line.slice(2);
  return body.startsWith(' ') ? body.slice(1) : body;
}

export function parseProto(text: string): ProtoFile {
  const file: ProtoFile = { package: '', imports: [], messages: [] };
  let pending: string[] = [];
  let current: ProtoMessage | undefined;
  let inBlockComment = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (inBlockComment) {
      if (line.includes('*/')) inBlockComment = false;
      continue;
    }
    if (line.startsWith('/*')) {
      inBlockComment = !line.includes('*/');
      continue;
    }
    if (line.startsWith('//')) {
      pending.push(commentText(line));
      continue;
    }
    if (line === '') {
      // A blank line detaches a comment block from what follows (file headers, package comments).
      pending = [];
      continue;
    }
    const comments = pending;
    pending = [];
    if (current) {
      if (line === '}') {
        file.messages.push(current);
        current = undefined;
        continue;
      }
      const f = FIELD_RE.exec(line);
      if (f) {
        current.fields.push({
          label: f[1] === 'repeated' ? 'repeated' : 'optional',
          type: f[2],
          name: f[3],
          number: Number(f[4]),
          comments,
        });
        continue;
      }
      const m = MAP_RE.exec(line);
      if (m) {
        current.fields.push({ label: 'map', keyType: m[1], type: m[2], name: m[3], number: Number(m[4]), comments });
        continue;
      }
      throw new Error(`unsupported proto line ${i + 1} in message ${current.name}: ${line}`);
    }
    let m: RegExpExecArray | null;
    if ((m = /^package\s+([\w.]+)\s*;$/.exec(line))) file.package = m[1];
    else if ((m = /^import\s+"([^"]+)"\s*;$/.exec(line))) file.imports.push(m[1]);
    else if ((m = /^message\s+(\w+)\s*\{$/.exec(line))) current = { name: m[1], comments, fields: [] };
    else if (/^(syntax|option)\b/.test(line)) continue;
    else throw new Error(`unsupported proto line ${i + 1}: ${line}`);
  }
  if (current) throw new Error(`unterminated message ${current.name}`);
  return file;
}
