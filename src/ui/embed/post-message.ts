// The postMessage API for a page that embeds kubeplay in an iframe (documented in docs/embedding.md).
// Messages are accepted only from origins the embedder listed with `origin=` (and from this page's own
// origin); replies go back to the sender's origin only.
//
//   → { kubeplay: 'run', id?, command: 'kubectl get pods' }
//   → { kubeplay: 'apply', id?, yaml: 'apiVersion: v1\n…' }
//   → { kubeplay: 'reset', id? }
//   ← { kubeplay: 'result', id, ok, exitCode?, error? }
//   ← { kubeplay: 'ready' }   (to the parent, once the cluster is usable)

export type EmbedRequest =
  | { kubeplay: 'run'; id?: string | number; command: string }
  | { kubeplay: 'apply'; id?: string | number; yaml: string }
  | { kubeplay: 'reset'; id?: string | number };

export interface EmbedResult {
  kubeplay: 'result';
  id?: string | number;
  ok: boolean;
  exitCode?: number;
  error?: string;
}

export interface EmbedHandlers {
  run(command: string): Promise<number>;
  apply(yaml: string): Promise<number>;
  reset(): Promise<void>;
}

export function parseEmbedRequest(data: unknown): EmbedRequest | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  const id = typeof d.id === 'string' || typeof d.id === 'number' ? d.id : undefined;
  if (d.kubeplay === 'run' && typeof d.command === 'string') return { kubeplay: 'run', id, command: d.command };
  if (d.kubeplay === 'apply' && typeof d.yaml === 'string') return { kubeplay: 'apply', id, yaml: d.yaml };
  if (d.kubeplay === 'reset') return { kubeplay: 'reset', id };
  return undefined;
}

export function installEmbedApi(win: Window, allowed: readonly string[], handlers: EmbedHandlers): { ready(): void; dispose(): void } {
  const origins = new Set([...allowed, win.location.origin]);
  const onMessage = async (e: MessageEvent) => {
    if (!origins.has(e.origin)) return;
    const req = parseEmbedRequest(e.data);
    if (!req || !e.source) return;
    const reply = (r: Omit<EmbedResult, 'kubeplay' | 'id'>) => (e.source as WindowProxy).postMessage({ kubeplay: 'result', id: req.id, ...r } satisfies EmbedResult, { targetOrigin: e.origin });
    try {
      if (req.kubeplay === 'run') {
        const code = await handlers.run(req.command);
        reply({ ok: code === 0, exitCode: code });
      } else if (req.kubeplay === 'apply') {
        const code = await handlers.apply(req.yaml);
        reply({ ok: code === 0, exitCode: code });
      } else {
        await handlers.reset();
        reply({ ok: true });
      }
    } catch (err) {
      reply({ ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  };
  win.addEventListener('message', onMessage);
  return {
    ready() {
      if (win.parent === win) return;
      for (const o of allowed) win.parent.postMessage({ kubeplay: 'ready' }, o);
    },
    dispose() {
      win.removeEventListener('message', onMessage);
    },
  };
}
