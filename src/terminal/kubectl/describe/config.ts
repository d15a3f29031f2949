// `kubectl describe configmap|secret|serviceaccount`: data keys (values for config maps, sizes for
// secrets) and a service account's pull, mountable and token secrets.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (ConfigMapDescriber, describeSecret,
//          ServiceAccountDescriber, describeServiceAccount)

import type { ConfigMap, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/api/types';
import { decodeBase64Bytes, utf8Decode } from '../../../engine/util/base64';
import { compareGoStrings } from '../printers/gofmt';
import { describeEvents, describeString, LEVEL_0, printAnnotationsMultiline, printLabelsMultiline } from '../printers/index';
import { fetchEvents } from './events';
import type { Describer } from './types';
import { apiPath, listAll } from './util';

/** len() of a []byte the API sent base64-encoded. */
function byteLength(b64: string): number {
  return decodeBase64Bytes(b64)?.length ?? 0;
}

/** Keys in Go string order: upstream ranges over a Go map (random order); sorted is one of its orders. */
function keys(m: Record<string, string> | undefined): string[] {
  return Object.keys(m ?? {}).sort(compareGoStrings);
}

export const describeConfigMap: Describer = async (ctx, obj) => {
  const cm = obj as ConfigMap & KubeObject;
  const events = await fetchEvents(ctx, obj, 'ConfigMap', true);
  const m = cm.metadata ?? {};
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of keys(cm.data)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of keys(cm.binaryData)) w.write(LEVEL_0, `${k}: ${byteLength(cm.binaryData![k])} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(events, w, ctx.now);
  });
};

const SERVICE_ACCOUNT_TOKEN_TYPE = 'kubernetes.io/service-account-token';

export const describeSecret: Describer = async (_ctx, obj) => {
  const secret = obj as Secret & KubeObject;
  const m = secret.metadata ?? {};
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of keys(secret.data)) {
      const v = secret.data![k];
      // A service account token is shown in clear; everything else only by size.
      if (k === 'token' && secret.type === SERVICE_ACCOUNT_TOKEN_TYPE) w.write(LEVEL_0, `${k}:\t${utf8Decode(decodeBase64Bytes(v) ?? new Uint8Array())}\n`);
      else w.write(LEVEL_0, `${k}:\t${byteLength(v)} bytes\n`);
    }
  });
};

const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
const SA_UID_ANNOTATION = 'kubernetes.io/service-account.uid';

export const describeServiceAccount: Describer = async (ctx, obj) => {
  const sa = obj as ServiceAccount & KubeObject;
  const m = sa.metadata ?? {};
  const tokens: string[] = [];
  const missing = new Set<string>();
  // Errors are tolerated: the account is described with the secrets it names.
  const secrets = await listAll<Secret>(ctx, apiPath('v1', 'secrets', m.namespace));
  if (!secrets.error) {
    const existing = new Set<string>();
    for (const s of secrets.items) {
      const ann = s.metadata?.annotations ?? {};
      if (s.type === SERVICE_ACCOUNT_TOKEN_TYPE && (ann[SA_NAME_ANNOTATION] ?? '') === m.name && (ann[SA_UID_ANNOTATION] ?? '') === (m.uid ?? '')) tokens.push(s.metadata?.name ?? '');
      existing.add(s.metadata?.name ?? '');
    }
    for (const s of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) if (!existing.has(s.name ?? '')) missing.add(s.name ?? '');
  }
  const events = await fetchEvents(ctx, obj, 'ServiceAccount');
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    // The three headers are padded to one width and printed in sorted order.
    const sections: [string, string[]][] = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
      ['Tokens:            ', tokens],
    ];
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const n of names) {
        w.write(LEVEL_0, `${prefix}\t${n}${missing.has(n) ? ' (not found)' : ''}\n`);
        prefix = '                   ';
      }
    }
    if (events) describeEvents(events, w, ctx.now);
  });
};
