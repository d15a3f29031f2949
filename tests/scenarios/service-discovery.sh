# Service discovery: a Deployment behind a Service, found by name from another pod through cluster DNS
kubectl create deployment hello --image=gcr.io/google-samples/hello-app:1.0 --replicas=3 --port=8080
kubectl expose deployment hello --port=80 --target-port=8080
kubectl run client --image=busybox:1.36 --restart=Never -- sleep 3600
sleep 30
kubectl get svc,endpoints
kubectl get endpointslices
kubectl exec client -- wget -qO- hello
kubectl exec client -- wget -qO- hello
kubectl exec client -- wget -qO- hello.default.svc.cluster.local
kubectl exec client -- wget -O- http://hello
kubectl exec client -- nslookup hello
kubectl exec client -- nslookup hello.default.svc.cluster.local
kubectl exec client -- wget -qO- hello-world
# No ready endpoints: kube-proxy rejects the connection
kubectl scale deployment hello --replicas=0
sleep 5
kubectl get endpoints hello
kubectl exec client -- wget -qO- hello
# A port the Service does not have: nothing answers
kubectl exec client -- wget -qO- -T 3 hello:8080
