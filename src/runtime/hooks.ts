// The runtime reaches the execution engine only through these hooks (installed by src/engine.ts), so the runtime
// never imports the interpreter or, later, the compiler.
import type { Value, Module } from './values.ts';
import type { Method } from './methods.ts';

export const hooks = {
  call: (_f: Value, _args: Value[]): Value => {
    throw new Error('engine not installed');
  },
  evalIn: (_mod: Module, _ex: Value): Value => {
    throw new Error('engine not installed');
  },
  include: (_mod: Module, _path: string): Value => {
    throw new Error('engine not installed');
  },
};

/** Called after a method is added (the world counter already bumped): compiled and inferred code that may now
 *  dispatch differently is invalidated by whoever listens (inference, codegen). */
export const methodAddedListeners: ((m: Method) => void)[] = [];
