// Ambient types for the page: Vite's asset and `?worker` imports, Svelte components, Monaco's global.
/// <reference types="vite/client" />
/// <reference types="svelte" />

interface Window {
  MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
}
