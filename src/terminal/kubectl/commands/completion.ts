// kubectl completion SHELL: the playground's terminal completes kubectl on Tab by itself, so instead of a
// script for a shell it does not run, this prints a comment saying so (harmless if sourced).
// mirrors: kubectl/pkg/cmd/completion/completion.go (argument errors)

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';

const SHELLS = ['bash', 'zsh', 'fish', 'powershell'];

export const completionCommand: CommandSpec = {
  name: 'completion',
  group: 'Settings Commands',
  short: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
  long: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell). The shell code must be evaluated to provide interactive completion of kubectl commands.  This can be done by sourcing it from the .bash_profile.\n\n Detailed instructions on how to do this are available here:\n\n        for macOS:\n        https://kubernetes.io/docs/tasks/tools/install-kubectl-macos/#enable-shell-autocompletion\n        \n        for linux:\n        https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/#enable-shell-autocompletion\n        \n        for windows:\n        https://kubernetes.io/docs/tasks/tools/install-kubectl-windows/#enable-shell-autocompletion\n        \n Note for zsh users: [1] zsh completions are only supported in versions of zsh >= 5.2.',
  examples: "  # Installing bash completion on macOS using homebrew\n  ## If running Bash 3.2 included with macOS\n  brew install bash-completion\n  ## or, if running Bash 4.1+\n  brew install bash-completion@2\n  ## If kubectl is installed via homebrew, this should start working immediately\n  ## If you've installed via other means, you may need add the completion to your completion directory\n  kubectl completion bash > $(brew --prefix)/etc/bash_completion.d/kubectl\n  \n  \n  # Installing bash completion on Linux\n  ## If bash-completion is not installed on Linux, install the 'bash-completion' package\n  ## via your distribution's package manager.\n  ## Load the kubectl completion code for bash into the current shell\n  source <(kubectl completion bash)\n  ## Write bash completion code to a file and source it from .bash_profile\n  kubectl completion bash > ~/.kube/completion.bash.inc\n  printf \"\n  # kubectl shell completion\n  source '$HOME/.kube/completion.bash.inc'\n  \" >> $HOME/.bash_profile\n  source $HOME/.bash_profile\n  \n  # Load the kubectl completion code for zsh[1] into the current shell\n  source <(kubectl completion zsh)\n  # Set the kubectl completion code for zsh[1] to autoload on startup\n  kubectl completion zsh > \"${fpath[1]}/_kubectl\"\n  \n  \n  # Load the kubectl completion code for fish[2] into the current shell\n  kubectl completion fish | source\n  # To load completions for each session, execute once:\n  kubectl completion fish > ~/.config/fish/completions/kubectl.fish\n  \n  # Load the kubectl completion code for powershell into the current shell\n  kubectl completion powershell | Out-String | Invoke-Expression\n  # Set kubectl completion code for powershell to run on startup\n  ## Save completion code to a script and execute in the profile\n  kubectl completion powershell > $HOME\\.kube\\completion.ps1\n  Add-Content $PROFILE \"$HOME\\.kube\\completion.ps1\"\n  ## Execute completion code in the profile\n  Add-Content $PROFILE \"if (Get-Command kubectl -ErrorAction SilentlyContinue) {\n  kubectl completion powershell | Out-String | Invoke-Expression\n  }\"\n  ## Add completion code directly to the $PROFILE script\n  kubectl completion powershell >> $PROFILE",
  usage: 'kubectl completion SHELL [options]',
  flags: [
  ],
  async run(k, args) {
    if (args.length === 0) throw new KubectlError("error: Shell not specified.\nSee 'kubectl completion -h' for help and examples");
    if (args.length > 1) throw new KubectlError("error: Too many arguments. Expected only the shell type.\nSee 'kubectl completion -h' for help and examples");
    if (!SHELLS.includes(args[0])) throw new KubectlError(`error: Unsupported shell type "${args[0]}".\nSee 'kubectl completion -h' for help and examples`);
    await k.out('# kubectl completion is built into this playground terminal: press Tab to complete\n# commands, flags, resource types and object names. Nothing to install.\n');
    return 0;
  },
};
