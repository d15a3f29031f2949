// Turns Kubernetes protobuf request bodies (`k8s\0` + runtime.Unknown{typeMeta, raw}) into the JSON object
// the same Go value would marshal to: omitempty zeros dropped, pointers kept, Time/IntOrString/Quantity/
// RawExtension in their JSON forms, []byte as base64.
// mirrors: staging/src/k8s.io/apimachinery/pkg/runtime/serializer/protobuf/protobuf.go (envelope)

import protobuf from 'protobufjs/light.js';
import type { ProtoBundle, FieldFacts, SpecialKind } from './types';
import { formatGoDuration, formatMicroTime, formatTime } from './go-json';

/** The 4-byte prefix of every Kubernetes protobuf payload. */
export const PROTOBUF_MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

export class ProtobufDecodeError extends Error {}

type Long = { low: number; high: number; unsigned: boolean; toNumber(): number };
type Message = Record<string, unknown>;

/** Go package of each API group in the descriptor (the part before `/` of apiVersion, by first label). */
function packageOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return `k8s.io.api.core.${apiVersion}`;
  const group = apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  if (group === 'meta.k8s.io') return `k8s.io.apimachinery.pkg.apis.meta.${version}`;
  return `k8s.io.api.${group.split('.')[0]}.${version}`;
}

export class K8sProtobufDecoder {
  private readonly root: protobuf.Root;
  private readonly unknown: protobuf.Type;
  private readonly special: Record<string, SpecialKind>;
  private readonly facts: Record<string, Record<string, FieldFacts>>;

  constructor(bundle: ProtoBundle) {
    this.root = protobuf.Root.fromJSON(bundle.descriptor as protobuf.INamespace);
    this.unknown = this.root.lookupType('k8s.io.apimachinery.pkg.runtime.Unknown');
    this.special = bundle.special;
    this.facts = bundle.fields;
  }

  /** Decodes a whole request body; throws ProtobufDecodeError for anything that is not a known object. */
  decode(bytes: Uint8Array): Record<string, unknown> {
    if (bytes.length < 4 || !PROTOBUF_MAGIC.every((b, i) => bytes[i] === b)) {
      throw new ProtobufDecodeError(`provided data does not appear to be a protobuf message, expected prefix [${[...PROTOBUF_MAGIC].join(' ')}]`);
    }
    let envelope: Message;
    try {
      envelope = this.unknown.decode(bytes.subarray(4)) as unknown as Message;
    } catch (e) {
      throw new ProtobufDecodeError(`unable to decode protobuf envelope: ${(e as Error).message}`);
    }
    const typeMeta = (envelope.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
    const { apiVersion, kind } = typeMeta;
    if (!apiVersion || !kind) throw new ProtobufDecodeError('Object \'Kind\' is missing in protobuf envelope');
    if (envelope.contentEncoding) throw new ProtobufDecodeError(`unsupported content encoding "${String(envelope.contentEncoding)}"`);
    const type = this.typeFor(apiVersion, kind);
    if (!type) throw new ProtobufDecodeError(`no kind "${kind}" is registered for version "${apiVersion}"`);
    let msg: Message;
    try {
      msg = type.decode((envelope.raw as Uint8Array | undefined) ?? new Uint8Array(0)) as unknown as Message;
    } catch (e) {
      throw new ProtobufDecodeError(`unable to decode ${kind}: ${(e as Error).message}`);
    }
    return { kind, apiVersion, ...this.message(type, msg) };
  }

  private typeFor(apiVersion: string, kind: string): protobuf.Type | undefined {
    for (const pkg of [packageOf(apiVersion), 'k8s.io.apimachinery.pkg.apis.meta.v1']) {
      const t = this.root.lookup(`${pkg}.${kind}`);
      if (t instanceof protobuf.Type) return t;
    }
    return undefined;
  }

  private message(type: protobuf.Type, msg: Message): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const facts = this.facts[type.fullName.slice(1)];
    for (const field of type.fieldsArray) {
      if (!Object.prototype.hasOwnProperty.call(msg, field.name)) continue;
      const raw = msg[field.name];
      const fact = facts?.[field.name];
      const name = fact?.json ?? field.name;
      if (field.map) {
        const entries = Object.entries(raw as Record<string, unknown>);
        if (entries.length === 0) continue;
        const m: Record<string, unknown> = {};
        for (const [k, v] of entries) m[k] = this.value(field, v);
        out[name] = m;
      } else if (field.repeated) {
        const list = raw as unknown[];
        if (list.length === 0) continue;
        out[name] = list.map((v) => this.value(field, v));
      } else if (field.resolvedType instanceof protobuf.Type) {
        const v = this.value(field, raw);
        if (fact?.inline && v && typeof v === 'object') Object.assign(out, v);
        else out[name] = v;
      } else {
        const v = this.scalar(field.type, raw);
        if (isZero(v) && !fact?.keepZero) continue;
        out[name] = v;
      }
    }
    return out;
  }

  private value(field: protobuf.Field, v: unknown): unknown {
    const t = field.resolvedType;
    if (t instanceof protobuf.Type) return this.convert(t, v as Message);
    return this.scalar(field.type, v);
  }

  private convert(type: protobuf.Type, msg: Message): unknown {
    const special = this.special[type.fullName.slice(1)];
    if (!special) return this.message(type, msg);
    switch (special) {
      case 'time': {
        const s = toNumber(msg.seconds);
        const n = toNumber(msg.nanos);
        return s === 0 && n === 0 ? null : formatTime(s);
      }
      case 'microtime': {
        const s = toNumber(msg.seconds);
        const n = toNumber(msg.nanos);
        return s === 0 && n === 0 ? null : formatMicroTime(s, n);
      }
      case 'duration':
        return formatGoDuration(toNumber(msg.duration));
      case 'intorstring':
        return toNumber(msg.type) === 1 ? String(msg.strVal ?? '') : toNumber(msg.intVal);
      case 'quantity':
        return String(msg.string ?? '') || '0';
      case 'stringslice':
        return [...((msg.items as string[] | undefined) ?? [])];
      case 'rawjson': {
        const bytes = (msg.raw ?? msg.Raw) as Uint8Array | undefined;
        if (!bytes || bytes.length === 0) return null;
        try {
          return JSON.parse(new TextDecoder().decode(bytes));
        } catch {
          throw new ProtobufDecodeError(`invalid JSON in ${type.name}`);
        }
      }
    }
  }

  private scalar(type: string, v: unknown): unknown {
    if (type === 'bytes') return Buffer.from(v as Uint8Array).toString('base64');
    if (typeof v === 'object' && v !== null && 'low' in v) return (v as Long).toNumber();
    return v;
  }
}

function toNumber(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'object' && 'low' in v) return (v as Long).toNumber();
  return Number(v);
}

function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === false;
}
