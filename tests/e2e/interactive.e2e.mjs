// An interactive container shell in the page terminal: kubectl exec -it gives the keyboard to the
// container's shell (its prompt, echo and output), and `exit` brings back the playground prompt.
import { assert, openPlayground, terminalText, typeCommand, waitForTerminal } from './lib/page.mjs';

export const tests = [
  {
    name: 'kubectl exec -it into a busybox shell and back',
    async run({ context, baseUrl }) {
      const { page } = await openPlayground(context, `${baseUrl}?layout=terminal&speed=20`);
      await typeCommand(page, 'kubectl run bb --image=busybox -- sleep 3600 && kubectl wait --for=condition=Ready pod/bb');
      await waitForTerminal(page, /pod\/bb condition met\n\$$/m);
      await typeCommand(page, 'kubectl exec -it bb -- sh');
      await waitForTerminal(page, /^\/ #$/m);
      await typeCommand(page, 'echo hi $HOSTNAME');
      await waitForTerminal(page, /^\/ # echo hi \$HOSTNAME\nhi bb\n\/ #$/m);
      await typeCommand(page, 'exit');
      const text = await waitForTerminal(page, /^\/ # exit\n\$$/m);
      assert(!/\^\[|\^M|\^H/.test(text), `terminal controls were shown as text:\n${text}`);
      // The playground prompt is back and working.
      await typeCommand(page, 'echo back');
      await waitForTerminal(page, /^back\n\$$/m);
      assert((await terminalText(page)).includes('$ kubectl exec -it bb -- sh'), 'the command line stays on screen');
    },
  },
];
