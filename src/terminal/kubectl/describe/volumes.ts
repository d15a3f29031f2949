// Volume sources as describe prints them, for pod Volumes sections and PersistentVolume Sources:
// one `Type:` line naming the plugin, then its fields (Go `%v` formatting of each value).
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (describeVolumes, print*VolumeSource)

import type { PersistentVolumeClaim, Volume } from 'kubernetes-types/core/v1';
import { compareGoStrings, utf8Length, utf8Prefix } from '../printers/gofmt';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, newNestedPrefixWriter, type PrefixWriter } from '../printers/index';
import { printPersistentVolumeClaim } from './pvc-common';
import { goList, goMap, quantityOf } from './util';

type Src = Record<string, unknown>;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const bool = (v: unknown): string => (v === true ? 'true' : 'false');
const num = (v: unknown): string => (typeof v === 'number' ? String(v) : '0');

/** `%v` of a *LocalObjectReference / *SecretReference: its generated String(), or nil. */
function refString(ref: unknown, type: 'LocalObjectReference' | 'SecretReference'): string {
  if (!ref || typeof ref !== 'object') return 'nil';
  const r = ref as { name?: string; namespace?: string };
  return type === 'LocalObjectReference' ? `&LocalObjectReference{Name:${str(r.name)},}` : `&SecretReference{Name:${str(r.name)},Namespace:${str(r.namespace)},}`;
}

/** `%v` of a *bool: `<nil>` when unset (upstream prints the pointer's address when set). */
function boolPtr(v: unknown): string {
  return v === undefined || v === null ? '<nil>' : bool(v);
}

/** Writes one volume type block: the Type line at level 2, then `    Field:\tvalue` lines. */
function block(w: PrefixWriter, type: string, fields: [string, string][]): void {
  w.write(LEVEL_2, `Type:\t${type}\n` + fields.map(([k, v]) => `    ${k}\t${v}\n`).join(''));
}

export function printHostPath(s: Src, w: PrefixWriter): void {
  block(w, 'HostPath (bare host directory volume)', [['Path:', str(s.path)], ['HostPathType:', s.type === undefined || s.type === null ? '<none>' : str(s.type)]]);
}

function printEmptyDir(s: Src, w: PrefixWriter): void {
  const limit = s.sizeLimit === undefined || s.sizeLimit === null ? undefined : quantityOf({ q: str(s.sizeLimit) }, 'q');
  block(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [['Medium:', str(s.medium)], ['SizeLimit:', limit && limit.sign() > 0 ? limit.toString() : '<unset>']]);
}

export function printGCEPersistentDisk(s: Src, w: PrefixWriter): void {
  block(w, 'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)', [['PDName:', str(s.pdName)], ['FSType:', str(s.fsType)], ['Partition:', num(s.partition)], ['ReadOnly:', bool(s.readOnly)]]);
}

export function printAWSElasticBlockStore(s: Src, w: PrefixWriter): void {
  block(w, 'AWSElasticBlockStore (a Persistent Disk resource in AWS)', [['VolumeID:', str(s.volumeID)], ['FSType:', str(s.fsType)], ['Partition:', num(s.partition)], ['ReadOnly:', bool(s.readOnly)]]);
}

export function printNFS(s: Src, w: PrefixWriter): void {
  block(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [['Server:', str(s.server)], ['Path:', str(s.path)], ['ReadOnly:', bool(s.readOnly)]]);
}

export function printQuobyte(s: Src, w: PrefixWriter): void {
  block(w, "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", [['Registry:', str(s.registry)], ['Volume:', str(s.volume)], ['ReadOnly:', bool(s.readOnly)]]);
}

export function printPortworx(s: Src, w: PrefixWriter): void {
  block(w, 'PortworxVolume (a Portworx Volume resource)', [['VolumeID:', str(s.volumeID)]]);
}

export function printISCSI(s: Src, w: PrefixWriter, persistent: boolean): void {
  block(w, "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)", [
    ['TargetPortal:', str(s.targetPortal)],
    ['IQN:', str(s.iqn)],
    ['Lun:', num(s.lun)],
    ['ISCSIInterface', str(s.iscsiInterface)],
    ['FSType:', str(s.fsType)],
    ['ReadOnly:', bool(s.readOnly)],
    ['Portals:', goList(s.portals as string[] | undefined)],
    ['DiscoveryCHAPAuth:', bool(s.chapAuthDiscovery)],
    ['SessionCHAPAuth:', bool(s.chapAuthSession)],
    ['SecretRef:', refString(s.secretRef, persistent ? 'SecretReference' : 'LocalObjectReference')],
    ['InitiatorName:', s.initiatorName === undefined || s.initiatorName === null ? '<none>' : str(s.initiatorName)],
  ]);
}

export function printGlusterfs(s: Src, w: PrefixWriter, persistent: boolean): void {
  const fields: [string, string][] = [['EndpointsName:', str(s.endpoints)]];
  if (persistent) fields.push(['EndpointsNamespace:', s.endpointsNamespace === undefined || s.endpointsNamespace === null ? '<unset>' : str(s.endpointsNamespace)]);
  fields.push(['Path:', str(s.path)], ['ReadOnly:', bool(s.readOnly)]);
  block(w, "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", fields);
}

export function printRBD(s: Src, w: PrefixWriter, persistent: boolean): void {
  block(w, "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", [
    ['CephMonitors:', goList(s.monitors as string[] | undefined)],
    ['RBDImage:', str(s.image)],
    ['FSType:', str(s.fsType)],
    ['RBDPool:', str(s.pool)],
    ['RadosUser:', str(s.user)],
    ['Keyring:', str(s.keyring)],
    ['SecretRef:', refString(s.secretRef, persistent ? 'SecretReference' : 'LocalObjectReference')],
    ['ReadOnly:', bool(s.readOnly)],
  ]);
}

function printDownwardAPI(s: Src, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
  for (const item of (s.items as Src[] | undefined) ?? []) {
    const fieldRef = item.fieldRef as Src | undefined;
    const resourceFieldRef = item.resourceFieldRef as Src | undefined;
    if (fieldRef) w.write(LEVEL_3, `${str(fieldRef.fieldPath)} -> ${str(item.path)}\n`);
    if (resourceFieldRef) w.write(LEVEL_3, `${str(resourceFieldRef.resource)} -> ${str(item.path)}\n`);
  }
}

export function printAzureDisk(s: Src, w: PrefixWriter): void {
  // Upstream dereferences the defaulted pointers.
  block(w, 'AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)', [
    ['DiskName:', str(s.diskName)],
    ['DiskURI:', str(s.diskURI)],
    ['Kind: ', str(s.kind ?? 'Shared')],
    ['FSType:', str(s.fsType ?? 'ext4')],
    ['CachingMode:', str(s.cachingMode ?? 'ReadWrite')],
    ['ReadOnly:', bool(s.readOnly)],
  ]);
}

export function printVsphere(s: Src, w: PrefixWriter): void {
  block(w, 'vSphereVolume (a Persistent Disk resource in vSphere)', [['VolumePath:', str(s.volumePath)], ['FSType:', str(s.fsType)], ['StoragePolicyName:', str(s.storagePolicyName)]]);
}

export function printPhoton(s: Src, w: PrefixWriter): void {
  block(w, 'PhotonPersistentDisk (a Persistent Disk resource in photon platform)', [['PdID:', str(s.pdID)], ['FSType:', str(s.fsType)]]);
}

export function printCinder(s: Src, w: PrefixWriter, persistent: boolean): void {
  block(w, 'Cinder (a Persistent Disk resource in OpenStack)', [['VolumeID:', str(s.volumeID)], ['FSType:', str(s.fsType)], ['ReadOnly:', bool(s.readOnly)], ['SecretRef:', refString(s.secretRef, persistent ? 'SecretReference' : 'LocalObjectReference')]]);
}

export function printScaleIO(s: Src, w: PrefixWriter, persistent: boolean): void {
  const secret = (s.secretRef as Src | undefined) ?? {};
  const fields: [string, string][] = [
    ['Gateway:', str(s.gateway)],
    ['System:', str(s.system)],
    ['Protection Domain:', str(s.protectionDomain)],
    ['Storage Pool:', str(s.storagePool)],
    ['Storage Mode:', str(s.storageMode)],
    ['VolumeName:', str(s.volumeName)],
  ];
  if (persistent) fields.push(['SecretName:', str(secret.name)], ['SecretNamespace:', str(secret.namespace)]);
  fields.push(['FSType:', str(s.fsType)], ['ReadOnly:', bool(s.readOnly)]);
  block(w, 'ScaleIO (a persistent volume backed by a block device in ScaleIO)', fields);
}

export function printLocal(s: Src, w: PrefixWriter): void {
  block(w, 'LocalVolume (a persistent volume backed by local storage on a node)', [['Path:', str(s.path)]]);
}

export function printCephFS(s: Src, w: PrefixWriter, persistent: boolean): void {
  block(w, "CephFS (a CephFS mount on the host that shares a pod's lifetime)", [
    ['Monitors:', goList(s.monitors as string[] | undefined)],
    ['Path:', str(s.path)],
    ['User:', str(s.user)],
    ['SecretFile:', str(s.secretFile)],
    ['SecretRef:', refString(s.secretRef, persistent ? 'SecretReference' : 'LocalObjectReference')],
    ['ReadOnly:', bool(s.readOnly)],
  ]);
}

export function printStorageOS(s: Src, w: PrefixWriter): void {
  block(w, 'StorageOS (a StorageOS Persistent Disk resource)', [['VolumeName:', str(s.volumeName)], ['VolumeNamespace:', str(s.volumeNamespace)], ['FSType:', str(s.fsType)], ['ReadOnly:', bool(s.readOnly)]]);
}

export function printFC(s: Src, w: PrefixWriter): void {
  const lun = s.lun === undefined || s.lun === null ? '<none>' : String(s.lun);
  block(w, 'FC (a Fibre Channel disk)', [['TargetWWNs:', ((s.targetWWNs as string[] | undefined) ?? []).join(', ')], ['LUN:', lun], ['FSType:', str(s.fsType)], ['ReadOnly:', bool(s.readOnly)]]);
}

export function printAzureFile(s: Src, w: PrefixWriter, persistent: boolean): void {
  const fields: [string, string][] = [['SecretName:', str(s.secretName)]];
  if (persistent) fields.push(['SecretNamespace:', str(s.secretNamespace)]);
  fields.push(['ShareName:', str(s.shareName)], ['ReadOnly:', bool(s.readOnly)]);
  block(w, 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)', fields);
}

export function printFlex(s: Src, w: PrefixWriter, persistent: boolean): void {
  block(w, 'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)', [
    ['Driver:', str(s.driver)],
    ['FSType:', str(s.fsType)],
    ['SecretRef:', refString(s.secretRef, persistent ? 'SecretReference' : 'LocalObjectReference')],
    ['ReadOnly:', bool(s.readOnly)],
    ['Options:', goMap(s.options as Record<string, string> | undefined)],
  ]);
}

export function printFlocker(s: Src, w: PrefixWriter): void {
  block(w, 'Flocker (a Flocker volume mounted by the Flocker agent)', [['DatasetName:', str(s.datasetName)], ['DatasetUUID:', str(s.datasetUUID)]]);
}

const MAX_ATTRIBUTE_LINE = 140;

/** printCSIPersistentVolumeAttributesMultilineIndent: every write is at level 2, hence the odd indent. */
function printCSIAttributes(w: PrefixWriter, attributes: Record<string, string> | undefined): void {
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const keys = Object.keys(attributes ?? {}).sort(compareGoStrings);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${k}=${attributes![k]}`;
    w.write(LEVEL_2, utf8Length(line) > MAX_ATTRIBUTE_LINE ? `${utf8Prefix(line, MAX_ATTRIBUTE_LINE)}...\n` : `${line}\n`);
  });
}

function printCSI(s: Src, w: PrefixWriter): void {
  block(w, 'CSI (a Container Storage Interface (CSI) volume source)', [['Driver:', str(s.driver)], ['FSType:', str(s.fsType)], ['ReadOnly:', bool(s.readOnly)]]);
  printCSIAttributes(w, s.volumeAttributes as Record<string, string> | undefined);
}

export function printCSIPersistent(s: Src, w: PrefixWriter): void {
  block(w, 'CSI (a Container Storage Interface (CSI) volume source)', [['Driver:', str(s.driver)], ['FSType:', str(s.fsType)], ['VolumeHandle:', str(s.volumeHandle)], ['ReadOnly:', bool(s.readOnly)]]);
  printCSIAttributes(w, s.volumeAttributes as Record<string, string> | undefined);
}

function printProjected(s: Src, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of (s.sources as Src[] | undefined) ?? []) {
    const secret = source.secret as Src | undefined;
    const configMap = source.configMap as Src | undefined;
    const token = source.serviceAccountToken as Src | undefined;
    if (secret) w.write(LEVEL_2, `SecretName:\t${str(secret.name)}\n    SecretOptionalName:\t${boolPtr(secret.optional)}\n`);
    else if (source.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    else if (configMap) w.write(LEVEL_2, `ConfigMapName:\t${str(configMap.name)}\n    ConfigMapOptional:\t${boolPtr(configMap.optional)}\n`);
    else if (token) w.write(LEVEL_2, `TokenExpirationSeconds:\t${num(token.expirationSeconds ?? 3600)}\n`);
  }
}

function printEphemeral(s: Src, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  const tpl = s.volumeClaimTemplate as { metadata?: PersistentVolumeClaim['metadata']; spec?: PersistentVolumeClaim['spec'] } | undefined;
  if (tpl) printPersistentVolumeClaim(newNestedPrefixWriter(w, LEVEL_2), { metadata: tpl.metadata ?? {}, spec: tpl.spec ?? {} }, false);
}

/** The sources a Volume can have, in the order upstream tests them. */
const VOLUME_PRINTERS: [string, (s: Src, w: PrefixWriter) => void][] = [
  ['hostPath', printHostPath],
  ['emptyDir', printEmptyDir],
  ['gcePersistentDisk', printGCEPersistentDisk],
  ['awsElasticBlockStore', printAWSElasticBlockStore],
  ['gitRepo', (s, w) => block(w, 'GitRepo (a volume that is pulled from git when the pod is created)', [['Repository:', str(s.repository)], ['Revision:', str(s.revision)]])],
  ['secret', (s, w) => block(w, 'Secret (a volume populated by a Secret)', [['SecretName:', str(s.secretName)], ['Optional:', bool(s.optional)]])],
  ['configMap', (s, w) => block(w, 'ConfigMap (a volume populated by a ConfigMap)', [['Name:', str(s.name)], ['Optional:', bool(s.optional)]])],
  ['nfs', printNFS],
  ['iscsi', (s, w) => printISCSI(s, w, false)],
  ['glusterfs', (s, w) => printGlusterfs(s, w, false)],
  ['persistentVolumeClaim', (s, w) => block(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [['ClaimName:', str(s.claimName)], ['ReadOnly:', bool(s.readOnly)]])],
  ['ephemeral', printEphemeral],
  ['rbd', (s, w) => printRBD(s, w, false)],
  ['quobyte', printQuobyte],
  ['downwardAPI', printDownwardAPI],
  ['azureDisk', printAzureDisk],
  ['vsphereVolume', printVsphere],
  ['cinder', (s, w) => printCinder(s, w, false)],
  ['photonPersistentDisk', printPhoton],
  ['portworxVolume', printPortworx],
  ['scaleIO', (s, w) => printScaleIO(s, w, false)],
  ['cephfs', (s, w) => printCephFS(s, w, false)],
  ['storageos', printStorageOS],
  ['fc', printFC],
  ['azureFile', (s, w) => printAzureFile(s, w, false)],
  ['flexVolume', (s, w) => printFlex(s, w, false)],
  ['flocker', printFlocker],
  ['projected', printProjected],
  ['csi', printCSI],
  ['image', (s, w) => block(w, 'Image (a container image or OCI artifact)', [['Reference:', str(s.reference)], ['PullPolicy:', str(s.pullPolicy)]])],
];

/** describeVolumes: each volume's name, then its source block; `space` indents pod templates. */
export function describeVolumes(volumes: readonly Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    const src = v as unknown as Src;
    const printer = VOLUME_PRINTERS.find(([field]) => src[field] !== undefined && src[field] !== null);
    if (printer) printer[1](src[printer[0]] as Src, w);
    else w.write(LEVEL_1, '<unknown>\n');
  }
}
