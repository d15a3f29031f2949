# Cascading deletion: background, foreground, orphan; namespaces terminate once empty
kubectl create deployment bg --image=nginx:1.27 --replicas=2
kubectl create deployment fg --image=nginx:1.27 --replicas=2
kubectl create deployment orphan --image=nginx:1.27 --replicas=2
sleep 15
kubectl delete deployment bg
kubectl get rs,pods -l app=bg
kubectl delete deployment fg --cascade=foreground
kubectl get rs,pods -l app=fg
kubectl delete deployment orphan --cascade=orphan
kubectl get rs,pods -l app=orphan
kubectl get rs -l app=orphan -o jsonpath='{.items[0].metadata.ownerReferences}'; echo
kubectl create namespace scratch
kubectl create deployment tmp --image=nginx:1.27 -n scratch
sleep 10
kubectl delete namespace scratch --wait=false
kubectl get namespace scratch
kubectl create configmap late -n scratch
sleep 30
kubectl get namespace scratch
kubectl get pods -n scratch
