// Splatting over tuples: `f(xs...)` lowers to `Core._apply_iterate(iterate, f, xs)`, which the runtime answers by
// iterating xs and dispatching on the elements, once per call. When inference proved every splatted collection a
// tuple of known length and the flattened call one instance, the call becomes that invoke over the tuples'
// elements (`getfield(xs, i)`), which the next passes may inline (`iterate(g::Generator, s...)` in a loop).
import { Sym, Expr, QuoteNode, isTuple, type Value } from '../runtime/values.ts';
import { builtinNamed, constOperand, replaceCalls } from './builder.ts';
import type { OptimizationState, Pass } from './pass.ts';

export const applyIteratePass: Pass = { name: 'apply_iterate', run: flattenSplats };

function flattenSplats(state: OptimizationState): OptimizationState {
  if (!state.facts.some(f => f?.spread)) return state;
  const getfield = builtinNamed('getfield');
  return replaceCalls(state, (b, call, f, t, loc) => {
    const spread = f.spread;
    if (!spread || call.head.name !== 'call' || call.args.length !== spread.lengths.length + 3) return undefined;
    const flat: Value[] = [];
    let k = 0;
    spread.lengths.forEach((len, g) => {
      const tuple = call.args[g + 3]!;
      // a literal tuple's elements are constants
      const lit = tuple instanceof QuoteNode ? tuple.value : tuple;
      for (let i = 1; i <= len; i++, k++)
        flat.push(
          isTuple(lit)
            ? constOperand(lit[i - 1]!)
            : b.push(new Expr(Sym.of('call'), [getfield, tuple, BigInt(i)]), spread.types[k]!, loc),
        );
    });
    return b.push(new Expr(Sym.of('invoke'), [spread.mi, call.args[2]!, ...flat]), t, loc);
  });
}
