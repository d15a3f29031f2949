// Shared by the golden tests: runs a printer the way kubectl's command layer reports results
// (stdout text; "error: …" on stderr and exit status 1), for comparison with real kubectl output.
import { PrinterError } from '../../../../src/terminal/kubectl/printers/printer-error';
import { SortError } from '../../../../src/terminal/kubectl/printers/sort';

export interface Outcome {
  out: string;
  err: string;
  rc: number;
}

/** klog's fatal-line header (time and pid vary): kept as "F <source>] ". */
export function normaliseKlog(err: string): string {
  return err.replace(/^F\d{4} \d\d:\d\d:\d\d\.\d{6}\s+\d+ (\S+)\] /, 'F $1] ');
}

export function outcome(fn: () => string): Outcome {
  try {
    return { out: fn(), err: '', rc: 0 };
  } catch (e) {
    if (e instanceof SortError) return { out: '', err: `F ${e.source}] ${e.message}\n`, rc: 1 };
    const msg = (e as Error).message;
    const partial = e instanceof PrinterError ? e.partialOutput : '';
    return { out: partial, err: 'error: ' + msg + (msg.endsWith('\n') ? '' : '\n'), rc: 1 };
  }
}
