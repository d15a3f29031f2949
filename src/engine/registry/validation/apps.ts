// apps/v1 validation: Deployment, ReplicaSet, DaemonSet, StatefulSet (create and update), including
// the apps/v1 strategies' immutable selectors.
// mirrors: pkg/apis/apps/validation/validation.go; pkg/registry/apps/*/strategy.go ValidateUpdate (1.32)

import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { child, forbidden, invalid, notSupported, required, type FieldError } from '../../api/validation/field-errors';
import { goIntOrString, goLabelSelector, goRepr, goStringMap } from '../../api/validation/go-format';
import {
  deepEqual,
  selectorIsEmpty,
  selectorIsMalformed,
  selectorMatches,
  validateAnnotations,
  validateImmutableField,
  validateLabels,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from '../../api/validation/metadata';
import { isValidPercent, nameIsDNSLabel, nameIsDNSSubdomain } from '../../api/validation/names';
import { validatePodTemplateSpec } from './pod-spec';

type IntOrString = number | string;

const STS_MUTABLE_SPEC_FIELDS = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];

function percentValue(v: IntOrString | undefined): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length > 0) return undefined;
  return Number.parseInt(v.slice(0, -1), 10);
}

function intOrPercentValue(v: IntOrString | undefined): number {
  const p = percentValue(v);
  if (p !== undefined) return p;
  if (typeof v === 'number') return v;
  // IntValue() of a non-percent string: Atoi, 0 on failure.
  return typeof v === 'string' && /^[+-]?\d+$/.test(v) ? Number.parseInt(v, 10) : 0;
}

export function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, goIntOrString(v), m));
  return validateNonnegativeField(v ?? 0, path);
}

function isNotMoreThan100Percent(v: IntOrString | undefined, path: string): FieldError[] {
  const p = percentValue(v);
  return p !== undefined && p > 100 ? [invalid(path, goIntOrString(v), 'must not be greater than 100%')] : [];
}

/** Selector checks shared by Deployment and ReplicaSet (selector required, non-empty). */
function validateWorkloadSelector(sel: LabelSelector | undefined, path: string, kindWord: string): FieldError[] {
  if (!sel) return [required(path)];
  const errs = validateLabelSelector(sel, path);
  if (selectorIsEmpty(sel)) errs.push(invalid(path, goLabelSelector(sel), `empty selector is invalid for ${kindWord}`));
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet (also used by Deployment). */
function validateTemplateForReplicaSet(template: PodTemplateSpec | undefined, sel: LabelSelector | undefined, path: string, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!template) return [required(path)];
  // A nil selector selects nothing (and is not "empty"), so a missing selector also fails the match.
  if (!selectorIsEmpty(sel) || !sel) {
    if (!selectorMatches(sel, template.metadata?.labels)) {
      errs.push(invalid(child(path, 'metadata', 'labels'), goStringMap(template.metadata?.labels), '`selector` does not match template `labels`'));
    }
  }
  errs.push(...validatePodTemplateSpec(template, path));
  const rp = template.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported(child(path, 'spec', 'restartPolicy'), rp, ['Always']));
  if (template.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden(child(path, 'spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

function validateDeploymentSpec(d: Deployment): FieldError[] {
  const spec = d.spec ?? ({} as NonNullable<Deployment['spec']>);
  const errs = validateNonnegativeField(spec.replicas ?? 0, 'spec.replicas');
  errs.push(...validateWorkloadSelector(spec.selector, 'spec.selector', 'deployment'));
  if (selectorIsMalformed(spec.selector)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), 'invalid label selector'));
  else errs.push(...validateTemplateForReplicaSet(spec.template, spec.selector, 'spec.template', 'ReplicaSet'));
  const strategy = spec.strategy ?? {};
  switch (strategy.type) {
    case 'Recreate':
      if (strategy.rollingUpdate) errs.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
      break;
    case 'RollingUpdate': {
      const ru = strategy.rollingUpdate;
      if (!ru) {
        errs.push(required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil'));
        break;
      }
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge'));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalid('spec.strategy.rollingUpdate.maxUnavailable', goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
      }
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'));
      break;
    }
    default:
      errs.push(
        notSupported(
          'spec.strategy',
          goRepr(`apps.DeploymentStrategy{Type:"${strategy.type ?? ''}", RollingUpdate:${strategy.rollingUpdate ? '(*apps.RollingUpdateDeployment)(...)' : '(*apps.RollingUpdateDeployment)(nil)'}}`),
          ['Recreate', 'RollingUpdate'],
        ),
      );
  }
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, 'spec.minReadySeconds'));
  if (spec.revisionHistoryLimit != null) errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (spec.progressDeadlineSeconds != null) {
    errs.push(...validateNonnegativeField(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** validateDeployment: create when `old` is undefined, update otherwise (apps/v1: selector immutable). */
export function validateDeployment(d: Deployment, old?: Deployment): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(d.metadata, old.metadata) : validateObjectMeta(d.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateDeploymentSpec(d));
  if (old) errs.push(...validateImmutableField(d.spec?.selector, old.spec?.selector, 'spec.selector', goLabelSelector(d.spec?.selector)));
  return errs;
}

function validateReplicaSetSpec(rs: ReplicaSet): FieldError[] {
  const spec = rs.spec ?? ({} as NonNullable<ReplicaSet['spec']>);
  const errs = validateNonnegativeField(spec.replicas ?? 0, 'spec.replicas');
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, 'spec.minReadySeconds'));
  errs.push(...validateWorkloadSelector(spec.selector, 'spec.selector', 'deployment'));
  if (selectorIsMalformed(spec.selector)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), 'invalid label selector'));
  else errs.push(...validateTemplateForReplicaSet(spec.template, spec.selector, 'spec.template', 'ReplicaSet'));
  return errs;
}

export function validateReplicaSet(rs: ReplicaSet, old?: ReplicaSet): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(rs.metadata, old.metadata) : validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateReplicaSetSpec(rs));
  if (old) errs.push(...validateImmutableField(rs.spec?.selector, old.spec?.selector, 'spec.selector', goLabelSelector(rs.spec?.selector)));
  return errs;
}

function validateDaemonSetSpec(ds: DaemonSet): FieldError[] {
  const spec = ds.spec ?? ({} as NonNullable<DaemonSet['spec']>);
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  if (!selectorIsMalformed(spec.selector) && !(selectorIsEmpty(spec.selector) && spec.selector) && !selectorMatches(spec.selector, spec.template?.metadata?.labels)) {
    errs.push(invalid('spec.template.metadata.labels', goStringMap(spec.template?.metadata?.labels), '`selector` does not match template `labels`'));
  }
  if (spec.selector && selectorIsEmpty(spec.selector)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  const rp = spec.template?.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, 'spec.minReadySeconds'));
  const us = spec.updateStrategy ?? {};
  if (us.type === 'RollingUpdate') {
    const ru = us.rollingUpdate;
    if (!ru) errs.push(required('spec.updateStrategy.rollingUpdate'));
    else {
      const p = 'spec.updateStrategy.rollingUpdate';
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
      errs.push(...isNotMoreThan100Percent(ru.maxSurge, `${p}.maxSurge`));
      const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
      const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
      if (hasUnavailable && hasSurge) errs.push(invalid(`${p}.maxSurge`, goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
      else if (!hasUnavailable && !hasSurge) errs.push(required(`${p}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
    }
  } else if (us.type !== 'OnDelete') {
    errs.push(
      notSupported('spec.updateStrategy', goRepr(`apps.DaemonSetUpdateStrategy{Type:"${us.type ?? ''}", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}`), [
        'RollingUpdate',
        'OnDelete',
      ]),
    );
  }
  if (spec.revisionHistoryLimit != null) errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

export function validateDaemonSet(ds: DaemonSet, old?: DaemonSet): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(ds.metadata, old.metadata) : validateObjectMeta(ds.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateDaemonSetSpec(ds));
  if (old) errs.push(...validateImmutableField(ds.spec?.selector, old.spec?.selector, 'spec.selector', goLabelSelector(ds.spec?.selector)));
  return errs;
}

function validateStatefulSetSpec(sts: StatefulSet): FieldError[] {
  const spec = sts.spec ?? ({} as NonNullable<StatefulSet['spec']>);
  const errs: FieldError[] = [];
  const pmp = spec.podManagementPolicy ?? '';
  if (!pmp) errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us = spec.updateStrategy ?? {};
  switch (us.type ?? '') {
    case '':
      errs.push(required('spec.updateStrategy'));
      break;
    case 'OnDelete':
      if (us.rollingUpdate) {
        errs.push(invalid('spec.updateStrategy.rollingUpdate', goRepr('&apps.RollingUpdateStatefulSetStrategy{...}'), "only allowed for updateStrategy 'RollingUpdate'"));
      }
      break;
    case 'RollingUpdate':
      if (us.rollingUpdate) {
        errs.push(...validateNonnegativeField(us.rollingUpdate.partition ?? 0, 'spec.updateStrategy.rollingUpdate.partition'));
        const mu = us.rollingUpdate.maxUnavailable;
        if (mu !== undefined) {
          errs.push(...validatePositiveIntOrPercent(mu, 'spec.updateStrategy.rollingUpdate.maxUnavailable'));
          if (intOrPercentValue(mu) === 0) errs.push(invalid('spec.updateStrategy.rollingUpdate.maxUnavailable', goIntOrString(mu), 'cannot be 0'));
          errs.push(...isNotMoreThan100Percent(mu, 'spec.updateStrategy.rollingUpdate.maxUnavailable'));
        }
      }
      break;
    default:
      errs.push(invalid('spec.updateStrategy', goRepr(`apps.StatefulSetUpdateStrategy{Type:"${us.type}", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}`), "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  for (const f of ['whenDeleted', 'whenScaled'] as const) {
    const v = retention?.[f];
    if (retention && v !== 'Retain' && v !== 'Delete') errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v ?? '', ['Retain', 'Delete']));
  }
  errs.push(...validateNonnegativeField(spec.replicas ?? 0, 'spec.replicas'));
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, 'spec.minReadySeconds'));
  if (spec.ordinals) errs.push(...validateNonnegativeField(spec.ordinals.start ?? 0, 'spec.ordinals.start'));
  if (!spec.selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    if (selectorIsEmpty(spec.selector)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for statefulset'));
  }
  if (selectorIsMalformed(spec.selector)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), ''));
  else {
    const t = spec.template;
    if (!(spec.selector && selectorIsEmpty(spec.selector)) && !selectorMatches(spec.selector, t?.metadata?.labels)) {
      errs.push(invalid('spec.template.metadata.labels', goStringMap(t?.metadata?.labels), '`selector` does not match template `labels`'));
    }
    // StatefulSet templates only get label/annotation checks here (upstream leaves the PodSpec to the pods).
    errs.push(...validateLabels(t?.metadata?.labels, 'spec.template.labels'));
    errs.push(...validateAnnotations(t?.metadata?.annotations, 'spec.template.annotations'));
  }
  const rp = spec.template?.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

export function validateStatefulSet(sts: StatefulSet, old?: StatefulSet): FieldError[] {
  if (!old) {
    const errs = validateObjectMeta(sts.metadata, true, nameIsDNSLabel);
    return errs.concat(validateStatefulSetSpec(sts));
  }
  const errs = validateObjectMetaUpdate(sts.metadata, old.metadata);
  errs.push(...validateStatefulSetSpec(sts));
  const strip = (s: StatefulSet['spec']): Record<string, unknown> => {
    const o: Record<string, unknown> = { ...(s ?? {}) };
    for (const k of STS_MUTABLE_SPEC_FIELDS) delete o[k];
    return o;
  };
  if (!deepEqual(strip(sts.spec), strip(old.spec))) {
    errs.push(
      forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return errs;
}
