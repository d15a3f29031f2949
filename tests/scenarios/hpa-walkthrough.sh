# The HorizontalPodAutoscaler walkthrough of the Kubernetes documentation: php-apache with a CPU request,
# an HPA at 50 %, a busybox wget loop as load, scale up within a few minutes, and back to one replica about
# five minutes after the load stops (the downscale stabilization window).
cat <<EOF > php-apache.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
  labels:
    run: php-apache
spec:
  ports:
  - port: 80
  selector:
    run: php-apache
EOF
kubectl apply -f php-apache.yaml
kubectl rollout status deployment php-apache
kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10
kubectl get hpa
sleep 45
kubectl get hpa
kubectl top pods
# Increase the load (the page runs it with -i --tty; here it runs in the background).
kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"
sleep 20
kubectl top pods
kubectl get hpa php-apache
sleep 40
kubectl get hpa php-apache
sleep 60
kubectl get hpa php-apache
kubectl get deployment php-apache
kubectl top pods
kubectl describe hpa php-apache
# Stop the load.
kubectl delete pod load-generator
sleep 60
kubectl get hpa php-apache
sleep 240
kubectl get hpa php-apache
kubectl describe hpa php-apache | grep -A4 Conditions
sleep 90
kubectl get hpa php-apache
kubectl get deployment php-apache
kubectl get events --field-selector involvedObject.kind=HorizontalPodAutoscaler
kubectl get hpa php-apache -o yaml
