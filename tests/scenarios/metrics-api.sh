# metrics-server's API (metrics.k8s.io/v1beta1): discovery, NodeMetrics and PodMetrics lists and single
# objects, label and field selectors, the tables of `kubectl get podmetrics`, kubectl top, and a pod whose
# metrics are not there yet (they need two scrapes, 15 s apart).
kubectl api-resources --api-group=metrics.k8s.io
kubectl get --raw /apis/metrics.k8s.io
kubectl get --raw /apis/metrics.k8s.io/v1beta1
kubectl get --raw /apis/metrics.k8s.io/v1beta1/nodes/worker-1
kubectl get --raw "/apis/metrics.k8s.io/v1beta1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns"
kubectl get --raw "/apis/metrics.k8s.io/v1beta1/pods?fieldSelector=metadata.name%3Detcd-control-plane"
kubectl get nodemetrics
kubectl get podmetrics -n kube-system -l tier=control-plane
kubectl top nodes
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl rollout status deployment web
kubectl get podmetrics
kubectl top pods
sleep 30
kubectl get podmetrics
kubectl top pods
kubectl top pods -n kube-system --sort-by=memory
kubectl get --raw /apis/metrics.k8s.io/v1beta1/namespaces/default/pods/nope
kubectl get --raw /apis/metrics.k8s.io/v1beta1/nodes/nope
kubectl get --raw /apis/metrics.k8s.io/v1beta1/namespaces/default/pods/x/log
kubeplay node kill worker-3
sleep 20
kubectl top nodes
