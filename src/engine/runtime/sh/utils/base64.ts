// base64 [-d] [-i] [-w COLS] [FILE]: what people pipe Secret data through (`… -o jsonpath='{.data.x}' |
// base64 -d`). Encoding wraps at 76 columns as GNU and busybox do; decoding ignores newlines.

import type { CommandImpl } from '../types';
import { decodeBase64Bytes, encodeBase64Bytes, utf8Decode, utf8Encode } from '../../../util/base64';
import { getopt, isOptError, optionError } from './getopt';
import { eachInput } from './io';

export const base64: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'diw:', long: { decode: 'd', 'ignore-garbage': 'i', 'wrap=': 'w' } });
  if (isOptError(p)) return optionError(ctx, 'base64', p);
  const decode = p.opts.some(([k]) => k === 'd');
  const garbage = p.opts.some(([k]) => k === 'i');
  const w = p.opts.filter(([k]) => k === 'w').pop()?.[1];
  const wrap = w === undefined ? 76 : Number(w);
  if (!Number.isInteger(wrap) || wrap < 0) {
    await ctx.io.stderr.write(`base64: invalid wrap size: '${w}'\n`);
    return 1;
  }
  if (p.operands.length > 1) {
    await ctx.io.stderr.write(`base64: extra operand '${p.operands[1]}'\nTry 'base64 --help' for more information.\n`);
    return 1;
  }
  let code = 0;
  const ok = await eachInput(ctx, 'base64', p.operands, async (input) => {
    const text = await input.readAll();
    if (!decode) {
      const enc = encodeBase64Bytes(utf8Encode(text));
      const lines = wrap === 0 ? [enc] : (enc.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []);
      await ctx.io.stdout.write(lines.length ? lines.join('\n') + (wrap === 0 ? '' : '\n') : '');
      return;
    }
    let clean = text.replace(/[\n\r]/g, '');
    if (garbage) clean = clean.replace(/[^A-Za-z0-9+/=]/g, '');
    // Decodes what it can up to the first bad character, then complains, as GNU does.
    const bad = clean.search(/[^A-Za-z0-9+/=]|=[^=]/);
    const good = bad < 0 ? clean : clean.slice(0, bad - (bad % 4));
    const bytes = decodeBase64Bytes(good);
    if (bytes) await ctx.io.stdout.write(utf8Decode(bytes));
    if (bad >= 0 || !bytes || (clean.replace(/=+$/, '').length % 4 === 1)) {
      await ctx.io.stderr.write('base64: invalid input\n');
      code = 1;
    }
  });
  return ok ? code : 1;
};
