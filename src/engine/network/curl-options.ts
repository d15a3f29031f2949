// curl's command line as src/tool_getparam.c reads it: clustered short flags, separate arguments
// (`--max-time 5`, never `--max-time=5`), options anywhere among the URLs.
// mirrors: curl src/tool_getparam.c

export interface Options {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  output?: string;
  remoteName: boolean;
  head: boolean;
  include: boolean;
  writeOut?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  fail: boolean;
  location: boolean;
  headers: [string, string][];
  method?: string;
  data?: string;
  insecure: boolean;
  resolve: Map<string, string>;
  agent?: string;
  /** --no-progress-meter: no meter, errors still shown. */
  noMeter: boolean;
  urls: string[];
}

const FLAGS: Record<string, keyof Options> = {
  s: 'silent', S: 'showError', v: 'verbose', O: 'remoteName', I: 'head', i: 'include', f: 'fail', L: 'location', k: 'insecure',
};
const LONG_FLAGS: Record<string, keyof Options> = {
  silent: 'silent', 'show-error': 'showError', verbose: 'verbose', 'remote-name': 'remoteName', head: 'head', include: 'include', fail: 'fail',
  'fail-with-body': 'fail', location: 'location', insecure: 'insecure',
};
/** Options with an argument: short letter or long name → what it sets. */
const WITH_ARG: Record<string, string> = {
  o: 'output', w: 'write-out', m: 'max-time', H: 'header', X: 'request', d: 'data', A: 'user-agent', e: 'referer', u: 'user', x: 'proxy',
  output: 'output', 'write-out': 'write-out', 'max-time': 'max-time', 'connect-timeout': 'connect-timeout', header: 'header', request: 'request',
  data: 'data', 'data-raw': 'data', 'data-binary': 'data', 'user-agent': 'user-agent', resolve: 'resolve', referer: 'referer', user: 'user',
  retry: 'retry', proxy: 'proxy', 'retry-delay': 'retry', 'retry-max-time': 'retry', cacert: 'cacert', cert: 'cert',
};
/** Accepted and ignored. */
const IGNORED = new Set(['4', '6', 'ipv4', 'ipv6', 'compressed', 'http1.1', 'no-keepalive', 'globoff', 'g', 'N', 'no-buffer', 'retry-all-errors', 'retry-connrefused']);

export class Usage extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

function seconds(v: string, name: string): number {
  if (!/^(\d+\.?\d*|\.\d+)$/.test(v)) throw new Usage(`curl: option --${name}: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
  return Math.round(Number(v) * 1000);
}

export function parse(args: string[]): Options {
  const o: Options = { silent: false, showError: false, verbose: false, remoteName: false, head: false, include: false, fail: false, location: false, headers: [], insecure: false, resolve: new Map(), urls: [], noMeter: false };
  const set = (name: string, v: string) => {
    switch (WITH_ARG[name]) {
      case 'output':
        o.output = v;
        break;
      case 'write-out':
        o.writeOut = v;
        break;
      case 'max-time':
        o.maxTimeMs = seconds(v, 'max-time');
        break;
      case 'connect-timeout':
        o.connectTimeoutMs = seconds(v, 'connect-timeout');
        break;
      case 'header': {
        const i = v.indexOf(':');
        if (i > 0) o.headers.push([v.slice(0, i).trim(), v.slice(i + 1).trim()]);
        break;
      }
      case 'request':
        o.method = v;
        break;
      case 'data':
        o.data = o.data === undefined ? v : `${o.data}&${v}`;
        break;
      case 'user-agent':
        o.agent = v;
        break;
      case 'resolve': {
        const m = /^([^:]+):(\d+):(.+)$/.exec(v);
        if (m) o.resolve.set(`${m[1].toLowerCase()}:${m[2]}`, m[3]);
        break;
      }
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2);
      if (name in LONG_FLAGS) (o[LONG_FLAGS[name]] as boolean) = true;
      else if (name === 'no-progress-meter') o.noMeter = true;
      else if (IGNORED.has(name)) continue;
      else if (name in WITH_ARG && name.length > 1) {
        if (i + 1 >= args.length) throw new Usage(`curl: option ${a}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
        set(name, args[++i]);
      } else throw new Usage(`curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k];
        if (c in FLAGS) (o[FLAGS[c]] as boolean) = true;
        else if (IGNORED.has(c)) continue;
        else if (c in WITH_ARG) {
          let v = a.slice(k + 1);
          if (v === '') {
            if (i + 1 >= args.length) throw new Usage(`curl: option -${c}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
            v = args[++i];
          }
          set(c, v);
          break;
        } else throw new Usage(`curl: option -${a.slice(1)}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
      }
      continue;
    }
    o.urls.push(a);
  }
  return o;
}

