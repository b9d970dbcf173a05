// Inlining: an invoke of a small callee becomes the callee's body, emitted in place (nested calls in it too, a few
// levels deep). The callee's code comes from its CodeInstance, or from inference specialized for the call's
// constant arguments. Each inlined statement keeps where it came from (CodeInfo.inlined), so that an error it
// raises shows the inlined calls' frames in its backtrace, as if the calls had been made.
import { T, Sym, Expr, GlobalRef, BuiltinFunction, type Value } from '../runtime/values.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from '../ir/nodes.ts';
import { DataType, TypeVar, VarargType, Bottom, type JType } from '../runtime/types.ts';
import { tupleType } from '../runtime/apply_type.ts';
import type { MethodInstance, InlinedCalls } from '../runtime/methods.ts';
import { CodeInfo } from '../ir/CodeInfo.ts';
import { issubtype } from '../runtime/subtype.ts';
import { readsMaybeUnassigned } from '../ir/definite_assignment.ts';
import { Const, widenconst, lessequal } from '../inference/lattice.ts';
import { builtinTfunc } from '../inference/tfuncs.ts';
import {
  Builder,
  withCode,
  callOf,
  constOperand,
  builtinNamed,
  slotTableOf,
  addSlot,
  type SlotTable,
  Rewrite,
} from './builder.ts';
import { operandLattice, statementEffects, type CalleeCode } from './effects.ts';
import type { OptimizationState, OptimizeInput, Pass } from './pass.ts';

/** callees with at most this many statements that do work (inlineCost) are inlined (`@inline` raises it, `@noinline` forbids) */
export const INLINE_MAX_STATEMENTS = 24;
const INLINE_MAX_FORCED = 60;

export const inliningPass: Pass = { name: 'inline', run: inlineCalls };

function inlineCalls(state: OptimizationState, input: OptimizeInput): OptimizationState {
  const src = state.ci;
  const n = src.code.length;
  const rw = new Rewrite(n);
  const { b, ssaMap, remap } = rw;
  const slots = slotTableOf(src);
  const nested = (mi: MethodInstance, depth: number): CodeInfo | undefined =>
    depth <= 3 ? inlineable(mi, input) : undefined;
  const table: InlinedCalls = {
    frames: src.inlined?.frames.slice() ?? [],
    locs: src.inlined?.locs.slice() ?? [],
  };
  for (let pc = 0; pc < n; pc++) {
    rw.at(pc);
    const st = src.code[pc]!;
    const t = src.ssavaluetypes![pc]!;
    const loc = src.codelocs[pc] ?? 0;
    const call = callOf(st);
    if (call && call.head.name === 'invoke') {
      const mi = call.args[0] as MethodInstance;
      const f = state.facts[pc];
      const fargs = call.args.slice(1).map(remap);
      // (arguments are narrowed before the callee is looked at: copies left unused are dead code)
      const args = f?.argsNarrowed ? fargs : narrowArgs(b, mi, fargs, slots, loc);
      const cc = inlineable(mi, input, f?.inlineCode);
      const val = cc && emitInlined(b, cc, mi, args, loc, slots, table, nested);
      if (val !== undefined) {
        if (st === call) {
          // a value that is a slot must be read now: the slot may change before the value's uses
          ssaMap[pc + 1] = val instanceof SlotNumber ? b.push(val, t, loc) : val;
        } else {
          ssaMap[pc + 1] = b.push(new Expr(Sym.of('='), [(st as Expr).args[0]!, val]), t, loc);
        }
        continue;
      }
    }
    ssaMap[pc + 1] = b.push(remap(st), t, loc);
  }
  rw.finish();
  const ci = withCode(src, b, slots);
  if (table.frames.length) ci.inlined = table;
  return { ci, facts: [] };
}

/** The operands of an invoke to inline, each slot or value whose type is wider than the instance's parameter (one
 *  narrowed by a condition, such as `x !== nothing`) copied into a value of the parameter's type: the inlined body
 *  then sees its argument as typed, as it was inferred. */
function narrowArgs(b: Builder, mi: MethodInstance, args: Value[], slots: SlotTable, loc: number): Value[] {
  const spec = (mi.specTypes as DataType).parameters as JType[];
  return args.map((a, k) => {
    const p = spec[k],
      t = a instanceof SlotNumber ? slots.types[a.id - 1] : a instanceof SSAValue ? b.types[a.id - 1] : undefined;
    return t !== undefined && p instanceof DataType && p !== t && issubtype(p, t) ? b.push(a, p, loc) : a;
  });
}

function inlineable(mi: MethodInstance, input: OptimizeInput, specialized?: CodeInfo): CodeInfo | undefined {
  if (mi === input.mi) return undefined;
  const cc = specialized ?? input.calleeCode(mi)?.inferred;
  if (!cc) return undefined;
  if (cc.inlining === 'noinline') return undefined;
  const limit = cc.inlining === 'inline' ? INLINE_MAX_FORCED : INLINE_MAX_STATEMENTS;
  if (inlineCost(cc) > limit) return undefined;
  // a recursive callee stays a call (its calls to itself would be copied into the caller)
  if (cc.code.some(st => callOf(st)?.head.name === 'invoke' && callOf(st)!.args[0] === mi)) return undefined;
  // a varargs callee is inlined for a call of known arity (its instance's signature ends in no Vararg)
  if (cc.isva && ((mi.specTypes as DataType).parameters as JType[]).some(p => p instanceof VarargType))
    return undefined;
  // a read that may find a local unassigned throws; inlined, its error would lose the callee's frame
  if (readsMaybeUnassigned(cc)) return undefined;
  // exception handling regions are not inlined
  if (
    cc.code.some(
      st => st instanceof Expr && ['enter', 'leave', 'the_exception', 'pop_exception'].includes(st.head.name),
    )
  )
    return undefined;
  return cc;
}

/** the statements of a body that do work: moves between locals and values (a split local's stores and reads, a
 *  narrowing copy), unconditional jumps and constants compile to nothing or next to nothing */
function inlineCost(cc: CodeInfo): number {
  let n = 0;
  for (const st of cc.code) {
    if (st instanceof SlotNumber || st instanceof SSAValue || st instanceof GotoNode || st instanceof NewvarNode)
      continue;
    if (st instanceof Expr && st.head.name === '=' && !(st.args[1] instanceof Expr)) continue;
    if (!(st instanceof Expr || st instanceof GotoIfNot || st instanceof ReturnNode || st instanceof GlobalRef))
      continue;
    n++;
  }
  return n;
}

/** Emits a callee's body in place of a call at `loc`; returns the operand for its result. Arguments the callee
 *  never stores to are replaced by the call's operands; its other slots become new slots of the caller; each
 *  `return` stores to a result slot and jumps past the body (a single final return just yields its value). Each
 *  emitted statement is located in the call's frame, added to `table`. */
function emitInlined(
  b: Builder,
  cc: CodeInfo,
  mi: MethodInstance,
  args: Value[],
  loc: number,
  slots: SlotTable,
  table: InlinedCalls,
  nested: (mi: MethodInstance, depth: number) => CodeInfo | undefined,
  depth = 0,
): Value {
  const sparams = mi.sparamVals;
  if (cc.isva) {
    // the trailing arguments are the varargs slot's tuple
    const spec = (mi.specTypes as DataType).parameters as JType[];
    const rest = b.push(
      new Expr(Sym.of('call'), [builtinNamed('tuple'), ...args.slice(cc.nargs - 1)]),
      tupleType(spec.slice(cc.nargs - 1)),
      loc,
    );
    args = [...args.slice(0, cc.nargs - 1), rest];
  }
  const locOf = inlinedLocs(table, cc, mi, loc);
  const stored = new Set<number>();
  for (const st of cc.code)
    if (st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber) stored.add(st.args[0].id);
  // callee slot -> caller operand (unstored arguments) or new caller slot
  const slotMap: Value[] = [];
  const newSlot = (k: number): SlotNumber => addSlot(slots, 'inl', cc.slottypes?.[k - 1] ?? T.Any!);
  for (let k = 1; k <= cc.slotnames.length; k++)
    slotMap[k] = k <= cc.nargs && !stored.has(k) ? args[k - 1]! : newSlot(k);
  const returns = cc.code.filter(st => st instanceof ReturnNode).length;
  const simpleReturn = returns === 1 && cc.code[cc.code.length - 1] instanceof ReturnNode;
  const result = simpleReturn ? undefined : newSlot(0);
  if (result) slots.types[result.id - 1] = cc.rettype ?? T.Any!;
  const view = new CodeInfo();
  view.ssavaluetypes = b.types;
  view.slottypes = slots.types;
  const ssa: Value[] = [];
  const subst = (x: Value): Value => {
    if (x instanceof SlotNumber) return slotMap[x.id]!;
    if (x instanceof SSAValue) return ssa[x.id]!;
    if (x instanceof Expr) {
      if (x.head.name === 'static_parameter') {
        const v = sparams[(x.args[0] as number) - 1];
        if (v !== undefined && !(v instanceof TypeVar)) return constOperand(v as Value);
      }
      return new Expr(x.head, x.args.map(subst));
    }
    return x;
  };
  const emit = (st: Value, t: JType, k: number): SSAValue => b.push(st, refineType(view, st, t), locOf(k));
  // arguments the callee stores to start as copies of the call's operands
  for (let k = 1; k <= cc.nargs; k++)
    if (stored.has(k))
      b.push(new Expr(Sym.of('='), [slotMap[k]!, args[k - 1]!]), slots.types[(slotMap[k] as SlotNumber).id - 1]!, loc);
  const first: number[] = []; // callee statement (1-based) -> index (0-based) of its first emitted statement
  const jumps: { at: number; to: number }[] = [];
  const exits: number[] = [];
  let value: Value | undefined = result;
  for (let k = 0; k < cc.code.length; k++) {
    first[k + 1] = b.code.length;
    const st = cc.code[k]!;
    if (st instanceof ReturnNode) {
      if (!result) {
        value = subst(st.val);
        continue;
      } // the single, final return
      emit(new Expr(Sym.of('='), [result, subst(st.val)]), cc.rettype ?? T.Any!, k);
      if (k < cc.code.length - 1) {
        b.push(new GotoNode(0), Bottom, loc);
        exits.push(b.code.length - 1);
      }
      continue;
    }
    if (st instanceof GotoNode) {
      b.push(new GotoNode(0), Bottom, loc);
      jumps.push({ at: b.code.length - 1, to: st.label });
      continue;
    }
    if (st instanceof GotoIfNot) {
      emit(new GotoIfNot(subst(st.cond), 0), Bottom, k);
      jumps.push({ at: b.code.length - 1, to: st.dest });
      continue;
    }
    if (st instanceof NewvarNode) {
      const sl = slotMap[st.slot.id];
      if (sl instanceof SlotNumber) b.push(new NewvarNode(sl), Bottom, loc);
      ssa[k + 1] = new SSAValue(0);
      continue;
    }
    const sst = subst(st);
    // a statement that is just a constant or an earlier value needs no statement of its own
    if (!(sst instanceof Expr || sst instanceof SlotNumber || sst instanceof GlobalRef)) {
      ssa[k + 1] = sst;
      continue;
    }
    // a call in the inlined body, now with the call site's operands, may itself be inlined
    const inner = callOf(sst);
    if (inner && inner.head.name === 'invoke') {
      const icc = nested(inner.args[0] as MethodInstance, depth + 1);
      const v =
        icc &&
        emitInlined(
          b,
          icc,
          inner.args[0] as MethodInstance,
          inner.args.slice(1),
          locOf(k),
          slots,
          table,
          nested,
          depth + 1,
        );
      if (v !== undefined) {
        const t = cc.ssavaluetypes![k]!;
        if (sst === inner) ssa[k + 1] = v instanceof SlotNumber ? b.push(v, t, loc) : v;
        else ssa[k + 1] = b.push(new Expr(Sym.of('='), [(sst as Expr).args[0]!, v]), t, loc);
        continue;
      }
    }
    ssa[k + 1] = emit(sst, cc.ssavaluetypes![k]!, k);
  }
  const end = b.code.length + 1; // 1-based index of the statement after the body
  first[cc.code.length + 1] = end - 1;
  for (const j of jumps) {
    const to = first[j.to]! + 1;
    const st = b.code[j.at]!;
    b.code[j.at] = st instanceof GotoIfNot ? new GotoIfNot(st.cond, to) : new GotoNode(to);
    b.finalLabels.add(j.at);
  }
  for (const e of exits) {
    b.code[e] = new GotoNode(end);
    b.finalLabels.add(e);
  }
  return value!;
}

/** The locations, in the caller, of a callee's statements inlined at `loc`: the call gets a frame in `table`, and
 *  the frames of calls the callee had inlined itself are added under it. */
function inlinedLocs(table: InlinedCalls, cc: CodeInfo, mi: MethodInstance, loc: number): (k: number) => number {
  const outer = loc < 0 ? table.locs[-1 - loc]! : undefined;
  const frame = table.frames.length;
  table.frames.push({ mi, parent: outer ? outer.frame : -1, callLine: outer ? outer.line : loc });
  const frames = new Map<number, number>(); // the callee's inlined frame -> the caller's
  const frameOf = (f: number): number => {
    let g = frames.get(f);
    if (g === undefined) {
      const fr = cc.inlined!.frames[f]!;
      const parent = fr.parent < 0 ? frame : frameOf(fr.parent);
      frames.set(f, (g = table.frames.length));
      table.frames.push({ mi: fr.mi, parent, callLine: fr.callLine });
    }
    return g;
  };
  const seen = new Map<string, number>();
  return k => {
    const l = cc.codelocs[k] ?? 0;
    const at = l < 0 && cc.inlined ? cc.inlined.locs[-1 - l]! : undefined;
    const line = at ? at.line : Math.max(l, 0),
      f = at ? frameOf(at.frame) : frame;
    const key = `${line}:${f}`;
    let r = seen.get(key);
    if (r === undefined) {
      table.locs.push({ line, frame: f });
      seen.set(key, (r = -table.locs.length));
    }
    return r;
  };
}

/** A builtin call's type again, with the operands it has now (inlined code often has constant operands where the
 *  callee's own inference had only types: `getfield(p, :a)` instead of `getfield(p, f::Symbol)`). */
function refineType(ci: CodeInfo, st: Value, t: JType): JType {
  if (!(st instanceof Expr) || st.head.name !== 'call' || !(st.args[0] instanceof BuiltinFunction)) return t;
  const r = widenconst(
    builtinTfunc(
      st.args[0],
      st.args.slice(1).map(a => operandLattice(ci, a)),
    ),
  );
  return lessequal(r, t) ? r : t;
}
