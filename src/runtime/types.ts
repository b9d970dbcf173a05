// Jolt's type objects, with Julia's names: DataType, TypeName, Union, UnionAll, TypeVar, Vararg, Union{}.
// Types are Jolt values too (they extend JObj). DataTypes are interned by (TypeName, parameters), so `===` on
// types is JS identity for DataTypes; Unions and UnionAlls are compared structurally (see subtype.ts).
import { JObj, T, type Value, type Sym, type Module } from './values.ts';
import type { MethodTable } from './methods.ts';

export type JType = DataType | UnionType | UnionAll | TypeVar | BottomType;

export class TypeName extends JObj {
  /** the type with all parameters free: a DataType, or a UnionAll wrapping one */
  wrapper!: JType;
  /** field names (empty for abstract and primitive types) */
  names: Sym[] = [];
  mutable = false;
  abstract = false;
  /** methods whose first argument is an instance of this type (functions, callable structs) or, for a type's own
   *  name, its constructors `(::Type{X})(...)`. Created lazily. */
  mt: MethodTable | undefined = undefined;
  /** cache of instantiations: key of parameters -> DataType */
  readonly cache = new Map<string, DataType>();
  /** number of initialized fields required by `new` (fields after that may be #undef) */
  ninitialized = 0;
  readonly name: Sym;
  readonly module: Module;
  constructor(name: Sym, module: Module) {
    super();
    this.name = name;
    this.module = module;
  }
  get jtype(): DataType {
    return T.TypeName!;
  }
}

export class DataType extends JObj {
  /** supertype; null only for Any */
  super: DataType | null = null;
  /** field types, instantiated with this type's parameters (filled by _typebody! for user types) */
  types: JType[] = [];
  isabstract = false;
  ismutable = false;
  /** primitive (bits) type with this many bits; 0 for structs */
  nbits = 0;
  isprimitive = false;
  /** the single instance of a singleton type (e.g. `nothing`, a function with no captures) */
  instance: Value | undefined = undefined;
  /** true for types with no free TypeVars: a concrete DataType can have instances */
  hasfreetypevars = false;
  /** how a struct of this type keeps its fields (values.ts structLayout; null: in a JS array), once known */
  layout: unknown = undefined;
  /** the tag that WasmGC vectors of this type's values carry (gc_arrays.ts typeTag), once made */
  wasmTag: unknown = undefined;
  readonly name: TypeName;
  readonly parameters: readonly (JType | Value)[];
  constructor(name: TypeName, parameters: readonly (JType | Value)[]) {
    super();
    this.name = name;
    this.parameters = parameters;
  }
  get jtype(): DataType {
    return T.DataType!;
  }
}

/** Union{A, B, ...}; `types` is flattened, deduplicated and in Julia's canonical order (union.ts). */
export class UnionType extends JObj {
  readonly types: readonly JType[];
  constructor(types: readonly JType[]) {
    super();
    this.types = types;
  }
  get jtype(): DataType {
    return T.Union!;
  }
}

export class TypeVar extends JObj {
  readonly name: Sym;
  lb: JType;
  ub: JType;
  constructor(name: Sym, lb: JType, ub: JType) {
    super();
    this.name = name;
    this.lb = lb;
    this.ub = ub;
  }
  get jtype(): DataType {
    return T.TypeVar!;
  }
}

/** `body where var` */
export class UnionAll extends JObj {
  readonly v: TypeVar;
  readonly body: JType;
  constructor(v: TypeVar, body: JType) {
    super();
    this.v = v;
    this.body = body;
  }
  get jtype(): DataType {
    return T.UnionAll!;
  }
}

/** Vararg{T, N}: only valid as the last parameter of a Tuple type. N undefined means any length. */
export class VarargType extends JObj {
  readonly T: JType;
  readonly N: Value | TypeVar | undefined;
  constructor(T: JType, N: Value | TypeVar | undefined) {
    super();
    this.T = T;
    this.N = N;
  }
  get jtype(): DataType {
    return T.TypeofVararg!;
  }
}

/** Union{} (typeof(Union{}) === Core.TypeofBottom) */
export class BottomType extends JObj {
  get jtype(): DataType {
    return T.TypeofBottom!;
  }
}
export const Bottom = new BottomType();

export const isType = (v: unknown): v is JType =>
  v instanceof DataType ||
  v instanceof UnionType ||
  v instanceof UnionAll ||
  v instanceof TypeVar ||
  v instanceof BottomType;
