cat <<EOF | kubectl apply -f -
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000000
description: "important"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: filler
spec:
  replicas: 6
  selector:
    matchLabels: {app: filler}
  template:
    metadata:
      labels: {app: filler}
    spec:
      containers:
      - name: app
        image: nginx
        resources:
          requests:
            cpu: 1500m
EOF
sleep 20
kubectl get pods -o wide
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: vip
spec:
  priorityClassName: high
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: 2
EOF
kubectl get pods -o wide
sleep 40
kubectl get pods -o wide
kubectl get events --field-selector reason=Preempted
kubectl get events --field-selector involvedObject.name=vip
