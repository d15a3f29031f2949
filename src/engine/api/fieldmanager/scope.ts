// What field management knows about one kind: its structural schema, its apiVersion, the Go zero value
// a create is compared against, and the fields each endpoint resets (status on the main resource, spec
// on /status) that writers never own through it.
// mirrors: apimachinery/pkg/util/managedfields/internal/typeconverter.go; registry strategies' GetResetFields

import type { ResourceDef } from '../../registry/types';
import type { KubeObject } from '../types';
import { definition, schemaFor } from '../../schema/index';
import type { Schema } from '../../schema/types';
import { kindAtom, type Atom } from './schema';

export interface Scope {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** `apps/v1`, `v1`. */
  readonly apiVersion: string;
  readonly atom: Atom;
  /** The kind's zero value (scope.Creater.New), frozen. */
  readonly zero: KubeObject;
  /** The field an endpoint resets: status on the main resource of kinds with /status, spec on /status. */
  resetField(subresource: string | undefined): string | undefined;
}

const scopes = new WeakMap<ResourceDef, Scope>();

export function scopeOf(def: ResourceDef): Scope {
  let s = scopes.get(def);
  if (!s) {
    s = makeScope(def);
    scopes.set(def, s);
  }
  return s;
}

function makeScope(def: ResourceDef): Scope {
  const apiVersion = def.group ? `${def.group}/${def.version}` : def.version;
  const hasStatus = !!def.subresources?.status;
  let zero: KubeObject | undefined;
  let atom: Atom | undefined;
  return {
    group: def.group,
    version: def.version,
    kind: def.kind,
    apiVersion,
    get atom() {
      return (atom ??= kindAtom(def.group, def.version, def.kind));
    },
    get zero() {
      return (zero ??= zeroObject(def.group, def.version, def.kind, apiVersion));
    },
    resetField: (sub) => (sub === 'status' ? 'spec' : sub === undefined && hasStatus ? 'status' : undefined),
  };
}

const REF = '#/components/schemas/';
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const zeros = new Map<string, Record<string, unknown>>();

function refName(s: Schema): string | undefined {
  const ref = s.$ref ?? (s.allOf?.length === 1 ? s.allOf[0].$ref : undefined);
  return ref?.startsWith(REF) ? ref.slice(REF.length) : undefined;
}

/**
 * A definition's Go zero value as the typed-to-structured conversion sees it: value (non-pointer) struct
 * fields — the ones openapi-gen gives `default: {}` — are empty objects, other fields without omitempty
 * (listed as required) are null; scalars are left out (they are leaves either way).
 */
function zeroOf(name: string, depth: number): Record<string, unknown> {
  const cached = zeros.get(name);
  if (cached) return cached;
  const out: Record<string, unknown> = {};
  // ObjectMeta.CreationTimestamp is a value metav1.Time: it marshals as null and is always there.
  if (name === OBJECT_META) out.creationTimestamp = null;
  const s = definition(name);
  if (s && depth < 12) {
    const required = new Set(s.required ?? []);
    for (const [prop, ps] of Object.entries(s.properties ?? {})) {
      const ref = refName(ps);
      const d = ps.default;
      if (ref && d !== null && typeof d === 'object' && !Array.isArray(d) && Object.keys(d).length === 0) {
        out[prop] = zeroOf(ref, depth + 1);
      } else if (required.has(prop) && (ref || ps.type === 'array' || ps.type === 'object')) {
        out[prop] = null;
      }
    }
  }
  Object.freeze(out);
  zeros.set(name, out);
  return out;
}

function zeroObject(group: string, version: string, kind: string, apiVersion: string): KubeObject {
  const s = schemaFor(group, version, kind);
  const body = s ? zeroOf(s.name, 0) : { metadata: {} };
  return Object.freeze({ ...body, apiVersion, kind }) as KubeObject;
}
