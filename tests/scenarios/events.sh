# kubectl events: sorted by last seen, filtered by object and type
kubectl create deployment web --image=nginx:1.27 --replicas=2
sleep 30
kubectl events
kubectl events --for deployment/web
kubectl events --for pod/nosuch
kubectl events --types=Warning
kubectl events -n kube-system --for pod/etcd-control-plane -o name
kubectl events -A --types=normal | head -5
kubectl events --types=Info
kubectl events --for web
kubectl set image deployment/web nginx=nginx:no-such-tag
sleep 20
kubectl events --types=Warning
