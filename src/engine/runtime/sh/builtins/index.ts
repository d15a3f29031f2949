// The shell builtins (they act on the interpreter itself), looked up after functions and before
// registered commands.

import { ALIAS_BUILTINS } from './alias';
import { CD_BUILTINS } from './cd';
import { BUILTINS_REF, FLOW_BUILTINS } from './flow';
import { JOB_BUILTINS } from './jobs';
import { readBuiltin } from './read';
import { TEST_BUILTINS } from './test';
import type { Builtin } from './types';
import { VAR_BUILTINS } from './vars';

export const BUILTINS = new Map<string, Builtin>(
  Object.entries({
    ...FLOW_BUILTINS,
    ...VAR_BUILTINS,
    ...ALIAS_BUILTINS,
    ...CD_BUILTINS,
    ...JOB_BUILTINS,
    ...TEST_BUILTINS,
    read: readBuiltin,
  }),
);
BUILTINS_REF.map = BUILTINS;

/** Builtins whose NAME=value arguments are expanded like assignments (no splitting). */
export const DECLARATION_BUILTINS = new Set(['export', 'readonly', 'local', 'declare', 'typeset']);

export type { Builtin };
