// Compound commands: if, while/until, for, for ((…)), case, groups, subshells, [[ ]] and (( )).

import type { CompoundCommand } from './ast';
import { evalCond } from './builtins/test-expr';
import { arith, expandPattern, expandWord, expandWords } from './expand';
import type { Interp } from './interpreter';
import { compilePattern } from './pattern';
import type { Fd } from './redirect';

export async function runCompound(sh: Interp, cmd: CompoundCommand, fds: Fd[]): Promise<number> {
  switch (cmd.type) {
    case 'group':
      return sh.runList(cmd.body, fds);
    case 'subshell':
      return sh.subshell().runProcess(cmd.body, fds);
    case 'if': {
      for (const c of cmd.clauses) {
        if ((await sh.cond(c.cond, fds)) === 0) return sh.runList(c.body, fds);
      }
      return cmd.elseBody ? sh.runList(cmd.elseBody, fds) : 0;
    }
    case 'while':
    case 'until': {
      let st = 0;
      sh.loopDepth++;
      try {
        for (;;) {
          await sh.tick();
          const c = await sh.cond(cmd.cond, fds);
          if ((c === 0) !== (cmd.type === 'while')) break;
          const r = await sh.loopBody(cmd.body, fds);
          st = r.st;
          if (r.ctl === 'break') break;
        }
      } finally {
        sh.loopDepth--;
      }
      return st;
    }
    case 'for': {
      const items = cmd.items ? await expandWords(cmd.items, sh) : sh.state.positional.slice();
      let st = 0;
      sh.loopDepth++;
      try {
        for (const v of items) {
          await sh.tick();
          sh.setVar(cmd.name, v);
          const r = await sh.loopBody(cmd.body, fds);
          st = r.st;
          if (r.ctl === 'break') break;
        }
      } finally {
        sh.loopDepth--;
      }
      return st;
    }
    case 'arithfor': {
      let st = 0;
      sh.loopDepth++;
      try {
        arith(await expandWord(cmd.init, sh), sh);
        for (;;) {
          await sh.tick();
          const c = await expandWord(cmd.cond, sh);
          if (c.trim() !== '' && arith(c, sh) === 0n) break;
          const r = await sh.loopBody(cmd.body, fds);
          st = r.st;
          if (r.ctl === 'break') break;
          arith(await expandWord(cmd.step, sh), sh);
        }
      } finally {
        sh.loopDepth--;
      }
      return st;
    }
    case 'case': {
      const word = await expandWord(cmd.word, sh);
      let st = 0;
      let fall = false;
      for (let i = 0; i < cmd.items.length; i++) {
        const item = cmd.items[i];
        let hit = fall;
        for (let k = 0; !hit && k < item.patterns.length; k++) {
          hit = compilePattern(await expandPattern(item.patterns[k], sh)).test(word);
        }
        if (!hit) continue;
        st = await sh.runList(item.body, fds);
        if (item.term === ';;') return st;
        fall = item.term === ';&';
      }
      return st;
    }
    case 'cond':
      return evalCond(sh, cmd.args, fds);
    case 'arithcmd':
      return arith(await expandWord(cmd.expr, sh), sh) !== 0n ? 0 : 1;
  }
}
