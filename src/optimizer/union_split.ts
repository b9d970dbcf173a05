// Union splitting: `f(x)` with x::Union{A, B} becomes `isa(x, A) ? invoke f(x::A) : invoke f(x::B)`, the result
// joined in a new slot; with two Union arguments, each combination of members is a case (at most 4). The last member needs no test: inference proved x is one of the members. When a member
// has no method, every case is tested and the rest keeps the dynamic call, which throws (its type is Bottom).
// Each case's invoke may then be inlined by the next pass.
import { T, Sym, Expr, type Value } from '../runtime/values.ts';
import { SSAValue, GotoNode, GotoIfNot } from '../ir/nodes.ts';
import { Bottom, type JType } from '../runtime/types.ts';
import type { UnionSplit } from '../inference/typeinfer.ts';
import { Builder, builtinNamed, slotTableOf, addSlot, replaceCalls, type SlotTable } from './builder.ts';
import type { OptimizationState, Pass } from './pass.ts';

export const unionSplitPass: Pass = { name: 'union_split', run: unionSplit };

function unionSplit(state: OptimizationState): OptimizationState {
  if (!state.facts.some(f => f?.split)) return state;
  const slots = slotTableOf(state.ci);
  return replaceCalls(
    state,
    (b, call, f, t, loc) =>
      f.split && call.head.name === 'call'
        ? b.push(emitSplit(b, call.args[0]!, f.split, call.args.slice(1), loc, slots, t), t, loc)
        : undefined,
    slots,
  );
}

/** Emits the split of one call; returns the slot that holds its result. */
function emitSplit(
  b: Builder,
  f: Value,
  split: UnionSplit,
  args: Value[],
  loc: number,
  slots: SlotTable,
  resultType: JType,
) {
  const res = addSlot(slots, 'split', resultType);
  const isaFn = builtinNamed('isa');
  const ends: number[] = [];
  const tested = split.fallback ? split.cases.length : split.cases.length - 1;
  split.cases.forEach((c, k) => {
    // one test per split argument; a failed one goes to the next case
    const tests: number[] = [];
    if (k < tested)
      split.args.forEach((a, j) => {
        const cond = b.push(new Expr(Sym.of('call'), [isaFn, args[a - 1]!, c.types[j]!]), T.Bool!, loc);
        b.push(new GotoIfNot(cond, 0), Bottom, loc);
        tests.push(b.code.length - 1);
      });
    // the tested arguments, as values of the case's types, so an inlined body sees them so typed
    const narrowed = args.slice();
    split.args.forEach((a, j) => (narrowed[a - 1] = b.push(args[a - 1]!, c.types[j]!, loc)));
    const r = b.push(new Expr(Sym.of('invoke'), [c.mi, f, ...narrowed]), c.rettype, loc, { argsNarrowed: true });
    b.push(new Expr(Sym.of('='), [res, r]), c.rettype, loc);
    if (k < tested) {
      b.push(new GotoNode(0), Bottom, loc);
      ends.push(b.code.length - 1);
    }
    for (const t of tests) {
      b.code[t] = new GotoIfNot((b.code[t] as GotoIfNot).cond, b.code.length + 1);
      b.finalLabels.add(t);
    }
  });
  if (split.fallback) b.push(new Expr(Sym.of('call'), [f, ...args]), Bottom, loc);
  for (const e of ends) {
    b.code[e] = new GotoNode(b.code.length + 1);
    b.finalLabels.add(e);
  }
  return res;
}
