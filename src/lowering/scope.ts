// Scope analysis: where each name lives (local of which lambda, global, static parameter, where-variable).
// The scans (scanScope, assignedNames, assignedOnceFirst, namesInNestedLambdas) are pure functions of the surface
// tree, run on a scope's body before any of it is emitted. Entering a scope (openScope, declare) is part of the
// emitting walk, not a separate pass: it emits the new locals' NewvarNodes and Boxes where the scope begins, and
// the Scope chain it builds is what `resolve` reads.
import { Expr, Sym, sym, type Value } from '../runtime/values.ts';
import { NewvarNode } from '../ir/nodes.ts';
import { E, isE, isFuncSig, funcName, lhsNames, isAssignmentHead } from './forms.ts';
import type { Lambda } from './lambda.ts';
import type { Lowerer } from './lower.ts';

export interface Scope {
  locals: Set<string>;
  globals: Set<string>;
  parent: Scope | null;
  fn: Lambda;
  isLoop: boolean;
}

/** where does `name` live, seen from scope s? */
export function resolve(
  name: string,
  s: Scope,
): { kind: 'local'; fn: Lambda } | { kind: 'global' } | { kind: 'sparam'; idx: number } | { kind: 'tvar'; v: Value } {
  const L0 = s.fn;
  if (L0.tvars.has(name)) return { kind: 'tvar', v: L0.tvars.get(name)! };
  for (let sc: Scope | null = s; sc; sc = sc.parent) {
    if (sc.globals.has(name)) return { kind: 'global' };
    if (sc.locals.has(name)) return { kind: 'local', fn: sc.fn };
    if (sc.parent === null || sc.parent.fn !== sc.fn) {
      const i = sc.fn.sparams.indexOf(name);
      if (i >= 0 && sc.fn === L0) return { kind: 'sparam', idx: i + 1 };
    }
  }
  return { kind: 'global' };
}

/** Enter a new local scope that declares `names`; boxed ones get a fresh Core.Box. */
export function declare(lw: Lowerer, names: Iterable<string>, L: Lambda, s: Scope): void {
  for (const n of names) {
    s.locals.add(n);
    if (L.boxed.has(n)) L.emit(E('=', L.boxSlot(n), E('call', lw.core('Box'))));
    if ((!L.boxed.has(n) || L.mirrored.has(n)) && (!L.toplevel || s.parent)) L.emit(new NewvarNode(L.slot(n)));
  }
}

/** the name a `struct` head defines: `S`, `S{T}`, `S <: A`, `S{T} <: A{T}` */
function typeDefName(head: Value): string | undefined {
  let h = head;
  if (isE(h, '<:')) h = (h as Expr).args[0]!;
  if (isE(h, 'curly')) h = (h as Expr).args[0]!;
  return h instanceof Sym ? h.name : undefined;
}

/** names assigned directly in a scope body (not inside nested scopes), plus explicit locals/globals */
function scanScope(body: Value, out: { assigned: Set<string>; locals: Set<string>; globals: Set<string> }): void {
  const walk = (v: Value): void => {
    if (!(v instanceof Expr)) return;
    const h = v.head.name;
    if (
      h === 'for' ||
      h === 'while' ||
      h === 'let' ||
      h === 'try' ||
      h === 'function' ||
      h === '->' ||
      h === 'generator' ||
      h === 'comprehension' ||
      h === 'quote' ||
      h === 'macro' ||
      h === 'struct' ||
      h === 'do'
    ) {
      if (h === 'for' || h === 'while') walk(v.args[0]!); // iterables/conditions belong to the outer scope
      if (h === 'try') {
        /* try has its own scope */
      }
      // a type defined in a local scope at top level (a `let`, a @testset) is a global, as Julia's lowering
      // declares it: `S(x::S) = ...` after `struct S` there adds a method to the global S
      if (h === 'struct') {
        const nm = typeDefName(v.args[1]!);
        if (nm) out.globals.add(nm);
      }
      if (h === 'function' && isE(v.args[0]!)) {
        const nm = funcName(v.args[0]!);
        if (nm && !isE(v.args[0]!, 'tuple')) out.assigned.add(nm);
      }
      return;
    }
    if (h === 'local') {
      for (const a of v.args) for (const n of lhsNames(a)) out.locals.add(n);
      v.args.forEach(walk);
      return;
    }
    if (h === 'global') {
      for (const a of v.args)
        for (const n of lhsNames(a instanceof Expr && a.head.name.endsWith('=') ? a.args[0]! : a)) out.globals.add(n);
      v.args.forEach(a => {
        if (isE(a, '=')) walk(a.args[1]!);
      });
      return;
    }
    if (h === 'const') {
      v.args.forEach(walk);
      return;
    }
    if (isAssignmentHead(h)) {
      const lhs = v.args[0]!;
      if (h === '=' && isFuncSig(lhs)) {
        const nm = funcName(lhs);
        if (nm) out.assigned.add(nm);
        return;
      }
      for (const n of lhsNames(lhs)) out.assigned.add(n);
      walk(v.args[1]!);
      if (lhs instanceof Expr && lhs.head.name !== 'tuple' && lhs.head.name !== '::') lhs.args.forEach(walk);
      return;
    }
    v.args.forEach(walk);
  };
  walk(body);
}

/** Opens a scope for `body`, computing the new locals per Julia's rules. */
export function openScope(
  lw: Lowerer,
  body: Value,
  L: Lambda,
  parent: Scope,
  extra: string[] = [],
  isLoop = true,
): Scope {
  const info = { assigned: new Set<string>(), locals: new Set<string>(), globals: new Set<string>() };
  scanScope(body, info);
  const s: Scope = { locals: new Set(), globals: info.globals, parent, fn: L, isLoop };
  const fresh: string[] = [...extra, ...info.locals];
  for (const n of info.assigned) {
    if (info.globals.has(n) || info.locals.has(n) || extra.includes(n)) continue;
    const r = resolve(n, parent);
    if (r.kind === 'local' || r.kind === 'sparam') continue;
    // at toplevel (no enclosing local scope) a soft scope assigns an existing global in the REPL
    const atTop = !hasLocalScope(parent);
    if (atTop && lw.opts.softscope && lw.mod.bindings.has(sym(n))) continue;
    fresh.push(n);
  }
  declare(lw, fresh, L, s);
  return s;
}

export function isGlobalName(name: string, s: Scope): boolean {
  return resolve(name, s).kind === 'global';
}

export function rootScope(L: Lambda): Scope {
  return { locals: new Set(), globals: new Set(), parent: null, fn: L, isLoop: false };
}

function hasLocalScope(s: Scope | null): boolean {
  for (let sc = s; sc; sc = sc.parent)
    if (sc.locals.size > 0 || !sc.fn.toplevel || sc.parent) return !sc.fn.toplevel || sc.parent !== null;
  return false;
}

/** Locals of a function body that are assigned exactly once, by a statement of the body's own block (so it runs
 *  once, before what follows), and that no nested function mentions before that statement is done: a closure made
 *  later can hold their value. */
export function assignedOnceFirst(body: Value, counts: ReadonlyMap<string, number>): Set<string> {
  const out = new Set<string>();
  if (!isE(body, 'block')) return out;
  const seen = new Set<string>(); // names nested functions mentioned so far
  for (const st of body.args) {
    if (isE(st, '=') && st.args[0] instanceof Sym && counts.get(st.args[0].name) === 1) {
      const n = st.args[0].name;
      for (const m of namesInNestedLambdas(st.args[1]!)) seen.add(m);
      if (!seen.has(n)) out.add(n);
      continue;
    }
    for (const m of namesInNestedLambdas(st)) seen.add(m);
  }
  return out;
}

/** every name that `body` may assign anywhere, nested functions and scopes included (conservatively: a local of
 *  an inner scope that shadows the name counts too); `counts` gets how many assignments each has */
export function assignedNames(body: Value, counts?: Map<string, number>): Set<string> {
  const out = new Set<string>();
  const add1 = (n: string): void => {
    out.add(n);
    counts?.set(n, (counts.get(n) ?? 0) + 1);
  };
  const add = (v: Value): void => {
    for (const n of lhsNames(v)) add1(n);
  };
  const walk = (v: Value): void => {
    if (!(v instanceof Expr)) return;
    const h = v.head.name;
    if (h === 'quote') return;
    if (h === '=' && isFuncSig(v.args[0]!)) {
      const nm = funcName(v.args[0]!);
      if (nm) add1(nm);
    } else if (isAssignmentHead(h)) add(v.args[0]!);
    else if (h === 'local' || h === 'global') v.args.forEach(add);
    else if (h === 'function' && v.args[0] instanceof Expr) {
      const nm = funcName(v.args[0]);
      if (nm) add1(nm);
    } else if (h === 'try' && v.args[1] instanceof Sym) add1(v.args[1].name);
    else if (h === 'for' || h === 'let') {
      const spec = v.args[0]!;
      for (const x of isE(spec, 'block') ? spec.args : [spec])
        add(x instanceof Expr && x.args.length === 2 && x.head.name !== '::' ? x.args[0]! : x);
    }
    v.args.forEach(walk);
  };
  walk(body);
  return out;
}

/** every symbol mentioned inside functions nested in `body` (the locals among them are captured: boxed or by value),
 *  but a nested function's own parameters and a generator's iteration variables where they shadow an outer name */
export function namesInNestedLambdas(body: Value): Set<string> {
  const out = new Set<string>();
  const collect = (v: Value, bound: ReadonlySet<string>): void => {
    if (v instanceof Sym) {
      if (!bound.has(v.name)) out.add(v.name);
      return;
    }
    if (!(v instanceof Expr)) return;
    const parts = lambdaParts(v);
    if (!parts) return v.args.forEach(a => collect(a, bound));
    for (const o of parts.outer) collect(o, bound);
    const inner = new Set([...bound, ...parts.params]);
    for (const b of parts.inner) collect(b, inner);
  };
  const walk = (v: Value): void => {
    if (!(v instanceof Expr)) return;
    const h = v.head.name;
    if (h === 'quote') return;
    if (h === '->' || h === 'function' || h === 'generator' || h === 'do' || h === 'comprehension' || isFuncDef(v))
      return collect(v, new Set());
    v.args.forEach(walk);
  };
  walk(body);
  return out;
}

const isFuncDef = (v: Expr): boolean => v.head.name === '=' && isFuncSig(v.args[0]!);

/** A nested function split by scope: the names it binds (parameters, iteration variables), the code it runs with
 *  them bound (body, filter), and everything else (types, defaults, iterables, where-bounds), which is kept as
 *  mentions of the enclosing names. Null when the form is not one whose bindings are understood here. */
function lambdaParts(v: Expr): { params: string[]; outer: Value[]; inner: Value[] } | null {
  const params: string[] = [];
  const outer: Value[] = [];
  const h = v.head.name;
  if (h === 'generator') {
    const specs = v.args.slice(1);
    const inner: Value[] = [v.args[0]!];
    const spec = (x: Value): void => {
      if (isE(x, 'filter')) {
        inner.push(x.args[0]!);
        x.args.slice(1).forEach(spec);
      } else if (isE(x, '=') && x.args[0] instanceof Sym) {
        params.push(x.args[0].name);
        outer.push(x.args[1]!);
      } else outer.push(x);
    };
    specs.forEach(spec);
    return { params, outer, inner };
  }
  let sig: Value;
  if (h === '->' && v.args.length === 2) sig = v.args[0]!;
  else if ((h === 'function' && v.args.length === 2) || isFuncDef(v)) sig = v.args[0]!;
  else return null;
  while (isE(sig, 'where') || (isE(sig, '::') && isE(sig.args[0]!) && h !== '->')) {
    outer.push(...sig.args.slice(1));
    sig = sig.args[0]!;
  }
  let args: Value[];
  if (isE(sig, 'call')) {
    // the name being defined is assigned in the enclosing scope, not read by the function
    if (!(sig.args[0] instanceof Sym)) outer.push(sig.args[0]!);
    args = sig.args.slice(1);
  } else if (isE(sig, 'tuple')) args = sig.args;
  else args = [sig];
  const param = (p: Value): void => {
    if (p instanceof Sym) params.push(p.name);
    else if (isE(p, '::') && p.args.length === 2) {
      param(p.args[0]!);
      outer.push(p.args[1]!);
    } else if ((isE(p, 'kw') || isE(p, '=')) && p.args.length === 2) {
      param(p.args[0]!);
      outer.push(p.args[1]!);
    } else if (isE(p, '...') || isE(p, 'parameters')) p.args.forEach(param);
    // a destructured argument is unpacked by assignments in the body: its names stay mentions
    else outer.push(p);
  };
  args.forEach(param);
  return { params, outer, inner: v.args.slice(1) };
}

/** every name that code inside functions nested in `body` may assign (conservatively, their own locals too) */
export function assignedInNestedLambdas(body: Value): Set<string> {
  const out = new Set<string>();
  const walk = (v: Value): void => {
    if (!(v instanceof Expr) || v.head.name === 'quote') return;
    if (lambdaParts(v) || v.head.name === '->' || v.head.name === 'function') {
      for (const n of assignedNames(v)) out.add(n);
      return;
    }
    v.args.forEach(walk);
  };
  walk(body);
  return out;
}
