// `kubeplay <command>`: run, serve, kubectl, bench — the headless faces of the engine.

const USAGE = `kubeplay - a Kubernetes cluster simulated in TypeScript

Usage:
  kubeplay run FILE [--seed S] [--nodes N]     run a script of shell/kubectl commands, print the transcript
  kubeplay serve [--port 6443] [--speed X]      serve the Kubernetes API over HTTP for the real kubectl
  kubeplay kubectl ARGS...                      the playground's kubectl against $KUBECONFIG or --server
  kubeplay bench [--nodes N] [--pods P]         boot a large cluster and measure convergence
  kubeplay help                                 this text
`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'run':
      return (await import('./run')).runCommand(rest);
    case 'serve':
      return (await import('./serve')).serveCommand(rest);
    case 'kubectl':
      return (await import('./kubectl')).kubectlCommand(rest);
    case 'bench':
      return (await import('./bench')).benchCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return cmd === undefined ? 1 : 0;
    default:
      process.stderr.write(`kubeplay: unknown command "${cmd}"\n\n${USAGE}`);
      return 1;
  }
}
