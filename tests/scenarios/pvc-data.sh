# A PersistentVolumeClaim whose data outlives its pod (local-path keeps the volume on its node)
kubectl get storageclass
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
YAML
kubectl get pvc data
cat <<'YAML' > writer.yaml
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo written by $(hostname) >> /data/log.txt; sleep 3600"]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
YAML
kubectl apply -f writer.yaml
sleep 10
kubectl get pvc data
kubectl get pv
kubectl describe pvc data
kubectl get pod writer -o wide
kubectl exec writer -- cat /data/log.txt
kubectl exec writer -- sh -c 'echo more data > /data/extra.txt'
# The pod goes; the claim and its data stay
kubectl delete pod writer
kubectl get pvc data
# A new pod with the same claim reads what the first one wrote
sed -e 's/name: writer/name: reader/' writer.yaml | kubectl apply -f -
sleep 10
kubectl exec reader -- ls /data
kubectl exec reader -- cat /data/log.txt /data/extra.txt
# Deleting the claim deletes its volume (reclaim policy Delete)
kubectl delete pod reader --wait=false
kubectl delete pvc data --wait=false
sleep 40
kubectl get pvc,pv
