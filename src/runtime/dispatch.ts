// Generic functions, method tables and dispatch: the most specific applicable method visible in a world.
import { T, Sym, Module, JStruct, BuiltinFunction, JoltThrow, type Value } from './values.ts';
import { DataType, UnionAll, UnionType, TypeVar, VarargType, isType, type JType } from './types.ts';
import { Method, MethodTable, world } from './methods.ts';
import { makeType, tupleType, unwrap, subst, paramKey } from './apply_type.ts';
import { sub, issubtype, type Env } from './subtype.ts';
import { typeOf, dispatchTypeOf } from './typeof.ts';
import { mkException } from './errors.ts';
import { state } from './modules.ts';
import { methodAddedListeners } from './hooks.ts';

/** A new generic function `name` in `mod`: a singleton instance of its own type `typeof(name)`. */
export function newGenericFunction(name: Sym, mod: Module): JStruct {
  const dt = makeType(`#${name.name}`, mod, T.Function!, []);
  const f = new JStruct(dt, []);
  dt.instance = f;
  dt.name.mt = new MethodTable(name, mod);
  return f;
}

/** The method table a call of `f` dispatches in. Types (constructors) use their TypeName's table. */
/** methods of `(::Type{T})(...) where T`: constructors shared by a family of types, consulted after a type's own table */
export const typeConstructorTable = { mt: undefined as MethodTable | undefined };

export function methodTableFor(f: Value): MethodTable {
  if (f instanceof TypeVar)
    return (typeConstructorTable.mt ??= new MethodTable(Sym.of('Type'), f.name as unknown as Module));
  let tn;
  if (f instanceof DataType) tn = f.name;
  else if (f instanceof UnionAll) tn = (unwrap(f) as DataType).name;
  else tn = typeOf(f).name;
  return (tn.mt ??= new MethodTable(tn.name, tn.module));
}

export function makeMethodSig(types: JType[], typevars: TypeVar[]): JType {
  let sig: JType = tupleType(types);
  for (let k = typevars.length - 1; k >= 0; k--) sig = new UnionAll(typevars[k]!, sig);
  return sig;
}

const caches = new WeakMap<MethodTable, Map<string, MethodMatch | null | Ambiguous>>();

export function addMethod(mt: MethodTable, m: Method): void {
  world.current++;
  m.primary_world = world.current;
  for (const old of mt.methods) {
    if (old.deleted_world === Number.MAX_SAFE_INTEGER && issubtype(old.sig, m.sig) && issubtype(m.sig, old.sig))
      old.deleted_world = world.current;
  }
  mt.methods.push(m);
  caches.delete(mt);
  for (const l of methodAddedListeners) l(m);
}

export interface MethodMatch {
  method: Method;
  sparams: (JType | Value)[];
}
export interface Ambiguous {
  ambiguous: Method[];
}

function visible(m: Method, w: number): boolean {
  return m.primary_world <= w && w < m.deleted_world;
}

/** Matches concrete argument types (the callee's type first) against a method signature. */
export function matchMethod(m: Method, argtypes: DataType[]): MethodMatch | null {
  const env: Env = new Map();
  // the method's own where-variables are bound by matching its signature body
  if (!sub(tupleType(argtypes), unwrap(m.sig), env, true)) return null;
  return { method: m, sparams: m.sparams.map(v => env.get(v) ?? v) };
}

/** A is more specific than B when A's signature is a strict subtype of B's. */
export function moreSpecific(a: Method, b: Method): boolean {
  return issubtype(a.sig, b.sig) && !issubtype(b.sig, a.sig);
}

export function findMethod(
  mt: MethodTable,
  argtypes: DataType[],
  w: number,
  key: string,
): MethodMatch | null | Ambiguous {
  let cache = caches.get(mt);
  if (!cache) {
    cache = new Map();
    caches.set(mt, cache);
  }
  const ck = key + '@' + w;
  if (cache.has(ck)) return cache.get(ck)!;
  const matches: MethodMatch[] = [];
  for (const m of mt.methods) {
    if (!visible(m, w)) continue;
    const r = matchMethod(m, argtypes);
    if (r) matches.push(r);
  }
  let result: MethodMatch | null | Ambiguous = null;
  if (matches.length === 1) result = matches[0]!;
  else if (matches.length > 1) {
    const best = matches.filter(a => matches.every(b => a === b || moreSpecific(a.method, b.method)));
    if (best.length === 1) result = best[0]!;
    else {
      // no single most specific method; pick one that no other beats, else ambiguity
      let undominated = matches.filter(a => !matches.some(b => b !== a && moreSpecific(b.method, a.method)));
      if (undominated.length > 1) {
        // tie-break with the signatures instantiated for this call (a `where T` method whose T is solved
        // to the argument's type beats a looser concrete one, e.g. convert(::Type{T}, ::T) vs (::Type{Int}, ::Number))
        // Varargs are expanded to the call's arity, so that f(r::R, d::Integer...) beats f(r::R, x) for f(r, 3),
        // as in Julia
        const n = argtypes.length;
        const inst = new Map(undominated.map(m => [m, atArity(instantiateSig(m), n)] as const));
        const best2 = undominated.filter(a =>
          undominated.every(
            b => a === b || (issubtype(inst.get(a)!, inst.get(b)!) && !issubtype(inst.get(b)!, inst.get(a)!)),
          ),
        );
        if (best2.length === 1) undominated = best2;
      }
      result = undominated.length === 1 ? undominated[0]! : { ambiguous: undominated.map(x => x.method) };
    }
  }
  cache.set(ck, result);
  return result;
}

/** Julia's `max_methods`: a call whose argument types are abstract is inferred through the methods it may reach
 *  when there are at most this many */
export const MAX_METHODS = 3;

/** One method a call with abstract argument types may reach: the argument types it is inferred with (the call's
 *  own where the method covers them, the method's where it is narrower) and its static parameters. */
export interface AbstractMatch {
  method: Method;
  types: DataType[];
  sparams: (JType | Value)[];
}

/**
 * The methods visible in world `w` that a call with these argument types (the callee's type first, no free type
 * variables) may reach; 'many' when there are more than `limit`, undefined when one cannot be told apart from the call
 * (a method with where-variables that neither covers the call nor is disjoint from it). Conservative both ways:
 * a method is left out only when no value could reach it.
 */
export function abstractMatches(
  mt: MethodTable,
  call: JType[],
  w: number,
  limit = MAX_METHODS,
): AbstractMatch[] | 'many' | undefined {
  const callsig = tupleType(call);
  const out: AbstractMatch[] = [];
  for (const m of mt.methods) {
    if (!visible(m, w)) continue;
    const ps = (atArity(unwrap(m.sig), call.length) as DataType).parameters;
    if (ps.some(p => p instanceof VarargType)) {
      if (ps.length - 1 > call.length) continue;
      return undefined;
    }
    if (ps.length !== call.length) continue;
    if (issubtype(callsig, m.sig)) {
      // the method covers the call: inferred with the call's types
      const r = matchMethod(m, call as DataType[]);
      if (!r || r.sparams.some(v => v instanceof TypeVar)) return undefined;
      out.push({ method: m, types: call as DataType[], sparams: r.sparams });
    } else {
      const pairs = ps.map((p, k) => [call[k]!, p as JType] as const);
      if (pairs.some(([c, p]) => disjoint(c, p))) continue;
      // a method without where-variables whose parameters are each narrower or wider than the call's: inferred
      // with the narrower one at each position (a tuple type's intersection, exact since Tuple is covariant)
      if (m.sparams.length) return undefined;
      const types: JType[] = [];
      for (const [c, p] of pairs) {
        if (issubtype(c, p)) types.push(c);
        else if (issubtype(p, c)) types.push(p);
        else return undefined;
      }
      out.push({ method: m, types: types as DataType[], sparams: [] });
    }
    if (out.length > limit) return 'many';
  }
  return out;
}

/** Could a call with argument tuple type `a` reach a method of signature `b`? (false only when no value is both) */
export function mayIntersect(a: JType, b: JType): boolean {
  const ua = unwrap(a),
    ub = unwrap(b);
  if (!(ua instanceof DataType) || !(ub instanceof DataType)) return true;
  const pb = (atArity(ub, ua.parameters.length) as DataType).parameters;
  if (pb.some(p => p instanceof VarargType) || ua.parameters.some(p => p instanceof VarargType)) return true;
  if (pb.length !== ua.parameters.length) return false;
  return !ua.parameters.some((p, k) => isType(p) && isType(pb[k]!) && disjoint(p as JType, pb[k] as JType));
}

/** No value is both a `c` and a `p` (false when unsure). Nominal types have one supertype each, so two plain
 *  types of which neither is an ancestor of the other have no common instance. */
function disjoint(c: JType, p: JType): boolean {
  if (c instanceof UnionType) return c.types.every(x => disjoint(x, p));
  if (p instanceof UnionType) return p.types.every(x => disjoint(c, x));
  if (!(c instanceof DataType) || !(p instanceof DataType) || hasFreeVars(c) || hasFreeVars(p)) return false;
  if (issubtype(c, p) || issubtype(p, c)) return false;
  if (typeLike(c) || typeLike(p)) {
    // Type{X} has the one instance X; every type is an instance of one of the kinds
    if (c.name === T.Type!.name && p.name === T.Type!.name) return true;
    const other = typeLike(c) ? p : c;
    return !typeLike(other) && !KINDS().some(k => issubtype(k, other));
  }
  if (isLeaf(c) || isLeaf(p)) return true;
  const tc = c.name === T.Tuple!.name,
    tp = p.name === T.Tuple!.name;
  if (tc !== tp) return true; // a Tuple's only supertype is Any
  if (tc) {
    const [a, b] = [c.parameters, p.parameters];
    if ([...a, ...b].some(x => x instanceof VarargType)) return false;
    return a.length !== b.length || a.some((x, k) => disjoint(x as JType, b[k] as JType));
  }
  const above = (x: DataType, name: DataType['name']): boolean => {
    for (let t: DataType | null = x; t; t = t.super === t ? null : t.super) if (t.name === name) return true;
    return false;
  };
  return !above(c, p.name) && !above(p, c.name);
}
/** a type whose values are types (Type{X}, DataType, ...): left to subtyping, since a kind's values are Type{X}s */
/** does `t` mention a type variable that no UnionAll inside it binds? (`Type{Pair}` does not) */
function hasFreeVars(t: JType | Value, bound: TypeVar[] = []): boolean {
  if (t instanceof TypeVar) return !bound.includes(t);
  if (t instanceof DataType) return t.hasfreetypevars && t.parameters.some(p => hasFreeVars(p, bound));
  if (t instanceof UnionType) return t.types.some(x => hasFreeVars(x, bound));
  if (t instanceof UnionAll) return hasFreeVars(t.body, [...bound, t.v]);
  if (t instanceof VarargType) return hasFreeVars(t.T, bound) || (t.N !== undefined && hasFreeVars(t.N, bound));
  return false;
}
const KINDS = (): DataType[] => [T.DataType!, T.UnionAll!, T.Union!, T.TypeofBottom!];
function typeLike(t: DataType): boolean {
  return t.name === T.Type!.name || t === T.DataType || t === T.UnionAll || t === T.Union || t === T.TypeofBottom;
}
/** a concrete type: no other type has its values */
function isLeaf(t: DataType): boolean {
  if (t.isabstract) return false;
  if (t.name !== T.Tuple!.name) return true;
  return t.parameters.every(p => p instanceof DataType && isLeaf(p) && !typeLike(p));
}

/** a signature whose last parameter is an unbounded Vararg, as the tuple type of `n` parameters it matches */
function atArity(sig: JType, n: number): JType {
  if (!(sig instanceof DataType) || sig.name !== T.Tuple!.name) return sig;
  const ps = sig.parameters;
  const last = ps[ps.length - 1];
  if (!(last instanceof VarargType) || last.N !== undefined || n < ps.length - 1) return sig;
  const out: (JType | Value)[] = ps.slice(0, -1);
  while (out.length < n) out.push(last.T);
  return tupleType(out);
}

function instantiateSig(m: MethodMatch): JType {
  const env = new Map<TypeVar, JType | Value>();
  m.method.sparams.forEach((v, k) => env.set(v, m.sparams[k]!));
  return subst(unwrap(m.method.sig), env) as JType;
}

export function methodsOf(mt: MethodTable, w = world.current): Method[] {
  return mt.methods.filter(m => visible(m, w));
}

/** the method a call of `f` with these arguments runs in the current toplevel world, with its static parameters,
 *  the key of the argument types and the types themselves; a MethodError if there is none */
export function dispatchCall(
  f: Value,
  args: Value[],
): { method: Method; sparams: readonly (JType | Value)[]; key: string; types: DataType[] } {
  const mt = methodTableFor(f);
  const types: DataType[] = [dispatchTypeOf(f)];
  let key = paramKey(types[0]);
  for (const a of args) {
    const t = dispatchTypeOf(a);
    types.push(t);
    key += '|' + paramKey(t);
  }
  let m = findMethod(mt, types, state.world, key);
  if (m === null && isType(f) && typeConstructorTable.mt)
    m = findMethod(typeConstructorTable.mt, types, state.world, key);
  if (m === null || 'ambiguous' in m) {
    throw new JoltThrow(mkException('MethodError', [f, Object.freeze([...args]), BigInt(state.world)]));
  }
  return { method: m.method, sparams: m.sparams, key, types };
}

export const isBuiltin = (f: Value): f is BuiltinFunction => f instanceof BuiltinFunction;
export { isType };
