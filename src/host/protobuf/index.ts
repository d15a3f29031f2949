// Installs protobuf request-body decoding into the engine for `kubeplay serve` (the descriptor loads on
// the first protobuf body, so startup stays fast).

import { readFileSync } from 'node:fs';
import { setProtobufDecoder } from '../../engine/api/body';
import { badRequest } from '../../engine/api/errors';
import { K8sProtobufDecoder, ProtobufDecodeError } from './decode';
import type { ProtoBundle } from './types';

let decoder: K8sProtobufDecoder | undefined;

/** The decoder over the committed descriptor (generated/k8s-proto.json), built once. */
export function protobufDecoder(): K8sProtobufDecoder {
  if (!decoder) {
    const bundle = JSON.parse(readFileSync(new URL('./generated/k8s-proto.json', import.meta.url), 'utf8')) as ProtoBundle;
    decoder = new K8sProtobufDecoder(bundle);
  }
  return decoder;
}

/** Decodes a protobuf body as the engine expects: a JSON object, or a 400 Status error. */
export function decodeProtobufBody(bytes: Uint8Array): Record<string, unknown> {
  try {
    return protobufDecoder().decode(bytes);
  } catch (e) {
    if (e instanceof ProtobufDecodeError) throw badRequest(e.message);
    throw badRequest(`unable to decode protobuf body: ${(e as Error).message}`);
  }
}

export function installProtobufDecoder(): void {
  setProtobufDecoder(decodeProtobufBody);
}
