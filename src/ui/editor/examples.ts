// Example manifests in the editor's menu, after the Kubernetes documentation's own examples (Deployment
// and Service, the HorizontalPodAutoscaler walkthrough's php-apache, a Job, a StatefulSet with a headless
// Service, the exec liveness probe, a DaemonSet). Each is written for this playground.

export interface Example {
  id: string;
  title: string;
  file: string;
  /** What to try next, shown under the menu entry. */
  hint: string;
  yaml: string;
}

export const EXAMPLES: Example[] = [
  {
    id: 'web',
    title: 'Deployment + Service',
    file: 'web.yaml',
    hint: 'three nginx replicas behind a ClusterIP Service',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`,
  },
  {
    id: 'hpa',
    title: 'HPA demo (php-apache)',
    file: 'php-apache.yaml',
    hint: 'autoscale on CPU; add load with a busybox wget loop',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
  labels:
    run: php-apache
spec:
  ports:
  - port: 80
  selector:
    run: php-apache
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: php-apache
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 50
`,
  },
  {
    id: 'job',
    title: 'Job',
    file: 'countdown-job.yaml',
    hint: 'runs to completion; see it with kubectl get jobs and kubectl logs',
    yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: countdown
spec:
  completions: 3
  parallelism: 2
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: counter
        image: busybox:1.36
        command:
        - sh
        - -c
        - for i in 5 4 3 2 1; do echo "$HOSTNAME counting $i"; sleep 1; done; echo done
`,
  },
  {
    id: 'statefulset',
    title: 'StatefulSet',
    file: 'statefulset.yaml',
    hint: 'ordered pods web-0, web-1, … with stable names and volumes',
    yaml: `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: nginx
  serviceName: nginx
  replicas: 3
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`,
  },
  {
    id: 'liveness',
    title: 'Liveness probe (exec)',
    file: 'exec-liveness.yaml',
    hint: 'healthy for 30 s, then the probe fails and the container restarts',
    yaml: `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`,
  },
  {
    id: 'daemonset',
    title: 'DaemonSet',
    file: 'daemonset.yaml',
    hint: 'one pod per node, control plane included (it tolerates the taint)',
    yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd-elasticsearch
  namespace: kube-system
  labels:
    k8s-app: fluentd-logging
spec:
  selector:
    matchLabels:
      name: fluentd-elasticsearch
  template:
    metadata:
      labels:
        name: fluentd-elasticsearch
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
      - name: fluentd-elasticsearch
        image: quay.io/fluentd_elasticsearch/fluentd:v2.5.2
        resources:
          limits:
            memory: 200Mi
          requests:
            cpu: 100m
            memory: 200Mi
      terminationGracePeriodSeconds: 30
`,
  },
];

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
