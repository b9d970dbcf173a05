// Foreign calls (`ccall`, Base's `foreigncall`s) compiled to wasm: numeric functions (libm) take and return unboxed
// numbers, and the string primitives Base is built on run in wasm over V8's string builtins.
import { T, Sym, QuoteNode, type Expr } from '../runtime/values.ts';
import { mathForeign } from '../runtime/foreign.ts';
import { isVec, type Kind } from './kinds.ts';
import type { OperandEmitter } from './operands.ts';

/** A foreign call in wasm, or undefined to call it through the runtime's generic `foreign_<n>` import. */
export function emitForeignCall(e: OperandEmitter, ex: Expr): [string, Kind] | undefined {
  const mb = e.mb;
  const rt = e.valueOf(ex.args[1]!);
  const args = ex.args.slice(2);
  const ak = args.map(x => e.operandKind(x));
  const fname = ex.args[0] as QuoteNode | Sym;
  const fsym = fname instanceof QuoteNode ? fname.value : fname;
  if (
    rt === T.Float64 &&
    fsym instanceof Sym &&
    fsym.name === 'jl_hypot' &&
    ak.length === 2 &&
    ak.every(k => k === 'f64')
  )
    return [`(call ${mb.hypot()} ${e.operand(args[0]!, 'f64')} ${e.operand(args[1]!, 'f64')})`, 'f64'];
  // string primitives compiled to wasm over V8's string builtins
  if (fsym instanceof Sym) {
    const fn = fsym.name;
    const vk = ak[0];
    if ((fn === 'jl_array_grow_end' || fn === 'jl_array_del_end') && isVec(vk) && ak[1] === 'i64') {
      const call = `(call ${mb.resizeEnd(vk, fn === 'jl_array_grow_end')} ${e.operand(args[0]!, vk)} ${e.operand(args[1]!, 'i64')})`;
      return [`(block (result externref) ${call} ${mb.constRef(T.Nothing!.instance!)})`, 'ref'];
    }
    if (fn === 'jl_int_string' && ak.length === 3 && ak.every(k => k === 'i64'))
      return [`(call ${mb.intString()} ${args.map(x => e.operand(x, 'i64')).join(' ')})`, 'ref'];
    if (fn === 'jl_string_length' && args.length === 1 && e.staticType(args[0]!) === T.String)
      return [`(call ${mb.stringLength()} ${e.operand(args[0]!, 'ref')})`, 'i64'];
    // the byte at i (1-based); callers check the bounds (out of range traps)
    if (
      (fn === 'jl_codeunit_int' || fn === 'jl_codeunit') &&
      args.length === 2 &&
      e.staticType(args[0]!) === T.String &&
      ak[1] === 'i64'
    ) {
      const byte =
        `(call ${mb.jsString('charCodeAt')} ${e.operand(args[0]!, 'ref')} ` +
        `(i32.wrap_i64 (i64.sub ${e.operand(args[1]!, 'i64')} (i64.const 1))))`;
      return fn === 'jl_codeunit' ? [byte, 'UInt8'] : [`(i64.extend_i32_u ${byte})`, 'i64'];
    }
  }
  if (rt === T.Float64 && fsym instanceof Sym && mathForeign[fsym.name] && ak.every(k => k === 'f64'))
    return [`(call ${mb.need(`math_${fsym.name}`, ak, 'f64')} ${args.map(x => e.operand(x, 'f64')).join(' ')})`, 'f64'];
  if ((rt === T.Float64 || rt === T.Int64) && args.length <= 3 && ak.every(k => k === 'f64' || k === 'i64')) {
    const rk: Kind = rt === T.Float64 ? 'f64' : 'i64';
    const name = `foreignt_${rk}_${ak.join('_')}`;
    return [
      `(call ${mb.need(name, ['ref', ...ak], rk)} ${mb.constRef(ex.args[0]!)} ` +
        `${args.map((x, k) => e.operand(x, ak[k]!)).join(' ')})`,
      rk,
    ];
  }
  return undefined;
}
