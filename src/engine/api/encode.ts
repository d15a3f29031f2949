// How kube-apiserver writes a JSON body: its serializer ends every object with a newline (json.Encoder),
// while /version is written indented and without one (WriteRawJSON). `kubectl get --raw` shows the bytes.

export function encodeJsonBody(path: string, body: unknown): string {
  if (path.replace(/\/+$/, '') === '/version') return JSON.stringify(body, null, 2);
  return JSON.stringify(body) + '\n';
}
