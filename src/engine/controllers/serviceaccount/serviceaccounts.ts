// Every namespace gets a "default" ServiceAccount and the kube-root-ca.crt ConfigMap (the
// serviceaccount controller and the root CA publisher).
// mirrors: pkg/controller/serviceaccount/serviceaccounts_controller.go, pkg/controller/certificates/rootcacertpublisher

import type { Namespace } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { Controller, type ControllerContext } from '../context';
import type { Client } from '../client';
import { StatusError } from '../../api/errors';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
export const CLUSTER_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIKUbQk4NPx4swDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
AxMKa3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNDEyMzAwMDAwMDBaMBUx
EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
AoIBAQDKa3ViZXBsYXkgc2ltdWxhdGVkIGNsdXN0ZXIgQ0EgLSBub3QgYSByZWFs
IGtleS4ga3ViZXBsYXkgc2ltdWxhdGVkIGNsdXN0ZXIgQ0EgLSBub3QgYSByZWFs
IGtleS4ga3ViZXBsYXkgc2ltdWxhdGVkIGNsdXN0ZXIgQ0EgLSBub3QgYSByZWFs
IGtleS4ga3ViZXBsYXkgc2ltdWxhdGVkIGNsdXN0ZXIgQ0EgLSBub3QgYSByZWFs
IGtleS4ga3ViZXBsYXkgc2ltdWxhdGVkIGNsdXN0ZXIgQ0EgLSBub3QgYSByZWFs
AgMBAAGjWTBXMA4GA1UdDwEB/wQEAwICpDAPBgNVHRMBAf8EBTADAQH/MB0GA1Ud
DgQWBBQa3ViZXBsYXlrdWJlcGxheWt1YmVwbDAVBgNVHREEDjAMggprdWJlcm5l
dGVzMA0GCSqGSIb3DQEBCwUAA4IBAQAia3ViZXBsYXkgc2ltdWxhdGVkIGNsdXN0
ZXIgQ0EgLSBub3QgYSByZWFsIGtleS4ga3ViZXBsYXkgc2ltdWxhdGVkIGNsdXN0
ZXIgQ0EgLSBub3QgYSByZWFsIGtleS4ga3ViZXBsYXkgc2ltdWxhdGVkIGNsdXN0
-----END CERTIFICATE-----
`;

export class ServiceAccountsController extends Controller {
  readonly name = 'serviceaccount';
  private readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:service-account-controller', 'kube-controller-manager');
  }

  start(): void {
    this.watch('namespaces', (e) => {
      if (e.type !== 'DELETED') this.queue.add(e.object.metadata!.name!);
    });
    this.watch('serviceaccounts', (e) => {
      if (e.type === 'DELETED' && e.object.metadata!.name === 'default') this.queue.add(e.object.metadata!.namespace!);
    });
    this.watch('configmaps', (e) => {
      if (e.object.metadata!.name === ROOT_CA_CONFIGMAP) this.queue.add(e.object.metadata!.namespace!);
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const n of this.client.list('namespaces')) yield n.metadata!.name!;
  }

  sync(ns: string): void {
    const nsObj = this.client.get<Namespace & KubeObject>('namespaces', undefined, ns);
    if (!nsObj || nsObj.metadata!.deletionTimestamp || nsObj.status?.phase === 'Terminating') return;
    const create = (resource: string, obj: KubeObject) => {
      try {
        this.client.create(resource, obj);
      } catch (e) {
        if (!(e instanceof StatusError && (e.code === 409 || e.code === 403 || e.code === 404))) throw e;
      }
    };
    if (!this.client.get('serviceaccounts', ns, 'default')) {
      create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
    }
    const cm = this.client.get('configmaps', ns, ROOT_CA_CONFIGMAP);
    const want = { 'ca.crt': CLUSTER_CA_PEM };
    const annotations = {
      'kubernetes.io/description':
        'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
    };
    if (!cm) {
      create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIGMAP, namespace: ns, annotations }, data: want });
    } else if ((cm.data as Record<string, string> | undefined)?.['ca.crt'] !== want['ca.crt']) {
      this.client.update('configmaps', { ...cm, data: want });
    }
  }
}
