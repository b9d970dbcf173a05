// The Jolt object model: how every Jolt value is represented in JavaScript.
//
//   Int64            -> bigint (always kept in [-2^63, 2^63), wrapped with BigInt.asIntN(64, ·))
//   Float64          -> number
//   Bool             -> boolean
//   String           -> JS string of *bytes*: every char code is 0..255 and the string is the UTF-8 encoding
//                       (so byte indexing, ncodeunits and invalid UTF-8 are exactly Julia's; see utf8.ts)
//   Tuple            -> a frozen JS array (its type, Tuple{typeof.(xs)...}, is computed on demand)
//   everything else  -> an instance of a class below that extends JObj and knows its Jolt type
//
// The representation is shared by the interpreter and compiled code, so it must stay plain: no closures inside
// values except builtin implementations, which are looked up by name when a cache is loaded.
import type { DataType, JType } from './types.ts';
import type { CodeInfoShape } from './methods.ts';
import { f64Vec, i64Vec, refOps, bitsBox, setAdopt, type GcVec, type VecOps } from './gc_arrays.ts';

export type JTuple = readonly Value[];
export type Value = bigint | number | boolean | string | JTuple | JObj;

/** Registry of the core DataTypes, filled by bootstrap.ts (kept here so values.ts has no import cycle at load). */
export const T = {} as Record<string, DataType>;

export abstract class JObj {
  abstract get jtype(): DataType;
}

/** Interned symbol. `name` is a JS (UTF-16) string. */
export class Sym extends JObj {
  private static table = new Map<string, Sym>();
  readonly name: string;
  private constructor(name: string) {
    super();
    this.name = name;
  }
  static of(name: string): Sym {
    let s = Sym.table.get(name);
    if (!s) {
      s = new Sym(name);
      Sym.table.set(name, s);
    }
    return s;
  }
  get jtype(): DataType {
    return T.Symbol!;
  }
}
export const sym = (name: string): Sym => Sym.of(name);

/** Char, stored as its Unicode code point (Julia stores UTF-8 bytes in a UInt32; only valid chars are made here). */
export class JChar extends JObj {
  private static small: JChar[] = [];
  readonly cp: number;
  private constructor(cp: number) {
    super();
    this.cp = cp;
  }
  static of(cp: number): JChar {
    if (cp < 256) return (JChar.small[cp] ??= new JChar(cp));
    return new JChar(cp);
  }
  get jtype(): DataType {
    return T.Char!;
  }
}

/** A value of a primitive (bits) type other than Int64/Float64/Bool/Char: Int8..Int128, UInt8..UInt128,
 *  Float32, Float16 and user `primitive type`s. Integers hold a bigint normalised to the type's range;
 *  floats hold a number (already rounded to the type's precision). */
export class Bits extends JObj {
  readonly type: DataType;
  readonly v: bigint | number;
  constructor(type: DataType, v: bigint | number) {
    super();
    this.type = type;
    this.v = v;
  }
  get jtype(): DataType {
    return this.type;
  }
}

/** A BigInt: an arbitrary-precision integer held as a JS bigint. An object of its own, so that it stays a type
 *  apart from Int64 (a bare bigint); Julia's BigInt is mutable, so `===` on two of them is identity. */
export class JBigInt extends JObj {
  readonly v: bigint;
  constructor(v: bigint) {
    super();
    this.v = v;
  }
  get jtype(): DataType {
    return T.BigInt!;
  }
}

/** An instance of a struct / mutable struct (including singletons such as `nothing`, functions and closures). */
export class JStruct extends JObj {
  readonly type!: DataType;
  /** Fields live in `vec`, a WebAssembly GC vector (gc_arrays.ts) that compiled code reads and writes directly, and
   *  whose owner is this struct: a Float64 vector when every field is Float64, an Int64 vector holding each field's
   *  bits when every field is a bits value (`codecs`), else a reference vector (`refs`: a struct or array as its
   *  vector, a bits field as a box of its bits, per `codecs`, any other value itself). A struct of a type whose
   *  field types are not known (yet) keeps its fields in `fs`, a JS array. */
  private fs: (Value | undefined)[] | undefined;
  vec: GcVec | undefined;
  private ops: VecOps<number> | VecOps<bigint> | undefined;
  /** per field of an Int64 vector, or per bits field of a reference vector (kept as its bits in a box) */
  private codecs: readonly (FieldCodec | undefined)[] | undefined;
  private refs = false;
  /** `f`: the fields (`undefined` marks an unassigned, #undef, field). `vec`: the vector of a struct that compiled
   *  code made, whose fields are already in it (the vector's `*_owner` makes this struct its owner: `adopt`). */
  constructor(type: DataType, f: (Value | undefined)[], vec?: GcVec) {
    super();
    this.init(type, f, vec);
  }
  /** the constructor's work, also run by a session image being loaded on a struct it made before its type was
   *  complete (src/image/serialize.ts) */
  init(type: DataType, f: (Value | undefined)[], vec?: GcVec): void {
    (this as { type: DataType }).type = type;
    const layout = structLayout(type);
    this.refs = layout?.kind === 'ref';
    if (!layout) {
      this.fs = f;
      return;
    }
    if (this.refs) {
      const codecs = (this.codecs = layout.codecs);
      if (vec) {
        this.vec = vec;
        return;
      }
      const n = type.types.length;
      if (f.length === n && !f.includes(undefined)) {
        // a bits field goes in as its box
        this.vec = refVec.made(
          this,
          codecs ? f.map((x, i) => (codecs[i] ? (bitsBox(codecs[i].enc(x!)) as Value) : x!)) : (f as Value[]),
        );
        return;
      }
      this.vec = refVec.make(n, this);
      for (let i = 0; i < f.length; i++) if (f[i] !== undefined) this.set(i, f[i]!);
      return;
    }
    const ops = (this.ops = layout.kind === 'f64' ? f64Vec : i64Vec);
    this.codecs = layout.codecs;
    if (vec) {
      this.vec = vec;
      return;
    }
    // fields never set read as zero (Julia leaves such bits fields arbitrary)
    this.vec = ops.make(type.types.length, this);
    for (let i = 0; i < f.length; i++) if (f[i] !== undefined) this.set(i, f[i]!);
  }
  get jtype(): DataType {
    return this.type;
  }
  get nfields(): number {
    return this.fs ? this.fs.length : this.refs ? refVec.len(this.vec!) : this.ops!.len(this.vec!);
  }
  /** field i (0-based, in range); undefined for #undef */
  get(i: number): Value | undefined {
    if (this.fs) return this.fs[i];
    if (this.refs) {
      const c = this.codecs?.[i];
      return c ? c.dec(refVec.getBits(this.vec!, i)) : (refVec.get(this.vec!, i) ?? undefined);
    }
    const x = this.ops!.get(this.vec!, i);
    return this.codecs ? this.codecs[i]!.dec(x as bigint) : x;
  }
  /** stores field i (0-based, in range; a field of a bits-vector struct takes a value of the field's type) */
  set(i: number, v: Value): void {
    if (this.fs) {
      this.fs[i] = v;
      return;
    }
    if (this.refs) {
      const c = this.codecs?.[i];
      if (c) refVec.setBits(this.vec!, i, c.enc(v));
      else refVec.set(this.vec!, i, v);
      return;
    }
    (this.ops!.set as (g: GcVec, i: number, x: Value) => void)(this.vec!, i, this.codecs ? this.codecs[i]!.enc(v) : v);
  }
  /** the fields as a JS array (a copy for a struct kept in a vector) */
  fields(): readonly (Value | undefined)[] {
    if (this.fs) return this.fs;
    const out: (Value | undefined)[] = [];
    for (let i = 0, n = this.nfields; i < n; i++) out.push(this.get(i));
    return out;
  }
}
/** a value as a reference vector keeps it: a struct or array kept in a vector as that vector, anything else itself */
export function wasmValue(v: Value): unknown {
  return v instanceof JStruct || v instanceof JArray ? (v.vec ?? v) : v;
}
const refVec = refOps<Value>(wasmValue);
// a vector compiled code made gets its JStruct when the runtime first needs the struct (gc_arrays.wat *_owner)
setAdopt((v, type) => new JStruct(type as DataType, [], v));

/** a bits field's value to and from the 64 bits an Int64 vector holds for it (compiled code encodes the same way:
 *  codegen/kinds.ts toRaw64) */
interface FieldCodec {
  enc(v: Value): bigint;
  dec(x: bigint): Value;
}
const scratch = new DataView(new ArrayBuffer(8));
const identity: FieldCodec = { enc: v => v as bigint, dec: x => x };
function fieldCodec(t: DataType): FieldCodec | undefined {
  if (t === T.Int64) return identity;
  if (t === T.Float64)
    return {
      enc: v => {
        scratch.setFloat64(0, v as number);
        return scratch.getBigInt64(0);
      },
      dec: x => {
        scratch.setBigInt64(0, x);
        return scratch.getFloat64(0);
      },
    };
  if (t === T.Bool) return { enc: v => (v ? 1n : 0n), dec: x => x !== 0n };
  if (t === T.Char) return { enc: v => BigInt((v as JChar).cp), dec: x => JChar.of(Number(BigInt.asUintN(32, x))) };
  if (t === T.Float32)
    return {
      enc: v => {
        scratch.setFloat32(0, (v as Bits).v as number);
        return BigInt(scratch.getUint32(0));
      },
      dec: x => {
        scratch.setUint32(0, Number(BigInt.asUintN(32, x)));
        return new Bits(t, scratch.getFloat32(0));
      },
    };
  if (t === T.UInt64)
    return { enc: v => BigInt.asIntN(64, (v as Bits).v as bigint), dec: x => new Bits(t, BigInt.asUintN(64, x)) };
  const name = (t as { name?: { name?: Sym } }).name?.name?.name;
  const m = name === undefined ? null : /^(U?)Int(8|16|32)$/.exec(name);
  if (!m || T[name!] !== t) return undefined;
  // narrow integers: their low 32 bits, zero-extended (wasm's i64.extend_i32_u of the i32 they travel as)
  const bits = Number(m[2]),
    signed = m[1] === '';
  return {
    enc: v => BigInt.asUintN(32, (v as Bits).v as bigint),
    dec: x => new Bits(t, signed ? BigInt.asIntN(bits, x) : BigInt.asUintN(bits, x)),
  };
}
/** `codecs`: of every field for an Int64 vector; of the bits fields (the others undefined) for a reference vector */
interface StructLayout {
  kind: 'f64' | 'i64' | 'ref';
  codecs: readonly (FieldCodec | undefined)[] | undefined;
}
/** how a struct type's fields are kept (undefined: in a JS array); computed once per type */
function structLayout(t: DataType): StructLayout | undefined {
  let l = t.layout as StructLayout | null | undefined;
  if (l === undefined) {
    const ts = t.types;
    l = null;
    if (ts.length > 0 && !t.isabstract && t.name !== T.Tuple?.name && t.name !== T.NamedTuple?.name) {
      if (ts.every(x => x === T.Float64)) l = { kind: 'f64', codecs: undefined };
      else if (ts.every(x => x === T.Int64)) l = { kind: 'i64', codecs: undefined };
      else {
        const codecs = ts.map(codecOf);
        l = codecs.every(c => c !== undefined)
          ? { kind: 'i64', codecs }
          : { kind: 'ref', codecs: codecs.some(c => c !== undefined) ? codecs : undefined };
      }
    }
    // field types are set after the type is made: only a type with its fields known is remembered
    if (ts.length > 0 || t.isabstract) t.layout = l;
  }
  return l ?? undefined;
}
/** whether a field of type t of a struct kept in a reference vector holds its bits in a box (gc_arrays.wat `$bits`):
 *  the bits types compiled code keeps unboxed */
export function bitsField(t: JType): boolean {
  return codecOf(t) !== undefined;
}
/** the codec of a type's bits, when it is a bits type compiled code keeps unboxed (a field's or element's type may
 *  be any type) */
const codecOf = (t: JType | Value): FieldCodec | undefined =>
  t instanceof JObj && t.jtype === T.DataType ? fieldCodec(t as DataType) : undefined;
/** the element kind of a struct type's WasmGC vector: every field Float64 (f64), every field a bits value of the
 *  types compiled code keeps unboxed (i64: Int64 fields as they are, the others' bits), or any other (ref) */
export function structVecKind(t: DataType): 'f64' | 'i64' | 'ref' | undefined {
  return structLayout(t)?.kind;
}

/** Array{T,N}, column-major. The elements live in a WebAssembly GC vector (`vec`, gc_arrays.ts) that compiled code
 *  passes around and indexes directly (the vector points back to its JArray): Float64 and Int64 as they are, the
 *  other bits types as their bits in an Int64 vector, any other element type as JS values in a reference vector
 *  (null marking #undef). Vector{Any} alone keeps a JS array (`elts`, `undefined` marking #undef): Expr.args is one,
 *  shared with the Expr, and lowering and macros work on it as a JS array. */
export class JArray extends JObj {
  readonly type!: DataType;
  // (not a #private field: a session image makes arrays without running the constructor)
  private shape!: number[];
  /** the dimensions; a vector's length is its storage's, which compiled code changes in place (push!) */
  get dims(): number[] {
    const d = this.shape;
    if (d.length === 1 && this.ops) d[0] = this.ops.len(this.vec!);
    return d;
  }
  set dims(d: number[]) {
    this.shape = d;
  }
  private elts: (Value | undefined)[] | undefined;
  vec: GcVec | undefined;
  private ops: VecOps<unknown> | undefined;
  /** elements of a bits type other than Float64/Int64 are kept in an Int64 vector as their bits */
  private codec: FieldCodec | undefined;
  /** `data` holds the elements; an array kept in a vector copies them into it (undefined is #undef, or zero for a
   *  bits type) */
  constructor(type: DataType, data: (Value | undefined)[], dims: number[], share?: JArray) {
    super();
    this.init(type, data, dims, share);
  }
  /** the constructor's work, also run by a session image being loaded on an array it made before its type was
   *  complete (src/image/serialize.ts) */
  init(type: DataType, data: (Value | undefined)[], dims: number[], share?: JArray): void {
    (this as { type: DataType }).type = type;
    this.dims = dims;
    const store = share ? { ops: share.ops, codec: share.codec } : vecStorageFor(type);
    const ops = (this.ops = store?.ops);
    this.codec = store?.codec;
    if (share) {
      this.vec = share.vec ? ops!.view(share.vec, this) : undefined;
      this.elts = share.elts;
      return;
    }
    if (ops) {
      this.vec = ops.make(data.length, this);
      for (let k = 0; k < data.length; k++) if (data[k] !== undefined) this.put(k, data[k]!);
    } else this.elts = data;
  }
  /** a new array of `len` elements (#undef, or zero for a bits element type) */
  static alloc(type: DataType, len: number, dims: number[]): JArray {
    if (!vecStorageFor(type)) return new JArray(type, new Array<Value | undefined>(len).fill(undefined), dims);
    const a = new JArray(type, [], dims);
    a.resize(len);
    return a;
  }
  /** sets the number of elements (new ones #undef, or zero for a bits element type) */
  resize(n: number): void {
    if (this.ops) this.ops.resize(this.vec!, n);
    else if (n < this.elts!.length) this.elts!.length = n;
    else while (this.elts!.length < n) this.elts!.push(undefined);
  }
  /** an array of another shape (reshape) sharing this one's elements */
  sharing(type: DataType, dims: number[]): JArray {
    return new JArray(type, [], dims, this);
  }
  get jtype(): DataType {
    return this.type;
  }
  get length(): number {
    return this.ops ? this.ops.len(this.vec!) : this.elts!.length;
  }
  /** element at 0-based `i` (in range); undefined for #undef */
  at(i: number): Value | undefined {
    if (!this.ops) return this.elts![i];
    const x = this.ops.get(this.vec!, i);
    return this.codec ? this.codec.dec(x as bigint) : ((x ?? undefined) as Value | undefined);
  }
  /** stores at 0-based `i` (in range); an array of a bits type takes a value of its element type */
  put(i: number, v: Value): void {
    if (this.ops) this.ops.set(this.vec!, i, this.codec ? this.codec.enc(v) : v);
    else this.elts![i] = v;
  }
  /** the elements as a JS array: the shared storage itself for a Vector{Any}, a copy otherwise */
  boxed(): (Value | undefined)[] {
    if (!this.ops) return this.elts!;
    const out: (Value | undefined)[] = [];
    for (let k = 0, n = this.length; k < n; k++) out.push(this.at(k));
    return out;
  }
  /** inserts `k` #undef (zero) elements before 0-based `at` */
  insert(at: number, k: number): void {
    if (k <= 0) return;
    if (!this.ops) {
      this.elts!.splice(at, 0, ...new Array<undefined>(k).fill(undefined));
      return;
    }
    const n = this.length;
    this.ops.resize(this.vec!, n + k);
    this.ops.move(this.vec!, at + k, at, n - at);
    this.ops.zero(this.vec!, at, k);
  }
  /** removes `k` elements from 0-based `at` */
  remove(at: number, k: number): void {
    if (k <= 0) return;
    if (!this.ops) {
      this.elts!.splice(at, k);
      return;
    }
    const n = this.length;
    this.ops.move(this.vec!, at, at + k, n - at - k);
    this.ops.resize(this.vec!, n - k);
  }
}
/** how an array type keeps its elements in a WasmGC vector (see JArray; codegen/kinds.ts vecKind agrees):
 *  undefined for Vector{Any}'s JS array */
interface VecStorage {
  ops: VecOps<unknown>;
  codec: FieldCodec | undefined;
}
const storageOf = new WeakMap<DataType, VecStorage | null>();
function vecStorageFor(type: DataType): VecStorage | undefined {
  let st = storageOf.get(type);
  if (st === undefined) {
    const e = type.parameters[0];
    const codec = e === T.Float64 || e === T.Int64 ? undefined : codecOf(e!);
    st =
      e === T.Float64
        ? { ops: f64Vec as VecOps<unknown>, codec: undefined }
        : e === T.Int64
          ? { ops: i64Vec as VecOps<unknown>, codec: undefined }
          : codec
            ? { ops: i64Vec as VecOps<unknown>, codec }
            : refElements(type)
              ? { ops: refVec as VecOps<unknown>, codec: undefined }
              : null;
    storageOf.set(type, st);
  }
  return st ?? undefined;
}
/** whether an array type not of a bits element type keeps its elements in a reference vector: all but Vector{Any}
 *  (and a type with free type variables, which has no values) */
export function refElements(type: DataType): boolean {
  return type.parameters[0] !== T.Any && !type.hasfreetypevars;
}

/** A builtin function (Core.getfield, Core.tuple, ...) or an intrinsic (Core.Intrinsics.add_int, ...).
 *  `type` is `typeof(f)` (a subtype of Core.Builtin) or Core.IntrinsicFunction. */
export class BuiltinFunction extends JObj {
  readonly name: string;
  readonly type: DataType;
  readonly impl: (args: Value[]) => Value;
  constructor(name: string, type: DataType, impl: (args: Value[]) => Value) {
    super();
    this.name = name;
    this.type = type;
    this.impl = impl;
  }
  get jtype(): DataType {
    return this.type;
  }
}

export class Binding {
  value: Value | undefined = undefined;
  constant = false;
  /** `global x::T` declared type */
  declaredType: JType | undefined = undefined;
  /** set when the binding was imported from another module (value is read from `imported`) */
  imported: Binding | undefined = undefined;
  readonly owner: Module;
  readonly name: Sym;
  constructor(owner: Module, name: Sym) {
    this.owner = owner;
    this.name = name;
  }
  get(): Value | undefined {
    return this.imported ? this.imported.get() : this.value;
  }
}

export class Module extends JObj {
  readonly bindings = new Map<Sym, Binding>();
  readonly exports = new Set<Sym>();
  /** modules brought in with `using` (their exported names are visible) */
  readonly usings: Module[] = [];
  /** numbers the global names lowering generates here (closure types, keyword bodies), as Julia's module counter */
  counter = 0;
  readonly name: Sym;
  readonly parent: Module | null;
  constructor(name: Sym, parent: Module | null) {
    super();
    this.name = name;
    this.parent = parent;
  }
  get jtype(): DataType {
    return T.Module!;
  }
}

/** Julia's Expr: a mutable struct `head::Symbol, args::Vector{Any}`. `args` is a plain JS array here;
 *  `getfield(ex, :args)` hands Jolt code a Vector{Any} that shares this very array. */
export class Expr extends JObj {
  argsVector: JArray | undefined = undefined;
  head: Sym;
  args: Value[];
  constructor(head: Sym, args: Value[]) {
    super();
    this.head = head;
    this.args = args;
  }
  get jtype(): DataType {
    return T.Expr!;
  }
}
export const mkExpr = (head: string, ...args: Value[]): Expr => new Expr(Sym.of(head), args);

export class QuoteNode extends JObj {
  readonly value: Value;
  constructor(value: Value) {
    super();
    this.value = value;
  }
  get jtype(): DataType {
    return T.QuoteNode!;
  }
}

export class LineNumberNode extends JObj {
  /** file is a Sym, or null for `nothing` */
  readonly line: number;
  readonly file: Sym | null;
  constructor(line: number, file: Sym | null) {
    super();
    this.line = line;
    this.file = file;
  }
  get jtype(): DataType {
    return T.LineNumberNode!;
  }
}

export class GlobalRef extends JObj {
  readonly mod: Module;
  readonly name: Sym;
  constructor(mod: Module, name: Sym) {
    super();
    this.mod = mod;
    this.name = name;
  }
  get jtype(): DataType {
    return T.GlobalRef!;
  }
}

/** A thrown Jolt exception travelling through JS code. Not an Error subclass: capturing a JS stack is costly and
 *  the Jolt backtrace is what users see. `bt` is filled in by the interpreter. */
export class JoltThrow {
  bt: StackFrame[] = [];
  /** set once the interpreter has appended its own frames to `bt` (compiled frames are inserted as the exception
   *  leaves compiled code) */
  btDone = false;
  readonly value: Value;
  /** the JS stack where it was made, captured only while compiled code runs (the holder Error.captureStackTrace
   *  fills, formatted lazily): its wasm frames are the compiled frames of the backtrace (jit.ts callCompiled) */
  readonly jsStack: object | undefined;
  /** native_frames.ts's reading of jsStack, made when the exception first leaves compiled code */
  native: NativeTrace | undefined;
  /** calls into compiled code in progress (jit.ts callCompiled): without one, no compiled frame is on the stack */
  static compiledCalls = 0;
  constructor(value: Value) {
    this.value = value;
    this.jsStack = JoltThrow.compiledCalls > 0 ? captureJsStack() : undefined;
  }
}
export interface StackFrame {
  func: string;
  file: string;
  line: number;
  mod?: string;
  /** an interpreter frame running a statement of inlined code: its body and the statement's location there
   *  (methods.ts InlinedCalls), whose inlined calls a backtrace shows as frames */
  inlinedIn?: CodeInfoShape;
  inlinedLoc?: number;
}
/** a JoltThrow's captured stack as V8's structured frames, innermost first, and how far it has been read */
export interface NativeTrace {
  sites: readonly NodeJS.CallSite[];
  next: number;
}

/** All of the stack (a compiled frame beyond a limit would be missing from the backtrace): capturing costs about a
 *  microsecond a frame, as Julia's own backtrace collection grows with the depth. */
function captureJsStack(): object {
  const holder = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Infinity;
  Error.captureStackTrace(holder);
  Error.stackTraceLimit = limit;
  return holder;
}

export const isTuple = (v: Value): v is JTuple => Array.isArray(v);
/** a tuple of these values (the array itself). Tuples are immutable by type (JTuple is readonly) rather than frozen:
 *  Object.freeze cost about 100 ns a tuple, more than the rest of making one. */
export const mkTuple = (a: Value[]): JTuple => a;

/** Core.SimpleVector (`svec`): an immutable vector used by type definitions and method signatures. */
export class SVec extends JObj {
  readonly items: readonly Value[];
  constructor(items: readonly Value[]) {
    super();
    this.items = items;
  }
  get jtype(): DataType {
    return T.SimpleVector!;
  }
}
