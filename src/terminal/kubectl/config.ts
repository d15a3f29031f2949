// The kubeconfig the terminal's kubectl uses: one cluster, one user, contexts with a default namespace.
// `kubectl config set-context --current --namespace=x` changes it; `config view` prints it.

export interface KubeContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

export class KubeConfig {
  clusters: { name: string; server: string; insecureSkipTLSVerify?: boolean; certificateAuthorityData?: boolean }[];
  users: { name: string; token?: boolean; clientCertificateData?: boolean }[];
  contexts: KubeContext[];
  currentContext: string;

  constructor(server = 'https://127.0.0.1:6443') {
    this.clusters = [{ name: 'kubeplay', server, certificateAuthorityData: true }];
    this.users = [{ name: 'kubeplay-admin', clientCertificateData: true }];
    this.contexts = [{ name: 'kubeplay', cluster: 'kubeplay', user: 'kubeplay-admin' }];
    this.currentContext = 'kubeplay';
  }

  current(): KubeContext | undefined {
    return this.contexts.find((c) => c.name === this.currentContext);
  }

  /** The namespace commands use when -n is not given. */
  get namespace(): string {
    return this.current()?.namespace || 'default';
  }
}
