import { describe, expect, it } from 'vitest';
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressClass, NetworkPolicy } from 'kubernetes-types/networking/v1';
import { endpointsPrinter } from '../../../src/engine/printers/endpoints';
import { endpointSlicePrinter } from '../../../src/engine/printers/endpointslice';
import { ingressPrinter } from '../../../src/engine/printers/ingress';
import { ingressClassPrinter } from '../../../src/engine/printers/ingressclass';
import { networkPolicyPrinter } from '../../../src/engine/printers/networkpolicy';
import { NOW, ago, d, m } from './fixtures';

const justNow = ago(-1900);

describe('endpoints (upstream TestPrintEndpoint)', () => {
  const cases: [string, Endpoints, unknown[]][] = [
    ['no subsets', { metadata: { name: 'endpoint1', creationTimestamp: justNow } }, ['endpoint1', '<none>', '0s']],
    [
      'no ports: bare IPs',
      { metadata: { name: 'endpoint3', creationTimestamp: ago(m(5)) }, subsets: [{ addresses: [{ ip: '1.2.3.4' }, { ip: '5.6.7.8' }] }] },
      ['endpoint3', '1.2.3.4,5.6.7.8', '5m'],
    ],
    [
      'two IPs and one port',
      { metadata: { name: 'endpoint2', creationTimestamp: justNow }, subsets: [{ addresses: [{ ip: '1.2.3.4' }, { ip: '5.6.7.8' }], ports: [{ port: 8001, protocol: 'TCP' }] }] },
      ['endpoint2', '1.2.3.4:8001,5.6.7.8:8001', '0s'],
    ],
    [
      'more than three',
      {
        metadata: { name: 'endpoint2', creationTimestamp: justNow },
        subsets: [{ addresses: [{ ip: '1.2.3.4' }, { ip: '5.6.7.8' }, { ip: '9.8.7.6' }, { ip: '6.6.6.6' }], ports: [{ port: 8001, protocol: 'TCP' }] }],
      },
      ['endpoint2', '1.2.3.4:8001,5.6.7.8:8001,9.8.7.6:8001 + 1 more...', '0s'],
    ],
    [
      'ports times addresses; IPv6 bracketed',
      {
        metadata: { name: 'multi' },
        subsets: [
          { addresses: [{ ip: 'fd00::1' }, { ip: '10.0.0.2' }], ports: [{ port: 80 }, { port: 443 }] },
          { addresses: [{ ip: '10.0.0.9' }], ports: [{ port: 80 }] },
        ],
      },
      ['multi', '[fd00::1]:80,10.0.0.2:80,[fd00::1]:443 + 2 more...', '<unknown>'],
    ],
  ];
  it.each(cases)('%s', (_n, ep, want) => {
    expect(endpointsPrinter.rows(ep, NOW)).toEqual([want]);
  });
});

describe('endpoint slices (upstream TestPrintEndpointSlice)', () => {
  const port = (name: string, p: number) => ({ name, port: p, protocol: 'TCP' });
  const cases: [string, EndpointSlice, unknown[]][] = [
    [
      'one port',
      { metadata: { name: 'abcslice.123', creationTimestamp: justNow }, addressType: 'IPv4', ports: [port('http', 80)], endpoints: [{ addresses: ['10.1.2.3', '2001:db8::1234:5678'] }] },
      ['abcslice.123', 'IPv4', '80', '10.1.2.3,2001:db8::1234:5678', '0s'],
    ],
    [
      'two ports, four addresses',
      {
        metadata: { name: 'longerslicename.123', creationTimestamp: ago(m(5)) },
        addressType: 'IPv6',
        ports: [port('http', 80), port('https', 443)],
        endpoints: [{ addresses: ['10.1.2.3', '2001:db8::1234:5678'] }, { addresses: ['10.2.3.4', '2001:db8::2345:6789'] }],
      },
      ['longerslicename.123', 'IPv6', '80,443', '10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...', '5m'],
    ],
    [
      'four ports',
      {
        metadata: { name: 'multiportslice.123', creationTimestamp: ago(m(5)) },
        addressType: 'IPv4',
        ports: [port('http', 80), port('https', 443), port('extra1', 3000), port('extra2', 3001)],
        endpoints: [{ addresses: ['10.1.2.3', '2001:db8::1234:5678'] }, { addresses: ['10.2.3.4', '2001:db8::2345:6789'] }],
      },
      ['multiportslice.123', 'IPv4', '80,443,3000 + 1 more...', '10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...', '5m'],
    ],
    [
      'empty slice; port without number',
      { metadata: { name: 'e' }, addressType: 'IPv4', ports: [{ name: 'http' }, {}], endpoints: [] },
      ['e', 'IPv4', 'http,*', '<unset>', '<unknown>'],
    ],
    ['nothing at all', { metadata: { name: 'n' }, addressType: 'IPv4', endpoints: [] }, ['n', 'IPv4', '<unset>', '<unset>', '<unknown>']],
  ];
  it.each(cases)('%s', (_n, slice, want) => {
    expect(endpointSlicePrinter.rows(slice, NOW)).toEqual([want]);
  });
});

describe('ingresses (upstream TestPrintIngress)', () => {
  it('class, default backend only, address', () => {
    const ing: Ingress = {
      metadata: { name: 'test1', creationTimestamp: ago(d(3650)) },
      spec: { ingressClassName: 'foo', defaultBackend: { service: { name: 'default-backend', port: { name: 'default-backend', number: 80 } } } },
      status: { loadBalancer: { ingress: [{ ip: '2.3.4.5', hostname: 'localhost.localdomain' }] } },
    };
    expect(ingressPrinter.rows(ing, NOW)).toEqual([['test1', 'foo', '*', '2.3.4.5', '80', '10y']]);
  });
  it('hosts beyond three, TLS ports, no class, no address', () => {
    const ing: Ingress = {
      metadata: { name: 'many' },
      spec: {
        rules: [{ host: 'a.example.com' }, {}, { host: 'b.example.com' }, { host: 'c.example.com' }, { host: 'd.example.com' }],
        tls: [{ hosts: ['a.example.com'] }],
      },
    };
    expect(ingressPrinter.rows(ing, NOW)).toEqual([['many', '<none>', 'a.example.com,b.example.com,c.example.com + 2 more...', '', '80, 443', '<unknown>']]);
  });
});

describe('ingress classes (upstream TestPrintIngressClass)', () => {
  it.each<[IngressClass, unknown[]]>([
    [
      { metadata: { name: 'test1', creationTimestamp: ago(d(3650)) }, spec: { controller: 'example.com/controller', parameters: { kind: 'customgroup', name: 'example' } } },
      ['test1', 'example.com/controller', 'customgroup/example', '10y'],
    ],
    [
      {
        metadata: { name: 'test1', creationTimestamp: ago(d(3650)) },
        spec: { controller: 'example.com/controller', parameters: { apiGroup: 'example.com', kind: 'customgroup', name: 'example' } },
      },
      ['test1', 'example.com/controller', 'customgroup.example.com/example', '10y'],
    ],
    [{ metadata: { name: 'test2', creationTimestamp: ago(d(4015)) }, spec: { controller: 'example.com/controller2' } }, ['test2', 'example.com/controller2', '<none>', '11y']],
  ])('%#', (ic, want) => {
    expect(ingressClassPrinter.rows(ic, NOW)).toEqual([want]);
  });
});

describe('network policies (upstream TestPrintNetworkPolicy)', () => {
  it.each<[NetworkPolicy, unknown[]]>([
    [{ metadata: { name: 'policy1', creationTimestamp: justNow }, spec: { podSelector: {} } }, ['policy1', '<none>', '0s']],
    [{ metadata: { name: 'nospec' } }, ['nospec', '<none>', '<unknown>']],
    [{ metadata: { name: 'policy2', creationTimestamp: justNow }, spec: { podSelector: { matchLabels: { foo: 'bar' } } } }, ['policy2', 'foo=bar', '0s']],
  ])('%#', (np, want) => {
    expect(networkPolicyPrinter.rows(np, NOW)).toEqual([want]);
  });
});
