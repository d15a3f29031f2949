// The editor: Apply runs `kubectl apply -f` in the terminal, the pods show on the map, Delete removes them.
import { assert, openPlayground, podChips, waitFor, waitForTerminal } from './lib/page.mjs';

export const tests = [
  {
    name: 'apply from the editor, pods on the map, delete',
    async run({ context, baseUrl }) {
      const { page } = await openPlayground(context, baseUrl);
      await page.waitForSelector('[data-testid="editor"] .monaco-editor .view-lines', { timeout: 20_000 });
      const editorText = await page.$eval('[data-testid="editor"] .view-lines', (e) => e.textContent.replace(/\u00a0/g, ' '));
      assert(editorText.includes('kind: Deployment'), 'the example manifest is in the editor');
      await page.click('button[role="radio"]:has-text("10x")');
      await page.click('[data-testid="apply"]');
      await waitForTerminal(page, /\$ kubectl apply -f \/tmp\/web\.yaml\ndeployment\.apps\/web created\nservice\/web created/);
      const running = await waitFor(async () => {
        const chips = (await podChips(page)).filter((c) => /^Pod web-/.test(c.label));
        return chips.length === 3 && chips.every((c) => c.status === 'Running') && chips;
      }, 'three web pods Running on the map', 20_000);
      assert(running.length === 3, 'three chips');
      await waitFor(async () => (await page.textContent('aside[aria-label="Workloads and services"]')).includes('3/3'), 'web 3/3 in the side list');
      await page.click('[data-testid="editor-delete"]');
      await waitForTerminal(page, /deployment\.apps "web" deleted\nservice "web" deleted/);
    },
  },
  {
    name: 'schema validation flags an unknown field',
    async run({ context, baseUrl }) {
      const { page } = await openPlayground(context, baseUrl);
      await page.waitForSelector('[data-testid="editor"] .monaco-editor .view-lines', { timeout: 20_000 });
      await page.click('[data-testid="editor"] .view-lines');
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('replicaz: 3');
      await waitFor(async () => (await page.$$('[data-testid="editor"] .squiggly-error, [data-testid="editor"] .squiggly-warning')).length > 0, 'a schema diagnostic', 20_000);
    },
  },
];
