// Helpers over surface Expr forms shared by the lowering files (building and testing Exprs, the names a form
// binds), and the markers lowering threads through Exprs it builds (Inline: an operand already emitted).
import { Expr, Sym, sym, QuoteNode, T, type Value } from '../runtime/values.ts';

export const E = (head: string, ...args: Value[]) => new Expr(sym(head), args);

export const isE = (v: Value, head?: string): v is Expr =>
  v instanceof Expr && (head === undefined || v.head.name === head);

/** `(::T)(args)` / `(p::T)(args)`: a method of a callable type, with an optional name for the callee */
export class SelfType {
  readonly type: Value;
  readonly name: string | null;
  constructor(type: Value, name: string | null) {
    this.type = type;
    this.name = name;
  }
}

/** a function expression to evaluate inside the method's where-scope */
export class Deferred {
  readonly ex: Value;
  constructor(ex: Value) {
    this.ex = ex;
  }
}

/** an already-lowered operand smuggled through code that lowers Exprs */
export class Inline {
  readonly v: Value;
  constructor(v: Value) {
    this.v = v;
  }
}

export function mentions(t: Value, name: string): boolean {
  if (t instanceof Sym) return t.name === name;
  if (t instanceof Expr) return t.args.some(a => mentions(a, name));
  return false;
}

export function kwName(k: Value): string {
  if (isE(k, 'kw')) return kwName(k.args[0]!);
  if (isE(k, '::')) return (k.args[0] as Sym).name;
  if (isE(k, '...')) return kwName(k.args[0]!);
  return (k as Sym).name;
}

export function argName(p: Value): Value {
  if (p instanceof Sym) return p;
  if (isE(p, '::')) return p.args.length === 1 ? sym('#unused') : p.args[0]!;
  if (isE(p, '...')) return E('...', argName(p.args[0]!));
  if (isE(p, 'kw')) return argName(p.args[0]!);
  return p;
}

export function nothingV(): Value {
  return T.Nothing!.instance!;
}

export function literal(v: Value): Value {
  if (v instanceof Sym || v instanceof Expr) return new QuoteNode(v);
  if (v === null || v === undefined) return nothingV();
  return v;
}

export function describe(v: Value): string {
  return v instanceof Sym ? v.name : v instanceof Expr ? v.head.name : String(v);
}

export function isFuncSig(v: Value): boolean {
  if (!(v instanceof Expr)) return false;
  if (v.head.name === 'call')
    return !(v.args[0] instanceof Sym && v.args[0].name.startsWith('.') && v.args[0].name.length > 1);
  if (v.head.name === 'where') return isFuncSig(v.args[0]!);
  if (v.head.name === '::' && v.args.length === 2) return isE(v.args[0]!, 'call') || isE(v.args[0]!, 'where');
  return false;
}

export function funcName(sig: Value): string | null {
  let s = sig;
  while (isE(s, 'where') || (isE(s, '::') && isE(s.args[0]!))) s = (s as Expr).args[0]!;
  if (isE(s, 'call') && s.args[0] instanceof Sym) return s.args[0].name;
  return null;
}

export function lhsNames(v: Value): string[] {
  if (v instanceof Sym) return [v.name];
  if (isE(v, '=')) return lhsNames(v.args[0]!);
  if (isE(v, '::') && v.args.length === 2) return lhsNames(v.args[0]!);
  if (isE(v, 'tuple')) return v.args.flatMap(a => (isE(a, 'parameters') ? a.args.flatMap(lhsNames) : lhsNames(a)));
  if (isE(v, '...')) return lhsNames(v.args[0]!);
  if (isE(v, 'outer')) return lhsNames(v.args[0]!); // `for outer i`: assigns the enclosing scope's `i`
  return [];
}

/** `=` and the updating assignments (`+=`, `<<=`, ...; not comparisons, and not the dotted `.+=`, which assigns
 *  elements, not the name) */
export const isAssignmentHead = (h: string): boolean =>
  h === '=' || (/^[^.=].*=$/.test(h) && !['==', '>=', '<=', '!=', '===', '!=='].includes(h));

export function hasInterp(v: Value, depth: number): boolean {
  // `:(Base.$f)` interpolates the field name inside its QuoteNode
  if (v instanceof QuoteNode) return hasInterp(v.value, depth);
  if (!(v instanceof Expr)) return false;
  if (v.head.name === '$') return depth === 1 || hasInterp(v.args[0]!, depth - 1);
  const nd = v.head.name === 'quote' ? depth + 1 : depth;
  return v.args.some(a => hasInterp(a, nd));
}
