// Desugaring: surface forms rewritten to simpler ones: calls with keywords and splats, named tuples, indexing
// with `end`, assignment with destructuring, updating operators, broadcasting (dot calls, `.=`), generators,
// quoting with interpolation, matrix literals, `Vector{<:T}`, chained comparisons. Part of the emitting walk, not
// a separate Expr -> Expr pass: most forms must evaluate operands once before rewriting around them (`a[i] += v`,
// `end` in `a[...]`, destructuring), so each lowers as it rewrites, calling back into linearize's `val`.
import { Expr, Sym, sym, QuoteNode, type Value } from '../runtime/values.ts';
import { GotoIfNot } from '../ir/nodes.ts';
import { E, isE, Inline, literal, describe, isFuncSig, hasInterp } from './forms.ts';
import type { Lambda } from './lambda.ts';
import { resolve, type Scope } from './scope.ts';
import { assignVar } from './closure_conversion.ts';
import { val } from './linearize.ts';
import { lowerFunction } from './methods.ts';
import type { Lowerer } from './lower.ts';
import { exprToString } from '../syntax/print.ts';

function opRef(lw: Lowerer, name: string, _s: Scope): Value {
  return lw.gref(name);
}

export function lowerCallArgs(lw: Lowerer, f: Value, args: Value[], L: Lambda, s: Scope): Value {
  if (args.some(x => isE(x, '...'))) return lowerSplat(lw, f, args, L, s);
  const vs = args.map(x => val(lw, x, L, s));
  return lw.call(L, f, ...vs);
}

function lowerSplat(lw: Lowerer, f: Value, args: Value[], L: Lambda, s: Scope): Value {
  const groups: Value[] = [];
  let cur: Value[] = [];
  for (const x of args) {
    if (isE(x, '...')) {
      if (cur.length) {
        groups.push(lw.call(L, lw.core('tuple'), ...cur));
        cur = [];
      }
      groups.push(val(lw, x.args[0]!, L, s));
    } else cur.push(val(lw, x, L, s));
  }
  if (cur.length) groups.push(lw.call(L, lw.core('tuple'), ...cur));
  return lw.call(L, lw.core('_apply_iterate'), lw.base('iterate'), f, ...groups);
}

export function lowerCall(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  let [fx, ...args] = ex.args;
  // keyword arguments: f(a; k=1) / f(a, k=1)
  const params = args.filter(x => isE(x, 'parameters')) as Expr[];
  args = args.filter(x => !isE(x, 'parameters'));
  const kws = [...args.filter(x => isE(x, 'kw')), ...params.flatMap(p => p.args)];
  args = args.filter(x => !isE(x, 'kw'));
  if (
    fx instanceof Sym &&
    fx.name.startsWith('.') &&
    fx.name.length > 1 &&
    !['...'].includes(fx.name) &&
    !(fx.name === '.')
  ) {
    // dotted operator: a .+ b
    return lowerBroadcast(lw, E('.', sym(fx.name.slice(1)), E('tuple', ...args)), L, s);
  }
  if (fx instanceof Sym && fx.name === 'ccall') return lowerCcall(lw, args, L, s);
  const f = val(lw, fx!, L, s);
  if (kws.length) {
    const nt = lowerNamedTuple(lw, kws, L, s);
    return lowerCallArgs(
      lw,
      lw.core('kwcall'),
      [nt as Value, f, ...args].map((v, k) => (k < 2 ? (new Inline(v) as unknown as Value) : v)),
      L,
      s,
    );
  }
  if (args.some(x => isE(x, '...'))) return lowerSplat(lw, f, args, L, s);
  const vs = args.map(x => val(lw, x, L, s));
  // x^n with an integer literal n is Base.literal_pow(^, x, Val(n)), as Julia lowers it: a power known when the
  // code is written (x^2 is x*x, x^-1 is inv(x))
  if (fx instanceof Sym && fx.name === '^' && vs.length === 2 && typeof args[1] === 'bigint') {
    const v = lw.call(L, lw.call(L, lw.core('apply_type'), lw.base('Val'), args[1]));
    return lw.call(L, lw.base('literal_pow'), f, vs[0]!, v);
  }
  return lw.call(L, f, ...vs);
}

function lowerCcall(lw: Lowerer, args: Value[], L: Lambda, s: Scope): Value {
  let name = args[0]!;
  if (name instanceof QuoteNode) name = name.value;
  if (!(name instanceof Sym)) lw.err('ccall: function name must be a symbol', L);
  const rt = val(lw, args[1]!, L, s);
  const vs = args.slice(3).map(x => val(lw, x, L, s));
  return L.emit(E('foreigncall', name, rt, ...vs));
}

export function lowerNamedTuple(lw: Lowerer, items: Value[], L: Lambda, s: Scope): Value {
  let names: Value[] = [],
    vals: Value[] = [];
  const build = () =>
    lw.call(
      L,
      lw.core('_namedtuple'),
      new QuoteNode(Object.freeze(names) as Value),
      lw.call(L, lw.core('tuple'), ...vals),
    );
  // `x...` and `:k => v` items are merged in, in order, with the named items around them
  const parts: Value[] = [];
  const flush = () => {
    if (names.length) {
      parts.push(build());
      names = [];
      vals = [];
    }
  };
  // Julia's messages: a name given twice in a run of named fields, a field name that is not a symbol
  const add = (name: Value, v: Value) => {
    if (!(name instanceof Sym)) lw.err(`invalid named tuple field name "${exprToString(name)}"`, L);
    if (names.includes(name)) lw.err(`field name "${name.name}" repeated in named tuple`, L);
    names.push(name);
    vals.push(v);
  };
  for (const it of items) {
    if (isE(it, 'kw') || isE(it, '=')) {
      add(it.args[0]!, val(lw, it.args[1]!, L, s));
    } else if (it instanceof Sym) {
      add(it, val(lw, it, L, s));
    } else if (isE(it, '.') && it.args[1] instanceof QuoteNode) {
      add(it.args[1].value, val(lw, it, L, s));
    } else if (isE(it, '...')) {
      flush();
      parts.push(lw.call(L, lw.base('_kwsplat'), val(lw, it.args[0]!, L, s)));
    } else if (isE(it, 'call') && it.args[0] === sym('=>') && it.args.length === 3) {
      flush();
      parts.push(lw.call(L, lw.base('_kwsplat'), lw.call(L, lw.core('tuple'), val(lw, it, L, s))));
    } else lw.err(`invalid named tuple element "${exprToString(it)}"`, L);
  }
  if (!parts.length) return build();
  flush();
  return parts.slice(1).reduce((acc, p) => lw.call(L, lw.base('merge'), acc, p), parts[0]!);
}

export function lowerRef(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const [ax, ...idx] = ex.args;
  const a = val(lw, ax!, L, s);
  if (idx.some(x => isE(x, '...')))
    return lowerSplat(lw, lw.base('getindex'), [new Inline(a) as unknown as Value, ...idx], L, s);
  const vs = idx.map((ix, d) => val(lw, replaceEnd(ix, a, d, idx.length, lw), L, s));
  return lw.call(L, lw.base('getindex'), a, ...vs);
}

export function lowerAssign(lw: Lowerer, lhs: Value, rhs: Value, L: Lambda, s: Scope): Value {
  if (isFuncSig(lhs)) return lowerFunction(lw, E('function', lhs, rhs), L, s);
  if (lhs instanceof Sym) {
    const decl = L.declTypes.get(lhs.name);
    if (decl !== undefined && resolve(lhs.name, s).kind !== 'global')
      return lowerAssign(lw, E('::', lhs, decl), rhs, L, s);
    const v = val(lw, rhs, L, s);
    assignVar(lw, lhs.name, v, L, s);
    return v;
  }
  if (isE(lhs, '::') && lhs.args[0] instanceof Sym) {
    const global = resolve(lhs.args[0].name, s).kind === 'global';
    if (!global) L.declTypes.set(lhs.args[0].name, lhs.args[1]!);
    const T_ = val(lw, lhs.args[1]!, L, s);
    if (global) L.emit(lw.call(L, lw.core('set_binding_type!'), new QuoteNode(lw.gref(lhs.args[0].name)), T_));
    const v = val(lw, rhs, L, s);
    const c = lw.call(L, lw.base('convert'), T_, v);
    const ta = lw.call(L, lw.core('typeassert'), c, T_);
    assignVar(lw, (lhs.args[0] as Sym).name, ta, L, s);
    return ta;
  }
  if (isE(lhs, 'tuple')) {
    const v = val(lw, rhs, L, s);
    if (lhs.args.length && isE(lhs.args[0]!, 'parameters')) {
      for (const n of (lhs.args[0] as Expr).args)
        assignVar(lw, (n as Sym).name, lw.call(L, lw.base('getproperty'), v, new QuoteNode(n)), L, s);
      return v;
    }
    let state: Value | null = null;
    let done = false;
    lhs.args.forEach((target, k) => {
      if (done) return;
      if (isE(target, '...')) {
        const after = lhs.args.slice(k + 1);
        if (after.length) {
          // a, b..., c = x: split the remainder, then destructure its tail
          const sp = lw.call(L, lw.base('split_rest'), v, BigInt(after.length), ...(state ? [state] : []));
          assignTarget(lw, target.args[0]!, lw.call(L, lw.core('getfield'), sp, 1n), L, s);
          lowerAssign(
            lw,
            E('tuple', ...after),
            new Inline(lw.call(L, lw.core('getfield'), sp, 2n)) as unknown as Value,
            L,
            s,
          );
          done = true;
          return;
        }
        const rest = lw.call(L, lw.base('rest'), v, ...(state ? [state] : []));
        assignTarget(lw, target.args[0]!, rest, L, s);
        return;
      }
      const it = lw.call(L, lw.base('indexed_iterate'), v, BigInt(k + 1), ...(state ? [state] : []));
      const el = lw.call(L, lw.core('getfield'), it, 1n);
      state = lw.call(L, lw.core('getfield'), it, 2n);
      assignTarget(lw, target, el, L, s);
    });
    return v;
  }
  if (isE(lhs, 'ref')) {
    const [ax, ...idx] = lhs.args;
    const a = val(lw, ax!, L, s);
    const ivs = idx.map((ix, d) => val(lw, replaceEnd(ix, a, d, idx.length, lw), L, s));
    const v = val(lw, rhs, L, s);
    lw.call(L, lw.base('setindex!'), a, v, ...ivs);
    return v;
  }
  if (isE(lhs, '.') && lhs.args[1] instanceof QuoteNode) {
    const o = val(lw, lhs.args[0]!, L, s);
    const v = val(lw, rhs, L, s);
    lw.call(L, lw.base('setproperty!'), o, lhs.args[1], v);
    return v;
  }
  if (isE(lhs, 'curly')) return lw.err('type alias definitions with parameters are not supported yet', L);
  return lw.err(`invalid assignment location "${describe(lhs)}"`, L);
}

export function assignTarget(lw: Lowerer, target: Value, v: Value, L: Lambda, s: Scope): void {
  if (target instanceof Sym) {
    assignVar(lw, target.name, v, L, s);
    return;
  }
  if (isE(target, 'tuple')) {
    lowerAssign(lw, target, new Inline(v) as unknown as Value, L, s);
    return;
  }
  if (isE(target, 'ref') || isE(target, '.')) {
    lowerAssign(lw, target, new Inline(v) as unknown as Value, L, s);
    return;
  }
  if (isE(target, '::')) {
    lowerAssign(lw, target, new Inline(v) as unknown as Value, L, s);
    return;
  }
  lw.err('invalid assignment target', L);
}

export function lowerUpdate(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const op = ex.head.name.slice(0, -1);
  const [lhs, rhs] = ex.args;
  if (op.startsWith('.')) {
    // `a .= x` broadcasts x itself; `a .op= x` broadcasts `a .op x`
    const bcRhs = (cur: Value): Value => (op === '.' ? rhs! : E('call', sym(op), cur, rhs!));
    if (isE(lhs!, 'ref') && !lhs.args.some(x => isE(x, '...'))) {
      // a[I] .= x fills the selected elements: broadcast into a copy of a[I], then store it back
      const [ax, ...idx] = lhs.args;
      const a = val(lw, ax!, L, s);
      const ivs = idx.map((ix, d) => val(lw, replaceEnd(ix, a, d, idx.length, lw), L, s));
      const sel = lw.call(L, lw.base('getindex'), a, ...ivs);
      const res = lw.call(
        L,
        lw.base('materialize!'),
        sel,
        broadcastTree(lw, bcRhs(new Inline(sel) as unknown as Value), L, s),
      );
      lw.call(L, lw.base('setindex!'), a, res, ...ivs);
      return res;
    }
    return lowerBroadcastAssign(lw, lhs!, bcRhs(lhs!), L, s);
  }
  if (isE(lhs!, 'ref')) {
    // a[i] += v evaluates a and i once
    const [ax, ...idx] = lhs.args;
    const a = val(lw, ax!, L, s);
    const ivs = idx.map((ix, d) => val(lw, replaceEnd(ix, a, d, idx.length, lw), L, s));
    const old = lw.call(L, lw.base('getindex'), a, ...ivs);
    const nv = lw.call(L, lw.gref(op), old, val(lw, rhs!, L, s));
    lw.call(L, lw.base('setindex!'), a, nv, ...ivs);
    return nv;
  }
  return lowerAssign(lw, lhs!, E('call', sym(op), lhs!, rhs!), L, s);
}

export function lowerBroadcast(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const bc = broadcastTree(lw, ex, L, s);
  return lw.call(L, lw.base('materialize'), bc);
}

function broadcastTree(lw: Lowerer, ex: Value, L: Lambda, s: Scope): Value {
  if (isE(ex, '.') && isE(ex.args[1]!, 'tuple')) {
    const f = val(lw, ex.args[0]!, L, s);
    const args = (ex.args[1] as Expr).args.map(x => broadcastTree(lw, x, L, s));
    return lw.call(L, lw.base('broadcasted'), f, ...args);
  }
  if (isE(ex, 'call') && ex.args[0] instanceof Sym && ex.args[0].name.startsWith('.') && ex.args[0].name.length > 1) {
    const f = lw.gref(ex.args[0].name.slice(1));
    const args = ex.args.slice(1).map(x => broadcastTree(lw, x, L, s));
    return lw.call(L, lw.base('broadcasted'), f, ...args);
  }
  return val(lw, ex, L, s);
}

function lowerBroadcastAssign(lw: Lowerer, lhs: Value, rhs: Value, L: Lambda, s: Scope): Value {
  const dest = val(lw, lhs, L, s);
  const bc = broadcastTree(lw, rhs, L, s);
  return lw.call(L, lw.base('materialize!'), dest, bc);
}

export function lowerGenerator(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const [body, ...specs] = ex.args;
  let filter: Value | null = null;
  let ss = specs;
  if (specs.length === 1 && isE(specs[0]!, 'filter')) {
    filter = (specs[0] as Expr).args[0]!;
    ss = (specs[0] as Expr).args.slice(1);
  }
  if (ss.length > 1) {
    // (f(x, y) for x in a, y in b) -> Generator over Iterators.product
    const vars = ss.map(sp => (sp as Expr).args[0]!);
    const iters = ss.map(sp => (sp as Expr).args[1]!);
    const tup = E('tuple', ...vars);
    const prod = E('call', E('.', sym('Base'), new QuoteNode(sym('_product'))), ...iters);
    const spec = E('=', tup, prod);
    return lowerGenerator(
      lw,
      filter !== null ? E('generator', body!, E('filter', filter, spec)) : E('generator', body!, spec),
      L,
      s,
    );
  }
  const spec = ss[0] as Expr;
  const v = spec.args[0]!;
  let iter = val(lw, spec.args[1]!, L, s);
  // (the condition may be the literal false)
  if (filter !== null) {
    const pa = v instanceof Sym ? v : sym(L.temp('el'));
    const pred = lowerFunction(lw, E('->', pa, v instanceof Sym ? filter : E('block', E('=', v, pa), filter)), L, s);
    iter = lw.call(L, lw.base('_filter_iter'), pred, iter);
  }
  // `for (a, b) in xs` destructures each element inside the generator's function
  const destruct = !(v instanceof Sym);
  const argSym = destruct ? sym(L.temp('el')) : v;
  const fbody = destruct ? E('block', E('=', v, argSym), body!) : body!;
  const f = lowerFunction(lw, E('->', argSym, fbody), L, s);
  return lw.call(L, lw.base('Generator'), f, iter);
}

export function lowerQuote(lw: Lowerer, ex: Value, L: Lambda, s: Scope, depth: number): Value {
  if (!hasInterp(ex, depth)) {
    if (ex instanceof Sym || ex instanceof Expr) return L.emit(E('copyast', new QuoteNode(ex)));
    // a QuoteNode inside an interpolated quote (`:($m.f)`'s `.f`) stays one, not the symbol it quotes
    if (ex instanceof QuoteNode) return new QuoteNode(ex);
    return literal(ex);
  }
  if (ex instanceof QuoteNode) return lw.call(L, lw.core('QuoteNode'), lowerQuote(lw, ex.value, L, s, depth));
  const e = ex as Expr;
  if (e.head.name === '$') {
    if (depth === 1) return val(lw, e.args[0]!, L, s);
    return lw.call(L, lw.core('_expr'), new QuoteNode(sym('$')), lowerQuote(lw, e.args[0]!, L, s, depth - 1));
  }
  const nd = e.head.name === 'quote' ? depth + 1 : depth;
  const parts: Value[] = [];
  for (const a of e.args) {
    if (isE(a, '$') && depth === 1 && isE(a.args[0]!, '...')) {
      parts.push(E('...', new Inline(val(lw, (a.args[0] as Expr).args[0]!, L, s)) as unknown as Value));
      continue;
    }
    parts.push(new Inline(lowerQuote(lw, a, L, s, nd)) as unknown as Value);
  }
  return lowerCallArgs(lw, lw.core('_expr'), [new Inline(new QuoteNode(e.head)) as unknown as Value, ...parts], L, s);
}

/** `end` inside a[...] means lastindex(a) (or lastindex(a, d) with several indices) */
function replaceEnd(ix: Value, a: Value, d: number, n: number, lw: Lowerer): Value {
  if (ix instanceof Sym && (ix.name === 'end' || ix.name === 'begin')) {
    const f = ix.name === 'end' ? 'lastindex' : 'firstindex';
    return n === 1
      ? E('call', new Inline(lw.base(f)) as unknown as Value, new Inline(a) as unknown as Value)
      : E('call', new Inline(lw.base(f)) as unknown as Value, new Inline(a) as unknown as Value, BigInt(d + 1));
  }
  if (ix instanceof Expr && ix.head.name !== 'ref')
    return new Expr(
      ix.head,
      ix.args.map(x => replaceEnd(x, a, d, n, lw)),
    );
  return ix;
}

/** `[a; b]` and `[a b; c d]` (rows: hvcat with the row lengths) */
export function lowerVcat(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const a = ex.args;
  if (a.some(r => isE(r, 'row'))) {
    const rows = a.map(r => (isE(r, 'row') ? r.args : [r]));
    const dims = E('tuple', ...rows.map(r => BigInt(r.length)));
    return lowerCallArgs(lw, lw.base('hvcat'), [dims, ...rows.flat()], L, s);
  }
  return lowerCallArgs(lw, lw.base('vcat'), a, L, s);
}

/** `T[a; b]` and `T[a b; c d]`: rows of a typed matrix literal, as for vcat */
export function lowerTypedVcat(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const a = ex.args;
  const h = ex.head.name;
  const rest = a.slice(1);
  if (rest.some(r => isE(r, 'row'))) {
    const rows = rest.map(r => (isE(r, 'row') ? r.args : [r]));
    const dims = E('tuple', ...rows.map(r => BigInt(r.length)));
    return lowerCallArgs(lw, lw.base('typed_hvcat'), [a[0]!, dims, ...rows.flat()], L, s);
  }
  return lowerCallArgs(lw, lw.base(h), a, L, s);
}

/** `A{B, C}`; `Vector{<:Real}` is `Vector{T} where T<:Real` */
export function lowerCurly(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const a = ex.args;
  const wild = a
    .slice(1)
    .map((x, k) => (isE(x, '<:') && x.args.length === 1 ? k : -1))
    .filter(k => k >= 0);
  if (wild.length) {
    const names = wild.map(() => sym(L.temp('T')));
    const args = a.slice(1).map((x, k) => (wild.includes(k) ? names[wild.indexOf(k)]! : x));
    return val(
      lw,
      E('where', E('curly', a[0]!, ...args), ...wild.map((k, i) => E('<:', names[i]!, (a[k + 1] as Expr).args[0]!))),
      L,
      s,
    );
  }
  return lowerCallArgs(lw, lw.core('apply_type'), a, L, s);
}

/** a < b < c  ->  (a < b) && (b < c), evaluating each operand once */
export function lowerComparison(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const a = ex.args;
  const vals = [val(lw, a[0]!, L, s)];
  const res = L.slot(L.temp('cmp'));
  const ends: number[] = [];
  for (let k = 1; k < a.length; k += 2) {
    const rhs = val(lw, a[k + 1]!, L, s);
    const op = a[k] as Sym;
    const c = lw.call(L, opRef(lw, op.name, s), vals[vals.length - 1]!, rhs);
    vals.push(rhs);
    L.emit(E('=', res, c));
    if (k + 2 < a.length) ends.push(L.emit(new GotoIfNot(c, 0)).id);
  }
  const end = L.pc;
  for (const g of ends) L.ci.code[g - 1] = new GotoIfNot((L.ci.code[g - 1] as GotoIfNot).cond, end);
  return res;
}
