// Secrets as the API server stores them: write-only stringData merged into base64 data (stringData wins
// on a shared key) and dropped, before defaulting (type Opaque) and validation.
// mirrors: pkg/apis/core/v1/conversion.go (Convert_v1_Secret_To_core_Secret), pkg/apis/core/v1/defaults.go

import type { Secret } from 'kubernetes-types/core/v1';
import { encodeBase64 } from '../../util/base64';
import { defaultSecret } from '../defaults/core';

/** Decoding a v1 Secret: the internal type has no stringData, so it lands in data. */
export function mergeStringData(secret: Secret): void {
  const sd = secret.stringData;
  if (sd === undefined) return;
  if (sd && typeof sd === 'object' && Object.keys(sd).length) {
    const data: Record<string, string> = { ...(secret.data ?? {}) };
    for (const [k, v] of Object.entries(sd)) data[k] = encodeBase64(String(v));
    secret.data = data;
  }
  delete secret.stringData;
}

/** The Secret kind's defaults hook: conversion's merge, then scheme defaulting. */
export function secretDefaults(secret: Secret): void {
  mergeStringData(secret);
  defaultSecret(secret);
}
