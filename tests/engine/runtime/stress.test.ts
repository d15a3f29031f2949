// stress 1.0.4 as a program model: its option parsing quirks and messages (with stress.c line numbers),
// the logs of normal and verbose runs, and the memory/CPU its workers ask for.

import { describe, expect, it } from 'vitest';
import { atollB, atollS, parseStressArgs, scanLongLong, stressProgram, vmWorkerBytes, vmWorkerCores } from '../../../src/engine/runtime/stress';
import { exceedsAt, memoryAt, peakMemoryAt } from '../../../src/engine/runtime/resources';

const MiB = 1024 * 1024;

describe('number parsing', () => {
  it.each<[string, number | undefined]>([
    ['150', 150],
    ['  42', 42],
    ['-3', -3],
    ['0x10', 16],
    ['010', 8],
    ['0', 0],
    ['150M', 150],
    ['1.5', 1],
    ['abc', undefined],
    ['', undefined],
  ])('sscanf %%lli of %j is %s', (s, v) => expect(scanLongLong(s)).toBe(v));

  it.each<[string, number]>([
    ['150M', 150 * MiB],
    ['150m', 150 * MiB],
    ['1G', 1024 * MiB],
    ['1.5G', 1024 * MiB],
    ['64k', 65536],
    ['250MB', 250],
    ['1000', 1000],
  ])('atoll_b %j is %i bytes', (s, v) => expect(atollB(s)).toBe(v));

  it.each<[string, number]>([
    ['60s', 60],
    ['2m', 120],
    ['1h', 3600],
    ['10', 10],
  ])('atoll_s %j is %i seconds', (s, v) => expect(atollS(s)).toBe(v));
});

describe('option errors', () => {
  it.each<[string[], string]>([
    [['--vm'], "stress: FAIL: [1] (180) missing argument to option '--vm'"],
    [['--vm', '--vm-bytes', '1M'], "stress: FAIL: [1] (180) missing argument to option '--vm'"],
    [['--vm', '0'], 'stress: FAIL: [1] (184) invalid number of vm hogs: 0'],
    [['--cpu', '-1'], 'stress: FAIL: [1] (164) invalid number of cpu hogs: -1'],
    [['--vm-hang', '1s'], 'stress: FAIL: [1] (647) unrecognized suffix: s'],
    [['--vm-bytes', 'lots'], 'stress: FAIL: [1] (647) unrecognized suffix: s'],
    [['--vm-bytes', 'M'], 'stress: FAIL: [1] (654) invalid number: M'],
    [['--timeout', '5x'], 'stress: FAIL: [1] (705) unrecognized suffix: x'],
    [['--memory', '1G'], 'stress: FAIL: [1] (244) unrecognized option: --memory'],
    [['--cpu', '1', '--hdd-noclean'], 'stress: FAIL: [1] (244) unrecognized option: --hdd-noclean'],
  ])('%j fails with exit 1: %s', (args, message) => {
    const p = stressProgram(['stress', ...args])!;
    expect(p.log).toEqual([{ stream: 'stderr', text: message }]);
    expect(p.exit?.code).toBe(1);
    expect(p.demand).toBeUndefined();
  });
});

describe('help, version and nothing to do', () => {
  it.each([[[]], [['--help']], [['-?']], [['--verbose']]])('%j prints the usage and exits 0', (args) => {
    const p = stressProgram(['/usr/local/bin/stress', ...args])!;
    expect(p.exit?.code).toBe(0);
    expect(p.log[0].text).toBe("`stress' imposes certain types of compute stress on your system");
    expect(p.log[2].text).toBe('Usage: stress [OPTION [ARG]] ...');
    expect(p.log.at(-1)!.text).toBe('Note: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).');
    expect(p.log).toHaveLength(23);
  });
  it('prints its version', () => expect(stressProgram(['stress', '--version'])!.log).toEqual([{ stream: 'stdout', text: 'stress 1.0.4', atMs: 0 }]));
  it('is not the model for other programs', () => expect(stressProgram(['stress-ng', '--cpu', '1'])).toBeUndefined());
});

describe('runs', () => {
  it('the memory docs example: one vm worker holding 150 MiB (155 MiB with the processes)', () => {
    const p = stressProgram(['stress', '--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'])!;
    expect(p.log.map((l) => l.text)).toEqual(['stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd']);
    expect(p.exit).toBeUndefined();
    const steady = peakMemoryAt(p.demand!.memory, 10_000);
    // The docs: 162856960 bytes.
    expect(steady).toBe(162856960);
    expect(memoryAt(p.demand!.memory, 10_000, 0.3)).toBe(steady);
    // It starts after the 3 ms fork backoff and touches 150 MiB in about 60 ms.
    expect(peakMemoryAt(p.demand!.memory, 3)).toBe((4096 + 1044) * 1024);
    expect(exceedsAt(p.demand!.memory, 100 * MiB)).toBeGreaterThan(3);
    expect(exceedsAt(p.demand!.memory, 100 * MiB)).toBeLessThan(60);
    expect(exceedsAt(p.demand!.memory, 200 * MiB)).toBeUndefined();
    expect(p.demand!.cpuCores).toBeGreaterThan(0.05);
    expect(p.demand!.cpuCores).toBeLessThan(0.1);
  });

  it('250M against a 100Mi limit is over it within a few tens of milliseconds', () => {
    const p = stressProgram(['stress', '--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'])!;
    const at = exceedsAt(p.demand!.memory, 100 * MiB)!;
    expect(at).toBeGreaterThan(3);
    expect(at).toBeLessThan(50);
  });

  it('cycles between the processes and the peak without --vm-hang, and burns a core per worker', () => {
    const p = stressProgram(['stress', '--vm', '2', '--vm-bytes', '64M', '--cpu', '1'])!;
    const m = p.demand!.memory;
    expect(m.cycleFloor).toBe(4096 * 1024 + 3 * 1044 * 1024);
    expect(memoryAt(m, 60_000, 0)).toBe(m.cycleFloor);
    expect(memoryAt(m, 60_000, 0.99)).toBeGreaterThan(m.cycleFloor! + 120 * MiB);
    expect(p.demand!.cpuCores).toBe(3);
  });

  it('holds with --vm-keep and with --vm-hang 0', () => {
    for (const extra of [['--vm-keep'], ['--vm-hang', '0']]) {
      const m = stressProgram(['stress', '--vm', '1', '--vm-bytes', '32M', ...extra])!.demand!.memory;
      expect(m.cycleFloor).toBeUndefined();
    }
    expect(stressProgram(['stress', '--vm', '1', '--vm-hang', '0'])!.demand!.cpuCores).toBe(0);
  });

  it('touches every stride: a 16 KiB stride dirties a quarter of the pages', () => {
    expect(vmWorkerBytes({ vmBytes: 64 * MiB, vmStride: 4096 })).toBe(64 * MiB + 128 * 1024);
    expect(vmWorkerBytes({ vmBytes: 64 * MiB, vmStride: 16384 })).toBe(16 * MiB + 128 * 1024);
    // Touching 256 MiB every 2 s costs ~7 % of a core; every second about twice that.
    expect(vmWorkerCores(parsed(['--vm', '1', '--vm-hang', '2']))).toBeCloseTo(0.07, 2);
    expect(vmWorkerCores(parsed(['--vm', '1', '--vm-hang', '1']))).toBeCloseTo(0.13, 2);
  });

  it('ends after --timeout with a successful run', () => {
    const p = stressProgram(['stress', '--cpu', '2', '--timeout', '10s'])!;
    expect(p.exit).toEqual({ afterMs: 10_000, code: 0, log: [{ stream: 'stdout', text: 'stress: info: [1] successful run completed in 10s', atMs: 10_000 }] });
    expect(p.demand!.cpuCores).toBe(2);
  });

  it('--quiet prints nothing', () => {
    expect(stressProgram(['stress', '-q', '--cpu', '1'])!.log).toEqual([]);
  });

  it('verbose (progrium/stress): the fork rounds, backoffs and the first cycle of each worker', () => {
    const p = stressProgram(['/usr/bin/stress', '--verbose', '--cpu', '2', '--vm', '1', '--vm-bytes', '128M', '--vm-hang', '2', '--timeout', '30s'])!;
    expect(p.log.map((l) => l.text)).toEqual([
      'stress: info: [1] dispatching hogs: 2 cpu, 0 io, 1 vm, 0 hdd',
      'stress: dbug: [1] using backoff sleep of 9000us',
      'stress: dbug: [1] setting timeout to 30s',
      'stress: dbug: [1] --> hogcpu worker 2 [7] forked',
      'stress: dbug: [1] --> hogvm worker 1 [8] forked',
      'stress: dbug: [1] using backoff sleep of 3000us',
      'stress: dbug: [1] setting timeout to 30s',
      'stress: dbug: [1] --> hogcpu worker 1 [9] forked',
      'stress: dbug: [8] allocating 134217728 bytes ...',
      'stress: dbug: [8] touching bytes in strides of 4096 bytes ...',
      'stress: dbug: [8] sleeping for 2s with allocated memory',
    ]);
    expect(p.exit!.log!.map((l) => l.text)).toEqual([
      'stress: dbug: [1] <-- worker 7 signalled normally',
      'stress: dbug: [1] <-- worker 8 signalled normally',
      'stress: dbug: [1] <-- worker 9 signalled normally',
      'stress: info: [1] successful run completed in 30s',
    ]);
  });

  it('--dry-run forks and reaps workers that do nothing', () => {
    const p = stressProgram(['stress', '-n', '--cpu', '1'])!;
    expect(p.demand).toBeUndefined();
    expect(p.exit).toMatchObject({ code: 0, log: [{ text: 'stress: info: [1] successful run completed in 0s' }] });
  });
});

function parsed(args: string[]) {
  const r = parseStressArgs(args);
  if (r.kind !== 'run') throw new Error('not a run');
  return r.o;
}
