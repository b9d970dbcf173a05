// Core.Intrinsics with Julia's semantics on Jolt values. Integers of every width are handled as bigints
// normalised to their type's range; Float64 is a JS number, Float32 a Math.fround'ed number.
import { T, Bits, JChar, type Value } from './values.ts';
import type { DataType } from './types.ts';
import { typeOf } from './typeof.ts';
import { jthrow } from './errors.ts';

function nbits(t: DataType): number {
  return t === T.Bool ? 1 : t.nbits;
}
function isSignedT(t: DataType): boolean {
  return /^Int/.test(t.name.name.name);
}

/** raw integer bits of a value (as a bigint interpreted per its type's signedness) */
export function ival(v: Value): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (v instanceof JChar) return BigInt(v.cp);
  if (v instanceof Bits) return typeof v.v === 'bigint' ? v.v : BigInt(v.v);
  throw new Error('not an integer value');
}
export function mkint(t: DataType, x: bigint): Value {
  const n = nbits(t);
  const r = isSignedT(t) ? BigInt.asIntN(n, x) : BigInt.asUintN(n, x);
  if (t === T.Int64) return r;
  if (t === T.Bool) return r !== 0n;
  if (t === T.Char) return JChar.of(Number(BigInt.asUintN(32, x)));
  return new Bits(t, r);
}
export function fval(v: Value): number {
  if (typeof v === 'number') return v;
  if (v instanceof Bits && typeof v.v === 'number') return v.v;
  throw new Error('not a float value');
}
function mkfloat(t: DataType, x: number): Value {
  if (t === T.Float64) return x;
  if (t === T.Float32) return new Bits(t, Math.fround(x));
  return new Bits(t, x);
}
const unsigned = (v: Value): bigint => BigInt.asUintN(nbits(typeOf(v)), ival(v));
const signed = (v: Value): bigint => BigInt.asIntN(nbits(typeOf(v)), ival(v));

type Impl = (a: Value[]) => Value;
export const intrinsics: Record<string, Impl> = {};
const I = intrinsics;
const bin = (name: string, f: (x: bigint, y: bigint) => bigint, sgn: (v: Value) => bigint = signed) => {
  I[name] = ([x, y]) => mkint(typeOf(x!), f(sgn(x!), sgn(y!)));
};
bin('add_int', (x, y) => x + y);
bin('sub_int', (x, y) => x - y);
bin('mul_int', (x, y) => x * y);
bin('and_int', (x, y) => x & y);
bin('or_int', (x, y) => x | y);
bin('xor_int', (x, y) => x ^ y);
const divCheck = (x: Value, y: bigint, isS: boolean) => {
  if (y === 0n) jthrow('DivideError');
  const t = typeOf(x);
  if (isS && y === -1n && signed(x) === -(1n << BigInt(nbits(t) - 1))) jthrow('DivideError');
};
I.sdiv_int = ([x, y]) => {
  divCheck(x!, signed(y!), true);
  return mkint(typeOf(x!), signed(x!) / signed(y!));
};
I.udiv_int = ([x, y]) => {
  divCheck(x!, unsigned(y!), false);
  return mkint(typeOf(x!), unsigned(x!) / unsigned(y!));
};
I.srem_int = ([x, y]) => {
  if (signed(y!) === 0n) jthrow('DivideError');
  return mkint(typeOf(x!), signed(y!) === -1n ? 0n : signed(x!) % signed(y!));
};
I.urem_int = ([x, y]) => {
  if (unsigned(y!) === 0n) jthrow('DivideError');
  return mkint(typeOf(x!), unsigned(x!) % unsigned(y!));
};
I.checked_sdiv_int = I.sdiv_int;
I.checked_udiv_int = I.udiv_int;
I.checked_srem_int = I.srem_int;
I.checked_urem_int = I.urem_int;
I.neg_int = ([x]) => mkint(typeOf(x!), -signed(x!));
I.not_int = ([x]) => (typeof x === 'boolean' ? !x : mkint(typeOf(x!), ~signed(x!)));
I.eq_int = ([x, y]) => unsigned(x!) === unsigned(y!);
I.ne_int = ([x, y]) => unsigned(x!) !== unsigned(y!);
I.slt_int = ([x, y]) => signed(x!) < signed(y!);
I.sle_int = ([x, y]) => signed(x!) <= signed(y!);
I.ult_int = ([x, y]) => unsigned(x!) < unsigned(y!);
I.ule_int = ([x, y]) => unsigned(x!) <= unsigned(y!);
const shiftAmt = (y: Value) => unsigned(y);
I.shl_int = ([x, y]) => {
  const n = shiftAmt(y!);
  return mkint(typeOf(x!), n >= BigInt(nbits(typeOf(x!))) ? 0n : unsigned(x!) << n);
};
I.lshr_int = ([x, y]) => {
  const n = shiftAmt(y!);
  return mkint(typeOf(x!), n >= BigInt(nbits(typeOf(x!))) ? 0n : unsigned(x!) >> n);
};
I.ashr_int = ([x, y]) => {
  const n = shiftAmt(y!);
  const w = BigInt(nbits(typeOf(x!)));
  return mkint(typeOf(x!), signed(x!) >> (n >= w ? w - 1n : n));
};
I.ctpop_int = ([x]) => {
  let v = unsigned(x!),
    c = 0n;
  while (v) {
    c += v & 1n;
    v >>= 1n;
  }
  return mkint(typeOf(x!), c);
};
I.ctlz_int = ([x]) => {
  const w = nbits(typeOf(x!));
  let v = unsigned(x!),
    c = 0;
  while (c < w && !(v & (1n << BigInt(w - 1 - c)))) c++;
  return mkint(typeOf(x!), BigInt(c));
};
I.cttz_int = ([x]) => {
  const w = nbits(typeOf(x!));
  const v = unsigned(x!);
  let c = 0;
  while (c < w && !(v & (1n << BigInt(c)))) c++;
  return mkint(typeOf(x!), BigInt(c));
};
I.bswap_int = ([x]) => {
  const w = nbits(typeOf(x!)) / 8;
  let v = unsigned(x!),
    r = 0n;
  for (let k = 0; k < w; k++) {
    r = (r << 8n) | (v & 255n);
    v >>= 8n;
  }
  return mkint(typeOf(x!), r);
};
I.flipsign_int = ([x, y]) => mkint(typeOf(x!), signed(y!) < 0n ? -signed(x!) : signed(x!));
const checked = (name: string, f: (x: bigint, y: bigint) => bigint, sgn: boolean) => {
  I[name] = ([x, y]) => {
    const t = typeOf(x!);
    const r = f(sgn ? signed(x!) : unsigned(x!), sgn ? signed(y!) : unsigned(y!));
    const w = mkint(t, r);
    const overflow = sgn ? BigInt.asIntN(nbits(t), r) !== r : BigInt.asUintN(nbits(t), r) !== r;
    return Object.freeze([w, overflow]) as Value;
  };
};
checked('checked_sadd_int', (x, y) => x + y, true);
checked('checked_ssub_int', (x, y) => x - y, true);
checked('checked_smul_int', (x, y) => x * y, true);
checked('checked_uadd_int', (x, y) => x + y, false);
checked('checked_usub_int', (x, y) => x - y, false);
checked('checked_umul_int', (x, y) => x * y, false);
// conversions: the first argument is the target type
I.sext_int = ([t, x]) => mkint(t as DataType, signed(x!));
I.zext_int = ([t, x]) => mkint(t as DataType, unsigned(x!));
I.trunc_int = ([t, x]) => mkint(t as DataType, unsigned(x!));
I.sitofp = ([t, x]) => mkfloat(t as DataType, Number(signed(x!)));
I.uitofp = ([t, x]) => mkfloat(t as DataType, Number(unsigned(x!)));
I.fptosi = ([t, x]) => mkint(t as DataType, BigInt(Math.trunc(fval(x!))));
I.fptoui = ([t, x]) => mkint(t as DataType, BigInt(Math.trunc(fval(x!))));
I.fptrunc = ([t, x]) => mkfloat(t as DataType, fval(x!));
I.fpext = ([t, x]) => mkfloat(t as DataType, fval(x!));
const f64buf = new DataView(new ArrayBuffer(8));
I.bitcast = ([tv, x]) => {
  const t = tv as DataType;
  const src = typeOf(x!);
  if (t === T.Float64) {
    f64buf.setBigUint64(0, unsigned(x!));
    return f64buf.getFloat64(0);
  }
  if (t === T.Float32) {
    f64buf.setUint32(0, Number(unsigned(x!)));
    return new Bits(t, f64buf.getFloat32(0));
  }
  if (src === T.Float64) {
    f64buf.setFloat64(0, fval(x!));
    return mkint(t, f64buf.getBigUint64(0));
  }
  if (src === T.Float32) {
    f64buf.setFloat32(0, fval(x!));
    return mkint(t, BigInt(f64buf.getUint32(0)));
  }
  return mkint(t, unsigned(x!));
};
// floats
const fbin = (name: string, f: (x: number, y: number) => number) => {
  I[name] = ([x, y]) => mkfloat(typeOf(x!), f(fval(x!), fval(y!)));
};
fbin('add_float', (x, y) => x + y);
fbin('sub_float', (x, y) => x - y);
fbin('mul_float', (x, y) => x * y);
fbin('div_float', (x, y) => x / y);
fbin('rem_float', (x, y) => x % y);
fbin('copysign_float', (x, y) => (Math.sign(y) < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x)));
I.neg_float = ([x]) => mkfloat(typeOf(x!), -fval(x!));
I.abs_float = ([x]) => mkfloat(typeOf(x!), Math.abs(fval(x!)));
I.fma_float = ([x, y, z]) => mkfloat(typeOf(x!), fval(x!) * fval(y!) + fval(z!));
I.muladd_float = I.fma_float;
I.eq_float = ([x, y]) => fval(x!) === fval(y!);
I.ne_float = ([x, y]) => fval(x!) !== fval(y!);
I.lt_float = ([x, y]) => fval(x!) < fval(y!);
I.le_float = ([x, y]) => fval(x!) <= fval(y!);
I.fpiseq = ([x, y]) => Object.is(fval(x!), fval(y!)) || (Number.isNaN(fval(x!)) && Number.isNaN(fval(y!)));
const fun = (name: string, f: (x: number) => number) => {
  I[name] = ([x]) => mkfloat(typeOf(x!), f(fval(x!)));
};
fun('ceil_llvm', Math.ceil);
fun('floor_llvm', Math.floor);
fun('trunc_llvm', Math.trunc);
fun('sqrt_llvm', Math.sqrt);
fun('rint_llvm', x => {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
});
