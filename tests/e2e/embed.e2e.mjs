// Embedding: layout, preloaded examples and commands from the URL, the postMessage API (allowed origins
// only) and share links.
import { extraRoutes } from './lib/server.mjs';
import { assert, openPlayground, typeCommand, waitFor, waitForTerminal } from './lib/page.mjs';

function hostPage(frameUrl) {
  return `<!doctype html><html><body>
<iframe id="kp" src="${frameUrl}" style="width:900px;height:500px;border:0"></iframe>
<script>
  window.messages = [];
  window.addEventListener('message', (e) => window.messages.push({ origin: e.origin, data: e.data }));
  window.send = (m) => document.getElementById('kp').contentWindow.postMessage(m, '*');
</script></body></html>`;
}

export const tests = [
  {
    name: 'terminal layout with a command from the URL',
    async run({ context, baseUrl }) {
      const { page } = await openPlayground(context, `${baseUrl}?layout=terminal&run=${encodeURIComponent('kubectl get ns')}`);
      await waitForTerminal(page, /\$ kubectl get ns\nNAME\s+STATUS\s+AGE\ndefault\s+Active/);
      assert((await page.$$('[aria-label="Cluster map"], [aria-label="Manifest editor"]')).length === 0, 'only the terminal is shown');
    },
  },
  {
    name: 'editor+terminal layout applies an example',
    async run({ context, baseUrl }) {
      const { page } = await openPlayground(context, `${baseUrl}?layout=editor+terminal&example=job&apply=1&speed=10`);
      await waitForTerminal(page, /\$ kubectl apply -f \/tmp\/countdown-job\.yaml\njob\.batch\/countdown created/);
      assert((await page.$$('[aria-label="Cluster map"]')).length === 0, 'no map in this layout');
      assert((await page.textContent('[role="tablist"][aria-label="Open manifests"]')).includes('countdown-job.yaml'), 'the example is open');
    },
  },
  {
    name: 'postMessage API answers allowed origins only',
    async run({ context, baseUrl }) {
      const u = new URL(baseUrl);
      const hostOrigin = `http://localhost:${u.port}`;
      extraRoutes.set('/host.html', { type: 'text/html', body: hostPage(`${baseUrl}?layout=terminal&origin=${encodeURIComponent(hostOrigin)}`) });
      extraRoutes.set('/stranger.html', { type: 'text/html', body: hostPage(`${baseUrl}?layout=terminal`) });
      const page = await context.newPage();
      await page.goto(`${hostOrigin}/host.html`);
      await waitFor(() => page.evaluate(() => window.messages.some((m) => m.data?.kubeplay === 'ready')), 'ready message', 20_000);
      await page.evaluate(() => window.send({ kubeplay: 'run', id: 1, command: 'kubectl get nodes' }));
      const result = await waitFor(() => page.evaluate(() => window.messages.find((m) => m.data?.kubeplay === 'result' && m.data.id === 1)?.data), 'run result');
      assert(result.ok === true && result.exitCode === 0, `run result ${JSON.stringify(result)}`);
      await page.evaluate(() => window.send({ kubeplay: 'apply', id: 2, yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-host\ndata:\n  a: b\n' }));
      const applied = await waitFor(() => page.evaluate(() => window.messages.find((m) => m.data?.id === 2)?.data), 'apply result');
      assert(applied.ok, 'apply ok');
      const frame = page.frames().find((f) => f.url().includes('/deep/sub/path/'));
      await waitForTerminal(frame, 'configmap/from-host created');

      const stranger = await context.newPage();
      await stranger.goto(`${hostOrigin}/stranger.html`);
      const sframe = await waitFor(() => stranger.frames().find((f) => f.url().includes('/deep/sub/path/')), 'frame');
      await sframe.waitForSelector('html[data-ready="1"]', { timeout: 20_000 });
      await stranger.evaluate(() => window.send({ kubeplay: 'run', id: 9, command: 'kubectl delete node worker-1' }));
      await stranger.waitForTimeout(1200);
      const answered = await stranger.evaluate(() => window.messages.filter((m) => m.data?.kubeplay).length);
      assert(answered === 0, 'a page that was not allowed gets no answer');
    },
  },
  {
    name: 'a share link carries manifests and command history',
    async run({ context, baseUrl }) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
      const { page } = await openPlayground(context, `${baseUrl}?example=hpa`);
      await typeCommand(page, 'kubectl get ns');
      await waitForTerminal(page, /kube-system\s+Active/);
      await page.click('button:has-text("Share")');
      await page.waitForSelector(':text("Link copied")');
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert(/#share=[\w-]+$/.test(link), `share link ${link}`);
      const { page: other } = await openPlayground(context, link);
      await waitFor(async () => (await other.textContent('[role="tablist"][aria-label="Open manifests"]')).includes('php-apache.yaml'), 'shared manifest opened');
      await other.click('[data-testid="terminal"]');
      await other.keyboard.press('ArrowUp');
      await waitForTerminal(other, /\$ kubectl get ns$/m);
    },
  },
];
