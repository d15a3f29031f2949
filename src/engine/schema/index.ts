// One schema source for all built-in kinds: OpenAPI v3 definitions (generated from the v1.32 API), the
// documents served at /openapi/v3, strategic-merge-patch metadata and strict field checks.
// Synchronous after module load.

export type { GroupVersionKind, Schema, SchemaMap } from './types';
export { componentsFor, definition, groupVersions, resolveRef, schemaFor } from './registry';
export { patchMetaFor, patchMetaForDefinition } from './patch-meta';
export {
  checkFields, checkFieldsJson, fieldCheckMessage, strictErrorText,
  type DecodeError, type FieldCheckResult, type StrictFieldError,
} from './check-fields';
export {
  buildOpenApiDocument,
  type DocumentOptions, type OpenApiDocument, type OpenApiResource, type OpenApiSubresource,
} from './openapi/document';
export { contentHash, documentPath, openApiRoot, type OpenApiRoot } from './openapi/root';
