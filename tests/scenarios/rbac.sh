kubectl create ns dev
kubectl get pods --as=jane
kubectl get nodes --as=jane
kubectl get pods -n dev --as=system:serviceaccount:dev:default
cat <<EOF | kubectl apply -f -
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
  namespace: dev
rules:
- apiGroups: [""]
  resources: ["pods", "pods/log"]
  verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read-pods
  namespace: dev
subjects:
- kind: User
  name: jane
  apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: Role
  name: pod-reader
  apiGroup: rbac.authorization.k8s.io
EOF
kubectl get pods -n dev --as=jane
kubectl delete pod x -n dev --as=jane
kubectl get clusterroles
kubectl get clusterrolebindings
