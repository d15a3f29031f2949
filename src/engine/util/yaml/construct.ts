// Decodes the node tree into Go-typed values as go-yaml v2 does for an interface{} target: scalars
// resolved, aliases expanded (with its loop and alias-bomb guards), merge keys applied, bad keys refused.
// mirrors: go-yaml v2 decode.go (decoder.unmarshal, scalar, sequence, mapping, merge, alias)

import { failf } from './errors';
import { resolve, TAG } from './resolve';
import { goUtf8Decode } from './gofmt';
import { GoMap, goSharpV, type GoValue } from './values';
import { NodeKind, type YamlNode } from './types';

/** go-yaml's allowance for alias expansion: 99% of decodes for small documents, 10% for huge ones. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400000) return 0.99;
  if (decodeCount >= 4000000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400000) / 3600000);
}

export class Decoder {
  /** Strict decoding's complaints (duplicate keys), reported together after decoding as go-yaml's TypeError. */
  readonly typeErrors: string[] = [];
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly active = new Set<YamlNode>();

  constructor(private readonly strict = false) {}

  /** Decodes a node; `into` is the map a merge key adds to. */
  unmarshal(n: YamlNode, into?: GoMap): GoValue {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      failf('document contains excessive aliasing');
    }
    switch (n.kind) {
      case NodeKind.Document:
        return n.children.length === 1 ? this.unmarshal(n.children[0], into) : null;
      case NodeKind.Alias:
        return this.alias(n, into);
      case NodeKind.Scalar:
        return this.scalar(n);
      case NodeKind.Mapping:
        return this.mapping(n, into ?? new GoMap());
      default:
        return n.children.map((c) => this.unmarshal(c));
    }
  }

  private alias(n: YamlNode, into?: GoMap): GoValue {
    if (this.active.has(n)) failf(`anchor '${n.value}' value contains itself`);
    this.active.add(n);
    this.aliasDepth++;
    const v = this.unmarshal(n.alias as YamlNode, into);
    this.aliasDepth--;
    this.active.delete(n);
    return v;
  }

  private scalar(n: YamlNode): GoValue {
    // Quoted and block scalars without a tag are strings; the rest go through resolve.
    if (n.tag === '' && !n.implicit) return n.value;
    const r = resolve(n.tag, n.value);
    if (r.tag === TAG.binary) {
      const bytes = decodeStdBase64(r.value as string);
      if (!bytes) failf('!!binary value contains invalid base64 data');
      return goUtf8Decode(bytes as number[]);
    }
    // A timestamp decoded into interface{} stays as written.
    if (r.tag === TAG.timestamp) return n.value;
    return r.value;
  }

  private mapping(n: YamlNode, out: GoMap): GoMap {
    const c = n.children;
    for (let i = 0; i < c.length; i += 2) {
      if (isMerge(c[i])) {
        this.merge(c[i + 1], out);
        continue;
      }
      const k = this.unmarshal(c[i]);
      if (Array.isArray(k) || k instanceof GoMap) failf(`invalid map key: ${goSharpV(k)}`);
      const v = this.unmarshal(c[i + 1]);
      if (this.strict && out.has(k)) this.typeErrors.push(`line ${c[i + 1].line + 1}: key ${goSharpV(k)} already set in map`);
      else out.set(k, v);
    }
    return out;
  }

  /** `<<`: a map, an alias of one, or a sequence of those (earlier ones win). */
  private merge(n: YamlNode, out: GoMap): void {
    const wantMap = () => failf('map merge requires map or sequence of maps as the value');
    if (n.kind === NodeKind.Mapping) this.unmarshal(n, out);
    else if (n.kind === NodeKind.Alias) {
      if (n.alias && n.alias.kind !== NodeKind.Mapping) wantMap();
      this.unmarshal(n, out);
    } else if (n.kind === NodeKind.Sequence) {
      for (let i = n.children.length - 1; i >= 0; i--) {
        const e = n.children[i];
        if (e.kind === NodeKind.Alias) {
          if (e.alias && e.alias.kind !== NodeKind.Mapping) wantMap();
        } else if (e.kind !== NodeKind.Mapping) wantMap();
        this.unmarshal(e, out);
      }
    } else wantMap();
  }
}

function isMerge(n: YamlNode): boolean {
  return n.kind === NodeKind.Scalar && n.value === '<<' && (n.implicit || n.tag === TAG.merge);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Go's base64.StdEncoding.DecodeString: padded, line breaks ignored, nothing else tolerated. */
function decodeStdBase64(text: string): number[] | undefined {
  const s = text.replace(/[\r\n]/g, '');
  if (s.length % 4 !== 0) return undefined;
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const last = i + 4 === s.length;
    const q = [0, 1, 2, 3].map((k) => B64.indexOf(s[i + k]));
    if (q[0] < 0 || q[1] < 0) return undefined;
    const pad2 = s[i + 2] === '=';
    const pad3 = s[i + 3] === '=';
    if (pad2 && !pad3) return undefined;
    if ((pad2 || pad3) && !last) return undefined;
    if ((!pad2 && q[2] < 0) || (!pad3 && q[3] < 0)) return undefined;
    const n = (q[0] << 18) | (q[1] << 12) | ((pad2 ? 0 : q[2]) << 6) | (pad3 ? 0 : q[3]);
    out.push((n >> 16) & 0xff);
    if (!pad2) out.push((n >> 8) & 0xff);
    if (!pad3) out.push(n & 0xff);
  }
  return out;
}
