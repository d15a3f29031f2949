// kubectl cordon / uncordon: set or clear spec.unschedulable with a strategic merge patch;
// `node/x cordoned`, `node/x already cordoned`. drain reuses the cordon step.
// mirrors: kubectl/pkg/cmd/drain/drain.go (RunCordonOrUncordon), kubectl/pkg/drain/cordon.go

import { dryRunStrategy } from './create-common';
import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import { asStatus } from './apply';
import { DRY_RUN_FLAG, dryRunSuffix, type DryRun } from '../mutate';
import { NODE_SELECTOR_FLAG } from './common-flags';
import { nodeTargets, type NodeTarget } from './node-targets';

function cordonSpec(desired: boolean): CommandSpec {
  const verb = desired ? 'cordon' : 'uncordon';
  const what = desired ? 'unschedulable' : 'schedulable';
  return {
    name: verb,
    group: 'Cluster Management Commands',
    short: `Mark node as ${what}`,
    long: `Mark node as ${what}.`,
    examples: `  # Mark node "foo" as ${what}\n  kubectl ${verb} foo`,
    usage: `kubectl ${verb} NODE [options]`,
    flags: [DRY_RUN_FLAG, NODE_SELECTOR_FLAG],
    async run(k, args, f) {
      const dry = await dryRunStrategy(k, f.values['dry-run']);
      const nodes = await nodeTargets(k, verb, args, f.values.selector as string, f.changed.has('selector'));
      await cordonOrUncordon(k, nodes, desired, dry);
      return 0;
    },
  };
}

export const cordonCommand = cordonSpec(true);
export const uncordonCommand = cordonSpec(false);

/** Cordons (or uncordons) each node; failures are printed and the command goes on, as kubectl does. */
export async function cordonOrUncordon(k: Kubectl, nodes: NodeTarget[], desired: boolean, dry: DryRun): Promise<void> {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const t of nodes) {
    const spec = (t.node.spec ?? {}) as { unschedulable?: boolean };
    if (!!spec.unschedulable === desired) {
      await k.out(`node/${t.name} already ${verb}ed${dryRunSuffix(dry)}\n`);
      continue;
    }
    if (dry !== 'client') {
      // CreateTwoWayMergePatch of the typed node: false is omitted (omitempty), so uncordon sends null.
      const body = JSON.stringify({ spec: { unschedulable: desired ? true : null } });
      const res = await k.request({
        method: 'PATCH',
        path: `/api/v1/nodes/${encodeURIComponent(t.name)}`,
        query: dry === 'server' ? { dryRun: 'All' } : undefined,
        body,
        headers: { 'content-type': 'application/strategic-merge-patch+json' },
      });
      if (res.status >= 300) {
        await k.err(`error: unable to ${verb} node "${t.name}": ${asStatus(res.body, res.status).message ?? ''}\n`);
        continue;
      }
    }
    await k.out(`node/${t.name} ${verb}ed${dryRunSuffix(dry)}\n`);
  }
}
