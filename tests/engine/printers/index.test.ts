import { describe, expect, it } from 'vitest';
import { defaultTablePrinter, tablePrinterFor, tablePrinterOrDefault } from '../../../src/engine/printers/index';
import type { TablePrinter } from '../../../src/engine/printers/index';
import { NOW } from './fixtures';

const NAME_DOC =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

/** Each printer's column names (upper-cased as kubectl shows them) with `*` marking -o wide columns. */
const EXPECTED_HEADERS: [string, string, string][] = [
  ['', 'pods', 'NAME READY STATUS RESTARTS AGE IP* NODE* NOMINATED_NODE* READINESS_GATES*'],
  ['', 'nodes', 'NAME STATUS ROLES AGE VERSION INTERNAL-IP* EXTERNAL-IP* OS-IMAGE* KERNEL-VERSION* CONTAINER-RUNTIME*'],
  ['', 'namespaces', 'NAME STATUS AGE'],
  ['', 'configmaps', 'NAME DATA AGE'],
  ['', 'secrets', 'NAME TYPE DATA AGE'],
  ['', 'serviceaccounts', 'NAME SECRETS AGE'],
  ['', 'services', 'NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR*'],
  ['', 'endpoints', 'NAME ENDPOINTS AGE'],
  ['', 'events', 'LAST_SEEN TYPE REASON OBJECT SUBOBJECT* SOURCE* MESSAGE FIRST_SEEN* COUNT* NAME*'],
  ['events.k8s.io', 'events', 'LAST_SEEN TYPE REASON OBJECT SUBOBJECT* SOURCE* MESSAGE FIRST_SEEN* COUNT* NAME*'],
  ['', 'persistentvolumes', 'NAME CAPACITY ACCESS_MODES RECLAIM_POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE VOLUMEMODE*'],
  ['', 'persistentvolumeclaims', 'NAME STATUS VOLUME CAPACITY ACCESS_MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE VOLUMEMODE*'],
  ['', 'resourcequotas', 'NAME REQUEST LIMIT AGE'],
  ['apps', 'deployments', 'NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS* IMAGES* SELECTOR*'],
  ['apps', 'replicasets', 'NAME DESIRED CURRENT READY AGE CONTAINERS* IMAGES* SELECTOR*'],
  ['apps', 'daemonsets', 'NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE_SELECTOR AGE CONTAINERS* IMAGES* SELECTOR*'],
  ['apps', 'statefulsets', 'NAME READY AGE CONTAINERS* IMAGES*'],
  ['apps', 'controllerrevisions', 'NAME CONTROLLER REVISION AGE'],
  ['batch', 'jobs', 'NAME STATUS COMPLETIONS DURATION AGE CONTAINERS* IMAGES* SELECTOR*'],
  ['batch', 'cronjobs', 'NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST_SCHEDULE AGE CONTAINERS* IMAGES* SELECTOR*'],
  ['autoscaling', 'horizontalpodautoscalers', 'NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE'],
  ['policy', 'poddisruptionbudgets', 'NAME MIN_AVAILABLE MAX_UNAVAILABLE ALLOWED_DISRUPTIONS AGE'],
  ['networking.k8s.io', 'ingresses', 'NAME CLASS HOSTS ADDRESS PORTS AGE'],
  ['networking.k8s.io', 'ingressclasses', 'NAME CONTROLLER PARAMETERS AGE'],
  ['networking.k8s.io', 'networkpolicies', 'NAME POD-SELECTOR AGE'],
  ['discovery.k8s.io', 'endpointslices', 'NAME ADDRESSTYPE PORTS ENDPOINTS AGE'],
  ['storage.k8s.io', 'storageclasses', 'NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE'],
  ['rbac.authorization.k8s.io', 'rolebindings', 'NAME ROLE AGE USERS* GROUPS* SERVICEACCOUNTS*'],
  ['rbac.authorization.k8s.io', 'clusterrolebindings', 'NAME ROLE AGE USERS* GROUPS* SERVICEACCOUNTS*'],
  ['scheduling.k8s.io', 'priorityclasses', 'NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY'],
  ['coordination.k8s.io', 'leases', 'NAME HOLDER AGE'],
  ['node.k8s.io', 'runtimeclasses', 'NAME HANDLER AGE'],
  ['', 'componentstatuses', 'NAME STATUS MESSAGE ERROR'],
  ['', 'replicationcontrollers', 'NAME DESIRED CURRENT READY AGE CONTAINERS* IMAGES* SELECTOR*'],
  ['', 'podtemplates', 'NAME CONTAINERS IMAGES POD_LABELS'],
  ['admissionregistration.k8s.io', 'mutatingwebhookconfigurations', 'NAME WEBHOOKS AGE'],
  ['admissionregistration.k8s.io', 'validatingwebhookconfigurations', 'NAME WEBHOOKS AGE'],
];

function headers(p: TablePrinter): string {
  return p.columns.map((c) => c.name.toUpperCase().replace(/ /g, '_') + (c.priority > 0 ? '*' : '')).join(' ');
}

describe('tablePrinterFor', () => {
  it.each(EXPECTED_HEADERS)('%s/%s', (group, resource, want) => {
    const p = tablePrinterFor(group, resource);
    expect(p).toBeDefined();
    expect(headers(p!)).toBe(want);
    // Every printer produces exactly one cell per column, even for an empty object.
    for (const row of p!.rows({ metadata: { name: 'x' } }, NOW)) expect(row).toHaveLength(p!.columns.length);
    for (const c of p!.columns) expect(Object.keys(c).sort()).toEqual(['description', 'format', 'name', 'priority', 'type']);
  });

  it('name columns carry format "name" and the ObjectMeta doc', () => {
    const name = tablePrinterFor('', 'pods')!.columns[0]!;
    expect(name).toEqual({ name: 'Name', type: 'string', format: 'name', description: NAME_DOC, priority: 0 });
  });

  it.each([
    ['rbac.authorization.k8s.io', 'roles'],
    ['rbac.authorization.k8s.io', 'clusterroles'],
    ['', 'limitranges'],
    ['apiextensions.k8s.io', 'customresourcedefinitions'],
  ])('%s/%s has no printer: the default table', (group, resource) => {
    expect(tablePrinterFor(group, resource)).toBeUndefined();
    expect(tablePrinterOrDefault(group, resource)).toBe(defaultTablePrinter);
  });
});

describe('defaultTablePrinter', () => {
  it('NAME and CREATED AT (a date, not an age)', () => {
    expect(defaultTablePrinter.columns.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Created At', 'date', '', 0],
    ]);
    expect(defaultTablePrinter.columns[1]!.description).toMatch(/^CreationTimestamp is a timestamp representing the server time/);
    expect(defaultTablePrinter.rows({ metadata: { name: 'admin', creationTimestamp: '2025-01-02T03:04:05Z' } }, NOW)).toEqual([
      ['admin', '2025-01-02T03:04:05Z'],
    ]);
  });
});
