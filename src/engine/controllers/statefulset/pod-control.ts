// The StatefulSet controller's writes: claims created before their pod, pods created/updated/deleted, claim
// owner references kept in line with the retention policy, each with the upstream event texts.
// mirrors: pkg/controller/statefulset/stateful_pod_control.go

import type { Client } from '../client';
import type { ControllerContext } from '../context';
import type { PodObj } from '../podutil';
import { StatusError } from '../../api/errors';
import { claimOwnerRefs, claimOwnerUpToDate, claimsFor, hasStaleOwnerRef, hasUnexpectedController, ordinalOf, repairedPod, retainsOnScale, identityMatches, storageMatches, type ClaimObj, type SetObj } from './pods';

const SOURCE = { component: 'statefulset-controller' };

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class StatefulPodControl {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly client: Client,
  ) {}

  private claim(ns: string, name: string): ClaimObj | undefined {
    return this.client.get<ClaimObj>('persistentvolumeclaims', ns, name);
  }

  private podEvent(verb: 'create' | 'update' | 'delete', set: SetObj, pod: PodObj, err?: unknown): void {
    const Verb = verb[0].toUpperCase() + verb.slice(1);
    const name = pod.metadata!.name;
    if (err === undefined) this.ctx.event(SOURCE, set, 'Normal', `Successful${Verb}`, `${verb} Pod ${name} in StatefulSet ${set.metadata!.name} successful`);
    else this.ctx.event(SOURCE, set, 'Warning', `Failed${Verb}`, `${verb} Pod ${name} in StatefulSet ${set.metadata!.name} failed error: ${errText(err)}`);
  }

  private claimEvent(set: SetObj, pod: PodObj, claim: ClaimObj, err?: unknown): void {
    const c = claim.metadata!.name;
    if (err === undefined) this.ctx.event(SOURCE, set, 'Normal', 'SuccessfulCreate', `create Claim ${c} Pod ${pod.metadata!.name} in StatefulSet ${set.metadata!.name} success`);
    else this.ctx.event(SOURCE, set, 'Warning', 'FailedCreate', `create Claim ${c} for Pod ${pod.metadata!.name} in StatefulSet ${set.metadata!.name} failed error: ${errText(err)}`);
  }

  /** createPersistentVolumeClaims: missing claims are created; one being deleted is an error (retry later). */
  private createClaims(set: SetObj, pod: PodObj): void {
    const errs: string[] = [];
    for (const claim of claimsFor(set, ordinalOf(pod)).values()) {
      const existing = this.claim(claim.metadata!.namespace!, claim.metadata!.name!);
      if (!existing) {
        try {
          this.client.create('persistentvolumeclaims', claim);
          this.claimEvent(set, pod, claim);
        } catch (e) {
          errs.push(`failed to create PVC ${claim.metadata!.name}: ${errText(e)}`);
          if (!(e instanceof StatusError && e.code === 409)) this.claimEvent(set, pod, claim, e);
        }
      } else if (existing.metadata!.deletionTimestamp) {
        errs.push(`pvc ${claim.metadata!.name} is being deleted`);
      }
    }
    if (errs.length) throw new Error(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  }

  createStatefulPod(set: SetObj, pod: PodObj): void {
    try {
      this.createClaims(set, pod);
    } catch (e) {
      this.podEvent('create', set, pod, e);
      throw e;
    }
    let created: PodObj;
    try {
      created = this.client.create<PodObj>('pods', pod);
    } catch (e) {
      // An existing pod is left for the next sync to see.
      if (e instanceof StatusError && e.code === 409) throw e;
      this.podEvent('create', set, pod, e);
      throw e;
    }
    try {
      this.updateClaimsForRetentionPolicy(set, created);
    } catch (e) {
      this.podEvent('update', set, created, e);
      throw e;
    }
    this.podEvent('create', set, created);
  }

  /** Claims of a Pending pod that went missing are created again. */
  createMissingClaims(set: SetObj, pod: PodObj): void {
    this.createClaims(set, pod);
    try {
      this.updateClaimsForRetentionPolicy(set, pod);
    } catch (e) {
      this.podEvent('update', set, pod, e);
      throw e;
    }
  }

  deleteStatefulPod(set: SetObj, pod: PodObj): void {
    try {
      this.client.delete('pods', pod.metadata!.namespace, pod.metadata!.name!);
    } catch (e) {
      this.podEvent('delete', set, pod, e);
      throw e;
    }
    this.podEvent('delete', set, pod);
  }

  /** UpdateStatefulPod: identity, storage and claim ownership repaired; an event only if the pod is written. */
  updateStatefulPod(set: SetObj, pod: PodObj): void {
    let consistent = true;
    let next = pod;
    try {
      if (!identityMatches(set, pod) || !storageMatches(set, pod)) {
        if (!storageMatches(set, pod)) this.createClaims(set, pod);
        next = repairedPod(set, pod);
        consistent = false;
      }
      if (!this.claimsMatchRetentionPolicy(set, pod)) {
        this.updateClaimsForRetentionPolicy(set, pod);
        consistent = false;
      }
      if (consistent) return;
      this.client.update('pods', next);
    } catch (e) {
      this.podEvent('update', set, pod, e);
      throw e;
    }
    this.podEvent('update', set, pod);
  }

  claimsMatchRetentionPolicy(set: SetObj, pod: PodObj): boolean {
    for (const c of claimsFor(set, ordinalOf(pod)).values()) {
      const claim = this.claim(c.metadata!.namespace!, c.metadata!.name!);
      if (claim && !claimOwnerUpToDate(claim, set, pod)) return false;
    }
    return true;
  }

  updateClaimsForRetentionPolicy(set: SetObj, pod: PodObj): void {
    for (const c of claimsFor(set, ordinalOf(pod)).values()) {
      const claim = this.claim(c.metadata!.namespace!, c.metadata!.name!);
      if (!claim) continue;
      if (hasUnexpectedController(claim, set, pod)) {
        this.ctx.event(SOURCE, set, 'Warning', 'ConflictingController', `PersistentVolumeClaim ${claim.metadata!.name} has a conflicting OwnerReference that acts as a manging controller, the retention policy is ignored for this claim`);
      }
      if (claimOwnerUpToDate(claim, set, pod)) continue;
      const refs = claimOwnerRefs(claim, set, pod);
      const meta: ClaimObj['metadata'] = { ...claim.metadata!, ownerReferences: refs };
      if (refs.length === 0) delete meta.ownerReferences;
      try {
        this.client.update('persistentvolumeclaims', { ...claim, metadata: meta });
      } catch (e) {
        throw new Error(`could not update claim ${claim.metadata!.name} for delete policy ownerRefs: ${errText(e)}`);
      }
    }
  }

  /** PodClaimIsStale: with WhenScaled=Delete, a claim still owned by an earlier pod of that name blocks creation. */
  podClaimIsStale(set: SetObj, pod: PodObj): boolean {
    if (retainsOnScale(set)) return false;
    for (const c of claimsFor(set, ordinalOf(pod)).values()) {
      const claim = this.claim(c.metadata!.namespace!, c.metadata!.name!);
      if (claim && hasStaleOwnerRef(claim, pod, 'Pod')) return true;
    }
    return false;
  }
}
