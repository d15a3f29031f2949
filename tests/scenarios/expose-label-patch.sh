# Exposing workloads, and changing objects in place: label, annotate, patch, set, replace, edit.
kubectl create deployment web --image=nginx:1.27 --replicas=2 --port=80
kubectl run db --image=redis:7 --port=6379 --labels=app=db,tier=backend
sleep 15

# expose
kubectl expose deployment web
kubectl expose deployment web --port=8080 --target-port=80 --name=web-nodeport --type=NodePort
kubectl expose pod db --name=db
kubectl expose deployment web --port=80 --name=web-dry --dry-run=client -o yaml
kubectl expose configmap kube-root-ca.crt --port=80
kubectl expose deployment nope --port=80
kubectl run lonely --image=busybox --restart=Never -- sleep 3600
kubectl expose pod lonely
kubectl get svc

# label and annotate
kubectl label pod db env=dev
kubectl label pod db env=prod
kubectl label pod db env=prod --overwrite
kubectl label pod db env=prod --overwrite
kubectl label pod db env-
kubectl label pod db env-
kubectl label pods --all reviewed=yes
kubectl label pods -l app=web tier=frontend
kubectl get pods --show-labels
kubectl label pod db --list
kubectl label pods -l app=web --list
kubectl label pod db 'owner=team a'
kubectl label pod db team=a team-
kubectl label pod db
kubectl label pods tier=x
kubectl label pod db x=1 --resource-version=1
kubectl label deployment web stage=beta --dry-run=client -o name
kubectl annotate deployment web description='the web frontend'
kubectl annotate deployment web description='changed'
kubectl annotate deployment web description='changed' --overwrite
kubectl annotate deployment web --list
kubectl annotate deployment web description-
kubectl annotate deployment web bad

# patch
kubectl patch deployment web -p '{"spec":{"replicas":3}}'
kubectl patch deployment web -p '{"spec":{"replicas":3}}'
kubectl patch deployment web --type=merge -p '{"metadata":{"labels":{"patched":"merge"}}}'
kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":2}]'
kubectl patch deployment web -p $'spec:\n  minReadySeconds: 5'
kubectl patch deployment web --subresource=scale --type=merge -p '{"spec":{"replicas":2}}'
kubectl patch deployment web --type=xml -p '{}'
kubectl patch deployment web
kubectl patch pod nope -p '{}'
kubectl get deployment web -o jsonpath='{.spec.replicas} {.spec.minReadySeconds} {.metadata.labels}{"\n"}'

# set env, image, resources, serviceaccount, selector
kubectl create configmap app-config --from-literal=log.level=debug --from-literal=PORT=8080
kubectl set env deployment/web GREETING=hello MODE=dev
kubectl set env deployment/web --list
kubectl set env deployment/web MODE-
kubectl set env deployment/web --from=configmap/app-config --prefix=APP_
kubectl set env deployment/web --list --resolve
kubectl set env deployment/web GREETING=bye --overwrite=false
kubectl set env deployment/web 2FAST=1
kubectl set image deployment/web nginx=nginx:1.27.3
kubectl set image deployment/web nginx=nginx:1.27.3
kubectl set image deployment/web php=php:8
kubectl set resources deployment/web --limits=cpu=500m,memory=256Mi --requests=cpu=0.1
kubectl set resources deployment/web --limits=cpu=lots
kubectl set serviceaccount deployment web default
kubectl set selector service db app=db
kubectl set selector service db 'app in (db)'
kubectl rollout status deployment/web
kubectl get deployment web -o jsonpath='{.spec.template.spec.containers[0].env}{"\n"}{.spec.template.spec.containers[0].resources}{"\n"}'

# replace and edit
kubectl get deployment web -o yaml > web.yaml
sed -i 's/replicas: 2/replicas: 4/' web.yaml
kubectl replace -f web.yaml
kubectl replace -f web.yaml
kubectl replace --force -f web.yaml
kubectl get deployment web
kubectl edit deployment web
KUBE_EDITOR=nano kubectl edit deployment web
kubectl edit deployment nope
