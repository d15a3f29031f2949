// Client-side tables (api-resources, config get-contexts, rollout history…) through kubectl's table
// tabwriter settings (min width 6, tab width 4, padding 3).

import { newTableTabWriter, StringWriter } from './printers/index';

export function tableString(rows: string[][]): string {
  const buf = new StringWriter();
  const w = newTableTabWriter(buf);
  for (const r of rows) w.write(r.join('\t') + '\n');
  w.flush();
  return buf.toString();
}
