// The inference lattice, as Julia's: a JType, or one of these refinements of one.
//   Const(v)            exactly the value v
//   PartialStruct(T, f) an instance of T (a Tuple type, here) whose fields are known more precisely than T says
//   Conditional(s, a, b) a Bool that, when true, means slot s holds `a`, and when false `b` (branch narrowing)
// Everything that leaves inference (ssavaluetypes, slottypes, rettype) is widened to plain JTypes, so typed IR
// stays serializable data.
import { T, isTuple, type Value } from '../runtime/values.ts';
import { DataType, UnionType, UnionAll, TypeVar, VarargType, Bottom, isType, type JType } from '../runtime/types.ts';
import { typeOf } from '../runtime/typeof.ts';
import { applyTypeName, tupleType, unionType, unwrap } from '../runtime/apply_type.ts';
import { issubtype } from '../runtime/subtype.ts';
import { egal } from '../runtime/builtins.ts';

export class Const {
  readonly val: Value;
  constructor(val: Value) {
    this.val = val;
  }
}
export class PartialStruct {
  readonly typ: DataType;
  readonly fields: readonly Lattice[];
  constructor(typ: DataType, fields: readonly Lattice[]) {
    this.typ = typ;
    this.fields = fields;
  }
}
export class Conditional {
  /** 1-based slot number */
  readonly slot: number;
  readonly thentype: Lattice;
  readonly elsetype: Lattice;
  constructor(slot: number, thentype: Lattice, elsetype: Lattice) {
    this.slot = slot;
    this.thentype = thentype;
    this.elsetype = elsetype;
  }
}
export type Lattice = JType | Const | PartialStruct | Conditional;

/** the widest number of members a Union may keep in inference before it is joined to a common supertype */
export const MAX_UNION_LENGTH = 4;
/** how deeply nested a type may get before inference widens it (keeps recursion on growing types finite) */
export const MAX_TYPE_DEPTH = 6;

/** The type of a constant as inference sees it: `Type{X}` for a type X (as dispatch does). */
export function constType(v: Value): JType {
  if (isType(v)) return applyTypeName(T.Type!.name, [v]);
  if (isTuple(v)) return tupleType(v.map(x => constType(x)));
  return typeOf(v);
}

export function widenconst(l: Lattice): JType {
  if (l instanceof Const) return constType(l.val);
  if (l instanceof PartialStruct) return l.typ;
  if (l instanceof Conditional) return T.Bool!;
  return l;
}

/** Conditional narrowing information only makes sense inside one frame; outside it is a Bool */
export function widenconditional(l: Lattice): Lattice {
  return l instanceof Conditional ? T.Bool! : l;
}

export function isConcrete(t: JType): t is DataType {
  return t instanceof DataType && !t.isabstract && !t.hasfreetypevars && !(t.name === T.Type?.name) && concreteTuple(t);
}
function concreteTuple(t: DataType): boolean {
  if (t.name !== T.Tuple!.name) return true;
  return t.parameters.every(p => !(p instanceof VarargType) && isType(p) && isConcrete(p as JType));
}

/** a ⊑ b: is a at least as precise as b? */
export function lessequal(a: Lattice, b: Lattice): boolean {
  if (a === b) return true;
  if (a === Bottom) return true;
  if (b instanceof Const) return a instanceof Const && egal(a.val, b.val);
  if (b instanceof Conditional) {
    return (
      a instanceof Conditional &&
      a.slot === b.slot &&
      lessequal(a.thentype, b.thentype) &&
      lessequal(a.elsetype, b.elsetype)
    );
  }
  if (b instanceof PartialStruct) {
    if (a instanceof PartialStruct)
      return (
        a.typ === b.typ && a.fields.length === b.fields.length && a.fields.every((f, k) => lessequal(f, b.fields[k]!))
      );
    if (a instanceof Const && isTuple(a.val))
      return a.val.length === b.fields.length && a.val.every((v, k) => lessequal(new Const(v), b.fields[k]!));
    return false;
  }
  return issubtype(widenconst(a), b);
}

function depth(t: JType | Value): number {
  if (t instanceof DataType) return 1 + Math.max(0, ...t.parameters.map(depth));
  if (t instanceof UnionType) return Math.max(...t.types.map(depth));
  if (t instanceof UnionAll) return depth(t.body);
  if (t instanceof VarargType) return depth(t.T);
  return 0;
}

/** the nearest common supertype of two types (Julia's typejoin): Tuples join elementwise */
export function typejoin(a: JType, b: JType): JType {
  if (issubtype(a, b)) return b;
  if (issubtype(b, a)) return a;
  if (a instanceof UnionType) return a.types.reduce((acc: JType, t) => typejoin(acc, t), b);
  if (b instanceof UnionType) return b.types.reduce((acc: JType, t) => typejoin(acc, t), a);
  if (!(a instanceof DataType) || !(b instanceof DataType)) return T.Any!;
  if (a.name === T.Tuple!.name && b.name === T.Tuple!.name) {
    const pa = a.parameters,
      pb = b.parameters;
    if (pa.length !== pb.length || pa.some(p => p instanceof VarargType) || pb.some(p => p instanceof VarargType))
      return applyTypeName(T.Tuple!.name, [new VarargType(T.Any!, undefined)]);
    return tupleType(pa.map((p, k) => typejoin(p as JType, pb[k] as JType)));
  }
  // walk a's supertypes up to one that b's instances also belong to (by name, then check parameters)
  for (let s: DataType | null = a; s; s = s.super === s ? null : s.super) {
    if (issubtype(b, s)) return s;
    const w = unwrap(s.name.wrapper);
    if (w instanceof DataType && s.parameters.length && issubtype(b, s.name.wrapper) && issubtype(a, s.name.wrapper))
      return s.name.wrapper;
  }
  return T.Any!;
}

/** The join used at control-flow merges and for return types: Union while small, else typejoin. */
export function tmerge(a: Lattice, b: Lattice): Lattice {
  if (a === Bottom) return b;
  if (b === Bottom) return a;
  if (lessequal(a, b)) return b;
  if (lessequal(b, a)) return a;
  if (a instanceof Conditional && b instanceof Conditional && a.slot === b.slot) {
    return new Conditional(a.slot, tmerge(a.thentype, b.thentype), tmerge(a.elsetype, b.elsetype));
  }
  if (a instanceof PartialStruct && b instanceof PartialStruct && a.typ === b.typ) {
    return new PartialStruct(
      a.typ,
      a.fields.map((f, k) => tmerge(f, b.fields[k]!)),
    );
  }
  const wa = widenconst(a),
    wb = widenconst(b);
  if (wa === wb) return wa;
  const u = unionType([wa, wb]);
  const n = u instanceof UnionType ? u.types.length : 1;
  if (n <= MAX_UNION_LENGTH && depth(u) <= MAX_TYPE_DEPTH) return u;
  return typejoin(wa, wb);
}

/** limit a type's nesting (used on the argument types of recursive calls) */
export function limitDepth(t: JType, fallback: JType): JType {
  return depth(t) > MAX_TYPE_DEPTH ? fallback : t;
}

export { Bottom, TypeVar };
