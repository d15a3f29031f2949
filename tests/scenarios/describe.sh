# kubectl describe across kinds, after creating a deployment and a service
kubectl create deployment web --image=nginx:1.27 --replicas=2
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
    targetPort: 80
EOF
kubectl apply -f svc.yaml
sleep 30
kubectl describe deployment web
kubectl describe rs -l app=web
kubectl describe pods -l app=web
kubectl describe node worker-1
kubectl describe svc web
kubectl describe ns default
kubectl describe pod nope
