// What the API server knows about one kind: names for discovery, scope, storage strategy, printing.
// Adding a kind is one file that exports a ResourceDef (see registry/index.ts).

import type { KubeObject } from '../api/types';
import type { FieldError } from '../api/validation/field-errors';
import type { IndexDef } from '../store/store';
import type { TablePrinter } from '../printers/types';
import type { AdmissionContext } from './context';

export interface ScaleSubresource {
  /** Path of the replica count in spec and status, and of the selector used for status.selector. */
  specReplicasPath: string[];
  statusReplicasPath: string[];
  labelSelectorPath?: string[];
}

export interface ResourceDef<T extends KubeObject = KubeObject> {
  group: string;
  version: string;
  kind: string;
  /** Lower-case plural, the REST resource name. */
  plural: string;
  singular: string;
  shortNames?: string[];
  namespaced: boolean;
  categories?: string[];
  verbs: string[];
  /** Subresources served beside the main resource. */
  subresources?: {
    status?: boolean;
    scale?: ScaleSubresource;
    binding?: boolean;
    eviction?: boolean;
    log?: boolean;
    exec?: boolean;
    attach?: boolean;
    portforward?: boolean;
    finalize?: boolean;
    proxy?: boolean;
    ephemeralcontainers?: boolean;
    resize?: boolean;
    token?: boolean;
  };
  /** Whether metadata.generation is tracked (bumped on spec changes). */
  generation?: boolean;
  /** Deployments also bump generation on annotation changes (they are copied to ReplicaSets). */
  generationOnAnnotations?: boolean;
  /**
   * Kind-specific deletion (namespaces): return the object to store instead of deleting it (e.g. phase
   * Terminating), or undefined to continue with the generic path.
   */
  onDelete?: (old: T, ctx: AdmissionContext) => T | undefined;
  /** Secondary store indexes (pods by node, events by involved object, …). */
  indexes?: IndexDef[];
  /** Extra field selectors beyond metadata.name / metadata.namespace. */
  fields?: Record<string, (obj: T) => string | undefined>;
  /** Scheme defaulting, applied to every decoded object from a client (mutates a fresh copy). */
  defaults?: (obj: T) => void;
  /** Strategy PrepareForCreate: reset status, set initial values. */
  prepareForCreate?: (obj: T, ctx: AdmissionContext) => void;
  /** Strategy PrepareForUpdate: keep status on main-resource writes etc. (obj is a fresh copy). */
  prepareForUpdate?: (obj: T, old: T, ctx: AdmissionContext) => void;
  /** The kind's rule for metadata.name (DNS-1123 subdomain unless stated). */
  nameValidator?: (name: string, prefix: boolean) => string[];
  /** Validation on create (old undefined) and update. Metadata is validated generically. */
  validate?: (obj: T, old?: T) => FieldError[];
  /** Validation of status-subresource updates. */
  validateStatus?: (obj: T, old: T) => FieldError[];
  /** Server-side printing. */
  table?: TablePrinter<T>;
  /** Default propagation policy when a delete does not say (Background unless stated). */
  defaultPropagation?: 'Orphan' | 'Background' | 'Foreground';
  /** Graceful deletion: seconds to wait, or 0/undefined to delete at once. */
  gracePeriod?: (obj: T, requested: number | undefined) => number;
  /** Warnings returned on delete without a propagation policy (batch Jobs). */
  deleteWarning?: string;
  /** Whether create/update with an empty resourceVersion is unconditional (true for built-ins). */
  allowUnconditionalUpdate?: boolean;
  /** Create-only kinds whose answer is computed, never stored (SelfSubjectAccessReview, TokenReview). */
  virtualCreate?: (obj: T, ctx: AdmissionContext) => T;
  /** Whether clients may write this kind (read-only for computed kinds). */
  readOnly?: boolean;
  /**
   * A served version stored as another version's objects (autoscaling/v1 HPAs are autoscaling/v2 objects):
   * every read converts from storage, every write to it; defaulting and validation are the storage kind's.
   */
  conversion?: Conversion;
}

export interface Conversion {
  storage: ResourceDef;
  toStorage(obj: KubeObject): KubeObject;
  fromStorage(obj: KubeObject): KubeObject;
}

export function groupVersion(def: { group: string; version: string }): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

/** The resource key used by the store: `pods`, `deployments.apps`. */
export function resourceKey(def: { group: string; plural: string }): string {
  return def.group ? `${def.plural}.${def.group}` : def.plural;
}
