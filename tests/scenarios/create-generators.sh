# kubectl create's generators: config and secrets from literals, files and env files, services, workloads,
# RBAC, policy objects, tokens; then what the cluster made of them.
kubectl create namespace shop
kubectl config set-context --current --namespace=shop

# config maps and secrets
mkdir -p conf && printf 'debug=true\n' > conf/app.properties && printf 'listen 80;\n' > conf/nginx.conf
printf '# shop settings\nCURRENCY=EUR\nTAX=0.19\n' > shop.env
kubectl create configmap app-config --from-file=conf --from-literal=mode=prod
kubectl create configmap shop-env --from-env-file=shop.env
kubectl create configmap hashed --from-literal=a=1 --append-hash
kubectl create configmap app-config --from-literal=x=y
kubectl create configmap bad --from-literal='a b=1'
kubectl get configmap app-config -o yaml
kubectl create secret generic db --from-literal=user=admin --from-literal=password='s3cr3t!'
kubectl create secret generic db-env --from-env-file=shop.env --type=example.com/env
kubectl create secret docker-registry regcred --docker-username=bob --docker-password=hunter2 --docker-email=bob@example.com
kubectl create secret tls web-tls --cert=nope.crt --key=nope.key
kubectl get secrets
kubectl get secret db -o go-template='{{.data.password | base64decode}}{{"\n"}}'
kubectl get secret regcred -o go-template='{{index .data ".dockerconfigjson" | base64decode}}{{"\n"}}'

# stringData is merged into data by the API server
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Secret
metadata:
  name: api-key
stringData:
  key: abc123
EOF
kubectl get secret api-key -o yaml

# workloads and services
kubectl create deployment web --image=nginx:1.27 --replicas=2 --port=80
kubectl create service clusterip web --tcp=80:80
kubectl create service nodeport web-np --tcp=8080:80 --node-port=30080
kubectl create service externalname search --external-name=search.example.com
kubectl create service clusterip headless --clusterip=None
kubectl create service loadbalancer lb
kubectl create service loadbalancer lb --tcp=443:8443
kubectl create job hello --image=busybox -- echo hello
kubectl create cronjob tick --image=busybox --schedule='*/5 * * * *' -- date
kubectl create job tick-now --from=cronjob/tick
kubectl create ingress shop --class=nginx --rule='shop.example.com/*=web:80,tls=web-tls' --rule='shop.example.com/api=api:http'
kubectl create ingress shop --rule='bad rule'
sleep 30
kubectl get deploy,svc,job,cronjob,ingress
kubectl get job tick-now -o jsonpath='{.metadata.annotations}{"\n"}{.metadata.ownerReferences[0].kind}{"\n"}'
kubectl logs job/hello

# policy and scheduling
kubectl create quota shop-quota --hard=pods=20,requests.cpu=4,memory=8Gi
kubectl create pdb web-pdb --selector=app=web --min-available=1
kubectl create priorityclass important --value=1000 --description='shop critical'
kubectl get quota,pdb
kubectl get priorityclass important

# RBAC and service accounts
kubectl create serviceaccount robot
kubectl create role pod-reader --verb=get,list,watch --resource=pods,deployments.apps
kubectl create role bad --verb=get --resource=nosuchthings
kubectl create rolebinding robot-reads --role=pod-reader --serviceaccount=shop:robot
kubectl create clusterrole node-viewer --verb=get,list --resource=nodes
kubectl create clusterrolebinding robot-nodes --clusterrole=node-viewer --serviceaccount=shop:robot
kubectl auth can-i list pods --as=system:serviceaccount:shop:robot
kubectl auth can-i delete pods --as=system:serviceaccount:shop:robot
kubectl get role pod-reader -o yaml

# tokens
kubectl create token robot --duration=10m -o jsonpath='{.spec.expirationSeconds} {.status.expirationTimestamp}{"\n"}'
kubectl create token robot | cut -d. -f1
kubectl create token robot --duration=1m
kubectl create token nobody

# dry runs print what would be sent
kubectl create deployment preview --image=busybox --dry-run=client -o yaml -- sleep 3600
kubectl create secret generic preview --from-literal=k=v --dry-run=server
kubectl get secret preview
