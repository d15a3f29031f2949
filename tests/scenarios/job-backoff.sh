# A Job that keeps failing: retries with a growing back-off until the backoff limit
cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata:
  name: flaky
spec:
  backoffLimit: 3
  template:
    spec:
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "echo connecting to db...; sleep 2; echo connection refused; exit 1"]
      restartPolicy: Never
EOF
kubectl get jobs
sleep 10
kubectl get jobs
kubectl get pods
sleep 20
kubectl get pods
kubectl logs -l job-name=flaky --prefix
sleep 60
kubectl get jobs
kubectl get pods
kubectl get job flaky -o jsonpath='{range .status.conditions[*]}{.type}{"\t"}{.status}{"\t"}{.reason}{"\t"}{.message}{"\n"}{end}'
kubectl get job flaky -o jsonpath='failed={.status.failed} active={.status.active} ready={.status.ready} terminating={.status.terminating}{"\n"}'
kubectl get events --field-selector involvedObject.kind=Job
kubectl delete job flaky
kubectl get pods
