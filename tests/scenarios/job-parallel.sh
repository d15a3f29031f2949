# Parallel Jobs: a fixed completion count worked off two at a time, and an Indexed Job
cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata:
  name: batch
spec:
  completions: 5
  parallelism: 2
  template:
    spec:
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "echo processing one item; sleep 5"]
      restartPolicy: Never
---
apiVersion: batch/v1
kind: Job
metadata:
  name: indexed
spec:
  completions: 3
  parallelism: 3
  completionMode: Indexed
  template:
    spec:
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "echo shard \$JOB_COMPLETION_INDEX of 3 on \$(hostname); sleep 3"]
      restartPolicy: Never
EOF
sleep 2
kubectl get jobs
kubectl get pods
sleep 8
kubectl get jobs
kubectl get pods
sleep 20
kubectl get jobs
kubectl get jobs -o wide
kubectl get pods -l job-name=indexed -o custom-columns=NAME:.metadata.name,INDEX:.metadata.annotations.batch\\.kubernetes\\.io/job-completion-index,HOSTNAME:.spec.hostname,STATUS:.status.phase
kubectl logs -l job-name=indexed --prefix
kubectl get job indexed -o jsonpath='{.status.completedIndexes} {.status.succeeded}{"\n"}'
kubectl get job batch -o jsonpath='{range .status.conditions[*]}{.type}{"\t"}{.reason}{"\t"}{.message}{"\n"}{end}'
kubectl get events --field-selector involvedObject.name=batch
