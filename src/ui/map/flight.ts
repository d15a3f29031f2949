// "Pods visibly move": when a pod of a controller leaves one node (terminating or deleted) and a pod of
// the same controller appears on another, a ghost chip flies from the old place to the new one. Chips are
// found by their data-pod attribute; positions of leaving chips are taken before the DOM updates.

import { tick } from 'svelte';
import type { PodChange } from '../state/cluster.svelte';
import type { PodView } from '../../worker/protocol';

const KEEP_MS = 4000;
const FLIGHT_MS = 750;

interface Departure {
  rect: DOMRect;
  node: string;
  at: number;
}

const departures = new Map<string, Departure[]>();

function ownerKey(p: PodView): string | undefined {
  return p.ownerName ? `${p.namespace}/${p.ownerKind}/${p.ownerName}` : undefined;
}

function chip(root: HTMLElement, key: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-pod="${CSS.escape(key)}"]`);
}

function visible(r: DOMRect): boolean {
  return r.width > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
}

/** Call with each pod change batch, synchronously (before Svelte updates the DOM). */
export function trackMoves(root: HTMLElement, change: PodChange, reduceMotion: boolean): void {
  const now = performance.now();
  for (const p of [...change.leaving, ...change.removed]) {
    const k = ownerKey(p);
    const el = k ? chip(root, p.key) : null;
    if (!k || !el) continue;
    const rect = el.getBoundingClientRect();
    if (!visible(rect)) continue;
    const list = departures.get(k) ?? [];
    list.push({ rect, node: p.node, at: now });
    departures.set(k, list.filter((d) => now - d.at < KEEP_MS).slice(-20));
  }
  const arrivals = change.added.filter((p) => p.node && departures.has(ownerKey(p) ?? ''));
  if (!arrivals.length || reduceMotion) return;
  void tick().then(() => {
    for (const p of arrivals) {
      const list = departures.get(ownerKey(p)!);
      const i = list?.findIndex((d) => d.node !== p.node && performance.now() - d.at < KEEP_MS) ?? -1;
      if (!list || i < 0) continue;
      const [from] = list.splice(i, 1);
      const el = chip(root, p.key);
      if (!el) continue;
      fly(el, from.rect);
    }
  });
}

function fly(target: HTMLElement, from: DOMRect): void {
  const to = target.getBoundingClientRect();
  if (!visible(to)) return;
  const ghost = document.createElement('div');
  ghost.className = 'pod-ghost';
  ghost.style.cssText = `position:fixed;left:${to.left}px;top:${to.top}px;width:${to.width}px;height:${to.height}px;border-radius:3px;background:var(--accent);box-shadow:0 0 0 3px var(--accent-soft),0 0 14px var(--accent);z-index:40;pointer-events:none;`;
  document.body.appendChild(ghost);
  const dx = from.left - to.left;
  const dy = from.top - to.top;
  ghost
    .animate([{ transform: `translate(${dx}px, ${dy}px) scale(1.4)`, opacity: 0.9 }, { transform: 'translate(0, 0) scale(1)', opacity: 1 }], { duration: FLIGHT_MS, easing: 'cubic-bezier(.3,.7,.2,1)' })
    .finished.finally(() => ghost.remove());
  target.animate([{ opacity: 0 }, { opacity: 0, offset: 0.8 }, { opacity: 1 }], { duration: FLIGHT_MS + 100 });
}
