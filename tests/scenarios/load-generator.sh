# Demo traffic: kubeplay load sends requests to a Service in the background
kubectl create deployment php-apache --image=registry.k8s.io/hpa-example --replicas=2
kubectl expose deployment php-apache --port=80
sleep 40
kubeplay load php-apache --rps 20
kubeplay load nope --rps 5
kubeplay load php-apache
sleep 30
kubeplay load list
kubectl scale deployment php-apache --replicas=0
sleep 10
kubeplay load list
kubeplay load stop php-apache
kubeplay load list
kubeplay load stop php-apache
