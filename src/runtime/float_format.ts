// C printf's float conversions (%e %f %g %a) as Julia's Printf prints them: digits of the exact binary value,
// rounded half-to-even only on exact ties. Exact integer arithmetic (BigInt) avoids the limits of JS's toFixed
// (values up to 1e21, 100 digits) and its ties-away-from-zero rounding.

/** |x| as m * 2^e with m an integer (x finite) */
function decompose(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return biased === 0 ? [frac, -1074] : [frac | (1n << 52n), biased - 1075];
}

/** round(m * 2^e * 10^k) to an integer, ties to even */
function scaledRound(m: bigint, e: number, k: number): bigint {
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  const q = num / den;
  const twice = 2n * (num - q * den);
  return twice > den || (twice === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** %f body of |x| with `prec` decimals: "12.340" (no point when prec is 0) */
function fixedDigits(m: bigint, e: number, prec: number): string {
  let s = scaledRound(m, e, prec).toString();
  if (prec === 0) return s;
  if (s.length <= prec) s = '0'.repeat(prec + 1 - s.length) + s;
  return `${s.slice(0, s.length - prec)}.${s.slice(s.length - prec)}`;
}

/** the prec+1 significant digits of |x| (nonzero) and its decimal exponent after rounding */
function expDigits(m: bigint, e: number, x: number, prec: number): [string, number] {
  let ex = Math.floor(Math.log10(Math.abs(x)));
  const lo = 10n ** BigInt(prec);
  const hi = lo * 10n;
  for (;;) {
    const q = scaledRound(m, e, prec - ex);
    if (q >= hi) ex++;
    else if (q < lo) ex--;
    else return [q === hi ? (q / 10n).toString() : q.toString(), q === hi ? ex + 1 : ex];
  }
}

function expString(digits: string, ex: number, hash: boolean, mark: string): string {
  const mant = digits.length > 1 || hash ? `${digits[0]}.${digits.slice(1)}` : digits;
  const a = Math.abs(ex);
  return `${mant}${mark}${ex < 0 ? '-' : '+'}${a < 10 ? '0' : ''}${a}`;
}

/** drops trailing zeros of a fraction, and the point if nothing follows it */
const trimFraction = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

/** %a body of |x|: "1.8p+0" (prec < 0: as many hex digits as needed) */
function hexBody(x: number, prec: number, hash: boolean, upper: boolean): string {
  const ax = Math.abs(x);
  let out: string;
  if (ax === 0) {
    out = `0${prec > 0 ? '.' + '0'.repeat(prec) : ''}p+0`;
  } else {
    let [m, e] = decompose(ax);
    // normalize to 1.fff (53 bits) so subnormals print as 0x1.xxxp-10xx
    while (m < 1n << 52n) {
      m <<= 1n;
      e--;
    }
    const exp2 = e + 52;
    let lead: bigint;
    let frac: string;
    if (prec < 0) {
      lead = 1n;
      frac = (m & ((1n << 52n) - 1n)).toString(16).padStart(13, '0').replace(/0+$/, '');
    } else {
      const keep = Math.min(prec, 13);
      // m has 52 fraction bits; keep 4*keep of them, ties to even
      const drop = BigInt(52 - 4 * keep);
      let q = m >> drop;
      const rest = m - (q << drop);
      const half = drop > 0n ? 1n << (drop - 1n) : 0n;
      if (drop > 0n && (rest > half || (rest === half && (q & 1n) === 1n))) q++;
      lead = q >> BigInt(4 * keep);
      frac = keep > 0 ? (q & ((1n << BigInt(4 * keep)) - 1n)).toString(16).padStart(keep, '0') : '';
      frac += '0'.repeat(prec - keep);
    }
    const point = frac.length > 0 || hash ? '.' : '';
    out = `${lead.toString(16)}${point}${frac}p${exp2 < 0 ? '-' : '+'}${Math.abs(exp2)}`;
  }
  return upper ? out.toUpperCase() : out;
}

/** The body (no sign, no padding) of a float printed with conversion `conv` (one of eEfFgGaA), precision `prec`
 *  (-1: none given, only for %a) and the `#` flag. Inf and NaN print as such for every conversion. */
export function printfFloat(x: number, conv: string, prec: number, hash: boolean): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return 'Inf';
  if (conv === 'a' || conv === 'A') return hexBody(x, prec, hash, conv === 'A');
  const [m, e] = decompose(Math.abs(x));
  const upper = conv === 'E' || conv === 'G';
  if (conv === 'f' || conv === 'F') {
    const s = fixedDigits(m, e, prec);
    return hash && prec === 0 ? s + '.' : s;
  }
  if (conv === 'e' || conv === 'E') {
    if (x === 0) return expString('0'.repeat(prec + 1), 0, hash, upper ? 'E' : 'e');
    const [d, ex] = expDigits(m, e, x, prec);
    return expString(d, ex, hash, upper ? 'E' : 'e');
  }
  // %g: fixed or scientific by the exponent the value has when printed with `p` decimals of scientific form
  const p = prec === 0 ? 1 : prec;
  const ex = x === 0 ? 0 : expDigits(m, e, x, p)[1];
  let s: string;
  if (-4 <= ex && ex < p) {
    const fp = p - (ex + 1);
    s = fixedDigits(m, e, fp);
    if (hash && fp === 0) s += '.';
  } else {
    const [d, ex2] = expDigits(m, e, x, p - 1);
    s = expString(d, ex2, hash, upper ? 'E' : 'e');
    if (!hash) {
      const k = s.search(/[eE]/);
      return trimFraction(s.slice(0, k)) + s.slice(k);
    }
    return s;
  }
  return hash ? s : trimFraction(s);
}
