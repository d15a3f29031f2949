# A CronJob over several minutes: one Job a minute, finished Jobs trimmed to the history limit, then suspended
cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "* * * * *"
  successfulJobsHistoryLimit: 2
  suspend: false
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            imagePullPolicy: IfNotPresent
            command:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster
          restartPolicy: OnFailure
EOF
kubectl get cronjob hello
sleep 20
kubectl get cronjob hello
kubectl get jobs
kubectl get pods
kubectl logs job/hello-28928161
sleep 3m
kubectl get cronjob hello
kubectl get jobs
kubectl get pods
kubectl get job hello-28928164 -o jsonpath='{.metadata.annotations}{"\n"}{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}{"\n"}'
kubectl get cronjob hello -o jsonpath='{.status}{"\n"}'
kubectl get events --field-selector involvedObject.kind=CronJob
cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "* * * * *"
  successfulJobsHistoryLimit: 2
  suspend: true
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            imagePullPolicy: IfNotPresent
            command:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster
          restartPolicy: OnFailure
EOF
sleep 2m
kubectl get cronjob hello
kubectl get jobs
