# kill a node, watch the pods come back
kubectl create deployment web --image=nginx:1.27 --replicas=6
sleep 20
kubectl get pods -o wide
kubeplay node kill worker-2
sleep 30
kubectl get nodes
sleep 30
kubectl get nodes
kubectl get node worker-2 -o jsonpath="{.spec.taints}"; echo
kubectl get pods -o wide
sleep 5m
kubectl get pods -o wide
kubeplay node start worker-2
sleep 30
kubectl get nodes
kubectl get pods -o wide
kubectl get events --field-selector involvedObject.kind=Node
