// The map and chaos controls: Kill a node at 60x and watch it go NotReady; a pod's panel shows describe.
import { assert, openPlayground, waitFor, waitForTerminal } from './lib/page.mjs';

export const tests = [
  {
    name: 'kill a node and see it NotReady',
    async run({ context, baseUrl }) {
      const { page } = await openPlayground(context, baseUrl);
      await page.click('button[role="radio"]:has-text("60x")');
      await page.click('[data-node="worker-2"] button[aria-label="Actions for node worker-2"]');
      await page.click('[role="menuitem"]:has-text("Kill")');
      await waitForTerminal(page, /\$ kubeplay node kill worker-2\nnode\/worker-2 powered off/);
      await page.waitForSelector('[data-node="worker-2"] :text("powered off")');
      await waitFor(async () => (await page.textContent('[data-node="worker-2"] [data-testid="node-status"]')) === 'NotReady', 'worker-2 NotReady', 30_000);
      const events = await page.textContent('[data-testid="events"]');
      assert(events.includes('NodeNotReady'), 'NodeNotReady in the events timeline');
    },
  },
  {
    name: 'pod panel shows describe, logs and events',
    async run({ context, baseUrl }) {
      const { page } = await openPlayground(context, baseUrl);
      await page.click('[data-pod][aria-label^="Pod etcd-control-plane"]');
      await page.waitForSelector('[role="dialog"][aria-label="Pod details"]');
      await waitFor(async () => ((await page.textContent('[data-testid="pod-panel-text"]').catch(() => '')) ?? '').match(/Name:\s+etcd-control-plane/), 'describe output');
      await page.click('[role="dialog"] [role="tab"]:has-text("Events")');
      await page.click('[role="dialog"] [role="tab"]:has-text("YAML")');
      await waitFor(async () => ((await page.textContent('[data-testid="pod-panel-text"]').catch(() => '')) ?? '').includes('kind: Pod'), 'pod YAML');
      await page.keyboard.press('Escape');
    },
  },
];
