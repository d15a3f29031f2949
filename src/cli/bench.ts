// `kubeplay bench --nodes N --pods P [--scenario S]`: boots N worker nodes, creates P pods as Deployments of
// 100 replicas, advances simulated time as fast as possible until every pod is Running and Ready, then runs
// the chosen scenario (rollout, chaos, list, watch). Prints phase timings; the last line is one JSON object.

import { BENCH_USAGE, parseBenchArgs, type BenchArgs } from './bench-args';
import { converge, type Figures } from './bench-converge';
import { rolloutScenario } from './bench-rollout';
import { chaosScenario } from './bench-chaos';
import { listScenario, watchScenario } from './bench-api';
import { loadAverage, processFigures } from './bench-workload';

export async function benchCommand(argv: string[]): Promise<number> {
  let args: BenchArgs;
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(BENCH_USAGE);
    return 0;
  }
  try {
    args = parseBenchArgs(argv);
  } catch (e) {
    process.stderr.write(`kubeplay bench: ${(e as Error).message}\n${BENCH_USAGE}`);
    return 1;
  }
  const out = (line: string) => void process.stdout.write(line + '\n');
  const cpu0 = process.cpuUsage();
  const loadStart = loadAverage();
  out(`kubeplay bench: scenario ${args.scenario}, ${args.nodes} workers, ${args.pods} pods (load average ${loadStart})`);
  let ok: boolean;
  let figures: Figures;
  if (args.scenario === 'watch') {
    const w = await watchScenario(args, out);
    ok = w.ok;
    figures = w.figures;
  } else {
    const run = await converge(args, out);
    ok = run.ok;
    figures = run.figures;
    // Memory is read right after convergence: the converge figures are comparable across scenarios.
    const atConverge = processFigures(cpu0);
    Object.assign(figures, { heapUsedMB: atConverge.heapUsedMB, rssMB: atConverge.rssMB });
    if (ok && args.scenario !== 'converge') {
      const scenario = args.scenario === 'rollout' ? rolloutScenario : args.scenario === 'chaos' ? chaosScenario : listScenario;
      const s = await scenario(run.cluster, args, out);
      ok = s.ok;
      Object.assign(figures, s.figures);
    }
  }
  const end = processFigures(cpu0);
  const result: Figures = { scenario: args.scenario, ...figures };
  // heapUsedMB/rssMB: at convergence (already set) or, for watch, at the end.
  result.heapUsedMB ??= end.heapUsedMB;
  result.rssMB ??= end.rssMB;
  Object.assign(result, { peakRssMB: end.peakRssMB, cpuMs: end.cpuMs, loadStart, loadEnd: end.load1 });
  out(JSON.stringify(result));
  return ok ? 0 : 1;
}
