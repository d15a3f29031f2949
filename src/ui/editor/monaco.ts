// Loads Monaco with YAML and the Kubernetes schemas (this module is the lazily loaded editor chunk).
// Follows TOOLCHAIN.md: only the editor core, its features and the YAML language; explicit workers via
// MonacoEnvironment; monaco-yaml's worker created through a createWebWorker that passes the worker in.

import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from './yaml.worker?worker';
import { kubernetesSchema } from './schemas';

export type Monaco = typeof monaco;

self.MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

type CreateWebWorker = typeof monaco.editor.createWebWorker;
type WorkerOptions = Parameters<CreateWebWorker>[0] & { moduleId?: string; label?: string; createData?: unknown; worker?: unknown };

/** Monaco 0.57 wants the worker handed in; monaco-yaml 5.5 does not do that yet (monaco-yaml #272). */
function withExplicitWorker(create: CreateWebWorker): CreateWebWorker {
  return ((o: WorkerOptions) => {
    if (o.worker) return create(o);
    const w = self.MonacoEnvironment!.getWorker(o.moduleId ?? 'workerMain.js', o.label ?? 'yaml');
    w.postMessage('ignore');
    w.postMessage(o.createData);
    return create({ ...o, worker: w } as Parameters<CreateWebWorker>[0]);
  }) as CreateWebWorker;
}

const patched = { ...monaco, editor: { ...monaco.editor, createWebWorker: withExplicitWorker(monaco.editor.createWebWorker) } };

configureMonacoYaml(patched as unknown as Parameters<typeof configureMonacoYaml>[0], {
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  hoverSchemaSource: false,
  format: { enable: true },
  schemas: [{ uri: 'kubeplay://schemas/kubernetes.json', fileMatch: ['*'], schema: kubernetesSchema() as never }],
});

monaco.editor.defineTheme('kubeplay-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'type', foreground: '9b8cff' },
    { token: 'string', foreground: 'a5d6ff' },
    { token: 'number', foreground: '79c0ff' },
    { token: 'keyword', foreground: 'ff7b72' },
    { token: 'comment', foreground: '6e7681', fontStyle: 'italic' },
  ],
  colors: {
    'editor.background': '#0f131a',
    'editor.lineHighlightBackground': '#161b2499',
    'editorLineNumber.foreground': '#3d4553',
    'editorLineNumber.activeForeground': '#8b949e',
    'editorGutter.background': '#0f131a',
    'editor.selectionBackground': '#3b3570',
    'editorCursor.foreground': '#9b8cff',
    'editorWidget.background': '#161b22',
    'editorWidget.border': '#30363d',
    'editorHoverWidget.background': '#161b22',
    'editorHoverWidget.border': '#30363d',
    'editorSuggestWidget.background': '#161b22',
    'editorSuggestWidget.border': '#30363d',
    'editorSuggestWidget.selectedBackground': '#2a2550',
    'scrollbarSlider.background': '#30363d88',
  },
});

monaco.editor.defineTheme('kubeplay-light', {
  base: 'vs',
  inherit: true,
  rules: [{ token: 'type', foreground: '5b4bd6' }],
  colors: { 'editor.background': '#ffffff', 'editorCursor.foreground': '#5b4bd6' },
});

export { monaco };
