# kubectl diff: live vs. would-be applied, exit 1 when different
cat <<EOF > web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
EOF
kubectl apply -f web.yaml
sleep 5
kubectl diff -f web.yaml; echo "exit $?"
sed -e 's/replicas: 2/replicas: 4/' -e 's/nginx:1.27/nginx:1.28/' web.yaml > web-v2.yaml
kubectl diff -f web-v2.yaml; echo "exit $?"
kubectl get deployment web -o jsonpath='{.spec.replicas} {.metadata.generation}'; echo
cat <<EOF > svc.yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
EOF
kubectl diff -f svc.yaml -f web-v2.yaml; echo "exit $?"
kubectl get service web
kubectl diff; echo "exit $?"
kubectl diff -f missing.yaml; echo "exit $?"
