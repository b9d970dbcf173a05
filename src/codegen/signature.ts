// A compiled instance's wasm signature: how its callers (compiled code, the interpreter) pass arguments to it.
import { DataType, Bottom, type JType } from '../runtime/types.ts';
import type { CodeInstance } from '../runtime/methods.ts';
import { kindOf, type Kind } from './kinds.ts';

/** a compiled instance's wasm signature: whether #self# is passed, parameter kinds, result kind */
export interface Signature {
  self: boolean;
  params: Kind[];
  result: Kind | undefined;
}

export function signatureOf(ci: CodeInstance): Signature {
  const st = (ci.def.specTypes as DataType).parameters as JType[];
  const self = !(st[0] instanceof DataType && st[0].instance !== undefined);
  const params: Kind[] = [];
  if (self) params.push('ref');
  for (let k = 1; k < st.length; k++) params.push(kindOf(st[k]));
  return { self, params, result: ci.rettype === Bottom ? undefined : kindOf(ci.rettype) };
}
