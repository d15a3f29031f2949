import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, shareUrl } from '../../../src/ui/embed/share';

describe('share links', () => {
  it('round-trips manifests and history, compressed and URL-safe', async () => {
    const s = { v: 1 as const, manifests: [{ name: 'web.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\n'.repeat(20) }], history: ['kubectl get pods', 'echo "ü ✓"'] };
    const data = await encodeShare(s);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(data.length).toBeLessThan(JSON.stringify(s).length / 3);
    expect(await decodeShare(data)).toEqual(s);
    expect(shareUrl('https://x.example/play/?layout=full', data)).toBe(`https://x.example/play/?layout=full#share=${data}`);
  });

  it('rejects data that is not a share', async () => {
    await expect(decodeShare('AAAA')).rejects.toThrow();
    const wrong = await encodeShare({ v: 2, manifests: [], history: [] } as never);
    await expect(decodeShare(wrong)).rejects.toThrow('not a kubeplay share link');
  });
});
