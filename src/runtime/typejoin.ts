// typejoin(a, b): the most specific type that both a and b are subtypes of, by Julia's rules (base/promotion.jl): a
// Union joins its members; tuples of one length join element by element; other types walk up b's supertypes to
// the first whose TypeName a also has, keeping the parameters the two agree on and making the others free
// (typejoin(Vector{Int64}, Vector{Float64}) is `Vector{T} where T`).
import { Sym, isTuple, type Value } from './values.ts';
import { DataType, UnionType, UnionAll, TypeVar, VarargType, Bottom, type JType } from './types.ts';
import { T } from './values.ts';
import { issubtype } from './subtype.ts';
import { applyTypeName, tupleType, unwrap, paramKey } from './apply_type.ts';

export function typejoin(a: JType, b: JType): JType {
  if (issubtype(a, b)) return b;
  if (issubtype(b, a)) return a;
  if (a instanceof UnionType) return a.types.reduce((j, m) => typejoin(j, m), b);
  if (b instanceof UnionType) return b.types.reduce((j, m) => typejoin(j, m), a);
  // a UnionAll joins as its body (which stands for all its instances)
  if (a instanceof UnionAll || b instanceof UnionAll) return typejoin(unwrapAll(a), unwrapAll(b));
  if (!(a instanceof DataType) || !(b instanceof DataType)) return T.Any!;
  const tuple = T.Tuple!.name;
  if (a.name === tuple || b.name === tuple) {
    if (a.name !== b.name) return T.Any!;
    const ap = a.parameters as JType[],
      bp = b.parameters as JType[];
    if (ap.length !== bp.length || [...ap, ...bp].some(p => p instanceof VarargType)) return T.Tuple!;
    return tupleType(ap.map((p, i) => typejoin(p, bp[i]!)));
  }
  for (let s: DataType = b; s !== T.Any; s = s.super as DataType) {
    let x: DataType | undefined = a;
    while (x && x.name !== s.name) x = x === T.Any ? undefined : (x.super as DataType);
    if (!x) continue;
    return sameNameJoin(x, s);
  }
  return T.Any!;
}

/** two instances of one TypeName: its parameters where they agree, free type variables where not */
function sameNameJoin(a: DataType, b: DataType): JType {
  const vars: TypeVar[] = [];
  // as Julia's: a parameter that differs is the type's own variable, with its bounds (NamedTuple's T<:Tuple)
  const own = (unwrap(a.name.wrapper) as DataType).parameters;
  const params = a.parameters.map((p, i) => {
    const q = b.parameters[i];
    if (p === q || (isTuple(p) && paramKey(p) === paramKey(q))) return p;
    if (isTypeValue(p) && isTypeValue(q) && issubtype(p, q) && issubtype(q, p)) return p;
    const w = own[i];
    const v =
      w instanceof TypeVar ? w : new TypeVar(Sym.of(vars.length === 0 ? 'T' : `T${vars.length + 1}`), Bottom, T.Any!);
    vars.push(v);
    return v;
  });
  if (vars.length === 0) return a;
  let out: JType = applyTypeName(a.name, params);
  for (let i = vars.length - 1; i >= 0; i--) out = new UnionAll(vars[i]!, out);
  return out;
}

const isTypeValue = (v: Value | JType | undefined): v is JType =>
  v instanceof DataType || v instanceof UnionType || v instanceof UnionAll;

function unwrapAll(t: JType): JType {
  return t instanceof UnionAll ? unwrap(t) : t;
}
