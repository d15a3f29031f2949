// The playground page (minimal for now): boots the engine in a worker and runs commands typed in a box.

const app = document.getElementById('app')!;
app.innerHTML = '';
const out = document.createElement('pre');
out.style.cssText = 'background:#111;color:#ddd;padding:1em;min-height:60vh;white-space:pre-wrap;font:13px monospace';
const input = document.createElement('input');
input.style.cssText = 'width:100%;font:13px monospace;padding:.5em';
input.placeholder = 'kubectl get pods -A';
app.append(out, input);

const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
let nextId = 1;
worker.onmessage = (e: MessageEvent<{ ready?: boolean; text?: string }>) => {
  if (e.data.ready) {
    out.textContent = 'kubeplay: a simulated Kubernetes v1.32 cluster is ready. Try: kubectl get nodes\n';
    return;
  }
  out.textContent += e.data.text ?? '';
};
input.addEventListener('keydown', (ev) => {
  if (ev.key !== 'Enter') return;
  const line = input.value;
  input.value = '';
  out.textContent += `$ ${line}\n`;
  worker.postMessage({ id: nextId++, line });
});
