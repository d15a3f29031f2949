import { describe, expect, it } from 'vitest';
import { parseParams } from '../../../src/ui/embed/params';

describe('parseParams', () => {
  it('defaults: full layout, 3 nodes, persistence on, not embedded', () => {
    const p = parseParams('', '');
    expect(p).toMatchObject({ layout: 'full', nodes: 3, persist: true, embedded: false, theme: 'dark', apply: false, commands: [], manifests: [], origins: [] });
    expect(p.speed).toBeUndefined();
  });

  it.each([
    ['?layout=terminal', 'terminal'],
    ['?layout=editor+terminal', 'editor+terminal'],
    ['?layout=editor%2Bterminal', 'editor+terminal'],
    ['?layout=terminal,editor', 'editor+terminal'],
    ['?layout=map', 'map'],
    ['?layout=nonsense', 'full'],
  ])('%s → %s', (search, layout) => {
    expect(parseParams(search, '').layout).toBe(layout);
  });

  it.each([
    ['?speed=60', 60],
    ['?speed=10x', 10],
    ['?speed=0', 0],
    ['?speed=paused', 0],
    ['?speed=-1', undefined],
    ['?speed=abc', undefined],
  ])('%s → speed %s', (search, speed) => {
    expect(parseParams(search, '').speed).toBe(speed);
  });

  it('collects manifests, examples, commands and allowed origins; scripted pages do not persist', () => {
    const q = `?yaml=${encodeURIComponent('kind: Pod')}&yaml=b&example=hpa&run=${encodeURIComponent('kubectl get pods')}&cmd=ls&origin=https://docs.example.com,http://localhost:8080&origin=javascript:alert(1)&apply=1`;
    const p = parseParams(q, '');
    expect(p.manifests).toEqual([
      { name: 'manifest.yaml', text: 'kind: Pod' },
      { name: 'manifest-2.yaml', text: 'b' },
    ]);
    expect(p.examples).toEqual(['hpa']);
    expect(p.commands).toEqual(['kubectl get pods', 'ls']);
    expect(p.origins).toEqual(['https://docs.example.com', 'http://localhost:8080']);
    expect(p.apply).toBe(true);
    expect(p.embedded).toBe(true);
    expect(p.persist).toBe(false);
    expect(parseParams(q + '&persist=1', '').persist).toBe(true);
  });

  it('reads a share link from the fragment, a bench size, the theme, and frames', () => {
    const p = parseParams('?bench=1000x30000&theme=light&nodes=7', '#share=abc_-1');
    expect(p.share).toBe('abc_-1');
    expect(p.bench).toEqual({ nodes: 1000, pods: 30000 });
    expect(p.persist).toBe(false);
    expect(p.theme).toBe('light');
    expect(p.nodes).toBe(7);
    expect(parseParams('', '', true).embedded).toBe(true);
    expect(parseParams('?nodes=99999', '').nodes).toBe(3);
  });
});
