// How values travel in compiled code (a value's "kind"), and the wasm of the numeric intrinsics on unboxed kinds
// (one emitter per form of the intrinsic table, src/runtime/intrinsics.ts).
//
// Int64 is i64, Float64 f64, Bool i32 (0 or 1). The other bits types Jolt knows travel unboxed too: UInt64 as i64,
// Int32, UInt32, Int16, UInt16, Int8, UInt8 and Char as i32, Float32 as f32. A narrow integer is always kept
// extended to its wasm type by its own signedness (Int8 -1 is i32 -1, UInt8 255 is i32 255), so equality and
// comparisons read it as it is, and arithmetic extends its result again (Julia's wrapping). A Char is its code
// point (values.ts JChar), a 32-bit unsigned number as far as the intrinsics go.
import { T, JChar, Bits, structVecKind, refElements, type Value } from '../runtime/values.ts';
import { DataType, UnionType, type JType } from '../runtime/types.ts';
import { INTRINSICS, type IntForm, type BoolForm, type FloatForm, type ConvertForm } from '../runtime/intrinsics.ts';

/** the bits types other than Int64/Float64/Bool that travel unboxed, by name */
export const BITS_KINDS = {
  UInt64: { wasm: 'i64', bits: 64, signed: false },
  Int32: { wasm: 'i32', bits: 32, signed: true },
  UInt32: { wasm: 'i32', bits: 32, signed: false },
  Int16: { wasm: 'i32', bits: 16, signed: true },
  UInt16: { wasm: 'i32', bits: 16, signed: false },
  Int8: { wasm: 'i32', bits: 8, signed: true },
  UInt8: { wasm: 'i32', bits: 8, signed: false },
  Char: { wasm: 'i32', bits: 32, signed: false },
  Float32: { wasm: 'f32', bits: 32, signed: true },
} as const;
export type BitsKind = keyof typeof BITS_KINDS;

/** how a value travels in compiled code: unboxed numbers; an array or a struct as its WasmGC vector (`vf64`, `vi64`,
 *  `vref`: its elements or fields are read in wasm, and the vector points back to the JArray or JStruct that owns
 *  it), and a Union{T, Nothing} of such a T as T's vector or null for `nothing`; anything else as externref */
export type Kind = 'i64' | 'f64' | 'i32' | 'ref' | 'vf64' | 'vi64' | 'vref' | BitsKind;

const isBitsKindName = (n: string): n is BitsKind => Object.hasOwn(BITS_KINDS, n);

export function kindOf(t: JType | undefined): Kind {
  if (t === T.Int64) return 'i64';
  if (t === T.Float64) return 'f64';
  if (t === T.Bool) return 'i32';
  if (t instanceof DataType && t.parameters.length === 0) {
    const n = t.name.name.name;
    if (isBitsKindName(n) && T[n] === t) return n;
  }
  const v = vecKind(orNothing(t) ?? t);
  return v ? `v${v}` : 'ref';
}
/** T of a Union{T, Nothing} whose T is a concrete type other than Nothing */
export function orNothing(t: JType | undefined): DataType | undefined {
  if (!(t instanceof UnionType) || t.types.length !== 2 || !t.types.includes(T.Nothing!)) return undefined;
  const o = t.types.find(x => x !== T.Nothing);
  return o instanceof DataType && !o.isabstract && !o.hasfreetypevars ? o : undefined;
}
export const wasmType = (k: Kind): string =>
  k === 'ref' ? 'externref' : isVec(k) ? `(ref null $${k})` : isBitsKindName(k) ? BITS_KINDS[k].wasm : k;
export const isVec = (k: Kind | undefined): k is 'vf64' | 'vi64' | 'vref' =>
  k === 'vf64' || k === 'vi64' || k === 'vref';

/** the element kind of a type whose values are WasmGC vectors: arrays of bits types, and structs (values.ts JStruct) */
export function vecKind(t: JType | undefined): 'f64' | 'i64' | 'ref' | undefined {
  if (!(t instanceof DataType)) return undefined;
  if (t.name !== T.Array!.name) return t.isabstract || t.hasfreetypevars ? undefined : structVecKind(t);
  const e = t.parameters[0];
  if (e === T.Float64) return 'f64';
  // Int64 elements, and those of the other bits types as their bits; the others as references, but for
  // Vector{Any}'s JS array (values.ts JArray)
  const k = e instanceof DataType ? kindOf(e) : 'ref';
  return k === 'i64' || k === 'i32' || isBitsKindName(k) ? 'i64' : refElements(t) ? 'ref' : undefined;
}

// ---- the runtime's side: a value of an unboxed bits kind to and from its JS representation

/** the JS value wasm passes for a bits kind (i64 is a BigInt, i32 and f32 numbers) made into a Jolt value */
export function boxBits(k: BitsKind, x: number | bigint): Value {
  const t = T[k]!;
  if (k === 'Char') return JChar.of((x as number) >>> 0);
  if (k === 'Float32') return new Bits(t, x as number);
  if (k === 'UInt64') return new Bits(t, BigInt.asUintN(64, x as bigint));
  if (k === 'UInt32') return new Bits(t, BigInt((x as number) >>> 0));
  return new Bits(t, BigInt(x as number));
}
/** a Jolt value of a bits kind as wasm takes it */
export function unboxBits(k: BitsKind, v: Value): number | bigint {
  if (k === 'Char') {
    if (v instanceof JChar) return v.cp;
  } else if (v instanceof Bits && v.type === T[k]) return k === 'UInt64' ? v.v : Number(v.v);
  throw new Error(`unbox_${k} of another type`);
}

// ---- integers: Int64, UInt64, the narrow ones, Char and Bool (one bit), by their wasm type, width and signedness

export interface IntRep {
  w: 'i32' | 'i64';
  bits: number;
  signed: boolean;
}
export function intRep(k: Kind | undefined): IntRep | undefined {
  if (k === 'i64') return { w: 'i64', bits: 64, signed: true };
  if (k === 'i32') return { w: 'i32', bits: 1, signed: false };
  if (k === undefined || !isBitsKindName(k) || k === 'Float32') return undefined;
  const b = BITS_KINDS[k];
  return { w: b.wasm as 'i32' | 'i64', bits: b.bits, signed: b.signed };
}
const wbits = (r: IntRep): number => (r.w === 'i64' ? 64 : 32);
/** the value's low `bits` sign-extended to its wasm width */
export function sext(r: IntRep, e: string): string {
  if (r.bits === wbits(r)) return e;
  if (r.bits === 8 || r.bits === 16) return `(${r.w}.extend${r.bits}_s ${e})`;
  return `(${r.w}.sub (${r.w}.const 0) (${r.w}.and ${e} (${r.w}.const 1)))`; // one bit (Bool): 0 or -1
}
/** the value's low `bits` zero-extended to its wasm width */
export function zext(r: IntRep, e: string): string {
  if (r.bits === wbits(r)) return e;
  return `(${r.w}.and ${e} (${r.w}.const ${(1 << r.bits) - 1}))`;
}
/** a result computed in the wasm width, extended again as its kind keeps it */
export const norm = (r: IntRep, e: string): string => (r.signed ? sext(r, e) : zext(r, e));
/** the value as an i64, extended by sign or zero from its own width */
export function toI64(r: IntRep, e: string, signed: boolean): string {
  const x = signed ? sext(r, e) : zext(r, e);
  return r.w === 'i64' ? x : `(i64.extend_i32_${signed ? 's' : 'u'} ${x})`;
}
/** an i64's low bits as a value of kind r */
export const fromI64 = (r: IntRep, e: string): string => (r.w === 'i64' ? e : norm(r, `(i32.wrap_i64 ${e})`));

/** a constant of an integer kind, in its kept form */
export function intConst(r: IntRep, v: bigint): string {
  const x = r.signed ? BigInt.asIntN(r.bits, v) : BigInt.asUintN(r.bits, v);
  return `(${r.w}.const ${r.w === 'i64' ? BigInt.asIntN(64, x) : BigInt.asIntN(32, x)})`;
}

/** floats: Float64 and Float32 */
export const floatWasm = (k: Kind | undefined): 'f64' | 'f32' | undefined =>
  k === 'f64' ? 'f64' : k === 'Float32' ? 'f32' : undefined;

// ---- the intrinsics: each emitter is one `form` of src/runtime/intrinsics.ts's table, whose entry gives its wasm op

/** the operands of an intrinsic on one integer kind (a shift's count may be of another) */
interface IntOperands {
  r: IntRep;
  k: Kind;
  ks: readonly Kind[];
  /** operand i's wasm, in its kind */
  ops: readonly string[];
  throwDivide: () => string;
}
type Emitted = [string, Kind] | undefined;
export const INT_EMITTERS: Record<IntForm, (x: IntOperands, op: string) => Emitted> = {
  wrap: ({ r, k, ops: [a, b] }, op) => [norm(r, `(${r.w}.${op} ${a} ${b})`), k],
  // and, or and xor keep both extensions
  bits: ({ r, k, ops: [a, b] }, op) => [`(${r.w}.${op} ${a} ${b})`, k],
  not: ({ r, k, ops: [a] }) => [norm(r, `(${r.w}.xor ${a} (${r.w}.const -1))`), k],
  neg: ({ r, k, ops: [a] }) => [norm(r, `(${r.w}.sub (${r.w}.const 0) ${a})`), k],
  eq: ({ r, ops: [a, b] }, op) => [`(${r.w}.${op} ${a} ${b})`, 'i32'],
  compare_signed: ({ r, ops: [a, b] }, op) => [`(${r.w}.${op} ${sext(r, a!)} ${sext(r, b!)})`, 'i32'],
  compare_unsigned: ({ r, ops: [a, b] }, op) => [`(${r.w}.${op} ${zext(r, a!)} ${zext(r, b!)})`, 'i32'],
  popcnt: ({ r, k, ops: [a] }) => [`(${r.w}.popcnt ${zext(r, a!)})`, k],
  clz: ({ r, k, ops: [a] }) => {
    const w = r.w;
    return [
      r.bits === wbits(r)
        ? `(${w}.clz ${a})`
        : `(${w}.sub (${w}.clz ${zext(r, a!)}) (${w}.const ${wbits(r) - r.bits}))`,
      k,
    ];
  },
  ctz: ({ r, k, ops: [a] }) => {
    const w = r.w;
    return [r.bits === wbits(r) ? `(${w}.ctz ${a})` : `(${w}.ctz (${w}.or ${a} (${w}.const ${1 << r.bits})))`, k];
  },
  flipsign: ({ r, k, ops: [a, b] }) => {
    const w = r.w;
    return [norm(r, `(select (${w}.sub (${w}.const 0) ${a}) ${a} (${w}.lt_s ${sext(r, b!)} (${w}.const 0)))`), k];
  },
  divide: ({ r, k, ops: [a, b], throwDivide }, op) => {
    const w = r.w;
    const signed = op.endsWith('_s');
    const x = signed ? sext(r, a!) : zext(r, a!),
      y = signed ? sext(r, b!) : zext(r, b!);
    // DivideError for a zero divisor, and for typemin ÷ -1 (rem gives 0 there, as wasm's rem_s does)
    const typemin = `(${w}.const ${-(2n ** BigInt(r.bits - 1))})`;
    const guard =
      op === 'div_s'
        ? `(if (i32.or (${w}.eqz ${y}) (i32.and (${w}.eq ${y} (${w}.const -1)) (${w}.eq ${x} ${typemin}))) (then ${throwDivide()} (unreachable)))`
        : `(if (${w}.eqz ${y}) (then ${throwDivide()} (unreachable)))`;
    let q = `(${w}.${op} ${x} ${y})`;
    if (w === 'i64' && r.bits === 64) {
      // operands that fit in 32 bits divide as i32: a 64-bit division costs a few times a 32-bit one on x86-64
      // (a remainder loop over Int64s of ordinary size, as most are); i32.div_s traps on typemin(Int32) ÷ -1
      const fits = signed
        ? `(i64.lt_u (i64.or (i64.add ${x} (i64.const 2147483648)) (i64.add ${y} (i64.const 2147483648))) (i64.const 4294967296))`
        : `(i64.lt_u (i64.or ${x} ${y}) (i64.const 4294967296))`;
      const cond = op === 'div_s' ? `(i32.and ${fits} (i64.ne ${y} (i64.const -1)))` : fits;
      const q32 = `(i64.extend_i32_${signed ? 's' : 'u'} (i32.${op} (i32.wrap_i64 ${x}) (i32.wrap_i64 ${y})))`;
      q = `(if (result i64) ${cond} (then ${q32}) (else ${q}))`;
    }
    return [`(block (result ${w}) ${guard} ${norm(r, q)})`, k];
  },
  // the count may be of any integer kind; a count of the width or more gives 0 (or the sign)
  shift: ({ r, k, ks, ops }, op) => {
    const rc = intRep(ks[1]);
    if (!rc) return undefined;
    const w = r.w;
    const n = toI64(rc, ops[1]!, false);
    const big = `(i64.ge_u ${n} (i64.const ${r.bits}))`;
    const cnt = (e: string): string => (w === 'i64' ? e : `(i32.wrap_i64 ${e})`);
    if (op === 'shl') return [`(select (${w}.const 0) ${norm(r, `(${w}.shl ${ops[0]} ${cnt(n)})`)} ${big})`, k];
    if (op === 'shr_u')
      return [`(select (${w}.const 0) ${norm(r, `(${w}.shr_u ${zext(r, ops[0]!)} ${cnt(n)})`)} ${big})`, k];
    return [norm(r, `(${w}.shr_s ${sext(r, ops[0]!)} ${cnt(`(select (i64.const ${r.bits - 1}) ${n} ${big})`)})`), k];
  },
};
/** Bool operands are i32 0 or 1 */
export const BOOL_EMITTERS: Record<BoolForm, (ops: readonly string[], op: string) => Emitted> = {
  binary: ([a, b], op) => [`(i32.${op} ${a} ${b})`, 'i32'],
  not: ([a]) => [`(i32.eqz ${a})`, 'i32'],
};
export const FLOAT_EMITTERS: Record<
  FloatForm,
  (f: 'f64' | 'f32', k: Kind, ops: readonly string[], op: string) => Emitted
> = {
  arith: (f, k, [a, b], op) => [`(${f}.${op} ${a} ${b})`, k],
  compare: (f, _k, [a, b], op) => [`(${f}.${op} ${a} ${b})`, 'i32'],
  unary: (f, k, [a], op) => [`(${f}.${op} ${a})`, k],
  // x*y+z rounded once more: in Float64 as the runtime computes it (a Float32's product and sum are exact there)
  fma: (f, k, [a, b, c]) => {
    if (f === 'f64') return [`(f64.add (f64.mul ${a} ${b}) ${c})`, 'f64'];
    const p = (e: string): string => `(f64.promote_f32 ${e})`;
    return [`(f32.demote_f64 (f64.add (f64.mul ${p(a!)} ${p(b!)}) ${p(c!)}))`, k];
  },
};

/** the wasm of a numeric intrinsic whose operands are all of one unboxed integer, Bool or float kind (a shift's count
 *  may be of any integer kind), or undefined when it has none here; `operand(i)` is operand i's wasm, in its kind.
 *  Conversions are conversionIntrinsic's. */
export function numericIntrinsic(
  name: string,
  ks: readonly Kind[],
  operand: (i: number) => string,
  throwDivide: () => string,
): [string, Kind] | undefined {
  const intrinsic = INTRINSICS.get(name);
  const wasm = intrinsic?.wasm;
  const k = ks[0];
  if (!wasm || (!wasm.int && !wasm.bool && !wasm.float) || (!intRep(k) && !floatWasm(k))) return undefined;
  const ops = ks.map((_, i) => operand(i));
  const arity = ks.length === intrinsic.arity;
  const same = ks.length > 0 && ks.every(x => x === k);
  if (k === 'i32')
    return wasm.bool && same && arity ? BOOL_EMITTERS[wasm.bool.form](ops, wasm.bool.op ?? '') : undefined;
  const r = intRep(k);
  if (r && wasm.int && (same || wasm.int.form === 'shift'))
    return arity ? INT_EMITTERS[wasm.int.form]({ r, k: k!, ks, ops, throwDivide }, wasm.int.op ?? '') : undefined;
  const f = floatWasm(k);
  if (f && wasm.float && same)
    return arity ? FLOAT_EMITTERS[wasm.float.form](f, k!, ops, wasm.float.op ?? '') : undefined;
  return undefined;
}

/** a conversion `name(T, x)` from x's kind (`rf`: as an integer, `ff`: as a float) to T's (`rt`, `ft`) */
interface Conversion {
  rt: IntRep | undefined;
  rf: IntRep | undefined;
  ft: 'f64' | 'f32' | undefined;
  ff: 'f64' | 'f32' | undefined;
  x: string;
}
export const CONVERT_EMITTERS: Record<ConvertForm, (c: Conversion, op: string) => string | undefined> = {
  sext: ({ rt, rf, x }) => (rt && rf ? fromI64(rt, toI64(rf, x, true)) : undefined),
  zext: ({ rt, rf, x }) => (rt && rf ? fromI64(rt, toI64(rf, x, false)) : undefined),
  // through Float64, as the runtime converts (a Float32 rounds the Float64)
  int_to_float: ({ ft, rf, x }, op) => {
    if (!ft || !rf) return undefined;
    const d = `(f64.convert_i64_${op} ${toI64(rf, x, op === 's')})`;
    return ft === 'f64' ? d : `(f32.demote_f64 ${d})`;
  },
  float_to_int: ({ rt, ff, x }, op) => {
    if (!rt || !ff) return undefined;
    const d = ff === 'f64' ? x : `(f64.promote_f32 ${x})`;
    return fromI64(rt, `(i64.trunc_sat_f64_${op} ${d})`);
  },
  fptrunc: ({ ft, ff, x }) =>
    ft === 'f32' && ff === 'f64' ? `(f32.demote_f64 ${x})` : ft && ft === ff ? x : undefined,
  fpext: ({ ft, ff, x }) => (ft === 'f64' && ff === 'f32' ? `(f64.promote_f32 ${x})` : ft && ft === ff ? x : undefined),
  bitcast: ({ rt, rf, ft, ff, x }) => {
    if (rt && rf && rt.bits === rf.bits) return fromI64(rt, toI64(rf, x, false));
    if (ft === 'f64' && rf?.bits === 64) return `(f64.reinterpret_i64 ${x})`;
    if (ft === 'f32' && rf?.bits === 32) return `(f32.reinterpret_i32 ${x})`;
    if (rt?.bits === 64 && ff === 'f64') return `(i64.reinterpret_f64 ${x})`;
    if (rt?.bits === 32 && ff === 'f32') return norm(rt, `(i32.reinterpret_f32 ${x})`);
    return undefined;
  },
};

/** the wasm of a conversion intrinsic `name(T, x)` from x's kind `from` to T's kind `to` */
export function conversionIntrinsic(name: string, to: Kind, from: Kind, x: string): string | undefined {
  const c = INTRINSICS.get(name)?.wasm?.convert;
  if (!c) return undefined;
  return CONVERT_EMITTERS[c.form](
    { rt: intRep(to), rf: intRep(from), ft: floatWasm(to), ff: floatWasm(from), x },
    c.op ?? '',
  );
}

/** a value of bits kind k as the 64 bits a struct's Int64 vector keeps for it (values.ts fieldCodec encodes the same
 *  way): Int64 and UInt64 as they are, Float64's bits, a 32-bit value zero-extended */
export function toRaw64(k: Kind, e: string): string {
  if (k === 'i64' || k === 'UInt64') return e;
  if (k === 'f64') return `(i64.reinterpret_f64 ${e})`;
  if (k === 'Float32') return `(i64.extend_i32_u (i32.reinterpret_f32 ${e}))`;
  if (wasmType(k) === 'i32') return `(i64.extend_i32_u ${e})`;
  throw new Error(`no 64-bit form for kind ${k}`);
}
/** the value of kind k whose bits a struct's Int64 vector keeps */
export function fromRaw64(k: Kind, e: string): string {
  if (k === 'i64' || k === 'UInt64') return e;
  if (k === 'f64') return `(f64.reinterpret_i64 ${e})`;
  if (k === 'Float32') return `(f32.reinterpret_i32 (i32.wrap_i64 ${e}))`;
  if (wasmType(k) === 'i32') return `(i32.wrap_i64 ${e})`;
  throw new Error(`no 64-bit form for kind ${k}`);
}
