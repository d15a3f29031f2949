import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import { servicePrinter } from '../../../src/engine/printers/service';
import { NOW, ago, m } from './fixtures';

const svc = (name: string, spec: Service['spec'], status?: Service['status']): Service => ({ metadata: { name }, spec, status });

describe('service rows (upstream TestPrintService, TestPrintServiceLoadBalancer)', () => {
  const cases: [string, Service, unknown[]][] = [
    [
      'ClusterIP; the selector is the wide column',
      svc('test1', { type: 'ClusterIP', ports: [{ protocol: 'tcp', port: 2233 }], clusterIPs: ['10.9.8.7'], selector: { foo: 'bar' } }),
      ['test1', 'ClusterIP', '10.9.8.7', '<none>', '2233/tcp', '<unknown>', 'foo=bar'],
    ],
    [
      'NodePort shows port:nodePort',
      svc('test2', { type: 'NodePort', ports: [{ protocol: 'tcp', port: 8888, nodePort: 9999 }], clusterIPs: ['10.9.8.7'] }),
      ['test2', 'NodePort', '10.9.8.7', '<none>', '8888:9999/tcp', '<unknown>', '<none>'],
    ],
    [
      'LoadBalancer without ingress is <pending>',
      svc('test3', { type: 'LoadBalancer', ports: [{ protocol: 'tcp', port: 8888 }], clusterIPs: ['10.9.8.7'] }),
      ['test3', 'LoadBalancer', '10.9.8.7', '<pending>', '8888/tcp', '<unknown>', '<none>'],
    ],
    [
      'LoadBalancer with only externalIPs',
      svc('test4', { type: 'LoadBalancer', ports: [{ protocol: 'tcp', port: 8888 }], clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'] }),
      ['test4', 'LoadBalancer', '10.9.8.7', '80.11.12.10', '8888/tcp', '<unknown>', '<none>'],
    ],
    [
      'LoadBalancer ingress IP then externalIPs',
      svc(
        'test5',
        { type: 'LoadBalancer', ports: [{ protocol: 'tcp', port: 8888 }], clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'] },
        { loadBalancer: { ingress: [{ ip: '3.4.5.6', hostname: 'test.cluster.com' }] } },
      ),
      ['test5', 'LoadBalancer', '10.9.8.7', '3.4.5.6,80.11.12.10', '8888/tcp', '<unknown>', '<none>'],
    ],
    [
      'several ingress IPs and externalIPs',
      svc(
        'test6',
        { type: 'LoadBalancer', ports: [{ protocol: 'tcp', port: 8888 }], clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10', '80.11.12.11'] },
        { loadBalancer: { ingress: [{ ip: '2.3.4.5', hostname: 'a' }, { ip: '3.4.5.6', hostname: 'b' }] } },
      ),
      ['test6', 'LoadBalancer', '10.9.8.7', '2.3.4.5,3.4.5.6,80.11.12.10,80.11.12.11', '8888/tcp', '<unknown>', '<none>'],
    ],
    [
      'ExternalName',
      svc('test7', { type: 'ExternalName', externalName: 'my.database.example.com' }),
      ['test7', 'ExternalName', '<none>', 'my.database.example.com', '<none>', '<unknown>', '<none>'],
    ],
    [
      'ingress IPs sorted and de-duplicated, never clipped (the server renders wide)',
      svc(
        'service4',
        {
          type: 'LoadBalancer',
          clusterIPs: ['1.5.6.7'],
          ports: [{ port: 80, protocol: 'TCP' }, { port: 8090, protocol: 'UDP' }, { port: 8000, protocol: 'TCP' }],
          selector: { foo: 'bar' },
        },
        { loadBalancer: { ingress: [{ ip: '5.6.7.8', hostname: 'host5678' }, { ip: '2.3.4.5' }, { ip: '3.4.5.6' }, { ip: '2.3.4.5' }] } },
      ),
      ['service4', 'LoadBalancer', '1.5.6.7', '2.3.4.5,3.4.5.6,5.6.7.8', '80/TCP,8090/UDP,8000/TCP', '<unknown>', 'foo=bar'],
    ],
    [
      'hostname-only ingress, headless service, clusterIP without clusterIPs',
      svc('lb', { type: 'LoadBalancer', clusterIP: 'None', ports: [{ port: 443, protocol: 'TCP', nodePort: 30443 }] }, {
        loadBalancer: { ingress: [{ hostname: 'a1b2.elb.amazonaws.com' }] },
      }),
      ['lb', 'LoadBalancer', 'None', 'a1b2.elb.amazonaws.com', '443:30443/TCP', '<unknown>', '<none>'],
    ],
    [
      'unknown type',
      svc('odd', { clusterIP: '10.0.0.1', ports: [{ port: 80, protocol: 'TCP' }] }),
      ['odd', '', '10.0.0.1', '<unknown>', '80/TCP', '<unknown>', '<none>'],
    ],
  ];
  it.each(cases)('%s', (_n, s, want) => {
    expect(servicePrinter.rows(s, NOW)).toEqual([want]);
  });

  it('kubernetes default service', () => {
    const s: Service = {
      metadata: { name: 'kubernetes', creationTimestamp: ago(m(42)) },
      spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
    };
    expect(servicePrinter.rows(s, NOW)).toEqual([['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '42m', '<none>']]);
  });
});
