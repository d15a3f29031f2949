// The test and [ builtins (shell-prefixed errors; exit status 2 on a malformed expression).

import { TestError, evalTest } from './test-expr';
import type { Builtin } from './types';

function testBuiltin(bracket: boolean): Builtin {
  return async (argv, sh, io) => {
    let args = argv.slice(1);
    const name = argv[0];
    if (bracket) {
      if (args[args.length - 1] !== ']') {
        if (sh.flavor === 'busybox') await io.stderr.write(`${sh.arg0}: missing ]\n`);
        else await sh.err("missing `]'", name, io.stderr);
        return 2;
      }
      args = args.slice(0, -1);
    }
    try {
      return evalTest(args, sh);
    } catch (e) {
      if (!(e instanceof TestError)) throw e;
      if (sh.flavor === 'busybox') await io.stderr.write(`${sh.arg0}: ${e.busybox}\n`);
      else await sh.err(e.bash, name, io.stderr);
      return 2;
    }
  };
}

export const TEST_BUILTINS: Record<string, Builtin> = { test: testBuiltin(false), '[': testBuiltin(true) };
