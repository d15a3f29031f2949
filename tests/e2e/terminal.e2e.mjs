// The terminal: kubectl against the cluster, completion, history, multi-line input, Ctrl-C on a watch,
// and output that cannot inject escape sequences.
import { assert, openPlayground, terminalText, typeCommand, waitForTerminal } from './lib/page.mjs';

export const tests = [
  {
    name: 'kubectl in the terminal, within the start-up budget',
    async run({ context, baseUrl, log }) {
      const { page } = await openPlayground(context, baseUrl);
      const readyMs = await page.evaluate(() => window.__kubeplayReadyMs);
      log(`usable cluster after ${Math.round(readyMs)} ms`);
      assert(readyMs < 3000, `start-up took ${readyMs} ms`);
      await typeCommand(page, 'kubectl get nodes');
      const text = await waitForTerminal(page, /worker-3\s+Ready\s+<none>/);
      assert(/control-plane\s+Ready\s+control-plane/.test(text), 'control plane listed');
    },
  },
  {
    name: 'completion, history, multi-line input and Ctrl-C',
    async run({ context, baseUrl }) {
      const { page } = await openPlayground(context, baseUrl);
      await typeCommand(page, 'kubectl get no', { enter: false });
      await page.keyboard.press('Tab');
      await waitForTerminal(page, /\$ kubectl get nodes$/m);
      await page.keyboard.press('Enter');
      await waitForTerminal(page, /worker-1\s+Ready/);
      await typeCommand(page, 'echo one');
      await typeCommand(page, '!!');
      await waitForTerminal(page, /\$ !!\necho one\none/);
      await typeCommand(page, "echo 'first");
      await waitForTerminal(page, /^>$/m);
      await typeCommand(page, "second'");
      await waitForTerminal(page, /first\nsecond/);
      await page.keyboard.press('ArrowUp');
      await waitForTerminal(page, /\$ echo 'first; second'$/m);
      await page.keyboard.press('Control+U');
      await typeCommand(page, 'kubectl get pods -A -w');
      await waitForTerminal(page, /kube-scheduler-control-plane/);
      await page.keyboard.press('Control+C');
      await waitForTerminal(page, /\^C\n\$$/m);
      await typeCommand(page, 'history');
      const text = await waitForTerminal(page, /\d+\s+kubectl get pods -A -w\n\s+\d+\s+history\n\$$/m);
      assert(text.includes('kubectl get nodes'), 'history lists earlier commands');
    },
  },
  {
    name: 'escape sequences in output are shown, not executed',
    async run({ context, baseUrl }) {
      const { page } = await openPlayground(context, baseUrl);
      await typeCommand(page, "printf 'A\\033]0;pwned\\007B\\033[2JC\\n'");
      const text = await waitForTerminal(page, /A\^\[\]0;pwned\^GB\^\[\[2JC/);
      assert(text.includes('kubeplay'), 'the screen was not cleared by the output');
      assert((await page.title()).startsWith('kubeplay'), 'the title did not change');
    },
  },
];
