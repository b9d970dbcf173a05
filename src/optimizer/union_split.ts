// Union splitting: `f(x)` with x::Union{A, B} becomes `isa(x, A) ? invoke f(x::A) : invoke f(x::B)`, the result
// joined in a new slot. The last member needs no test: inference proved x is one of the members. When a member
// has no method, every case is tested and the rest keeps the dynamic call, which throws (its type is Bottom).
// Each case's invoke may then be inlined by the next pass.
import { T, Sym, Expr, type Value } from '../runtime/values.ts';
import { SSAValue, GotoNode, GotoIfNot } from '../ir/nodes.ts';
import { Bottom, type JType } from '../runtime/types.ts';
import type { UnionSplit } from '../inference/typeinfer.ts';
import { Builder, withCode, callOf, builtinNamed, slotTableOf, addSlot, type SlotTable, Rewrite } from './builder.ts';
import type { OptimizationState, Pass } from './pass.ts';

export const unionSplitPass: Pass = { name: 'union_split', run: unionSplit };

function unionSplit(state: OptimizationState): OptimizationState {
  const src = state.ci;
  if (!state.facts.some(f => f?.split)) return state;
  const n = src.code.length;
  const rw = new Rewrite(n);
  const { b, ssaMap, remap } = rw;
  const slots = slotTableOf(src);
  for (let pc = 0; pc < n; pc++) {
    rw.at(pc);
    const st = src.code[pc]!;
    const t = src.ssavaluetypes![pc]!;
    const loc = src.codelocs[pc] ?? 0;
    const f = state.facts[pc];
    const call = callOf(st);
    if (call && f?.split && call.head.name === 'call') {
      const res = emitSplit(b, remap(call.args[0]!), f.split, call.args.slice(1).map(remap), loc, slots, t);
      ssaMap[pc + 1] =
        st === call ? b.push(res, t, loc) : b.push(new Expr(Sym.of('='), [(st as Expr).args[0]!, res]), t, loc);
      continue;
    }
    ssaMap[pc + 1] = b.push(remap(st), t, loc, f && { inlineCode: f.inlineCode });
  }
  rw.finish();
  return { ci: withCode(src, b, slots), facts: b.facts };
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
    let test: number | undefined;
    if (k < tested) {
      const cond = b.push(new Expr(Sym.of('call'), [isaFn, args[split.arg - 1]!, c.type]), T.Bool!, loc);
      b.push(new GotoIfNot(cond, 0), Bottom, loc);
      test = b.code.length - 1;
    }
    // the tested argument, as a value of the member's type, so an inlined body sees it so typed
    const narrowed = args.slice();
    narrowed[split.arg - 1] = b.push(args[split.arg - 1]!, c.type, loc);
    const r = b.push(new Expr(Sym.of('invoke'), [c.mi, f, ...narrowed]), c.rettype, loc, { argsNarrowed: true });
    b.push(new Expr(Sym.of('='), [res, r]), c.rettype, loc);
    if (k < tested) {
      b.push(new GotoNode(0), Bottom, loc);
      ends.push(b.code.length - 1);
    }
    if (test !== undefined) {
      b.code[test] = new GotoIfNot((b.code[test] as GotoIfNot).cond, b.code.length + 1);
      b.finalLabels.add(test);
    }
  });
  if (split.fallback) b.push(new Expr(Sym.of('call'), [f, ...args]), Bottom, loc);
  for (const e of ends) {
    b.code[e] = new GotoNode(b.code.length + 1);
    b.finalLabels.add(e);
  }
  return res;
}
