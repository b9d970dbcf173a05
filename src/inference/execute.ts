// The typed tier: method calls run their inferred, optimized code in the interpreter instead of the lowered
// source (`--compile=typed`). It executes exactly what codegen compiles, so every program test run this way checks
// inference and the optimizer against the interpreter's reference semantics.
import type { Value } from '../runtime/values.ts';
import type { JType } from '../runtime/types.ts';
import { MethodInstance, type Method } from '../runtime/methods.ts';
import type { CodeInfo } from '../ir/CodeInfo.ts';
import { dispatchTypeOf } from '../runtime/typeof.ts';
import { execHooks } from '../runtime/hooks.ts';
import { state as interpState } from '../runtime/modules.ts';
import { inferMethodInstance, specialize } from './typeinfer.ts';

export const typedTierStats = { failures: 0 };

export function typedCodeFor(
  m: Method,
  sparams: readonly (JType | Value)[],
  f: Value,
  args: Value[],
  which?: MethodInstance | string,
): CodeInfo | undefined {
  if (!m.source) return undefined;
  try {
    let mi =
      which instanceof MethodInstance ? which : typeof which === 'string' ? m.specializations.get(which) : undefined;
    mi ??= specialize(m, [dispatchTypeOf(f), ...args.map(dispatchTypeOf)], sparams);
    // the common case: this instance's current inference, first in its cache
    // (inferred for the world the running toplevel statement sees, as dispatch does)
    const w = interpState.world;
    const ci = mi.cache[0];
    if (ci && ci.max_world >= w && ci.min_world <= w) return ci.inferred;
    return inferMethodInstance(mi, w).inferred;
  } catch (e) {
    // a bug in inference must not change what the program does: run the lowered code, and say so when debugging
    typedTierStats.failures++;
    if (process.env.JOLT_DEBUG) process.stderr.write(`inference failed for ${m.name.name}: ${(e as Error).stack}\n`);
    return undefined;
  }
}

export function enableTypedTier(): void {
  execHooks.codeFor = typedCodeFor;
}
