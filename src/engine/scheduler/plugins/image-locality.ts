// ImageLocality: prefer nodes that already have the pod's images (scaled by image size).
// mirrors: pkg/scheduler/framework/plugins/imagelocality (simplified thresholds)

import type { ScorePlugin } from '../framework';
import { MAX_NODE_SCORE } from '../framework';

const MIN_THRESHOLD = 23 * 1024 * 1024;
const MAX_CONTAINER_THRESHOLD = 1000 * 1024 * 1024;

export const ImageLocality: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  scoreNodes(state, nodes, out) {
    for (let i = 0; i < nodes.length; i++) out[i] = this.score(state, nodes[i]);
  },
  score(state, node) {
    const images = node.imageSizes();
    if (images.size === 0) return 0;
    let wanted = state.data.get(KEY) as string[] | undefined;
    if (!wanted) state.data.set(KEY, (wanted = (state.pod.spec?.containers ?? []).map((c) => normalizeImage(c.image ?? ''))));
    let sum = 0;
    for (const w of wanted) sum += images.get(w) ?? 0;
    const max = MAX_CONTAINER_THRESHOLD * wanted.length;
    if (sum < MIN_THRESHOLD) return 0;
    if (sum > max) return MAX_NODE_SCORE;
    return Math.floor((MAX_NODE_SCORE * (sum - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
  },
};

const KEY = 'ImageLocality';

export function normalizeImage(image: string): string {
  let s = image;
  if (!/[:@]/.test(s.slice(s.lastIndexOf('/') + 1))) s += ':latest';
  if (!s.includes('/')) s = 'docker.io/library/' + s;
  else if (!s.split('/')[0].includes('.') && !s.split('/')[0].includes(':') && s.split('/')[0] !== 'localhost') s = 'docker.io/' + s;
  return s;
}
