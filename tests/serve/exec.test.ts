// pods/exec and pods/attach over WebSocket, driven frame by frame with the `ws` client (channel byte + payload).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, waitFor, type TestServer } from './helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ speed: 10 });
  const res = t.server.cluster.handle({
    method: 'POST',
    path: '/api/v1/namespaces/default/pods',
    body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bb' }, spec: { containers: [{ name: 'main', image: 'busybox', command: ['sleep', '3600'] }] } },
  });
  expect(res.status).toBe(201);
  await waitFor(() => (t.server.cluster.get('pods', 'default', 'bb')?.status as { phase?: string } | undefined)?.phase === 'Running', 10_000, 'pod running');
});
afterAll(async () => {
  await t?.close();
});

interface Session {
  ws: WebSocket;
  frames: [number, string][];
  closed: Promise<number>;
  send(channel: number, text: string): void;
  text(channel: number): string;
  status(): Record<string, unknown> | undefined;
}

function open(query: string, protocol = 'v5.channel.k8s.io', pod = 'bb', sub: 'exec' | 'attach' = 'exec'): Promise<Session> {
  const ws = new WebSocket(`${t.url.replace('http', 'ws')}/api/v1/namespaces/default/pods/${pod}/${sub}?${query}`, [protocol]);
  const frames: [number, string][] = [];
  ws.on('message', (d: Buffer) => frames.push([d[0], d.subarray(1).toString('utf8')]));
  const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode, body: JSON.parse(body) })));
    });
    ws.on('open', () =>
      resolve({
        ws,
        frames,
        closed,
        send: (ch, text) => ws.send(Buffer.concat([Buffer.of(ch), Buffer.from(text)])),
        text: (ch) => frames.filter(([c]) => c === ch).map(([, s]) => s).join(''),
        status: () => {
          const f = frames.find(([c]) => c === 3);
          return f && (JSON.parse(f[1]) as Record<string, unknown>);
        },
      }),
    );
  });
}

const cmd = (...argv: string[]) => argv.map((a) => `command=${encodeURIComponent(a)}`).join('&');

describe('exec over WebSocket', () => {
  it('negotiates v5 and runs a command: stdout, then a Success status, then a normal close', async () => {
    const s = await open(`${cmd('echo', 'hi')}&stdout=true&stderr=true`);
    expect(s.ws.protocol).toBe('v5.channel.k8s.io');
    expect(await s.closed).toBe(1000);
    expect(s.frames).toEqual([
      [1, 'hi\n'],
      [3, '{"metadata":{},"status":"Success"}'],
    ]);
  });

  it('a non-zero exit is a NonZeroExitCode Failure with the ExitCode cause; stderr on channel 2', async () => {
    const s = await open(`${cmd('sh', '-c', 'echo out; echo err >&2; exit 3')}&stdout=true&stderr=true`);
    await s.closed;
    expect(s.text(1)).toBe('out\n');
    expect(s.text(2)).toBe('err\n');
    expect(s.status()).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '3' }] } });
  });

  it('stdin streams: sh runs each line as it comes; the v5 close signal [255, 0] ends its input', async () => {
    const s = await open(`${cmd('sh')}&stdin=true&stdout=true&stderr=true`);
    s.send(0, 'x=4\n');
    s.send(0, 'echo $((x*2))\n');
    await waitFor(() => s.text(1) === '8\n', 5000, 'output before stdin ends');
    s.ws.send(Buffer.of(255, 0));
    await s.closed;
    expect(s.text(1)).toBe('8\n');
    expect(s.status()).toMatchObject({ status: 'Success' });
  });

  it('v4 clients (no stdin close) get one command per line', async () => {
    const s = await open(`${cmd('sh')}&stdin=true&stdout=true&stderr=true`, 'v4.channel.k8s.io');
    expect(s.ws.protocol).toBe('v4.channel.k8s.io');
    s.send(0, 'echo a\necho b\nexit 2\n');
    await s.closed;
    expect(s.text(1)).toBe('a\nb\n');
    expect(s.status()).toMatchObject({ reason: 'NonZeroExitCode', details: { causes: [{ message: '2' }] } });
  });

  it('a tty shell echoes keystrokes, prompts, runs each line and ends on Ctrl-D', async () => {
    const s = await open(`${cmd('sh')}&stdin=true&stdout=true&tty=true`);
    s.send(4, '{"Width":80,"Height":24}');
    s.send(0, 'echo hi\r');
    await waitFor(() => s.text(1).endsWith('/ # '.repeat(1)) && s.text(1).includes('hi\r\n/ # '), 5000, 'output');
    s.send(0, 'ech\x7fho b\r');
    await waitFor(() => s.text(1).split('/ # ').length === 4, 5000, 'second prompt');
    s.send(0, '\x04');
    await s.closed;
    // busybox ash leaves on ^D at its prompt with a newline.
    expect(s.text(1)).toBe('/ # echo hi\r\nhi\r\n/ # ech\b \bho b\r\nb\r\n/ # \r\n');
    expect(s.status()).toMatchObject({ status: 'Success' });
  });

  it('a tty shell keeps its state between lines, is interrupted by ^C and resized by channel 4', async () => {
    const s = await open(`${cmd('sh')}&stdin=true&stdout=true&tty=true`);
    s.send(0, 'cd /etc; x=5\r');
    await waitFor(() => s.text(1).endsWith('/etc # '), 5000, 'prompt in /etc');
    s.send(0, 'sleep 1000\r');
    await waitFor(() => s.text(1).endsWith('sleep 1000\r\n'), 5000, 'sleep running');
    s.send(0, '\x03');
    await waitFor(() => s.text(1).endsWith('^C\r\n/etc # '), 5000, 'interrupted');
    s.send(0, 'echo $x $?');
    await waitFor(() => s.text(1).endsWith('echo $x $?'), 5000, 'typed');
    s.send(4, '{"Width":50,"Height":20}');
    await waitFor(() => s.text(1).endsWith('\r/etc # echo $x $?\x1b[J'), 5000, 'redrawn');
    s.send(0, '\rexit\r');
    await s.closed;
    expect(s.text(1)).toContain('\r\n5 130\r\n/etc # exit\r\n');
    expect(s.status()).toMatchObject({ status: 'Success' });
  });

  it('with a tty, a command other than a bare shell runs at once (stdin is never closed by a terminal)', async () => {
    const s = await open(`${cmd('echo', 'hi')}&stdin=true&stdout=true&tty=true`);
    await s.closed;
    expect(s.frames).toEqual([
      [1, 'hi\r\n'],
      [3, '{"metadata":{},"status":"Success"}'],
    ]);
  });

  it('refuses the upgrade with a Status for a missing pod or container', async () => {
    await expect(open(`${cmd('ls')}&stdout=true`, undefined, 'missing')).rejects.toMatchObject({ status: 404, body: { reason: 'NotFound', message: 'pods "missing" not found' } });
    await expect(open(`${cmd('ls')}&stdout=true&container=nope`)).rejects.toMatchObject({ status: 400, body: { message: 'container nope is not valid for pod bb' } });
  });

  it('a client that hangs up stops the command and frees the session', async () => {
    const s = await open(`${cmd('sh', '-c', 'while true; do echo .; sleep 1; done')}&stdout=true`);
    await waitFor(() => s.text(1).length > 0, 5000, 'first output');
    s.ws.terminate();
    await waitFor(() => t.server.activeExecSessions() === 0, 5000, 'session to end');
    const again = await open(`${cmd('echo', 'still here')}&stdout=true`);
    await again.closed;
    expect(again.text(1)).toBe('still here\n');
  });
});

describe('attach over WebSocket', () => {
  const podWith = (name: string, container: Record<string, unknown>, restartPolicy = 'Always') => {
    const res = t.server.cluster.handle({
      method: 'POST',
      path: '/api/v1/namespaces/default/pods',
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { restartPolicy, containers: [{ name: 'main', image: 'busybox', ...container }] } },
    });
    expect(res.status).toBe(201);
  };
  const running = (name: string) => waitFor(() => (t.server.cluster.get('pods', 'default', name)?.status as { phase?: string } | undefined)?.phase === 'Running', 10_000, `${name} running`);
  const attach = (pod: string, query: string) => open(query, 'v5.channel.k8s.io', pod, 'attach');

  beforeAll(async () => {
    podWith('term', { command: ['sh'], stdin: true, tty: true });
    podWith('lines', { command: ['sh'], stdin: true, stdinOnce: true }, 'Never');
    podWith('ticker', { command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done'] });
    for (const p of ['term', 'lines', 'ticker']) await running(p);
  });

  it('a tty shell: the two resizes kubectl sends redraw the prompt; lines run; exit ends the session with Success', async () => {
    const s = await attach('term', 'container=main&stdin=true&stdout=true&tty=true');
    s.send(4, '{"Width":81,"Height":25}');
    s.send(4, '{"Width":80,"Height":24}');
    await waitFor(() => s.text(1) === '\r/ # \x1b[J\r/ # \x1b[J', 5000, 'prompt redrawn twice');
    s.send(0, 'echo $HOSTNAME\r');
    await waitFor(() => s.text(1).endsWith('term\r\n/ # '), 5000, 'output');
    s.send(0, 'exit\r');
    await s.closed;
    expect(s.text(1)).toBe('\r/ # \x1b[J\r/ # \x1b[Jecho $HOSTNAME\r\nterm\r\n/ # exit\r\n');
    expect(s.status()).toEqual({ metadata: {}, status: 'Success' });
  });

  it('a shell on a plain stdin (stdinOnce): lines run as sent, closing stdin ends the shell and the session', async () => {
    const s = await attach('lines', 'stdin=true&stdout=true&stderr=true');
    s.send(0, 'echo out; echo err >&2\n');
    await waitFor(() => s.text(1) === 'out\n' && s.text(2) === 'err\n', 5000, 'output');
    s.ws.send(Buffer.of(255, 0));
    await s.closed;
    expect(s.status()).toEqual({ metadata: {}, status: 'Success' });
    await waitFor(() => (t.server.cluster.get('pods', 'default', 'lines')?.status as { phase?: string } | undefined)?.phase === 'Succeeded', 10_000, 'lines Succeeded');
  });

  it('a process without stdin: output from now on; what the client sends is dropped; it lasts until the client leaves', async () => {
    const s = await attach('ticker', 'stdin=true&stdout=true&stderr=true');
    s.send(0, 'ignored\n');
    s.ws.send(Buffer.of(255, 0));
    await waitFor(() => (s.text(1).match(/tick \d+\n/g) ?? []).length >= 2, 5000, 'two ticks');
    expect(s.text(1)).toMatch(/^(tick \d+\n)+$/);
    expect(s.text(1)).not.toMatch(/^tick 1\n/);
    s.ws.close();
    await s.closed;
    await waitFor(() => t.server.activeExecSessions() === 0, 5000, 'session to end');
  });

  it('refuses the upgrade for a container the pod does not have; pods/portforward is not served', async () => {
    await expect(attach('term', 'container=nope&stdout=true')).rejects.toMatchObject({ status: 400, body: { message: 'container nope is not valid for pod term' } });
    await expect(open('ports=80', 'v5.channel.k8s.io', 'term', 'portforward' as 'exec')).rejects.toMatchObject({ status: 400 });
  });
});
