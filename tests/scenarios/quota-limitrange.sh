kubectl create ns team
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: team
spec:
  hard:
    pods: "3"
    requests.cpu: "1"
    requests.memory: 1Gi
    limits.cpu: "2"
    limits.memory: 2Gi
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: team
spec:
  limits:
  - type: Container
    default:
      cpu: 500m
      memory: 256Mi
    defaultRequest:
      cpu: 250m
      memory: 128Mi
EOF
kubectl create deployment web --image=nginx -n team --replicas=5
sleep 10
kubectl get pods -n team
kubectl get quota -n team
kubectl get rs -n team
kubectl get events -n team --field-selector reason=FailedCreate
kubectl get pod -n team -o jsonpath='{.items[0].metadata.annotations}'; echo
