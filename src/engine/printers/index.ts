// Registry of the API server's table printers by group and resource, with the default for the rest.
// mirrors: pkg/printers/internalversion/printers.go (AddHandlers) and pkg/printers/storage (TableConvertor)

import type { TablePrinter } from './types';
import { configMapPrinter } from './configmap';
import { componentStatusPrinter } from './componentstatus';
import { controllerRevisionPrinter } from './controllerrevision';
import { cronJobPrinter } from './cronjob';
import { daemonSetPrinter } from './daemonset';
import { defaultTablePrinter } from './default';
import { deploymentPrinter } from './deployment';
import { endpointsPrinter } from './endpoints';
import { endpointSlicePrinter } from './endpointslice';
import { eventPrinter, eventsV1Printer } from './event';
import { horizontalPodAutoscalerPrinter } from './horizontalpodautoscaler';
import { ingressPrinter } from './ingress';
import { ingressClassPrinter } from './ingressclass';
import { jobPrinter } from './job';
import { leasePrinter } from './lease';
import { namespacePrinter } from './namespace';
import { networkPolicyPrinter } from './networkpolicy';
import { nodePrinter } from './node';
import { persistentVolumePrinter } from './persistentvolume';
import { persistentVolumeClaimPrinter } from './persistentvolumeclaim';
import { podPrinter } from './pod';
import { podDisruptionBudgetPrinter } from './poddisruptionbudget';
import { podTemplatePrinter } from './podtemplate';
import { priorityClassPrinter } from './priorityclass';
import { replicaSetPrinter } from './replicaset';
import { replicationControllerPrinter } from './replicationcontroller';
import { resourceQuotaPrinter } from './resourcequota';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rolebinding';
import { runtimeClassPrinter } from './runtimeclass';
import { secretPrinter } from './secret';
import { servicePrinter } from './service';
import { serviceAccountPrinter } from './serviceaccount';
import { statefulSetPrinter } from './statefulset';
import { storageClassPrinter } from './storageclass';
import { webhookConfigurationPrinter } from './webhookconfiguration';

export type { TableColumnDefinition, TablePrinter, TableRowCondition } from './types';
export { defaultTablePrinter } from './default';

/**
 * Keyed `<group>/<resource>` ("" for core). Every version of a group shares the printer, as upstream prints
 * the internal type. Kinds absent here (roles, clusterroles, limitranges, CRDs, ...) use the default table.
 */
const PRINTERS: ReadonlyMap<string, TablePrinter> = new Map<string, TablePrinter>([
  ['/pods', podPrinter],
  ['/podtemplates', podTemplatePrinter],
  ['/nodes', nodePrinter],
  ['/namespaces', namespacePrinter],
  ['/configmaps', configMapPrinter],
  ['/secrets', secretPrinter],
  ['/serviceaccounts', serviceAccountPrinter],
  ['/services', servicePrinter],
  ['/endpoints', endpointsPrinter],
  ['/events', eventPrinter],
  ['/replicationcontrollers', replicationControllerPrinter],
  ['/persistentvolumes', persistentVolumePrinter],
  ['/persistentvolumeclaims', persistentVolumeClaimPrinter],
  ['/resourcequotas', resourceQuotaPrinter],
  ['/componentstatuses', componentStatusPrinter],
  ['apps/deployments', deploymentPrinter],
  ['apps/replicasets', replicaSetPrinter],
  ['apps/daemonsets', daemonSetPrinter],
  ['apps/statefulsets', statefulSetPrinter],
  ['apps/controllerrevisions', controllerRevisionPrinter],
  ['batch/jobs', jobPrinter],
  ['batch/cronjobs', cronJobPrinter],
  ['autoscaling/horizontalpodautoscalers', horizontalPodAutoscalerPrinter],
  ['policy/poddisruptionbudgets', podDisruptionBudgetPrinter],
  ['networking.k8s.io/ingresses', ingressPrinter],
  ['networking.k8s.io/ingressclasses', ingressClassPrinter],
  ['networking.k8s.io/networkpolicies', networkPolicyPrinter],
  ['discovery.k8s.io/endpointslices', endpointSlicePrinter],
  ['events.k8s.io/events', eventsV1Printer],
  ['storage.k8s.io/storageclasses', storageClassPrinter],
  ['rbac.authorization.k8s.io/rolebindings', roleBindingPrinter],
  ['rbac.authorization.k8s.io/clusterrolebindings', clusterRoleBindingPrinter],
  ['scheduling.k8s.io/priorityclasses', priorityClassPrinter],
  ['coordination.k8s.io/leases', leasePrinter],
  ['node.k8s.io/runtimeclasses', runtimeClassPrinter],
  ['admissionregistration.k8s.io/mutatingwebhookconfigurations', webhookConfigurationPrinter],
  ['admissionregistration.k8s.io/validatingwebhookconfigurations', webhookConfigurationPrinter],
]);

/** The kind's own printer, or undefined when the server would use `defaultTablePrinter`. */
export function tablePrinterFor(group: string, resource: string): TablePrinter | undefined {
  return PRINTERS.get(`${group}/${resource}`);
}

/** The printer the server uses for the resource: its own, else the default NAME / CREATED AT table. */
export function tablePrinterOrDefault(group: string, resource: string): TablePrinter {
  return PRINTERS.get(`${group}/${resource}`) ?? defaultTablePrinter;
}
