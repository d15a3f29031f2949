// Short numbers for node cards: CPU in cores, memory in Gi/Mi, percentages for bars.

export function cores(milli: number): string {
  if (milli === 0) return '0';
  const c = milli / 1000;
  return c >= 10 ? c.toFixed(0) : c.toFixed(c < 1 ? 2 : 1).replace(/\.?0+$/, '');
}

export function bytes(b: number): string {
  if (b === 0) return '0';
  const gi = b / 2 ** 30;
  if (gi >= 1) return `${gi >= 10 ? gi.toFixed(0) : gi.toFixed(1).replace(/\.0$/, '')}Gi`;
  const mi = b / 2 ** 20;
  return `${Math.round(mi)}Mi`;
}

export function percent(used: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, (used / total) * 100));
}
