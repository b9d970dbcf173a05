// The optimizer on typed IR: a pipeline of named passes, each in a file of its own, run in order over the code
// inference typed. Together they remove unreachable code, fold statements inference proved constant, turn splatting calls over tuples into plain calls, split calls on
// Union-typed arguments, inline small straight-line callees, replace aggregates by their fields and delete dead
// pure statements. At the end the optimizer derives the code's effects (can it throw? does it have side effects?),
// which callers use to decide folding, inlining and deletion.
//
// Passes rebuild statements in one forward sweep (see builder.ts). With `JOLT_VERIFY_IR=1` in the environment the
// IR verifier checks the code after every pass, and names the pass that broke it.
import type { CodeInfo } from '../ir/CodeInfo.ts';
import { readsMaybeUnassigned } from '../ir/definite_assignment.ts';
import { verifyIR, IRVerificationError } from '../ir/verify.ts';
import { statementEffects } from './effects.ts';
import { forwardSlots, forwardSlotsPass } from './forward_slots.ts';
import { foldPass } from './fold.ts';
import { unionSplitPass } from './union_split.ts';
import { applyIteratePass } from './apply_iterate.ts';
import { inliningPass } from './inlining.ts';
import { splitSlotsPass, splitMutablesPass } from './scalar_replacement.ts';
import { deadCodePass } from './dead_code.ts';
import type { OptimizeResult } from '../inference/typeinfer.ts';
import type { OptimizeInput, OptimizationState, Pass } from './pass.ts';

export type { OptimizeInput, OptimizationState, Pass, StatementFacts } from './pass.ts';
export { INLINE_MAX_STATEMENTS } from './inlining.ts';

export const optimizerSettings = {
  enabled: true,
  /** check the IR after every pass (and the input before the first) */
  verify: process.env.JOLT_VERIFY_IR === '1',
  /** called with every input the optimizer is given (tests read the stages of the pipeline with optimizeUntil) */
  observe: undefined as ((input: OptimizeInput) => void) | undefined,
};

/** The passes, in the order they run. */
export const passes: Pass[] = [
  forwardSlotsPass,
  foldPass,
  applyIteratePass,
  unionSplitPass,
  inliningPass,
  // inlined bodies bring slots of their own
  {
    name: 'forward_inlined_slots',
    run: state => ({ ci: forwardSlots(state.ci), facts: state.facts }),
  },
  splitSlotsPass,
  splitMutablesPass,
  deadCodePass,
];

export function optimize(input: OptimizeInput): OptimizeResult {
  optimizerSettings.observe?.(input);
  const ci = runPasses(input, passes);
  let nothrow = true,
    effectFree = true;
  for (const st of ci.code) {
    const e = statementEffects(ci, st, input.calleeCode);
    nothrow &&= e.nothrow;
    effectFree &&= e.effectFree;
  }
  // a local read before it may have been assigned throws UndefVarError (inference types it as if assigned)
  if (readsMaybeUnassigned(ci)) nothrow = effectFree = false;
  return { code: ci, nothrow, effectFree };
}

/** The code after the passes up to and including the one named `passName` (for tests and for reading the IR as
 *  each pass leaves it). */
export function optimizeUntil(input: OptimizeInput, passName: string): CodeInfo {
  const k = passes.findIndex(p => p.name === passName);
  if (k < 0) throw new Error(`no optimizer pass named ${passName}`);
  return runPasses(input, passes.slice(0, k + 1));
}

function runPasses(input: OptimizeInput, list: readonly Pass[]): CodeInfo {
  const n = input.src.code.length;
  let state: OptimizationState = {
    ci: input.src,
    facts: Array.from({ length: n }, (_, pc) => ({
      constant: input.consts[pc],
      foldable: input.foldable[pc],
      reachable: input.reachable[pc],
      split: input.splits[pc],
      spread: input.spreads[pc],
      inlineCode: input.inlineCode[pc],
    })),
  };
  if (optimizerSettings.verify) check(state.ci, 'inference (the optimizer input)', input);
  for (const pass of list) {
    state = pass.run(state, input);
    if (optimizerSettings.verify) check(state.ci, `optimizer pass ${pass.name}`, input);
  }
  return state.ci;
}

function check(ci: CodeInfo, after: string, input: OptimizeInput): void {
  const problems = verifyIR(ci, { typed: true });
  if (problems.length)
    throw new IRVerificationError(`invalid IR after ${after} in ${input.mi.def.name.name}`, problems, ci);
}
