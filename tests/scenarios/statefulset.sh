# StatefulSet basics: ordered pods with stable names and claims, scale up and down, rolling update with a partition
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
EOF
kubectl get pods -l app=nginx
sleep 3
kubectl get pods -l app=nginx
sleep 20
kubectl get pods -l app=nginx -o wide
kubectl get pvc -l app=nginx
kubectl get statefulset web
kubectl scale statefulset web --replicas=5
sleep 3
kubectl get pods -l app=nginx
sleep 30
kubectl get pods -l app=nginx
kubectl scale sts web --replicas=3
sleep 1
kubectl get pods -l app=nginx
sleep 20
kubectl get pods -l app=nginx
kubectl get pvc -l app=nginx
kubectl delete pod web-0
sleep 10
kubectl get pods -l app=nginx
kubectl get sts web -o wide
cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 3
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      partition: 1
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.28
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
EOF
sleep 30
kubectl get pods -l app=nginx -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,REVISION:.metadata.labels.controller-revision-hash
kubectl get controllerrevisions
kubectl get sts web -o jsonpath='{.status}'; echo
kubectl get events --field-selector involvedObject.kind=StatefulSet
kubectl delete sts web
sleep 5
kubectl get pods,pvc -l app=nginx
