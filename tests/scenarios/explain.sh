# kubectl explain, from the served OpenAPI v3 documents
kubectl explain pods
kubectl explain deploy.spec.strategy --recursive
kubectl explain deployments.apps.spec.replicas
kubectl explain pods.spec.restartPolicy
kubectl explain pods.spec.containers.ports
kubectl explain hpa.spec.scaleTargetRef --api-version=autoscaling/v2
kubectl explain pods.spec.foo
kubectl explain gizmos
kubectl explain pods --api-version=v2
kubectl explain pods -o yaml
kubectl explain
