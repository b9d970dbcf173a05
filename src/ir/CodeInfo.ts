// CodeInfo: a lowered method body (or toplevel thunk) in SSA form, as Julia's Core.CodeInfo.
// Statements are Jolt values (Expr, GotoNode, GotoIfNot, ReturnNode, NewvarNode, SSAValue, SlotNumber (nodes.ts),
// GlobalRef, QuoteNode or a literal); the exact set lowering may emit is listed in docs/ARCHITECTURE.md ("Lowered IR").
import { JObj, T, type Value, type Sym } from '../runtime/values.ts';
import type { DataType, JType } from '../runtime/types.ts';
import type { CodeInfoShape, InlinedCalls } from '../runtime/methods.ts';

/** slot flags, as Julia's: bit 2 = assigned, bit 3 = assigned by a closure (captured), bit 5 = used undef */
export const SLOT_ASSIGNED = 2,
  SLOT_CAPTURED = 4,
  SLOT_ASSIGNEDONCE = 16,
  SLOT_USEDUNDEF = 32;

/** `implements`: Method and CodeInstance hold bodies by this shape (src/runtime does not import the IR) */
export class CodeInfo extends JObj implements CodeInfoShape {
  /** statements; SSAValue(i) is the value of code[i-1] */
  code: Value[] = [];
  /** source line of each statement (0 = none) */
  codelocs: number[] = [];
  /** source file of this body */
  file = 'none';
  /** slot names: slot 1 is `#self#`, then the arguments, then locals */
  slotnames: Sym[] = [];
  slotflags: number[] = [];
  /** number of arguments, including #self# */
  nargs = 0;
  isva = false;
  /** names of static parameters (`where` variables), for Expr(:static_parameter, i) */
  sparam_names: Sym[] = [];
  /** function name shown in stack traces */
  name = 'top-level scope';
  /** filled by inference: the type of each SSA value, and of each slot */
  ssavaluetypes: JType[] | undefined = undefined;
  slottypes: JType[] | undefined = undefined;
  rettype: JType | undefined = undefined;
  /** the method's `@inline`/`@noinline`/`@inbounds` annotations */
  inlining: 'default' | 'inline' | 'noinline' = 'default';
  /** the calls the optimizer inlined here (absent when none): negative `codelocs` entries refer to it */
  declare inlined?: InlinedCalls;
  get jtype(): DataType {
    return T.CodeInfo!;
  }
}
