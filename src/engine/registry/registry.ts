// Looks kinds up by REST path, by kind and by the names kubectl accepts (plural, singular, short names).

import type { ResourceDef } from './types';
import { groupVersion, resourceKey } from './types';

export class Registry {
  private defs: ResourceDef[] = [];
  private byPath = new Map<string, ResourceDef>();
  private byKind = new Map<string, ResourceDef>();

  constructor(defs: ResourceDef[] = []) {
    for (const d of defs) this.add(d);
  }

  add(def: ResourceDef): void {
    this.defs.push(def);
    this.byPath.set(`${groupVersion(def)}/${def.plural}`, def);
    this.byKind.set(`${groupVersion(def)}/${def.kind}`, def);
  }

  all(): readonly ResourceDef[] {
    return this.defs;
  }

  /** By group, version and plural resource name (a REST path). */
  lookup(group: string, version: string, plural: string): ResourceDef | undefined {
    return this.byPath.get(`${group ? `${group}/${version}` : version}/${plural}`);
  }

  /** By apiVersion (`apps/v1`, `v1`) and kind. */
  forKind(apiVersion: string, kind: string): ResourceDef | undefined {
    return this.byKind.get(`${apiVersion}/${kind}`);
  }

  byKey(key: string): ResourceDef | undefined {
    return this.defs.find((d) => resourceKey(d) === key);
  }

  /** Group versions served, in discovery order (legacy core first). */
  groupVersions(): { group: string; version: string }[] {
    const seen = new Set<string>();
    const out: { group: string; version: string }[] = [];
    for (const d of this.defs) {
      const gv = groupVersion(d);
      if (seen.has(gv)) continue;
      seen.add(gv);
      out.push({ group: d.group, version: d.version });
    }
    return out;
  }
}
