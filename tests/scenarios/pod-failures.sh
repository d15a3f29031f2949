cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: crasher
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo starting; sleep 2; echo failing; exit 1"]
---
apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
  labels:
    test: liveness
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
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
---
apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: "64"
---
apiVersion: v1
kind: Pod
metadata:
  name: badimage
spec:
  containers:
  - name: app
    image: nginx:1.161
EOF
sleep 5
kubectl get pods
sleep 10
kubectl get pods
sleep 30
kubectl get pods
sleep 60
kubectl get pods
kubectl get events --field-selector involvedObject.name=liveness-exec,reason!=Pulled,reason!=Pulling
kubectl get events --field-selector involvedObject.name=big
kubectl get events --field-selector involvedObject.name=badimage
sleep 5m
kubectl get pods
kubectl get events --field-selector involvedObject.name=crasher
