// The runtime reaches the execution engine only through these hooks (installed by src/engine.ts), so the runtime
// never imports the interpreter or, later, the compiler.
import type { Value, Module } from './values.ts';

export const hooks = {
  call: (_f: Value, _args: Value[]): Value => { throw new Error('engine not installed'); },
  evalIn: (_mod: Module, _ex: Value): Value => { throw new Error('engine not installed'); },
  include: (_mod: Module, _path: string): Value => { throw new Error('engine not installed'); },
};
