// Subtyping (A <: B) with type-variable matching. `match` solves the static parameters of a method signature
// against argument types, which is what dispatch needs. This covers covariant Tuples, invariant parameters,
// Unions, UnionAll bounds and Type{T}. The diagonal rule: a variable that occurs more than once in covariant
// position and never in invariant position stands for a concrete type, so a second covariant occurrence fails when
// the first bound it to an abstract type (Tuple{Any,Int} <: Tuple{K,V} where {K,V}, but not Tuple{Any,Any} <:
// Tuple{T,T} where T). General intersection is not here yet.
import { T, isTuple, type Value } from './values.ts';
import { DataType, UnionType, UnionAll, TypeVar, VarargType, BottomType, isType, type JType } from './types.ts';
import { paramKey } from './apply_type.ts';

export type Env = Map<TypeVar, JType | Value>;
/** type variables of a left-hand UnionAll being checked: they stand for every type within their bounds */
const universal = new Set<TypeVar>();

export function issubtype(a: JType, b: JType): boolean {
  return sub(a, b, new Map(), true);
}

export function typeEqual(a: JType | Value, b: JType | Value): boolean {
  if (a === b) return true;
  if (isType(a) && isType(b)) return issubtype(a, b) && issubtype(b, a);
  return paramKey(a as Value) === paramKey(b as Value);
}

/** variables with an invariant occurrence in the right-hand side of the outermost `sub` call: the diagonal rule does
 *  not apply to them */
let invariantVars: Set<TypeVar> = new Set();
let depth = 0;
const invariantCache = new WeakMap<object, Set<TypeVar>>();

/** Is `a` a subtype of `b`, binding b's free type variables in env? `cov` is false in invariant position. */
export function sub(a: JType, b: JType, env: Env, cov: boolean): boolean {
  if (depth > 0) return subt(a, b, env, cov);
  let inv = invariantCache.get(b);
  if (!inv) {
    inv = new Set();
    collectInvariant(b, cov, inv);
    invariantCache.set(b, inv);
  }
  const saved = invariantVars;
  invariantVars = inv;
  depth++;
  try {
    return subt(a, b, env, cov);
  } finally {
    depth--;
    invariantVars = saved;
  }
}

/** the type variables occurring in invariant position in t (inside a parameter of a non-Tuple type, Vararg's N, or
 *  a variable's bounds) */
function collectInvariant(t: JType | Value, cov: boolean, out: Set<TypeVar>): void {
  if (t instanceof TypeVar) {
    if (!cov) out.add(t);
  } else if (t instanceof UnionType) {
    for (const x of t.types) collectInvariant(x, cov, out);
  } else if (t instanceof UnionAll) {
    collectInvariant(t.v.lb, false, out);
    collectInvariant(t.v.ub, false, out);
    collectInvariant(t.body, cov, out);
  } else if (t instanceof VarargType) {
    collectInvariant(t.T, cov, out);
    if (t.N !== undefined && t.N !== null) collectInvariant(t.N as JType | Value, false, out);
  } else if (t instanceof DataType && t.hasfreetypevars) {
    const tuple = t.name === T.Tuple!.name;
    for (const x of t.parameters) collectInvariant(x as JType | Value, cov && tuple, out);
  }
}

/** a type a diagonal variable cannot stand for */
function notConcrete(t: JType | Value): boolean {
  if (t instanceof UnionType || t instanceof UnionAll) return true;
  if (!(t instanceof DataType) || t.name === T.Type!.name) return false;
  if (t.isabstract) return true;
  return t.name === T.Tuple!.name && t.parameters.some(p => p instanceof VarargType || notConcrete(p));
}

function subt(a: JType, b: JType, env: Env, cov: boolean): boolean {
  if (a === b) return true;
  if (b instanceof TypeVar && universal.has(b)) return a instanceof TypeVar ? a === b : subt(a, b.lb, env, true);
  if (b instanceof TypeVar) {
    const bound = env.get(b);
    if (bound !== undefined) {
      if (!isType(bound)) return false;
      if (!cov) return typeEqual(a, bound);
      // a second covariant occurrence of a variable with no invariant one: diagonal, it stands for a concrete type
      if (!invariantVars.has(b) && notConcrete(bound)) return false;
      return subt(a, bound, env, true);
    }
    if (!subt(a, b.ub, env, true) || !subt(b.lb, a, env, true)) return false;
    if (a instanceof TypeVar) return true;
    env.set(b, a);
    return true;
  }
  if (b === T.Any) return true;
  if (a instanceof BottomType) return true;
  if (a instanceof UnionType) return a.types.every(x => subt(x, b, env, cov));
  if (b instanceof UnionType) {
    for (const x of b.types) {
      const e2 = new Map(env);
      if (subt(a, x, e2, cov)) {
        e2.forEach((v, k) => env.set(k, v));
        return true;
      }
    }
    // a variable may be below the union without being below any one member (T<:Union{Int8,Int16})
    return a instanceof TypeVar && subt(a.ub, b, env, cov);
  }
  if (b instanceof UnionAll) {
    // each occurrence of a UnionAll on the right has its own variable: bindings must not leak out of it
    const had = env.has(b.v),
      saved = env.get(b.v);
    env.delete(b.v);
    const r = subt(a, b.body, env, cov);
    if (had) env.set(b.v, saved!);
    else env.delete(b.v);
    return r;
  }
  if (a instanceof UnionAll) {
    // every instance of a must be in b: a's variables are universally quantified
    const vars: TypeVar[] = [];
    let body: JType = a;
    while (body instanceof UnionAll) {
      vars.push(body.v);
      universal.add(body.v);
      body = body.body;
    }
    try {
      return subt(body, b, env, cov);
    } finally {
      for (const v of vars) universal.delete(v);
    }
  }
  if (a instanceof TypeVar) return subt(a.ub, b, env, cov);
  if (b instanceof BottomType) return false;
  if (!(a instanceof DataType) || !(b instanceof DataType)) return false;
  // Type{X} <: Type{Y}: invariant in X; Type{X} <: DataType etc via typeof(X)
  if (a.name === T.Type!.name) {
    if (b.name === T.Type!.name) return subParam(a.parameters[0]!, b.parameters[0]!, env);
    const x = a.parameters[0]!;
    return subt(typeOfType(x), b, env, cov);
  }
  if (b.name === T.Type!.name) {
    // a kind (DataType, Union, ...) is a subtype of `Type{T} where T` (not of `Type{T} where T<:Integer`)
    const p = b.parameters[0];
    return (
      p instanceof TypeVar &&
      !env.has(p) &&
      p.ub === T.Any &&
      p.lb instanceof BottomType &&
      (a === T.DataType || a === T.Union || a === T.UnionAll || a === T.TypeofBottom)
    );
  }
  if (a.name === T.Tuple!.name && b.name === T.Tuple!.name) return subTuple(a, b, env, cov);
  let s: DataType | null = a;
  while (s && s.name !== b.name) s = s.super === s ? null : s.super;
  if (!s) return false;
  for (let k = 0; k < b.parameters.length; k++) {
    if (!subParam(s.parameters[k]!, b.parameters[k]!, env)) return false;
  }
  return true;
}

function unwrapVars(t: JType): JType {
  while (t instanceof UnionAll) t = t.body;
  return t;
}

/** invariant parameter: equal types, or a TypeVar binding */
function subParam(x: JType | Value, y: JType | Value, env: Env): boolean {
  if (y instanceof TypeVar) {
    if (universal.has(y)) return x === y;
    const bound = env.get(y);
    if (bound !== undefined) return typeEqual(x, bound);
    if (isType(x)) {
      if (!subt(x as JType, y.ub, env, true)) return false;
    }
    env.set(y, x);
    return true;
  }
  if (x instanceof UnionAll && y instanceof UnionAll && matchUnionAlls(x, y, env)) return true;
  if (isType(x) && isType(y)) {
    // invariant: same type name, parameters matched (binding method variables) recursively
    if (y instanceof DataType && y.hasfreetypevars)
      return x instanceof DataType && x.name === y.name && subt(x, y, env, false);
    return typeEqual(x, y);
  }
  return paramKey(x as Value) === paramKey(y as Value);
}

/** `Array{String,N} where N` against `Array{T,N} where N` in invariant position: the same variables in the same
 *  order, each of y's standing for x's, and the bodies matched (binding y's free variables, here T) */
function matchUnionAlls(x: UnionAll, y: UnionAll, env: Env): boolean {
  const pairs: [TypeVar, TypeVar][] = [];
  let xb: JType = x,
    yb: JType = y;
  while (xb instanceof UnionAll && yb instanceof UnionAll) {
    if (!typeEqual(xb.v.ub, yb.v.ub) || !typeEqual(xb.v.lb, yb.v.lb)) return false;
    pairs.push([xb.v, yb.v]);
    xb = xb.body;
    yb = yb.body;
  }
  if (xb instanceof UnionAll || yb instanceof UnionAll) return false;
  const trial = new Map(env);
  for (const [xv, yv] of pairs) trial.set(yv, xv);
  if (!subParam(xb, yb, trial)) return false;
  // keep the bindings of y's free variables, not those of its own
  for (const [k, v] of trial) if (!pairs.some(([, yv]) => yv === k)) env.set(k, v);
  return true;
}

/** covariant elements, except inside an invariant position (Type{Tuple{K,V}}), where each must equal its
 *  counterpart: there a variable binds the element as it is, abstract or not (the diagonal rule is for covariant
 *  occurrences only) */
function subTuple(a: DataType, b: DataType, env: Env, cov: boolean): boolean {
  const el = (x: JType, y: JType): boolean => (cov ? subt(x, y, env, true) : subParam(x, y, env));
  const ap = a.parameters as JType[],
    bp = b.parameters as JType[];
  const bva = bp.length > 0 && bp[bp.length - 1] instanceof VarargType ? (bp[bp.length - 1] as VarargType) : null;
  const ava = ap.length > 0 && ap[ap.length - 1] instanceof VarargType ? (ap[ap.length - 1] as VarargType) : null;
  const nb = bva ? bp.length - 1 : bp.length;
  const na = ava ? ap.length - 1 : ap.length;
  if (!bva && (ava || na !== nb)) return false;
  if (na < nb) return false;
  for (let k = 0; k < nb; k++) if (!el(ap[k]!, bp[k]!)) return false;
  if (bva) {
    for (let k = nb; k < na; k++) if (!el(ap[k]!, bva.T)) return false;
    if (ava && !el(ava.T, bva.T)) return false;
    if (bva.N instanceof TypeVar && !env.has(bva.N)) env.set(bva.N, BigInt(na - nb));
  }
  return true;
}

function typeOfType(x: JType | Value): DataType {
  if (x instanceof DataType) return T.DataType!;
  if (x instanceof UnionType) return T.Union!;
  if (x instanceof UnionAll) return T.UnionAll!;
  if (x instanceof BottomType) return T.TypeofBottom!;
  return T.Any!;
}

export const isTupleValue = isTuple;
