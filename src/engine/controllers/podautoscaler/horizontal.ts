// The horizontal pod autoscaler controller (autoscaling/v2): every 15 s per HPA, read the target's scale,
// compute a replica count from each metric (the highest wins), stabilize and rate-limit it, write the
// scale subresource, and record status, conditions and events as kube-controller-manager does.
// mirrors: pkg/controller/podautoscaler/horizontal.go (reconcileAutoscaler, computeReplicasForMetrics,
// validateAndParseSelector, setStatus) (1.32)

import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerStatus, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject, UserInfo, Writable } from '../../api/types';
import { resourceKey, type ResourceDef, type ScaleSubresource } from '../../registry/types';
import type { RequestOptions } from '../../api/rest/context';
import { Controller, nsName, splitKey, type ControllerContext } from '../context';
import type { Client } from '../client';
import { StatusError } from '../../api/errors';
import { parseLabelSelector, type Selector } from '../../api/selectors/labels';
import { scaleOf, applyScale } from '../../api/subresources/scale';
import { deepClone, deepEqual } from '../../store/freeze';
import { rfc3339 } from '../../util/time';
import { setCondition, type Condition, type PendingCondition } from './conditions';
import { HPAMetricsClient, type ResourceMetricsSource } from './metrics-client';
import { computeReplicasForMetric, type MetricContext } from './metric-replicas';
import { DEFAULT_CALCULATOR_OPTIONS, type CalculatorOptions, type PodObj } from './replica-calculator';
import {
  convertDesiredReplicasWithBehaviorRate,
  convertDesiredReplicasWithRules,
  newHistory,
  stabilizeRecommendation,
  stabilizeRecommendationWithBehaviors,
  storeScaleEvent,
  type AutoscalerHistory,
} from './normalize';

type HPAObj = Writable<HorizontalPodAutoscaler> & KubeObject;
type Status = Writable<HorizontalPodAutoscalerStatus>;

const HPA = 'horizontalpodautoscalers.autoscaling';
const SOURCE = { component: 'horizontal-pod-autoscaler' };
const USER: UserInfo = { username: 'system:serviceaccount:kube-system:horizontal-pod-autoscaler', groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'] };

export interface HorizontalOptions extends CalculatorOptions {
  /** --horizontal-pod-autoscaler-sync-period */
  syncPeriodMs: number;
  /** --horizontal-pod-autoscaler-downscale-stabilization */
  downscaleStabilizationMs: number;
}

export const DEFAULT_HORIZONTAL_OPTIONS: HorizontalOptions = { ...DEFAULT_CALCULATOR_OPTIONS, syncPeriodMs: 15_000, downscaleStabilizationMs: 5 * 60_000 };

class ReconcileError extends Error {}

export class HorizontalController extends Controller {
  readonly name = 'horizontal-pod-autoscaler';
  private readonly client: Client;
  private readonly metrics: HPAMetricsClient;
  private readonly history = new Map<string, AutoscalerHistory>();
  /** The selector each HPA last used (AmbiguousSelector detection). */
  private readonly selectors = new Map<string, Selector | undefined>();
  private readonly opts: HorizontalOptions;

  constructor(ctx: ControllerContext, source: ResourceMetricsSource, opts: Partial<HorizontalOptions> = {}) {
    super(ctx);
    this.client = ctx.client(USER.username, 'kube-controller-manager');
    this.metrics = new HPAMetricsClient(ctx.store, source);
    this.opts = { ...DEFAULT_HORIZONTAL_OPTIONS, ...opts };
  }

  start(): void {
    // Every HPA is processed once per sync period: changes only queue it for the next period.
    this.watch(HPA, (e) => {
      const key = nsName(e.object);
      if (e.type === 'DELETED') {
        this.forgetKey(key);
        return;
      }
      if (!this.selectors.has(key)) this.selectors.set(key, undefined);
      this.queue.addAfter(key, this.opts.syncPeriodMs);
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const o of this.client.list(HPA)) yield nsName(o);
  }

  private forgetKey(key: string): void {
    this.history.delete(key);
    this.selectors.delete(key);
    this.queue.forget(key);
  }

  private event(hpa: HPAObj, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.event(SOURCE, hpa, type, reason, message);
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const shared = this.client.get<HPAObj>(HPA, ns, name);
    if (!shared) {
      this.forgetKey(key);
      return;
    }
    try {
      this.reconcile(key, shared);
    } catch (e) {
      if (!(e instanceof ReconcileError) && !(e instanceof StatusError)) throw e;
    } finally {
      if (this.client.get(HPA, ns, name)) this.queue.addAfter(key, this.opts.syncPeriodMs);
    }
  }

  private historyFor(key: string): AutoscalerHistory {
    let h = this.history.get(key);
    if (!h) this.history.set(key, (h = newHistory()));
    return h;
  }

  /** The target's resource with a scale subresource, or the error the scale client would give. */
  private scaleTarget(hpa: HPAObj): { def: ResourceDef; scale: ScaleSubresource; obj: KubeObject } | { error: string } {
    const ref = hpa.spec!.scaleTargetRef;
    const apiVersion = ref.apiVersion ?? '';
    const parts = apiVersion.split('/');
    if (parts.length > 2) return { error: `unexpected GroupVersion string: ${apiVersion}` };
    const group = parts.length === 2 ? parts[0] : '';
    const defs = this.ctx.registry.all().filter((d) => d.group === group && d.kind === ref.kind);
    if (defs.length === 0) return { error: `no matches for kind "${ref.kind}" in group "${group}"` };
    const def = defs[0];
    if (!def.subresources?.scale) return { error: 'the server could not find the requested resource' };
    const obj = this.client.get<KubeObject>(resourceKey(def), def.namespaced ? hpa.metadata!.namespace : undefined, ref.name);
    if (!obj) return { error: `${resourceKey(def)} "${ref.name}" not found` };
    return { def, scale: def.subresources.scale, obj };
  }

  private reconcile(key: string, shared: HPAObj): void {
    const now = this.ctx.clock.now();
    const hpa = deepClone(shared) as HPAObj;
    const original = deepClone(shared.status ?? {}) as Status;
    const status = (hpa.status ??= { desiredReplicas: 0 } as Status);
    const conditions: Condition[] = (status.conditions ??= []);
    const spec = hpa.spec!;
    const ref = spec.scaleTargetRef;
    const reference = `${ref.kind}/${hpa.metadata!.namespace}/${ref.name}`;

    const target = this.scaleTarget(hpa);
    if ('error' in target) {
      this.event(hpa, 'Warning', 'FailedGetScale', target.error);
      setCondition(conditions, 'AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${target.error}`, now);
      this.writeStatus(hpa, original);
      throw new ReconcileError(`failed to query scale subresource for ${reference}: ${target.error}`);
    }
    const scale = scaleOf(target.def, target.scale, target.obj);
    setCondition(conditions, 'AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale", now);
    const currentReplicas = (scale.spec as { replicas: number }).replicas;
    const selectorText = (scale.status as { selector?: string }).selector ?? '';
    const h = this.historyFor(key);
    if (h.recommendations.length === 0) h.recommendations.push({ recommendation: currentReplicas, timestamp: now });

    const minReplicas = spec.minReplicas ?? 1;
    let desired = 0;
    let rescaleReason = '';
    let rescale = true;
    let metricStatuses: MetricStatus[] | null = null;
    let retErr: string | undefined;

    if (currentReplicas === 0 && minReplicas !== 0) {
      rescale = false;
      setCondition(conditions, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero', now);
    } else if (currentReplicas > spec.maxReplicas) {
      rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
      desired = spec.maxReplicas;
    } else if (currentReplicas < minReplicas) {
      rescaleReason = 'Current number of replicas below Spec.MinReplicas';
      desired = minReplicas;
    } else {
      const r = this.computeReplicasForMetrics(hpa, conditions, currentReplicas, selectorText, now);
      metricStatuses = r.statuses;
      if (r.error !== undefined && r.replicas === -1) {
        this.setStatus(status, currentReplicas, status.desiredReplicas ?? 0, metricStatuses, false, now);
        this.writeStatus(hpa, original);
        this.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', r.error);
        throw new ReconcileError(`failed to compute desired number of replicas based on listed metrics for ${reference}: ${r.error}`);
      }
      retErr = r.error;
      let rescaleMetric = '';
      if (r.replicas > desired) {
        desired = r.replicas;
        rescaleMetric = r.metric;
      }
      if (desired > currentReplicas) rescaleReason = `${rescaleMetric} above target`;
      if (desired < currentReplicas) rescaleReason = 'All metrics below target';
      desired = spec.behavior
        ? this.normalizeWithBehaviors(hpa, h, conditions, currentReplicas, desired, minReplicas, now)
        : this.normalize(hpa, h, conditions, currentReplicas, desired, minReplicas, now);
      rescale = desired !== currentReplicas;
    }

    if (rescale) {
      const err = this.writeScale(hpa, target.def, target.scale, desired);
      if (err) {
        this.event(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${rescaleReason}; error: ${err}`);
        setCondition(conditions, 'AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${err}`, now);
        this.setStatus(status, currentReplicas, status.desiredReplicas ?? 0, metricStatuses, false, now);
        this.writeStatus(hpa, original);
        throw new ReconcileError(`failed to rescale ${reference}: ${err}`);
      }
      setCondition(conditions, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`, now);
      this.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${rescaleReason}`);
      storeScaleEvent(h, spec.behavior, currentReplicas, desired, now);
    } else {
      desired = currentReplicas;
    }
    this.setStatus(status, currentReplicas, desired, metricStatuses, rescale, now);
    this.writeStatus(hpa, original);
    if (retErr !== undefined) throw new ReconcileError(retErr);
  }

  /** Parses the scale's selector; empty, invalid and shared (AmbiguousSelector) selectors stop the HPA. */
  private validateSelector(hpa: HPAObj, conditions: Condition[], text: string, now: number): { selector: Selector; pods: PodObj[] } | { error: string } {
    if (text === '') {
      const msg = 'selector is required';
      this.event(hpa, 'Warning', 'SelectorRequired', msg);
      setCondition(conditions, 'ScalingActive', 'False', 'InvalidSelector', "the HPA target's scale is missing a selector", now);
      return { error: msg };
    }
    let selector: Selector;
    try {
      selector = parseLabelSelector(text);
    } catch (e) {
      const msg = `couldn't convert selector into a corresponding internal selector object: ${e instanceof Error ? e.message : String(e)}`;
      this.event(hpa, 'Warning', 'InvalidSelector', msg);
      setCondition(conditions, 'ScalingActive', 'False', 'InvalidSelector', msg, now);
      return { error: msg };
    }
    const key = nsName(hpa);
    if (this.selectors.has(key)) this.selectors.set(key, selector);
    const ns = hpa.metadata!.namespace!;
    const pods = this.client.select<PodObj>('pods', ns, selector);
    const controlling: string[] = [];
    for (const [other, sel] of this.selectors) {
      if (!sel || !other.startsWith(ns + '/')) continue;
      if (pods.some((p) => sel.matches(p.metadata!.labels))) controlling.push(other);
    }
    if (controlling.length > 1) {
      const msg = `pods by selector ${text} are controlled by multiple HPAs: [${controlling.sort().join(' ')}]`;
      this.event(hpa, 'Warning', 'AmbiguousSelector', msg);
      setCondition(conditions, 'ScalingActive', 'False', 'AmbiguousSelector', msg, now);
      return { error: msg };
    }
    return { selector, pods };
  }

  /** The highest proposal of the metrics that work; -1 when none does (or some fail on the way down). */
  private computeReplicasForMetrics(
    hpa: HPAObj,
    conditions: Condition[],
    specReplicas: number,
    selectorText: string,
    now: number,
  ): { replicas: number; metric: string; statuses: MetricStatus[] | null; error?: string } {
    const v = this.validateSelector(hpa, conditions, selectorText, now);
    if ('error' in v) return { replicas: -1, metric: '', statuses: null, error: v.error };
    const specs = hpa.spec!.metrics ?? [];
    const statuses: MetricStatus[] = specs.map(() => ({ type: '' as MetricStatus['type'] }));
    const ctx: MetricContext = {
      namespace: hpa.metadata!.namespace!,
      specReplicas,
      selector: v.selector,
      pods: v.pods,
      now,
      client: this.metrics,
      options: this.opts,
      warn: (reason, message) => this.event(hpa, 'Warning', reason, message),
    };
    let replicas = 0;
    let metric = '';
    let invalid = 0;
    let firstError: string | undefined;
    let firstCondition: PendingCondition | undefined;
    specs.forEach((spec, i) => {
      const r = computeReplicasForMetric(ctx, spec);
      if (!r.ok) {
        if (invalid === 0) {
          firstCondition = r.condition;
          firstError = r.error;
        }
        invalid++;
        return;
      }
      statuses[i] = r.status;
      if (replicas === 0 || r.replicas > replicas) {
        replicas = r.replicas;
        metric = r.metricName;
      }
    });
    const error = firstError !== undefined ? `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError}` : undefined;
    if (invalid >= specs.length || (invalid > 0 && replicas < specReplicas)) {
      const c = firstCondition!;
      setCondition(conditions, c.type, c.status, c.reason, c.message, now);
      return { replicas: -1, metric: '', statuses, error };
    }
    setCondition(conditions, 'ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${metric}`, now);
    return { replicas, metric, statuses, error };
  }

  private normalize(hpa: HPAObj, h: AutoscalerHistory, conditions: Condition[], current: number, desired: number, min: number, now: number): number {
    const stabilized = stabilizeRecommendation(h, desired, now, this.opts.downscaleStabilizationMs);
    if (stabilized !== desired) {
      setCondition(conditions, 'AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation', now);
    } else {
      setCondition(conditions, 'AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size', now);
    }
    const r = convertDesiredReplicasWithRules(current, stabilized, min, hpa.spec!.maxReplicas);
    setCondition(conditions, 'ScalingLimited', r.replicas === stabilized ? 'False' : 'True', r.reason, r.message, now);
    return r.replicas;
  }

  private normalizeWithBehaviors(hpa: HPAObj, h: AutoscalerHistory, conditions: Condition[], current: number, desired: number, min: number, now: number): number {
    const b = hpa.spec!.behavior!;
    const scaleUp = b.scaleUp ?? { policies: [] };
    // The controller fills a missing scale-down window from its --horizontal-pod-autoscaler-downscale-stabilization flag.
    const scaleDown = { ...(b.scaleDown ?? { policies: [] }) };
    if (scaleDown.stabilizationWindowSeconds == null) scaleDown.stabilizationWindowSeconds = Math.round(this.opts.downscaleStabilizationMs / 1000);
    const behavior = { scaleUp, scaleDown };
    const s = stabilizeRecommendationWithBehaviors(h, behavior, current, desired, now);
    if (s.replicas !== desired) setCondition(conditions, 'AbleToScale', 'True', s.reason, s.message, now);
    else setCondition(conditions, 'AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size', now);
    const r = convertDesiredReplicasWithBehaviorRate(h, behavior, current, s.replicas, min, hpa.spec!.maxReplicas, now);
    setCondition(conditions, 'ScalingLimited', r.replicas === s.replicas ? 'False' : 'True', r.reason, r.message, now);
    return r.replicas;
  }

  /** PUT …/scale as the HPA's service account; the error text on failure. */
  private writeScale(hpa: HPAObj, def: ResourceDef, scale: ScaleSubresource, replicas: number): string | undefined {
    const opts: RequestOptions = { user: USER, fieldManager: 'kube-controller-manager', trusted: true };
    try {
      applyScale(this.ctx.rest, def, scale, hpa.metadata!.namespace, hpa.spec!.scaleTargetRef.name, { method: 'PUT', path: '' }, opts, (cur) => ({ ...cur, spec: { replicas } }));
      return undefined;
    } catch (e) {
      if (e instanceof StatusError) return e.message;
      throw e;
    }
  }

  private setStatus(status: Status, current: number, desired: number, metrics: MetricStatus[] | null, rescale: boolean, now: number): void {
    const conditions = status.conditions;
    const last = status.lastScaleTime;
    for (const k of Object.keys(status)) delete (status as Record<string, unknown>)[k];
    // Field order of HorizontalPodAutoscalerStatus; currentReplicas is omitempty, currentMetrics is not.
    if (rescale) status.lastScaleTime = rfc3339(now);
    else if (last) status.lastScaleTime = last;
    if (current) status.currentReplicas = current;
    status.desiredReplicas = desired;
    status.currentMetrics = metrics as Status['currentMetrics'];
    if (conditions?.length) status.conditions = conditions;
  }

  private writeStatus(hpa: HPAObj, original: Status): void {
    if (deepEqual(original, hpa.status)) return;
    try {
      this.client.updateStatus(HPA, hpa);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      if (e.code !== 409) this.event(hpa, 'Warning', 'FailedUpdateStatus', e.message);
    }
  }
}
