// Folding: drops the statements inference never reached, decides branches on conditions inference proved
// constant, and replaces calls inference proved constant (and free of throws and effects) by their value.
import { Sym, Expr, BuiltinFunction, type Value } from '../runtime/values.ts';
import { SSAValue, GotoNode, GotoIfNot, SlotNumber } from '../ir/nodes.ts';
import { Bottom } from '../runtime/types.ts';
import type { CodeInfo } from '../ir/CodeInfo.ts';
import { Const } from '../inference/lattice.ts';
import { isPureBuiltin } from '../inference/tfuncs.ts';
import { withCode, callOf, constOperand, Rewrite } from './builder.ts';
import { operandLattice, statementEffects, type CalleeCode } from './effects.ts';
import type { OptimizationState, OptimizeInput, Pass } from './pass.ts';

export const foldPass: Pass = { name: 'fold', run: fold };

function fold(state: OptimizationState, input: OptimizeInput): OptimizationState {
  const src = state.ci,
    facts = state.facts;
  const n = src.code.length;
  const rw = new Rewrite(n);
  const { b, ssaMap, remap } = rw;
  const reachable = (pc: number): boolean => facts[pc]?.reachable ?? false;
  for (let pc = 0; pc < n; pc++) {
    rw.at(pc);
    if (!reachable(pc)) {
      ssaMap[pc + 1] = new SSAValue(pc + 1);
      continue;
    }
    const st = src.code[pc]!;
    const t = src.ssavaluetypes![pc]!;
    const loc = src.codelocs[pc] ?? 0;
    const f = facts[pc];
    if (st instanceof GotoIfNot) {
      const c =
        st.cond instanceof SSAValue
          ? facts[st.cond.id - 1]?.constant
          : typeof st.cond === 'boolean'
            ? st.cond
            : undefined;
      // a branch to code inference never reached is never taken (a jump left there would land on whatever
      // statement follows the deleted code)
      if (c === true || !reachable(st.dest - 1)) continue;
      if (c === false || !reachable(pc + 1)) {
        b.push(new GotoNode(st.dest), Bottom, loc);
        continue;
      }
    }
    const call = callOf(st);
    const k = f?.constant;
    if (call && k !== undefined && (f?.foldable || foldable(src, call, input.calleeCode))) {
      const v = constOperand(k);
      ssaMap[pc + 1] = v;
      // a slot assignment keeps the store, with the constant
      if (st !== call) b.push(new Expr(Sym.of('='), [(st as Expr).args[0]!, v]), t, loc);
      continue;
    }
    ssaMap[pc + 1] = b.push(remap(st), t, loc, f && { split: f.split, spread: f.spread, inlineCode: f.inlineCode });
  }
  rw.finish();
  return { ci: withCode(src, b), facts: b.facts };
}

function foldable(ci: CodeInfo, call: Expr, calleeCode: CalleeCode): boolean {
  const e = statementEffects(ci, call, calleeCode);
  if (call.head.name === 'invoke') return e.nothrow && e.effectFree;
  // a pure builtin with a constant result: inference ran it successfully on these very constants
  const f = operandLattice(ci, call.args[0]!);
  return f instanceof Const && f.val instanceof BuiltinFunction && isPureBuiltin(f.val);
}

/** A pure builtin on constant operands (often exposed by inlining), evaluated now: the operand for its value. */
export function foldConstantCall(ci: CodeInfo, st: Value): Value | undefined {
  if (
    !(st instanceof Expr) ||
    st.head.name !== 'call' ||
    !(st.args[0] instanceof BuiltinFunction) ||
    !isPureBuiltin(st.args[0])
  )
    return undefined;
  const args: Value[] = [];
  for (const a of st.args.slice(1)) {
    const l = a instanceof SSAValue || a instanceof SlotNumber ? undefined : operandLattice(ci, a);
    if (!(l instanceof Const)) return undefined;
    args.push(l.val);
  }
  try {
    return constOperand(st.args[0].impl(args));
  } catch {
    return undefined;
  }
}
