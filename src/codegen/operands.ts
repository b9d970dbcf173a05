// Operands of a function being compiled: what a statement's arguments (SSA values, slots, constants, globals) are
// in wasm, in which kind (kinds.ts), and the conversions between kinds. OperandEmitter holds the facts about the
// function that operands depend on; FunctionEmitter (function_emitter.ts) builds on it.
import {
  T,
  Expr,
  QuoteNode,
  GlobalRef,
  JStruct,
  Bits,
  JChar,
  isTuple,
  bitsField,
  type Value,
} from '../runtime/values.ts';
import { SSAValue, SlotNumber } from '../ir/nodes.ts';
import { typeOf } from '../runtime/typeof.ts';
import { ival } from '../runtime/intrinsics.ts';
import { DataType, VarargType, Bottom, type JType } from '../runtime/types.ts';
import type { MethodInstance, CodeInstance, Method } from '../runtime/methods.ts';
import type { CodeInfo } from '../ir/CodeInfo.ts';
import { lookupBinding } from '../runtime/modules.ts';
import { kindOf, orNothing, wasmType, isVec, intRep, intConst, toRaw64, type Kind } from './kinds.ts';
import type { ModuleBuilder } from './module_builder.ts';
import { signatureOf, type Signature } from './signature.ts';
import { MAX_IMPORT_ARITY } from './runtime_imports.ts';
import { NotCompilable } from './not_compilable.ts';
import { floatText } from './wat.ts';

export const NOTHING = (): Value => T.Nothing!.instance!;

/** The function-level facts operands depend on, and operands themselves. */
export class OperandEmitter {
  readonly mb: ModuleBuilder;
  readonly ci: CodeInstance;
  readonly code: CodeInfo;
  readonly mi: MethodInstance;
  readonly m: Method;
  readonly sig: Signature;
  /** the specialization's types (#self# first) */
  readonly st: JType[];
  /** arguments passed one by one (varargs: an instance for a call's argument types makes the tuple itself) */
  readonly nfixed: number;
  readonly nargSlots: number;
  /** constants this copy of the function was specialized on, by argument slot (ModuleBuilder.specializedFor) */
  readonly argConsts: readonly (Value | undefined)[];
  /** a slot's kind comes from everything stored in it (an argument slot may be reassigned, e.g. to a Box) */
  readonly slotKinds: Kind[];
  /** slots assigned somewhere in the code */
  readonly assigned: Set<number>;
  /** bits fields of immutable arguments that are never reassigned are read once, at entry (a loop reading c.re of
   *  a Complex argument then reads a local: the runtime call could not be hoisted by binaryen) */
  readonly argFields = new Map<string, { slot: number; idx: number; kind: Kind }>();
  /** reads of a local that may be unassigned there (`pc:slot`), and the locals that therefore keep a flag */
  undefReads = new Set<string>();
  flaggedSlots = new Set<number>();
  /** whether the scratch local for a reference field read with its #undef check is used */
  usesFieldLocal = false;
  /** the statement being emitted (0-based) */
  curPc = 0;

  constructor(mb: ModuleBuilder, ci: CodeInstance, argConsts: readonly (Value | undefined)[]) {
    this.mb = mb;
    this.ci = ci;
    this.code = ci.inferred!;
    this.mi = ci.def;
    this.m = this.mi.def;
    this.sig = signatureOf(ci);
    this.st = (this.mi.specTypes as DataType).parameters as JType[];
    const m = this.m,
      st = this.st;
    this.nfixed = m.isva ? m.nargs - 1 : st.length;
    if (m.isva && (st.some(p => p instanceof VarargType) || st.length - this.nfixed > MAX_IMPORT_ARITY))
      throw new NotCompilable('varargs of unknown count');
    this.nargSlots = m.nargs;
    this.argConsts = argConsts;
    const code = this.code;
    this.slotKinds = code.slotnames.map((_, k) => kindOf(code.slottypes?.[k]));
    this.assigned = new Set(
      code.code
        .filter(st => st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber)
        .map(st => ((st as Expr).args[0] as SlotNumber).id),
    );
  }

  /** the kind of SSA value `id` (undefined: it never exists, its statement does not return) */
  ssaKind(id: number): Kind | undefined {
    const t = this.code.ssavaluetypes![id - 1];
    return t === Bottom ? undefined : kindOf(t);
  }

  /** an element of a reference vector, of type t, in t's kind, or `raise` when it is null (#undef): a value kept
   *  in a vector of its own is that vector (a cast), any other a JS value */
  nonNull(get: string, raise: string, t: JType): string {
    this.usesFieldLocal = true;
    const x =
      `(block (result anyref) (local.set $fld ${get}) ` +
      `(if (ref.is_null (local.get $fld)) (then ${raise} (unreachable))) (local.get $fld))`;
    const to = kindOf(t);
    // a Union{T, Nothing}: T's vector, or null for the `nothing` kept
    if (isVec(to) && orNothing(t)) return `(call ${this.mb.anyToNullable(to)} ${x})`;
    return isVec(to) ? `(ref.cast (ref null $${to}) ${x})` : this.conv(`(call ${this.mb.fromAny()} ${x})`, 'ref', to);
  }
  /** an argument this copy was specialized on (never reassigned) is a constant; the constants are per argument,
   *  so a vararg method's slot for its varargs (a tuple of the arguments from there on) is none of them */
  slotConst(x: SlotNumber): Value | undefined {
    const fixed = this.m.isva ? this.nfixed : this.nargSlots;
    return x.id <= fixed && !this.assigned.has(x.id) ? this.argConsts[x.id - 1] : undefined;
  }

  /** `expr` of kind `from` as kind `to` */
  conv(expr: string, from: Kind, to: Kind): string {
    const mb = this.mb;
    if (from === to) return expr;
    // a vector boxes to its owner (a null one to `nothing`); an array or struct unboxes to its vector through the
    // runtime (`nothing` to null)
    if (isVec(from)) return this.conv(`(call ${mb.boxVec(from)} ${expr})`, 'ref', to);
    if (isVec(to)) {
      if (from !== 'ref') throw new NotCompilable(`no conversion ${from} -> ${to}`);
      const name = `vec_${to.slice(1)}`;
      if (!mb.imports.has(name))
        mb.imports.set(name, `(import "rt" "${name}" (func $${name} (param externref) (result (ref null $${to}))))`);
      return `(call $${name} ${expr})`;
    }
    if (to === 'ref') return `(call ${mb.need(`box_${from}`, [from], 'ref')} ${expr})`;
    if (from === 'ref') return `(call ${mb.need(`unbox_${to}`, ['ref'], to)} ${expr})`;
    throw new NotCompilable(`no conversion ${from} -> ${to}`);
  }
  /** a constant in kind `to` */
  constant(v: Value, to: Kind): string {
    if (to === 'i64' && typeof v === 'bigint') return `(i64.const ${BigInt.asIntN(64, v)})`;
    if (to === 'f64' && typeof v === 'number') return `(f64.const ${floatText(v)})`;
    if (to === 'i32' && typeof v === 'boolean') return `(i32.const ${v ? 1 : 0})`;
    if (to === 'ref') return this.mb.constRef(v);
    // `nothing` where a WasmGC vector is kept: the placeholder a split local starts with (optimize.ts splitSlots)
    if (isVec(to) && v === NOTHING()) return `(ref.null $${to})`;
    // the other bits kinds: a constant of exactly that type
    const r = intRep(to);
    if (r && kindOf(typeOf(v)) === to) return intConst(r, ival(v));
    if (to === 'Float32' && v instanceof Bits && v.type === T.Float32) return `(f32.const ${floatText(v.v as number)})`;
    // a constant of another kind than wanted: box it through the constant pool
    return this.conv(this.mb.constRef(v), 'ref', to);
  }
  /** the kind an operand has where it is kept */
  operandKind(x: Value): Kind {
    if (x instanceof SSAValue) return this.ssaKind(x.id) ?? 'ref';
    if (x instanceof SlotNumber) return this.slotKinds[x.id - 1]!;
    if (x instanceof QuoteNode) return 'ref';
    if (x instanceof GlobalRef) {
      const c = globalConst(x);
      return c === undefined ? 'ref' : literalKind(c);
    }
    return literalKind(x);
  }
  /** an operand in kind `to` */
  operand(x: Value, to: Kind): string {
    const mb = this.mb;
    if (x instanceof SSAValue) {
      const k = this.ssaKind(x.id);
      if (!k) throw new NotCompilable('use of a value that never exists');
      return this.conv(`(local.get $s${x.id})`, k, to);
    }
    if (x instanceof SlotNumber) {
      if (x.id === 1 && !this.sig.self) return this.constant(selfValue(this.st[0]!), to);
      const c = this.slotConst(x);
      if (c !== undefined) return this.constant(c, to);
      const get = `(local.get ${slotLocal(x.id)})`;
      const sk = this.slotKinds[x.id - 1]!;
      // a local this read may find unassigned: its flag says whether it was (Julia's UndefVarError)
      const read = this.undefReads.has(`${this.curPc}:${x.id}`)
        ? `(block (result ${wasmType(sk)}) (if (i32.eqz (local.get $def${x.id})) ` +
          `(then (call ${mb.need('throw_undefvar', ['ref'], undefined)} ` +
          `${mb.constRef(this.code.slotnames[x.id - 1]!)}) (unreachable))) ${get})`
        : get;
      return this.conv(read, sk, to);
    }
    if (x instanceof QuoteNode) return this.constant(x.value, to);
    if (x instanceof GlobalRef) {
      const c = globalConst(x);
      if (c !== undefined) return this.constant(c, to);
      return this.conv(`(call ${mb.need('getglobal', ['ref'], 'ref')} ${mb.constRef(x)})`, 'ref', to);
    }
    if (x instanceof Expr) throw new NotCompilable('nested expression operand');
    return this.constant(x, to);
  }
  /** an operand as a reference vector keeps it (gc_arrays.wat): a value kept as a WasmGC vector as that vector, a
   *  bits value boxed, any other JS value internalized */
  anyOperand(x: Value): string {
    const k = this.operandKind(x);
    if (isVec(k))
      return orNothing(this.staticType(x))
        ? `(call ${this.mb.nullableToAny(k)} ${this.operand(x, k)})`
        : this.operand(x, k);
    if (k === 'ref') return this.mb.toAny(this.operand(x, 'ref'), this.staticType(x));
    return `(any.convert_extern ${this.operand(x, 'ref')})`;
  }
  /** an operand stored in a field of type ft of a struct kept in a reference vector: a bits field as its box */
  refFieldOperand(x: Value, ft: JType): string {
    if (!bitsField(ft)) return this.anyOperand(x);
    const fk = kindOf(ft);
    return `(struct.new $bits ${toRaw64(fk, this.operand(x, fk))})`;
  }
  /** an operand's value where it is known at compile time */
  valueOf(x: Value): Value | undefined {
    if (x instanceof QuoteNode) return x.value;
    if (x instanceof SlotNumber) return this.slotConst(x);
    if (x instanceof GlobalRef) return globalConst(x);
    if (x instanceof SSAValue || x instanceof Expr) return undefined;
    return x;
  }
  /** an operand's type as inference knows it */
  staticType(x: Value): JType {
    if (x instanceof SSAValue) return this.code.ssavaluetypes![x.id - 1]!;
    // an argument slot has its specialization's type unless it is assigned (a varargs tuple slot, the locals after
    // it and an assigned argument: their slot types)
    if (x instanceof SlotNumber)
      return x.id <= this.nfixed && !this.assigned.has(x.id)
        ? this.st[x.id - 1]!
        : (this.code.slottypes?.[x.id - 1] ?? T.Any!);
    const v = this.valueOf(x);
    return v === undefined ? T.Any! : ((v as { jtype?: DataType }).jtype ?? typeOfLiteral(v));
  }
}

/** the wasm local of slot `id` */
export const slotLocal = (id: number): string => `$v${id}`;

function selfValue(t: JType): Value {
  if (t instanceof DataType && t.instance !== undefined) return t.instance;
  throw new NotCompilable('self');
}
function globalConst(g: GlobalRef): Value | undefined {
  const b = lookupBinding(g.mod, g.name);
  const v = b?.get();
  return v !== undefined && (b!.constant || b!.imported?.constant) ? v : undefined;
}
function literalKind(v: Value): Kind {
  if (typeof v === 'bigint') return 'i64';
  if (typeof v === 'number') return 'f64';
  if (typeof v === 'boolean') return 'i32';
  if (v instanceof Bits || v instanceof JChar) return kindOf(v.jtype);
  return 'ref';
}
function typeOfLiteral(v: Value): JType {
  if (typeof v === 'bigint') return T.Int64!;
  if (typeof v === 'number') return T.Float64!;
  if (typeof v === 'boolean') return T.Bool!;
  if (typeof v === 'string') return T.String!;
  if (v instanceof Bits || v instanceof JChar) return v.jtype;
  if (isTuple(v) || v instanceof JStruct) return T.Any!;
  return T.Any!;
}
