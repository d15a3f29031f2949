// Defaulted minimal manifests must equal what a 1.32 cluster stores (the server-set metadata aside).
import { describe, expect, it } from 'vitest';
import type { Deployment, DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Namespace, Pod, Secret, Service, LimitRange, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { RoleBinding } from 'kubernetes-types/rbac/v1';
import {
  defaultObject,
  defaultPullPolicy,
  generateJobSelector,
  hasDefaulter,
  initialStatus,
} from '../../../src/engine/registry/defaults';

function defaulted<T extends { kind?: string }>(obj: T): T {
  const copy = structuredClone(obj);
  defaultObject(copy);
  return copy;
}

const nginxContainerDefaulted = {
  image: 'nginx:1.14.2',
  imagePullPolicy: 'IfNotPresent',
  name: 'nginx',
  ports: [{ containerPort: 80, protocol: 'TCP' }],
  resources: {},
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
};

describe('Deployment', () => {
  it('a minimal nginx Deployment reads as kubectl get deploy -o yaml shows it', () => {
    const d: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'nginx-deployment', labels: { app: 'nginx' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'nginx' } },
        template: {
          metadata: { labels: { app: 'nginx' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] },
        },
      },
    };
    expect(defaulted(d)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'nginx-deployment', labels: { app: 'nginx' } },
      spec: {
        progressDeadlineSeconds: 600,
        replicas: 3,
        revisionHistoryLimit: 10,
        selector: { matchLabels: { app: 'nginx' } },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'nginx' } },
          spec: {
            containers: [nginxContainerDefaulted],
            dnsPolicy: 'ClusterFirst',
            restartPolicy: 'Always',
            schedulerName: 'default-scheduler',
            securityContext: {},
            terminationGracePeriodSeconds: 30,
          },
        },
      },
      status: {},
    });
  });

  it('defaults replicas to 1 and keeps an explicit Recreate strategy without rollingUpdate', () => {
    const d = defaulted<Deployment>({
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: { selector: {}, strategy: { type: 'Recreate' }, template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
    });
    expect(d.spec?.replicas).toBe(1);
    expect(d.spec?.strategy).toEqual({ type: 'Recreate' });
    expect(d.spec?.template.spec?.containers[0].imagePullPolicy).toBe('Always');
  });
});

describe('Pod', () => {
  it('a minimal pod gets the Pod-only defaults too', () => {
    const pod = defaulted<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
    expect(pod.spec).toEqual({
      containers: [
        {
          image: 'nginx',
          imagePullPolicy: 'Always',
          name: 'nginx',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
  });

  it('copies limits to requests and canonicalises quantities', () => {
    const pod = defaulted<Pod>({
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'nginx:1.25', resources: { limits: { cpu: '0.5', memory: '1.5Gi' }, requests: { cpu: '100m' } } }] },
    });
    expect(pod.spec?.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '1536Mi' }, requests: { cpu: '100m', memory: '1536Mi' } });
  });

  it('defaults probes, volumes and env field refs', () => {
    const pod = defaulted<Pod>({
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'app@sha256:' + 'a'.repeat(64),
            livenessProbe: { httpGet: { port: 8080 } },
            readinessProbe: { grpc: { port: 9000 } },
            env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
          },
        ],
        volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }, { name: 'scratch' }, { name: 'h', hostPath: { path: '/x' } }],
      },
    });
    const c = pod.spec!.containers[0];
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(c.livenessProbe).toEqual({ httpGet: { port: 8080, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe?.grpc).toEqual({ port: 9000, service: '' });
    expect(c.env?.[0].valueFrom?.fieldRef?.apiVersion).toBe('v1');
    expect(pod.spec!.volumes).toEqual([
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'scratch', emptyDir: {} },
      { name: 'h', hostPath: { path: '/x', type: '' } },
    ]);
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['registry.k8s.io/pause:3.10', 'IfNotPresent'],
    ['NGINX', 'IfNotPresent'],
  ])('imagePullPolicy for %s is %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});

describe('Service', () => {
  it('ClusterIP service', () => {
    const svc = defaulted<Service>({ kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    expect(svc.spec).toEqual({
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
    expect(svc.status).toEqual({ loadBalancer: {} });
  });

  it('NodePort and LoadBalancer get external traffic policy; LB allocates node ports', () => {
    const np = defaulted<Service>({ kind: 'Service', metadata: { name: 'a' }, spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 'http' }] } });
    expect(np.spec?.externalTrafficPolicy).toBe('Cluster');
    expect(np.spec?.ports?.[0].targetPort).toBe('http');
    const lb = defaulted<Service>({ kind: 'Service', metadata: { name: 'b' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } });
    expect(lb.spec?.allocateLoadBalancerNodePorts).toBe(true);
  });

  it('headless services keep clusterIPs in step; ClientIP affinity gets its timeout', () => {
    const h = defaulted<Service>({ kind: 'Service', metadata: { name: 'h' }, spec: { clusterIP: 'None', sessionAffinity: 'ClientIP' } });
    expect(h.spec?.clusterIPs).toEqual(['None']);
    expect(h.spec?.ipFamilyPolicy).toBe('RequireDualStack');
    expect(h.spec?.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });
});

describe('other kinds', () => {
  it('Namespace gets its name label, finalizer and phase', () => {
    expect(defaulted<Namespace>({ kind: 'Namespace', metadata: { name: 'dev' } })).toEqual({
      kind: 'Namespace',
      metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });

  it('Secret type Opaque', () => {
    expect(defaulted<Secret>({ kind: 'Secret', metadata: { name: 's' } }).type).toBe('Opaque');
  });

  it('Job: completions, parallelism, selector labels shared with the template', () => {
    const job = defaulted<Job>({
      kind: 'Job',
      metadata: { name: 'pi', uid: 'u-1' },
      spec: { template: { metadata: { labels: { app: 'pi' } }, spec: { containers: [{ name: 'pi', image: 'perl:5.34' }], restartPolicy: 'Never' } } },
    });
    generateJobSelector(job);
    expect(job.spec).toMatchObject({
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      suspend: false,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } },
    });
    const labels = {
      app: 'pi',
      'batch.kubernetes.io/controller-uid': 'u-1',
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': 'u-1',
      'job-name': 'pi',
    };
    expect(job.spec?.template.metadata?.labels).toEqual(labels);
    expect(job.metadata?.labels).toEqual(labels);
    expect(job.status).toEqual({});
  });

  it('CronJob defaults only the pod template inside the job template', () => {
    const cj = defaulted<CronJob>({
      kind: 'CronJob',
      metadata: { name: 'hello' },
      spec: {
        schedule: '* * * * *',
        jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox:1.28' }], restartPolicy: 'OnFailure' } } } },
      },
    });
    expect(cj.spec).toEqual({
      concurrencyPolicy: 'Allow',
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { creationTimestamp: null },
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: {
              containers: [
                {
                  image: 'busybox:1.28',
                  imagePullPolicy: 'IfNotPresent',
                  name: 'hello',
                  resources: {},
                  terminationMessagePath: '/dev/termination-log',
                  terminationMessagePolicy: 'File',
                },
              ],
              dnsPolicy: 'ClusterFirst',
              restartPolicy: 'OnFailure',
              schedulerName: 'default-scheduler',
              securityContext: {},
              terminationGracePeriodSeconds: 30,
            },
          },
        },
      },
      schedule: '* * * * *',
      successfulJobsHistoryLimit: 3,
      suspend: false,
    });
  });

  it('DaemonSet and StatefulSet strategies and statuses', () => {
    const ds = defaulted<DaemonSet>({ kind: 'DaemonSet', metadata: { name: 'd' }, spec: { selector: {}, template: {} } });
    expect(ds.spec?.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec?.revisionHistoryLimit).toBe(10);
    expect(ds.status).toEqual({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
    const sts = defaulted<StatefulSet>({ kind: 'StatefulSet', metadata: { name: 's' }, spec: { selector: {}, serviceName: 's', template: {} } });
    expect(sts.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      replicas: 1,
      revisionHistoryLimit: 10,
    });
    expect(sts.status).toEqual({ availableReplicas: 0, replicas: 0 });
  });

  it('HPA v2 without metrics targets 80% CPU', () => {
    const hpa = defaulted<HorizontalPodAutoscaler>({
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { maxReplicas: 5, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } },
    });
    expect(hpa.spec?.minReplicas).toBe(1);
    expect(hpa.spec?.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    expect(hpa.spec?.behavior).toEqual({
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
    });
    expect(hpa.status).toEqual({ currentMetrics: null, desiredReplicas: 0 });
  });

  it('NetworkPolicy policyTypes follow the rules present', () => {
    const np = defaulted<NetworkPolicy>({ kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } });
    expect(np.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(np.spec?.egress?.[0].ports?.[0].protocol).toBe('TCP');
  });

  it('PVC volumeMode and phase; LimitRange container defaults', () => {
    const pvc = defaulted<PersistentVolumeClaim>({ kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    expect(pvc.spec?.volumeMode).toBe('Filesystem');
    expect(pvc.status).toEqual({ phase: 'Pending' });
    const lr = defaulted<LimitRange>({ kind: 'LimitRange', metadata: { name: 'l' }, spec: { limits: [{ type: 'Container', max: { cpu: '1' }, min: { memory: '64Mi' } }] } });
    expect(lr.spec!.limits[0]).toEqual({ type: 'Container', max: { cpu: '1' }, min: { memory: '64Mi' }, default: { cpu: '1' }, defaultRequest: { cpu: '1', memory: '64Mi' } });
  });

  it('RoleBinding subjects and roleRef get the RBAC group, service accounts none', () => {
    const rb = defaulted<RoleBinding>({
      kind: 'RoleBinding',
      metadata: { name: 'r' },
      roleRef: { apiGroup: '', kind: 'Role', name: 'x' },
      subjects: [{ kind: 'User', name: 'jane' }, { kind: 'ServiceAccount', name: 'default', namespace: 'd' }],
    });
    expect(rb.roleRef.apiGroup).toBe('rbac.authorization.k8s.io');
    expect(rb.subjects).toEqual([{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }, { kind: 'ServiceAccount', name: 'default', namespace: 'd' }]);
  });

  it('knows every kind in the brief and the initial statuses', () => {
    for (const k of ['Pod', 'Service', 'Node', 'ConfigMap', 'Event', 'Ingress', 'Lease', 'EndpointSlice', 'PriorityClass', 'ClusterRoleBinding', 'StorageClass', 'PodDisruptionBudget']) {
      expect(hasDefaulter(k)).toBe(true);
    }
    expect(initialStatus('PodDisruptionBudget')).toEqual({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
    expect(initialStatus('ConfigMap')).toBeUndefined();
  });
});
