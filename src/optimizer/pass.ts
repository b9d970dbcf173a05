// What the optimizer's passes share: the input from inference (declared there: inference hands it over), the code
// between passes with what inference learned about each of its statements, and the shape of a pass.
import type { Value } from '../runtime/values.ts';
import type { CodeInfo } from '../ir/CodeInfo.ts';
import type { UnionSplit, Spread, OptimizeInput } from '../inference/typeinfer.ts';

export type { OptimizeInput };

/** What inference learned about one statement of the input, for the passes that act on it. A pass that rewrites
 *  a statement carries its facts to what it emits in its place, when they still hold there. */
export interface StatementFacts {
  /** the constant the statement returns */
  constant?: Value;
  /** the call is free of throws and effects */
  foldable?: boolean;
  reachable?: boolean;
  split?: UnionSplit;
  /** a splatting call over tuples that is one instance's invoke */
  spread?: Spread;
  /** the callee's code specialized for the call's constants */
  inlineCode?: CodeInfo;
  /** the arguments of this invoke already have its instance's parameter types (a union-split case) */
  argsNarrowed?: boolean;
}

/** The code between passes: `facts[pc]` describes `ci.code[pc]` (undefined for statements passes made up). */
export interface OptimizationState {
  ci: CodeInfo;
  facts: (StatementFacts | undefined)[];
}

export interface Pass {
  /** the name `optimizeUntil` and the IR verifier's messages use */
  readonly name: string;
  run(state: OptimizationState, input: OptimizeInput): OptimizationState;
}
