# The Cluster Autoscaler model: pods that do not fit add a node after the provisioning delay
# (TriggeredScaleUp), a pod no node could ever hold does not (NotTriggerScaleUp), and nodes that stay
# underused for 10 minutes are removed (an empty one at once, a busy one after draining it); the status
# ConfigMap in kube-system follows along.
kubeplay autoscaler enable --min 2 --max 5
kubeplay autoscaler status
kubectl create deployment big --image=nginx:1.27 --replicas=8
kubectl set resources deployment big --requests=cpu=1500m,memory=512Mi
sleep 30
kubectl get pods -o wide
kubectl get events --field-selector reason=TriggeredScaleUp
kubeplay autoscaler status
kubectl run huge --image=nginx:1.27 --overrides='{"spec":{"containers":[{"name":"huge","image":"nginx:1.27","resources":{"requests":{"cpu":"6"}}}]}}'
sleep 60
kubectl get nodes
kubectl get pods -o wide
kubectl get events --field-selector involvedObject.name=huge
kubectl delete pod huge
kubectl scale deployment big --replicas=3
sleep 30
kubectl get pods -o wide
kubectl get configmap cluster-autoscaler-status -n kube-system -o jsonpath='{.data.status}'
sleep 570
kubectl get nodes
kubectl get pods -o wide
sleep 60
kubectl get nodes
kubectl get pods -o wide
kubectl get events --field-selector reason=ScaleDown
kubectl get events -n kube-system --field-selector involvedObject.name=cluster-autoscaler-status
kubeplay autoscaler status
kubeplay autoscaler disable
kubectl get configmap -n kube-system
