// Protobuf request bodies → the JSON Go would write: against bodies captured from the real kubectl (with
// `kubectl create … --dry-run=client -o json` as the expected JSON), and against hand-built messages for the
// special Go types.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs/light.js';
import { protobufDecoder, decodeProtobufBody } from '../../src/host/protobuf/index';
import { PROTOBUF_MAGIC } from '../../src/host/protobuf/decode';
import { formatGoDuration, formatMicroTime, formatTime } from '../../src/host/protobuf/go-json';
import type { ProtoBundle } from '../../src/host/protobuf/types';
import { StatusError } from '../../src/engine/api/errors';

interface Captured {
  command: string;
  body: string;
  expected: Record<string, unknown>;
}

const captured = JSON.parse(readFileSync(new URL('./fixtures/kubectl-protobuf-bodies.json', import.meta.url), 'utf8')) as Captured[];
const bundle = JSON.parse(readFileSync(new URL('../../src/host/protobuf/generated/k8s-proto.json', import.meta.url), 'utf8')) as ProtoBundle;
const root = protobuf.Root.fromJSON(bundle.descriptor as protobuf.INamespace);

/** A body as kubectl frames it: magic + runtime.Unknown{typeMeta, raw}. */
function envelope(apiVersion: string, kind: string, type: string, message: Record<string, unknown>): Uint8Array {
  const raw = root.lookupType(type).encode(message).finish();
  const unknown = root.lookupType('k8s.io.apimachinery.pkg.runtime.Unknown').encode({ typeMeta: { apiVersion, kind }, raw }).finish();
  return Buffer.concat([PROTOBUF_MAGIC, unknown]);
}

describe('bodies captured from kubectl 1.32', () => {
  it.each(captured.map((c) => [c.command, c] as const))('%s', (_cmd, c) => {
    const got = protobufDecoder().decode(Buffer.from(c.body, 'base64'));
    // Same keys in the same order as Go's encoding/json.
    expect(JSON.stringify(got)).toBe(JSON.stringify(c.expected));
  });
});

describe('Go JSON forms', () => {
  const decode = (apiVersion: string, kind: string, type: string, msg: Record<string, unknown>) => protobufDecoder().decode(envelope(apiVersion, kind, type, msg));

  it('drops omitempty zeros, keeps pointers and fields without omitempty', () => {
    const got = decode('apps/v1', 'Deployment', 'k8s.io.api.apps.v1.Deployment', {
      metadata: { name: 'd', namespace: '', generation: 0 },
      spec: {
        replicas: 0,
        minReadySeconds: 0,
        paused: false,
        template: { spec: { containers: [{ name: '', image: '', stdin: false, ports: [{ containerPort: 80, protocol: '' }] }] } },
      },
    });
    expect(got).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'd' },
      spec: { replicas: 0, template: { spec: { containers: [{ name: '', ports: [{ containerPort: 80 }] }] } } },
    });
  });

  it('IntOrString, Quantity, Time, MicroTime, Duration, bytes, maps, inline structs, renamed fields', () => {
    expect(
      decode('v1', 'Service', 'k8s.io.api.core.v1.Service', {
        metadata: { name: 's', creationTimestamp: { seconds: 1735689600 } },
        spec: { ports: [{ port: 80, targetPort: { type: 0, intVal: 0 } }, { port: 81, targetPort: { type: 1, strVal: 'http' } }] },
      }),
    ).toMatchObject({ metadata: { name: 's', creationTimestamp: '2025-01-01T00:00:00Z' }, spec: { ports: [{ port: 80, targetPort: 0 }, { port: 81, targetPort: 'http' }] } });
    expect(
      decode('v1', 'Pod', 'k8s.io.api.core.v1.Pod', {
        spec: {
          containers: [{ name: 'c', resources: { limits: { cpu: { string: '500m' }, memory: { string: '1Gi' } } } }],
          volumes: [{ name: 'v', volumeSource: { configMap: { localObjectReference: { name: 'cfg' }, defaultMode: 420 } } }],
        },
      }),
    ).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      spec: {
        containers: [{ name: 'c', resources: { limits: { cpu: '500m', memory: '1Gi' } } }],
        volumes: [{ name: 'v', configMap: { name: 'cfg', defaultMode: 420 } }],
      },
    });
    expect(decode('v1', 'Secret', 'k8s.io.api.core.v1.Secret', { data: { k: Buffer.from('hi'), e: Buffer.alloc(0) } })).toEqual({
      kind: 'Secret',
      apiVersion: 'v1',
      data: { k: 'aGk=', e: '' },
    });
    expect(
      decode('events.k8s.io/v1', 'Event', 'k8s.io.api.events.v1.Event', { eventTime: { seconds: 1735689600, nanos: 123456789 }, series: { count: 2, lastObservedTime: {} } }),
    ).toMatchObject({ eventTime: '2025-01-01T00:00:00.123456Z', series: { count: 2, lastObservedTime: null } });
    expect(
      decode('authentication.k8s.io/v1', 'TokenRequest', 'k8s.io.api.authentication.v1.TokenRequest', { spec: { boundObjectRef: { kind: 'Pod', uID: 'u-1' } } }),
    ).toMatchObject({ spec: { boundObjectRef: { kind: 'Pod', uid: 'u-1' } } });
  });

  it('RawExtension and FieldsV1 are embedded JSON; Verbs-like wrappers are arrays', () => {
    const got = decode('v1', 'Pod', 'k8s.io.api.core.v1.Pod', {
      metadata: { name: 'p', managedFields: [{ manager: 'm', fieldsType: 'FieldsV1', fieldsV1: { Raw: Buffer.from('{"f:spec":{}}') } }] },
    });
    expect(got.metadata).toEqual({ name: 'p', managedFields: [{ manager: 'm', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } }] });
    const review = decode('authorization.k8s.io/v1', 'SubjectAccessReview', 'k8s.io.api.authorization.v1.SubjectAccessReview', {
      spec: { user: 'alice', extra: { scopes: { items: ['a', 'b'] } } },
    });
    expect(review.spec).toEqual({ user: 'alice', extra: { scopes: ['a', 'b'] } });
  });

  it.each([
    [0, '0s'],
    [7, '7ns'],
    [1500, '1.5µs'],
    [300e6, '300ms'],
    [1.5e9, '1.5s'],
    [90e9, '1m30s'],
    [3600e9, '1h0m0s'],
    [-2e9, '-2s'],
  ])('Duration %d → %s', (nanos, text) => {
    expect(formatGoDuration(nanos)).toBe(text);
  });

  it('times', () => {
    expect(formatTime(1735689600)).toBe('2025-01-01T00:00:00Z');
    expect(formatMicroTime(1735689600, 5000)).toBe('2025-01-01T00:00:00.000005Z');
  });
});

describe('bad bodies are 400 Status errors', () => {
  it.each([
    ['no magic', Buffer.from('{"kind":"ConfigMap"}'), 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]'],
    ['truncated', Buffer.concat([PROTOBUF_MAGIC, Buffer.of(0x0a, 0x40, 0x01)]), /^unable to decode protobuf envelope/],
    ['no kind', Buffer.from(PROTOBUF_MAGIC), "Object 'Kind' is missing in protobuf envelope"],
    ['unknown kind', envelope('v1', 'Widget', 'k8s.io.api.core.v1.ConfigMap', {}), 'no kind "Widget" is registered for version "v1"'],
  ])('%s', (_name, bytes, message) => {
    let err: unknown;
    try {
      decodeProtobufBody(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StatusError);
    expect((err as StatusError).code).toBe(400);
    expect((err as StatusError).status.message).toMatch(message);
  });
});
