# ConfigMaps and Secrets: env, envFrom, volumes, updates, and a missing key
kubectl create configmap app-config --from-literal=GREETING=hello --from-literal=mode=debug
cat <<'YAML' > settings.env
# comment lines and blank lines are skipped

LOG_LEVEL=info
RETRIES=3
YAML
kubectl create configmap app-env --from-env-file=settings.env
kubectl create secret generic db-pass --from-literal=password='s3cr3t!'
kubectl get configmaps
kubectl get secret db-pass -o jsonpath='{.data.password}'; echo
kubectl get secret db-pass -o jsonpath='{.data.password}' | base64 -d; echo
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: config-demo
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo $GREETING $DB_PASSWORD; sleep 3600"]
    env:
    - name: GREETING
      valueFrom:
        configMapKeyRef:
          name: app-config
          key: GREETING
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: db-pass
          key: password
    - name: MY_NODE
      valueFrom:
        fieldRef:
          fieldPath: spec.nodeName
    - name: MEM_LIMIT
      valueFrom:
        resourceFieldRef:
          resource: limits.memory
    envFrom:
    - configMapRef:
        name: app-env
    resources:
      limits:
        memory: 64Mi
    volumeMounts:
    - name: config
      mountPath: /etc/config
    - name: secret
      mountPath: /etc/secret
      readOnly: true
  volumes:
  - name: config
    configMap:
      name: app-config
      items:
      - key: mode
        path: app/mode.txt
  - name: secret
    secret:
      secretName: db-pass
      defaultMode: 0400
YAML
sleep 10
kubectl logs config-demo
kubectl exec config-demo -- env | sort | grep -E 'GREETING|DB_PASSWORD|MY_NODE|MEM_LIMIT|LOG_LEVEL|RETRIES'
kubectl exec config-demo -- ls -R /etc/config
kubectl exec config-demo -- cat /etc/config/app/mode.txt
kubectl exec config-demo -- cat /etc/secret/password; echo
kubectl exec config-demo -- ls -la /etc/secret
kubectl exec config-demo -- ls -lL /etc/secret
# Update the ConfigMap: the mounted file follows after the kubelet's sync, the environment does not
kubectl patch configmap app-config --type=merge -p '{"data":{"mode":"release","GREETING":"bonjour"}}'
kubectl exec config-demo -- cat /etc/config/app/mode.txt
sleep 90
kubectl exec config-demo -- cat /etc/config/app/mode.txt
kubectl exec config-demo -- printenv GREETING
# A missing key stops the container from being created
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: missing-key
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    env:
    - name: NOPE
      valueFrom:
        configMapKeyRef:
          name: app-config
          key: nope
YAML
sleep 10
kubectl get pod missing-key
kubectl describe pod missing-key | tail -4
# Immutable ConfigMaps refuse changes
kubectl create configmap frozen --from-literal=a=1
kubectl patch configmap frozen --type=merge -p '{"immutable":true}'
kubectl patch configmap frozen --type=merge -p '{"data":{"a":"2"}}'
kubectl exec config-demo -- ls -la /etc/config
