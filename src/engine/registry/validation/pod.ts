// Pod and PodTemplate validation on create and update, including the update rules
// ("pod updates may not change fields other than ...").
// mirrors: pkg/apis/core/validation/validation.go validatePodMetadataAndSpec/ValidatePodCreate/
//          ValidatePodUpdate (1.32)

import type { Container, Pod, PodSpec, PodTemplate, Toleration } from 'kubernetes-types/core/v1';
import { child, forbidden, index, invalid, required, type FieldError } from '../../api/validation/field-errors';
import { deepEqual, validateObjectMeta, validateObjectMetaUpdate } from '../../api/validation/metadata';
import { inclusiveRangeError, nameIsDNSSubdomain } from '../../api/validation/names';
import { validateContainersOnlyForPod } from './containers';
import { podSpecDiff } from './pod-diff';
import { validatePodSpec, validatePodTemplateSpec } from './pod-spec';

const MAX_INT32 = 2147483647;

export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function validatePodMetadataAndSpec(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  const ann = pod.metadata?.annotations ?? {};
  const mirror = ann['kubernetes.io/config.mirror'];
  if (mirror !== undefined && !pod.spec?.nodeName) {
    errs.push(invalid('metadata.annotations[kubernetes.io/config.mirror]', mirror, 'must set spec.nodeName if mirror pod annotation is set'));
  }
  const cost = ann['controller.kubernetes.io/pod-deletion-cost'];
  if (cost !== undefined && !(/^[+-]?\d+$/.test(cost) && Math.abs(Number(cost)) <= MAX_INT32 + (cost.startsWith('-') ? 1 : 0))) {
    errs.push(invalid('metadata.annotations[controller.kubernetes.io/pod-deletion-cost]', cost, 'must be a 32bit integer'));
  }
  errs.push(...validatePodSpec(pod.spec, pod.metadata, 'spec', { resourceIsPod: true }));
  if (!pod.spec?.serviceAccountName) {
    (pod.spec?.volumes ?? []).forEach((v, vi) => {
      (v.projected?.sources ?? []).forEach((s, si) => {
        if (s.serviceAccountToken) {
          errs.push(
            forbidden(
              `spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`,
              'must not be specified when serviceAccountName is not set',
            ),
          );
        }
      });
    });
  }
  errs.push(...validateContainersOnlyForPod(pod.spec?.containers, 'spec.containers'));
  errs.push(...validateContainersOnlyForPod(pod.spec?.initContainers, 'spec.initContainers'));
  return errs;
}

function validateContainerUpdates(next: Container[] | undefined, prev: Container[] | undefined, path: string): { errs: FieldError[]; stop: boolean } {
  const n = next ?? [];
  if (n.length !== (prev ?? []).length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  n.forEach((c, i) => {
    if (!c.image) errs.push(required(child(index(path, i), 'image')));
    if (c.image !== undefined && c.image.trim() !== c.image) {
      errs.push(invalid(child(index(path, i), 'image'), c.image, 'must not have leading or trailing whitespace'));
    }
  });
  return { errs, stop: false };
}

function validateOnlyAddedTolerations(next: Toleration[] | undefined, prev: Toleration[] | undefined, path: string): FieldError[] {
  for (const old of prev ?? []) {
    const found = (next ?? []).some((t) => deepEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return [];
}

function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodMetadataAndSpec(pod));
  const spec = pod.spec ?? ({ containers: [] } as PodSpec);
  const oldSpec = old.spec ?? ({ containers: [] } as PodSpec);
  let r = validateContainerUpdates(spec.containers, oldSpec.containers, 'spec.containers');
  errs.push(...r.errs);
  if (r.stop) return errs;
  r = validateContainerUpdates(spec.initContainers, oldSpec.initContainers, 'spec.initContainers');
  errs.push(...r.errs);
  if (r.stop) return errs;

  if (spec.activeDeadlineSeconds != null) {
    const v = spec.activeDeadlineSeconds;
    if (v < 0 || v > MAX_INT32) return [...errs, invalid('spec.activeDeadlineSeconds', v, inclusiveRangeError(0, MAX_INT32))];
    if (oldSpec.activeDeadlineSeconds != null && oldSpec.activeDeadlineSeconds < v) {
      return [...errs, invalid('spec.activeDeadlineSeconds', v, 'must be less than or equal to previous value')];
    }
  } else if (oldSpec.activeDeadlineSeconds != null) {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...validateOnlyAddedTolerations(spec.tolerations, oldSpec.tolerations, 'spec.tolerations'));
  const oldGates = new Set((oldSpec.schedulingGates ?? []).map((g) => g.name));
  (spec.schedulingGates ?? []).forEach((g, i) => {
    if (!oldGates.has(g.name)) errs.push(forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${g.name}'`));
  });
  if (deepEqual(spec, oldSpec)) return errs;

  // Munge the updatable fields back to their old values, then anything left is a forbidden change.
  const munged: Record<string, unknown> = { ...(spec as unknown as Record<string, unknown>) };
  munged.containers = (spec.containers ?? []).map((c, i) => ({ ...c, image: oldSpec.containers?.[i]?.image }));
  if (spec.initContainers) munged.initContainers = spec.initContainers.map((c, i) => ({ ...c, image: oldSpec.initContainers?.[i]?.image }));
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  if ((oldSpec.terminationGracePeriodSeconds ?? 0) < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  if ((oldSpec.schedulingGates ?? []).length > 0) {
    // Gated pods may gain nodeSelector entries (no mutations or deletions).
    const oldSel = oldSpec.nodeSelector ?? {};
    const newSel = (munged.nodeSelector as Record<string, string> | undefined) ?? {};
    if (!deepEqual(newSel, oldSel)) {
      if (Object.entries(oldSel).some(([k, v]) => newSel[k] !== v)) {
        errs.push(invalid('spec.nodeSelector', newSel, 'only additions to spec.nodeSelector are allowed (no mutations or deletions)'));
      }
      munged.nodeSelector = oldSpec.nodeSelector;
    }
  }
  if (!deepEqual(munged, oldSpec)) {
    const diff = podSpecDiff(oldSpec as unknown as Record<string, unknown>, munged);
    errs.push(forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${diff}`));
  }
  return errs;
}

/** validatePod: create when `old` is undefined, update otherwise. */
export function validatePod(pod: Pod, old?: Pod): FieldError[] {
  if (old) return validatePodUpdate(pod, old);
  const errs = validatePodMetadataAndSpec(pod);
  if ((pod.spec?.ephemeralContainers ?? []).length > 0) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (pod.spec?.nodeName && (pod.spec.schedulingGates ?? []).length > 0) {
    errs.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

export function validatePodTemplate(pt: PodTemplate, old?: PodTemplate): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(pt.metadata, old.metadata) : validateObjectMeta(pt.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePodTemplateSpec(pt.template, 'template'));
  return errs;
}
