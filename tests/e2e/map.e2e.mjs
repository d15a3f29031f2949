// The map and chaos controls: Kill a node at 60x and watch it go NotReady; a pod's panel shows describe.
import { assert, openPlayground, waitFor, waitForTerminal } from './lib/page.mjs';

export const tests = [
  {
    name: 'kill a node and see it NotReady',
    async run({ context, baseUrl }) {
      const { page } = await openPlayground(context, baseUrl);
      await page.click('button[role="radio"]:has-text("60x")');
      // Count the ghost chips that fly a replacement pod to its new node.
      await page.evaluate(() => {
        window.__ghosts = 0;
        new MutationObserver((ms) => {
          for (const m of ms) for (const n of m.addedNodes) if (n.classList?.contains('pod-ghost')) window.__ghosts++;
        }).observe(document.body, { childList: true });
      });
      await page.click('[data-node="worker-2"] button[aria-label="Actions for node worker-2"]');
      await page.click('[role="menuitem"]:has-text("Kill")');
      await waitForTerminal(page, /\$ kubeplay node kill worker-2\nnode\/worker-2 powered off/);
      await page.waitForSelector('[data-node="worker-2"] :text("powered off")');
      await waitFor(async () => (await page.textContent('[data-node="worker-2"] [data-testid="node-status"]')) === 'NotReady', 'worker-2 NotReady', 30_000);
      const events = await page.textContent('[data-testid="events"]');
      assert(events.includes('NodeNotReady'), 'NodeNotReady in the events timeline');
      // After tolerationSeconds (300 s, 5 s at 60x) the coredns pod there is evicted and replaced elsewhere.
      await waitFor(() => page.evaluate(() => window.__ghosts > 0), 'a replacement pod flying to its new node', 30_000);
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
