# A newcomer's first minutes
kubectl get nodes
kubectl get pods -A
kubectl create deployment web --image=nginx:1.27 --replicas=3
kubectl get deploy,rs,pods
sleep 30
kubectl get pods -o wide
kubectl scale deployment web --replicas=5
sleep 20
kubectl get deploy web
kubectl get pods nope
kubectl get foo
kubectl gte pods
kubectl get pods --bogus
kubectl version
cat <<EOF > svc.yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
EOF
kubectl apply -f svc.yaml
kubectl apply -f svc.yaml
kubectl get svc
kubectl delete deployment web
kubectl get pods
