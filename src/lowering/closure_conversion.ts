// Closure conversion: how a nested function reaches the locals of enclosing lambdas. Before a body is emitted,
// classifyCaptures decides which of its locals live in a Core.Box and which a closure holds by value; as the walk
// emits reads and writes (readVar, assignVar) they become slot accesses, Box contents, or fields of `#self#`. A
// nested function is lowered where it is met (part of the walk, not a separate pass): its struct type, with one
// field per capture, and its methods are hoisted to run before the toplevel thunk, and the closure value is built
// in place.
import { sym, Sym, Expr, LineNumberNode, QuoteNode, T, type Value } from '../runtime/values.ts';
import { SlotNumber, ReturnNode } from '../ir/nodes.ts';
import { SLOT_ASSIGNED } from '../ir/CodeInfo.ts';
import { E, isE, isFuncSig, funcName, mentions, lhsNames, nothingV } from './forms.ts';
import { Lambda } from './lambda.ts';
import {
  resolve,
  assignedOnceFirst,
  assignedNames,
  namesInNestedLambdas,
  assignedInNestedLambdas,
  type Scope,
} from './scope.ts';
import { defineMethods } from './methods.ts';
import type { Lowerer } from './lower.ts';

/** The value of variable `name` seen from scope `s` of lambda L: a slot, a Box's contents, a field of `#self#`
 *  (captured), a static parameter, or a global. */
export function readVar(lw: Lowerer, name: string, L: Lambda, s: Scope): Value {
  if (name === 'nothing') return lw.gref('nothing');
  const r = resolve(name, s);
  if (r.kind === 'tvar') return r.v;
  if (r.kind === 'sparam') return L.emit(E('static_parameter', r.idx));
  if (r.kind === 'global') return lw.gref(name);
  if (r.fn === L) {
    if (L.boxed.has(name) && !L.mirrored.has(name))
      return lw.call(L, lw.core('_getbox'), L.slot(name), new QuoteNode(sym(name)));
    return L.slot(name);
  }
  // captured from an enclosing function: field of #self# holding the box (or the value itself)
  const box = captureBox(lw, name, L);
  if (r.fn.byValue.has(name)) return box;
  return lw.call(L, lw.core('_getbox'), box, new QuoteNode(sym(name)));
}

/** the field of `#self#` that holds captured `name` (its Box, or its value), recording the capture */
function captureBox(lw: Lowerer, name: string, L: Lambda): Value {
  if (!L.captured.includes(name)) L.captured.push(name);
  return lw.call(L, lw.core('getfield'), new SlotNumber(1), new QuoteNode(sym(name)));
}

/** Assigns `name` seen from scope `s`: its slot, its Box (own or captured), or the global. */
export function assignVar(lw: Lowerer, name: string, v: Value, L: Lambda, s: Scope): void {
  const r = resolve(name, s);
  if (r.kind === 'global' || r.kind === 'tvar' || r.kind === 'sparam') {
    if (r.kind !== 'global') lw.err(`cannot assign to static parameter ${name}`, L);
    L.emit(E('=', lw.gref(name), v));
    return;
  }
  if (r.fn === L) {
    const slot = L.slot(name);
    L.ci.slotflags[slot.id - 1]! |= SLOT_ASSIGNED;
    if (L.boxed.has(name)) {
      if (L.mirrored.has(name)) L.emit(E('=', slot, v));
      lw.call(L, lw.core('setfield!'), L.boxSlot(name), new QuoteNode(sym('contents')), v);
      return;
    }
    L.emit(E('=', slot, v));
    return;
  }
  const box = captureBox(lw, name, L);
  lw.call(L, lw.core('setfield!'), box, new QuoteNode(sym('contents')), v);
}

/** A nested function: a struct type with one field per capture (Box or value), defined at toplevel (hoisted). */
export function lowerClosure(
  lw: Lowerer,
  name: string | null,
  params: Value[],
  kwParams: Value[],
  where: Value[],
  body: Value,
  rettype: Value | null,
  L: Lambda,
  s: Scope,
): Value {
  const tname = lw.globalName(name ?? 'anon');
  const H = new Lambda(null, true);
  H.ci.file = lw.file;
  H.line = L.line;
  const typeRef = lw.gref(tname);
  const closure = { type: typeRef as Value, captured: [] as string[] };
  // lower the methods into a hoisting lambda; the signature uses the closure type
  const hs: Scope = { locals: new Set(), globals: new Set(), parent: null, fn: H, isLoop: false };
  // the closure body resolves free names through the defining scope `s`
  const proxy: Scope = { locals: new Set(), globals: new Set(), parent: s, fn: H, isLoop: false };
  void hs;
  if (name) s.locals.add(name); // a local named function is a local variable holding the closure
  defineMethods(lw, typeRef, params, kwParams, where, body, rettype, H, proxy, name ?? 'anonymous', closure);
  // captured fields
  const fieldNames = closure.captured;
  const defs: Value[] = [];
  const D = new Lambda(null, true);
  D.ci.file = lw.file;
  const fields = D.emit(E('call', lw.core('svec'), ...fieldNames.map(f => new QuoteNode(sym(f)))));
  // a value captured by value has a field of type parameter; a box, a field of type Core.Box
  const byValue = fieldNames.map(fn => {
    const r = resolve(fn, s);
    return r.kind === 'local' && r.fn.byValue.has(fn);
  });
  const tvs = fieldNames.flatMap((fn, k) =>
    byValue[k]
      ? [
          D.emit(
            E(
              'call',
              lw.core('_typevar'),
              new QuoteNode(sym(`#T${k + 1}`)),
              E('call', lw.core('apply_type'), lw.core('Union')),
              lw.core('Any'),
            ),
          ),
        ]
      : [],
  );
  const tt = D.emit(
    E(
      'call',
      lw.core('_structtype'),
      lw.mod,
      new QuoteNode(sym(tname)),
      E('call', lw.core('svec'), ...tvs),
      fields,
      false,
      BigInt(fieldNames.length),
    ),
  );
  D.emit(E('call', lw.core('_setsuper!'), tt, lw.core('Function')));
  D.emit(E('const', typeRef));
  D.emit(E('=', typeRef, tt));
  let tv = 0;
  D.emit(
    E(
      'call',
      lw.core('_typebody!'),
      tt,
      E('call', lw.core('svec'), ...fieldNames.map((_, k) => (byValue[k] ? tvs[tv++]! : new QuoteNode(T.Box!)))),
    ),
  );
  D.emit(new ReturnNode(nothingV()));
  defs.push(E('thunk', D.ci));
  H.emit(new ReturnNode(nothingV()));
  defs.push(E('thunk', H.ci));
  lw.hoisted.push(...defs);
  // create the closure value here, passing the boxes
  const boxes = fieldNames.map(fn => {
    const r = resolve(fn, s);
    if (r.kind === 'local' && r.fn === L) {
      if (!L.boxed.has(fn) && !L.byValue.has(fn)) L.boxed.add(fn);
      return L.boxed.has(fn) ? L.boxSlot(fn) : L.slot(fn);
    }
    if (r.kind === 'local') return captureBox(lw, fn, L);
    return lw.err(`internal: capture of ${fn}`, L);
  });
  // the closure type's parameters are the types of the values it captures
  const ctype = tvs.length
    ? lw.call(
        L,
        lw.core('apply_type'),
        typeRef,
        ...boxes.flatMap((b, k) => (byValue[k] ? [lw.call(L, lw.core('typeof'), b)] : [])),
      )
    : typeRef;
  const obj = L.emit(E('new', ctype, ...boxes));
  if (name) assignVar(lw, name, obj, L, s);
  return obj;
}

/** Decides, before a method body is emitted, how each local its nested functions mention is captured: in a Core.Box
 *  (F.boxed), or by value (F.byValue) for arguments and static parameters nothing assigns and for locals assigned
 *  once before any closure mentions them. Returns the names nested functions mention. */
export function classifyCaptures(F: Lambda, argNames: string[], spNames: string[], body: Value): Set<string> {
  const counts = new Map<string, number>();
  const assigned = assignedNames(body, counts);
  const once = assignedOnceFirst(body, counts);
  const nested = namesInNestedLambdas(body);
  const nestedAssigns = assignedInNestedLambdas(body);
  for (const n of nested) {
    const param = argNames.includes(n) || spNames.includes(n);
    if (param ? !assigned.has(n) : once.has(n)) F.byValue.add(n);
    else {
      F.boxed.add(n);
      if (!param && !nestedAssigns.has(n)) F.mirrored.add(n);
    }
  }
  return nested;
}

/** At the start of a method body: boxed arguments move into a Box, and static parameters nested functions use are
 *  copied into (boxed) locals of the body's scope `fs`, so closures can capture them. */
export function boxCapturedParameters(
  lw: Lowerer,
  F: Lambda,
  fs: Scope,
  argNames: string[],
  spNames: string[],
  nested: Set<string>,
): void {
  for (const a of argNames) {
    if (!F.boxed.has(a)) continue;
    const argSlot = F.slot(a);
    const tmp = F.slot(`#arg_${a}`);
    F.emit(E('=', tmp, argSlot));
    F.emit(E('=', argSlot, E('call', lw.core('Box'), tmp)));
  }
  spNames.forEach((sp, i) => {
    if (!nested.has(sp)) return;
    fs.locals.add(sp);
    const slot = F.slot(sp);
    const v = F.emit(E('static_parameter', i + 1));
    if (F.boxed.has(sp)) F.emit(E('=', slot, E('call', lw.core('Box'), v)));
    else F.emit(E('=', slot, v));
  });
}

/** A local function (or `f = x -> ...`) defined before a variable it captures is first assigned (`is_prime(n) = ...
 *  primes ...` then `primes = [2]`) is defined after that assignment instead, when nothing in between can reach
 *  the function: the variable can then be captured by value rather than in a Box. The closure's methods are hoisted
 *  either way, so only the moment its value is made moves; the statements it passes must not mention its name, nor
 *  may closures made earlier, and it must not pass the block's last statement (the body's value). Its name must be
 *  a local of this body (not declared global, and `isOuterFree`: no enclosing function's local or parameter): a
 *  global or an enclosing function's local could be read by any call in between. */
export function deferLocalFunctions(
  body: Value,
  argNames: string[],
  spNames: string[],
  isOuterFree: (name: string) => boolean,
): Value {
  if (!isE(body, 'block')) return body;
  const globals = new Set<string>();
  const declared = (v: Value): void => {
    if (!(v instanceof Expr) || v.head.name === 'quote') return;
    if (v.head.name === 'global') for (const a of v.args) for (const n of lhsNames(a)) globals.add(n);
    v.args.forEach(declared);
  };
  declared(body);
  const sts = [...body.args];
  const counts = new Map<string, number>();
  assignedNames(body, counts);
  const last = sts.findLastIndex(st => !(st instanceof LineNumberNode));
  let moved = false;
  for (let i = 0; i < last; i++) {
    const st = sts[i]!;
    if (!(st instanceof Expr) || !(st.head.name === 'function' || st.head.name === '=')) continue;
    const lhs = st.args[0]!;
    // `f(x) = ...`, `function f(x) ... end`, or `f = x -> ...`; `sig` is what is evaluated where it is made
    const anon = st.head.name === '=' && lhs instanceof Sym && isE(st.args[1]!, '->');
    const name = anon ? lhs.name : st.head.name === 'function' || isFuncSig(lhs) ? funcName(lhs) : null;
    const sig = anon ? (st.args[1] as Expr).args[0]! : lhs;
    if (
      !name ||
      counts.get(name) !== 1 ||
      globals.has(name) ||
      !isOuterFree(name) ||
      sts.slice(0, i).some(x => mentions(x, name))
    )
      continue;
    const captured = namesInNestedLambdas(E('block', st));
    // the furthest single assignment of a captured local that the definition can move past
    let to = -1;
    for (let j = i + 1; j < last; j++) {
      const sj = sts[j]!;
      // (the signature's types are evaluated where the function is defined)
      if (mentions(sj, name) || [...assignedNames(sj)].some(a => mentions(sig, a))) break;
      const a = isE(sj, '=') && sj.args[0] instanceof Sym ? sj.args[0].name : null;
      if (a && captured.has(a) && counts.get(a) === 1 && !argNames.includes(a) && !spNames.includes(a)) to = j;
    }
    if (to < 0) continue;
    // the statements after the new place keep their own line
    let line: Value | null = null;
    for (let k = to; k >= 0 && !line; k--) if (sts[k] instanceof LineNumberNode) line = sts[k]!;
    const prev = i > 0 && sts[i - 1] instanceof LineNumberNode ? sts[i - 1]! : null;
    sts.splice(to + 1, 0, ...(prev ? [prev] : []), st, ...(line ? [line] : []));
    sts.splice(i, 1);
    moved = true;
    i--;
  }
  return moved ? E('block', ...sts) : body;
}
