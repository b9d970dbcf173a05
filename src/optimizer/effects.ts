// Effects of statements: can a statement throw, and does it have side effects? The optimizer asks when it folds,
// inlines or deletes a statement, and sums them over a body for the body's own effects, which callers then use.
import { T, Sym, Expr, QuoteNode, GlobalRef, BuiltinFunction, JObj, type Value } from '../runtime/values.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from '../ir/nodes.ts';
import { DataType, Bottom, type JType } from '../runtime/types.ts';
import type { MethodInstance } from '../runtime/methods.ts';
import type { OptimizeInput } from '../inference/typeinfer.ts';
import type { CodeInfo } from '../ir/CodeInfo.ts';
import { issubtype } from '../runtime/subtype.ts';
import { lookupBinding } from '../runtime/modules.ts';
import { pureForeign } from '../runtime/foreign.ts';
import { Const, type Lattice } from '../inference/lattice.ts';
import { builtinNothrow, isPureBuiltin } from '../inference/tfuncs.ts';

/** the callee's current CodeInstance, when it has one (committed before this caller) */
export type CalleeCode = OptimizeInput['calleeCode'];

/** what the code says an operand is: its inferred type, or the constant it is */
export function operandLattice(ci: CodeInfo, x: Value): Lattice {
  if (x instanceof SSAValue) return ci.ssavaluetypes![x.id - 1]!;
  if (x instanceof SlotNumber) return ci.slottypes![x.id - 1]!;
  if (x instanceof QuoteNode) return new Const(x.value);
  if (x instanceof GlobalRef) {
    const b = lookupBinding(x.mod, x.name);
    const v = b?.get();
    return b?.constant && v !== undefined ? new Const(v) : T.Any!;
  }
  if (x instanceof Expr) return T.Any!;
  return new Const(x);
}

export interface Effects {
  nothrow: boolean;
  effectFree: boolean;
}

export function statementEffects(ci: CodeInfo, st: Value, calleeCode: CalleeCode): Effects {
  if (st instanceof GotoNode || st instanceof NewvarNode) return { nothrow: true, effectFree: true };
  if (st instanceof ReturnNode) return { nothrow: true, effectFree: true };
  if (st instanceof GotoIfNot) {
    const c = operandLattice(ci, st.cond);
    return { nothrow: c === T.Bool || (c instanceof Const && typeof c.val === 'boolean'), effectFree: true };
  }
  if (st instanceof SlotNumber) return { nothrow: (ci.slottypes?.[st.id - 1] ?? Bottom) !== Bottom, effectFree: true };
  if (st instanceof GlobalRef) {
    const l = operandLattice(ci, st);
    return { nothrow: l instanceof Const, effectFree: true };
  }
  if (!(st instanceof Expr)) return { nothrow: true, effectFree: true };
  const a = st.args;
  switch (st.head.name) {
    case '=': {
      const rhs = statementEffects(ci, a[1]!, calleeCode);
      return a[0] instanceof SlotNumber ? rhs : { nothrow: false, effectFree: false };
    }
    case 'call': {
      const f = operandLattice(ci, a[0]!);
      if (f instanceof Const && f.val instanceof BuiltinFunction) {
        const args = a.slice(1).map(x => operandLattice(ci, x));
        return { nothrow: builtinNothrow(f.val, args), effectFree: isPureBuiltin(f.val) || f.val.name === 'getfield' };
      }
      return { nothrow: false, effectFree: false };
    }
    case 'invoke': {
      const cci = calleeCode(a[0] as MethodInstance);
      return { nothrow: cci?.nothrow ?? false, effectFree: cci?.effect_free ?? false };
    }
    case 'new': {
      const t = operandLattice(ci, a[0]!);
      if (!(t instanceof Const) || !(t.val instanceof DataType)) return { nothrow: false, effectFree: true };
      const dt = t.val;
      const ok = a.slice(1).every((x, k) => {
        const ft = dt.types[k];
        const l = operandLattice(ci, x);
        return ft !== undefined && issubtype(l instanceof Const ? ((l.val as JObj).jtype ?? ft) : (l as JType), ft);
      });
      return { nothrow: ok && a.length - 1 === dt.types.length, effectFree: true };
    }
    case 'static_parameter':
      return { nothrow: true, effectFree: true };
    case 'foreigncall': {
      const pure = a[0] instanceof Sym && pureForeign.has(a[0].name);
      return { nothrow: pure, effectFree: pure };
    }
    case 'meta':
    case 'inbounds':
    case 'loopinfo':
    case 'boundscheck':
      return { nothrow: true, effectFree: true };
    default:
      return { nothrow: false, effectFree: false };
  }
}
