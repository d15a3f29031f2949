// Persistence: a reload restores the cluster (objects and clock) and the terminal history from IndexedDB;
// a damaged snapshot falls back to a fresh cluster with a visible notice.
import { assert, openPlayground, terminalText, typeCommand, waitFor, waitForTerminal } from './lib/page.mjs';

function uptimeSeconds(text) {
  const [h, m, s] = text.trim().split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

export const tests = [
  {
    name: 'reload and the state is kept',
    async run({ context, baseUrl }) {
      const { page } = await openPlayground(context, baseUrl);
      await page.click('button[role="radio"]:has-text("10x")');
      await typeCommand(page, 'kubectl create deployment keep --image=nginx --replicas=2');
      await waitForTerminal(page, 'deployment.apps/keep created');
      await waitFor(async () => (await page.$$('[data-pod][aria-label^="Pod keep-"][data-status="Running"]')).length === 2, 'keep pods Running', 20_000);
      // Pause, so the clock stands still; autosave runs a second after a command or a clock change.
      await page.click('button[aria-label="Pause the clock"]');
      await page.waitForTimeout(1500);
      const before = uptimeSeconds(await page.textContent('[data-testid="sim-clock"] .value'));
      await page.reload();
      await page.waitForSelector('html[data-ready="1"]', { timeout: 20_000 });
      const notice = await page.textContent('[data-testid="notice"]');
      assert(/Restored your cluster/.test(notice), `restore notice, got: ${notice}`);
      const after = uptimeSeconds(await page.textContent('[data-testid="sim-clock"] .value'));
      assert(after === before, `clock kept (before ${before} s, after ${after} s)`);
      assert((await page.textContent('[data-testid="sim-clock"]')).includes('paused'), 'still paused after the reload');
      await typeCommand(page, 'kubectl get deployment keep');
      await waitForTerminal(page, /keep\s+\d\/2/);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await waitForTerminal(page, /\$ kubectl create deployment keep --image=nginx --replicas=2$/m);
    },
  },
  {
    name: 'a damaged snapshot falls back to a fresh cluster with a notice',
    async run({ context, baseUrl }) {
      // Let a first visit save a snapshot, then damage it from a page without the playground (its
      // autosave would otherwise write a good snapshot over the damaged one).
      const { page } = await openPlayground(context, baseUrl);
      await page.goto(`${baseUrl}no-playground-here`);
      await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const req = indexedDB.open('kubeplay', 1);
            req.onupgradeneeded = () => req.result.createObjectStore('snapshots');
            req.onsuccess = () => {
              const tx = req.result.transaction('snapshots', 'readwrite');
              tx.objectStore('snapshots').put({ format: 'kubeplay-snapshot', version: 1, now: 'garbage', objects: 7 }, 'cluster');
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
      await page.close();
      const { page: again } = await openPlayground(context, baseUrl);
      const notice = await again.textContent('[data-testid="notice"]');
      assert(/not restored: the saved cluster is damaged/.test(notice), `notice shown, got: ${notice}`);
      await typeCommand(again, 'kubectl get nodes');
      await waitForTerminal(again, /worker-3\s+Ready/);
      assert((await terminalText(again)).includes('$ kubectl get nodes'), 'terminal works');
    },
  },
];
