import { describe, expect, it } from 'vitest';
import { expandHistory } from '../../src/worker/history-expansion';

const history = ['kubectl get pods', 'echo hello world', 'kubectl describe node worker-1'];

describe('expandHistory', () => {
  it.each([
    ['no bang', 'ls -l', 'ls -l', false],
    ['!! is the last command', '!!', 'kubectl describe node worker-1', true],
    ['!! inside a line', 'sudo !!', 'sudo kubectl describe node worker-1', true],
    ['!n by number', '!1', 'kubectl get pods', true],
    ['!-n counts back', '!-2', 'echo hello world', true],
    ['!prefix finds the latest match', '!kubectl', 'kubectl describe node worker-1', true],
    ['!ec', '!ec', 'echo hello world', true],
    ['!$ is the last word', 'kubectl get node !$', 'kubectl get node worker-1', true],
    ['not inside single quotes', "echo '!!'", "echo '!!'", false],
    ['not after a backslash', 'echo \\!!', 'echo \\!!', false],
    ['not before a space or =', 'echo ! x != y', 'echo ! x != y', false],
    ['inside double quotes (like bash)', 'echo "!!"', 'echo "kubectl describe node worker-1"', true],
  ])('%s', (_name, line, out, expanded) => {
    expect(expandHistory(line, history)).toEqual({ ok: true, line: out, expanded });
  });

  it.each([
    ['!zz', 'bash: !zz: event not found\n'],
    ['!9', 'bash: !9: event not found\n'],
  ])('%s is an error', (line, error) => {
    expect(expandHistory(line, history)).toEqual({ ok: false, error });
  });

  it('!! with no history is an error', () => {
    expect(expandHistory('!!', [])).toEqual({ ok: false, error: 'bash: !!: event not found\n' });
  });
});
