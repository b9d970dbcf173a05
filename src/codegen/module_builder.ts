// What one wasm module being built shares across its functions (codegen's unit of compilation): the constants and
// type tags it imports, the runtime imports it calls, the functions queued for it and the frames of its functions
// in Jolt backtraces. Helpers written directly in wasm (hypot, integer strings...) are added once per module.
import { T, Sym, type Value } from '../runtime/values.ts';
import { GotoNode, GotoIfNot } from '../ir/nodes.ts';
import { DataType, UnionType, Bottom, type JType } from '../runtime/types.ts';
import type { MethodInstance, CodeInstance } from '../runtime/methods.ts';
import { vecKind, type Kind } from './kinds.ts';
import { signatureOf, type Signature } from './signature.ts';
import { GC_VECTOR_TYPES, funcTypeText } from './wat.ts';
import { hypotFunc, intStringFunc, stringLengthFunc } from './wasm_helpers.ts';

/** callees of at most this many typed statements, without loops, are compiled into each module that calls them */
const COPY_MAX_STATEMENTS = 8;

/** a compiled function as a Jolt backtrace shows it: `name` is its wasm name, `line` its method's definition line */
export interface FrameInfo {
  func: string;
  file: string;
  mod: string;
  name: string;
  line: number;
}

/** What one module being built shares across its functions: constants, runtime imports, frames, callees. */
export class ModuleBuilder {
  readonly consts: Value[] = [];
  private readonly constIndex = new Map<Value, number>();
  readonly imports = new Map<string, string>(); // import name -> its declaration
  /** dynamic call sites so far (each has an inline cache in the runtime, by index) */
  callSites = 0;
  /** each function's frame in Jolt backtraces, by fid (the third number of its calls' `;;@` annotations) */
  readonly frames: FrameInfo[] = [];
  /** the module's name (set by text()): its root's name and a hash of its content, so that the same code compiled
   *  in two processes gets the same name and bytes, and a name stands for one module's bytes and debug tables
   *  (V8 shows it in the URL of its functions' stack frames, native_frames.ts) */
  name = '';
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

  /** `hypot` in wasm (wasm_helpers.ts) */
  hypot(): string {
    if (this.helpers.has('hypot')) return '$jl_hypot';
    this.helpers.add('hypot');
    this.funcs.push(hypotFunc());
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

  /** `string(x::Int64; base, pad)` in wasm (wasm_helpers.ts) */
  intString(): string {
    if (this.helpers.has('intString')) return '$jl_int_string';
    this.helpers.add('intString');
    const fallback =
      `(call ${this.need('foreign_3', ['ref', 'ref', 'ref', 'ref'], 'ref')} ` +
      `${this.constRef(Sym.of('jl_int_string'))} ` +
      `(call ${this.need('box_i64', ['i64'], 'ref')} (local.get $x)) ` +
      `(call $box_i64 (local.get $b)) (call $box_i64 (local.get $pad)))`;
    this.globals.push('(global $int_digits (ref null $a16) (array.new_default $a16 (i32.const 65)))');
    this.funcs.push(intStringFunc(fallback, this.jsString('fromCharCodeArray')));
    return '$jl_int_string';
  }

  /** `length(s::String)` in wasm (wasm_helpers.ts) */
  stringLength(): string {
    if (this.helpers.has('stringLength')) return '$jl_string_length';
    this.helpers.add('stringLength');
    this.funcs.push(stringLengthFunc(this.jsString('length')));
    this.jsString('charCodeAt');
    return '$jl_string_length';
  }

  /** a reference vector's element as a JS value (gc_arrays.wat from_any): a vector's owner, any other value
   *  itself */
  fromAny(): string {
    if (this.helpers.has('fromAny')) return '$jl_from_any';
    this.helpers.add('fromAny');
    const owner = (v: 'vf64' | 'vi64' | 'vref'): string =>
      `(if (ref.test (ref $${v}) (local.get $x)) ` +
      `(then (return (call ${this.boxVec(v)} (ref.cast (ref $${v}) (local.get $x))))))`;
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
  (if (ref.test (ref $bits) (local.get $x))
   (then (return (struct.get $bits 0 (ref.cast (ref $bits) (local.get $x))))))
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
  (if (ref.is_null (local.tee $o (struct.get $${k} 2 (local.get $v))))
   (then (return (call ${gcOwner} (ref.as_non_null (local.get $v))))))
  (local.get $o))`);
    return name;
  }
  /** `jl_array_grow_end` / `jl_array_del_end` (push!, pop!, append!, resize!) on an array kept in a vector: its
   *  length changes in wasm, the capacity at least doubling when it must grow, as gc_arrays.wat's resize does (new
   *  elements read as zero or #undef); a count out of range goes to the runtime, which raises the error. */
  resizeEnd(k: 'vf64' | 'vi64' | 'vref', grow: boolean): string {
    const name = `$jl_${grow ? 'grow' : 'del'}_end_${k}`;
    if (this.helpers.has(name)) return name;
    this.helpers.add(name);
    const fname = grow ? 'jl_array_grow_end' : 'jl_array_del_end';
    const fallback =
      `(drop (call ${this.need('foreign_2', ['ref', 'ref', 'ref'], 'ref')} ${this.constRef(Sym.of(fname))} ` +
      `(call ${this.boxVec(k)} (local.get $v)) (call ${this.need('box_i64', ['i64'], 'ref')} (local.get $k))))`;
    const a = `$a${k.slice(1)}`;
    const zero = k === 'vf64' ? '(f64.const 0)' : k === 'vi64' ? '(i64.const 0)' : '(ref.null any)';
    const body = grow
      ? `(if (i64.gt_u (local.get $k) (i64.const 0x10000000)) (then ${fallback} (return)))
  (local.set $n (i32.add (local.get $len) (i32.wrap_i64 (local.get $k))))
  (local.set $old (struct.get $${k} 0 (local.get $v)))
  (if (i32.gt_u (local.get $n) (array.len (local.get $old)))
   (then
    (local.set $new (array.new_default ${a} (select (local.get $n) (i32.shl (array.len (local.get $old)) (i32.const 1))
     (i32.gt_u (local.get $n) (i32.shl (array.len (local.get $old)) (i32.const 1))))))
    (array.copy ${a} ${a} (local.get $new) (i32.const 0) (local.get $old) (i32.const 0) (local.get $len))
    (struct.set $${k} 0 (local.get $v) (ref.as_non_null (local.get $new))))
   (else (array.fill ${a} (local.get $old) (local.get $len) ${zero} (local.get $k32))))`
      : `(if (i64.gt_u (local.get $k) (i64.extend_i32_u (local.get $len))) (then ${fallback} (return)))
  (local.set $n (i32.sub (local.get $len) (i32.wrap_i64 (local.get $k))))`;
    this.funcs.push(`(func ${name} (param $v (ref null $${k})) (param $k i64)
  (local $len i32) (local $n i32) (local $k32 i32) (local $old (ref null ${a})) (local $new (ref null ${a}))
  (local.set $len (struct.get $${k} 1 (local.get $v)))
  (local.set $k32 (i32.wrap_i64 (local.get $k)))
  ${body}
  (struct.set $${k} 1 (local.get $v) (local.get $n)))`);
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
      this.imports.set(name, `(import "rt" "${name}" (func $${name}${funcTypeText(params, result)}))`);
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
      return `(import "fn" "${name.slice(1)}" (func ${name}${funcTypeText(s.params, s.result)}))`;
    });
    const body = [
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
    const root = this.queue[0]?.def.def.name.name ?? 'module';
    const debug = JSON.stringify([this.frames, [...this.callLines].map(([callee, lines]) => [callee, [...lines]])]);
    this.name = `jolt_${root.replace(/[^A-Za-z0-9_]/g, '_')}_${contentHash(body, debug)}`;
    return `(module $${this.name}\n${body}`;
  }
}

/** a short hash of a module's text and debug tables (16 hex digits of their SHA-256) */
function contentHash(text: string, debug: string): string {
  return process
    .getBuiltinModule('node:crypto')
    .createHash('sha256')
    .update(text)
    .update('\0')
    .update(debug)
    .digest('hex')
    .slice(0, 16);
}

/** whether typed code has a loop (a jump backwards) */
export function hasLoop(code: readonly Value[]): boolean {
  return code.some(
    (st, pc) => (st instanceof GotoNode && st.label <= pc + 1) || (st instanceof GotoIfNot && st.dest <= pc + 1),
  );
}
/** whether a value of type t may be one kept in a WasmGC vector of its own (a struct, an array) */
function mayBeVec(t: JType): boolean {
  if (t instanceof UnionType) return t.types.some(mayBeVec);
  if (t === Bottom) return false;
  if (!(t instanceof DataType) || t.isabstract || t.hasfreetypevars) return true;
  return vecKind(t) !== undefined;
}

/** a readable wasm name for an instance, as Julia names its native functions (`julia_fib_0`) */
function wasmName(mi: MethodInstance): string {
  return (
    'julia_' + mi.def.name.name.replace(/[^A-Za-z0-9_]/g, c => (c === '!' ? '!' : '_' + c.charCodeAt(0).toString(16)))
  );
}
