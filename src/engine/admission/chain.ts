// The admission chain: mutating plugins run before validation, validating plugins after, in a fixed order.
// Each plugin is one file in this folder, named for the upstream plugin (DefaultTolerationSeconds, …).

import type { KubeObject } from '../api/types';
import type { ResourceDef } from '../registry/types';
import type { AdmissionContext } from '../registry/context';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

export interface AdmissionPlugin {
  name: string;
  /** Resource keys (`pods`, `deployments.apps`) the plugin handles; all when absent. */
  resources?: string[];
  /** Mutating phase: may change obj (a fresh, unfrozen copy). */
  admit?(op: Operation, def: ResourceDef, obj: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext): void;
  /** Validating phase: throws a StatusError to reject. */
  validate?(op: Operation, def: ResourceDef, obj: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext): void;
}

export class Admission {
  private plugins: AdmissionPlugin[] = [];

  register(...plugins: AdmissionPlugin[]): void {
    this.plugins.push(...plugins);
  }

  admit(op: Operation, def: ResourceDef, obj: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext): void {
    const key = def.group ? `${def.plural}.${def.group}` : def.plural;
    for (const p of this.plugins) if (p.admit && (!p.resources || p.resources.includes(key))) p.admit(op, def, obj, old, ctx);
  }

  validate(op: Operation, def: ResourceDef, obj: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext): void {
    const key = def.group ? `${def.plural}.${def.group}` : def.plural;
    for (const p of this.plugins) if (p.validate && (!p.resources || p.resources.includes(key))) p.validate(op, def, obj, old, ctx);
  }
}
