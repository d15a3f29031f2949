# kubectl wait: conditions, JSONPath values, deletion, creation, timeouts and selectors.
kubectl create deployment web --image=nginx:1.27 --replicas=3
kubectl wait --for=condition=Available deployment/web --timeout=2m
kubectl wait --for=condition=Ready pod -l app=web
kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 deployment/web
kubectl wait --for=jsonpath='{.status.phase}'=Running pods --all
kubectl run slow --image=busybox --restart=Never -- sh -c 'sleep 20; echo done'
kubectl wait --for=jsonpath='{.status.phase}'=Succeeded pod/slow --timeout=10s
kubectl wait --for=jsonpath='{.status.phase}'=Succeeded pod/slow --timeout=60s
kubectl wait --for=condition=Ready pod/slow --timeout=0
kubectl wait --for=condition=Ready=false pod/slow --timeout=0
kubectl wait --for=condition=Ready pod/nope
kubectl wait --for=condition=Ready pod -l app=nothing
kubectl wait --for=jsonpath='{.metadata.labels}'=x deployment/web --timeout=0
kubectl wait --for=jsonpath='{.spec.replicas}'= deployment/web
kubectl wait --for=ready pod/slow
kubectl wait pod/slow
kubectl delete deployment web --wait=false
kubectl wait --for=delete pod -l app=web --timeout=60s
kubectl wait --for=delete pod/slow --timeout=1s
kubectl wait --for=delete pod/already-gone
kubectl create configmap later --from-literal=a=b --dry-run=client -o yaml > later.yaml
kubectl wait --for=create configmap/later --timeout=3s
kubectl apply -f later.yaml
kubectl wait --for=create configmap/later --timeout=3s
