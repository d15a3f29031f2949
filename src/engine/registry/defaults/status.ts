// The status a freshly created object serialises to, per kind: Go writes non-omitempty zero fields
// (`replicas: 0`, `currentMetrics: null`...), so `kubectl get -o yaml` of a new object shows them.
// mirrors: the json tags of the status structs in staging/src/k8s.io/api/*/types.go (1.32)

/** A new object's status (a fresh copy each call), or undefined for kinds without status. */
export function initialStatus(kind: string): Record<string, unknown> | undefined {
  switch (kind) {
    case 'Deployment':
    case 'Job':
    case 'CronJob':
    case 'ResourceQuota':
      return {};
    case 'ReplicaSet':
    case 'ReplicationController':
      return { replicas: 0 };
    case 'StatefulSet':
      return { availableReplicas: 0, replicas: 0 };
    case 'DaemonSet':
      return { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
    case 'HorizontalPodAutoscaler':
      return { currentMetrics: null, desiredReplicas: 0 };
    case 'PodDisruptionBudget':
      return { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
    case 'Service':
    case 'Ingress':
      return { loadBalancer: {} };
    case 'PersistentVolumeClaim':
    case 'PersistentVolume':
      return { phase: 'Pending' };
    case 'Namespace':
      return { phase: 'Active' };
    default:
      return undefined;
  }
}

/** Gives the object its initial status unless it already has one. */
export function defaultStatus(obj: { kind?: string; status?: unknown }, kind = obj.kind ?? ''): void {
  if (obj.status !== undefined && obj.status !== null) return;
  const status = initialStatus(kind);
  if (status) obj.status = status;
}
