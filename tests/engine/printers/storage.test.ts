import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { persistentVolumePrinter } from '../../../src/engine/printers/persistentvolume';
import { persistentVolumeClaimPrinter } from '../../../src/engine/printers/persistentvolumeclaim';
import { storageClassPrinter } from '../../../src/engine/printers/storageclass';
import { NOW, ago, m } from './fixtures';

const claimRef = { name: 'test', namespace: 'default' };

// Columns: NAME CAPACITY ACCESS-MODES RECLAIM-POLICY STATUS CLAIM STORAGECLASS VAC REASON AGE VOLUMEMODE
describe('persistent volumes (upstream TestPrintPersistentVolume)', () => {
  const pv = (name: string, spec: PersistentVolume['spec'], phase: string, meta: PersistentVolume['metadata'] = {}): PersistentVolume => ({
    metadata: { name, ...meta },
    spec,
    status: { phase },
  });
  const cases: [string, PersistentVolume, unknown[]][] = [
    ['bound', pv('test1', { claimRef, accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } }, 'Bound'), ['test1', '4Gi', 'ROX', '', 'Bound', 'default/test', '', '<unset>', '', '<unknown>', '<unset>']],
    ['failed', pv('test2', { claimRef, accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } }, 'Failed'), ['test2', '4Gi', 'ROX', '', 'Failed', 'default/test', '', '<unset>', '', '<unknown>', '<unset>']],
    [
      'storage class and volume attributes class',
      pv('test4', { claimRef, storageClassName: 'my-scn', volumeAttributesClassName: 'my-vacn', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } }, 'Pending'),
      ['test4', '10Gi', 'RWO', '', 'Pending', 'default/test', 'my-scn', 'my-vacn', '', '<unknown>', '<unset>'],
    ],
    [
      'access modes in fixed order, duplicates once; capacity canonical; terminating; beta class annotation wins',
      pv(
        'pv9',
        {
          accessModes: ['ReadWriteOncePod', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'],
          capacity: { storage: '1024Mi' },
          persistentVolumeReclaimPolicy: 'Retain',
          storageClassName: 'standard',
          volumeMode: 'Filesystem',
        },
        'Released',
        { deletionTimestamp: ago(1000), creationTimestamp: ago(m(7)), annotations: { 'volume.beta.kubernetes.io/storage-class': 'old' } },
      ),
      ['pv9', '1Gi', 'RWO,RWX,RWOP', 'Retain', 'Terminating', '', 'old', '<unset>', '', '7m', 'Filesystem'],
    ],
    ['no capacity prints 0', pv('empty', {}, 'Available'), ['empty', '0', '', '', 'Available', '', '', '<unset>', '', '<unknown>', '<unset>']],
  ];
  it.each(cases)('%s', (_n, v, want) => {
    expect(persistentVolumePrinter.rows(v, NOW)).toEqual([want]);
  });
});

// Columns: NAME STATUS VOLUME CAPACITY ACCESS-MODES STORAGECLASS VAC AGE VOLUMEMODE
describe('persistent volume claims (upstream TestPrintPersistentVolumeClaim)', () => {
  const pvc = (name: string, spec: PersistentVolumeClaim['spec'], status: PersistentVolumeClaim['status'], meta = {}): PersistentVolumeClaim => ({
    metadata: { name, ...meta },
    spec,
    status,
  });
  const cases: [string, PersistentVolumeClaim, unknown[]][] = [
    [
      'bound',
      pvc('test1', { volumeName: 'my-volume', volumeMode: 'Filesystem' }, { phase: 'Bound', accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } }),
      ['test1', 'Bound', 'my-volume', '4Gi', 'ROX', '', '<unset>', '<unknown>', 'Filesystem'],
    ],
    [
      'no volume: capacity and access modes blank',
      pvc('test2', { volumeMode: 'Filesystem' }, { phase: 'Lost', accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } }),
      ['test2', 'Lost', '', '', '', '', '<unset>', '<unknown>', 'Filesystem'],
    ],
    [
      'storage class',
      pvc('test4', { volumeName: 'my-volume', storageClassName: 'my-scn', volumeMode: 'Filesystem' }, { phase: 'Pending', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } }),
      ['test4', 'Pending', 'my-volume', '10Gi', 'RWO', 'my-scn', '<unset>', '<unknown>', 'Filesystem'],
    ],
    [
      'volume attributes class, no volume mode',
      pvc('test5', { volumeName: 'my-volume', storageClassName: 'my-scn', volumeAttributesClassName: 'my-vacn' }, { phase: 'Pending', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } }),
      ['test5', 'Pending', 'my-volume', '10Gi', 'RWO', 'my-scn', 'my-vacn', '<unknown>', '<unset>'],
    ],
    [
      'terminating',
      pvc('gone', { volumeName: 'v', storageClassName: 'standard' }, { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } }, { deletionTimestamp: ago(1) }),
      ['gone', 'Terminating', 'v', '1Gi', 'RWO', 'standard', '<unset>', '<unknown>', '<unset>'],
    ],
  ];
  it.each(cases)('%s', (_n, c, want) => {
    expect(persistentVolumeClaimPrinter.rows(c, NOW)).toEqual([want]);
  });
});

describe('storage classes (upstream TestPrintStorageClass)', () => {
  const cases: [string, StorageClass, unknown[]][] = [
    ['defaults', { metadata: { name: 'sc1', creationTimestamp: ago(-1900) }, provisioner: 'kubernetes.io/glusterfs' }, ['sc1', 'kubernetes.io/glusterfs', 'Delete', 'Immediate', false, '0s']],
    [
      'explicit values',
      {
        metadata: { name: 'sc6', creationTimestamp: ago(m(5)) },
        provisioner: 'kubernetes.io/nfs',
        reclaimPolicy: 'Retain',
        allowVolumeExpansion: true,
        volumeBindingMode: 'WaitForFirstConsumer',
      },
      ['sc6', 'kubernetes.io/nfs', 'Retain', 'WaitForFirstConsumer', true, '5m'],
    ],
    [
      'the default class',
      {
        metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
        provisioner: 'rancher.io/local-path',
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'WaitForFirstConsumer',
      },
      ['standard (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '<unknown>'],
    ],
    [
      'beta default annotation; "false" is not default',
      { metadata: { name: 'b', annotations: { 'storageclass.beta.kubernetes.io/is-default-class': 'true' } }, provisioner: 'p' },
      ['b (default)', 'p', 'Delete', 'Immediate', false, '<unknown>'],
    ],
    [
      'not default',
      { metadata: { name: 'c', annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' } }, provisioner: 'p' },
      ['c', 'p', 'Delete', 'Immediate', false, '<unknown>'],
    ],
  ];
  it.each(cases)('%s', (_n, sc, want) => {
    expect(storageClassPrinter.rows(sc, NOW)).toEqual([want]);
  });
});
