// The editor's open files: manifests (examples, preloaded, shared) applied with `kubectl apply -f`, live
// objects opened from the map (saving runs `kubectl edit` with the new text), and `kubectl edit` requests
// from the terminal (saving answers the waiting command). Text lives here so it survives before Monaco
// has loaded and is what share links capture.

import type { ObjectRef } from '../../worker/protocol';

export type TabKind = 'file' | 'object' | 'edit';

export interface EditorTab {
  id: string;
  /** Label on the tab: a file name, or kind/name. */
  name: string;
  kind: TabKind;
  /** Where the text is written in the terminal's file system for kubectl -f. */
  path: string;
  ref?: ObjectRef;
  /** Pending `kubectl edit` request id (kind 'edit'). */
  edit?: number;
  /** Bumped when the text is replaced from outside the editor (reload), so the editor resets its model. */
  revision: number;
}

let seq = 0;

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'manifest';
}

export class EditorState {
  tabs = $state.raw<EditorTab[]>([]);
  active = $state<string | null>(null);
  dirty = $state.raw<ReadonlySet<string>>(new Set());
  private texts = new Map<string, string>();
  private original = new Map<string, string>();

  get current(): EditorTab | undefined {
    return this.tabs.find((t) => t.id === this.active);
  }

  text(id: string): string {
    return this.texts.get(id) ?? '';
  }

  /** The editor reports a user edit. */
  setText(id: string, text: string): void {
    this.texts.set(id, text);
    const isDirty = text !== this.original.get(id);
    if (isDirty !== this.dirty.has(id)) {
      const d = new Set(this.dirty);
      if (isDirty) d.add(id);
      else d.delete(id);
      this.dirty = d;
    }
  }

  /** Replaces a tab's text from outside (reload, saved): it becomes the clean state. */
  resetText(id: string, text: string): void {
    this.texts.set(id, text);
    this.original.set(id, text);
    const d = new Set(this.dirty);
    d.delete(id);
    this.dirty = d;
    this.tabs = this.tabs.map((t) => (t.id === id ? { ...t, revision: t.revision + 1 } : t));
  }

  private add(tab: Omit<EditorTab, 'id' | 'revision'>, text: string): EditorTab {
    const t: EditorTab = { ...tab, id: `tab-${++seq}`, revision: 0 };
    this.texts.set(t.id, text);
    this.original.set(t.id, text);
    this.tabs = [...this.tabs, t];
    this.active = t.id;
    return t;
  }

  /** Opens a manifest file (an example, a preloaded or shared manifest); re-focuses one of the same name. */
  openFile(name: string, text: string, focusExisting = true): EditorTab {
    const file = safeName(name.endsWith('.yaml') || name.endsWith('.yml') ? name : `${name}.yaml`);
    const existing = this.tabs.find((t) => t.kind === 'file' && t.name === file);
    if (existing && focusExisting) {
      this.active = existing.id;
      return existing;
    }
    return this.add({ name: file, kind: 'file', path: `/tmp/${file}` }, text);
  }

  openObject(ref: ObjectRef, kindName: string, text: string): EditorTab {
    const existing = this.tabs.find((t) => t.kind === 'object' && t.ref?.resource === ref.resource && t.ref?.name === ref.name && t.ref?.namespace === ref.namespace);
    if (existing) {
      this.active = existing.id;
      this.resetText(existing.id, text);
      return existing;
    }
    const label = `${kindName}/${ref.name}`;
    return this.add({ name: label, kind: 'object', path: `/tmp/${safeName(label)}.yaml`, ref }, text);
  }

  openEditRequest(edit: number, path: string, text: string): EditorTab {
    const base = path.slice(path.lastIndexOf('/') + 1);
    return this.add({ name: `kubectl edit · ${base}`, kind: 'edit', path, edit }, text);
  }

  close(id: string): void {
    const i = this.tabs.findIndex((t) => t.id === id);
    if (i < 0) return;
    this.tabs = this.tabs.filter((t) => t.id !== id);
    this.texts.delete(id);
    this.original.delete(id);
    if (this.active === id) this.active = this.tabs[Math.min(i, this.tabs.length - 1)]?.id ?? null;
  }

  /** Manifest tabs, for share links. */
  files(): { name: string; text: string }[] {
    return this.tabs.filter((t) => t.kind === 'file').map((t) => ({ name: t.name, text: this.text(t.id) }));
  }
}
