// Code generation: a typed, optimized CodeInfo (a CodeInstance's `inferred`) to a WebAssembly function, written as
// WebAssembly text that binaryen parses, validates and optimizes (binaryen_worker.ts).
//
// Values: Int64 travels as i64, Float64 as f64, Bool as i32; every other value is an `externref` holding the very
// JS value the interpreter uses, so compiled and interpreted code share one representation and call each other.
// Heap operations, dynamic calls and anything without a wasm equivalent go through imported runtime functions
// (runtime.ts). Constants that are JS objects (types, functions, method instances, strings) are imported
// immutable globals filled in at instantiation from the module's constant list: nothing process-specific is baked
// into the wasm, so a loader can relink it.
//
// Control flow is rebuilt from the CodeInfo's gotos with the dominator-tree method for reducible graphs: a loop
// header becomes a `loop`, a block reached from several places becomes the code after a `block` that the
// branches leave, and everything else nests inside its dominator.
import {
  T, Sym, Expr, QuoteNode, GlobalRef, SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode, BuiltinFunction,
  JStruct, isTuple, type Value,
} from '../runtime/values.ts';
import { DataType, TypeVar, Bottom, type JType } from '../runtime/types.ts';
import { MethodInstance, CodeInstance } from '../runtime/methods.ts';
import { CodeInfo } from '../ir/CodeInfo.ts';
import { issubtype } from '../runtime/subtype.ts';
import { lookupBinding } from '../interpreter/interpret.ts';
import { mathForeign } from '../runtime/foreign.ts';

export type Kind = 'i64' | 'f64' | 'i32' | 'ref';
export const MAX_IMPORT_ARITY = 8;

export function kindOf(t: JType | undefined): Kind {
  if (t === T.Int64) return 'i64';
  if (t === T.Float64) return 'f64';
  if (t === T.Bool) return 'i32';
  return 'ref';
}
const wasmType = (k: Kind): string => k === 'ref' ? 'externref' : k;

/** Why a method instance cannot be compiled (it then keeps running in the interpreter). */
export class NotCompilable extends Error {}

/** What one module being built shares across its functions: constants, runtime imports, frames, callees. */
export class ModuleBuilder {
  readonly consts: Value[] = [];
  private readonly constIndex = new Map<Value, number>();
  readonly imports = new Map<string, string>();        // import name -> its declaration
  readonly frames: { func: string; file: string; mod: string }[] = [];
  readonly funcs: string[] = [];
  /** instances compiled in this module: their function names */
  readonly local = new Map<MethodInstance, string>();
  readonly queue: CodeInstance[] = [];
  /** instances compiled in earlier modules, imported here (name -> instance) */
  readonly external = new Map<MethodInstance, string>();

  /** an instance's typed code, if it may be compiled (undefined: call it through the runtime) */
  readonly codeOf: (mi: MethodInstance) => CodeInstance | undefined;
  /** the signature of an instance already compiled in another module */
  readonly compiledSignature: (mi: MethodInstance) => Signature | undefined;
  constructor(codeOf: (mi: MethodInstance) => CodeInstance | undefined, compiledSignature: (mi: MethodInstance) => Signature | undefined) {
    this.codeOf = codeOf; this.compiledSignature = compiledSignature;
  }

  constRef(v: Value): string {
    let k = this.constIndex.get(v);
    if (k === undefined) { k = this.consts.length; this.consts.push(v); this.constIndex.set(v, k); }
    return `(global.get $k${k})`;
  }
  need(name: string, params: Kind[], result: Kind | undefined): string {
    if (!this.imports.has(name)) {
      this.imports.set(name, `(import "rt" "${name}" (func $${name}${params.length ? ' (param ' + params.map(wasmType).join(' ') + ')' : ''}${result ? ' (result ' + wasmType(result) + ')' : ''}))`);
    }
    return `$${name}`;
  }
  /** the function name for an instance, queueing it for compilation in this module when it can be */
  funcFor(mi: MethodInstance): { name: string; sig: Signature } | undefined {
    const sigExt = this.compiledSignature(mi);
    if (sigExt) {
      let name = this.external.get(mi);
      if (!name) { name = `$${wasmName(mi)}_x${this.external.size}`; this.external.set(mi, name); }
      return { name, sig: sigExt };
    }
    const ci = this.codeOf(mi);
    if (!ci) return undefined;
    let name = this.local.get(mi);
    if (!name) { name = `$${wasmName(mi)}_${this.local.size}`; this.local.set(mi, name); this.queue.push(ci); }
    return { name, sig: signatureOf(ci) };
  }
  text(): string {
    const ext = [...this.external].map(([mi, name]) => {
      const s = this.compiledSignature(mi)!;
      return `(import "fn" "${name.slice(1)}" (func ${name}${s.params.length ? ' (param ' + s.params.map(wasmType).join(' ') + ')' : ''}${s.result ? ' (result ' + wasmType(s.result) + ')' : ''}))`;
    });
    return [
      '(module',
      '(import "rt" "jstag" (tag $jstag (param externref)))',
      ...this.consts.map((_, k) => `(import "k" "${k}" (global $k${k} externref))`),
      ...this.imports.values(),
      ...ext,
      ...this.funcs,
      ')',
    ].join('\n');
  }
}

/** a readable wasm name for an instance, as Julia names its native functions (`julia_fib_0`) */
function wasmName(mi: MethodInstance): string {
  return 'julia_' + mi.def.name.name.replace(/[^A-Za-z0-9_]/g, c => c === '!' ? '!' : '_' + c.charCodeAt(0).toString(16));
}

/** a compiled instance's wasm signature: whether #self# is passed, parameter kinds, result kind */
export interface Signature { self: boolean; params: Kind[]; result: Kind | undefined; }

export function signatureOf(ci: CodeInstance): Signature {
  const st = (ci.def.specTypes as DataType).parameters as JType[];
  const self = !(st[0] instanceof DataType && st[0].instance !== undefined);
  const params: Kind[] = [];
  if (self) params.push('ref');
  for (let k = 1; k < st.length; k++) params.push(kindOf(st[k]));
  return { self, params, result: ci.rettype === Bottom ? undefined : kindOf(ci.rettype) };
}

const NOTHING = (): Value => T.Nothing!.instance!;

/** Emits the wasm function for `ci` into the module under `name`. Throws NotCompilable for what it cannot do. */
export function emitFunction(mb: ModuleBuilder, ci: CodeInstance, name: string): void {
  const code = ci.inferred!;
  const mi = ci.def;
  const m = mi.def;
  if (m.isva) throw new NotCompilable('varargs');
  const sig = signatureOf(ci);
  const st = (mi.specTypes as DataType).parameters as JType[];
  const n = code.code.length;
  const types = code.ssavaluetypes!;
  // a slot's kind comes from everything stored in it (an argument slot may be reassigned, e.g. to a Box)
  const slotKinds = code.slotnames.map((_, k) => kindOf(code.slottypes?.[k]));
  const ssaKind = (id: number): Kind | undefined => types[id - 1] === Bottom ? undefined : kindOf(types[id - 1]);
  // bits fields of immutable arguments that are never reassigned are read once, at entry (a loop reading c.re of
  // a Complex argument then reads a local: the runtime call could not be hoisted by binaryen)
  const assigned = new Set(code.code.filter(st => st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber).map(st => ((st as Expr).args[0] as SlotNumber).id));
  const argFields = new Map<string, { slot: number; idx: number; kind: Kind }>();
  const nargSlots = m.nargs;

  // ---- operands
  const slotLocal = (id: number): string => `$v${id}`;
  const conv = (expr: string, from: Kind, to: Kind): string => {
    if (from === to) return expr;
    if (to === 'ref') return `(call ${mb.need(`box_${from}`, [from], 'ref')} ${expr})`;
    if (from === 'ref') return `(call ${mb.need(`unbox_${to}`, ['ref'], to)} ${expr})`;
    throw new NotCompilable(`no conversion ${from} -> ${to}`);
  };
  const constant = (v: Value, to: Kind): string => {
    if (to === 'i64' && typeof v === 'bigint') return `(i64.const ${BigInt.asIntN(64, v)})`;
    if (to === 'f64' && typeof v === 'number') return `(f64.const ${Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0' : String(v)})`;
    if (to === 'i32' && typeof v === 'boolean') return `(i32.const ${v ? 1 : 0})`;
    if (to === 'ref') return mb.constRef(v);
    // a constant of another kind than wanted: box it through the constant pool
    return conv(mb.constRef(v), 'ref', to);
  };
  const operandKind = (x: Value): Kind => {
    if (x instanceof SSAValue) return ssaKind(x.id) ?? 'ref';
    if (x instanceof SlotNumber) return slotKinds[x.id - 1]!;
    if (x instanceof QuoteNode) return 'ref';
    if (x instanceof GlobalRef) { const c = globalConst(x); return c === undefined ? 'ref' : literalKind(c); }
    return literalKind(x);
  };
  const operand = (x: Value, to: Kind): string => {
    if (x instanceof SSAValue) { const k = ssaKind(x.id); if (!k) throw new NotCompilable('use of a value that never exists'); return conv(`(local.get $s${x.id})`, k, to); }
    if (x instanceof SlotNumber) {
      if (x.id === 1 && !sig.self) return constant(selfValue(st[0]!), to);
      return conv(`(local.get ${slotLocal(x.id)})`, slotKinds[x.id - 1]!, to);
    }
    if (x instanceof QuoteNode) return constant(x.value, to);
    if (x instanceof GlobalRef) {
      const c = globalConst(x);
      if (c !== undefined) return constant(c, to);
      return conv(`(call ${mb.need('getglobal', ['ref'], 'ref')} ${mb.constRef(x)})`, 'ref', to);
    }
    if (x instanceof Expr) throw new NotCompilable('nested expression operand');
    return constant(x, to);
  };
  const valueOf = (x: Value): Value | undefined => {
    if (x instanceof QuoteNode) return x.value;
    if (x instanceof GlobalRef) return globalConst(x);
    if (x instanceof SSAValue || x instanceof SlotNumber || x instanceof Expr) return undefined;
    return x;
  };
  const staticType = (x: Value): JType => {
    if (x instanceof SSAValue) return types[x.id - 1]!;
    if (x instanceof SlotNumber) return x.id <= st.length ? st[x.id - 1]! : code.slottypes?.[x.id - 1] ?? T.Any!;
    const v = valueOf(x);
    return v === undefined ? T.Any! : (v as { jtype?: DataType }).jtype ?? typeOfLiteral(v);
  };

  // ---- calls through the runtime
  const boxedArgs = (xs: Value[]): string => xs.map(x => operand(x, 'ref')).join(' ');
  const arity = (xs: Value[]): number => { if (xs.length > MAX_IMPORT_ARITY) throw new NotCompilable('too many arguments'); return xs.length; };
  // `heads` are the leading operands (the function, the instance...), already boxed
  const runtimeCall = (kind: string, heads: string[], xs: Value[]): string => {
    const k = arity(xs);
    return `(call ${mb.need(`${kind}_${k}`, [...heads.map((): Kind => 'ref'), ...xs.map((): Kind => 'ref')], 'ref')} ${heads.join(' ')} ${boxedArgs(xs)})`;
  };

  // ---- statements: each returns [wasm expression, its kind] (kind undefined: no value)
  let mayThrowAnywhere = false;
  const callValue = (ex: Expr): [string, Kind | undefined] => {
    const a = ex.args;
    if (ex.head.name === 'invoke') {
      const callee = a[0] as MethodInstance;
      const fn = mb.funcFor(callee);
      mayThrowAnywhere = true;
      if (fn) {
        const cst = (callee.specTypes as DataType).parameters as JType[];
        const ops: string[] = [];
        if (fn.sig.self) ops.push(operand(a[1]!, 'ref'));
        for (let k = 2; k < a.length; k++) ops.push(operand(a[k]!, kindOf(cst[k - 1])));
        return [`(call ${fn.name} ${ops.join(' ')})`, fn.sig.result];
      }
      return [runtimeCall('invoke', [mb.constRef(callee), operand(a[1]!, 'ref')], a.slice(2)), 'ref'];
    }
    const f = a[0]!;
    const fv = valueOf(f);
    if (fv instanceof BuiltinFunction) {
      const r = builtin(fv, a.slice(1));
      if (r) return r;
      if (fv.name === 'throw' || fv.name === 'rethrow_value') mayThrowAnywhere = true;
      mayThrowAnywhere = true;
      return [runtimeCall('builtin', [mb.constRef(fv)], a.slice(1)), 'ref'];
    }
    mayThrowAnywhere = true;
    return [runtimeCall('call', [operand(f, 'ref')], a.slice(1)), 'ref'];
  };

  const builtin = (f: BuiltinFunction, xs: Value[]): [string, Kind] | undefined => {
    const ks = xs.map(operandKind);
    const all = (k: Kind, from = 0): boolean => ks.slice(from).every(x => x === k) && ks.length > from;
    const op = (k: Kind, i: number): string => operand(xs[i]!, k);
    const bin = (instr: string, k: Kind, rk: Kind): [string, Kind] => [`(${instr} ${op(k, 0)} ${op(k, 1)})`, rk];
    const I64 = all('i64'), F64 = all('f64'), B = all('i32');
    switch (f.name) {
      case 'add_int': return I64 ? bin('i64.add', 'i64', 'i64') : undefined;
      case 'sub_int': return I64 ? bin('i64.sub', 'i64', 'i64') : undefined;
      case 'mul_int': return I64 ? bin('i64.mul', 'i64', 'i64') : undefined;
      case 'and_int': return I64 ? bin('i64.and', 'i64', 'i64') : B ? bin('i32.and', 'i32', 'i32') : undefined;
      case 'or_int': return I64 ? bin('i64.or', 'i64', 'i64') : B ? bin('i32.or', 'i32', 'i32') : undefined;
      case 'xor_int': return I64 ? bin('i64.xor', 'i64', 'i64') : B ? bin('i32.xor', 'i32', 'i32') : undefined;
      case 'not_int': return I64 ? [`(i64.xor ${op('i64', 0)} (i64.const -1))`, 'i64'] : B ? [`(i32.eqz ${op('i32', 0)})`, 'i32'] : undefined;
      case 'neg_int': return I64 ? [`(i64.sub (i64.const 0) ${op('i64', 0)})`, 'i64'] : undefined;
      case 'slt_int': return I64 ? bin('i64.lt_s', 'i64', 'i32') : undefined;
      case 'sle_int': return I64 ? bin('i64.le_s', 'i64', 'i32') : undefined;
      case 'ult_int': return I64 ? bin('i64.lt_u', 'i64', 'i32') : undefined;
      case 'ule_int': return I64 ? bin('i64.le_u', 'i64', 'i32') : undefined;
      case 'eq_int': return I64 ? bin('i64.eq', 'i64', 'i32') : B ? bin('i32.eq', 'i32', 'i32') : undefined;
      case 'ne_int': return I64 ? bin('i64.ne', 'i64', 'i32') : B ? bin('i32.ne', 'i32', 'i32') : undefined;
      case 'ctpop_int': return I64 ? [`(i64.popcnt ${op('i64', 0)})`, 'i64'] : undefined;
      case 'ctlz_int': return I64 ? [`(i64.clz ${op('i64', 0)})`, 'i64'] : undefined;
      case 'cttz_int': return I64 ? [`(i64.ctz ${op('i64', 0)})`, 'i64'] : undefined;
      case 'flipsign_int': return I64 ? [`(select (i64.sub (i64.const 0) ${op('i64', 0)}) ${op('i64', 0)} (i64.lt_s ${op('i64', 1)} (i64.const 0)))`, 'i64'] : undefined;
      // Julia's shifts: a count of the width or more gives 0 (or the sign, for an arithmetic shift)
      case 'shl_int': return I64 ? [`(select (i64.const 0) (i64.shl ${op('i64', 0)} ${op('i64', 1)}) (i64.ge_u ${op('i64', 1)} (i64.const 64)))`, 'i64'] : undefined;
      case 'lshr_int': return I64 ? [`(select (i64.const 0) (i64.shr_u ${op('i64', 0)} ${op('i64', 1)}) (i64.ge_u ${op('i64', 1)} (i64.const 64)))`, 'i64'] : undefined;
      case 'ashr_int': return I64 ? [`(i64.shr_s ${op('i64', 0)} (select (i64.const 63) ${op('i64', 1)} (i64.ge_u ${op('i64', 1)} (i64.const 64))))`, 'i64'] : undefined;
      case 'sdiv_int': case 'srem_int': case 'udiv_int': case 'urem_int': case 'checked_sdiv_int': case 'checked_srem_int': case 'checked_udiv_int': case 'checked_urem_int': {
        if (!I64) return undefined;
        mayThrowAnywhere = true;
        const name = f.name.replace('checked_', '');
        const instr = { sdiv_int: 'i64.div_s', srem_int: 'i64.rem_s', udiv_int: 'i64.div_u', urem_int: 'i64.rem_u' }[name]!;
        const thr = mb.need('throw_divide', [], undefined);
        // DivideError for a zero divisor, and for typemin ÷ -1 (rem gives 0 there, as wasm's rem_s does)
        const guard = name === 'sdiv_int'
          ? `(if (i32.or (i64.eqz ${op('i64', 1)}) (i32.and (i64.eq ${op('i64', 1)} (i64.const -1)) (i64.eq ${op('i64', 0)} (i64.const -9223372036854775808)))) (then (call ${thr})))`
          : `(if (i64.eqz ${op('i64', 1)}) (then (call ${thr})))`;
        return [`(block (result i64) ${guard} (${instr} ${op('i64', 0)} ${op('i64', 1)}))`, 'i64'];
      }
      case 'add_float': return F64 ? bin('f64.add', 'f64', 'f64') : undefined;
      case 'sub_float': return F64 ? bin('f64.sub', 'f64', 'f64') : undefined;
      case 'mul_float': return F64 ? bin('f64.mul', 'f64', 'f64') : undefined;
      case 'div_float': return F64 ? bin('f64.div', 'f64', 'f64') : undefined;
      case 'copysign_float': return F64 ? bin('f64.copysign', 'f64', 'f64') : undefined;
      case 'eq_float': return F64 ? bin('f64.eq', 'f64', 'i32') : undefined;
      case 'ne_float': return F64 ? bin('f64.ne', 'f64', 'i32') : undefined;
      case 'lt_float': return F64 ? bin('f64.lt', 'f64', 'i32') : undefined;
      case 'le_float': return F64 ? bin('f64.le', 'f64', 'i32') : undefined;
      case 'neg_float': return F64 ? [`(f64.neg ${op('f64', 0)})`, 'f64'] : undefined;
      case 'abs_float': return F64 ? [`(f64.abs ${op('f64', 0)})`, 'f64'] : undefined;
      case 'sqrt_llvm': return F64 ? [`(f64.sqrt ${op('f64', 0)})`, 'f64'] : undefined;
      case 'floor_llvm': return F64 ? [`(f64.floor ${op('f64', 0)})`, 'f64'] : undefined;
      case 'ceil_llvm': return F64 ? [`(f64.ceil ${op('f64', 0)})`, 'f64'] : undefined;
      case 'trunc_llvm': return F64 ? [`(f64.trunc ${op('f64', 0)})`, 'f64'] : undefined;
      case 'rint_llvm': return F64 ? [`(f64.nearest ${op('f64', 0)})`, 'f64'] : undefined;
      case 'fma_float': case 'muladd_float': return F64 ? [`(f64.add (f64.mul ${op('f64', 0)} ${op('f64', 1)}) ${op('f64', 2)})`, 'f64'] : undefined;
      // conversions: the first operand is the target type
      case 'sitofp': return valueOf(xs[0]!) === T.Float64 && ks[1] === 'i64' ? [`(f64.convert_i64_s ${op('i64', 1)})`, 'f64'] : undefined;
      case 'fptosi': return valueOf(xs[0]!) === T.Int64 && ks[1] === 'f64' ? [`(i64.trunc_sat_f64_s ${op('f64', 1)})`, 'i64'] : undefined;
      case 'bitcast':
        if (valueOf(xs[0]!) === T.Float64 && ks[1] === 'i64') return [`(f64.reinterpret_i64 ${op('i64', 1)})`, 'f64'];
        if (valueOf(xs[0]!) === T.Int64 && ks[1] === 'f64') return [`(i64.reinterpret_f64 ${op('f64', 1)})`, 'i64'];
        return undefined;
      case '===': {
        // floats are identical when their bits are (-0.0 !== 0.0, NaN === NaN)
        if (ks.length === 2 && ks[0] === 'f64' && ks[1] === 'f64') return [`(i64.eq (i64.reinterpret_f64 ${op('f64', 0)}) (i64.reinterpret_f64 ${op('f64', 1)}))`, 'i32'];
        if (ks.length === 2 && ks[0] === ks[1] && ks[0] !== 'ref') return bin(ks[0] === 'i64' ? 'i64.eq' : 'i32.eq', ks[0]!, 'i32');
        return [`(call ${mb.need('egal', ['ref', 'ref'], 'i32')} ${op('ref', 0)} ${op('ref', 1)})`, 'i32'];
      }
      case 'ifelse':
        if (ks.length === 3 && ks[0] === 'i32' && ks[1] === ks[2]) return [`(select ${op(ks[1]!, 1)} ${op(ks[1]!, 2)} ${op('i32', 0)})`, ks[1]!];
        return undefined;
      case 'isa': {
        const t = valueOf(xs[1]!);
        if (xs.length !== 2 || t === undefined) return undefined;
        const xt = staticType(xs[0]!);
        if (ks[0] !== 'ref' || issubtype(xt, t as JType)) return [`(i32.const ${issubtype(xt, t as JType) ? 1 : 0})`, 'i32'];
        return [`(call ${mb.need('isa', ['ref', 'ref'], 'i32')} ${op('ref', 0)} ${mb.constRef(t)})`, 'i32'];
      }
      case 'getfield': {
        if (xs.length !== 2) return undefined;
        const ot = staticType(xs[0]!);
        const fld = valueOf(xs[1]!);
        if (!(ot instanceof DataType) || ot.isabstract || fld === undefined) return undefined;
        let idx: number;
        if (typeof fld === 'bigint') idx = Number(fld) - 1;
        else if (fld instanceof Sym) idx = ot.name.names.indexOf(fld);
        else return undefined;
        if (idx < 0 || ot.name === T.NamedTuple?.name) return undefined;
        if (ot.name !== T.Tuple!.name && !(ot.name.names.length > 0)) return undefined;
        mayThrowAnywhere = true;
        // read in the field's kind (no boxing of an Int64/Float64 field)
        const fk = ot.name === T.Tuple!.name ? kindOf(ot.parameters[idx] as JType) : kindOf(ot.types[idx]);
        const x0 = xs[0];
        if (fk !== 'ref' && !ot.ismutable && x0 instanceof SlotNumber && x0.id >= 2 && x0.id <= nargSlots && !assigned.has(x0.id)) {
          const local = `$af${x0.id}_${idx}`;
          argFields.set(local, { slot: x0.id, idx, kind: fk });
          mb.need(`getfield_${fk}`, ['ref', 'i32'], fk);
          return [`(local.get ${local})`, fk];
        }
        return [`(call ${mb.need(`getfield_${fk}`, ['ref', 'i32'], fk)} ${op('ref', 0)} (i32.const ${idx}))`, fk];
      }
      case 'setfield!': {
        if (xs.length !== 3) return undefined;
        const ot = staticType(xs[0]!);
        const fld = valueOf(xs[1]!);
        if (!(ot instanceof DataType) || !ot.ismutable || !(fld instanceof Sym)) return undefined;
        const idx = ot.name.names.indexOf(fld);
        const ft = ot.types[idx];
        if (idx < 0 || ft === undefined || !issubtype(staticType(xs[2]!), ft)) return undefined;
        const vk = kindOf(ft);
        mayThrowAnywhere = true;
        return [`(call ${mb.need(`setfield_${vk}`, ['ref', 'i32', vk], vk)} ${op('ref', 0)} (i32.const ${idx}) ${op(vk, 2)})`, vk];
      }
      // lengths and indices cross to the runtime as i32/f64 numbers: an i64 would become a BigInt there
      case 'arraylen': return xs.length === 1 ? [`(i64.extend_i32_u (call ${mb.need('arraylen', ['ref'], 'i32')} ${op('ref', 0)}))`, 'i64'] : undefined;
      // element access in one runtime call, typed by the element kind (no boxing of Int64/Float64 elements)
      case 'arrayref': {
        if (xs.length !== 3 || ks[2] !== 'i64') return undefined;
        mayThrowAnywhere = true;
        const at = staticType(xs[1]!);
        const ek = at instanceof DataType && at.name === T.Array!.name ? kindOf(at.parameters[0] as JType) : 'ref';
        return [`(call ${mb.need(`arrayref_${ek}`, ['ref', 'f64'], ek)} ${op('ref', 1)} (f64.convert_i64_s ${op('i64', 2)}))`, ek];
      }
      case 'arrayset': {
        if (xs.length !== 4 || ks[3] !== 'i64') return undefined;
        mayThrowAnywhere = true;
        const vk = ks[2]!;
        return [`(call ${mb.need(`arrayset_${vk}`, ['ref', vk, 'f64'], 'ref')} ${op('ref', 1)} ${op(vk, 2)} (f64.convert_i64_s ${op('i64', 3)}))`, 'ref'];
      }
      default: return undefined;
    }
  };

  // ---- basic blocks
  const starts = new Set<number>([0]);
  code.code.forEach((s, pc) => {
    if (s instanceof GotoNode) { starts.add(s.label - 1); starts.add(pc + 1); }
    else if (s instanceof GotoIfNot) { starts.add(s.dest - 1); starts.add(pc + 1); }
    else if (s instanceof ReturnNode) starts.add(pc + 1);
    else if (s instanceof Expr && (s.head.name === 'enter' || s.head.name === 'leave' || s.head.name === 'the_exception' || s.head.name === 'pop_exception')) throw new NotCompilable('exception handling');
  });
  const firsts = [...starts].filter(x => x < n).sort((a, b) => a - b);
  const nb = firsts.length;
  const blockOf: number[] = new Array(n);
  firsts.forEach((f, b) => { for (let pc = f; pc < (firsts[b + 1] ?? n); pc++) blockOf[pc] = b; });
  const lastOf = (b: number): number => (firsts[b + 1] ?? n) - 1;
  const succs: number[][] = firsts.map((_, b) => {
    const s = code.code[lastOf(b)]!;
    if (s instanceof GotoNode) return [blockOf[s.label - 1]!];
    if (s instanceof GotoIfNot) return [blockOf[lastOf(b) + 1]!, blockOf[s.dest - 1]!].filter(x => x !== undefined);
    if (s instanceof ReturnNode) return [];
    if (s instanceof Expr && types[lastOf(b)] === Bottom) return [];
    return lastOf(b) + 1 < n ? [blockOf[lastOf(b) + 1]!] : [];
  });
  // reverse postorder from the entry
  const rpo: number[] = [], order: number[] = new Array(nb).fill(-1);
  const seen = new Set<number>();
  const dfs = (b: number): void => { seen.add(b); for (const s of succs[b]!) if (!seen.has(s)) dfs(s); rpo.push(b); };
  dfs(0);
  rpo.reverse();
  rpo.forEach((b, k) => { order[b] = k; });
  const preds: number[][] = firsts.map(() => []);
  for (const b of rpo) for (const s of succs[b]!) preds[s]!.push(b);
  // immediate dominators (Cooper, Harvey and Kennedy)
  const idom: number[] = new Array(nb).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) { while (order[a]! > order[b]!) a = idom[a]!; while (order[b]! > order[a]!) b = idom[b]!; }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const b of rpo.slice(1)) {
      let d = -1;
      for (const p of preds[b]!) if (idom[p] !== -1) d = d === -1 ? p : intersect(p, d);
      if (d !== idom[b]) { idom[b] = d; changed = true; }
    }
  }
  const isBack = (from: number, to: number): boolean => order[to]! <= order[from]!;
  const loopHeader = (b: number): boolean => preds[b]!.some(p => isBack(p, b));
  const mergeNode = (b: number): boolean => preds[b]!.filter(p => !isBack(p, b)).length >= 2;
  const children = (b: number): number[] => rpo.filter(c => c !== 0 && c !== b && idom[c] === b);
  for (const b of rpo) for (const s of succs[b]!) if (isBack(b, s) && !dominatesBlock(idom, s, b)) throw new NotCompilable('irreducible control flow');

  // ---- code of one block's statements
  let line = -1;
  const stmtCode = (pc: number): string => {
    const s = code.code[pc]!;
    const loc = code.codelocs[pc] ?? 0;
    const setLine = (): string => { if (loc === line || loc === 0) return ''; line = loc; return `(local.set $line (i32.const ${loc}))`; };
    if (s instanceof NewvarNode) return '';
    if (s instanceof Expr) {
      const h = s.head.name;
      if (h === '=') {
        const lhs = s.args[0]!, rhs = s.args[1]!;
        if (!(lhs instanceof SlotNumber)) {
          if (lhs instanceof GlobalRef) { mayThrowAnywhere = true; return `${setLine()}(call ${mb.need('setglobal', ['ref', 'ref'], undefined)} ${mb.constRef(lhs)} ${operand(rhs, 'ref')})`; }
          throw new NotCompilable('assignment target');
        }
        const [e, k] = rhs instanceof Expr ? valueExpr(rhs) : [operand(rhs, operandKind(rhs)), operandKind(rhs)];
        if (k === undefined) return `${setLine()}${e} (unreachable)`;
        // the assignment's own value may be used as an SSA value too
        const want = ssaKind(pc + 1);
        if (want === undefined) return `${setLine()}(local.set ${slotLocal(lhs.id)} ${conv(e, k, slotKinds[lhs.id - 1]!)})`;
        return `${setLine()}(local.set $s${pc + 1} ${conv(e, k, want)}) (local.set ${slotLocal(lhs.id)} ${conv(`(local.get $s${pc + 1})`, want, slotKinds[lhs.id - 1]!)})`;
      }
      if (h === 'meta' || h === 'inbounds' || h === 'loopinfo') return '';
      const [e, k] = valueExpr(s);
      const want = ssaKind(pc + 1);
      if (k === undefined || want === undefined) return `${setLine()}${k === undefined ? e : `(drop ${e})`} (unreachable)`;
      return `${setLine()}(local.set $s${pc + 1} ${conv(e, k, want)})`;
    }
    // a plain operand as a statement (a slot read, a constant, a global)
    const want = ssaKind(pc + 1);
    if (want === undefined) return '';
    if (s instanceof GlobalRef && globalConst(s) === undefined) mayThrowAnywhere = true;
    return `(local.set $s${pc + 1} ${operand(s, want)})`;
  };
  const valueExpr = (ex: Expr): [string, Kind | undefined] => {
    switch (ex.head.name) {
      case 'call': case 'invoke': return callValue(ex);
      case 'new': {
        const t = valueOf(ex.args[0]!);
        mayThrowAnywhere = true;
        return [runtimeCall('new', [t !== undefined ? mb.constRef(t) : operand(ex.args[0]!, 'ref')], ex.args.slice(1)), 'ref'];
      }
      case 'foreigncall': {
        mayThrowAnywhere = true;
        // a numeric foreign function (libm) takes and returns unboxed numbers
        const rt = valueOf(ex.args[1]!);
        const args = ex.args.slice(2);
        const ak = args.map(operandKind);
        const fname = (ex.args[0] as QuoteNode | Sym);
        const fsym = fname instanceof QuoteNode ? fname.value : fname;
        if (rt === T.Float64 && fsym instanceof Sym && mathForeign[fsym.name] && ak.every(k => k === 'f64')) {
          return [`(call ${mb.need(`math_${fsym.name}`, ak, 'f64')} ${args.map(x => operand(x, 'f64')).join(' ')})`, 'f64'];
        }
        if ((rt === T.Float64 || rt === T.Int64) && args.length <= 3 && ak.every(k => k === 'f64' || k === 'i64')) {
          const rk: Kind = rt === T.Float64 ? 'f64' : 'i64';
          const name = `foreignt_${rk}_${ak.join('_')}`;
          return [`(call ${mb.need(name, ['ref', ...ak], rk)} ${mb.constRef(ex.args[0]!)} ${args.map((x, k) => operand(x, ak[k]!)).join(' ')})`, rk];
        }
        return [runtimeCall('foreign', [mb.constRef(ex.args[0]!)], args), 'ref'];
      }
      case 'static_parameter': {
        const v = mi.sparamVals[(ex.args[0] as number) - 1];
        if (v === undefined || v instanceof TypeVar) throw new NotCompilable('unknown static parameter');
        return [mb.constRef(v as Value), 'ref'];
      }
      case 'boundscheck': return ['(i32.const 1)', 'i32'];
      case 'isdefined': throw new NotCompilable('isdefined');
      default: throw new NotCompilable(`statement ${ex.head.name}`);
    }
  };
  const returnKind = sig.result;
  const terminator = (b: number, branch: (to: number) => string): string => {
    const pc = lastOf(b);
    const s = code.code[pc]!;
    if (s instanceof GotoNode) return branch(blockOf[s.label - 1]!);
    if (s instanceof GotoIfNot) {
      const c = operand(s.cond, 'i32');
      return `(if ${c} (then ${branch(blockOf[pc + 1]!)}) (else ${branch(blockOf[s.dest - 1]!)}))`;
    }
    if (s instanceof ReturnNode) {
      if (returnKind === undefined) return '(unreachable)';
      return `(return ${operand(s.val, returnKind)})`;
    }
    return succs[b]!.length ? branch(succs[b]![0]!) : '(unreachable)';
  };
  const body = (b: number): string => {
    line = -1;   // which line was last recorded is only known within a block
    const parts: string[] = [];
    const last = lastOf(b);
    for (let pc = firsts[b]!; pc <= last; pc++) {
      const s = code.code[pc]!;
      if (pc === last && (s instanceof GotoNode || s instanceof GotoIfNot || s instanceof ReturnNode)) break;
      parts.push(stmtCode(pc));
    }
    return parts.filter(Boolean).join(' ');
  };
  // dominator-tree structuring
  const doTree = (x: number): string => {
    const ys = children(x).filter(mergeNode).sort((a, b) => order[b]! - order[a]!);
    const inner = nodeWithin(x, ys);
    return loopHeader(x) ? `(loop $L${x} ${inner})` : inner;
  };
  const nodeWithin = (x: number, ys: number[]): string => {
    if (ys.length === 0) {
      const branch = (to: number): string => isBack(x, to) || mergeNode(to) ? `(br ${isBack(x, to) ? '$L' : '$B'}${to})` : doTree(to);
      return `${body(x)} ${terminator(x, branch)}`;
    }
    const [y, ...rest] = ys;
    return `(block $B${y} ${nodeWithin(x, rest)}) ${doTree(y!)}`;
  };
  const structured = doTree(0);

  // ---- the function
  // parameters arrive in their specialization's kinds and are copied into the argument slots
  const params: string[] = [];
  const entry: string[] = [];
  if (sig.self) { params.push(`(param $p1 externref)`); entry.push(`(local.set $v1 ${conv('(local.get $p1)', 'ref', slotKinds[0]!)})`); }
  for (let k = 1; k < st.length; k++) {
    params.push(`(param $p${k + 1} ${wasmType(kindOf(st[k]))})`);
    entry.push(`(local.set $v${k + 1} ${conv(`(local.get $p${k + 1})`, kindOf(st[k]), slotKinds[k]!)})`);
  }
  const locals: string[] = [];
  for (const [local, f] of argFields) {
    locals.push(`(local ${local} ${wasmType(f.kind)})`);
    entry.push(`(local.set ${local} (call $getfield_${f.kind} ${conv(`(local.get $v${f.slot})`, slotKinds[f.slot - 1]!, 'ref')} (i32.const ${f.idx})))`);
  }
  for (let id = 1; id <= code.slotnames.length; id++) locals.push(`(local $v${id} ${wasmType(slotKinds[id - 1]!)})`);
  for (let id = 1; id <= n; id++) { const k = ssaKind(id); if (k && !(code.code[id - 1] instanceof GotoNode || code.code[id - 1] instanceof GotoIfNot || code.code[id - 1] instanceof ReturnNode)) locals.push(`(local $s${id} ${wasmType(k)})`); }
  locals.push('(local $line i32)', '(local $exn externref)');
  const result = returnKind ? ` (result ${wasmType(returnKind)})` : '';
  let fbody = `${entry.join(' ')} ${structured} (unreachable)`;
  if (mayThrowAnywhere) {
    // record this function's frame in the Jolt backtrace of an exception passing through, then rethrow
    const fid = mb.frames.length;
    mb.frames.push({ func: frameName(mi, code), file: code.file, mod: m.module.name.name });
    fbody = `(local.set $line (i32.const ${m.line})) (try $T (do ${entry.join(' ')} ${structured}) (catch $jstag (local.set $exn (pop externref)) (call ${mb.need('unwind', ['ref', 'i32', 'i32'], undefined)} (local.get $exn) (i32.const ${fid}) (local.get $line)) (rethrow $T))) (unreachable)`;
  }
  mb.funcs.push(`(func ${name} (export "${name.slice(1)}") ${params.join(' ')}${result} ${locals.join(' ')}\n ${fbody})`);
}

function dominatesBlock(idom: number[], a: number, b: number): boolean {
  for (let x = b; ; x = idom[x]!) { if (x === a) return true; if (x === 0 || x === -1) return a === 0 && x === 0; }
}

/** the frame name a Jolt stack trace shows for this instance: `f(x::Int64, ::String)` */
function frameName(mi: MethodInstance, code: CodeInfo): string {
  const ps = ((mi.specTypes as DataType).parameters as JType[]).slice(1);
  return `${mi.def.name.name}(${ps.map((p, k) => { const nm = code.slotnames[k + 1]?.name ?? ''; return (nm.startsWith('#') ? '' : nm) + '::' + showTypeName(p); }).join(', ')})`;
}
let showTypeName: (t: JType) => string = () => '';
export function setTypePrinter(f: (t: JType) => string): void { showTypeName = f; }

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
  return 'ref';
}
function typeOfLiteral(v: Value): JType {
  if (typeof v === 'bigint') return T.Int64!;
  if (typeof v === 'number') return T.Float64!;
  if (typeof v === 'boolean') return T.Bool!;
  if (typeof v === 'string') return T.String!;
  if (isTuple(v) || v instanceof JStruct) return T.Any!;
  return T.Any!;
}
export { NOTHING };
