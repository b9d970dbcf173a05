// Type construction: new TypeNames/DataTypes, interned instantiation (apply_type), Unions and substitution.
import { T, Sym, Module, JChar, isTuple, type Value } from './values.ts';
import { IdTable } from './id_table.ts';
import { DataType, TypeName, UnionType, UnionAll, TypeVar, VarargType, Bottom, isType, type JType } from './types.ts';

/** A stable key for a type parameter list (types are interned, so identity ids work for DataTypes). The ids: a session
 *  image keeps them (TypeName caches and Method specializations are keyed by them). */
export const typeIds = new IdTable();
export function paramKey(p: Value | JType | undefined): string {
  if (p === undefined) return 'U';
  if (typeof p === 'bigint') return `i${p}`;
  // -0.0 is a value of its own (String(-0) is "0")
  if (typeof p === 'number') return Object.is(p, -0) ? 'f-0' : `f${p}`;
  if (typeof p === 'boolean') return `b${p}`;
  if (typeof p === 'string') return `s${JSON.stringify(p)}`;
  if (isTuple(p)) return `(${p.map(paramKey).join(',')})`;
  if (p instanceof Sym) return `:${p.name}`;
  if (p instanceof JChar) return `c${p.cp}`;
  if (p instanceof UnionType) return `U{${p.types.map(paramKey).join(',')}}`;
  if (p instanceof UnionAll) return `W{${paramKey(p.v)},${paramKey(p.body)}}`;
  if (p instanceof VarargType) return `V{${paramKey(p.T)},${paramKey(p.N as Value)}}`;
  return `#${typeIds.of(p as object)}`;
}

export function newTypeName(name: string, mod: Module): TypeName {
  return new TypeName(Sym.of(name), mod);
}

/** Creates the generic DataType of a type name with TypeVar parameters and wraps it in UnionAlls. */
export function makeType(
  name: string,
  mod: Module,
  superT: DataType | null,
  params: TypeVar[],
  opts: { abstract?: boolean; mutable?: boolean; fields?: string[]; ftypes?: JType[]; nbits?: number } = {},
): DataType {
  const tn = newTypeName(name, mod);
  tn.abstract = !!opts.abstract;
  tn.mutable = !!opts.mutable;
  tn.names = (opts.fields ?? []).map(f => Sym.of(f));
  tn.ninitialized = tn.names.length;
  const dt = new DataType(tn, params);
  dt.super = superT;
  dt.isabstract = !!opts.abstract;
  dt.ismutable = !!opts.mutable;
  dt.types = opts.ftypes ?? tn.names.map(() => T.Any!);
  if (opts.nbits) {
    dt.nbits = opts.nbits;
    dt.isprimitive = true;
  }
  dt.hasfreetypevars = params.length > 0;
  let w: JType = dt;
  for (let k = params.length - 1; k >= 0; k--) w = new UnionAll(params[k]!, w);
  tn.wrapper = w;
  tn.cache.set(params.map(paramKey).join('|'), dt);
  return dt;
}

/** The body DataType under a type's UnionAll wrappers */
export function unwrap(t: JType): JType {
  while (t instanceof UnionAll) t = t.body;
  return t;
}

/** Substitute TypeVars by values throughout a type. */
export function subst(t: JType | Value, env: Map<TypeVar, JType | Value>): JType | Value {
  if (t instanceof TypeVar) return env.has(t) ? env.get(t)! : t;
  if (t instanceof DataType) {
    if (!t.hasfreetypevars) return t;
    return applyTypeName(
      t.name,
      t.parameters.map(p => subst(p, env)),
    );
  }
  if (t instanceof UnionType) return unionType(t.types.map(x => subst(x, env) as JType));
  if (t instanceof UnionAll) {
    if (env.has(t.v)) {
      const e2 = new Map(env);
      e2.delete(t.v);
      return new UnionAll(t.v, subst(t.body, e2) as JType);
    }
    const b = subst(t.body, env) as JType;
    return b === t.body ? t : new UnionAll(t.v, b);
  }
  if (t instanceof VarargType)
    return new VarargType(
      subst(t.T, env) as JType,
      t.N === undefined ? undefined : (subst(t.N as Value, env) as Value),
    );
  return t;
}

function hasFree(p: JType | Value): boolean {
  if (p instanceof TypeVar) return true;
  if (p instanceof DataType) return p.hasfreetypevars;
  if (p instanceof UnionType) return p.types.some(hasFree);
  if (p instanceof UnionAll) return true;
  if (p instanceof VarargType) return hasFree(p.T) || (p.N !== undefined && hasFree(p.N as Value));
  return false;
}

/** Instantiate a TypeName with parameters (interned). */
export function applyTypeName(tn: TypeName, params: readonly (JType | Value)[]): DataType {
  if (T.Tuple && tn === T.Tuple.name) params = normalizeTupleParams(params);
  const key = params.map(paramKey).join('|');
  const hit = tn.cache.get(key);
  if (hit) return hit;
  const generic = unwrap(tn.wrapper) as DataType;
  const env = new Map<TypeVar, JType | Value>();
  generic.parameters.forEach((v, k) => {
    if (v instanceof TypeVar && k < params.length) env.set(v, params[k]!);
  });
  const dt = new DataType(tn, params);
  dt.super = generic.super && generic.super.hasfreetypevars ? (subst(generic.super, env) as DataType) : generic.super;
  dt.isabstract = generic.isabstract;
  dt.ismutable = generic.ismutable;
  dt.nbits = generic.nbits;
  dt.isprimitive = generic.isprimitive;
  dt.types = generic.types.map(ft => subst(ft, env) as JType);
  dt.hasfreetypevars = params.some(hasFree);
  tn.cache.set(key, dt);
  if (T.Tuple && tn === T.Tuple.name) {
    dt.types = params.filter(isType) as JType[];
  }
  // singleton types of structs with no fields have an instance
  return dt;
}

function normalizeTupleParams(params: readonly (JType | Value)[]): readonly (JType | Value)[] {
  const last = params[params.length - 1];
  if (last instanceof VarargType && typeof last.N === 'bigint') {
    return [...params.slice(0, -1), ...Array.from({ length: Number(last.N) }, () => last.T)];
  }
  return params;
}

/** apply_type(T, params...) as the Core builtin does it: T may be a UnionAll, Union (Union{A,B}) or Vararg. */
export function applyType(t: Value, params: readonly Value[]): JType | Value {
  if (t === T.Union) return unionType(params as JType[]);
  if (t instanceof UnionAll) {
    const env = new Map<TypeVar, JType | Value>();
    let body: JType = t;
    let k = 0;
    while (body instanceof UnionAll && k < params.length) {
      env.set(body.v, params[k++]!);
      body = body.body;
    }
    if (k < params.length) throw new Error(`too many parameters for type`);
    const r = subst(body, env) as JType;
    return r;
  }
  if (t instanceof DataType && t.name === T.Tuple!.name) return applyTypeName(t.name, params);
  throw new Error('apply_type: not a parametric type');
}

export function tupleType(params: readonly (JType | Value)[]): DataType {
  return applyTypeName(T.Tuple!.name, params);
}

// Julia's canonical Union order: singletons, then bits types, then other DataTypes, then the rest.
function unionRank(t: JType): number {
  if (t instanceof DataType) {
    if (
      t.instance !== undefined ||
      (!t.isabstract &&
        !t.ismutable &&
        t.types.length === 0 &&
        !t.isprimitive &&
        !t.hasfreetypevars &&
        t.name !== T.Tuple!.name)
    )
      return 0;
    if (t.isprimitive) return 1;
    return 2;
  }
  return 3;
}
function typeNameStr(t: JType): string {
  return t instanceof DataType ? `${t.name.module.name.name}.${t.name.name.name}` : '';
}

export function unionType(types: readonly JType[]): JType {
  const flat: JType[] = [];
  const add = (t: JType) => {
    if (t instanceof UnionType) t.types.forEach(add);
    else if (t !== Bottom && !flat.some(f => f === t || paramKey(f) === paramKey(t))) flat.push(t);
  };
  types.forEach(add);
  if (flat.length === 0) return Bottom;
  if (flat.length === 1) return flat[0]!;
  flat.sort(
    (a, b) =>
      unionRank(a) - unionRank(b) || (typeNameStr(a) < typeNameStr(b) ? -1 : typeNameStr(a) > typeNameStr(b) ? 1 : 0),
  );
  return new UnionType(flat);
}
