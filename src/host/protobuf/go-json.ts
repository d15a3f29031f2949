// The JSON text forms of Go values that have their own marshalling: metav1.Time (RFC3339, seconds),
// metav1.MicroTime (RFC3339 with microseconds) and time.Duration (Duration.String()).
// mirrors: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/time.go, micro_time.go; Go's time.Duration.String

/** `2025-01-01T00:00:00Z`. */
export function formatTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `2025-01-01T00:00:00.123456Z`. */
export function formatMicroTime(seconds: number, nanos: number): string {
  const micros = String(Math.floor(nanos / 1000)).padStart(6, '0');
  return formatTime(seconds).replace(/Z$/, `.${micros}Z`);
}

/** Go's Duration.String(): `0s`, `1.5s`, `1h0m0s`, `300ms`, `2µs`, `7ns`. */
export function formatGoDuration(nanos: number): string {
  if (nanos === 0) return '0s';
  const neg = nanos < 0;
  let d = Math.abs(nanos);
  let out: string;
  if (d < 1e9) {
    if (d < 1e3) out = `${d}ns`;
    else if (d < 1e6) out = `${fraction(d, 1e3)}µs`;
    else out = `${fraction(d, 1e6)}ms`;
  } else {
    const h = Math.floor(d / 3600e9);
    d -= h * 3600e9;
    const m = Math.floor(d / 60e9);
    d -= m * 60e9;
    out = `${fraction(d, 1e9)}s`;
    if (h > 0 || m > 0) out = `${m}m${out}`;
    if (h > 0) out = `${h}h${out}`;
  }
  return neg ? `-${out}` : out;
}

/** value/unit with the fractional digits Go prints (trailing zeros dropped). */
function fraction(value: number, unit: number): string {
  const whole = Math.floor(value / unit);
  const rest = value - whole * unit;
  if (rest === 0) return String(whole);
  const digits = String(unit).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}
