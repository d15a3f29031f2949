# Logs and exec on busybox pods running shell commands; kubectl run with --rm -it.
kubectl run counter --image=busybox --restart=Never -- sh -c 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 1; done'
kubectl run once --image=busybox --restart=Never -- sh -c 'echo hello from once; echo to stderr >&2; exit 3'
kubectl logs counter
sleep 10
kubectl logs counter --tail=3
kubectl logs counter --tail=2 --timestamps
kubectl logs counter --since=3s
kubectl logs counter --limit-bytes=20
kubectl logs once
kubectl get pod once
kubectl logs once --previous
kubectl logs nope
kubectl logs counter -c nope
kubectl logs counter extra -c also
kubectl logs -l run=counter
kubectl logs -l run=nothing
kubectl logs counter -f --tail=2 --pod-running-timeout=5s &
sleep 3
kill %1

# Several containers, the default-container annotation and init containers
cat <<EOF > two.yaml
apiVersion: v1
kind: Pod
metadata:
  name: two
  labels:
    app: two
spec:
  initContainers:
  - name: setup
    image: busybox
    command: ['sh', '-c', 'echo preparing; echo ready > /tmp/state']
  containers:
  - name: app
    image: busybox
    command: ['sh', '-c', 'echo app started; sleep 3600']
  - name: sidecar
    image: busybox
    command: ['sh', '-c', 'echo sidecar started; sleep 3600']
EOF
kubectl apply -f two.yaml
kubectl logs two
sleep 10
kubectl logs two
kubectl logs two -c sidecar
kubectl logs two sidecar
kubectl logs two --all-containers --prefix
kubectl logs two -c setup
kubectl logs two --all-containers -c app
kubectl annotate pod two kubectl.kubernetes.io/default-container=sidecar
kubectl logs two

# exec
kubectl exec counter -- echo hello
kubectl exec counter -- sh -c 'echo out; echo err >&2; exit 4'
echo "exit status $?"
kubectl exec counter -- hostname
kubectl exec counter -- ls /nope
kubectl exec two -- sh -c 'echo in $HOSTNAME'
kubectl exec two -c sidecar -- echo from sidecar
kubectl exec two -c nope -- true
kubectl exec counter ls
kubectl exec counter
kubectl exec nope -- ls
kubectl exec once -- ls
kubectl exec -it counter -- sh
echo 'echo from stdin; exit 0' | kubectl exec -i counter -- sh

# Workloads: the first pod of a deployment
kubectl create deployment web --image=nginx:1.27 --replicas=2
sleep 15
kubectl logs deploy/web --tail=1
kubectl exec deploy/web -- cat /etc/hostname

# kubectl run attached to the container
kubectl run hello --rm -i --image=busybox --restart=Never -- echo hello world
kubectl run count --rm -it --image=busybox --restart=Never -- sh -c 'for i in 1 2 3; do echo $i; sleep 1; done'
kubectl run failing --rm -i --image=busybox --restart=Never -- sh -c 'echo about to fail; exit 7'
echo "exit status $?"
kubectl run badimage --rm -i --image=busybox:nope --restart=Never --pod-running-timeout=20s -- true
kubectl get pods
