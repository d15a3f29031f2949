# HorizontalPodAutoscaler conditions and events beyond the happy path: a missing target, a target without
# apiVersion, containers without a CPU request, a pods metric without a custom metrics adapter, replicas
# above the maximum, scaling disabled at zero, memory by average value, and a scale-down policy of one pod
# per minute.
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl create deployment app --image=nginx:1.27 --replicas=2
kubectl set resources deployment app --requests=cpu=100m,memory=64Mi
kubectl rollout status deployment app
cat <<EOF > hpas.yaml
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ghost
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ghost
  maxReplicas: 3
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: noversion
spec:
  scaleTargetRef:
    kind: Deployment
    name: web
  maxReplicas: 3
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  maxReplicas: 3
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 60
  - type: Pods
    pods:
      metric:
        name: http_requests_per_second
      target:
        type: AverageValue
        averageValue: "10"
EOF
kubectl apply -f hpas.yaml
sleep 60
kubectl get hpa
kubectl describe hpa ghost noversion | grep -A3 Conditions
kubectl get events --field-selector involvedObject.name=web,involvedObject.kind=HorizontalPodAutoscaler
kubectl delete hpa ghost noversion web
kubectl scale deployment app --replicas=8
kubectl rollout status deployment app
cat <<EOF > app-hpa.yaml
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: app
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: app
  minReplicas: 2
  maxReplicas: 6
  metrics:
  - type: Resource
    resource:
      name: memory
      target:
        type: AverageValue
        averageValue: 100Mi
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 0
      policies:
      - type: Pods
        value: 1
        periodSeconds: 60
EOF
kubectl apply -f app-hpa.yaml
sleep 20
kubectl get hpa app
kubectl get deployment app
sleep 30
kubectl get hpa app
sleep 60
kubectl get hpa app
kubectl describe hpa app
kubectl scale deployment app --replicas=0
sleep 20
kubectl get hpa app
kubectl describe hpa app | grep -A5 Conditions
