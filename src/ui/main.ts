// The playground page's entry: reads the URL, starts the engine worker and mounts the Svelte app.
import { mount } from 'svelte';
import './theme.css';
import App from './App.svelte';
import { AppState } from './state/app.svelte';
import { parseParams } from './embed/params';

const params = parseParams(location.search, location.hash, window.self !== window.top);
// The theme a visitor picked last time, unless the URL says otherwise.
if (!new URLSearchParams(location.search).has('theme')) {
  try {
    if (localStorage.getItem('kubeplay.theme') === 'light') params.theme = 'light';
  } catch {
    // Storage unavailable: keep the default.
  }
}
document.documentElement.dataset.theme = params.theme;
const app = new AppState(params);
const target = document.getElementById('app')!;
target.textContent = '';
mount(App, { target, context: AppState.context(app) });
