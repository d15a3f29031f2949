// `kubectl create secret tls` checks the pair with Go's tls.X509KeyPair: PEM blocks found, the first
// certificate parsed, the private key parsed (PKCS#1, PKCS#8, SEC 1) and its public half compared with
// the certificate's. Errors are Go's texts.
// mirrors: Go src/crypto/tls/tls.go (X509KeyPair, parsePrivateKey), src/encoding/pem/pem.go (Decode)

import { decodeBase64Bytes } from '../../../engine/util/base64';

export interface PemBlock {
  type: string;
  bytes: Uint8Array;
}

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const TAIL = '-----';

/** encoding/pem's Decode over a whole input: every well-formed block, in order. */
export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  let rest = text;
  for (;;) {
    let start: number;
    if (rest.startsWith(BEGIN)) start = 0;
    else {
      const i = rest.indexOf('\n' + BEGIN);
      if (i < 0) return out;
      start = i + 1;
    }
    rest = rest.slice(start + BEGIN.length);
    const eol = rest.indexOf('\n');
    const typeLine = (eol < 0 ? rest : rest.slice(0, eol)).replace(/[ \t\r]+$/, '');
    if (eol < 0 || !typeLine.endsWith(TAIL)) continue;
    const type = typeLine.slice(0, -TAIL.length);
    const afterType = rest.slice(eol + 1);
    // Headers (Key: value lines) end at a blank line; without a colon on the first line there are none.
    let body = afterType;
    const firstLine = afterType.slice(0, Math.max(0, afterType.indexOf('\n')));
    if (firstLine.includes(':')) {
      const blank = afterType.search(/\n[ \t\r]*\n/);
      if (blank >= 0) body = afterType.slice(afterType.indexOf('\n', blank + 1) + 1);
    }
    const endMarker = `${END}${type}${TAIL}`;
    let endIdx: number;
    if (body.startsWith(endMarker)) endIdx = 0;
    else {
      const j = body.indexOf('\n' + endMarker);
      if (j < 0) continue;
      endIdx = j + 1;
    }
    const after = body.slice(endIdx + endMarker.length);
    const afterEnd = after.replace(/^[ \t\r]*/, '');
    if (afterEnd !== '' && !afterEnd.startsWith('\n')) continue;
    const bytes = decodeBase64Bytes(body.slice(0, endIdx).replace(/[ \t\r\n]/g, ''));
    if (!bytes) continue;
    out.push({ type, bytes });
    rest = afterEnd.startsWith('\n') ? afterEnd.slice(1) : afterEnd;
  }
}

interface Der {
  tag: number;
  /** Content bytes. */
  body: Uint8Array;
  /** The whole element. */
  end: number;
}

class DerError extends Error {}

function readDer(b: Uint8Array, at: number): Der {
  if (at + 2 > b.length) throw new DerError('truncated');
  const tag = b[at];
  let len = b[at + 1];
  let p = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > b.length) throw new DerError('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[p + i];
    p += n;
  }
  if (p + len > b.length) throw new DerError('truncated');
  return { tag, body: b.subarray(p, p + len), end: p + len };
}

function children(d: Der): Der[] {
  const out: Der[] = [];
  for (let at = 0; at < d.body.length; ) {
    const c = readDer(d.body, at);
    out.push(c);
    at = c.end;
  }
  return out;
}

function seq(b: Uint8Array): Der[] {
  const d = readDer(b, 0);
  if (d.tag !== 0x30) throw new DerError('not a sequence');
  return children(d);
}

function oid(d: Der): string {
  if (d.tag !== 0x06) throw new DerError('not an OID');
  const b = d.body;
  const parts = [Math.floor(b[0] / 40), b[0] % 40];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** An INTEGER's magnitude as hex, without leading zero bytes. */
function intHex(d: Der): string {
  if (d.tag !== 0x02) throw new DerError('not an integer');
  let i = 0;
  while (i < d.body.length - 1 && d.body[i] === 0) i++;
  return [...d.body.subarray(i)].map((x) => x.toString(16).padStart(2, '0')).join('');
}

function bitString(d: Der): Uint8Array {
  if (d.tag !== 0x03) throw new DerError('not a bit string');
  return d.body.subarray(1);
}

const RSA = '1.2.840.113549.1.1.1';
const EC = '1.2.840.10045.2.1';
const ED25519 = '1.3.101.112';

/** A key's public half, as far as it can be compared: RSA modulus, EC point, Ed25519 key. */
type PublicKey = { kind: 'rsa'; n: string } | { kind: 'ec'; point?: string } | { kind: 'ed25519'; key?: string } | { kind: 'unknown' };

const hexOf = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

/** x509.ParseCertificate, reduced to the subject public key. */
function certificatePublicKey(der: Uint8Array): PublicKey {
  const tbs = children(seq(der)[0]);
  // The version is an explicit [0] tag when present.
  const fields = tbs[0].tag === 0xa0 ? tbs.slice(1) : tbs;
  const spki = children(fields[5]);
  const alg = oid(children(spki[0])[0]);
  const key = bitString(spki[1]);
  if (alg === RSA) return { kind: 'rsa', n: intHex(seq(key)[0]) };
  if (alg === EC) return { kind: 'ec', point: hexOf(key) };
  if (alg === ED25519) return { kind: 'ed25519', key: hexOf(key) };
  return { kind: 'unknown' };
}

function pkcs1(der: Uint8Array): PublicKey {
  const s = seq(der);
  if (s.length < 9 || intHex(s[0]) !== '00') throw new DerError('not PKCS#1');
  return { kind: 'rsa', n: intHex(s[1]) };
}

function sec1(der: Uint8Array): PublicKey {
  const s = seq(der);
  if (intHex(s[0]) !== '01' || s[1].tag !== 0x04) throw new DerError('not SEC 1');
  const pub = s.find((c) => c.tag === 0xa1);
  return { kind: 'ec', point: pub ? hexOf(bitString(readDer(pub.body, 0))) : undefined };
}

class UnknownPkcs8 extends Error {}

function pkcs8(der: Uint8Array): PublicKey {
  const s = seq(der);
  const alg = oid(children(s[1])[0]);
  if (s[2].tag !== 0x04) throw new DerError('not PKCS#8');
  const inner = s[2].body;
  if (alg === RSA) return pkcs1(inner);
  if (alg === EC) return sec1(inner);
  if (alg === ED25519) {
    // RFC 8410 OneAsymmetricKey: the public key, when included, is [1] after the private key.
    const pub = s.find((c) => c.tag === 0x81);
    return { kind: 'ed25519', key: pub ? hexOf(pub.body.subarray(1)) : undefined };
  }
  throw new UnknownPkcs8();
}

/** tls.parsePrivateKey: PKCS#1, then PKCS#8, then SEC 1. */
function privateKey(der: Uint8Array): PublicKey {
  try {
    return pkcs1(der);
  } catch {
    // not PKCS#1
  }
  try {
    return pkcs8(der);
  } catch (e) {
    if (e instanceof UnknownPkcs8) throw new Error('tls: found unknown private key type in PKCS#8 wrapping');
  }
  try {
    return sec1(der);
  } catch {
    throw new Error('tls: failed to parse private key');
  }
}

/** tls.X509KeyPair: undefined when the pair is usable, else Go's error text. */
export function x509KeyPairError(certPem: string, keyPem: string): string | undefined {
  const certs: Uint8Array[] = [];
  const skipped: string[] = [];
  for (const b of pemBlocks(certPem)) {
    if (b.type === 'CERTIFICATE') certs.push(b.bytes);
    else skipped.push(b.type);
  }
  if (certs.length === 0) {
    if (skipped.length === 0) return 'tls: failed to find any PEM data in certificate input';
    if (skipped.length === 1 && skipped[0].endsWith('PRIVATE KEY')) {
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched';
    }
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`;
  }
  const skippedKeys: string[] = [];
  let keyDer: Uint8Array | undefined;
  for (const b of pemBlocks(keyPem)) {
    if (b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY')) {
      keyDer = b.bytes;
      break;
    }
    skippedKeys.push(b.type);
  }
  if (!keyDer) {
    if (skippedKeys.length === 0) return 'tls: failed to find any PEM data in key input';
    if (skippedKeys.length === 1 && skippedKeys[0] === 'CERTIFICATE') return 'tls: found a certificate rather than a key in the PEM for the private key';
    return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${skippedKeys.join(' ')}]`;
  }
  let pub: PublicKey;
  try {
    pub = certificatePublicKey(certs[0]);
  } catch {
    return 'x509: malformed certificate';
  }
  let priv: PublicKey;
  try {
    priv = privateKey(keyDer);
  } catch (e) {
    return (e as Error).message;
  }
  if (pub.kind === 'unknown') return 'tls: unknown public key algorithm';
  if (priv.kind !== pub.kind) return 'tls: private key type does not match public key type';
  // Go derives EC and Ed25519 public keys from the private scalar; the embedded public key (when the
  // file carries one, as openssl writes them) is the same value.
  const mismatch =
    (pub.kind === 'rsa' && priv.kind === 'rsa' && pub.n !== priv.n) ||
    (pub.kind === 'ec' && priv.kind === 'ec' && priv.point !== undefined && pub.point !== priv.point) ||
    (pub.kind === 'ed25519' && priv.kind === 'ed25519' && priv.key !== undefined && pub.key !== priv.key);
  return mismatch ? 'tls: private key does not match public key' : undefined;
}
