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
  private constructor(name: string) { super(); this.name = name; }
  static of(name: string): Sym {
    let s = Sym.table.get(name);
    if (!s) { s = new Sym(name); Sym.table.set(name, s); }
    return s;
  }
  get jtype(): DataType { return T.Symbol!; }
}
export const sym = (name: string): Sym => Sym.of(name);
let gensymCounter = 0;
export function gensym(base = ''): Sym { return Sym.of(`##${base}#${++gensymCounter}`); }

/** Char, stored as its Unicode code point (Julia stores UTF-8 bytes in a UInt32; only valid chars are made here). */
export class JChar extends JObj {
  private static small: JChar[] = [];
  readonly cp: number;
  private constructor(cp: number) { super(); this.cp = cp; }
  static of(cp: number): JChar {
    if (cp < 256) return (JChar.small[cp] ??= new JChar(cp));
    return new JChar(cp);
  }
  get jtype(): DataType { return T.Char!; }
}

/** A value of a primitive (bits) type other than Int64/Float64/Bool/Char: Int8..Int128, UInt8..UInt128,
 *  Float32, Float16 and user `primitive type`s. Integers hold a bigint normalised to the type's range;
 *  floats hold a number (already rounded to the type's precision). */
export class Bits extends JObj {
  readonly type: DataType;
  readonly v: bigint | number;
  constructor(type: DataType, v: bigint | number) { super(); this.type = type; this.v = v; }
  get jtype(): DataType { return this.type; }
}

/** An instance of a struct / mutable struct (including singletons such as `nothing`, functions and closures). */
export class JStruct extends JObj {
  /** fields in declaration order; `undefined` marks an unassigned (#undef) field */
  readonly type: DataType;
  f: (Value | undefined)[];
  constructor(type: DataType, f: (Value | undefined)[]) { super(); this.type = type; this.f = f; }
  get jtype(): DataType { return this.type; }
}

/** Array{T,N}. `data` is column-major; it is never replaced by another JS array (views such as Expr.args share it). */
export class JArray extends JObj {
  readonly type: DataType;
  data: (Value | undefined)[];
  dims: number[];
  constructor(type: DataType, data: (Value | undefined)[], dims: number[]) { super(); this.type = type; this.data = data; this.dims = dims; }
  get jtype(): DataType { return this.type; }
  get length(): number { return this.data.length; }
}

/** A builtin function (Core.getfield, Core.tuple, ...) or an intrinsic (Core.Intrinsics.add_int, ...).
 *  `type` is `typeof(f)` (a subtype of Core.Builtin) or Core.IntrinsicFunction. */
export class BuiltinFunction extends JObj {
  readonly name: string;
  readonly type: DataType;
  readonly impl: (args: Value[]) => Value;
  constructor(name: string, type: DataType, impl: (args: Value[]) => Value) { super(); this.name = name; this.type = type; this.impl = impl; }
  get jtype(): DataType { return this.type; }
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
  constructor(owner: Module, name: Sym) { this.owner = owner; this.name = name; }
  get(): Value | undefined { return this.imported ? this.imported.get() : this.value; }
}

export class Module extends JObj {
  readonly bindings = new Map<Sym, Binding>();
  readonly exports = new Set<Sym>();
  /** modules brought in with `using` (their exported names are visible) */
  readonly usings: Module[] = [];
  readonly name: Sym;
  readonly parent: Module | null;
  constructor(name: Sym, parent: Module | null) { super(); this.name = name; this.parent = parent; }
  get jtype(): DataType { return T.Module!; }
}

/** Julia's Expr: a mutable struct `head::Symbol, args::Vector{Any}`. `args` is a plain JS array here;
 *  `getfield(ex, :args)` hands Jolt code a Vector{Any} that shares this very array. */
export class Expr extends JObj {
  argsVector: JArray | undefined = undefined;
  head: Sym;
  args: Value[];
  constructor(head: Sym, args: Value[]) { super(); this.head = head; this.args = args; }
  get jtype(): DataType { return T.Expr!; }
}
export const mkExpr = (head: string, ...args: Value[]): Expr => new Expr(Sym.of(head), args);

export class QuoteNode extends JObj {
  readonly value: Value;
  constructor(value: Value) { super(); this.value = value; }
  get jtype(): DataType { return T.QuoteNode!; }
}

export class LineNumberNode extends JObj {
  /** file is a Sym, or null for `nothing` */
  readonly line: number;
  readonly file: Sym | null;
  constructor(line: number, file: Sym | null) { super(); this.line = line; this.file = file; }
  get jtype(): DataType { return T.LineNumberNode!; }
}

export class GlobalRef extends JObj {
  readonly mod: Module;
  readonly name: Sym;
  constructor(mod: Module, name: Sym) { super(); this.mod = mod; this.name = name; }
  get jtype(): DataType { return T.GlobalRef!; }
}

// ---- IR nodes (Core.SSAValue, Core.SlotNumber, ...): statements of a CodeInfo are Jolt values, as in Julia ----

export class SSAValue extends JObj {
  readonly id: number;
  constructor(id: number) { super(); this.id = id; } // 1-based statement index
  get jtype(): DataType { return T.SSAValue!; }
}
export class SlotNumber extends JObj {
  readonly id: number;
  constructor(id: number) { super(); this.id = id; } // 1-based; slot 1 is the function itself (#self#)
  get jtype(): DataType { return T.SlotNumber!; }
}
export class GotoNode extends JObj {
  readonly label: number;
  constructor(label: number) { super(); this.label = label; } // target statement index (1-based)
  get jtype(): DataType { return T.GotoNode!; }
}
export class GotoIfNot extends JObj {
  readonly cond: Value;
  readonly dest: number;
  constructor(cond: Value, dest: number) { super(); this.cond = cond; this.dest = dest; }
  get jtype(): DataType { return T.GotoIfNot!; }
}
export class ReturnNode extends JObj {
  readonly val: Value;
  constructor(val: Value) { super(); this.val = val; }
  get jtype(): DataType { return T.ReturnNode!; }
}
export class NewvarNode extends JObj {
  readonly slot: SlotNumber;
  constructor(slot: SlotNumber) { super(); this.slot = slot; }
  get jtype(): DataType { return T.NewvarNode!; }
}

/** A thrown Jolt exception travelling through JS code. Not an Error subclass: capturing a JS stack is costly and
 *  the Jolt backtrace is what users see. `bt` is filled in by the interpreter. */
export class JoltThrow {
  bt: StackFrame[] = [];
  /** set once the interpreter has appended its own frames to `bt` (compiled frames are inserted as they unwind) */
  btDone = false;
  readonly value: Value;
  constructor(value: Value) { this.value = value; }
}
export interface StackFrame { func: string; file: string; line: number; mod?: string; }

export const isTuple = (v: Value): v is JTuple => Array.isArray(v);

/** Core.SimpleVector (`svec`): an immutable vector used by type definitions and method signatures. */
export class SVec extends JObj {
  readonly items: readonly Value[];
  constructor(items: readonly Value[]) { super(); this.items = items; }
  get jtype(): DataType { return T.SimpleVector!; }
}
