// Throwing Core exceptions from TypeScript: builds the Jolt exception value and wraps it in a JoltThrow.
import { T, JStruct, JoltThrow, Sym, type Value } from './values.ts';

export function mkException(name: string, fields: Value[]): Value {
  const dt = T[name];
  if (!dt) throw new Error(`unknown exception type ${name}`);
  if (dt.instance !== undefined) return dt.instance;
  return new JStruct(dt, fields);
}
export function jthrow(name: string, ...fields: Value[]): never {
  throw new JoltThrow(mkException(name, fields));
}
export function errorException(msg: string): never {
  jthrow('ErrorException', msg);
}
export function typeError(func: string, context: string, expected: Value, got: Value): never {
  jthrow('TypeError', Sym.of(func), context, expected, got);
}
/** the exceptions being handled by the active catch blocks, innermost last: what `rethrow()` throws again */
export const caughtExceptions: Value[] = [];
