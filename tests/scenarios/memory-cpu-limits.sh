# kubernetes.io "Assign Memory Resources to Containers and Pods" and "Assign CPU Resources to Containers
# and Pods", step by step: stress within its memory limit (top shows ~155Mi, the docs' 162856960 bytes),
# stress over its limit (OOMKilled, exit code 137, restarts, CrashLoopBackOff), requests no node can hold
# (Pending, Insufficient memory/cpu), and vish/stress throttled just under its 1 CPU limit.
kubectl create namespace mem-example
cat <<EOF | kubectl apply -f - --namespace=mem-example
apiVersion: v1
kind: Pod
metadata:
  name: memory-demo
  namespace: mem-example
spec:
  containers:
  - name: memory-demo-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "100Mi"
      limits:
        memory: "200Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
EOF
kubectl get pod memory-demo --namespace=mem-example
sleep 5
kubectl get pod memory-demo --namespace=mem-example
kubectl get pod memory-demo --output=yaml --namespace=mem-example
kubectl top pod memory-demo --namespace=mem-example
sleep 30
kubectl top pod memory-demo --namespace=mem-example
kubectl get podmetrics memory-demo --namespace=mem-example
kubectl logs memory-demo --namespace=mem-example
kubectl delete pod memory-demo --namespace=mem-example

# Exceed a Container's memory limit: 250M of allocation against a 100Mi limit.
cat <<EOF | kubectl apply -f - --namespace=mem-example
apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-2
  namespace: mem-example
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "50Mi"
      limits:
        memory: "100Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
EOF
kubectl get pod memory-demo-2 --namespace=mem-example
sleep 3
kubectl get pod memory-demo-2 --namespace=mem-example
kubectl get pod memory-demo-2 --output=yaml --namespace=mem-example
sleep 5
kubectl get pod memory-demo-2 --namespace=mem-example
sleep 10
kubectl get pod memory-demo-2 --namespace=mem-example
sleep 20
kubectl get pod memory-demo-2 --namespace=mem-example
kubectl get pod memory-demo-2 --namespace=mem-example -o jsonpath='{.status.containerStatuses[0].lastState}{"\n"}'
kubectl describe pod memory-demo-2 --namespace=mem-example
kubectl logs memory-demo-2 --namespace=mem-example --previous
kubectl top pod memory-demo-2 --namespace=mem-example
kubectl delete pod memory-demo-2 --namespace=mem-example

# Specify a memory request that is too big for your Nodes.
cat <<EOF | kubectl apply -f - --namespace=mem-example
apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-3
  namespace: mem-example
spec:
  containers:
  - name: memory-demo-3-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "1000Gi"
      limits:
        memory: "1000Gi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
EOF
sleep 25
kubectl get pod memory-demo-3 --namespace=mem-example
kubectl describe pod memory-demo-3 --namespace=mem-example
kubectl delete pod memory-demo-3 --namespace=mem-example

# Not in the docs: the same allocation with restartPolicy Never stays OOMKilled, and the pod fails.
cat <<EOF | kubectl apply -f - --namespace=mem-example
apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-4
spec:
  restartPolicy: Never
  containers:
  - name: memory-demo-4-ctr
    image: polinux/stress
    resources:
      limits:
        memory: "100Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
EOF
sleep 5
kubectl get pod memory-demo-4 --namespace=mem-example
kubectl get pod memory-demo-4 --namespace=mem-example -o jsonpath='{.status.phase} {.status.containerStatuses[0].state}{"\n"}'
kubectl delete namespace mem-example

# Assign CPU Resources: vish/stress wants 2 CPUs, its limit is 1.
kubectl create namespace cpu-example
cat <<EOF | kubectl apply -f - --namespace=cpu-example
apiVersion: v1
kind: Pod
metadata:
  name: cpu-demo
  namespace: cpu-example
spec:
  containers:
  - name: cpu-demo-ctr
    image: vish/stress
    resources:
      limits:
        cpu: "1"
      requests:
        cpu: "0.5"
    args:
    - -cpus
    - "2"
EOF
sleep 5
kubectl get pod cpu-demo --namespace=cpu-example
kubectl get pod cpu-demo --output=yaml --namespace=cpu-example
sleep 30
kubectl top pod cpu-demo --namespace=cpu-example
kubectl logs cpu-demo --namespace=cpu-example
kubectl delete pod cpu-demo --namespace=cpu-example
cat <<EOF | kubectl apply -f - --namespace=cpu-example
apiVersion: v1
kind: Pod
metadata:
  name: cpu-demo-2
  namespace: cpu-example
spec:
  containers:
  - name: cpu-demo-ctr-2
    image: vish/stress
    resources:
      limits:
        cpu: "100"
      requests:
        cpu: "100"
    args:
    - -cpus
    - "2"
EOF
sleep 10
kubectl get pod cpu-demo-2 --namespace=cpu-example
kubectl describe pod cpu-demo-2 --namespace=cpu-example
kubectl delete pod cpu-demo-2 --namespace=cpu-example
kubectl delete namespace cpu-example
