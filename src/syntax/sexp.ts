// Compact S-expression rendering of an AST, used by tests to compare parser output with Julia's Expr shapes.
import { Expr, Sym, QuoteNode, LineNumberNode, JChar, Bits, type Value } from '../runtime/values.ts';

export function sexp(v: Value, keepLines = false): string {
  if (v instanceof Expr) {
    const args = v.args.filter(a => keepLines || !(a instanceof LineNumberNode));
    return `(${[v.head.name, ...args.map(a => sexp(a, keepLines))].join(' ')})`;
  }
  if (v instanceof Sym) return v.name;
  if (v instanceof QuoteNode) return `(quote ${sexp(v.value, keepLines)})`;
  if (v instanceof LineNumberNode) return `#${v.line}`;
  if (v instanceof JChar) return `'${String.fromCodePoint(v.cp)}'`;
  if (v instanceof Bits) return `${v.v}::${v.type.name.name.name}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(1) : String(v);
  if (v === null) return 'nothing';
  return String(v);
}
