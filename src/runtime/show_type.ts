// Printing of types as Julia prints them (Vector{Int64}, Union{Nothing, Int64}, typeof(f), ...).
import { T, Sym, JChar, Module, isTuple, type Value } from './values.ts';
import { DataType, UnionType, UnionAll, TypeVar, VarargType, BottomType, isType } from './types.ts';
import { utf8Decode } from './utf8.ts';
import { state, lookupBinding } from './modules.ts';

export function showType(t: Value): string {
  if (t instanceof BottomType) return 'Union{}';
  if (t instanceof TypeVar) return t.name.name;
  if (t instanceof UnionType) return `Union{${t.types.map(showType).join(', ')}}`;
  if (t instanceof VarargType)
    return t.N === undefined ? `Vararg{${showType(t.T)}}` : `Vararg{${showType(t.T)}, ${showParam(t.N as Value)}}`;
  if (t instanceof UnionAll) {
    const vars: TypeVar[] = [];
    let b: Value = t;
    while (b instanceof UnionAll) {
      vars.push(b.v);
      b = b.body;
    }
    if (b instanceof DataType && b.parameters.length === vars.length && b.parameters.every((p, k) => p === vars[k]))
      return typeNameStr(b);
    let wheres = vars,
      body: string;
    if (b instanceof DataType) {
      const dt = b;
      const free = (v: TypeVar) => v.lb instanceof BottomType && v.ub === T.Any;
      // the aliases Vector, Matrix, AbstractVector, AbstractMatrix print by name
      const alias = arrayAlias(dt);
      if (alias && vars.length === 1 && dt.parameters[0] === vars[0] && free(vars[0]!)) return alias;
      // trailing parameters left as the type's own variables are elided: Array{Int64, N} where N prints Array{Int64}
      let ps = dt.parameters.slice();
      let orig: Value = dt.name.wrapper;
      while (orig instanceof UnionAll) orig = orig.body;
      const origPs = orig instanceof DataType ? orig.parameters : [];
      while (ps.length && !alias && dt.name !== T.Tuple?.name) {
        const p = ps[ps.length - 1]!,
          o = origPs[ps.length - 1];
        if (!(p instanceof TypeVar && o instanceof TypeVar && wheres.includes(p) && p.ub === o.ub && p.lb === o.lb))
          break;
        ps.pop();
        wheres = wheres.filter(v => v !== p);
      }
      // an anonymous variable (from `Vector{<:Real}` syntax) used as a parameter prints in place as <:Real or >:Int
      const inline = new Set(
        wheres.filter(
          v => v.name.name.startsWith('#') && ps.includes(v) && (v.lb instanceof BottomType || v.ub === T.Any),
        ),
      );
      wheres = wheres.filter(v => !inline.has(v));
      const param = (p: Value) =>
        p instanceof TypeVar && inline.has(p)
          ? p.lb instanceof BottomType
            ? `<:${showType(p.ub)}`
            : `>:${showType(p.lb)}`
          : showParam(p);
      body =
        ps.length === 0 && dt.name !== T.Tuple?.name
          ? typeNameStr(dt)
          : `${alias ?? typeNameStr(dt)}{${(alias ? ps.slice(0, 1) : ps).map(param).join(', ')}}`;
    } else body = showType(b);
    if (wheres.length === 0) return body;
    return `${body} where ${wheres.length === 1 ? showTypeVar(wheres[0]!) : `{${wheres.map(showTypeVar).join(', ')}}`}`;
  }
  if (t instanceof DataType) {
    if (t === T.Tuple) return 'Tuple'; // Tuple{Vararg{Any}}, every tuple's type
    const name = typeNameStr(t);
    const ps = t.parameters;
    const alias = arrayAlias(t);
    if (alias) return `${alias}{${showParam(ps[0]!)}}`;
    // ComplexF64, ComplexF32, ComplexF16 print by their alias, as Julia's
    if (name === 'Complex' && (ps[0] === T.Float64 || ps[0] === T.Float32 || ps[0] === T.Float16))
      return `ComplexF${(ps[0] as DataType).name.name.name.slice(5)}`;
    if (t.name.name.name.startsWith('#') && t.instance !== undefined) return `typeof(${t.name.name.name.slice(1)})`;
    if (t.name === T.NamedTuple?.name) {
      const nt = showNamedTuple(ps);
      if (nt) return nt;
    }
    if (ps.length === 0) return t.name === T.Tuple?.name ? 'Tuple{}' : name;
    return `${name}{${ps.map(showParam).join(', ')}}`;
  }
  return showParam(t);
}

/** `Vector`, `Matrix`, `AbstractVector` or `AbstractMatrix` when `t` is an instance of one of these aliases */
function arrayAlias(t: DataType): string | undefined {
  const ps = t.parameters;
  if (ps.length !== 2 || (ps[1] !== 1n && ps[1] !== 2n)) return undefined;
  const prefix = t.name === T.Array?.name ? '' : t.name === T.AbstractArray?.name ? 'Abstract' : undefined;
  return prefix === undefined ? undefined : prefix + (ps[1] === 1n ? 'Vector' : 'Matrix');
}

/** Julia 1.10+ prints concrete named tuple types as `@NamedTuple{a::Int64, b::String}` */
function showNamedTuple(ps: readonly Value[]): string | undefined {
  const [names, types] = ps;
  if (
    !isTuple(names!) ||
    !(types instanceof DataType) ||
    types.name !== T.Tuple?.name ||
    types.parameters.length !== names.length
  )
    return undefined;
  if (!names.every(n => n instanceof Sym) || types.parameters.some(p => p instanceof VarargType)) return undefined;
  const field = (n: Sym) => (/^[\p{L}_][\p{L}\p{N}_!]*$/u.test(n.name) ? n.name : `var"${n.name}"`);
  return `@NamedTuple{${names.map((n, k) => `${field(n as Sym)}::${showParam(types.parameters[k]!)}`).join(', ')}}`;
}

/** a where-variable with its bounds: T, T<:Real, T>:Int64, Int64<:T<:Real */
function showTypeVar(v: TypeVar): string {
  const lb = v.lb instanceof BottomType ? '' : showType(v.lb);
  const ub = v.ub === T.Any ? '' : showType(v.ub);
  return lb && ub
    ? `${lb}<:${v.name.name}<:${ub}`
    : lb
      ? `${v.name.name}>:${lb}`
      : ub
        ? `${v.name.name}<:${ub}`
        : v.name.name;
}

/** Julia names a type without its module where Main sees it under its own name (`using Dates`: `Date`) */
function visibleInMain(t: DataType): boolean {
  const main = state.Base?.bindings.get(Sym.of('Main'))?.get();
  if (!(main instanceof Module)) return false;
  return lookupBinding(main, t.name.name)?.get() === t.name.wrapper;
}

function typeNameStr(t: DataType): string {
  const n = t.name.name.name;
  const m = t.name.module.name.name;
  const qual = m === 'Core' || m === 'Main' || m === 'Base' || visibleInMain(t) ? '' : m + '.';
  return qual + (/^[\p{L}_][\p{L}\p{N}_!]*$/u.test(n) ? n : `var"${n}"`);
}

function showParam(p: Value): string {
  if (typeof p === 'bigint') return p.toString();
  if (p instanceof Sym) return ':' + p.name;
  if (p instanceof JChar) return `'${String.fromCodePoint(p.cp)}'`;
  if (typeof p === 'string') return JSON.stringify(utf8Decode(p));
  if (isTuple(p)) return `(${p.map(showParam).join(', ')}${p.length === 1 ? ',' : ''})`;
  if (typeof p === 'boolean' || typeof p === 'number') return String(p);
  if (isType(p) || (p as object) instanceof VarargType) return showType(p);
  return `<${(p as object).constructor.name}>`;
}
