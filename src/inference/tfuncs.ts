// Transfer functions: the result lattice element of each builtin and intrinsic, given its arguments' elements.
// Pure builtins with all-constant arguments are folded by running them (a throw means "no constant").
import { T, Sym, Module, JStruct, Bits, isTuple, type Value, type BuiltinFunction } from '../runtime/values.ts';
import { lookupBinding } from '../runtime/modules.ts';
import { INTRINSICS, ival, type IntrinsicResult } from '../runtime/intrinsics.ts';
import { DataType, UnionType, UnionAll, VarargType, Bottom, isType, type JType } from '../runtime/types.ts';
import { applyTypeName, tupleType, unwrap, unionType } from '../runtime/apply_type.ts';
import { issubtype } from '../runtime/subtype.ts';
import { Const, PartialStruct, Conditional, widenconst, isConcrete, constType, type Lattice } from './lattice.ts';

/** the type of a value whose inference type is t: a Type{X} stands for a value of type typeof(X) */
function typeOfValueType(t: JType): JType {
  if (t instanceof DataType && t.name === T.Type!.name) {
    const x = t.parameters[0];
    return isType(x as Value) ? (x as JType as { jtype: DataType }).jtype : T.Any!;
  }
  return t;
}

export type TFunc = (args: Lattice[]) => Lattice;

/** builtins and intrinsics that have no side effects: with constant arguments they may be evaluated now */
const PURE = new Set([
  '===',
  'typeof',
  'isa',
  '<:',
  '>:',
  'nfields',
  'fieldtype',
  'tuple',
  'apply_type',
  'typeassert',
  'ifelse',
  'Typeof',
  'sizeof',
  '_type_string',
  '_UnionAll',
  '_typevar',
  '_namedtuple',
  '_nt_haskey',
  '_nt_checkkeys',
]);

export function isPureBuiltin(f: BuiltinFunction): boolean {
  if (f.jtype === T.IntrinsicFunction) return INTRINSICS.get(f.name)?.effects.pure ?? false;
  return PURE.has(f.name);
}
/** can this call (with these argument elements) throw? false only when we are sure it cannot */
export function builtinNothrow(f: BuiltinFunction, args: Lattice[]): boolean {
  if (f.jtype === T.IntrinsicFunction) {
    const throws = INTRINSICS.get(f.name)?.effects.throws;
    if (throws === 'never') return true;
    // a DivideError needs a divisor of 0 (or -1, for typemin), of any integer width
    if (throws !== 'divide_error' || !(args[1] instanceof Const)) return false;
    const d = constantInteger(args[1].val);
    return d !== undefined && d !== 0n && d !== -1n;
  }
  switch (f.name) {
    case '===':
    case 'typeof':
    case 'isa':
    case 'tuple':
    case 'ifelse':
      return args.length === (f.name === 'ifelse' ? 3 : f.name === 'tuple' ? args.length : f.name === 'typeof' ? 1 : 2);
    case 'getfield':
      return getfieldNothrow(args);
    case '_nt_checkkeys':
      return builtinT['_nt_checkkeys']!(args) instanceof Const;
    case 'setfield!': {
      // a constant field of a mutable struct, given a value of the field's type
      if (args.length !== 3) return false;
      const t = widenconst(args[0]!);
      if (!(t instanceof DataType) || !isConcrete(t) || !t.ismutable) return false;
      const i = fieldIndexOf(t, args[1]!);
      const ft = i === undefined ? undefined : t.types[i];
      return ft !== undefined && issubtype(widenconst(args[2]!), ft);
    }
    case 'arraylen':
    case 'nfields': {
      const t = args[0] && widenconst(args[0]);
      return args.length === 1 && t instanceof DataType && (t.name === T.Array!.name || f.name === 'nfields');
    }
    default:
      return false;
  }
}

const instanceOfType = (l: Lattice): JType | undefined => {
  // the type a `Type{X}`-typed argument stands for, when it is known exactly
  if (l instanceof Const && isType(l.val)) return l.val;
  const w = widenconst(l);
  if (
    w instanceof DataType &&
    w.name === T.Type!.name &&
    isType(w.parameters[0] as Value) &&
    !(w.parameters[0] as JType as { hasfreetypevars?: boolean }).hasfreetypevars
  )
    return w.parameters[0] as JType;
  return undefined;
};

function fieldIndexOf(t: DataType, f: Lattice): number | undefined {
  if (!(f instanceof Const)) return undefined;
  if (typeof f.val === 'bigint') return Number(f.val) - 1;
  if (f.val instanceof Sym) {
    const i = t.name.names.indexOf(f.val);
    if (i >= 0) return i;
    if (t.name === T.NamedTuple!.name && isTuple(t.parameters[0] as Value)) {
      const k = (t.parameters[0] as Value[]).indexOf(f.val);
      if (k >= 0) return k;
    }
  }
  return undefined;
}

function tupleParams(t: DataType): JType[] | undefined {
  if (t.name !== T.Tuple!.name || t.parameters.some(p => p instanceof VarargType)) return undefined;
  return t.parameters as JType[];
}

function fieldTypes(t: DataType): JType[] | undefined {
  if (t.name === T.Tuple!.name) return tupleParams(t);
  if (t.name === T.NamedTuple!.name) {
    const tt = t.parameters[1];
    return tt instanceof DataType ? tupleParams(tt) : undefined;
  }
  // runtime objects (Module, DataType, Expr, ...) do not declare their fields as structs do
  return t.name.names.length > 0 && t.types.length === t.name.names.length ? t.types : undefined;
}

/** the value of a constant global `m.name`, if it is one */
function constGlobal(x: Lattice, f: Lattice): Value | undefined {
  if (!(x instanceof Const) || !(x.val instanceof Module) || !(f instanceof Const) || !(f.val instanceof Sym))
    return undefined;
  const b = lookupBinding(x.val, f.val);
  const v = b?.get();
  return v !== undefined && (b!.constant || b!.imported?.constant) ? v : undefined;
}

function getfieldTfunc(args: Lattice[]): Lattice {
  const [x, f] = args;
  if (!x || !f) return Bottom;
  const g = constGlobal(x, f);
  if (g !== undefined) return new Const(g);
  if (x instanceof Const && f instanceof Const) {
    const v = x.val;
    if (isTuple(v) && typeof f.val === 'bigint') {
      const i = Number(f.val);
      return i >= 1 && i <= v.length ? new Const(v[i - 1]!) : Bottom;
    }
  }
  if (x instanceof PartialStruct) {
    const i = fieldIndexOf(x.typ, f);
    if (i !== undefined) return x.fields[i] ?? Bottom;
  }
  const t = widenconst(x);
  if (t instanceof UnionType) return unionType(t.types.map(m => widenconst(getfieldTfunc([m, f]))));
  if (!(t instanceof DataType) || t.isabstract) return T.Any!;
  const fts = fieldTypes(t);
  if (!fts) return T.Any!;
  const i = fieldIndexOf(t, f);
  if (i !== undefined) return i >= 0 && i < fts.length ? fts[i]! : Bottom;
  return fts.length ? unionType(fts) : Bottom;
}
function getfieldNothrow(args: Lattice[]): boolean {
  if (args.length !== 2) return false;
  if (constGlobal(args[0]!, args[1]!) !== undefined) return true;
  const t = widenconst(args[0]!);
  if (!(t instanceof DataType) || !isConcrete(t)) return false;
  const fts = fieldTypes(t);
  const i = fieldIndexOf(t, args[1]!);
  // a field that may be #undef (after ninitialized) can throw UndefRefError
  return (
    fts !== undefined &&
    i !== undefined &&
    i >= 0 &&
    i < fts.length &&
    (t.name === T.Tuple!.name || t.name === T.NamedTuple!.name || i < Math.max(t.name.ninitialized, 0) || !t.ismutable)
  );
}

function tupleTfunc(args: Lattice[]): Lattice {
  if (args.every(a => a instanceof Const)) return new Const(Object.freeze(args.map(a => (a as Const).val)));
  const typ = tupleType(args.map(widenconst));
  if (args.some(a => a instanceof Const || a instanceof PartialStruct))
    return new PartialStruct(
      typ,
      args.map(a => (a instanceof Conditional ? T.Bool! : a)),
    );
  return typ;
}

function isaTfunc(args: Lattice[]): Lattice {
  const [x, tl] = args;
  if (!x || !tl) return Bottom;
  const t = instanceOfType(tl);
  if (t === undefined) return T.Bool!;
  const xt = widenconst(x);
  if (issubtype(xt, t)) return new Const(true);
  if (isConcrete(xt) && xt.name !== T.Type!.name && !issubtype(xt, t)) return new Const(false);
  if (xt instanceof UnionType && xt.types.every(m => isConcrete(m) && !issubtype(m, t))) return new Const(false);
  return T.Bool!;
}

function egalTfunc(args: Lattice[]): Lattice {
  const [a, b] = args;
  if (!a || !b) return Bottom;
  const ta = widenconst(a),
    tb = widenconst(b);
  // disjoint concrete types are never ===
  if (isConcrete(ta) && isConcrete(tb) && ta !== tb) return new Const(false);
  const single = (l: Lattice, t: JType) =>
    l instanceof Const ? l.val : t instanceof DataType && t.instance !== undefined ? t.instance : undefined;
  const sa = single(a, ta),
    sb = single(b, tb);
  if (
    sa !== undefined &&
    sb !== undefined &&
    (a instanceof Const || ta instanceof DataType) &&
    (b instanceof Const || tb instanceof DataType)
  ) {
    if (!(a instanceof Const) || !(b instanceof Const)) return new Const(sa === sb);
  }
  return T.Bool!;
}

function applyTypeTfunc(args: Lattice[]): Lattice {
  // unknown parameters: the result is some type made from the head
  const head = args[0];
  if (head instanceof Const && isType(head.val)) {
    const h = head.val;
    const w = unwrap(h);
    if (w instanceof DataType) {
      // Type{Vector{T}} with T unknown is still a Type of that family
      return applyTypeName(T.Type!.name, [h]) === undefined ? T.Any! : (T.DataType ?? T.Any!);
    }
  }
  return T.Any!;
}

function typeofTfunc(args: Lattice[]): Lattice {
  const x = args[0];
  if (!x) return Bottom;
  if (x instanceof Const) return new Const(isType(x.val) ? x.val.jtype : widenconst(x));
  const t = widenconst(x);
  if (isConcrete(t)) return new Const(t);
  if (t instanceof DataType && t.name === T.Type!.name) return T.Any!;
  return T.Any!;
}

function typeassertTfunc(args: Lattice[]): Lattice {
  const [x, tl] = args;
  if (!x || !tl) return Bottom;
  const t = instanceOfType(tl);
  if (t === undefined) return x;
  if (issubtype(widenconst(x), t)) return x;
  const xt = widenconst(x);
  if (xt instanceof UnionType) {
    const keep = xt.types.filter(m => issubtype(m, t));
    return keep.length ? unionType(keep) : Bottom;
  }
  return t;
}

const sameAsFirst: TFunc = a => widenconst(a[0] ?? Bottom);
const boolResult: TFunc = () => T.Bool!;
const typeFromFirst: TFunc = a => instanceOfType(a[0] ?? Bottom) ?? T.Any!;
/** the transfer function of each intrinsic, from its result rule (src/runtime/intrinsics.ts) */
const resultTfunc: Record<IntrinsicResult, TFunc> = {
  first: sameAsFirst,
  bool: boolResult,
  type_arg: typeFromFirst,
  checked: a => tupleType([widenconst(a[0] ?? Bottom), T.Bool!]),
};
const intrinsicT: Record<string, TFunc> = Object.fromEntries(
  [...INTRINSICS.values()].map(e => [e.name, resultTfunc[e.result]]),
);
/** the transfer function of intrinsic `name` (undefined for a name that is none) */
export const intrinsicTfunc = (name: string): TFunc | undefined =>
  Object.hasOwn(intrinsicT, name) ? intrinsicT[name] : undefined;

const builtinT: Record<string, TFunc> = {
  '===': egalTfunc,
  typeof: typeofTfunc,
  isa: isaTfunc,
  '<:': boolResult,
  '>:': boolResult,
  getfield: getfieldTfunc,
  'setfield!': a => a[2] ?? Bottom,
  isdefined: boolResult,
  nfields: () => T.Int64!,
  tuple: tupleTfunc,
  svec: () => T.SimpleVector ?? T.Any!,
  apply_type: applyTypeTfunc,
  typeassert: typeassertTfunc,
  throw: () => Bottom,
  rethrow_value: () => Bottom,
  throw_undefkw: () => Bottom,
  ifelse: a =>
    a[0] instanceof Const
      ? a[0].val === true
        ? a[1]!
        : a[2]!
      : unionType([widenconst(a[1] ?? Bottom), widenconst(a[2] ?? Bottom)]),
  arraysize: () => T.Int64!,
  arraylen: () => T.Int64!,
  sizeof: () => T.Int64!,
  arrayref: a => {
    const t = widenconst(a[1] ?? Bottom);
    return t instanceof DataType && t.name === T.Array!.name && isType(t.parameters[0] as Value)
      ? (t.parameters[0] as JType)
      : T.Any!;
  },
  arrayset: a => widenconst(a[1] ?? Bottom),
  Box: () => T.Box ?? T.Any!,
  // Core._new(T, fields...) makes a T (the exception constructors of Base use it)
  _new: a => (a[0] instanceof Const && a[0].val instanceof DataType && !a[0].val.isabstract ? a[0].val : T.Any!),
  _type_string: () => T.String!,
  // a named tuple's keys are part of its type: keyword-argument handling folds to constants
  _nt_haskey: a => {
    const names = namedTupleNames(a[0]);
    return names && a[1] instanceof Const ? new Const(names.includes(a[1].val)) : T.Bool!;
  },
  _nt_checkkeys: a => {
    const names = namedTupleNames(a[0]);
    return names &&
      a[1] instanceof Const &&
      isTuple(a[1].val) &&
      names.every(k => (a[1] as Const).val !== undefined && ((a[1] as Const).val as Value[]).includes(k))
      ? new Const(T.Nothing!.instance!)
      : T.Nothing!;
  },
  _splatnew: a => {
    const t = a[0] instanceof Const ? a[0].val : undefined;
    return t instanceof DataType && !t.isabstract ? t : T.Any!;
  },
  _namedtuple: a => {
    // NamedTuple{names, Tuple{types...}} from constant names and a tuple of values
    const [names, vals] = a;
    const parts =
      vals instanceof Const && isTuple(vals.val)
        ? vals.val.map(v => constType(v))
        : vals instanceof PartialStruct
          ? vals.fields.map(widenconst)
          : undefined;
    const vt = vals ? widenconst(vals) : undefined;
    const types =
      parts ??
      (vt instanceof DataType && vt.name === T.Tuple!.name && !vt.parameters.some(p => p instanceof VarargType)
        ? (vt.parameters as JType[])
        : undefined);
    if (!(names instanceof Const) || !isTuple(names.val) || !types) return T.Any!;
    return applyTypeName(T.NamedTuple!.name, [names.val, tupleType(types.map(t => typeOfValueType(t)))]);
  },
};

function typeOfConst(v: Value): DataType | undefined {
  if (isTuple(v)) return T.Tuple;
  return v instanceof JStruct ? v.type : undefined;
}

/** the keys of a named tuple whose type is known */
function namedTupleNames(l: Lattice | undefined): readonly Value[] | undefined {
  const t = l ? widenconst(l) : undefined;
  return t instanceof DataType && t.name === T.NamedTuple!.name && isTuple(t.parameters[0] as Value)
    ? (t.parameters[0] as Value[])
    : undefined;
}

/** the result element of calling builtin `f` with arguments `args` */
export function builtinTfunc(f: BuiltinFunction, args: Lattice[]): Lattice {
  const tf = f.jtype === T.IntrinsicFunction ? intrinsicT[f.name] : builtinT[f.name];
  // fold pure calls on constants by running them (a field of a constant immutable value is constant too)
  const immutableConst =
    f.name === 'getfield' &&
    args.length === 2 &&
    args[0] instanceof Const &&
    !(typeOfConst(args[0].val)?.ismutable ?? true);
  if ((isPureBuiltin(f) || immutableConst) && args.every(a => a instanceof Const)) {
    try {
      return new Const(f.impl(args.map(a => (a as Const).val)));
    } catch {
      return tf ? widenResult(tf(args)) : T.Any!;
    }
  }
  if (!tf) return T.Any!;
  return tf(args);
}
function widenResult(l: Lattice): Lattice {
  return l;
}

/** the declared return type of a foreigncall (its second operand) */
export function foreigncallType(rt: Lattice): Lattice {
  const t = rt instanceof Const && isType(rt.val) ? rt.val : T.Any!;
  return t === T.Nothing ? new Const(T.Nothing!.instance!) : t;
}

export { UnionAll };

/** the integer value of a constant of any integer width (Bits values included), or undefined */
function constantInteger(v: Value): bigint | undefined {
  return typeof v === 'bigint' || v instanceof Bits ? ival(v) : undefined;
}
