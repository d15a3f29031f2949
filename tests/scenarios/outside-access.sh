# Reaching the cluster from outside: NodePort, LoadBalancer (pool on, then off) and an Ingress
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl create deployment echo --image=hashicorp/http-echo --replicas=1 -- /http-echo -text=hello-from-echo
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    nodePort: 30080
EOF
kubectl expose deployment echo --port=80 --target-port=5678
kubectl expose deployment web --name=web-lb --type=LoadBalancer --port=8080 --target-port=80
kubectl get svc
sleep 30
kubectl get svc web web-lb
kubectl get nodes -o wide
kubeplay curl -s http://172.18.0.3:30080/ | grep title
kubeplay curl -sI http://172.18.0.5:30080/
kubeplay curl -s http://172.18.255.200:8080/ | grep title
kubeplay curl http://172.18.0.3:30999/
kubeplay curl http://web/
kubectl describe svc web-lb
# Without a load-balancer provider, EXTERNAL-IP stays <pending>
kubeplay lb disable
kubectl expose deployment echo --name=echo-lb --type=LoadBalancer --port=80 --target-port=5678
sleep 10
kubectl get svc echo-lb
kubeplay lb enable
sleep 2
kubectl get svc echo-lb
# Ingress: host and path routing through the ingress-nginx controller (kind publishes it on localhost)
kubectl get ingressclass
cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: demo
spec:
  rules:
  - host: demo.example.com
    http:
      paths:
      - path: /echo
        pathType: Prefix
        backend:
          service:
            name: echo
            port:
              number: 80
      - path: /
        pathType: Exact
        backend:
          service:
            name: web
            port:
              number: 80
EOF
kubectl get ingress
sleep 60
kubectl get ingress
kubeplay curl http://demo.example.com/echo
kubeplay curl -s http://demo.example.com/ | grep title
kubeplay curl -i http://demo.example.com/nothing-here
kubeplay curl -H 'Host: demo.example.com' http://localhost/echo/more
kubeplay curl http://localhost/
kubectl describe ingress demo
