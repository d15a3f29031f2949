# Draining a node while a PodDisruptionBudget protects the workload
kubectl create deployment web --image=nginx:1.27 --replicas=3
kubectl create poddisruptionbudget web --selector=app=web --min-available=3
sleep 20
kubectl get pdb web
kubectl get pods -o wide
# Every eviction would break the budget: drain retries every 5 s until its timeout
kubectl drain worker-1 --ignore-daemonsets --timeout=12s
kubectl get nodes worker-1
# Loosen the budget and the drain goes through
kubectl patch pdb web --type=merge -p '{"spec":{"minAvailable":2}}'
sleep 2
kubectl get pdb web
kubectl drain worker-1 --ignore-daemonsets
sleep 20
kubectl get pods -o wide
kubectl get pdb web
kubectl describe pdb web
kubectl uncordon worker-1
