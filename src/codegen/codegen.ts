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
  T,
  Sym,
  Expr,
  QuoteNode,
  GlobalRef,
  BuiltinFunction,
  JStruct,
  Bits,
  JChar,
  isTuple,
  bitsField,
  type Value,
} from '../runtime/values.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from '../ir/nodes.ts';
import { typeOf } from '../runtime/typeof.ts';
import { ival } from '../runtime/intrinsics.ts';
import { DataType, TypeVar, VarargType, UnionType, Bottom, type JType } from '../runtime/types.ts';
import { MethodInstance, CodeInstance } from '../runtime/methods.ts';
import { CodeInfo } from '../ir/CodeInfo.ts';
import { forEachSlotRead } from '../ir/definite_assignment.ts';
import { issubtype } from '../runtime/subtype.ts';
import { lookupBinding } from '../runtime/modules.ts';
import { mathForeign } from '../runtime/foreign.ts';
import {
  kindOf,
  vecKind,
  orNothing,
  wasmType,
  isVec,
  intRep,
  intConst,
  numericIntrinsic,
  conversionIntrinsic,
  toRaw64,
  fromRaw64,
  type Kind,
} from './kinds.ts';

export type { Kind } from './kinds.ts';
export { kindOf, vecKind } from './kinds.ts';
export const MAX_IMPORT_ARITY = 8;
/** callees of at most this many typed statements, without loops, are compiled into each module that calls them */
const COPY_MAX_STATEMENTS = 8;

/** Why a method instance cannot be compiled (it then keeps running in the interpreter). */
export class NotCompilable extends Error {}

/** a compiled function as a Jolt backtrace shows it: `name` is its wasm name, `line` its method's definition line */
export interface FrameInfo {
  func: string;
  file: string;
  mod: string;
  name: string;
  line: number;
}
let moduleSerial = 0;

/** What one module being built shares across its functions: constants, runtime imports, frames, callees. */
export class ModuleBuilder {
  readonly consts: Value[] = [];
  private readonly constIndex = new Map<Value, number>();
  readonly imports = new Map<string, string>(); // import name -> its declaration
  /** dynamic call sites so far (each has an inline cache in the runtime, by index) */
  callSites = 0;
  /** each function's frame in Jolt backtraces, by fid (the third number of its calls' `;;@` annotations) */
  readonly frames: FrameInfo[] = [];
  /** unique in the process: the module is named `jolt<serial>`, which V8 shows in its functions' stack frames */
  readonly serial = moduleSerial++;
  /** for calls to this module's functions (which binaryen may inline): callee name -> caller fid -> the caller's
   *  line at those calls (0 if they are on several lines), the line of a caller whose callee was inlined */
  readonly callLines = new Map<string, Map<number, number>>();
  /** functions that call themselves: binaryen must not inline them into their callers (it would unroll the
   *  recursion into the caller, dozens of calls deep; fib ran 2-5x slower from such a caller) */
  readonly recursive = new Set<string>();
  readonly funcs: string[] = [];
  /** the module's own globals (helpers' scratch storage) */
  readonly globals: string[] = [];
  /** instances compiled in this module: their function names */
  readonly local = new Map<MethodInstance, string>();
  readonly queue: CodeInstance[] = [];
  /** instances compiled in earlier modules, imported here (name -> instance) */
  readonly external = new Map<MethodInstance, string>();

  /** an instance's typed code, if it may be compiled (undefined: call it through the runtime) */
  readonly codeOf: (mi: MethodInstance) => CodeInstance | undefined;
  /** the signature of an instance already compiled in another module */
  readonly compiledSignature: (mi: MethodInstance) => Signature | undefined;
  constructor(
    codeOf: (mi: MethodInstance) => CodeInstance | undefined,
    compiledSignature: (mi: MethodInstance) => Signature | undefined,
  ) {
    this.codeOf = codeOf;
    this.compiledSignature = compiledSignature;
  }

  /** `hypot` in wasm (abs of a complex number is in many inner loops; a call out to JS costs more than the
   *  arithmetic), correctly rounded as Julia's is: the square root of the sum of squares, corrected by one Newton
   *  step whose residual is computed exactly with Dekker's split products. Operands are scaled by a power of two
   *  into a range where the squares neither overflow nor lose bits to underflow. */
  hypot(): string {
    if (this.helpers.has('hypot')) return '$jl_hypot';
    this.helpers.add('hypot');
    // the exact low part of a*a (a*a = its rounded square + this), with a split into 26-bit halves
    const sqErr = (a: string, sq: string): string =>
      `(local.set $c (f64.mul ${a} (f64.const 134217729))) (local.set $hi (f64.sub (local.get $c) (f64.sub (local.get $c) ${a}))) (local.set $lo (f64.sub ${a} (local.get $hi)))` +
      ` (f64.add (f64.add (f64.sub (f64.mul (local.get $hi) (local.get $hi)) ${sq}) (f64.mul (f64.mul (f64.const 2) (local.get $hi)) (local.get $lo))) (f64.mul (local.get $lo) (local.get $lo)))`;
    this.funcs.push(`(func $jl_hypot (param $x f64) (param $y f64) (result f64)
  (local $ax f64) (local $ay f64) (local $t f64) (local $s f64) (local $p f64) (local $q f64) (local $h f64) (local $hh f64)
  (local $c f64) (local $hi f64) (local $lo f64) (local $ep f64) (local $eq f64) (local $eh f64)
  (local.set $ax (f64.abs (local.get $x))) (local.set $ay (f64.abs (local.get $y)))
  (if (f64.lt (local.get $ax) (local.get $ay)) (then (local.set $t (local.get $ax)) (local.set $ax (local.get $ay)) (local.set $ay (local.get $t))))
  (if (i32.or (f64.eq (local.get $ax) (f64.const inf)) (f64.eq (local.get $ay) (f64.const inf))) (then (return (f64.const inf))))
  (if (f64.ne (local.get $ax) (local.get $ax)) (then (return (local.get $ax))))
  (if (f64.ne (local.get $ay) (local.get $ay)) (then (return (local.get $ay))))
  ;; ay at most ax * 2^-54 (zeros included): ax is the correctly rounded result
  (if (f64.le (local.get $ay) (f64.mul (local.get $ax) (f64.const 0x1p-54))) (then (return (local.get $ax))))
  (local.set $s (f64.const 1))
  (if (f64.gt (local.get $ax) (f64.const 0x1p500)) (then (local.set $s (f64.const 0x1p-600))))
  (if (f64.lt (local.get $ay) (f64.const 0x1p-450)) (then (local.set $s (f64.const 0x1p600))))
  (local.set $ax (f64.mul (local.get $ax) (local.get $s))) (local.set $ay (f64.mul (local.get $ay) (local.get $s)))
  (local.set $p (f64.mul (local.get $ax) (local.get $ax)))
  (local.set $q (f64.mul (local.get $ay) (local.get $ay)))
  (local.set $h (f64.sqrt (f64.add (local.get $p) (local.get $q))))
  (local.set $hh (f64.mul (local.get $h) (local.get $h)))
  (local.set $ep ${sqErr('(local.get $ax)', '(local.get $p)')})
  (local.set $eq ${sqErr('(local.get $ay)', '(local.get $q)')})
  (local.set $eh ${sqErr('(local.get $h)', '(local.get $hh)')})
  ;; residual ax^2 + ay^2 - h^2: p - hh is exact (the two are within a factor of 2), then the small terms
  (f64.div (f64.add (local.get $h) (f64.div
   (f64.add (f64.add (f64.sub (local.get $p) (local.get $hh)) (local.get $q)) (f64.sub (f64.add (local.get $ep) (local.get $eq)) (local.get $eh)))
   (f64.mul (f64.const 2) (local.get $h)))) (local.get $s)))`);
    return '$jl_hypot';
  }
  private readonly helpers = new Set<string>();

  /** one of V8's JS string builtins (`wasm:js-string`): Jolt strings are JS strings of bytes, and V8 compiles
   *  these inline, so reading a string's bytes costs no call out of wasm */
  jsString(name: 'length' | 'charCodeAt' | 'fromCharCodeArray'): string {
    const decl = {
      length: '(param externref) (result i32)',
      charCodeAt: '(param externref i32) (result i32)',
      fromCharCodeArray: '(param (ref null $a16) i32 i32) (result (ref extern))',
    }[name];
    const key = `wasm:js-string ${name}`;
    if (!this.imports.has(key)) this.imports.set(key, `(import "wasm:js-string" "${name}" (func $js_${name} ${decl}))`);
    return `$js_${name}`;
  }

  /** `string(x::Int64; base, pad)` in wasm: digits into an i16 array, which becomes the string. Bases outside 2..36
   *  and pads beyond 64 digits go to the runtime's implementation, which the interpreter uses too. */
  intString(): string {
    if (this.helpers.has('intString')) return '$jl_int_string';
    this.helpers.add('intString');
    const fallback = `(call ${this.need('foreign_3', ['ref', 'ref', 'ref', 'ref'], 'ref')} ${this.constRef(Sym.of('jl_int_string'))} (call ${this.need('box_i64', ['i64'], 'ref')} (local.get $x)) (call $box_i64 (local.get $b)) (call $box_i64 (local.get $pad)))`;
    // One digit loop per kind of base: a power of two shifts and masks, base 10 divides by a constant (which the
    // engine turns into a multiplication), other bases divide; each runs while digits remain or padding is due.
    const digitLoop = (label: string, rem: string, div: string): string => `(block $${label}_done (loop $${label}
   (br_if $${label}_done (i32.and (i64.eqz (local.get $u)) (i64.ge_s (local.get $n) (local.get $pad))))
   (local.set $d (i32.wrap_i64 ${rem}))
   (local.set $k (i32.sub (local.get $k) (i32.const 1)))
   (array.set $a16 (local.get $buf) (local.get $k) (i32.add (local.get $d) (select (i32.const 48) (i32.const 87) (i32.lt_u (local.get $d) (i32.const 10)))))
   (local.set $u ${div})
   (local.set $n (i64.add (local.get $n) (i64.const 1)))
   (br $${label})))`;
    this.globals.push('(global $int_digits (ref null $a16) (array.new_default $a16 (i32.const 65)))');
    this.funcs.push(`(func $jl_int_string (param $x i64) (param $b i64) (param $pad i64) (result externref)
  (local $buf (ref $a16)) (local $u i64) (local $k i32) (local $n i64) (local $d i32) (local $neg i32) (local $sh i64)
  (if (i32.or (i64.gt_u (i64.sub (local.get $b) (i64.const 2)) (i64.const 34)) (i64.gt_u (local.get $pad) (i64.const 64)))
   (then (return ${fallback})))
  (local.set $neg (i64.lt_s (local.get $x) (i64.const 0)))
  ;; the magnitude as an unsigned number (typemin's is 2^63)
  (local.set $u (select (i64.sub (i64.const 0) (local.get $x)) (local.get $x) (local.get $neg)))
  ;; digits go into one scratch array per module (fromCharCodeArray copies them into the new string)
  (local.set $buf (ref.as_non_null (global.get $int_digits)))
  (local.set $k (i32.const 65))
  (if (i64.eqz (i64.and (local.get $b) (i64.sub (local.get $b) (i64.const 1))))
   (then
    (local.set $sh (i64.ctz (local.get $b)))
    ${digitLoop('pow2', '(i64.and (local.get $u) (i64.sub (local.get $b) (i64.const 1)))', '(i64.shr_u (local.get $u) (local.get $sh))')})
   (else (if (i64.eq (local.get $b) (i64.const 10))
    (then ${digitLoop('dec', '(i64.rem_u (local.get $u) (i64.const 10))', '(i64.div_u (local.get $u) (i64.const 10))')})
    (else ${digitLoop('any', '(i64.rem_u (local.get $u) (local.get $b))', '(i64.div_u (local.get $u) (local.get $b))')}))))
  (if (local.get $neg) (then
   (local.set $k (i32.sub (local.get $k) (i32.const 1)))
   (array.set $a16 (local.get $buf) (local.get $k) (i32.const 45))))
  (call ${this.jsString('fromCharCodeArray')} (local.get $buf) (local.get $k) (i32.const 65)))`);
    return '$jl_int_string';
  }

  /** `length(s::String)` in wasm: the number of bytes that do not continue a character (0x80-0xbf), as the
   *  runtime's implementation counts */
  stringLength(): string {
    if (this.helpers.has('stringLength')) return '$jl_string_length';
    this.helpers.add('stringLength');
    this.funcs.push(`(func $jl_string_length (param $s externref) (result i64)
  (local $i i32) (local $n i32) (local $c i64)
  (local.set $n (call ${this.jsString('length')} (local.get $s)))
  (block $done (loop $byte
   (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
   (if (i32.ge_u (i32.sub (call $js_charCodeAt (local.get $s) (local.get $i)) (i32.const 128)) (i32.const 64))
    (then (local.set $c (i64.add (local.get $c) (i64.const 1)))))
   (local.set $i (i32.add (local.get $i) (i32.const 1)))
   (br $byte)))
  (local.get $c))`);
    this.jsString('charCodeAt');
    return '$jl_string_length';
  }

  /** a reference vector's element as a JS value (gc_arrays.wat from_any): a vector's owner, any other value
   *  itself */
  fromAny(): string {
    if (this.helpers.has('fromAny')) return '$jl_from_any';
    this.helpers.add('fromAny');
    const owner = (v: 'vf64' | 'vi64' | 'vref'): string =>
      `(if (ref.test (ref $${v}) (local.get $x)) (then (return (call ${this.boxVec(v)} (ref.cast (ref $${v}) (local.get $x))))))`;
    this.funcs.push(`(func $jl_from_any (param $x anyref) (result externref)
  ${owner('vref')} ${owner('vf64')} ${owner('vi64')}
  (extern.convert_any (local.get $x)))`);
    return '$jl_from_any';
  }
  /** the bits in a bits field's box (gc_arrays.wat `$bits`; 0 for an unset field) */
  bitsOf(): string {
    if (this.helpers.has('bitsOf')) return '$jl_bits_of';
    this.helpers.add('bitsOf');
    this.funcs.push(`(func $jl_bits_of (param $x anyref) (result i64)
  (if (ref.test (ref $bits) (local.get $x)) (then (return (struct.get $bits 0 (ref.cast (ref $bits) (local.get $x))))))
  (i64.const 0))`);
    return '$jl_bits_of';
  }
  /** a vector as a JS value: its owner, or `nothing` for null (a Union{T, Nothing}) */
  boxVec(k: 'vf64' | 'vi64' | 'vref'): string {
    const name = `$jl_box_${k}`;
    if (this.helpers.has(name)) return name;
    this.helpers.add(name);
    // a struct made in wasm gets its owner when first asked (gc_arrays.wat *_owner)
    const gcOwner = `$gc_${k.slice(1)}_owner`;
    this.imports.set(
      gcOwner,
      `(import "gc" "${k.slice(1)}_owner" (func ${gcOwner} (param (ref $${k})) (result externref)))`,
    );
    this.funcs.push(`(func ${name} (param $v (ref null $${k})) (result externref) (local $o externref)
  (if (ref.is_null (local.get $v)) (then (return ${this.constRef(T.Nothing!.instance!)})))
  (if (ref.is_null (local.tee $o (struct.get $${k} 2 (local.get $v)))) (then (return (call ${gcOwner} (ref.as_non_null (local.get $v))))))
  (local.get $o))`);
    return name;
  }
  /** an element of a reference vector of type Union{T, Nothing}: T's vector, or null for the `nothing` kept */
  anyToNullable(k: 'vf64' | 'vi64' | 'vref'): string {
    const name = `$jl_nullable_${k}`;
    if (this.helpers.has(name)) return name;
    this.helpers.add(name);
    this.funcs.push(`(func ${name} (param $x anyref) (result (ref null $${k}))
  (if (ref.test (ref $${k}) (local.get $x)) (then (return (ref.cast (ref $${k}) (local.get $x)))))
  (ref.null $${k}))`);
    return name;
  }
  /** a Union{T, Nothing} kept as T's vector as a reference vector keeps it (`nothing` itself for null; null there is
   *  #undef) */
  nullableToAny(k: 'vf64' | 'vi64' | 'vref'): string {
    const name = `$jl_any_${k}`;
    if (this.helpers.has(name)) return name;
    this.helpers.add(name);
    this.funcs.push(`(func ${name} (param $v (ref null $${k})) (result anyref)
  (if (ref.is_null (local.get $v)) (then (return (any.convert_extern ${this.constRef(T.Nothing!.instance!)}))))
  (local.get $v))`);
    return name;
  }
  /** a JS value as a reference vector keeps it: one of a type whose values may be kept in vectors of their own goes
   *  through the runtime (values.ts wasmValue), any other is internalized in wasm */
  toAny(expr: string, t: JType): string {
    if (!mayBeVec(t)) return `(any.convert_extern ${expr})`;
    if (!this.imports.has('wasm_value'))
      this.imports.set('wasm_value', '(import "rt" "wasm_value" (func $wasm_value (param externref) (result anyref)))');
    return `(call $wasm_value ${expr})`;
  }

  private smallEnoughToCopy(mi: MethodInstance): boolean {
    const code = this.codeOf(mi)?.inferred?.code;
    return !!code && code.length <= COPY_MAX_STATEMENTS && !hasLoop(code);
  }

  constRef(v: Value): string {
    let k = this.constIndex.get(v);
    if (k === undefined) {
      k = this.consts.length;
      this.consts.push(v);
      this.constIndex.set(v, k);
    }
    return `(global.get $k${k})`;
  }
  /** a struct type's tag (gc_arrays.wat `$tt`), imported like a constant */
  tagRef(t: DataType): string {
    let k = this.tagTypes.indexOf(t);
    if (k < 0) {
      k = this.tagTypes.length;
      this.tagTypes.push(t);
    }
    return `(global.get $tag${k})`;
  }
  readonly tagTypes: DataType[] = [];
  need(name: string, params: Kind[], result: Kind | undefined): string {
    if (!this.imports.has(name)) {
      this.imports.set(
        name,
        `(import "rt" "${name}" (func $${name}${params.length ? ' (param ' + params.map(wasmType).join(' ') + ')' : ''}${result ? ' (result ' + wasmType(result) + ')' : ''}))`,
      );
    }
    return `$${name}`;
  }
  /** the function name for an instance, queueing it for compilation in this module when it can be */
  funcFor(mi: MethodInstance): { name: string; sig: Signature } | undefined {
    const sigExt = this.compiledSignature(mi);
    // a small callee compiled earlier gets a copy here all the same: binaryen can inline only within a module, and
    // small callees (getindex, field accessors) are what most wants inlining
    const copy = sigExt && !this.local.has(mi) && !this.external.has(mi) && this.smallEnoughToCopy(mi);
    if (sigExt && !copy && !this.local.has(mi)) {
      let name = this.external.get(mi);
      if (!name) {
        name = `$${wasmName(mi)}_x${this.external.size}`;
        this.external.set(mi, name);
      }
      return { name, sig: sigExt };
    }
    const ci = this.codeOf(mi);
    if (!ci) return undefined;
    let name = this.local.get(mi);
    if (!name) {
      name = `$${wasmName(mi)}_${this.local.size}`;
      this.local.set(mi, name);
      this.queue.push(ci);
    }
    return { name, sig: signatureOf(ci) };
  }
  /** A copy of a small callee for a call whose arguments include constant immutable values (a keyword call's
   *  named tuple): the copy reads them as constants, so their fields fold. `consts` is indexed by argument slot
   *  (slot 1 is the function); undefined: no copy is worth making. */
  specializedFor(mi: MethodInstance, consts: (Value | undefined)[]): { name: string; sig: Signature } | undefined {
    if (!consts.some(v => v !== undefined) || !this.smallEnoughToCopy(mi)) return undefined;
    const ci = this.codeOf(mi);
    if (!ci) return undefined;
    const key = consts.map(v => (v === undefined ? '' : this.constRef(v))).join(',');
    let names = this.copyNames.get(mi);
    if (!names) this.copyNames.set(mi, (names = new Map()));
    let name = names.get(key);
    if (!name) {
      name = `$${wasmName(mi)}_c${this.copies.length}`;
      names.set(key, name);
      this.copies.push({ ci, name, consts });
    }
    return { name, sig: signatureOf(ci) };
  }
  readonly copies: { ci: CodeInstance; name: string; consts: (Value | undefined)[] }[] = [];
  private readonly copyNames = new Map<MethodInstance, Map<string, string>>();
  private queued = 0;
  private copied = 0;
  /** the next function to emit: a queued instance (`consts` undefined) or a constant-specialized copy */
  next(): { ci: CodeInstance; name: string; consts?: (Value | undefined)[] } | undefined {
    if (this.queued < this.queue.length) {
      const ci = this.queue[this.queued++]!;
      return { ci, name: this.local.get(ci.def)! };
    }
    if (this.copied < this.copies.length) return this.copies[this.copied++]!;
    return undefined;
  }
  text(): string {
    const ext = [...this.external].map(([mi, name]) => {
      const s = this.compiledSignature(mi)!;
      return `(import "fn" "${name.slice(1)}" (func ${name}${s.params.length ? ' (param ' + s.params.map(wasmType).join(' ') + ')' : ''}${s.result ? ' (result ' + wasmType(s.result) + ')' : ''}))`;
    });
    return [
      `(module $jolt${this.serial}`,
      ...GC_VECTOR_TYPES,
      '(import "rt" "jstag" (tag $jstag (param externref)))',
      ...this.consts.map((_, k) => `(import "k" "${k}" (global $k${k} externref))`),
      ...this.tagTypes.map((_, k) => `(import "tag" "${k}" (global $tag${k} (ref $tt)))`),
      ...this.imports.values(),
      ...ext,
      ...this.globals,
      ...this.funcs,
      ')',
    ].join('\n');
  }
}

/** the vector types of gc_arrays.wat (array and struct storage): the engine canonicalizes identical type
 *  definitions across modules, so compiled code accesses the runtime's vectors directly */
const GC_VECTOR_TYPES = [
  '(type $tt (struct (field externref)))',
  '(type $af64 (array (mut f64)))',
  '(type $vf64 (struct (field (mut (ref $af64))) (field (mut i32)) (field (mut externref)) (field (ref null $tt))))',
  '(type $ai64 (array (mut i64)))',
  '(type $vi64 (struct (field (mut (ref $ai64))) (field (mut i32)) (field (mut externref)) (field (ref null $tt))))',
  '(type $aref (array (mut anyref)))',
  '(type $vref (struct (field (mut (ref $aref))) (field (mut i32)) (field (mut externref)) (field (ref null $tt))))',
  '(type $bits (struct (field i64)))',
  // the character codes V8's fromCharCodeArray builtin makes a string of
  '(type $a16 (array (mut i16)))',
];
/** whether typed code has a loop (a jump backwards) */
export function hasLoop(code: readonly Value[]): boolean {
  return code.some(
    (st, pc) => (st instanceof GotoNode && st.label <= pc + 1) || (st instanceof GotoIfNot && st.dest <= pc + 1),
  );
}
/** the kind of the elements of an array type kept in an Int64 vector (Int64 itself, or another bits type) */
function arrayElementKind(t: JType): Kind {
  const e = t instanceof DataType && t.name === T.Array!.name ? t.parameters[0] : undefined;
  const k = kindOf(e as JType | undefined);
  if (k === 'ref' || isVec(k) || k === 'f64') throw new NotCompilable('element kind of an Int64 vector');
  return k;
}
/** whether a value of type t may be one kept in a WasmGC vector of its own (a struct, an array) */
function mayBeVec(t: JType): boolean {
  if (t instanceof UnionType) return t.types.some(mayBeVec);
  if (t === Bottom) return false;
  if (!(t instanceof DataType) || t.isabstract || t.hasfreetypevars) return true;
  return vecKind(t) !== undefined;
}
/** the kinds of an array kept in a WasmGC vector: of Float64, of the other bits types, of references */
type ArrayVecKind = 'vf64' | 'vi64' | 'vref';
/** a struct type whose fields live in a WasmGC vector */
const isVecStruct = (t: JType): t is DataType =>
  t instanceof DataType && t.name !== T.Array!.name && vecKind(t) !== undefined;

/** a readable wasm name for an instance, as Julia names its native functions (`julia_fib_0`) */
function wasmName(mi: MethodInstance): string {
  return (
    'julia_' + mi.def.name.name.replace(/[^A-Za-z0-9_]/g, c => (c === '!' ? '!' : '_' + c.charCodeAt(0).toString(16)))
  );
}

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

const NOTHING = (): Value => T.Nothing!.instance!;

/** Emits the wasm function for `ci` into the module under `name`. Throws NotCompilable for what it cannot do. */
export function emitFunction(
  mb: ModuleBuilder,
  ci: CodeInstance,
  name: string,
  argConsts: readonly (Value | undefined)[] = [],
): void {
  const code = ci.inferred!;
  const mi = ci.def;
  const m = mi.def;
  const sig = signatureOf(ci);
  const st = (mi.specTypes as DataType).parameters as JType[];
  // varargs: an instance for a call's argument types takes them one by one and makes the tuple itself
  const nfixed = m.isva ? m.nargs - 1 : st.length;
  if (m.isva && (st.some(p => p instanceof VarargType) || st.length - nfixed > MAX_IMPORT_ARITY))
    throw new NotCompilable('varargs of unknown count');
  const n = code.code.length;
  const types = code.ssavaluetypes!;
  // a slot's kind comes from everything stored in it (an argument slot may be reassigned, e.g. to a Box)
  const slotKinds = code.slotnames.map((_, k) => kindOf(code.slottypes?.[k]));
  const ssaKind = (id: number): Kind | undefined => (types[id - 1] === Bottom ? undefined : kindOf(types[id - 1]));
  // bits fields of immutable arguments that are never reassigned are read once, at entry (a loop reading c.re of
  // a Complex argument then reads a local: the runtime call could not be hoisted by binaryen)
  const assigned = new Set(
    code.code
      .filter(st => st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber)
      .map(st => ((st as Expr).args[0] as SlotNumber).id),
  );
  const argFields = new Map<string, { slot: number; idx: number; kind: Kind }>();
  const nargSlots = m.nargs;
  // reads of a local that may be unassigned there (`pc:slot`), and the locals that therefore keep a flag
  const undefReads = new Set<string>(),
    flaggedSlots = new Set<number>();
  // a scratch local for a reference field read with its #undef check
  let usesFieldLocal = false;
  /** an element of a reference vector, of type t, in t's kind, or `raise` when it is null (#undef): a value kept
   *  in a vector of its own is that vector (a cast), any other a JS value */
  const nonNull = (get: string, raise: string, t: JType): string => {
    usesFieldLocal = true;
    const x = `(block (result anyref) (local.set $fld ${get}) (if (ref.is_null (local.get $fld)) (then ${raise} (unreachable))) (local.get $fld))`;
    const to = kindOf(t);
    // a Union{T, Nothing}: T's vector, or null for the `nothing` kept
    if (isVec(to) && orNothing(t)) return `(call ${mb.anyToNullable(to)} ${x})`;
    return isVec(to) ? `(ref.cast (ref null $${to}) ${x})` : conv(`(call ${mb.fromAny()} ${x})`, 'ref', to);
  };
  // an argument this copy was specialized on (never reassigned) is a constant
  const slotConst = (x: SlotNumber): Value | undefined =>
    x.id <= nargSlots && !assigned.has(x.id) ? argConsts[x.id - 1] : undefined;

  // ---- operands
  const slotLocal = (id: number): string => `$v${id}`;
  const conv = (expr: string, from: Kind, to: Kind): string => {
    if (from === to) return expr;
    // a vector boxes to its owner (a null one to `nothing`); an array or struct unboxes to its vector through the
    // runtime (`nothing` to null)
    if (isVec(from)) return conv(`(call ${mb.boxVec(from)} ${expr})`, 'ref', to);
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
  };
  const constant = (v: Value, to: Kind): string => {
    if (to === 'i64' && typeof v === 'bigint') return `(i64.const ${BigInt.asIntN(64, v)})`;
    if (to === 'f64' && typeof v === 'number') return `(f64.const ${floatText(v)})`;
    if (to === 'i32' && typeof v === 'boolean') return `(i32.const ${v ? 1 : 0})`;
    if (to === 'ref') return mb.constRef(v);
    // `nothing` where a WasmGC vector is kept: the placeholder a split local starts with (optimize.ts splitSlots)
    if (isVec(to) && v === NOTHING()) return `(ref.null $${to})`;
    // the other bits kinds: a constant of exactly that type
    const r = intRep(to);
    if (r && kindOf(typeOf(v)) === to) return intConst(r, ival(v));
    if (to === 'Float32' && v instanceof Bits && v.type === T.Float32) return `(f32.const ${floatText(v.v as number)})`;
    // a constant of another kind than wanted: box it through the constant pool
    return conv(mb.constRef(v), 'ref', to);
  };
  const operandKind = (x: Value): Kind => {
    if (x instanceof SSAValue) return ssaKind(x.id) ?? 'ref';
    if (x instanceof SlotNumber) return slotKinds[x.id - 1]!;
    if (x instanceof QuoteNode) return 'ref';
    if (x instanceof GlobalRef) {
      const c = globalConst(x);
      return c === undefined ? 'ref' : literalKind(c);
    }
    return literalKind(x);
  };
  const operand = (x: Value, to: Kind): string => {
    if (x instanceof SSAValue) {
      const k = ssaKind(x.id);
      if (!k) throw new NotCompilable('use of a value that never exists');
      return conv(`(local.get $s${x.id})`, k, to);
    }
    if (x instanceof SlotNumber) {
      if (x.id === 1 && !sig.self) return constant(selfValue(st[0]!), to);
      const c = slotConst(x);
      if (c !== undefined) return constant(c, to);
      const get = `(local.get ${slotLocal(x.id)})`;
      // a local this read may find unassigned: its flag says whether it was (Julia's UndefVarError)
      const read = undefReads.has(`${curPc}:${x.id}`)
        ? `(block (result ${wasmType(slotKinds[x.id - 1]!)}) (if (i32.eqz (local.get $def${x.id})) (then (call ${mb.need('throw_undefvar', ['ref'], undefined)} ${mb.constRef(code.slotnames[x.id - 1]!)}) (unreachable))) ${get})`
        : get;
      return conv(read, slotKinds[x.id - 1]!, to);
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
  /** an operand as a reference vector keeps it (gc_arrays.wat): a value kept as a WasmGC vector as that vector, a
   *  bits value boxed, any other JS value internalized */
  const anyOperand = (x: Value): string => {
    const k = operandKind(x);
    if (isVec(k)) return orNothing(staticType(x)) ? `(call ${mb.nullableToAny(k)} ${operand(x, k)})` : operand(x, k);
    if (k === 'ref') return mb.toAny(operand(x, 'ref'), staticType(x));
    return `(any.convert_extern ${operand(x, 'ref')})`;
  };
  /** an operand stored in a field of type ft of a struct kept in a reference vector: a bits field as its box */
  const refFieldOperand = (x: Value, ft: JType): string => {
    if (!bitsField(ft)) return anyOperand(x);
    const fk = kindOf(ft);
    return `(struct.new $bits ${toRaw64(fk, operand(x, fk))})`;
  };
  const valueOf = (x: Value): Value | undefined => {
    if (x instanceof QuoteNode) return x.value;
    if (x instanceof SlotNumber) return slotConst(x);
    if (x instanceof GlobalRef) return globalConst(x);
    if (x instanceof SSAValue || x instanceof Expr) return undefined;
    return x;
  };
  const staticType = (x: Value): JType => {
    if (x instanceof SSAValue) return types[x.id - 1]!;
    // an argument slot has its specialization's type unless it is assigned (a varargs tuple slot, the locals after
    // it and an assigned argument: their slot types)
    if (x instanceof SlotNumber)
      return x.id <= nfixed && !assigned.has(x.id) ? st[x.id - 1]! : (code.slottypes?.[x.id - 1] ?? T.Any!);
    const v = valueOf(x);
    return v === undefined ? T.Any! : ((v as { jtype?: DataType }).jtype ?? typeOfLiteral(v));
  };

  // ---- calls through the runtime
  const boxedArgs = (xs: Value[]): string => xs.map(x => operand(x, 'ref')).join(' ');
  const arity = (xs: Value[]): number => {
    if (xs.length > MAX_IMPORT_ARITY) throw new NotCompilable('too many arguments');
    return xs.length;
  };
  // `heads` are the leading operands (the function, the instance...), already boxed
  const runtimeCall = (
    kind: string,
    heads: string[],
    xs: Value[],
    headKinds: Kind[] = heads.map((): Kind => 'ref'),
  ): string => {
    const k = arity(xs);
    return `(call ${mb.need(`${kind}_${k}`, [...headKinds, ...xs.map((): Kind => 'ref')], 'ref')} ${heads.join(' ')} ${boxedArgs(xs)})`;
  };

  // ---- statements: each returns [wasm expression, its kind] (kind undefined: no value)
  // this function's frame record (allocated when something needs it)
  let fidCache = -1;
  const frameId = (): number => {
    if (fidCache < 0) {
      fidCache = mb.frames.length;
      mb.frames.push({
        func: frameName(mi, code),
        file: code.file,
        mod: m.module.name.name,
        name: name.slice(1),
        line: m.line,
      });
    }
    return fidCache;
  };
  const callValue = (ex: Expr): [string, Kind | undefined] => {
    const a = ex.args;
    if (ex.head.name === 'invoke') {
      const callee = a[0] as MethodInstance;
      // constant immutable arguments (not numbers: binaryen propagates those itself) call a specialized copy
      const consts = a.slice(1).map(x => {
        const v = valueOf(x);
        return isTuple(v as Value) || (v instanceof JStruct && !v.type.ismutable) ? v : undefined;
      });
      const fn = mb.specializedFor(callee, consts) ?? mb.funcFor(callee);
      if (fn) {
        if (callee === mi) mb.recursive.add(fn.name.slice(1));
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
      return [runtimeCall('builtin', [mb.constRef(fv)], a.slice(1)), 'ref'];
    }
    // a dynamic call goes through its own inline cache (jit.ts callAtSite)
    return [
      runtimeCall('callsite', [`(i32.const ${mb.callSites++})`, operand(f, 'ref')], a.slice(1), ['i32', 'ref']),
      'ref',
    ];
  };

  const builtin = (f: BuiltinFunction, xs: Value[]): [string, Kind] | undefined => {
    const ks = xs.map(operandKind);
    const all = (k: Kind, from = 0): boolean => ks.slice(from).every(x => x === k) && ks.length > from;
    const op = (k: Kind, i: number): string => operand(xs[i]!, k);
    const bin = (instr: string, k: Kind, rk: Kind): [string, Kind] => [`(${instr} ${op(k, 0)} ${op(k, 1)})`, rk];
    const B = all('i32');
    const numeric = numericIntrinsic(
      f.name,
      ks,
      k => op(ks[k]!, k),
      () => `(call ${mb.need('throw_divide', [], undefined)})`,
    );
    if (numeric) return numeric;
    // 1 <= i <= length, as one unsigned comparison; out of range raises Julia's BoundsError through the runtime
    // (not when the access says it is in bounds, `arrayref(false, ...)`: the array of the vector still traps past its
    // capacity, so a wrong claim reads a stale element, never outside the object)
    const boundsCheck = (vk: ArrayVecKind, arr: number, idx: number): string =>
      valueOf(xs[0]!) === false
        ? ''
        : `(if (i64.ge_u (i64.sub ${op('i64', idx)} (i64.const 1)) (i64.extend_i32_u (struct.get $${vk} 1 ${op(vk, arr)}))) (then (call ${mb.need('throw_bounds', ['ref', 'f64'], undefined)} ${op('ref', arr)} (f64.convert_i64_s ${op('i64', idx)})) (unreachable)))`;
    // operand i is an array kept in a WasmGC vector: that vector's kind
    const arrayVec = (i: number): ArrayVecKind | undefined => {
      const k = ks[i],
        t = staticType(xs[i]!);
      return isVec(k) && t instanceof DataType && t.name === T.Array!.name ? k : undefined;
    };
    switch (f.name) {
      // Bool's logic (the other integer kinds are numericIntrinsic's)
      case 'and_int':
        return B ? bin('i32.and', 'i32', 'i32') : undefined;
      case 'or_int':
        return B ? bin('i32.or', 'i32', 'i32') : undefined;
      case 'xor_int':
        return B ? bin('i32.xor', 'i32', 'i32') : undefined;
      case 'not_int':
        return B ? [`(i32.eqz ${op('i32', 0)})`, 'i32'] : undefined;
      case 'eq_int':
        return B ? bin('i32.eq', 'i32', 'i32') : undefined;
      case 'ne_int':
        return B ? bin('i32.ne', 'i32', 'i32') : undefined;
      // conversions: the first operand is the target type
      case 'sext_int':
      case 'zext_int':
      case 'trunc_int':
      case 'sitofp':
      case 'uitofp':
      case 'fptosi':
      case 'fptoui':
      case 'fptrunc':
      case 'fpext':
      case 'bitcast': {
        const t = valueOf(xs[0]!);
        if (xs.length !== 2 || !(t instanceof DataType)) return undefined;
        const tk = kindOf(t);
        const e = conversionIntrinsic(f.name, tk, ks[1]!, op(ks[1]!, 1));
        return e === undefined ? undefined : [e, tk];
      }
      case '===': {
        // floats are identical when their bits are (-0.0 !== 0.0, NaN === NaN)
        if (ks.length === 2 && ks[0] === 'f64' && ks[1] === 'f64')
          return [`(i64.eq (i64.reinterpret_f64 ${op('f64', 0)}) (i64.reinterpret_f64 ${op('f64', 1)}))`, 'i32'];
        // one vector per JArray: the same vector is the same array
        // (null is `nothing` of a Union{T, Nothing}: equal only to itself)
        if (
          ks.length === 2 &&
          ks[0] === ks[1] &&
          isVec(ks[0]) &&
          [0, 1].every(k => {
            const t0 = staticType(xs[k]!),
              t = orNothing(t0) ?? t0;
            return t instanceof DataType && (t.name === T.Array!.name || t.ismutable);
          })
        )
          return bin('ref.eq', ks[0], 'i32');
        // `x === nothing` for x::Union{T, Nothing} kept as T's vector
        for (const k of [0, 1])
          if (ks.length === 2 && isVec(ks[k]) && valueOf(xs[1 - k]!) === NOTHING())
            return [`(ref.is_null ${op(ks[k]!, k)})`, 'i32'];
        if (ks.length === 2 && ks[0] === ks[1] && ks[0] === 'Float32')
          return [
            `(i32.eq (i32.reinterpret_f32 ${op('Float32', 0)}) (i32.reinterpret_f32 ${op('Float32', 1)}))`,
            'i32',
          ];
        // integers of one kind are kept in one form: the same bits are the same value
        const r = ks.length === 2 && ks[0] === ks[1] ? intRep(ks[0]) : undefined;
        if (r) return bin(`${r.w}.eq`, ks[0]!, 'i32');
        // a singleton or a mutable object is itself only: JS identity (`x === nothing`); strings are equal when JS
        // says so (same bytes), and symbols are interned
        const byIdentity = [0, 1].some(k => {
          const t = staticType(xs[k]!);
          return t instanceof DataType && !t.isabstract && (t.instance !== undefined || t.ismutable);
        });
        return [
          `(call ${mb.need(byIdentity ? 'same' : 'egal', ['ref', 'ref'], 'i32')} ${op('ref', 0)} ${op('ref', 1)})`,
          'i32',
        ];
      }
      case 'ifelse':
        if (ks.length === 3 && ks[0] === 'i32' && ks[1] === ks[2])
          return [
            `(select${ks[1] === 'ref' || isVec(ks[1]) ? ` (result ${wasmType(ks[1]!)})` : ''} ${op(ks[1]!, 1)} ${op(ks[1]!, 2)} ${op('i32', 0)})`,
            ks[1]!,
          ];
        return undefined;
      case 'isa': {
        const t = valueOf(xs[1]!);
        if (xs.length !== 2 || t === undefined) return undefined;
        const xt = staticType(xs[0]!);
        // a Union{T, Nothing} kept as T's vector: T when not null
        const some = isVec(ks[0]) ? orNothing(xt) : undefined;
        if (some) {
          const [a, b] = [issubtype(some, t as JType), issubtype(T.Nothing!, t as JType)];
          const isNull = `(ref.is_null ${op(ks[0]!, 0)})`;
          return [a === b ? `(i32.const ${a ? 1 : 0})` : a ? `(i32.eqz ${isNull})` : isNull, 'i32'];
        }
        if (ks[0] !== 'ref' || issubtype(xt, t as JType))
          return [`(i32.const ${issubtype(xt, t as JType) ? 1 : 0})`, 'i32'];
        // a concrete type has no subtypes: the value's type is it or not (a union split's test)
        const leaf =
          t instanceof DataType &&
          !t.isabstract &&
          !t.hasfreetypevars &&
          t.name !== T.Tuple!.name &&
          t.name !== T.Type!.name;
        return [
          `(call ${mb.need(leaf ? 'isa_leaf' : 'isa', ['ref', 'ref'], 'i32')} ${op('ref', 0)} ${mb.constRef(t)})`,
          'i32',
        ];
      }
      case 'getfield': {
        if (xs.length !== 2) return undefined;
        const ot = staticType(xs[0]!);
        const fld = valueOf(xs[1]!);
        if (!(ot instanceof DataType) || ot.isabstract || fld === undefined) return undefined;
        // a named tuple's field names and types are its parameters
        const nt = ot.name === T.NamedTuple?.name;
        const ntTypes = nt ? ot.parameters[1] : undefined;
        if (nt && !(Array.isArray(ot.parameters[0]) && ntTypes instanceof DataType && ntTypes.name === T.Tuple!.name))
          return undefined;
        const names = nt ? (ot.parameters[0] as Value[]) : ot.name.names;
        let idx: number;
        if (typeof fld === 'bigint') idx = Number(fld) - 1;
        else if (fld instanceof Sym) idx = names.indexOf(fld);
        else return undefined;
        if (idx < 0 || idx >= (nt ? names.length : Infinity)) return undefined;
        if (ot.name !== T.Tuple!.name && !(names.length > 0)) return undefined;
        // a field of a struct kept in a WasmGC vector is an element of it
        // (in an Int64 vector, the field's bits)
        if (isVecStruct(ot) && isVec(ks[0]) && idx < ot.types.length) {
          const get = `(array.get $a${ks[0].slice(1)} (struct.get $${ks[0]} 0 ${op(ks[0], 0)}) (i32.const ${idx}))`;
          if (ks[0] === 'vf64') return [get, 'f64'];
          const fk = kindOf(ot.types[idx]);
          if (ks[0] === 'vi64') return [fromRaw64(fk, get), fk];
          // a bits field: its box's bits
          if (bitsField(ot.types[idx]!)) return [fromRaw64(fk, `(call ${mb.bitsOf()} ${get})`), fk];
          // a reference field: null is #undef (an inner constructor's `new` may leave any field unset)
          return [nonNull(get, `(call ${mb.need('throw_undefref', [], undefined)})`, ot.types[idx]!), fk];
        }
        // read in the field's kind (no boxing of an Int64/Float64 field)
        const fk0 =
          ot.name === T.Tuple!.name
            ? kindOf(ot.parameters[idx] as JType)
            : nt
              ? kindOf((ntTypes as DataType).parameters[idx] as JType)
              : kindOf(ot.types[idx]);
        // a field of a constant immutable value (a keyword call's named tuple, inlined) is a constant
        const ov = valueOf(xs[0]!);
        const known = isTuple(ov as Value)
          ? (ov as Value[])[idx]
          : ov instanceof JStruct && !ov.type.ismutable
            ? ov.get(idx)
            : undefined;
        if (known !== undefined && !isVec(fk0)) return [constant(known, fk0), fk0];
        // a field holding a value kept as a WasmGC vector (an array of a bits type, a struct) is read as its owner
        // and unboxed to its vector
        if (isVec(fk0))
          return [
            conv(
              `(call ${mb.need('getfield_ref', ['ref', 'i32'], 'ref')} ${op('ref', 0)} (i32.const ${idx}))`,
              'ref',
              fk0,
            ),
            fk0,
          ];
        const fk = fk0;
        const x0 = xs[0];
        if (
          fk !== 'ref' &&
          !ot.ismutable &&
          x0 instanceof SlotNumber &&
          x0.id >= 2 &&
          x0.id <= nargSlots &&
          !assigned.has(x0.id)
        ) {
          const local = `$af${x0.id}_${idx}`;
          argFields.set(local, { slot: x0.id, idx, kind: fk });
          mb.need(`getfield_${fk}`, ['ref', 'i32'], fk);
          return [`(local.get ${local})`, fk];
        }
        return [`(call ${mb.need(`getfield_${fk}`, ['ref', 'i32'], fk)} ${op('ref', 0)} (i32.const ${idx}))`, fk];
      }
      // a captured variable's box is a vector of one reference: its contents, or UndefVarError while unassigned
      case '_getbox': {
        const name = valueOf(xs[1]!);
        if (xs.length !== 2 || ks[0] !== 'vref' || !(name instanceof Sym)) return undefined;
        return [
          nonNull(
            `(array.get $aref (struct.get $vref 0 ${op('vref', 0)}) (i32.const 0))`,
            `(call ${mb.need('throw_undefvar', ['ref'], undefined)} ${mb.constRef(name)})`,
            T.Any!,
          ),
          'ref',
        ];
      }
      case 'setfield!': {
        if (xs.length !== 3) return undefined;
        const ot = staticType(xs[0]!);
        const fld = valueOf(xs[1]!);
        if (!(ot instanceof DataType) || !ot.ismutable || !(fld instanceof Sym)) return undefined;
        const idx = ot.name.names.indexOf(fld);
        const ft = ot.types[idx];
        if (idx < 0 || ft === undefined || !issubtype(staticType(xs[2]!), ft)) return undefined;
        if (isVecStruct(ot) && isVec(ks[0])) {
          const ek = ks[0].slice(1) as Kind,
            fk = kindOf(ft);
          const raw = ek === 'f64' ? op('f64', 2) : ek === 'ref' ? refFieldOperand(xs[2]!, ft) : toRaw64(fk, op(fk, 2));
          return [
            `(block (result ${wasmType(fk)}) (array.set $a${ek} (struct.get $${ks[0]} 0 ${op(ks[0], 0)}) (i32.const ${idx}) ${raw}) ${op(fk, 2)})`,
            fk,
          ];
        }
        const vk = isVec(kindOf(ft)) ? 'ref' : kindOf(ft);
        return [
          `(call ${mb.need(`setfield_${vk}`, ['ref', 'i32', vk], vk)} ${op('ref', 0)} (i32.const ${idx}) ${op(vk, 2)})`,
          vk,
        ];
      }
      case 'sizeof':
        // a string's size is its number of bytes
        if (xs.length === 1 && staticType(xs[0]!) === T.String)
          return [`(i64.extend_i32_u (call ${mb.jsString('length')} ${op('ref', 0)}))`, 'i64'];
        // a bits value's size is its type's
        if (xs.length === 1 && ks[0] !== 'ref' && !isVec(ks[0])) {
          const t = staticType(xs[0]!) as DataType;
          return [`(i64.const ${t === T.Bool ? 1 : t.nbits / 8})`, 'i64'];
        }
        return undefined;
      // lengths and indices cross to the runtime as i32/f64 numbers: an i64 would become a BigInt there
      case 'arraylen': {
        if (xs.length !== 1) return undefined;
        const vk = arrayVec(0);
        if (vk) return [`(i64.extend_i32_u (struct.get $${vk} 1 ${op(vk, 0)}))`, 'i64'];
        return [`(i64.extend_i32_u (call ${mb.need('arraylen', ['ref'], 'i32')} ${op('ref', 0)}))`, 'i64'];
      }
      // element access: an array kept in a WasmGC vector is indexed in wasm, with Julia's bounds check (a reference
      // element also with its #undef check); a Vector{Any} goes through one runtime call typed by the element kind
      case 'arrayref': {
        if (xs.length !== 3 || ks[2] !== 'i64') return undefined;
        const vk = arrayVec(1);
        const at = staticType(xs[1]!);
        const ek0 = at instanceof DataType && at.name === T.Array!.name ? kindOf(at.parameters[0] as JType) : 'ref';
        if (vk) {
          const get = `(block (result ${vk === 'vref' ? 'anyref' : vk.slice(1)}) ${boundsCheck(vk, 1, 2)} (array.get $a${vk.slice(1)} (struct.get $${vk} 0 ${op(vk, 1)}) (i32.wrap_i64 (i64.sub ${op('i64', 2)} (i64.const 1)))))`;
          if (vk === 'vf64') return [get, 'f64'];
          // an Int64 vector of another bits type holds the elements' bits
          if (vk === 'vi64') {
            const ek = arrayElementKind(at);
            return [fromRaw64(ek, get), ek];
          }
          // a reference element: an array or struct is cast to its vector, any other is its JS value
          return [
            nonNull(get, `(call ${mb.need('throw_undefref', [], undefined)})`, (at as DataType).parameters[0] as JType),
            ek0,
          ];
        }
        // in the element's kind; an element whose value is a WasmGC vector (an array of a bits type, a struct)
        // comes as its vector
        return [
          `(call ${mb.need(`arrayref_${ek0}`, ['ref', 'f64'], ek0)} ${op('ref', 1)} (f64.convert_i64_s ${op('i64', 2)}))`,
          ek0,
        ];
      }
      case 'arrayset': {
        if (xs.length !== 4 || ks[3] !== 'i64') return undefined;
        const ak = arrayVec(1),
          vk = ks[2]!;
        if (ak) {
          const set = (x: string): [string, Kind] => [
            `(block (result ${wasmType(ak)}) ${boundsCheck(ak, 1, 3)} (array.set $a${ak.slice(1)} (struct.get $${ak} 0 ${op(ak, 1)}) (i32.wrap_i64 (i64.sub ${op('i64', 3)} (i64.const 1))) ${x}) ${op(ak, 1)})`,
            ak,
          ];
          const ek = ak === 'vi64' ? arrayElementKind(staticType(xs[1]!)) : ak === 'vf64' ? 'f64' : undefined;
          // a reference element is stored as a reference vector keeps it
          if (ak === 'vref') return set(anyOperand(xs[2]!));
          if (vk === ek) return set(ak === 'vi64' ? toRaw64(ek, op(ek, 2)) : op(ek, 2));
        }
        const sk = isVec(vk) ? 'ref' : vk;
        return [
          `(call ${mb.need(`arrayset_${sk}`, ['ref', sk, 'f64'], 'ref')} ${op('ref', 1)} ${op(sk, 2)} (f64.convert_i64_s ${op('i64', 3)}))`,
          'ref',
        ];
      }
      default:
        return undefined;
    }
  };

  // ---- basic blocks
  const starts = new Set<number>([0]);
  code.code.forEach((s, pc) => {
    if (s instanceof GotoNode) {
      starts.add(s.label - 1);
      starts.add(pc + 1);
    } else if (s instanceof GotoIfNot) {
      starts.add(s.dest - 1);
      starts.add(pc + 1);
    } else if (s instanceof ReturnNode) starts.add(pc + 1);
    else if (s instanceof Expr && s.head.name === 'enter') starts.add((s.args[0] as number) - 1);
  });
  const firsts = [...starts].filter(x => x < n).sort((a, b) => a - b);
  const nb = firsts.length;
  const blockOf: number[] = new Array(n);
  firsts.forEach((f, b) => {
    for (let pc = f; pc < (firsts[b + 1] ?? n); pc++) blockOf[pc] = b;
  });
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
  const rpo: number[] = [],
    order: number[] = new Array(nb).fill(-1);
  const seen = new Set<number>();
  // Exception handlers (`enter L`): the block of the enter gets an edge to its catch block, first, and outer
  // handlers before inner ones. The walk therefore finishes a catch block (and what follows the try) before the
  // try's body, so the catch block is placed after, and outside, every block of the body it protects (see try below).
  const excSuccs: number[][] = firsts.map(() => []);
  const handlerOf = new Map<number, number>(); // catch block -> block of its enter
  code.code.forEach((s, pc) => {
    if (!(s instanceof Expr && s.head.name === 'enter')) return;
    const h = blockOf[(s.args[0] as number) - 1]!;
    if (handlerOf.has(h)) throw new NotCompilable('catch block shared by two handlers');
    handlerOf.set(h, blockOf[pc]!);
    excSuccs[blockOf[pc]!]!.push(h);
  });
  const allSuccs = (b: number): number[] => (excSuccs[b]!.length ? [...excSuccs[b]!, ...succs[b]!] : succs[b]!);
  const dfs = (b: number): void => {
    seen.add(b);
    for (const s of allSuccs(b)) if (!seen.has(s)) dfs(s);
    rpo.push(b);
  };
  dfs(0);
  rpo.reverse();
  rpo.forEach((b, k) => {
    order[b] = k;
  });
  const preds: number[][] = firsts.map(() => []);
  for (const b of rpo) for (const s of allSuccs(b)) preds[s]!.push(b);
  // immediate dominators (Cooper, Harvey and Kennedy)
  const idom: number[] = new Array(nb).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (order[a]! > order[b]!) a = idom[a]!;
      while (order[b]! > order[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const b of rpo.slice(1)) {
      let d = -1;
      for (const p of preds[b]!) if (idom[p] !== -1) d = d === -1 ? p : intersect(p, d);
      if (d !== idom[b]) {
        idom[b] = d;
        changed = true;
      }
    }
  }
  const isBack = (from: number, to: number): boolean => order[to]! <= order[from]!;
  const loopHeader = (b: number): boolean => preds[b]!.some(p => isBack(p, b));
  const mergeNode = (b: number): boolean => preds[b]!.filter(p => !isBack(p, b)).length >= 2;
  const children = (b: number): number[] => rpo.filter(c => c !== 0 && c !== b && idom[c] === b);
  // a catch block is placed among the blocks its enter dominates (a jump to it that the optimizer left on a dead
  // path is fine; one from elsewhere is not)
  for (const [h, from] of handlerOf) if (idom[h] !== from) throw new NotCompilable('catch block outside its try');
  // handler depth at each block's entry, and of each enter: Julia's handlers nest statically
  const depthIn: number[] = new Array(nb).fill(-1);
  const enterDepth = new Map<number, number>(); // pc of an enter -> depth once it has run
  depthIn[0] = 0;
  for (const b of rpo) {
    let d = depthIn[b]!;
    if (d < 0) continue;
    for (let pc = firsts[b]!; pc <= lastOf(b); pc++) {
      const st = code.code[pc];
      if (!(st instanceof Expr)) continue;
      if (st.head.name === 'enter') {
        enterDepth.set(pc, ++d);
        const h = blockOf[(st.args[0] as number) - 1]!;
        if (depthIn[h]! >= 0 && depthIn[h] !== d - 1) throw new NotCompilable('handler depth');
        depthIn[h] = d - 1;
      } else if (st.head.name === 'leave') d -= Number(st.args[0] as bigint | number);
    }
    for (const s of succs[b]!) {
      if (depthIn[s]! >= 0 && depthIn[s] !== d && !isBack(b, s)) throw new NotCompilable('handler depth');
      if (depthIn[s]! < 0) depthIn[s] = d;
    }
  }
  const maxDepth = Math.max(0, ...enterDepth.values());
  // Locals a read may find unassigned: a forward "definitely assigned" analysis over the blocks (arguments start
  // assigned; a NewvarNode makes a local unassigned again; a catch block assumes only what its enter's block had
  // at its start). Such a local keeps a flag ($def<id>) that its assignments set.
  {
    const entry: (Set<number> | undefined)[] = new Array(nb).fill(undefined);
    entry[0] = new Set(Array.from({ length: nargSlots }, (_, k) => k + 1));
    const through = (b: number, at: Set<number>, onRead?: (pc: number, id: number) => void): Set<number> => {
      const d = new Set(at);
      for (let pc = firsts[b]!; pc <= lastOf(b); pc++) {
        const stmt = code.code[pc]!;
        if (onRead)
          forEachSlotRead(stmt, id => {
            if (!d.has(id)) onRead(pc, id);
          });
        if (stmt instanceof NewvarNode) d.delete(stmt.slot.id);
        else if (stmt instanceof Expr && stmt.head.name === '=' && stmt.args[0] instanceof SlotNumber)
          d.add(stmt.args[0].id);
      }
      return d;
    };
    const meet = (b: number, d: Set<number>): boolean => {
      const old = entry[b];
      if (!old) {
        entry[b] = new Set(d);
        return true;
      }
      let changed = false;
      for (const id of old)
        if (!d.has(id)) {
          old.delete(id);
          changed = true;
        }
      return changed;
    };
    for (let changed = true; changed;) {
      changed = false;
      for (const b of rpo) {
        if (!entry[b]) continue;
        const out = through(b, entry[b]!);
        for (const sc of succs[b]!) if (meet(sc, out)) changed = true;
        for (const h of excSuccs[b]!) if (meet(h, entry[b]!)) changed = true;
      }
    }
    for (const b of rpo)
      if (entry[b])
        through(b, entry[b]!, (pc, id) => {
          undefReads.add(`${pc}:${id}`);
          flaggedSlots.add(id);
        });
  }
  const catchDepth = (h: number): number => depthIn[h]! + 1;
  for (const b of rpo)
    for (const s of succs[b]!)
      if (isBack(b, s) && !dominatesBlock(idom, s, b)) throw new NotCompilable('irreducible control flow');

  // ---- code of one block's statements
  // Every call carries a debug location `;;@ file:line:fid`: binaryen keeps it through optimization and inlining
  // and writes it to the binary's source map, where jit.ts looks up the offset V8 reports for a compiled frame.
  const fileTag = (code.file.split('/').pop() || 'none').replace(/[^A-Za-z0-9_.-]/g, '_');
  const lineAt: number[] = [];
  for (let pc = 0, last = m.line; pc < n; pc++) lineAt.push((last = code.codelocs[pc] || last));
  const site = (wasm: string, line: number): string =>
    wasm.replace(/\(call (\$[^\s()]+)/g, (call, callee: string) => {
      const fid = frameId();
      if (callee.startsWith('$julia_')) {
        let lines = mb.callLines.get(callee);
        if (!lines) mb.callLines.set(callee, (lines = new Map()));
        const had = lines.get(fid);
        lines.set(fid, had === undefined || had === line ? line : 0);
      }
      return `\n;;@ ${fileTag}:${line}:${fid}\n${call}`;
    });
  let curPc = 0;
  const stmtCode = (pc: number): string => {
    curPc = pc;
    return site(stmtText(pc), lineAt[pc]!);
  };
  const stmtText = (pc: number): string => {
    const s = code.code[pc]!;
    if (s instanceof NewvarNode) return flaggedSlots.has(s.slot.id) ? `(local.set $def${s.slot.id} (i32.const 0))` : '';
    if (s instanceof Expr) {
      const h = s.head.name;
      if (h === '=') {
        const lhs = s.args[0]!,
          rhs = s.args[1]!;
        if (!(lhs instanceof SlotNumber)) {
          if (lhs instanceof GlobalRef) {
            return `(call ${mb.need('setglobal', ['ref', 'ref'], undefined)} ${mb.constRef(lhs)} ${operand(rhs, 'ref')})`;
          }
          throw new NotCompilable('assignment target');
        }
        // (a constant goes in the slot's kind: `nothing` as a placeholder of a vector local is a null reference)
        const rk =
          rhs instanceof Expr
            ? undefined
            : valueOf(rhs) === NOTHING() && isVec(slotKinds[lhs.id - 1])
              ? slotKinds[lhs.id - 1]!
              : operandKind(rhs);
        const [e, k] = rhs instanceof Expr ? valueExpr(rhs) : [operand(rhs, rk!), rk!];
        if (k === undefined) return `${e} (unreachable)`;
        // the assignment's own value may be used as an SSA value too
        const want = ssaKind(pc + 1);
        const flag = flaggedSlots.has(lhs.id) ? ` (local.set $def${lhs.id} (i32.const 1))` : '';
        if (want === undefined) return `(local.set ${slotLocal(lhs.id)} ${conv(e, k, slotKinds[lhs.id - 1]!)})${flag}`;
        return `(local.set $s${pc + 1} ${conv(e, k, want)}) (local.set ${slotLocal(lhs.id)} ${conv(`(local.get $s${pc + 1})`, want, slotKinds[lhs.id - 1]!)})${flag}`;
      }
      if (h === 'meta' || h === 'inbounds' || h === 'loopinfo') return '';
      const [e, k] = valueExpr(s);
      const want = ssaKind(pc + 1);
      if (k === undefined || want === undefined) return `${k === undefined ? e : `(drop ${e})`} (unreachable)`;
      return `(local.set $s${pc + 1} ${conv(e, k, want)})`;
    }
    // a plain operand as a statement (a slot read, a constant, a global)
    const want = ssaKind(pc + 1);
    if (want === undefined) return '';
    return `(local.set $s${pc + 1} ${operand(s, want)})`;
  };
  const valueExpr = (ex: Expr): [string, Kind | undefined] => {
    switch (ex.head.name) {
      case 'call':
      case 'invoke':
        return callValue(ex);
      case 'new': {
        const t = valueOf(ex.args[0]!);
        const fields = ex.args.slice(1);
        // a struct whose every field is given a value inference proved of the field's type needs no checks
        if (
          t instanceof DataType &&
          t.name !== T.Tuple!.name &&
          !t.isabstract &&
          t.name.names.length === fields.length &&
          fields.every((x, k) => t.types[k] !== undefined && issubtype(staticType(x), t.types[k]!))
        ) {
          if (t.instance !== undefined && fields.length === 0) return [mb.constRef(t.instance), 'ref'];
          // a struct kept in a WasmGC vector: its fields go unboxed, and its vector comes back
          const ek = vecKind(t);
          if (ek) {
            // made in wasm, tagged with its type and with no owner: the runtime makes its JStruct if it ever needs one
            const raw = fields.map((x, k) =>
              ek === 'f64'
                ? operand(x, 'f64')
                : ek === 'ref'
                  ? refFieldOperand(x, t.types[k]!)
                  : toRaw64(kindOf(t.types[k]), operand(x, kindOf(t.types[k]))),
            );
            return [
              `(struct.new $v${ek} (array.new_fixed $a${ek} ${fields.length} ${raw.join(' ')}) (i32.const ${fields.length}) (ref.null extern) ${mb.tagRef(t)})`,
              `v${ek}`,
            ];
          }
          return [runtimeCall('newstruct', [mb.constRef(t)], fields), 'ref'];
        }
        return [runtimeCall('new', [t !== undefined ? mb.constRef(t) : operand(ex.args[0]!, 'ref')], fields), 'ref'];
      }
      case 'foreigncall': {
        // a numeric foreign function (libm) takes and returns unboxed numbers
        const rt = valueOf(ex.args[1]!);
        const args = ex.args.slice(2);
        const ak = args.map(operandKind);
        const fname = ex.args[0] as QuoteNode | Sym;
        const fsym = fname instanceof QuoteNode ? fname.value : fname;
        if (
          rt === T.Float64 &&
          fsym instanceof Sym &&
          fsym.name === 'jl_hypot' &&
          ak.length === 2 &&
          ak.every(k => k === 'f64')
        ) {
          return [`(call ${mb.hypot()} ${operand(args[0]!, 'f64')} ${operand(args[1]!, 'f64')})`, 'f64'];
        }
        // string primitives compiled to wasm over V8's string builtins
        if (fsym instanceof Sym) {
          const fn = fsym.name;
          if (fn === 'jl_int_string' && ak.length === 3 && ak.every(k => k === 'i64')) {
            return [`(call ${mb.intString()} ${args.map(x => operand(x, 'i64')).join(' ')})`, 'ref'];
          }
          if (fn === 'jl_string_length' && args.length === 1 && staticType(args[0]!) === T.String) {
            return [`(call ${mb.stringLength()} ${operand(args[0]!, 'ref')})`, 'i64'];
          }
          // the byte at i (1-based); callers check the bounds (out of range traps)
          if (
            (fn === 'jl_codeunit_int' || fn === 'jl_codeunit') &&
            args.length === 2 &&
            staticType(args[0]!) === T.String &&
            ak[1] === 'i64'
          ) {
            const byte = `(call ${mb.jsString('charCodeAt')} ${operand(args[0]!, 'ref')} (i32.wrap_i64 (i64.sub ${operand(args[1]!, 'i64')} (i64.const 1))))`;
            return fn === 'jl_codeunit' ? [byte, 'UInt8'] : [`(i64.extend_i32_u ${byte})`, 'i64'];
          }
        }
        if (rt === T.Float64 && fsym instanceof Sym && mathForeign[fsym.name] && ak.every(k => k === 'f64')) {
          return [
            `(call ${mb.need(`math_${fsym.name}`, ak, 'f64')} ${args.map(x => operand(x, 'f64')).join(' ')})`,
            'f64',
          ];
        }
        if ((rt === T.Float64 || rt === T.Int64) && args.length <= 3 && ak.every(k => k === 'f64' || k === 'i64')) {
          const rk: Kind = rt === T.Float64 ? 'f64' : 'i64';
          const name = `foreignt_${rk}_${ak.join('_')}`;
          return [
            `(call ${mb.need(name, ['ref', ...ak], rk)} ${mb.constRef(ex.args[0]!)} ${args.map((x, k) => operand(x, ak[k]!)).join(' ')})`,
            rk,
          ];
        }
        return [runtimeCall('foreign', [mb.constRef(ex.args[0]!)], args), 'ref'];
      }
      case 'static_parameter': {
        const v = mi.sparamVals[(ex.args[0] as number) - 1];
        if (v === undefined || v instanceof TypeVar) throw new NotCompilable('unknown static parameter');
        return [mb.constRef(v as Value), 'ref'];
      }
      case 'boundscheck':
        return ['(i32.const 1)', 'i32'];
      // exception handlers: the depth of handlers in force, the catch block of the one at each depth, and the
      // runtime's depth of caught exceptions at the enter (restored when this handler catches)
      case 'enter': {
        const d = enterDepth.get(curPc)!;
        return [
          `(block (result externref) (local.set $hd (i32.const ${d})) (local.set $h${d} (i32.const ${blockOf[(ex.args[0] as number) - 1]})) (local.set $he${d} (call ${mb.need('exception_depth', [], 'i32')})) ${mb.constRef(NOTHING())})`,
          'ref',
        ];
      }
      case 'leave':
        return [
          `(block (result externref) (local.set $hd (i32.sub (local.get $hd) (i32.const ${Number(ex.args[0] as bigint | number)}))) ${mb.constRef(NOTHING())})`,
          'ref',
        ];
      case 'the_exception':
        return ['(local.get $exc)', 'ref'];
      case 'pop_exception':
        return [
          `(block (result externref) (call ${mb.need('pop_exception', [], undefined)}) ${mb.constRef(NOTHING())})`,
          'ref',
        ];
      case 'isdefined':
        throw new NotCompilable('isdefined');
      default:
        throw new NotCompilable(`statement ${ex.head.name}`);
    }
  };
  const returnKind = sig.result;
  const terminator = (b: number, branch: (to: number) => string): string => {
    const pc = lastOf(b);
    curPc = pc;
    const s = code.code[pc]!;
    if (s instanceof GotoNode) return branch(blockOf[s.label - 1]!);
    if (s instanceof GotoIfNot) {
      const c = site(operand(s.cond, 'i32'), lineAt[pc]!);
      return `(if ${c} (then ${branch(blockOf[pc + 1]!)}) (else ${branch(blockOf[s.dest - 1]!)}))`;
    }
    if (s instanceof ReturnNode) {
      if (returnKind === undefined) return '(unreachable)';
      return `(return ${site(operand(s.val, returnKind), lineAt[pc]!)})`;
    }
    return succs[b]!.length ? branch(succs[b]![0]!) : '(unreachable)';
  };
  const body = (b: number): string => {
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
    const ys = children(x)
      .filter(y => mergeNode(y) || handlerOf.has(y))
      .sort((a, b) => order[b]! - order[a]!);
    const inner = nodeWithin(x, ys);
    return loopHeader(x) ? `(loop $L${x} ${inner})` : inner;
  };
  const nodeWithin = (x: number, ys: number[]): string => {
    if (ys.length === 0) {
      const branch = (to: number): string =>
        isBack(x, to) || mergeNode(to) ? `(br ${isBack(x, to) ? '$L' : '$B'}${to})` : doTree(to);
      return `${body(x)} ${terminator(x, branch)}`;
    }
    const [y, ...rest] = ys;
    if (handlerOf.get(y!) === x) {
      // A try around what precedes the catch block y here. It may cover more than the handler's extent (code before
      // the enter, after the leave): the catch takes the exception only while this handler is the innermost one
      // (the depth and the handler at that depth say so), and rethrows it otherwise.
      const d = catchDepth(y!);
      const mine = `(i32.and (i32.eq (local.get $hd) (i32.const ${d})) (i32.eq (local.get $h${d}) (i32.const ${y})))`;
      const take = `(local.set $hd (i32.const ${d - 1})) (local.set $exc ${site(`(call ${mb.need('catch_exception', ['ref', 'i32'], 'ref')} (local.get $exn) (local.get $he${d}))`, lineAt[firsts[y!]!]!)}) (br $B${y})`;
      return `(block $B${y} (try $T${y} (do ${nodeWithin(x, rest)}) (catch $jstag (local.set $exn (pop externref)) (if ${mine} (then ${take})) (rethrow $T${y})))) ${doTree(y!)}`;
    }
    return `(block $B${y} ${nodeWithin(x, rest)}) ${doTree(y!)}`;
  };
  const structured = doTree(0);

  // ---- the function
  // parameters arrive in their specialization's kinds and are copied into the argument slots
  const params: string[] = [];
  const entry: string[] = [];
  if (sig.self) {
    params.push(`(param $p1 externref)`);
    entry.push(`(local.set $v1 ${conv('(local.get $p1)', 'ref', slotKinds[0]!)})`);
  }
  for (let k = 1; k < st.length; k++) {
    params.push(`(param $p${k + 1} ${wasmType(kindOf(st[k]))})`);
    if (k < nfixed)
      entry.push(`(local.set $v${k + 1} ${conv(`(local.get $p${k + 1})`, kindOf(st[k]), slotKinds[k]!)})`);
  }
  if (m.isva) {
    const rest = st.slice(nfixed).map((p, j) => conv(`(local.get $p${nfixed + j + 1})`, kindOf(p), 'ref'));
    entry.push(
      `(local.set $v${nfixed + 1} ${conv(
        `(call ${mb.need(
          `mktuple_${rest.length}`,
          rest.map((): Kind => 'ref'),
          'ref',
        )} ${rest.join(' ')})`,
        'ref',
        slotKinds[nfixed]!,
      )})`,
    );
  }
  const locals: string[] = [];
  for (const [local, f] of argFields) {
    locals.push(`(local ${local} ${wasmType(f.kind)})`);
    entry.push(
      `(local.set ${local} (call $getfield_${f.kind} ${conv(`(local.get $v${f.slot})`, slotKinds[f.slot - 1]!, 'ref')} (i32.const ${f.idx})))`,
    );
  }
  for (let id = 1; id <= code.slotnames.length; id++) locals.push(`(local $v${id} ${wasmType(slotKinds[id - 1]!)})`);
  if (usesFieldLocal) locals.push('(local $fld anyref)');
  for (const id of flaggedSlots) locals.push(`(local $def${id} i32)`);
  if (maxDepth > 0) {
    locals.push('(local $hd i32) (local $exn externref) (local $exc externref)');
    for (let d = 1; d <= maxDepth; d++) locals.push(`(local $h${d} i32) (local $he${d} i32)`);
  }
  for (let id = 1; id <= n; id++) {
    const k = ssaKind(id);
    if (
      k &&
      !(
        code.code[id - 1] instanceof GotoNode ||
        code.code[id - 1] instanceof GotoIfNot ||
        code.code[id - 1] instanceof ReturnNode
      )
    )
      locals.push(`(local $s${id} ${wasmType(k)})`);
  }
  const result = returnKind ? ` (result ${wasmType(returnKind)})` : '';
  // No exception handler for stack traces (only the program's own try has one): the frames of a Jolt exception
  // leaving compiled code are read off the JS stack captured when it was made (jit.ts callCompiled). A handler
  // would cost more than it tells: one reading a local that holds the line slows every call about 2x, and in V8's
  // optimized code a call inside any `try` is reported at the function's start, so its debug location could not
  // be found.
  const fbody = `${site(entry.join(' '), m.line)} ${structured} (unreachable)`;
  mb.funcs.push(
    `(func ${name} (export "${name.slice(1)}") ${params.join(' ')}${result} ${locals.join(' ')}\n ${fbody})`,
  );
}

function dominatesBlock(idom: number[], a: number, b: number): boolean {
  for (let x = b; ; x = idom[x]!) {
    if (x === a) return true;
    if (x === 0 || x === -1) return a === 0 && x === 0;
  }
}

/** the frame name a Jolt stack trace shows for this instance: `f(x::Int64, ::String)` */
function frameName(mi: MethodInstance, code: CodeInfo): string {
  const ps = ((mi.specTypes as DataType).parameters as JType[]).slice(1);
  return `${mi.def.name.name}(${ps
    .map((p, k) => {
      const nm = code.slotnames[k + 1]?.name ?? '';
      return (nm.startsWith('#') ? '' : nm) + '::' + showTypeName(p);
    })
    .join(', ')})`;
}
let showTypeName: (t: JType) => string = () => '';
export function setTypePrinter(f: (t: JType) => string): void {
  showTypeName = f;
}

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
const floatText = (v: number): string =>
  Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0' : String(v);
function typeOfLiteral(v: Value): JType {
  if (typeof v === 'bigint') return T.Int64!;
  if (typeof v === 'number') return T.Float64!;
  if (typeof v === 'boolean') return T.Bool!;
  if (typeof v === 'string') return T.String!;
  if (v instanceof Bits || v instanceof JChar) return v.jtype;
  if (isTuple(v) || v instanceof JStruct) return T.Any!;
  return T.Any!;
}
export { NOTHING };
