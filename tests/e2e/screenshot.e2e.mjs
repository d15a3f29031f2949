// The README screenshot (docs/screenshot.png): a small demo at 1280×800 — a Deployment applied from the
// editor, pods on the map, a killed node gone NotReady with its pods evicted and rescheduled.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPlayground, typeCommand, waitFor, waitForTerminal } from './lib/page.mjs';

export const tests = [
  {
    name: 'README screenshot',
    async run({ context, baseUrl, root, log }) {
      const { page } = await openPlayground(context, baseUrl);
      await page.waitForSelector('[data-testid="editor"] .monaco-editor .view-lines', { timeout: 20_000 });
      await page.click('button[role="radio"]:has-text("60x")');
      await page.click('[data-testid="apply"]');
      await waitForTerminal(page, 'service/web created');
      await waitFor(async () => (await page.$$('[data-pod][aria-label^="Pod web-"][data-status="Running"]')).length === 3, 'web pods Running', 20_000);
      await page.click('[data-node="worker-2"] button[aria-label="Actions for node worker-2"]');
      await page.click('[role="menuitem"]:has-text("Kill")');
      await waitFor(async () => (await page.textContent('[data-node="worker-2"] [data-testid="node-status"]')) === 'NotReady', 'worker-2 NotReady', 30_000);
      // Pods on the dead node are evicted after tolerationSeconds (300 s) and replaced elsewhere.
      await waitFor(async () => (await page.$$('[data-node="worker-2"] [data-pod][aria-label^="Pod web-"][data-status="Terminating"]')).length > 0 || (await page.$$('[data-node="worker-2"] [data-pod][aria-label^="Pod web-"]')).length === 0, 'web pods evicted from worker-2', 30_000);
      await page.click('button[aria-label="Pause the clock"]');
      await typeCommand(page, 'kubectl get nodes');
      await waitForTerminal(page, /worker-2\s+NotReady/);
      await typeCommand(page, 'kubectl get pods');
      await waitForTerminal(page, /web-\S+\s+1\/1\s+Running/);
      await page.click('.monaco-editor .view-lines');
      await page.mouse.click(5, 5);
      await page.waitForTimeout(400);
      const dir = join(root, 'docs');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, 'screenshot.png') });
      log('wrote docs/screenshot.png');
    },
  },
];
