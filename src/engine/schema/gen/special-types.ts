// apimachinery types whose JSON form is not their protobuf form (custom marshalling): their OpenAPI
// definitions as kube-openapi declares them, and the wrapper messages that stand for Go slices.
// mirrors: k8s.io/apimachinery OpenAPIDefinition / OpenAPISchemaType methods of these types. Build-time only.

import type { Schema } from '../types';

const META = 'k8s.io.apimachinery.pkg.apis.meta.v1.';

interface SpecialType {
  /** The definition body, without its description (taken from the proto comment). */
  schema: Schema;
}

/**
 * Keyed by fully-qualified proto name without the leading dot. All of them implement UnmarshalJSON, so
 * openapi-gen (since kube-openapi 2023) enforces no `default: {}` on fields of these types.
 */
export const CUSTOM_JSON_TYPES: Record<string, SpecialType> = {
  'k8s.io.apimachinery.pkg.api.resource.Quantity': { schema: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString': {
    schema: { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] },
  },
  [META + 'Time']: { schema: { type: 'string', format: 'date-time' } },
  [META + 'MicroTime']: { schema: { type: 'string', format: 'date-time' } },
  [META + 'Duration']: { schema: { type: 'string' } },
  [META + 'FieldsV1']: { schema: { type: 'object' } },
  'k8s.io.apimachinery.pkg.runtime.RawExtension': { schema: { type: 'object' } },
};

/** The same types by definition name. */
export const CUSTOM_JSON_DEFINITIONS: ReadonlySet<string> = new Set(
  Object.keys(CUSTOM_JSON_TYPES).map((fq) => 'io.k8s.' + fq.slice('k8s.io.'.length)),
);

/** Messages with no fields of their own in JSON: a plain object definition (meta/v1 Patch). */
export const OPAQUE_OBJECT_TYPES = new Set([META + 'Patch']);

/**
 * Embedded Go structs (`json:",inline"`): proto gives them a field, JSON spreads their fields into the
 * parent. Keyed by '<proto message>.<field>'.
 */
export const INLINE_FIELDS = new Set([
  ...['ConfigMapEnvSource', 'ConfigMapKeySelector', 'ConfigMapProjection', 'ConfigMapVolumeSource', 'SecretEnvSource',
    'SecretKeySelector', 'SecretProjection'].map((m) => `k8s.io.api.core.v1.${m}.localObjectReference`),
  'k8s.io.api.core.v1.EphemeralContainer.ephemeralContainerCommon',
  'k8s.io.api.core.v1.PersistentVolumeSpec.persistentVolumeSource',
  'k8s.io.api.core.v1.Probe.handler',
  'k8s.io.api.core.v1.Volume.volumeSource',
  'k8s.io.api.networking.v1.IngressRule.ingressRuleValue',
]);

/** Proto field names that are not the JSON name (go-to-protobuf lower-cased the Go name instead). */
export const JSON_NAME_OVERRIDES: Record<string, string> = {
  'k8s.io.api.networking.v1.IngressClassParametersReference.aPIGroup': 'apiGroup',
  'k8s.io.api.authentication.v1.BoundObjectReference.uID': 'uid',
};

/**
 * Fields that are `omitempty` in Go but carry no `+optional` marker, in the groups generated from proto
 * alone (core and apps take `required` from the upstream documents instead). Without this they would be
 * listed as required.
 */
export const OMITEMPTY_FIELDS = new Set([
  'k8s.io.api.batch.v1.JobStatus.ready',
  'k8s.io.api.storage.v1.CSIDriver.metadata',
  'k8s.io.api.storage.v1.CSINode.metadata',
  ...['reportingController', 'reportingInstance', 'action', 'reason', 'type'].map((f) => `k8s.io.api.events.v1.Event.${f}`),
  'k8s.io.api.discovery.v1.Endpoint.conditions',
  ...['name', 'protocol', 'port'].map((f) => `k8s.io.api.discovery.v1.EndpointPort.${f}`),
  'k8s.io.api.authentication.v1.SelfSubjectReview.status',
  'k8s.io.api.authorization.v1.SelfSubjectRulesReviewSpec.namespace',
]);

/** Proto wrappers of Go slice types (`+protobuf.nullable=true`): inlined as an array of their `items`. */
export function isSliceWrapper(comments: readonly string[]): boolean {
  return comments.some((l) => l.trim() === '+protobuf.nullable=true');
}
