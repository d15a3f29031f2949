// The editor: Apply runs `kubectl apply -f` in the terminal, the pods show on the map, Delete removes them.
import { assert, openPlayground, podChips, typeCommand, waitFor, waitForTerminal } from './lib/page.mjs';

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

export const editTests = [
  {
    name: 'an object opened from the map is saved with kubectl edit',
    async run({ context, baseUrl }) {
      const { page } = await openPlayground(context, `${baseUrl}?speed=60`);
      await page.waitForSelector('[data-testid="editor"] .monaco-editor .view-lines', { timeout: 20_000 });
      await typeCommand(page, 'kubectl create deployment web --image=nginx');
      await waitForTerminal(page, 'deployment.apps/web created');
      await page.click('aside[aria-label="Workloads and services"] button:has-text("web")');
      await waitFor(async () => (await page.textContent('[role="tablist"][aria-label="Open manifests"]')).includes('deployment/web'), 'deployment tab');
      await waitFor(async () => (await page.$eval('[data-testid="editor"] .view-lines', (e) => e.textContent.replace(/\u00a0/g, ' '))).includes('kind: Deployment'), 'YAML in the editor');
      await page.click('[data-testid="editor"] .view-lines');
      await page.keyboard.press('Control+h');
      await page.keyboard.press('Alt+c'); // match case: leave availableReplicas and friends alone
      await page.keyboard.type('replicas: 1');
      await page.keyboard.press('Tab');
      await page.keyboard.type('replicas: 2');
      await page.keyboard.press('Control+Alt+Enter');
      await page.keyboard.press('Escape');
      await page.click('button:has-text("Save")');
      await waitForTerminal(page, /\$ kubectl edit deployments\.apps\/web -n default\ndeployment\.apps\/web edited/);
      await typeCommand(page, 'kubectl get deploy web');
      await waitForTerminal(page, /web\s+\d\/2\s+/);
    },
  },
  {
    name: 'kubectl edit typed in the terminal opens the editor; Cancel leaves the object',
    async run({ context, baseUrl }) {
      const { page } = await openPlayground(context, baseUrl);
      await typeCommand(page, 'kubectl create configmap demo --from-literal=a=b');
      await waitForTerminal(page, 'configmap/demo created');
      await typeCommand(page, 'kubectl edit configmap demo');
      await waitFor(async () => (await page.textContent('[role="tablist"][aria-label="Open manifests"]')).includes('kubectl edit'), 'edit tab');
      await page.waitForSelector(':text("kubectl edit is waiting for this file")');
      await page.click('button:has-text("Cancel")');
      await waitForTerminal(page, 'Edit cancelled, no changes made.');
    },
  },
];
tests.push(...editTests);
