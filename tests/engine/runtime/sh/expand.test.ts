// Expansion details not covered by the recorded golden cases.

import { describe, expect, it } from 'vitest';
import { harness } from './helpers';

describe('expansion', () => {
  it.each([
    ['x="a  b"; set -- $x; echo $#', '2'],
    ['x="a  b"; set -- "$x"; echo $#', '1'],
    ['set --; set -- "$@"; echo $#', '0'],
    ['set -- a "" c; set -- "$@"; echo $#', '3'],
    ['x=""; set -- $x; echo $#', '0'],
    ['x=""; set -- "$x"; echo $#', '1'],
    ['IFS=,; x="a,,b,"; set -- $x; echo $#', '3'],
    ['x="/a/b/c.tar.gz"; echo ${x##*/} ${x%/*} ${x%.gz}', 'c.tar.gz /a/b /a/b/c.tar'],
    ['x=aXbXc; echo ${x/X/-} ${x//X/-} ${x/#a/A} ${x/%c/C}', 'a-bXc a-b-c AXbXc aXbXC'],
    ['echo ${#}', '0'],
    ['echo $(( $(echo 2) * 3 ))', '6'],
    ['n=5; echo $((n*n)) $(( n > 3 ))', '25 1'],
    ['echo "${HOME:+set}" "${NOPE:-unset}"', 'set unset'],
    ['a=1; b=a; echo $((b + 1))', '2'],
    ['echo $SECONDS', '0'],
    ['echo $LINENO', '1'],
  ])('%s', async (src, out) => {
    expect((await harness().run(src)).stdout).toBe(out + '\n');
  });

  it('$RANDOM is deterministic per shell', async () => {
    const a = (await harness().run('echo $RANDOM $RANDOM')).stdout;
    const b = (await harness().run('echo $RANDOM $RANDOM')).stdout;
    expect(a).toBe(b);
    expect(a).toMatch(/^\d+ \d+\n$/);
  });

  it('nounset and ${x?} errors end the command line', async () => {
    expect(await harness().run('set -u; echo $nope; echo after')).toEqual({ status: 1, stdout: '', stderr: 'bash: nope: unbound variable\n' });
    expect((await harness('busybox').run('echo ${x?custom message}')).stderr).toBe('sh: x: custom message\n');
  });

  it('$$ is 1 in a container shell', async () => {
    expect((await harness('busybox').run('echo $$')).stdout).toBe('1\n');
  });
});
