// `kubeplay bench` flags: defaults (the workload shape), every flag, and the errors it gives.

import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../src/cli/bench-args';

describe('parseBenchArgs', () => {
  it('defaults to the converge run of 100 workers and 3,000 pods in Deployments of 100 with 100m/64Mi', () => {
    const a = parseBenchArgs([]);
    expect(a).toMatchObject({ scenario: 'converge', nodes: 100, pods: 3000, perDeployment: 100, seed: 1, requests: { cpu: '100m', memory: '64Mi' }, watchers: 100, watchAs: 'object', encode: false, chaosPercent: 10 });
    // The node shape is createCluster's unless asked for.
    expect(a.nodeCpu).toBeUndefined();
    expect(a.nodeMemory).toBeUndefined();
    expect(a.nodePods).toBeUndefined();
    expect(a.repeat).toBeUndefined();
  });

  it.each([
    [['--nodes', '1000', '--pods', '30000'], { nodes: 1000, pods: 30000 }],
    [['--nodes=5', '--pods=7'], { nodes: 5, pods: 7 }],
    [['--scenario', 'chaos', '--chaos-percent', '20'], { scenario: 'chaos', chaosPercent: 20 }],
    [['--scenario=watch', '--watchers', '7', '--watch-as', 'table', '--encode', '--no-baseline'], { scenario: 'watch', watchers: 7, watchAs: 'table', encode: true, noBaseline: true }],
    [['--per-deployment', '1000', '--requests', 'none', '--node-pods', '1000'], { perDeployment: 1000, requests: undefined, nodePods: 1000 }],
    [['--requests', '250m,1Gi', '--node-cpu', '8', '--node-memory', '16Gi'], { requests: { cpu: '250m', memory: '1Gi' }, nodeCpu: '8', nodeMemory: '16Gi' }],
    [['--scenario', 'rollout', '--image', 'nginx:1.29'], { scenario: 'rollout', image: 'nginx:1.29' }],
    [['--scenario', 'list', '--repeat', '5', '--seed', '42'], { scenario: 'list', repeat: 5, seed: 42 }],
  ])('%j', (argv, want) => {
    expect(parseBenchArgs(argv)).toMatchObject(want);
  });

  it.each([
    [['--frobnicate'], 'unknown flag --frobnicate'],
    [['nodes'], 'unknown argument nodes'],
    [['--nodes'], '--nodes needs a value'],
    [['--nodes', 'many'], '--nodes: not a whole number: many'],
    [['--pods', '-3'], '--pods: not a whole number: -3'],
    [['--nodes', '0'], '--nodes must be at least 1'],
    [['--scenario', 'soak'], '--scenario must be one of converge, rollout, chaos, list, watch'],
    [['--requests', '100m'], '--requests: expected CPU,MEMORY (e.g. 100m,64Mi) or none'],
    [['--watch-as', 'yaml'], '--watch-as must be object or table'],
    [['--encode=yes'], '--encode takes no value'],
    [['--chaos-percent', '150'], '--chaos-percent must be at most 100'],
  ])('%j is refused', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});
