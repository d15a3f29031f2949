# Node maintenance: cordon, drain, uncordon, taint
kubectl create deployment web --image=nginx:1.27 --replicas=4
sleep 20
kubectl get pods -o wide
kubectl cordon worker-1
kubectl cordon worker-1
kubectl get nodes
kubectl drain worker-1
kubectl drain worker-1 --ignore-daemonsets
kubectl get pods -o wide
kubectl uncordon worker-1
kubectl run bare --image=nginx:1.27 --overrides='{"spec":{"nodeName":"worker-2"}}'
sleep 10
kubectl drain worker-2 --ignore-daemonsets --dry-run=client
kubectl drain worker-2 --ignore-daemonsets
kubectl drain worker-2 --ignore-daemonsets --force --timeout=2m
kubectl uncordon worker-2
kubectl taint nodes worker-3 dedicated=gpu:NoSchedule
kubectl taint nodes worker-3 dedicated=cpu:NoSchedule
kubectl taint nodes worker-3 dedicated=cpu:NoSchedule --overwrite
kubectl get node worker-3 -o jsonpath='{.spec.taints}'; echo
kubectl taint nodes worker-3 dedicated-
kubectl taint nodes worker-3 dedicated-
kubectl taint nodes worker-3 dedicated=gpu:Sometimes
kubectl taint pods web dedicated=gpu:NoSchedule
kubectl taint nodes dedicated=gpu:NoSchedule
kubectl cordon nosuch
kubectl drain
