# A stopped scheduler leaves new pods Pending; stopped controllers stop reconciling
kubeplay component stop scheduler
kubectl create deployment web --image=nginx:1.27 --replicas=2
sleep 30
kubectl get pods
kubectl get events --field-selector involvedObject.kind=Pod
kubeplay component start scheduler
sleep 10
kubectl get pods
kubeplay component stop controller-manager
kubectl scale deployment web --replicas=4
sleep 30
kubectl get deploy web
kubectl get rs
kubeplay component start controller-manager
sleep 10
kubectl get deploy web
kubeplay component stop etcd
kubeplay component
