# Server-side apply: field managers, conflicts, and taking ownership
cat <<'YAML' > web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
YAML
kubectl apply --server-side -f web.yaml
kubectl apply --server-side -f web.yaml
kubectl get deployment web -o jsonpath='{range .metadata.managedFields[*]}{.manager}{" "}{.operation}{"\n"}{end}'
# Another manager changes a field the applier owns
kubectl scale deployment web --replicas=3
kubectl get deployment web -o jsonpath='{range .metadata.managedFields[*]}{.manager}{" "}{.operation}{" "}{.subresource}{"\n"}{end}'
kubectl apply --server-side -f web.yaml
kubectl apply --server-side --field-manager=ci -f web.yaml
# Forcing takes the field back
kubectl apply --server-side --force-conflicts -f web.yaml
kubectl get deployment web -o jsonpath='{.spec.replicas}'; echo
# Dropping a field from the manifest releases it
sed -e '/replicas: 2/d' web.yaml > web-noreplicas.yaml
kubectl apply --server-side -f web-noreplicas.yaml
kubectl get deployment web -o jsonpath='{.spec.replicas}'; echo
kubectl get deployment web -o yaml --show-managed-fields | sed -n '/managedFields:/,/name: web/p' | head -40
# Dry run and bad input
kubectl apply --server-side --dry-run=server -f web.yaml
cat <<'YAML' | kubectl apply --server-side -f -
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: 7
YAML
cat <<'YAML' | kubectl apply --server-side -f -
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: "fast"
bogus: true
YAML
kubectl get configmap settings
