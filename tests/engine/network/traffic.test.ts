// In-cluster traffic end to end: DNS names through kube-proxy to the image's answer, busybox wget's and
// curl's exact words for each failure, round robin and session affinity, headless services, CPU per request.

import { beforeAll, describe, expect, it } from 'vitest';
import { deployment, netWorld, pod, service, type NetWorld } from './world';
import { NGINX_WELCOME_START } from './fixtures';

let w: NetWorld;
let clusterIP: string;

beforeAll(async () => {
  w = netWorld();
  w.apply(
    deployment('web', 'nginx:1.27', 2),
    service('web', {}),
    deployment('hello', 'gcr.io/google-samples/hello-app:1.0', 3),
    service('hello', { ports: [{ port: 80, targetPort: 8080 }] }),
    service('sticky', { selector: { app: 'hello' }, ports: [{ port: 80, targetPort: 8080 }], sessionAffinity: 'ClientIP' }),
    service('headless', { selector: { app: 'hello' }, clusterIP: 'None', ports: [{ port: 8080 }] }),
    service('empty', { selector: { app: 'nothing' } }),
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'alias' }, spec: { type: 'ExternalName', externalName: 'web.default.svc.cluster.local' } },
    deployment('echo', 'hashicorp/http-echo:1.0', 1, { args: ['-text=hello from echo'] }),
    service('echo', { ports: [{ name: 'http', port: 80, targetPort: 'echo-port' }] }),
    pod('client', 'busybox:1.36', ['sleep', '3600']),
    pod('old', 'busybox:1.28', ['sleep', '3600']),
    pod('curler', 'curlimages/curl:8.11.1', ['sleep', '3600']),
    pod('debian-nginx', 'nginx:1.27', [], { run: 'debian-nginx' }),
  );
  await w.advance(60_000);
  clusterIP = (w.client.get('services', 'default', 'web') as { spec: { clusterIP: string } }).spec.clusterIP;
}, 60_000);

describe('wget (busybox) through cluster DNS and kube-proxy', () => {
  it.each(['web', 'web.default', 'web.default.svc', 'web.default.svc.cluster.local', 'http://web/', 'web:80/index.html'])('fetches the nginx page by %s', async (name) => {
    const r = await w.exec('client', ['wget', '-qO-', name]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.startsWith(NGINX_WELCOME_START)).toBe(true);
  });

  it('fetches by ClusterIP and prints busybox progress output', async () => {
    const r = await w.exec('client', ['wget', '-O', '-', `http://${clusterIP}`]);
    expect(r.err).toBe(`Connecting to ${clusterIP} (${clusterIP}:80)\nwriting to stdout\n-                    100% |********************************|   615  0:00:00 ETA\nwritten to stdout\n`);
    expect(r.tookMs).toBeLessThan(10);
  });

  it('saves index.html once, then refuses to overwrite it', async () => {
    const first = await w.exec('client', ['wget', 'web']);
    expect(first.err).toMatch(/^Connecting to web \(10\.\d+\.\d+\.\d+:80\)\nsaving to 'index.html'\nindex.html           100% \|\*{32}\|   615  0:00:00 ETA\n'index.html' saved\n$/);
    const again = await w.exec('client', ['wget', 'web']);
    expect(again.code).toBe(1);
    expect(again.err).toContain("wget: can't open 'index.html': File exists\n");
  });

  it('reports HTTP errors, refused connections, unknown names and timeouts in busybox words', async () => {
    const cases: [string[], RegExp, number?][] = [
      [['wget', '-q', 'web/missing'], /^wget: server returned error: HTTP\/1\.1 404 Not Found\n$/],
      [['wget', '-qO-', 'empty'], /^wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection refused\n$/],
      [['wget', '-qO-', 'nosuchsvc'], /^wget: bad address 'nosuchsvc'\n$/],
      [['wget', '-qO-', '-T', '2', 'web:8080'], /^wget: download timed out\n$/, 2000],
      [['wget', '-qO-', 'web:8080'], /^wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection timed out\n$/, 127_000],
    ];
    for (const [argv, err, took] of cases) {
      const r = await w.exec('client', argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err, argv.join(' ')).toMatch(err);
      if (took !== undefined) expect(Math.abs(r.tookMs - took), argv.join(' ')).toBeLessThan(10);
    }
  });

  it('shows the server response with -S and checks existence with --spider', async () => {
    const s = await w.exec('client', ['wget', '-S', '--spider', 'web']);
    expect(s.err).toMatch(/^Connecting to web \(.*\)\n  HTTP\/1\.1 200 OK\n  Server: nginx\/1\.27\.3\n  Date: .* GMT\n  Content-Type: text\/html\n  Content-Length: 615\n/);
    expect(s.err).toMatch(/  Connection: close\n  ETag: "6745ef54-267"\n  Accept-Ranges: bytes\n  \nremote file exists\n$/);
  });

  it('follows named target ports and serves http-echo text', async () => {
    const r = await w.exec('client', ['wget', '-qO-', 'echo']);
    // The Deployment's container declares no port named echo-port: no endpoints, kube-proxy rejects.
    expect(r.err).toMatch(/Connection refused/);
  });
});

describe('load balancing', () => {
  it('spreads connections round robin over ready endpoints', async () => {
    const hosts: string[] = [];
    for (let i = 0; i < 6; i++) hosts.push(/Hostname: (\S+)/.exec((await w.exec('client', ['wget', '-qO-', 'hello'])).out)![1]);
    expect(new Set(hosts).size).toBe(3);
    expect(hosts.slice(3)).toEqual(hosts.slice(0, 3));
  });

  it('keeps a client on one endpoint with sessionAffinity: ClientIP', async () => {
    const hosts = new Set<string>();
    for (let i = 0; i < 4; i++) hosts.add(/Hostname: (\S+)/.exec((await w.exec('client', ['wget', '-qO-', 'sticky'])).out)![1]);
    expect(hosts.size).toBe(1);
  });

  it('records CPU on the serving container', async () => {
    const webPods = [...w.client.list<{ metadata: { uid: string; labels: Record<string, string> } }>('pods', 'default')].filter((p) => p.metadata.labels.app === 'web');
    const now = w.cluster.clock.now();
    const total = webPods.reduce((s, p) => s + w.cluster.load.cpuCores({ podUid: p.metadata.uid, container: 'web' }, now, 600_000), 0);
    expect(total).toBeGreaterThan(0);
  });
});

describe('cluster DNS', () => {
  it('answers nslookup like busybox 1.36, search domains and all', async () => {
    const r = await w.exec('client', ['nslookup', 'web']);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${clusterIP}\n\n` +
        `** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n\n` +
        `** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n`,
    );
  });

  it('answers nslookup like busybox 1.28 (the DNS debugging docs)', async () => {
    const r = await w.exec('old', ['nslookup', 'kubernetes.default']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n');
    const bad = await w.exec('old', ['nslookup', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe("nslookup: can't resolve 'nope'\n");
  });

  it('resolves headless services to ready pod IPs, pod A records and ExternalName CNAMEs', async () => {
    const ips = [...w.client.list<{ metadata: { labels: Record<string, string> }; status: { podIP: string } }>('pods', 'default')]
      .filter((p) => p.metadata.labels.app === 'hello')
      .map((p) => p.status.podIP)
      .sort();
    const h = await w.exec('client', ['nslookup', 'headless.default.svc.cluster.local']);
    expect(h.out).toContain(ips.map((ip) => `Name:\theadless.default.svc.cluster.local\nAddress: ${ip}\n`).join(''));
    const podName = `${ips[0].replace(/\./g, '-')}.default.pod.cluster.local`;
    expect((await w.exec('client', ['nslookup', podName])).out).toContain(`Name:\t${podName}\nAddress: ${ips[0]}\n`);
    const alias = await w.exec('client', ['nslookup', 'alias.default.svc.cluster.local']);
    expect(alias.out).toContain(`alias.default.svc.cluster.local\tcanonical name = web.default.svc.cluster.local\nName:\tweb.default.svc.cluster.local\nAddress: ${clusterIP}\n`);
    expect((await w.exec('client', ['wget', '-qO-', 'alias'])).out.startsWith(NGINX_WELCOME_START)).toBe(true);
  });
});

describe('curl', () => {
  it('is missing from busybox and present in curlimages/curl', async () => {
    const r = await w.exec('client', ['sh', '-c', 'curl web']);
    expect(r.code).toBe(127);
    expect(r.err).toBe('sh: curl: not found\n');
    const ok = await w.exec('curler', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'http://web']);
    expect(ok.out).toBe('200\n');
  });

  it('uses each version’s error texts', async () => {
    const cases: [string, string[], number, string][] = [
      ['curler', ['curl', '-sS', 'http://empty'], 7, /^curl: \(7\) Failed to connect to empty port 80 after \d+ ms: Could not connect to server\n$/.source],
      ['debian-nginx', ['curl', '-sS', 'http://empty'], 7, /^curl: \(7\) Failed to connect to empty port 80 after \d+ ms: Couldn't connect to server\n$/.source],
      ['curler', ['curl', '-sS', 'http://nope'], 6, /^curl: \(6\) Could not resolve host: nope\n$/.source],
      ['curler', ['curl', '-sS', '--max-time', '3', 'http://web:8080'], 28, /^curl: \(28\) Connection timed out after 3001 milliseconds\n$/.source],
      ['curler', ['curl', '-sSf', 'http://web/nope'], 22, /^curl: \(22\) The requested URL returned error: 404\n$/.source],
      ['curler', ['curl', '-s', 'http://web/nope', '-f'], 22, /^$/.source],
    ];
    for (const [p, argv, code, err] of cases) {
      const r = await w.exec(p, argv);
      expect(r.code, argv.join(' ')).toBe(code);
      expect(r.err, argv.join(' ')).toMatch(new RegExp(err));
    }
  });

  it('prints the progress meter when stdout is not a terminal', async () => {
    const r = await w.exec('curler', ['curl', 'http://web']);
    expect(r.err).toMatch(/^  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100   615  100   615    0     0  *\d+k?      0 --:--:-- --:--:-- --:--:-- *\d+k?\n$/);
  });

  it('shows request and response headers with -v', async () => {
    const r = await w.exec('curler', ['curl', '-sv', 'http://web/']);
    expect(r.err).toMatch(/^\* Host web:80 was resolved\.\n\* IPv6: \(none\)\n\* IPv4: (10\.[\d.]+)\n\*   Trying \1:80\.\.\.\n\* Connected to web \(\1\) port 80\n> GET \/ HTTP\/1\.1\r\n> Host: web\r\n> User-Agent: curl\/8\.11\.1\r\n> Accept: \*\/\*\r\n> \r\n\* Request completely sent off\n< HTTP\/1\.1 200 OK\r\n/);
    expect(r.err).toMatch(/< \r\n\* Connection #0 to host web left intact\n$/);
  });
});
