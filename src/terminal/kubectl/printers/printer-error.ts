// The error a kubectl printer reports: kubectl prints "error: " + message on stderr.

/** A kubectl printer error: `message` is what kubectl prints after "error: "; `partialOutput` is
 *  what had already been printed to stdout when it failed. */
export class PrinterError extends Error {
  constructor(message: string, readonly partialOutput = '') {
    super(message);
  }
}
