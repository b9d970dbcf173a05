// Julia's text form of an expression (`string(ex)`), used by Test's "Expression:" lines and `show(::Expr)`.
import { Expr, Sym, QuoteNode, LineNumberNode, JChar, Bits, T, type Value } from '../runtime/values.ts';
import { utf8Decode } from '../runtime/utf8.ts';
import { floatRepr } from '../runtime/foreign.ts';

const INFIX = new Set([
  '+',
  '-',
  '*',
  '/',
  '^',
  '==',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  '===',
  '!==',
  '≈',
  '≠',
  '≤',
  '≥',
  '∈',
  '∉',
  '÷',
  '%',
  '&',
  '|',
  '=>',
  '<:',
  '>:',
  '//',
  '<<',
  '>>',
  'in',
  'isa',
  '⊆',
  '∪',
  '∩',
]);

export function exprToString(v: Value): string {
  if (v instanceof Sym) return v.name;
  if (typeof v === 'string') return JSON.stringify(utf8Decode(v)).replace(/\$/g, '\\$');
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatRepr(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof JChar) return `'${String.fromCodePoint(v.cp)}'`;
  if (v instanceof Bits) return String(v.v);
  if (v instanceof QuoteNode) return v.value instanceof Sym ? `:${v.value.name}` : `:(${exprToString(v.value)})`;
  if (v instanceof LineNumberNode) return `#= ${v.file?.name ?? 'none'}:${v.line} =#`;
  if (v === T.Nothing?.instance) return 'nothing';
  if (!(v instanceof Expr)) return String(v);
  const a = v.args,
    h = v.head.name;
  const list = (xs: Value[]) => xs.map(exprToString).join(', ');
  switch (h) {
    case 'call': {
      const f = a[0]!;
      if (f instanceof Sym && INFIX.has(f.name) && a.length === 3)
        return `${operand(a[1]!)} ${f.name} ${operand(a[2]!)}`;
      // a range prints without spaces: 1:2, a:s:b
      if (f instanceof Sym && f.name === ':' && (a.length === 3 || a.length === 4))
        return a.slice(1).map(operand).join(':');
      if (f instanceof Sym && (f.name === '+' || f.name === '*') && a.length > 3)
        return a.slice(1).map(operand).join(` ${f.name} `);
      if (f instanceof Sym && (f.name === '-' || f.name === '!') && a.length === 2) return `${f.name}${operand(a[1]!)}`;
      const params = a.slice(1).filter(x => x instanceof Expr && x.head.name === 'parameters') as Expr[];
      const pos = a.slice(1).filter(x => !(x instanceof Expr && x.head.name === 'parameters'));
      const kw = params.flatMap(p => p.args);
      return `${exprToString(f)}(${list(pos)}${kw.length ? '; ' + list(kw) : ''})`;
    }
    case 'kw':
    case '=':
      return `${exprToString(a[0]!)} ${h === 'kw' ? '=' : '='} ${exprToString(a[1]!)}`;
    case 'comparison':
      return a.map((x, k) => (k % 2 ? (x as Sym).name : operand(x))).join(' ');
    case '&&':
    case '||':
      return `${operand(a[0]!)} ${h} ${operand(a[1]!)}`;
    case 'ref':
      return `${exprToString(a[0]!)}[${list(a.slice(1))}]`;
    case 'vect':
      return `[${list(a)}]`;
    case 'tuple':
      return a.length === 1 ? `(${exprToString(a[0]!)},)` : `(${list(a)})`;
    case '.':
      return a[1] instanceof QuoteNode
        ? `${exprToString(a[0]!)}.${exprToString((a[1] as QuoteNode).value)}`
        : `${exprToString(a[0]!)}.(${list((a[1] as Expr).args)})`;
    case '::':
      return a.length === 1 ? `::${exprToString(a[0]!)}` : `${exprToString(a[0]!)}::${exprToString(a[1]!)}`;
    case 'curly':
      return `${exprToString(a[0]!)}{${list(a.slice(1))}}`;
    case 'string':
      return '"' + a.map(x => (typeof x === 'string' ? utf8Decode(x) : `$(${exprToString(x)})`)).join('') + '"';
    case '...':
      return `${exprToString(a[0]!)}...`;
    case 'macrocall':
      return `${exprToString(a[0]!)} ${a.slice(2).map(exprToString).join(' ')}`;
    case 'block':
      return `begin\n${a
        .filter(x => !(x instanceof LineNumberNode))
        .map(x => '    ' + exprToString(x))
        .join('\n')}\nend`;
    case 'if':
      return `if ${exprToString(a[0]!)} ... end`;
    case '->':
      return `${exprToString(a[0]!)} -> ${exprToString(a[1]!)}`;
    case 'generator':
      return `${exprToString(a[0]!)} for ${a
        .slice(1)
        .map(s =>
          s instanceof Expr && s.head.name === '='
            ? `${exprToString(s.args[0]!)} = ${exprToString(s.args[1]!)}`
            : exprToString(s),
        )
        .join(', ')}`;
    case 'quote':
      return `:(${exprToString(a[0]!)})`;
    default:
      return `$(Expr(:${h}, ${list(a)}))`;
  }
}

function operand(v: Value): string {
  const s = exprToString(v);
  if (
    v instanceof Expr &&
    ((v.head.name === 'call' && v.args[0] instanceof Sym && INFIX.has(v.args[0].name)) ||
      v.head.name === 'comparison' ||
      v.head.name === '&&' ||
      v.head.name === '||')
  )
    return `(${s})`;
  return s;
}
