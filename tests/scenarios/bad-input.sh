# Bad input gets the real error and loses nothing
kubectl create deployment web --image=nginx:1.27 --replicas=2
cat <<EOF > broken.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
 spec:
  replicas: 3
EOF
kubectl apply -f broken.yaml
cat <<EOF > nokind.yaml
apiVersion: v1
metadata:
  name: x
EOF
kubectl apply -f nokind.yaml
cat <<EOF > unknown-kind.yaml
apiVersion: v1
kind: Gizmo
metadata:
  name: x
EOF
kubectl apply -f unknown-kind.yaml
cat <<EOF > unknown-field.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  a: "1"
foo: bar
EOF
kubectl apply -f unknown-field.yaml
cat <<EOF > wrong-type.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web2
spec:
  replicas: three
  selector:
    matchLabels:
      app: web2
  template:
    metadata:
      labels:
        app: web2
    spec:
      containers:
      - name: web
        image: nginx
EOF
kubectl apply -f wrong-type.yaml
cat <<EOF > bad-name.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: Bad_Name
EOF
kubectl apply -f bad-name.yaml
cat <<EOF > invalid.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web3
spec:
  replicas: -1
  selector:
    matchLabels:
      app: other
  template:
    metadata:
      labels:
        app: web3
    spec:
      containers:
      - name: web
        image: nginx
EOF
kubectl apply -f invalid.yaml
kubectl create deployment web --image=nginx
kubectl create namespace Bad
kubectl delete pod nosuchpod
kubectl scale deployment nosuch --replicas=2
kubectl get widgets
kubectl frobnicate
kubectl get pods --frob
kubectl get
kubeplay node kill nosuchnode
kubeplay wibble
notacommand --help
sleep 10
kubectl get deployments
kubectl get pods
