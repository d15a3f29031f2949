// kubectl expose: a Service for a deployment, replica set, replication controller, pod or service,
// with the selector, ports, protocols and labels taken from the target unless given.
// mirrors: kubectl/pkg/cmd/expose/expose.go

import type { CommandSpec } from '../command';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError, ServerError } from '../errors';
import { parseOutput } from '../output';
import { asStatus, withLastApplied } from './apply';
import { SAVE_CONFIG, dryRunStrategy } from './create-common';
import { DRY_RUN_FLAG, KUSTOMIZE_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, fieldManagerFlag, filenameFlag, namespaceOf, printOperation, typedJson } from './workload-flags';
import { resolveTargets, reportErrors } from './targets';
import { buildService, canBeExposed, mapBasedSelector, portsForObject, protocolsForObject } from './expose-service';
import { applyOverrides } from './run-pod';

export const exposeCommand: CommandSpec = {
  name: 'expose',
  group: 'Basic Commands (Beginner)',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: 'Expose a resource as a new Kubernetes service.\n\n Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.\n\n Possible resources include (case insensitive):\n\n pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)',
  examples:
    '  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000\n  kubectl expose rc nginx --port=80 --target-port=8000\n  \n  # Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000\n  kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000\n  \n  # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"\n  kubectl expose pod valid-pod --port=444 --name=frontend\n  \n  # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"\n  kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https\n  \n  # Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named \'video-stream\'.\n  kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream\n  \n  # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000\n  kubectl expose rs nginx --port=80 --target-port=8000\n  \n  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000\n  kubectl expose deployment nginx --port=80 --target-port=8000',
  usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    ...PRINT_FLAGS,
    { name: 'cluster-ip', type: 'string', default: '', usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    DRY_RUN_FLAG,
    { name: 'external-ip', type: 'string', default: '', usage: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.' },
    fieldManagerFlag('kubectl-expose'),
    filenameFlag('Filename, directory, or URL to files identifying the resource to expose a service'),
    KUSTOMIZE_FLAG,
    { name: 'labels', short: 'l', type: 'string', default: '', usage: 'Labels to apply to the service created by this call.' },
    { name: 'load-balancer-ip', type: 'string', default: '', usage: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' },
    { name: 'name', type: 'string', default: '', usage: 'The name for the newly created object.' },
    { name: 'override-type', type: 'string', default: 'merge', usage: 'The method used to override the generated object: json, merge, or strategic.' },
    { name: 'overrides', type: 'string', default: '', usage: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.' },
    { name: 'port', type: 'string', default: '', usage: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
    { name: 'protocol', type: 'string', default: '', usage: "The network protocol for the service to be created. Default is 'TCP'." },
    RECURSIVE_FLAG,
    SAVE_CONFIG,
    { name: 'selector', type: 'string', default: '', usage: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)' },
    { name: 'session-affinity', type: 'string', default: '', usage: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    { name: 'target-port', type: 'string', default: '', usage: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    { name: 'type', type: 'string', default: '', usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
  ],
  async run(k, args, f) {
    const v = f.values;
    const dry = await dryRunStrategy(k, v['dry-run']);
    if (v.output) parseOutput(v.output as string, false);
    const { namespace, explicit } = namespaceOf(k, v);
    const r = await resolveTargets(k, args, { filenames: v.filename as string[], recursive: v.recursive as boolean, namespace, explicitNamespace: explicit });
    const errors = [...r.errors];
    // Options carried from one object to the next, as kubectl's single options struct does.
    let selector = v.selector as string;
    let port = v.port as string;
    let labels = v.labels as string;
    let protocols = '';
    for (const t of r.targets) {
      try {
        canBeExposed(t.info.group, t.info.kind);
        const o = t.object;
        if (!selector) {
          try {
            selector = mapBasedSelector(o);
          } catch (e) {
            throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
          }
        }
        if (!port) {
          const ports = portsForObject(o);
          if (ports.length === 0 && v['cluster-ip'] !== 'None') throw new KubectlError("error: couldn't find port via --port flag or introspection");
          port = ports.join(',');
        }
        const found = protocolsForObject(o);
        if (found) protocols = found;
        if (!labels) labels = Object.entries(o.metadata?.labels ?? {}).map(([key, val]) => `${key}=${val}`).join(',');
        let svc = buildService({
          name: (v.name as string) || t.name.slice(0, 63),
          selector,
          labels,
          port,
          protocol: v.protocol as string,
          protocols,
          targetPort: v['target-port'] as string,
          type: v.type as string,
          externalIP: v['external-ip'] as string,
          loadBalancerIP: v['load-balancer-ip'] as string,
          sessionAffinity: v['session-affinity'] as string,
          clusterIP: v['cluster-ip'] as string,
        });
        svc = applyOverrides(svc, v.overrides as string, v['override-type'] as string, '', 'v1');
        const info = await k.mapper.lookup('services');
        if (dry === 'client') {
          if (explicit) (svc.metadata ??= {}).namespace = namespace;
          if (v.output === 'json') await k.out(typedJson(svc));
          else await printOperation(k, svc, info, 'exposed', dry, v);
          continue;
        }
        const body = v['save-config'] ? withLastApplied(svc, undefined) : svc;
        const query: Record<string, string> = { fieldManager: v['field-manager'] as string };
        if (dry === 'server') query.dryRun = 'All';
        const res = await k.request({ method: 'POST', path: k.resourcePath(info, namespace), query, body, headers: { 'content-type': 'application/json' } });
        if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
        await printOperation(k, res.body as KubeObject, info, 'exposed', dry, v);
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e;
        errors.push(e);
      }
    }
    return reportErrors(k, errors);
  },
};
