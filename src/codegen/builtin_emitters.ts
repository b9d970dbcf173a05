// Builtins compiled to wasm: one emitter per builtin function, by name. An emitter returns the call's code and its
// kind, or undefined when it cannot do better than the generic call through the runtime (the operands' kinds or
// static types decide). Numeric intrinsics come from kinds.ts's table first.
import { T, Sym, JStruct, isTuple, bitsField, type Value, type BuiltinFunction } from '../runtime/values.ts';
import { SlotNumber } from '../ir/nodes.ts';
import { DataType, type JType } from '../runtime/types.ts';
import { issubtype } from '../runtime/subtype.ts';
import { INTRINSICS } from '../runtime/intrinsics.ts';
import {
  kindOf,
  vecKind,
  orNothing,
  wasmType,
  isVec,
  intRep,
  numericIntrinsic,
  conversionIntrinsic,
  toRaw64,
  fromRaw64,
  type Kind,
} from './kinds.ts';
import { NOTHING, type OperandEmitter } from './operands.ts';
import { NotCompilable } from './not_compilable.ts';

/** a builtin call being compiled: its operands, their kinds, and `op(k, i)`, operand i in kind k */
interface BuiltinCall {
  e: OperandEmitter;
  xs: Value[];
  ks: Kind[];
  op: (k: Kind, i: number) => string;
}
type BuiltinEmitter = (c: BuiltinCall) => [string, Kind] | undefined;

/** the kinds of an array kept in a WasmGC vector: of Float64, of the other bits types, of references */
type ArrayVecKind = 'vf64' | 'vi64' | 'vref';

/** A call of builtin `f` in wasm, or undefined to call it through the runtime. */
export function emitBuiltin(e: OperandEmitter, f: BuiltinFunction, xs: Value[]): [string, Kind] | undefined {
  const ks = xs.map(x => e.operandKind(x));
  const c: BuiltinCall = { e, xs, ks, op: (k, i) => e.operand(xs[i]!, k) };
  const numeric = numericIntrinsic(
    f.name,
    ks,
    k => c.op(ks[k]!, k),
    () => `(call ${e.mb.need('throw_divide', [], undefined)})`,
  );
  if (numeric) return numeric;
  return BUILTIN_EMITTERS.get(f.name)?.(c);
}

const bin = (c: BuiltinCall, instr: string, k: Kind, rk: Kind): [string, Kind] => [
  `(${instr} ${c.op(k, 0)} ${c.op(k, 1)})`,
  rk,
];

/** 1 <= i <= length, as one unsigned comparison; out of range raises Julia's BoundsError through the runtime (not
 *  when the access says it is in bounds, `arrayref(false, ...)`: the array of the vector still traps past its
 *  capacity, so a wrong claim reads a stale element, never outside the object) */
function boundsCheck(c: BuiltinCall, vk: ArrayVecKind, arr: number, idx: number): string {
  return c.e.valueOf(c.xs[0]!) === false
    ? ''
    : `(if (i64.ge_u (i64.sub ${c.op('i64', idx)} (i64.const 1)) ` +
        `(i64.extend_i32_u (struct.get $${vk} 1 ${c.op(vk, arr)}))) ` +
        `(then (call ${c.e.mb.need('throw_bounds', ['ref', 'f64'], undefined)} ${c.op('ref', arr)} ` +
        `(f64.convert_i64_s ${c.op('i64', idx)})) (unreachable)))`;
}
/** operand i is an array kept in a WasmGC vector: that vector's kind */
function arrayVec(c: BuiltinCall, i: number): ArrayVecKind | undefined {
  const k = c.ks[i],
    t = c.e.staticType(c.xs[i]!);
  return isVec(k) && t instanceof DataType && t.name === T.Array!.name ? k : undefined;
}
/** the kind of the elements of an array type kept in an Int64 vector (Int64 itself, or another bits type) */
function arrayElementKind(t: JType): Kind {
  const e = t instanceof DataType && t.name === T.Array!.name ? t.parameters[0] : undefined;
  const k = kindOf(e as JType | undefined);
  if (k === 'ref' || isVec(k) || k === 'f64') throw new NotCompilable('element kind of an Int64 vector');
  return k;
}
/** a struct type whose fields live in a WasmGC vector */
const isVecStruct = (t: JType): t is DataType =>
  t instanceof DataType && t.name !== T.Array!.name && vecKind(t) !== undefined;

/** conversions: the first operand is the target type */
const conversion =
  (name: string): BuiltinEmitter =>
  c => {
    const t = c.e.valueOf(c.xs[0]!);
    if (c.xs.length !== 2 || !(t instanceof DataType)) return undefined;
    const tk = kindOf(t);
    const r = conversionIntrinsic(name, tk, c.ks[1]!, c.op(c.ks[1]!, 1));
    return r === undefined ? undefined : [r, tk];
  };

const BUILTIN_EMITTERS = new Map<string, BuiltinEmitter>([
  // the conversion intrinsics the table gives a wasm form (the numeric ones, Bool's included, are numericIntrinsic's)
  ...[...INTRINSICS.values()]
    .filter(i => i.wasm?.convert !== undefined)
    .map((i): [string, BuiltinEmitter] => [i.name, conversion(i.name)]),
  ['===', egal],
  ['ifelse', ifelse],
  ['isa', isa],
  ['getfield', getfield],
  ['_getbox', getbox],
  ['setfield!', setfield],
  ['sizeof', sizeof],
  ['arraylen', arraylen],
  ['arrayref', arrayref],
  ['arrayset', arrayset],
]);

function egal(c: BuiltinCall): [string, Kind] {
  const { e, xs, ks, op } = c;
  // floats are identical when their bits are (-0.0 !== 0.0, NaN === NaN)
  if (ks.length === 2 && ks[0] === 'f64' && ks[1] === 'f64')
    return [`(i64.eq (i64.reinterpret_f64 ${op('f64', 0)}) (i64.reinterpret_f64 ${op('f64', 1)}))`, 'i32'];
  // one vector per JArray: the same vector is the same array
  // (null is `nothing` of a Union{T, Nothing}: equal only to itself)
  if (
    ks.length === 2 &&
    ks[0] === ks[1] &&
    isVec(ks[0]) &&
    [0, 1].every(k => {
      const t0 = e.staticType(xs[k]!),
        t = orNothing(t0) ?? t0;
      return t instanceof DataType && (t.name === T.Array!.name || t.ismutable);
    })
  )
    return bin(c, 'ref.eq', ks[0], 'i32');
  // `x === nothing` for x::Union{T, Nothing} kept as T's vector
  for (const k of [0, 1])
    if (ks.length === 2 && isVec(ks[k]) && e.valueOf(xs[1 - k]!) === NOTHING())
      return [`(ref.is_null ${op(ks[k]!, k)})`, 'i32'];
  if (ks.length === 2 && ks[0] === ks[1] && ks[0] === 'Float32')
    return [`(i32.eq (i32.reinterpret_f32 ${op('Float32', 0)}) (i32.reinterpret_f32 ${op('Float32', 1)}))`, 'i32'];
  // integers of one kind are kept in one form: the same bits are the same value
  const r = ks.length === 2 && ks[0] === ks[1] ? intRep(ks[0]) : undefined;
  if (r) return bin(c, `${r.w}.eq`, ks[0]!, 'i32');
  // a singleton or a mutable object is itself only: JS identity (`x === nothing`); strings are equal when JS says
  // so (same bytes), and symbols are interned
  const byIdentity = [0, 1].some(k => {
    const t = e.staticType(xs[k]!);
    return t instanceof DataType && !t.isabstract && (t.instance !== undefined || t.ismutable);
  });
  return [
    `(call ${e.mb.need(byIdentity ? 'same' : 'egal', ['ref', 'ref'], 'i32')} ${op('ref', 0)} ${op('ref', 1)})`,
    'i32',
  ];
}

function ifelse({ ks, op }: BuiltinCall): [string, Kind] | undefined {
  if (ks.length === 3 && ks[0] === 'i32' && ks[1] === ks[2])
    return [
      `(select${ks[1] === 'ref' || isVec(ks[1]) ? ` (result ${wasmType(ks[1]!)})` : ''} ` +
        `${op(ks[1]!, 1)} ${op(ks[1]!, 2)} ${op('i32', 0)})`,
      ks[1]!,
    ];
  return undefined;
}

function isa({ e, xs, ks, op }: BuiltinCall): [string, Kind] | undefined {
  const t = e.valueOf(xs[1]!);
  if (xs.length !== 2 || t === undefined) return undefined;
  const xt = e.staticType(xs[0]!);
  // a Union{T, Nothing} kept as T's vector: T when not null
  const some = isVec(ks[0]) ? orNothing(xt) : undefined;
  if (some) {
    const [a, b] = [issubtype(some, t as JType), issubtype(T.Nothing!, t as JType)];
    const isNull = `(ref.is_null ${op(ks[0]!, 0)})`;
    return [a === b ? `(i32.const ${a ? 1 : 0})` : a ? `(i32.eqz ${isNull})` : isNull, 'i32'];
  }
  if (ks[0] !== 'ref' || issubtype(xt, t as JType)) return [`(i32.const ${issubtype(xt, t as JType) ? 1 : 0})`, 'i32'];
  // a concrete type has no subtypes: the value's type is it or not (a union split's test)
  const leaf =
    t instanceof DataType && !t.isabstract && !t.hasfreetypevars && t.name !== T.Tuple!.name && t.name !== T.Type!.name;
  return [
    `(call ${e.mb.need(leaf ? 'isa_leaf' : 'isa', ['ref', 'ref'], 'i32')} ${op('ref', 0)} ${e.mb.constRef(t)})`,
    'i32',
  ];
}

function getfield({ e, xs, ks, op }: BuiltinCall): [string, Kind] | undefined {
  const mb = e.mb;
  if (xs.length !== 2) return undefined;
  const ot = e.staticType(xs[0]!);
  const fld = e.valueOf(xs[1]!);
  if (!(ot instanceof DataType) || ot.isabstract || fld === undefined) return undefined;
  // a named tuple's field names and types are its parameters
  const nt = ot.name === T.NamedTuple?.name;
  const ntTypes = nt ? ot.parameters[1] : undefined;
  if (nt && !(Array.isArray(ot.parameters[0]) && ntTypes instanceof DataType && ntTypes.name === T.Tuple!.name))
    return undefined;
  const names = nt ? (ot.parameters[0] as Value[]) : ot.name.names;
  let idx: number;
  if (typeof fld === 'bigint') idx = Number(fld) - 1;
  else if (fld instanceof Sym) idx = names.indexOf(fld);
  else return undefined;
  if (idx < 0 || idx >= (nt ? names.length : Infinity)) return undefined;
  if (ot.name !== T.Tuple!.name && !(names.length > 0)) return undefined;
  // a field of a struct kept in a WasmGC vector is an element of it
  // (in an Int64 vector, the field's bits)
  if (isVecStruct(ot) && isVec(ks[0]) && idx < ot.types.length) {
    const get = `(array.get $a${ks[0].slice(1)} (struct.get $${ks[0]} 0 ${op(ks[0], 0)}) (i32.const ${idx}))`;
    if (ks[0] === 'vf64') return [get, 'f64'];
    const fk = kindOf(ot.types[idx]);
    if (ks[0] === 'vi64') return [fromRaw64(fk, get), fk];
    // a bits field: its box's bits
    if (bitsField(ot.types[idx]!)) return [fromRaw64(fk, `(call ${mb.bitsOf()} ${get})`), fk];
    // a reference field: null is #undef (an inner constructor's `new` may leave any field unset)
    return [e.nonNull(get, `(call ${mb.need('throw_undefref', [], undefined)})`, ot.types[idx]!), fk];
  }
  // read in the field's kind (no boxing of an Int64/Float64 field)
  const fk0 =
    ot.name === T.Tuple!.name
      ? kindOf(ot.parameters[idx] as JType)
      : nt
        ? kindOf((ntTypes as DataType).parameters[idx] as JType)
        : kindOf(ot.types[idx]);
  // a field of a constant immutable value (a keyword call's named tuple, inlined) is a constant
  const ov = e.valueOf(xs[0]!);
  const known = isTuple(ov as Value)
    ? (ov as Value[])[idx]
    : ov instanceof JStruct && !ov.type.ismutable
      ? ov.get(idx)
      : undefined;
  if (known !== undefined && !isVec(fk0)) return [e.constant(known, fk0), fk0];
  // a field holding a value kept as a WasmGC vector (an array of a bits type, a struct) is read as its owner and
  // unboxed to its vector
  if (isVec(fk0))
    return [
      e.conv(`(call ${mb.need('getfield_ref', ['ref', 'i32'], 'ref')} ${op('ref', 0)} (i32.const ${idx}))`, 'ref', fk0),
      fk0,
    ];
  const fk = fk0;
  const x0 = xs[0];
  if (
    fk !== 'ref' &&
    !ot.ismutable &&
    x0 instanceof SlotNumber &&
    x0.id >= 2 &&
    x0.id <= e.nargSlots &&
    !e.assigned.has(x0.id)
  ) {
    const local = `$af${x0.id}_${idx}`;
    e.argFields.set(local, { slot: x0.id, idx, kind: fk });
    mb.need(`getfield_${fk}`, ['ref', 'i32'], fk);
    return [`(local.get ${local})`, fk];
  }
  return [`(call ${mb.need(`getfield_${fk}`, ['ref', 'i32'], fk)} ${op('ref', 0)} (i32.const ${idx}))`, fk];
}

/** a captured variable's box is a vector of one reference: its contents, or UndefVarError while unassigned */
function getbox({ e, xs, ks, op }: BuiltinCall): [string, Kind] | undefined {
  const name = e.valueOf(xs[1]!);
  if (xs.length !== 2 || ks[0] !== 'vref' || !(name instanceof Sym)) return undefined;
  return [
    e.nonNull(
      `(array.get $aref (struct.get $vref 0 ${op('vref', 0)}) (i32.const 0))`,
      `(call ${e.mb.need('throw_undefvar', ['ref'], undefined)} ${e.mb.constRef(name)})`,
      T.Any!,
    ),
    'ref',
  ];
}

function setfield({ e, xs, ks, op }: BuiltinCall): [string, Kind] | undefined {
  if (xs.length !== 3) return undefined;
  const ot = e.staticType(xs[0]!);
  const fld = e.valueOf(xs[1]!);
  if (!(ot instanceof DataType) || !ot.ismutable || !(fld instanceof Sym)) return undefined;
  const idx = ot.name.names.indexOf(fld);
  const ft = ot.types[idx];
  if (idx < 0 || ft === undefined || !issubtype(e.staticType(xs[2]!), ft)) return undefined;
  if (isVecStruct(ot) && isVec(ks[0])) {
    const ek = ks[0].slice(1) as Kind,
      fk = kindOf(ft);
    const raw = ek === 'f64' ? op('f64', 2) : ek === 'ref' ? e.refFieldOperand(xs[2]!, ft) : toRaw64(fk, op(fk, 2));
    return [
      `(block (result ${wasmType(fk)}) ` +
        `(array.set $a${ek} (struct.get $${ks[0]} 0 ${op(ks[0], 0)}) (i32.const ${idx}) ${raw}) ${op(fk, 2)})`,
      fk,
    ];
  }
  const vk = isVec(kindOf(ft)) ? 'ref' : kindOf(ft);
  return [
    `(call ${e.mb.need(`setfield_${vk}`, ['ref', 'i32', vk], vk)} ${op('ref', 0)} (i32.const ${idx}) ${op(vk, 2)})`,
    vk,
  ];
}

function sizeof({ e, xs, ks, op }: BuiltinCall): [string, Kind] | undefined {
  // a string's size is its number of bytes
  if (xs.length === 1 && e.staticType(xs[0]!) === T.String)
    return [`(i64.extend_i32_u (call ${e.mb.jsString('length')} ${op('ref', 0)}))`, 'i64'];
  // a bits value's size is its type's
  if (xs.length === 1 && ks[0] !== 'ref' && !isVec(ks[0])) {
    const t = e.staticType(xs[0]!) as DataType;
    return [`(i64.const ${t === T.Bool ? 1 : t.nbits / 8})`, 'i64'];
  }
  return undefined;
}

// lengths and indices cross to the runtime as i32/f64 numbers: an i64 would become a BigInt there
function arraylen(c: BuiltinCall): [string, Kind] | undefined {
  if (c.xs.length !== 1) return undefined;
  const vk = arrayVec(c, 0);
  if (vk) return [`(i64.extend_i32_u (struct.get $${vk} 1 ${c.op(vk, 0)}))`, 'i64'];
  return [`(i64.extend_i32_u (call ${c.e.mb.need('arraylen', ['ref'], 'i32')} ${c.op('ref', 0)}))`, 'i64'];
}

// element access: an array kept in a WasmGC vector is indexed in wasm, with Julia's bounds check (a reference
// element also with its #undef check); a Vector{Any} goes through one runtime call typed by the element kind
function arrayref(c: BuiltinCall): [string, Kind] | undefined {
  const { e, xs, ks, op } = c;
  // a matrix element, A[i, j]: one runtime call with both indices, which checks each against its dimension
  if (xs.length === 4 && ks[2] === 'i64' && ks[3] === 'i64') {
    const at = e.staticType(xs[1]!);
    const ek0 = at instanceof DataType && at.name === T.Array!.name ? kindOf(at.parameters[0] as JType) : 'ref';
    return [
      `(call ${e.mb.need(`arrayref2_${ek0}`, ['ref', 'f64', 'f64'], ek0)} ${op('ref', 1)} ` +
        `(f64.convert_i64_s ${op('i64', 2)}) (f64.convert_i64_s ${op('i64', 3)}))`,
      ek0,
    ];
  }
  if (xs.length !== 3 || ks[2] !== 'i64') return undefined;
  const vk = arrayVec(c, 1);
  const at = e.staticType(xs[1]!);
  const ek0 = at instanceof DataType && at.name === T.Array!.name ? kindOf(at.parameters[0] as JType) : 'ref';
  if (vk) {
    const get =
      `(block (result ${vk === 'vref' ? 'anyref' : vk.slice(1)}) ${boundsCheck(c, vk, 1, 2)} ` +
      `(array.get $a${vk.slice(1)} (struct.get $${vk} 0 ${op(vk, 1)}) ` +
      `(i32.wrap_i64 (i64.sub ${op('i64', 2)} (i64.const 1)))))`;
    if (vk === 'vf64') return [get, 'f64'];
    // an Int64 vector of another bits type holds the elements' bits
    if (vk === 'vi64') {
      const ek = arrayElementKind(at);
      return [fromRaw64(ek, get), ek];
    }
    // a reference element: an array or struct is cast to its vector, any other is its JS value
    return [
      e.nonNull(get, `(call ${e.mb.need('throw_undefref', [], undefined)})`, (at as DataType).parameters[0] as JType),
      ek0,
    ];
  }
  // in the element's kind; an element whose value is a WasmGC vector (an array of a bits type, a struct) comes as
  // its vector
  return [
    `(call ${e.mb.need(`arrayref_${ek0}`, ['ref', 'f64'], ek0)} ${op('ref', 1)} (f64.convert_i64_s ${op('i64', 2)}))`,
    ek0,
  ];
}

function arrayset(c: BuiltinCall): [string, Kind] | undefined {
  const { e, xs, ks, op } = c;
  if (xs.length === 5 && ks[3] === 'i64' && ks[4] === 'i64') {
    const vk = ks[2]!,
      sk = isVec(vk) ? 'ref' : vk;
    return [
      `(call ${e.mb.need(`arrayset2_${sk}`, ['ref', sk, 'f64', 'f64'], 'ref')} ${op('ref', 1)} ${op(sk, 2)} ` +
        `(f64.convert_i64_s ${op('i64', 3)}) (f64.convert_i64_s ${op('i64', 4)}))`,
      'ref',
    ];
  }
  if (xs.length !== 4 || ks[3] !== 'i64') return undefined;
  const ak = arrayVec(c, 1),
    vk = ks[2]!;
  if (ak) {
    const set = (x: string): [string, Kind] => [
      `(block (result ${wasmType(ak)}) ${boundsCheck(c, ak, 1, 3)} ` +
        `(array.set $a${ak.slice(1)} (struct.get $${ak} 0 ${op(ak, 1)}) ` +
        `(i32.wrap_i64 (i64.sub ${op('i64', 3)} (i64.const 1))) ${x}) ${op(ak, 1)})`,
      ak,
    ];
    const ek = ak === 'vi64' ? arrayElementKind(e.staticType(xs[1]!)) : ak === 'vf64' ? 'f64' : undefined;
    // a reference element is stored as a reference vector keeps it
    if (ak === 'vref') return set(e.anyOperand(xs[2]!));
    if (vk === ek) return set(ak === 'vi64' ? toRaw64(ek, op(ek, 2)) : op(ek, 2));
  }
  const sk = isVec(vk) ? 'ref' : vk;
  return [
    `(call ${e.mb.need(`arrayset_${sk}`, ['ref', sk, 'f64'], 'ref')} ` +
      `${op('ref', 1)} ${op(sk, 2)} (f64.convert_i64_s ${op('i64', 3)}))`,
    'ref',
  ];
}
