// Linearization: the statement emitter. `val` lowers an expression for its value into the current lambda's code
// and returns an operand, dispatching on the form to the other files; here too are control flow (if, && and ||,
// loops, break/continue, return), let, and try/catch/finally (a return, break or continue inside a try/finally
// runs the finally block first). Jumps are emitted with a placeholder target and patched once it is known.
import { Expr, Sym, QuoteNode, LineNumberNode, type Value } from '../runtime/values.ts';
import { SlotNumber, GotoNode, GotoIfNot, ReturnNode, type SSAValue } from '../ir/nodes.ts';
import { E, isE, Inline, nothingV, literal, lhsNames } from './forms.ts';
import type { Loop, Finally, Lambda } from './lambda.ts';
import { resolve, declare, openScope, type Scope } from './scope.ts';
import { readVar, assignVar } from './closure_conversion.ts';
import {
  lowerCallArgs,
  lowerCall,
  lowerNamedTuple,
  lowerRef,
  lowerAssign,
  assignTarget,
  lowerUpdate,
  lowerBroadcast,
  lowerGenerator,
  lowerQuote,
  lowerVcat,
  lowerTypedVcat,
  lowerCurly,
  lowerComparison,
} from './desugar.ts';
import { lowerFunction, lowerMacroDef } from './methods.ts';
import { lowerStruct, lowerAbstract, lowerWhereType } from './types.ts';
import type { Lowerer } from './lower.ts';

/** lower `ex` for its value; returns an operand */
export function val(lw: Lowerer, ex: Value, L: Lambda, s: Scope): Value {
  if (ex instanceof Inline) return ex.v;
  if (isE(ex, 'new')) {
    const args = ex.args.map(a => val(lw, a, L, s));
    return L.emit(E('new', ...args));
  }
  // `#self#(args...)`: a generated method calling its own function (default and keyword arguments)
  if (isE(ex, 'call') && ex.args[0] instanceof Sym && ex.args[0].name === '#self#')
    return lowerCallArgs(lw, new SlotNumber(1), ex.args.slice(1), L, s);
  if (ex instanceof Sym) {
    if (ex.name === 'end' || ex.name === 'begin') lw.err(`syntax: "${ex.name}" is not a valid expression`, L);
    return readVar(lw, ex.name, L, s);
  }
  if (ex instanceof QuoteNode) return ex;
  if (ex instanceof LineNumberNode) {
    L.line = ex.line;
    return nothingV();
  }
  if (ex === null || ex === undefined) return nothingV();
  if (!(ex instanceof Expr)) return literal(ex);
  const h = ex.head.name,
    a = ex.args;
  switch (h) {
    case 'block':
    case 'toplevel': {
      let last: Value = nothingV();
      for (const x of a) {
        if (x instanceof LineNumberNode) {
          L.line = x.line;
          continue;
        }
        last = val(lw, x, L, s);
      }
      return last;
    }
    case 'call':
      return lowerCall(lw, ex, L, s);
    case '=':
      return lowerAssign(lw, a[0]!, a[1]!, L, s);
    case 'const': {
      const x = a[0]!;
      if (isE(x, '=')) {
        for (const n of lhsNames(x.args[0]!)) L.emit(E('const', lw.gref(n)));
        return lowerAssign(lw, x.args[0]!, x.args[1]!, L, s);
      }
      return nothingV();
    }
    case 'global':
    case 'local': {
      let last: Value = nothingV();
      for (const x of a) {
        const upd = x instanceof Expr && x.head.name !== '=' && x.head.name.endsWith('=') && x.head.name.length > 1;
        const names = upd ? lhsNames((x as Expr).args[0]!) : lhsNames(x);
        if (h === 'global')
          for (const n of names) {
            s.globals.add(n);
            L.emit(E('global', lw.gref(n)));
          }
        else for (const n of names) if (!s.locals.has(n)) declare(lw, [n], L, s);
        if (isE(x, '=')) last = lowerAssign(lw, x.args[0]!, x.args[1]!, L, s);
        else if (upd) last = val(lw, x, L, s);
        else if (h === 'global' && isE(x, '::') && x.args[0] instanceof Sym) {
          const t = val(lw, x.args[1]!, L, s);
          L.emit(lw.call(L, lw.core('set_binding_type!'), new QuoteNode(lw.gref(x.args[0].name)), t));
        }
      }
      return last;
    }
    case 'if':
    case 'elseif':
      return lowerIf(lw, ex, L, s);
    case '&&':
    case '||':
      return lowerShortCircuit(lw, ex, L, s);
    case 'while':
      return lowerWhile(lw, ex, L, s);
    case 'for':
      return lowerFor(lw, ex, L, s);
    case 'break':
    case 'continue': {
      const loop = L.loops[L.loops.length - 1];
      if (!loop) lw.err(`syntax: ${h} outside loop`, L);
      const fin = L.finallies[L.finallies.length - 1];
      if (fin && fin.depth >= loop.handlerDepth) {
        // a try/finally inside the loop: run its finally block first, which then takes lw exit
        let k = fin.exits.indexOf(h);
        if (k < 0) {
          fin.exits.push(h);
          k = fin.exits.length - 1;
        }
        exitThroughFinally(L, fin, BigInt(k + 2));
        return nothingV();
      }
      if (L.handlerDepth > loop.handlerDepth) L.emit(E('leave', BigInt(L.handlerDepth - loop.handlerDepth)));
      const g = L.emit(new GotoNode(0));
      (h === 'break' ? loop.breaks : loop.continues).push(g.id);
      return nothingV();
    }
    case 'return': {
      const v = val(lw, a[0] ?? (null as unknown as Value), L, s);
      const fin = L.finallies[L.finallies.length - 1];
      if (fin) {
        // run the enclosing finally block first: remember the value, leave the handlers, jump to it
        L.emit(E('=', fin.val, v));
        exitThroughFinally(L, fin, 1n);
        return nothingV();
      }
      if (L.handlerDepth > 0) L.emit(E('leave', BigInt(L.handlerDepth)));
      L.emit(new ReturnNode(v));
      return nothingV();
    }
    case 'let':
      return lowerLet(lw, ex, L, s);
    case 'try':
      return lowerTry(lw, ex, L, s);
    case 'function':
    case '->':
      return lowerFunction(lw, ex, L, s);
    case 'macro':
      return lowerMacroDef(lw, ex, L, s);
    case 'struct':
      return lowerStruct(lw, ex, L, s);
    case 'abstract':
      return lowerAbstract(lw, ex, L, s);
    case 'tuple': {
      if (a.length > 0 && isE(a[0]!, 'parameters')) {
        if (a.length > 1) lw.err('unexpected semicolon in tuple', L);
        return lowerNamedTuple(lw, (a[0] as Expr).args, L, s);
      }
      // `(a = 1, b...)`: a named tuple as soon as one element is named (its other elements are checked there)
      if (a.some(x => isE(x, '='))) return lowerNamedTuple(lw, a, L, s);
      return lowerCallArgs(lw, lw.core('tuple'), a, L, s);
    }
    case 'string':
      return lowerCallArgs(lw, lw.base('string'), a, L, s);
    case 'vect':
      return lowerCallArgs(lw, lw.base('vect'), a, L, s);
    case 'hcat':
      return lowerCallArgs(lw, lw.base('hcat'), a, L, s);
    case 'vcat':
      return lowerVcat(lw, ex, L, s);
    case 'ref':
      return lowerRef(lw, ex, L, s);
    case 'typed_vcat':
      return lowerTypedVcat(lw, ex, L, s);
    case 'typed_hcat':
      return lowerCallArgs(lw, lw.base(h), a, L, s);
    case 'comprehension':
      return lw.call(L, lw.base('collect'), val(lw, a[0]!, L, s));
    case 'typed_comprehension':
      return lw.call(L, lw.base('collect'), val(lw, a[0]!, L, s), val(lw, a[1]!, L, s));
    case 'generator':
      return lowerGenerator(lw, ex, L, s);
    case 'flatten':
      return lw.call(L, lw.base('_flatten'), val(lw, a[0]!, L, s));
    case '.': {
      const rhs = a[1]!;
      if (rhs instanceof QuoteNode) return lw.call(L, lw.base('getproperty'), val(lw, a[0]!, L, s), rhs);
      if (isE(rhs, 'tuple')) return lowerBroadcast(lw, ex, L, s);
      return lw.err('invalid syntax: field access', L);
    }
    case '::': {
      if (a.length === 1) lw.err('invalid `::` syntax', L);
      return lw.call(L, lw.core('typeassert'), val(lw, a[0]!, L, s), val(lw, a[1]!, L, s));
    }
    case 'curly':
      return lowerCurly(lw, ex, L, s);
    case 'isdefined': {
      const x = a[0]!;
      if (x instanceof Sym) {
        const r = resolve(x.name, s);
        return L.emit(
          E(
            'isdefined',
            r.kind === 'local' && r.fn === L && (!L.boxed.has(x.name) || L.mirrored.has(x.name))
              ? L.slot(x.name)
              : lw.gref(x.name),
          ),
        );
      }
      return false;
    }
    case 'where':
      return lowerWhereType(lw, ex, L, s);
    case 'quote':
      return lowerQuote(lw, a[0]!, L, s, 1);
    case 'inert':
      return new QuoteNode(a[0]!);
    case 'meta':
      if (a[0] instanceof Sym && (a[0].name === 'inline' || a[0].name === 'noinline')) L.ci.inlining = a[0].name;
      return nothingV();
    case 'inbounds':
    case 'loopinfo':
      return nothingV();
    case 'boundscheck':
      return true;
    case 'escape':
      return val(lw, a[0]!, L, s);
    case 'macrocall':
      return lw.err(`macro expansion missing for ${(a[0] as Sym).name}`, L);
    case 'module':
    case 'using':
    case 'import':
    case 'export':
      return L.emit(E('toplevel', ex));
    case '<:':
    case '>:':
      return lw.call(L, lw.core(h === '<:' ? '<:' : '>:'), val(lw, a[0]!, L, s), val(lw, a[1]!, L, s));
    case 'comparison':
      return lowerComparison(lw, ex, L, s);
    case '...':
      return lw.err('"..." expression outside call', L);
    case '$':
      return lw.err('"$" expression outside quote', L);
    case 'do': {
      const call = a[0] as Expr,
        lam = a[1]!;
      return lowerCall(lw, new Expr(call.head, [call.args[0]!, lam, ...call.args.slice(1)]), L, s);
    }
    case 'primitive':
      return lw.err('primitive type definitions are not supported yet', L);
    case 'thunk':
      return L.emit(ex);
    default:
      if (h.endsWith('=') && h.length >= 2) return lowerUpdate(lw, ex, L, s);
      if (h === "'") return lw.call(L, lw.base('adjoint'), val(lw, a[0]!, L, s));
      return lw.err(`syntax: unsupported expression head "${h}"`, L);
  }
}

function lowerIf(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const [c, then, els] = ex.args;
  const res = L.slot(L.temp('if'));
  let cond = c!;
  if (isE(cond, 'block')) {
    // elseif carries its condition in a block with a line number
    for (const x of cond.args.slice(0, -1)) if (x instanceof LineNumberNode) L.line = x.line;
    cond = cond.args[cond.args.length - 1]!;
  }
  const cv = condVal(lw, cond, L, s);
  const gif = L.emit(new GotoIfNot(cv, 0));
  L.emit(E('=', res, val(lw, then!, L, s)));
  const gend = L.emit(new GotoNode(0));
  L.ci.code[gif.id - 1] = new GotoIfNot(cv, L.pc);
  L.emit(E('=', res, els === undefined ? nothingV() : val(lw, els, L, s)));
  L.ci.code[gend.id - 1] = new GotoNode(L.pc);
  return res;
}

function condVal(lw: Lowerer, c: Value, L: Lambda, s: Scope): Value {
  return val(lw, c, L, s);
}

function lowerShortCircuit(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const res = L.slot(L.temp('sc'));
  const a = val(lw, ex.args[0]!, L, s);
  L.emit(E('=', res, a));
  let g: SSAValue;
  if (ex.head.name === '&&') g = L.emit(new GotoIfNot(a, 0));
  else {
    const skip = L.emit(new GotoIfNot(a, 0));
    g = L.emit(new GotoNode(0));
    L.ci.code[skip.id - 1] = new GotoIfNot(a, L.pc);
  }
  L.emit(E('=', res, val(lw, ex.args[1]!, L, s)));
  const end = L.pc;
  const st = L.ci.code[g.id - 1];
  L.ci.code[g.id - 1] = st instanceof GotoIfNot ? new GotoIfNot(st.cond, end) : new GotoNode(end);
  return res;
}

function patchLoop(L: Lambda, loop: Loop, contTarget: number, breakTarget: number): void {
  for (const g of loop.continues) L.ci.code[g - 1] = new GotoNode(contTarget);
  for (const g of loop.breaks) L.ci.code[g - 1] = new GotoNode(breakTarget);
}

function lowerWhile(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const top = L.pc;
  const c = val(lw, ex.args[0]!, L, s);
  const gexit = L.emit(new GotoIfNot(c, 0));
  const loop: Loop = { breaks: [], continues: [], handlerDepth: L.handlerDepth };
  L.loops.push(loop);
  const bs = openScope(lw, ex.args[1]!, L, s);
  val(lw, ex.args[1]!, L, bs);
  L.loops.pop();
  L.emit(new GotoNode(top));
  L.ci.code[gexit.id - 1] = new GotoIfNot(c, L.pc);
  patchLoop(L, loop, top, L.pc);
  return nothingV();
}

function lowerFor(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const specs = isE(ex.args[0]!, 'block')
    ? (ex.args[0] as Expr).args.filter(x => !(x instanceof LineNumberNode))
    : [ex.args[0]!];
  const body = ex.args[1]!;
  // nested specs: for i in a, j in b  ==  for i in a; for j in b
  if (specs.length > 1) {
    let inner: Value = E('for', specs[specs.length - 1]!, body);
    for (let k = specs.length - 2; k >= 1; k--) inner = E('for', specs[k]!, E('block', inner));
    return lowerForOne(lw, specs[0] as Expr, E('block', inner), L, s, true);
  }
  return lowerForOne(lw, specs[0] as Expr, body, L, s, false);
}

function lowerForOne(lw: Lowerer, spec: Expr, body: Value, L: Lambda, s: Scope, nested: boolean): Value {
  // `for outer i`: the loop assigns the enclosing scope's `i` instead of a fresh one per iteration
  const outer = isE(spec.args[0]!, 'outer');
  const target = outer ? (spec.args[0] as Expr).args[0]! : spec.args[0]!,
    iterEx = spec.args[1]!;
  const iter = val(lw, iterEx, L, s);
  const itv = L.slot(L.temp('iter'));
  L.emit(E('=', itv, iter));
  const st = L.slot(L.temp('state'));
  const first = lw.call(L, lw.base('iterate'), itv);
  L.emit(E('=', st, first));
  const isNothing = lw.call(L, lw.core('==='), st, nothingV());
  const notNothing = lw.call(L, lw.base('!'), isNothing);
  const gexit = L.emit(new GotoIfNot(notNothing, 0));
  const top = L.pc;
  const loop: Loop = { breaks: [], continues: [], handlerDepth: L.handlerDepth };
  L.loops.push(loop);
  const vars = outer ? [] : lhsNames(target);
  const bs = openScope(lw, body, L, s, vars);
  const el = lw.call(L, lw.core('getfield'), st, 1n);
  const stateVal = lw.call(L, lw.core('getfield'), st, 2n);
  assignTarget(lw, target, el, L, bs);
  const sv = L.slot(L.temp('st'));
  L.emit(E('=', sv, stateVal));
  val(lw, body, L, bs);
  L.loops.pop();
  const cont = L.pc;
  const nx = lw.call(L, lw.base('iterate'), itv, sv);
  L.emit(E('=', st, nx));
  const isN2 = lw.call(L, lw.core('==='), st, nothingV());
  const nn2 = lw.call(L, lw.base('!'), isN2);
  const gback = L.emit(new GotoIfNot(nn2, 0));
  L.emit(new GotoNode(top));
  const exit = L.pc;
  L.ci.code[gexit.id - 1] = new GotoIfNot(notNothing, exit);
  L.ci.code[gback.id - 1] = new GotoIfNot(nn2, exit);
  patchLoop(L, loop, cont, exit);
  void nested;
  return nothingV();
}

function lowerLet(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const binds = isE(ex.args[0]!, 'block')
    ? (ex.args[0] as Expr).args.filter(x => !(x instanceof LineNumberNode))
    : [ex.args[0]!];
  let cur = s;
  for (const b of binds) {
    // each binding is evaluated in the scope so far, then declared in a new scope
    if (isE(b, '=')) {
      const names = lhsNames(b.args[0]!);
      const v = val(lw, b.args[1]!, L, cur);
      const ns: Scope = { locals: new Set(), globals: new Set(), parent: cur, fn: L, isLoop: false };
      declare(lw, names, L, ns);
      assignTarget(lw, b.args[0]!, v, L, ns);
      cur = ns;
    } else if (b instanceof Sym) {
      const ns: Scope = { locals: new Set(), globals: new Set(), parent: cur, fn: L, isLoop: false };
      declare(lw, [b.name], L, ns);
      cur = ns;
    }
  }
  const bs = openScope(lw, ex.args[1]!, L, cur);
  return val(lw, ex.args[1]!, L, bs);
}

/** Leaves the protected part of a try/finally by exit `code` (Finally): records it, leaves the handlers entered
 *  since, and jumps to the finally block (its label is filled in when the block is emitted). */
function exitThroughFinally(L: Lambda, fin: Finally, code: bigint): void {
  L.emit(E('=', fin.exit, code));
  if (L.handlerDepth > fin.depth) L.emit(E('leave', BigInt(L.handlerDepth - fin.depth)));
  fin.jumps.push(L.emit(new GotoNode(0)).id);
}

function lowerTry(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const [body, cvar, cblock, fblock] = ex.args;
  const res = L.slot(L.temp('try'));
  if (fblock !== undefined && fblock !== false) {
    // try/finally: run the protected part in an inner try that catches, then the finally block, then rethrow
    const inner = cblock !== false ? E('try', body!, cvar!, cblock!) : body!;
    const exc = L.slot(L.temp('exc'));
    const flag = L.slot(L.temp('threw'));
    L.emit(E('=', flag, false));
    const exit = L.slot(L.temp('exit')),
      retVal = L.slot(L.temp('retval'));
    L.emit(E('=', exit, 0n));
    const fin: Finally = { exit, val: retVal, depth: L.handlerDepth, jumps: [], exits: [] };
    const enter = L.emit(E('enter', 0));
    L.handlerDepth++;
    L.finallies.push(fin);
    const bs = openScope(lw, inner, L, s, [], false);
    L.emit(E('=', res, val(lw, inner, L, bs)));
    L.finallies.pop();
    L.handlerDepth--;
    L.emit(E('leave', 1n));
    const gok = L.emit(new GotoNode(0));
    L.ci.code[enter.id - 1] = E('enter', L.pc);
    L.emit(E('=', exc, E('the_exception')));
    L.emit(E('=', flag, true));
    L.emit(E('pop_exception', enter));
    L.ci.code[gok.id - 1] = new GotoNode(L.pc);
    for (const j of fin.jumps) L.ci.code[j - 1] = new GotoNode(L.pc);
    const fs = openScope(lw, fblock!, L, s, [], false);
    val(lw, fblock!, L, fs);
    const g = L.emit(new GotoIfNot(flag, 0));
    lw.call(L, lw.core('rethrow_value'), exc);
    L.ci.code[g.id - 1] = new GotoIfNot(flag, L.pc);
    // a `return`, `break` or `continue` inside the protected part finishes here, after the finally block
    const exits: [bigint, Value][] = [
      [1n, E('return', new Inline(retVal) as unknown as Value)],
      ...fin.exits.map((h, k): [bigint, Value] => [BigInt(k + 2), E(h)]),
    ];
    for (const [code, how] of exits) {
      const taken = lw.call(L, lw.core('==='), exit, code);
      const g = L.emit(new GotoIfNot(taken, 0));
      val(lw, how, L, s);
      L.ci.code[g.id - 1] = new GotoIfNot(taken, L.pc);
    }
    return res;
  }
  const enter = L.emit(E('enter', 0));
  L.handlerDepth++;
  const bs = openScope(lw, body!, L, s, [], false);
  L.emit(E('=', res, val(lw, body!, L, bs)));
  L.handlerDepth--;
  L.emit(E('leave', 1n));
  const gend = L.emit(new GotoNode(0));
  L.ci.code[enter.id - 1] = E('enter', L.pc);
  const cs = openScope(
    lw,
    cblock === false ? E('block') : cblock!,
    L,
    s,
    cvar instanceof Sym ? [cvar.name] : [],
    false,
  );
  if (cvar instanceof Sym) assignVar(lw, cvar.name, L.emit(E('the_exception')), L, cs);
  L.emit(E('=', res, cblock === false ? nothingV() : val(lw, cblock!, L, cs)));
  L.emit(E('pop_exception', enter));
  L.ci.code[gend.id - 1] = new GotoNode(L.pc);
  return res;
}
