// Resource use of simulated containers: idle baseline from the image catalog plus CPU spent serving
// requests (recorded by the traffic model), read by the metrics pipeline (kubectl top, HPA).
// Usage is kept as a decaying rate so a burst of requests shows up as CPU for a while, like a real load.

export interface ContainerKey {
  podUid: string;
  container: string;
}

interface Meter {
  /** Core-seconds recorded per 1 s bucket (simulated time), a short ring of recent buckets. */
  buckets: Map<number, number>;
  memoryBytes: number;
}

/** Window over which CPU rates are averaged (metrics-server resolution). */
export const CPU_WINDOW_MS = 15_000;

export class LoadModel {
  private meters = new Map<string, Meter>();

  private meter(k: ContainerKey): Meter {
    const key = `${k.podUid}/${k.container}`;
    let m = this.meters.get(key);
    if (!m) this.meters.set(key, (m = { buckets: new Map(), memoryBytes: 0 }));
    return m;
  }

  /** CPU work done by a container at time now (core-seconds), e.g. serving one request. */
  recordCpu(k: ContainerKey, coreSeconds: number, now: number): void {
    const m = this.meter(k);
    const b = Math.floor(now / 1000);
    m.buckets.set(b, (m.buckets.get(b) ?? 0) + coreSeconds);
    if (m.buckets.size > 120) for (const key of [...m.buckets.keys()].sort((a, b2) => a - b2).slice(0, m.buckets.size - 60)) m.buckets.delete(key);
  }

  /** Extra memory in use (bytes) beyond the image's idle footprint. */
  setMemory(k: ContainerKey, bytes: number): void {
    this.meter(k).memoryBytes = bytes;
  }

  /** Average cores used over the window ending at now, from recorded work. */
  cpuCores(k: ContainerKey, now: number, windowMs = CPU_WINDOW_MS): number {
    const m = this.meters.get(`${k.podUid}/${k.container}`);
    if (!m) return 0;
    const from = Math.floor((now - windowMs) / 1000);
    const to = Math.floor(now / 1000);
    let sum = 0;
    for (const [b, v] of m.buckets) if (b > from && b <= to) sum += v;
    return sum / (windowMs / 1000);
  }

  memoryBytes(k: ContainerKey): number {
    return this.meters.get(`${k.podUid}/${k.container}`)?.memoryBytes ?? 0;
  }

  forgetPod(podUid: string): void {
    for (const key of [...this.meters.keys()]) if (key.startsWith(podUid + '/')) this.meters.delete(key);
  }
}
