// The runtime reaches the execution engine only through these hooks (installed by src/engine.ts and by the tiers),
// so the runtime never imports the interpreter or the compiler, and compiled code calls back into the engine
// through here too.
import type { Value, Module } from './values.ts';
import type { JType } from './types.ts';
import type { Method, MethodInstance, CodeInfoShape } from './methods.ts';

export const hooks = {
  call: (_f: Value, _args: Value[]): Value => {
    throw new Error('engine not installed');
  },
  /** runs a dispatched method call: the interpreter's invokeMethod, which asks the execution tiers below first */
  invoke: (
    _m: Method,
    _sparams: readonly (JType | Value)[],
    _f: Value,
    _args: Value[],
    _which?: MethodInstance | string,
  ): Value => {
    throw new Error('engine not installed');
  },
  evalIn: (_mod: Module, _ex: Value): Value => {
    throw new Error('engine not installed');
  },
  include: (_mod: Module, _path: string): Value => {
    throw new Error('engine not installed');
  },
};

/** runs method `m` for a call of `f` on `args` the way the engine does (see hooks.invoke) */
export function invokeMethod(
  m: Method,
  sparams: readonly (JType | Value)[],
  f: Value,
  args: Value[],
  which?: MethodInstance | string,
): Value {
  return hooks.invoke(m, sparams, f, args, which);
}

/** Which code runs for a method call: the lowered source unless an execution tier (typed code, compiled code)
 *  installed here supplies another body for this call. `which` names the specialization when the caller knows it:
 *  its MethodInstance, or the key of its argument types. `native`, when installed, runs the call as compiled code
 *  if it can (and returns undefined if not). */
export const execHooks = {
  codeFor: undefined as
    | ((
        m: Method,
        sparams: readonly (JType | Value)[],
        f: Value,
        args: Value[],
        which?: MethodInstance | string,
      ) => CodeInfoShape | undefined)
    | undefined,
  native: undefined as
    | ((
        m: Method,
        sparams: readonly (JType | Value)[],
        f: Value,
        args: Value[],
        which?: MethodInstance | string,
      ) => { value: Value } | undefined)
    | undefined,
};

/** Called after a method is added (the world counter already bumped): compiled and inferred code that may now
 *  dispatch differently is invalidated by whoever listens (inference, codegen). */
export const methodAddedListeners: ((m: Method) => void)[] = [];

/** Compiled code kept across processes (src/image/code_store.ts installs `lookup`): asked for an instance that
 *  is about to be inferred or compiled; whether it installed code for it (its CodeInstance, and native code). */
export const codeCache = {
  lookup: undefined as ((mi: MethodInstance) => boolean) | undefined,
};
