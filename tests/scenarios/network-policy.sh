# NetworkPolicy: deny everything, then let one client in (denied requests time out)
kubectl create deployment web --image=nginx:1.27
kubectl expose deployment web --port=80
kubectl run frontend --image=busybox:1.36 --labels=role=frontend --restart=Never -- sleep 3600
kubectl run other --image=busybox:1.36 --restart=Never -- sleep 3600
sleep 30
kubectl exec frontend -- wget -qO- --timeout=2 web | grep title
kubectl exec other -- wget -qO- --timeout=2 web | grep title
cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
spec:
  podSelector: {}
  policyTypes:
  - Ingress
EOF
kubectl get networkpolicy
kubectl exec frontend -- wget -qO- --timeout=2 web
kubectl exec other -- wget --spider --timeout=2 web
cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-allow-frontend
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
  - from:
    - podSelector:
        matchLabels:
          role: frontend
    ports:
    - protocol: TCP
      port: 80
EOF
kubectl get netpol
kubectl exec frontend -- wget -qO- --timeout=2 web | grep title
kubectl exec other -- wget -qO- --timeout=2 web
# Isolating egress without allowing DNS breaks name resolution
cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: frontend-egress
spec:
  podSelector:
    matchLabels:
      role: frontend
  egress:
  - to:
    - podSelector:
        matchLabels:
          app: web
EOF
kubectl exec frontend -- wget -qO- --timeout=2 web
kubectl exec frontend -- nslookup web
kubectl get pod -l app=web -o jsonpath='{.items[0].status.podIP}{"\n"}'
kubectl exec frontend -- wget -qO- --timeout=2 10.244.1.2 | grep title
kubectl delete networkpolicy frontend-egress
kubectl exec frontend -- wget -qO- --timeout=2 web | grep title
