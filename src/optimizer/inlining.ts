// Inlining: an invoke of a small callee that cannot throw becomes the callee's body, emitted in place (nested calls
// in it too, a few levels deep). The callee's code comes from its CodeInstance, or from inference specialized for
// the call's constant arguments.
import { T, Sym, Expr, GlobalRef, BuiltinFunction, type Value } from '../runtime/values.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from '../ir/nodes.ts';
import { DataType, TypeVar, Bottom, type JType } from '../runtime/types.ts';
import type { MethodInstance } from '../runtime/methods.ts';
import { CodeInfo } from '../ir/CodeInfo.ts';
import { issubtype } from '../runtime/subtype.ts';
import { readsMaybeUnassigned } from '../ir/definite_assignment.ts';
import { Const, widenconst, lessequal } from '../inference/lattice.ts';
import { builtinTfunc } from '../inference/tfuncs.ts';
import { Builder, withCode, callOf, constOperand, slotTableOf, addSlot, type SlotTable, Rewrite } from './builder.ts';
import { operandLattice, statementEffects, type CalleeCode } from './effects.ts';
import type { OptimizationState, OptimizeInput, Pass } from './pass.ts';

/** callees with at most this many statements are inlined (`@inline` raises it, `@noinline` forbids) */
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
      const val = cc && emitInlined(b, cc, args, mi.sparamVals, loc, slots, input.calleeCode, nested);
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
  return { ci: withCode(src, b, slots), facts: [] };
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

/** `arrayref(false, a, i)` (or its assignment to a slot) on an Array with Int64 indices */
function inboundsRead(ci: CodeInfo, st: Value): boolean {
  if (st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber)
    return inboundsRead(ci, st.args[1]!);
  if (!(st instanceof Expr && st.head.name === 'call')) return false;
  const f = operandLattice(ci, st.args[0]!),
    flag = operandLattice(ci, st.args[1] ?? 0n);
  if (
    !(f instanceof Const && f.val instanceof BuiltinFunction && f.val.name === 'arrayref') ||
    !(flag instanceof Const && flag.val === false)
  )
    return false;
  const a = widenconst(operandLattice(ci, st.args[2] ?? 0n));
  return (
    a instanceof DataType &&
    a.name === T.Array!.name &&
    st.args.slice(3).every(x => widenconst(operandLattice(ci, x)) === T.Int64)
  );
}

function inlineable(mi: MethodInstance, input: OptimizeInput, specialized?: CodeInfo): CodeInfo | undefined {
  if (mi === input.mi) return undefined;
  const cc = specialized ?? input.calleeCode(mi)?.inferred;
  if (!cc) return undefined;
  if (cc.inlining === 'noinline') return undefined;
  const limit = cc.inlining === 'inline' ? INLINE_MAX_FORCED : INLINE_MAX_STATEMENTS;
  if (cc.code.length > limit || cc.isva) return undefined;
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

/** Emits a callee's body in place of a call; returns the operand for its result. Arguments the callee never
 *  stores to are replaced by the call's operands; its other slots become new slots of the caller; each `return`
 *  stores to a result slot and jumps past the body (a single final return just yields its value).
 *  Inlined code must not throw (a stack trace would lose the callee's frame): that is checked here, with the call
 *  site's operands in place (constant arguments often make a callee's builtins safe), and the emission is undone
 *  if it fails. */
function emitInlined(
  b: Builder,
  cc: CodeInfo,
  args: Value[],
  sparams: readonly (JType | Value)[],
  loc: number,
  slots: SlotTable,
  calleeCode: CalleeCode,
  nested: (mi: MethodInstance, depth: number) => CodeInfo | undefined,
  depth = 0,
): Value | undefined {
  const start = b.code.length,
    nslots = slots.names.length;
  const undo = (): undefined => {
    b.truncate(start);
    slots.names.length = slots.flags.length = slots.types.length = nslots;
    return undefined;
  };
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
  // A statement that may throw is not inlined: its error would be reported at the caller's line. The exception is
  // an element read the callee vouches is in bounds (`arrayref(false, ...)`, as `iterate` on arrays does), where
  // only an #undef element is left to throw.
  const emit = (st: Value, t: JType): SSAValue | undefined => {
    if (!statementEffects(view, st, calleeCode).nothrow && !inboundsRead(view, st)) return undefined;
    return b.push(st, refineType(view, st, t), loc);
  };
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
      if (!emit(new Expr(Sym.of('='), [result, subst(st.val)]), cc.rettype ?? T.Any!)) return undo();
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
      const g = new GotoIfNot(subst(st.cond), 0);
      if (!emit(g, Bottom)) return undo();
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
          inner.args.slice(1),
          (inner.args[0] as MethodInstance).sparamVals,
          loc,
          slots,
          calleeCode,
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
    const r = emit(sst, cc.ssavaluetypes![k]!);
    if (!r) return undo();
    ssa[k + 1] = r;
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
  return value;
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
