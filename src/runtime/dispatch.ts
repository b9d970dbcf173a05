// Generic functions, method tables and dispatch: the most specific applicable method visible in a world.
import { T, Sym, Module, JStruct, BuiltinFunction, JoltThrow, type Value } from './values.ts';
import { DataType, UnionAll, TypeVar, VarargType, isType, type JType } from './types.ts';
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
