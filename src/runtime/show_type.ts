// Printing of types as Julia prints them (Vector{Int64}, Union{Nothing, Int64}, typeof(f), ...).
import { T, Sym, JChar, isTuple, type Value } from './values.ts';
import { DataType, UnionType, UnionAll, TypeVar, VarargType, BottomType, isType } from './types.ts';
import { utf8Decode } from './utf8.ts';

export function showType(t: Value): string {
  if (t instanceof BottomType) return 'Union{}';
  if (t instanceof TypeVar) return t.name.name;
  if (t instanceof UnionType) return `Union{${t.types.map(showType).join(', ')}}`;
  if (t instanceof VarargType) return t.N === undefined ? `Vararg{${showType(t.T)}}` : `Vararg{${showType(t.T)}, ${showParam(t.N as Value)}}`;
  if (t instanceof UnionAll) {
    const vars: TypeVar[] = []; let b: Value = t;
    while (b instanceof UnionAll) { vars.push(b.v); b = b.body; }
    if (b instanceof DataType && b.parameters.length === vars.length && b.parameters.every((p, k) => p === vars[k])) return typeNameStr(b);
    return `${showType(b)} where ${vars.length === 1 ? vars[0]!.name.name : `{${vars.map(v => v.name.name).join(', ')}}`}`;
  }
  if (t instanceof DataType) {
    const name = typeNameStr(t);
    const ps = t.parameters;
    if (t.name === T.Array?.name && ps.length === 2) {
      if (ps[1] === 1n) return `Vector{${showParam(ps[0]!)}}`;
      if (ps[1] === 2n) return `Matrix{${showParam(ps[0]!)}}`;
    }
    if (t.name.name.name.startsWith('#') && t.instance !== undefined) return `typeof(${t.name.name.name.slice(1)})`;
    if (ps.length === 0) return name;
    return `${name}{${ps.map(showParam).join(', ')}}`;
  }
  return showParam(t);
}

function typeNameStr(t: DataType): string {
  const n = t.name.name.name;
  const m = t.name.module.name.name;
  const qual = m === 'Core' || m === 'Main' || m === 'Base' ? '' : m + '.';
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
