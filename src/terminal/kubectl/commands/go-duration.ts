// Go's time.Duration.String() for messages kubectl prints with %v of a duration ("1m0s", "1.5s", "500ms").

/** Formats a duration in milliseconds the way Go prints a time.Duration. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let rest = Math.abs(ms);
  let s: string;
  if (rest < 1000) {
    // Sub-second durations use the largest fitting unit below a second.
    if (rest >= 1) s = `${trimFraction(rest)}ms`;
    else if (rest >= 0.001) s = `${trimFraction(rest * 1000)}µs`;
    else s = `${Math.round(rest * 1e6)}ns`;
  } else {
    const h = Math.floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const m = Math.floor(rest / 60_000);
    rest -= m * 60_000;
    const sec = `${trimFraction(rest / 1000)}s`;
    s = h ? `${h}h${m}m${sec}` : m ? `${m}m${sec}` : sec;
  }
  return neg ? `-${s}` : s;
}

function trimFraction(n: number): string {
  return String(Number(n.toFixed(9)));
}
