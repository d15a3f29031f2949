# The Deployment walkthrough of the Kubernetes documentation: create, update, a typo'd image that
# gets stuck, history, rollback, scaling, pause and resume.
cat <<EOF > nginx-deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
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
        image: nginx:1.14.2
        ports:
        - containerPort: 80
EOF
kubectl apply -f nginx-deployment.yaml
kubectl get deployments
kubectl rollout status deployment/nginx-deployment
kubectl get deployments
kubectl get rs
kubectl get pods --show-labels

# Updating a Deployment
kubectl set image deployment.v1.apps/nginx-deployment nginx=nginx:1.16.1
kubectl annotate deployment/nginx-deployment kubernetes.io/change-cause="image updated to 1.16.1"
kubectl rollout status deployment/nginx-deployment
kubectl get rs
kubectl get pods

# A typo in the image: the rollout gets stuck
kubectl set image deployment/nginx-deployment nginx=nginx:1.161
kubectl rollout status deployment/nginx-deployment --timeout=60s
kubectl get rs
kubectl get pods
kubectl rollout history deployment/nginx-deployment
kubectl rollout history deployment/nginx-deployment --revision=2

# Rolling back
kubectl rollout undo deployment/nginx-deployment
kubectl rollout status deployment/nginx-deployment
kubectl rollout history deployment/nginx-deployment
kubectl rollout undo deployment/nginx-deployment --to-revision=1
kubectl rollout status deployment/nginx-deployment
kubectl rollout undo deployment/nginx-deployment --to-revision=9
kubectl get deployment nginx-deployment

# Scaling
kubectl scale deployment/nginx-deployment --replicas=10
kubectl rollout status deployment/nginx-deployment
kubectl get deployment nginx-deployment

# Pausing and resuming
kubectl rollout pause deployment/nginx-deployment
kubectl rollout pause deployment/nginx-deployment
kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1
kubectl rollout history deployment/nginx-deployment
kubectl get rs
kubectl set resources deployment/nginx-deployment -c=nginx --limits=cpu=200m,memory=512Mi
kubectl rollout undo deployment/nginx-deployment
kubectl rollout restart deployment/nginx-deployment
kubectl rollout resume deployment/nginx-deployment
kubectl rollout status deployment/nginx-deployment
kubectl get rs
kubectl rollout restart deployment/nginx-deployment
kubectl rollout status deployment/nginx-deployment --watch=false
kubectl rollout history deployment/nginx-deployment
