// URL parameters of the page (for embedding in documentation and for share links). Documented in
// docs/embedding.md:
//   layout=full|terminal|editor+terminal|map   which panels show
//   speed=0|1|10|60                             clock speed (0 = paused)
//   nodes=N                                     worker nodes of a fresh cluster
//   yaml=<manifest>  (repeatable)               manifests to open in the editor
//   example=<id>     (repeatable)               built-in examples to open (web, hpa, job, statefulset, liveness, daemonset)
//   apply=1                                     apply the opened manifests at start
//   run=<command>    (repeatable)               commands to run at start, in order
//   origin=<https://docs.example> (repeatable)  origins allowed to drive the page with postMessage
//   persist=0|1                                 keep the cluster in this browser (default: on for the plain page)
//   theme=dark|light
//   bench=NODESxPODS                            benchmark mode (e.g. 1000x30000)
//   #share=<data>                               a share link (manifests and command history)

export type Layout = 'full' | 'terminal' | 'editor+terminal' | 'map';

export interface PageParams {
  layout: Layout;
  /** undefined: the default (1x, or the restored speed). */
  speed?: number;
  nodes: number;
  manifests: { name: string; text: string }[];
  examples: string[];
  apply: boolean;
  commands: string[];
  origins: string[];
  persist: boolean;
  theme: 'dark' | 'light';
  bench?: { nodes: number; pods: number };
  share?: string;
  /** Anything that makes this a scripted or embedded view (not the plain page). */
  embedded: boolean;
}

const LAYOUTS: Record<string, Layout> = {
  full: 'full',
  terminal: 'terminal',
  'editor+terminal': 'editor+terminal',
  'terminal+editor': 'editor+terminal',
  editor: 'editor+terminal',
  map: 'map',
};

function bool(v: string | null): boolean | undefined {
  if (v === null) return undefined;
  return !/^(0|false|no|off)$/i.test(v);
}

export function parseParams(search: string, hash: string, inFrame = false): PageParams {
  const q = new URLSearchParams(search);
  // `+` in a query means space: `layout=editor+terminal` arrives as "editor terminal".
  const layoutRaw = (q.get('layout') ?? 'full').trim().toLowerCase().replace(/[\s,]+/g, '+');
  const layout = LAYOUTS[layoutRaw] ?? 'full';
  const speedRaw = q.get('speed');
  let speed: number | undefined;
  if (speedRaw !== null) {
    const n = speedRaw === 'paused' ? 0 : Number(speedRaw.replace(/x$/i, ''));
    if (Number.isFinite(n) && n >= 0 && n <= 1000) speed = n;
  }
  const nodesN = Number(q.get('nodes') ?? 3);
  const nodes = Number.isInteger(nodesN) && nodesN >= 0 && nodesN <= 5000 ? nodesN : 3;
  const manifests = q.getAll('yaml').map((text, i) => ({ name: i === 0 ? 'manifest.yaml' : `manifest-${i + 1}.yaml`, text }));
  const examples = q.getAll('example').map((e) => e.trim()).filter(Boolean);
  const commands = q.getAll('run').concat(q.getAll('cmd')).filter((c) => c.trim());
  const origins = q
    .getAll('origin')
    .flatMap((o) => o.split(','))
    .map((o) => o.trim())
    .filter((o) => /^https?:\/\/[^/\s]+$/.test(o));
  let bench: PageParams['bench'];
  const b = /^(\d+)\s*[x,:]\s*(\d+)$/.exec(q.get('bench') ?? '');
  if (b) bench = { nodes: Number(b[1]), pods: Number(b[2]) };
  const share = /(?:^#|&)share=([A-Za-z0-9_-]+)/.exec(hash)?.[1];
  const scripted = manifests.length > 0 || examples.length > 0 || commands.length > 0 || !!share || !!bench;
  const embedded = scripted || layout !== 'full' || inFrame;
  return {
    layout,
    speed,
    nodes,
    manifests,
    examples,
    apply: bool(q.get('apply')) ?? false,
    commands,
    origins,
    persist: bench ? false : bool(q.get('persist')) ?? !embedded,
    theme: q.get('theme') === 'light' ? 'light' : 'dark',
    bench,
    share,
    embedded,
  };
}
