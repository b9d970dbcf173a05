// The typed tier: method calls run their inferred, optimized code in the interpreter instead of the lowered
// source (`--compile=typed`). It executes exactly what codegen compiles, so every program test run this way checks
// inference and the optimizer against the interpreter's reference semantics.
import type { Value } from '../runtime/values.ts';
import type { JType } from '../runtime/types.ts';
import type { Method } from '../runtime/methods.ts';
import type { CodeInfo } from '../ir/CodeInfo.ts';
import { dispatchTypeOf } from '../runtime/typeof.ts';
import { execHooks } from '../interpreter/interpret.ts';
import { inferMethodInstance, specialize } from './typeinfer.ts';

export const typedTierStats = { failures: 0 };

export function typedCodeFor(m: Method, sparams: readonly (JType | Value)[], f: Value, args: Value[]): CodeInfo | undefined {
  if (!m.source) return undefined;
  const types = [dispatchTypeOf(f), ...args.map(dispatchTypeOf)];
  try {
    return inferMethodInstance(specialize(m, types, sparams)).inferred;
  } catch (e) {
    // a bug in inference must not change what the program does: run the lowered code, and say so when debugging
    typedTierStats.failures++;
    if (process.env.JOLT_DEBUG) process.stderr.write(`inference failed for ${m.name.name}: ${(e as Error).stack}\n`);
    return undefined;
  }
}

export function enableTypedTier(): void { execHooks.codeFor = typedCodeFor; }
