// BigInt arithmetic for Base (base/gmp.jl) through `ccall`: a BigInt is a JBigInt holding a JS bigint, so each
// operation is one JS bigint operation. Base checks the arguments Julia checks (division by zero, negative
// powers, ranges of conversions) before calling, so these never see them.
import { JBigInt, Sym, type Value } from './values.ts';
import type { DataType } from './types.ts';
import { ival, mkint } from './intrinsics.ts';
import { registerForeign } from './foreign.ts';

const big = (v: Value): bigint => (v instanceof JBigInt ? v.v : typeof v === 'number' ? BigInt(v) : ival(v));

// quotients rounded down and up from JS's truncating division
const fdiv = (x: bigint, y: bigint): bigint => {
  const q = x / y;
  return x % y !== 0n && x < 0n !== y < 0n ? q - 1n : q;
};
const cdiv = (x: bigint, y: bigint): bigint => {
  const q = x / y;
  return x % y !== 0n && x < 0n === y < 0n ? q + 1n : q;
};
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

const BINOPS: Record<string, (x: bigint, y: bigint) => bigint> = {
  add: (x, y) => x + y,
  sub: (x, y) => x - y,
  mul: (x, y) => x * y,
  tdiv: (x, y) => x / y,
  trem: (x, y) => x % y,
  fdiv,
  cdiv,
  fmod: (x, y) => x - fdiv(x, y) * y,
  gcd,
  lcm: (x, y) => {
    const l = x === 0n || y === 0n ? 0n : (x / gcd(x, y)) * y;
    return l < 0n ? -l : l;
  },
  and: (x, y) => x & y,
  or: (x, y) => x | y,
  xor: (x, y) => x ^ y,
  pow: (x, y) => x ** y,
  shl: (x, y) => x << y,
  // JS's >> on a bigint rounds toward minus infinity, as Julia's >> on a BigInt
  shr: (x, y) => x >> y,
};
registerForeign('jl_bigint_op', ([op, x, y]) => new JBigInt(BINOPS[(op as Sym).name]!(big(x!), big(y!))));
registerForeign('jl_bigint_neg', ([x]) => new JBigInt(-big(x!)));
registerForeign('jl_bigint_cmp', ([x, y]) => {
  const a = big(x!),
    b = big(y!);
  return a < b ? -1n : a > b ? 1n : 0n;
});
/** any integer (or an integral Float64) as a BigInt */
registerForeign('jl_bigint_from', ([x]) => (x instanceof JBigInt ? x : new JBigInt(big(x!))));
/** the low bits of x as a value of the bits integer type T (Julia's `x % T`) */
registerForeign('jl_bigint_trunc', ([x, t]) => mkint(t as DataType, big(x!)));
/** the nearest Float64 (ties to even, as Number() rounds) */
registerForeign('jl_bigint_float', ([x]) => Number(big(x!)));

// Text to BigInt as GMP reads it after Julia's preamble (whitespace, a sign, a 0x/0o/0b prefix when base is 0):
// whitespace among the digits is skipped. Returns the BigInt, or 1 when no digit follows the preamble, 2 when a
// character is not a digit of the base (Base raises Julia's error, with the text shown as `repr` shows it).
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
registerForeign('jl_bigint_parse', ([s, b]) => {
  const str = s as string;
  let base = Number(b as bigint);
  let i = 0,
    n = str.length;
  while (i < n && isSpace(str.charCodeAt(i))) i++;
  while (n > i && isSpace(str.charCodeAt(n - 1))) n--;
  let neg = false;
  if (i < n && (str[i] === '-' || str[i] === '+')) neg = str[i++] === '-';
  if (base === 0) {
    base = 10;
    const p = str.slice(i, i + 2);
    const pb = p === '0x' ? 16 : p === '0o' ? 8 : p === '0b' ? 2 : 0;
    if (pb) {
      base = pb;
      i += 2;
    }
  }
  if (i >= n) return 1n;
  let v = 0n,
    digits = 0;
  const B = BigInt(base);
  for (; i < n; i++) {
    const c = str.charCodeAt(i);
    if (isSpace(c)) continue;
    const d =
      c >= 48 && c <= 57
        ? c - 48
        : c >= 65 && c <= 90
          ? c - 55
          : c >= 97 && c <= 122
            ? c - 97 + (base <= 36 ? 10 : 36)
            : 99;
    if (d >= base) return 2n;
    v = v * B + BigInt(d);
    digits++;
  }
  if (!digits) return 2n;
  return new JBigInt(neg ? -v : v);
});
