// Share links: the editor's manifests and the terminal's command history, JSON, deflated with the
// browser's CompressionStream and base64url-encoded into the URL fragment (never sent to a server).

export interface SharedSession {
  v: 1;
  manifests: { name: string; text: string }[];
  history: string[];
}

async function pipe(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([data as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function encodeShare(s: SharedSession): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(s));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** Decodes and checks a share string; throws on anything that is not a valid shared session. */
export async function decodeShare(data: string): Promise<SharedSession> {
  const bytes = await pipe(fromBase64Url(data), new DecompressionStream('deflate-raw'));
  const v = JSON.parse(new TextDecoder().decode(bytes)) as Partial<SharedSession>;
  const strings = (a: unknown): a is string[] => Array.isArray(a) && a.every((x) => typeof x === 'string');
  if (v.v !== 1 || !strings(v.history) || !Array.isArray(v.manifests)) throw new Error('not a kubeplay share link');
  const manifests = v.manifests.filter((m): m is { name: string; text: string } => !!m && typeof m.name === 'string' && typeof m.text === 'string');
  return { v: 1, manifests, history: v.history };
}

export function shareUrl(base: string, data: string): string {
  const u = new URL(base);
  u.hash = `share=${data}`;
  return u.toString();
}
