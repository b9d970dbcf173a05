// Core.Intrinsics: one table (INTRINSICS) declares every intrinsic, with its implementation on Jolt values (Julia's
// semantics), the rule for its result type, its effects and how compiled code computes it. The interpreter binds the
// implementations (builtins.ts), inference builds its transfer functions and effects from the rules
// (src/inference/tfuncs.ts) and codegen its wasm from the forms (src/codegen/kinds.ts), so a new intrinsic is one
// entry here (and its name in Base's import list, base/essentials.jl, to be used there as a plain name).
// Integers of every width are handled as bigints normalised to their type's range; Float64 is a JS number, Float32
// a Math.fround'ed number.
import { T, Bits, JChar, type Value } from './values.ts';
import { DataType } from './types.ts';
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

// ------------------------------------------------------------------ implementations

const intBinary =
  (f: (x: bigint, y: bigint) => bigint, sgn: (v: Value) => bigint = signed): Impl =>
  ([x, y]) =>
    mkint(typeOf(x!), f(sgn(x!), sgn(y!)));
const divCheck = (x: Value, y: bigint, isS: boolean) => {
  if (y === 0n) jthrow('DivideError');
  const t = typeOf(x);
  if (isS && y === -1n && signed(x) === -(1n << BigInt(nbits(t) - 1))) jthrow('DivideError');
};
const sdiv: Impl = ([x, y]) => {
  divCheck(x!, signed(y!), true);
  return mkint(typeOf(x!), signed(x!) / signed(y!));
};
const udiv: Impl = ([x, y]) => {
  divCheck(x!, unsigned(y!), false);
  return mkint(typeOf(x!), unsigned(x!) / unsigned(y!));
};
const srem: Impl = ([x, y]) => {
  if (signed(y!) === 0n) jthrow('DivideError');
  return mkint(typeOf(x!), signed(y!) === -1n ? 0n : signed(x!) % signed(y!));
};
const urem: Impl = ([x, y]) => {
  if (unsigned(y!) === 0n) jthrow('DivideError');
  return mkint(typeOf(x!), unsigned(x!) % unsigned(y!));
};
const shiftAmt = (y: Value) => unsigned(y);
const shl: Impl = ([x, y]) => {
  const n = shiftAmt(y!);
  return mkint(typeOf(x!), n >= BigInt(nbits(typeOf(x!))) ? 0n : unsigned(x!) << n);
};
const lshr: Impl = ([x, y]) => {
  const n = shiftAmt(y!);
  return mkint(typeOf(x!), n >= BigInt(nbits(typeOf(x!))) ? 0n : unsigned(x!) >> n);
};
const ashr: Impl = ([x, y]) => {
  const n = shiftAmt(y!);
  const w = BigInt(nbits(typeOf(x!)));
  return mkint(typeOf(x!), signed(x!) >> (n >= w ? w - 1n : n));
};
const ctpop: Impl = ([x]) => {
  let v = unsigned(x!),
    c = 0n;
  while (v) {
    c += v & 1n;
    v >>= 1n;
  }
  return mkint(typeOf(x!), c);
};
const ctlz: Impl = ([x]) => {
  const w = nbits(typeOf(x!));
  let v = unsigned(x!),
    c = 0;
  while (c < w && !(v & (1n << BigInt(w - 1 - c)))) c++;
  return mkint(typeOf(x!), BigInt(c));
};
const cttz: Impl = ([x]) => {
  const w = nbits(typeOf(x!));
  const v = unsigned(x!);
  let c = 0;
  while (c < w && !(v & (1n << BigInt(c)))) c++;
  return mkint(typeOf(x!), BigInt(c));
};
const bswap: Impl = ([x]) => {
  const w = nbits(typeOf(x!)) / 8;
  let v = unsigned(x!),
    r = 0n;
  for (let k = 0; k < w; k++) {
    r = (r << 8n) | (v & 255n);
    v >>= 8n;
  }
  return mkint(typeOf(x!), r);
};
/** the wrapped result and whether it overflowed */
const checked =
  (f: (x: bigint, y: bigint) => bigint, sgn: boolean): Impl =>
  ([x, y]) => {
    const t = typeOf(x!);
    const r = f(sgn ? signed(x!) : unsigned(x!), sgn ? signed(y!) : unsigned(y!));
    const w = mkint(t, r);
    const overflow = sgn ? BigInt.asIntN(nbits(t), r) !== r : BigInt.asUintN(nbits(t), r) !== r;
    return Object.freeze([w, overflow]) as Value;
  };
const f64buf = new DataView(new ArrayBuffer(8));
const bitcast: Impl = ([tv, x]) => {
  const t = tv as DataType;
  const src = typeOf(x!);
  // Julia's checks, in its order (`reinterpret(Int32, [1])` reaches here with an array)
  if (!(t instanceof DataType) || !t.isprimitive)
    jthrow('ErrorException', 'bitcast: target type not a leaf primitive type');
  if (!src.isprimitive) jthrow('ErrorException', 'bitcast: value not a primitive type');
  if (t.nbits !== src.nbits) jthrow('ErrorException', 'bitcast: argument size does not match size of target type');
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
const floatBinary =
  (f: (x: number, y: number) => number): Impl =>
  ([x, y]) =>
    mkfloat(typeOf(x!), f(fval(x!), fval(y!)));
const floatUnary =
  (f: (x: number) => number): Impl =>
  ([x]) =>
    mkfloat(typeOf(x!), f(fval(x!)));
const fma: Impl = ([x, y, z]) => mkfloat(typeOf(x!), fval(x!) * fval(y!) + fval(z!));
const notInt: Impl = ([x]) => (typeof x === 'boolean' ? !x : mkint(typeOf(x!), ~signed(x!)));
const flipsign: Impl = ([x, y]) => mkint(typeOf(x!), signed(y!) < 0n ? -signed(x!) : signed(x!));
const copysign = (x: number, y: number): number => (Math.sign(y) < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x));
const fpiseq: Impl = ([x, y]) => Object.is(fval(x!), fval(y!)) || (Number.isNaN(fval(x!)) && Number.isNaN(fval(y!)));
const fptoi: Impl = ([t, x]) => mkint(t as DataType, BigInt(Math.trunc(fval(x!))));
const rint = (x: number): number => {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
};

// ------------------------------------------------------------------ the table

/** the type of an intrinsic's result, given its arguments' types */
export type IntrinsicResult =
  | 'first' // the first argument's type (arithmetic)
  | 'bool' // Bool (comparisons)
  | 'type_arg' // the type its first argument, a type, names (conversions: `sext_int(Int64, x)`)
  | 'checked'; // Tuple{first argument's type, Bool}: the wrapped result and whether it overflowed

/** What a call may do besides returning, for well-typed arguments. */
export interface IntrinsicEffects {
  /** no side effects: a call on constants may be run at compile time */
  pure: boolean;
  /** 'never', or 'divide_error': DivideError for a zero divisor (second argument), and for typemin ÷ -1 */
  throws: 'never' | 'divide_error';
}

/** How compiled code computes an intrinsic, per kind of operands, as data that src/codegen/kinds.ts turns into wasm:
 *  `form` names one of its emitters, `op` the wasm instruction the form uses without its type prefix (`add` is
 *  i64.add or i32.add by the operands' width). An intrinsic without a form for some operands is called through the
 *  runtime there. */
export interface IntrinsicWasm {
  /** operands of one integer kind other than Bool (a shift's count may be of any integer kind) */
  int?: WasmForm<IntForm>;
  /** Bool operands (i32 0 or 1) */
  bool?: WasmForm<BoolForm>;
  /** operands of one float kind (Float64, Float32) */
  float?: WasmForm<FloatForm>;
  /** `name(T, x)`: x converted to T's kind */
  convert?: WasmForm<ConvertForm>;
}
export interface WasmForm<F extends string> {
  form: F;
  op?: string;
}
/** wrap: `op`, the result wrapped to the type's width; bits: `op` (and, or, xor keep the operands' extension); eq:
 *  `op` giving Bool; compare_signed / compare_unsigned: `op` on the operands read signed / unsigned; divide: `op`
 *  (div_s, rem_s, div_u, rem_u) after the DivideError checks; shift: `op` (shl, shr_u, shr_s) with Julia's counts of
 *  the width or more; the others are the intrinsic of their name */
export type IntForm =
  | 'wrap'
  | 'bits'
  | 'not'
  | 'neg'
  | 'eq'
  | 'compare_signed'
  | 'compare_unsigned'
  | 'popcnt'
  | 'clz'
  | 'ctz'
  | 'flipsign'
  | 'divide'
  | 'shift';
/** binary: `op` giving Bool; not: Bool negation */
export type BoolForm = 'binary' | 'not';
/** arith / unary: `op` giving the same kind; compare: `op` giving Bool; fma: x*y+z rounded once */
export type FloatForm = 'arith' | 'compare' | 'unary' | 'fma';
/** int_to_float / float_to_int: `op` is the signedness (s, u) */
export type ConvertForm = 'sext' | 'zext' | 'int_to_float' | 'float_to_int' | 'fptrunc' | 'fpext' | 'bitcast';

export interface Intrinsic {
  readonly name: string;
  readonly arity: number;
  readonly impl: Impl;
  readonly result: IntrinsicResult;
  readonly effects: IntrinsicEffects;
  /** undefined: compiled code always calls the implementation */
  readonly wasm: IntrinsicWasm | undefined;
}

const TOTAL: IntrinsicEffects = { pure: true, throws: 'never' };
const DIVIDES: IntrinsicEffects = { pure: true, throws: 'divide_error' };

const intWrap = (op: string): IntrinsicWasm => ({ int: { form: 'wrap', op } });
const intDivide = (op: string): IntrinsicWasm => ({ int: { form: 'divide', op } });
const floatArith = (op: string): IntrinsicWasm => ({ float: { form: 'arith', op } });
const floatUnaryOp = (op: string): IntrinsicWasm => ({ float: { form: 'unary', op } });
const floatCompare = (op: string): IntrinsicWasm => ({ float: { form: 'compare', op } });
const intCompare = (form: 'compare_signed' | 'compare_unsigned', op: string): IntrinsicWasm => ({ int: { form, op } });
/** and, or, xor, eq, ne: on Bool the same instruction */
const intAndBool = (form: 'bits' | 'eq', op: string): IntrinsicWasm => ({
  int: { form, op },
  bool: { form: 'binary', op },
});
const convert = (form: ConvertForm, op?: string): IntrinsicWasm => ({ convert: op ? { form, op } : { form } });

/** name, arity, implementation, result type, effects, wasm; in the order Core.Intrinsics binds them */
const entries: [string, number, Impl, IntrinsicResult, IntrinsicEffects, IntrinsicWasm | undefined][] = [
  ['add_int', 2, intBinary((x, y) => x + y), 'first', TOTAL, intWrap('add')],
  ['sub_int', 2, intBinary((x, y) => x - y), 'first', TOTAL, intWrap('sub')],
  ['mul_int', 2, intBinary((x, y) => x * y), 'first', TOTAL, intWrap('mul')],
  ['and_int', 2, intBinary((x, y) => x & y), 'first', TOTAL, intAndBool('bits', 'and')],
  ['or_int', 2, intBinary((x, y) => x | y), 'first', TOTAL, intAndBool('bits', 'or')],
  ['xor_int', 2, intBinary((x, y) => x ^ y), 'first', TOTAL, intAndBool('bits', 'xor')],
  ['sdiv_int', 2, sdiv, 'first', DIVIDES, intDivide('div_s')],
  ['udiv_int', 2, udiv, 'first', DIVIDES, intDivide('div_u')],
  ['srem_int', 2, srem, 'first', DIVIDES, intDivide('rem_s')],
  ['urem_int', 2, urem, 'first', DIVIDES, intDivide('rem_u')],
  ['checked_sdiv_int', 2, sdiv, 'first', DIVIDES, intDivide('div_s')],
  ['checked_udiv_int', 2, udiv, 'first', DIVIDES, intDivide('div_u')],
  ['checked_srem_int', 2, srem, 'first', DIVIDES, intDivide('rem_s')],
  ['checked_urem_int', 2, urem, 'first', DIVIDES, intDivide('rem_u')],
  ['neg_int', 1, ([x]) => mkint(typeOf(x!), -signed(x!)), 'first', TOTAL, { int: { form: 'neg' } }],
  ['not_int', 1, notInt, 'first', TOTAL, { int: { form: 'not' }, bool: { form: 'not' } }],
  ['eq_int', 2, ([x, y]) => unsigned(x!) === unsigned(y!), 'bool', TOTAL, intAndBool('eq', 'eq')],
  ['ne_int', 2, ([x, y]) => unsigned(x!) !== unsigned(y!), 'bool', TOTAL, intAndBool('eq', 'ne')],
  ['slt_int', 2, ([x, y]) => signed(x!) < signed(y!), 'bool', TOTAL, intCompare('compare_signed', 'lt_s')],
  ['sle_int', 2, ([x, y]) => signed(x!) <= signed(y!), 'bool', TOTAL, intCompare('compare_signed', 'le_s')],
  ['ult_int', 2, ([x, y]) => unsigned(x!) < unsigned(y!), 'bool', TOTAL, intCompare('compare_unsigned', 'lt_u')],
  ['ule_int', 2, ([x, y]) => unsigned(x!) <= unsigned(y!), 'bool', TOTAL, intCompare('compare_unsigned', 'le_u')],
  ['shl_int', 2, shl, 'first', TOTAL, { int: { form: 'shift', op: 'shl' } }],
  ['lshr_int', 2, lshr, 'first', TOTAL, { int: { form: 'shift', op: 'shr_u' } }],
  ['ashr_int', 2, ashr, 'first', TOTAL, { int: { form: 'shift', op: 'shr_s' } }],
  ['ctpop_int', 1, ctpop, 'first', TOTAL, { int: { form: 'popcnt' } }],
  ['ctlz_int', 1, ctlz, 'first', TOTAL, { int: { form: 'clz' } }],
  ['cttz_int', 1, cttz, 'first', TOTAL, { int: { form: 'ctz' } }],
  ['bswap_int', 1, bswap, 'first', TOTAL, undefined],
  ['flipsign_int', 2, flipsign, 'first', TOTAL, { int: { form: 'flipsign' } }],
  ['checked_sadd_int', 2, checked((x, y) => x + y, true), 'checked', TOTAL, undefined],
  ['checked_ssub_int', 2, checked((x, y) => x - y, true), 'checked', TOTAL, undefined],
  ['checked_smul_int', 2, checked((x, y) => x * y, true), 'checked', TOTAL, undefined],
  ['checked_uadd_int', 2, checked((x, y) => x + y, false), 'checked', TOTAL, undefined],
  ['checked_usub_int', 2, checked((x, y) => x - y, false), 'checked', TOTAL, undefined],
  ['checked_umul_int', 2, checked((x, y) => x * y, false), 'checked', TOTAL, undefined],
  // conversions: the first argument is the target type
  ['sext_int', 2, ([t, x]) => mkint(t as DataType, signed(x!)), 'type_arg', TOTAL, convert('sext')],
  ['zext_int', 2, ([t, x]) => mkint(t as DataType, unsigned(x!)), 'type_arg', TOTAL, convert('zext')],
  ['trunc_int', 2, ([t, x]) => mkint(t as DataType, unsigned(x!)), 'type_arg', TOTAL, convert('zext')],
  [
    'sitofp',
    2,
    ([t, x]) => mkfloat(t as DataType, Number(signed(x!))),
    'type_arg',
    TOTAL,
    convert('int_to_float', 's'),
  ],
  [
    'uitofp',
    2,
    ([t, x]) => mkfloat(t as DataType, Number(unsigned(x!))),
    'type_arg',
    TOTAL,
    convert('int_to_float', 'u'),
  ],
  ['fptosi', 2, fptoi, 'type_arg', TOTAL, convert('float_to_int', 's')],
  ['fptoui', 2, fptoi, 'type_arg', TOTAL, convert('float_to_int', 'u')],
  ['fptrunc', 2, ([t, x]) => mkfloat(t as DataType, fval(x!)), 'type_arg', TOTAL, convert('fptrunc')],
  ['fpext', 2, ([t, x]) => mkfloat(t as DataType, fval(x!)), 'type_arg', TOTAL, convert('fpext')],
  ['bitcast', 2, bitcast, 'type_arg', TOTAL, convert('bitcast')],
  // floats
  ['add_float', 2, floatBinary((x, y) => x + y), 'first', TOTAL, floatArith('add')],
  ['sub_float', 2, floatBinary((x, y) => x - y), 'first', TOTAL, floatArith('sub')],
  ['mul_float', 2, floatBinary((x, y) => x * y), 'first', TOTAL, floatArith('mul')],
  ['div_float', 2, floatBinary((x, y) => x / y), 'first', TOTAL, floatArith('div')],
  ['rem_float', 2, floatBinary((x, y) => x % y), 'first', TOTAL, undefined],
  ['copysign_float', 2, floatBinary(copysign), 'first', TOTAL, floatArith('copysign')],
  ['neg_float', 1, floatUnary(x => -x), 'first', TOTAL, floatUnaryOp('neg')],
  ['abs_float', 1, floatUnary(Math.abs), 'first', TOTAL, floatUnaryOp('abs')],
  ['fma_float', 3, fma, 'first', TOTAL, { float: { form: 'fma' } }],
  ['muladd_float', 3, fma, 'first', TOTAL, { float: { form: 'fma' } }],
  ['eq_float', 2, ([x, y]) => fval(x!) === fval(y!), 'bool', TOTAL, floatCompare('eq')],
  ['ne_float', 2, ([x, y]) => fval(x!) !== fval(y!), 'bool', TOTAL, floatCompare('ne')],
  ['lt_float', 2, ([x, y]) => fval(x!) < fval(y!), 'bool', TOTAL, floatCompare('lt')],
  ['le_float', 2, ([x, y]) => fval(x!) <= fval(y!), 'bool', TOTAL, floatCompare('le')],
  ['fpiseq', 2, fpiseq, 'bool', TOTAL, undefined],
  ['ceil_llvm', 1, floatUnary(Math.ceil), 'first', TOTAL, floatUnaryOp('ceil')],
  ['floor_llvm', 1, floatUnary(Math.floor), 'first', TOTAL, floatUnaryOp('floor')],
  ['trunc_llvm', 1, floatUnary(Math.trunc), 'first', TOTAL, floatUnaryOp('trunc')],
  ['sqrt_llvm', 1, floatUnary(Math.sqrt), 'first', TOTAL, floatUnaryOp('sqrt')],
  ['rint_llvm', 1, floatUnary(rint), 'first', TOTAL, floatUnaryOp('nearest')],
];

/** every intrinsic, by name */
export const INTRINSICS: ReadonlyMap<string, Intrinsic> = new Map(
  entries.map(([name, arity, impl, result, effects, wasm]) => [name, { name, arity, impl, result, effects, wasm }]),
);
/** the implementations, by name (what Core.Intrinsics binds) */
export const intrinsics: Record<string, Impl> = Object.fromEntries([...INTRINSICS].map(([n, e]) => [n, e.impl]));
