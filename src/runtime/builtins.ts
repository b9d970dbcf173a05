// Core's builtin functions and the binding of intrinsics into Core / Core.Intrinsics.
import {
  T,
  Sym,
  Module,
  JStruct,
  JArray,
  SVec,
  Expr,
  QuoteNode,
  LineNumberNode,
  GlobalRef,
  Binding,
  BuiltinFunction,
  JoltThrow,
  Bits,
  isTuple,
  mkTuple,
  type Value,
} from './values.ts';
import { DataType, UnionType, UnionAll, TypeVar, VarargType, Bottom, isType, type JType } from './types.ts';
import { state, lookupBinding } from './modules.ts';
import { typeOf } from './typeof.ts';
import { issubtype, sub } from './subtype.ts';
import { applyType, applyTypeName, makeType, unwrap, subst, tupleType } from './apply_type.ts';
import { bindConst } from './bootstrap.ts';
import { jthrow, typeError, caughtExceptions } from './errors.ts';
import { intrinsics } from './intrinsics.ts';
import { hooks } from './hooks.ts';
import { showType } from './show_type.ts';
import { Method } from './methods.ts';

export function isa(v: Value, t: JType): boolean {
  if (t === T.Any) return true;
  if (isType(v) && !(v instanceof TypeVar) && isTypeOfType(t))
    return sub(applyTypeName(T.Type!.name, [v]), t, new Map(), true);
  return issubtype(typeOf(v), t);
}

/** `Type{X}`, or such a type under `where` (`Type{Array{T}} where T`), or a Union with such a member
 *  (`Union{Type{Int8}, Type{Int16}}`) */
function isTypeOfType(t: JType): boolean {
  while (t instanceof UnionAll) t = t.body;
  if (t instanceof UnionType) return t.types.some(isTypeOfType);
  return t instanceof DataType && t.name === T.Type!.name;
}

function fieldIndex(v: Value, f: Value): number {
  const t = typeOf(v);
  if (typeof f === 'bigint') return Number(f) - 1;
  if (f instanceof Sym) {
    const i = t.name.names.indexOf(f);
    if (i < 0) {
      if (t.name === T.NamedTuple!.name) {
        const names = t.parameters[0] as Value[];
        const k = names.indexOf(f);
        if (k >= 0) return k;
      }
      noField(t, f);
    }
    return i;
  }
  return typeError('getfield', '', T.Symbol!, f);
}

export function getfield(v: Value, f: Value): Value {
  if (isTuple(v)) {
    if (typeof f !== 'bigint') typeError('getfield', '', T.Int64!, f);
    const i = Number(f);
    if (i < 1 || i > v.length) jthrow('BoundsError', v, f);
    return v[i - 1]!;
  }
  if (v instanceof JStruct) {
    const i = fieldIndex(v, f);
    if (i < 0 || i >= v.nfields) jthrow('BoundsError', v, f);
    const x = v.get(i);
    if (x === undefined) jthrow('UndefRefError');
    return x;
  }
  // objects with a host representation take field names; compiled code passes positions
  if (typeof f === 'bigint') f = typeOf(v).name.names[Number(f) - 1] ?? f;
  if (v instanceof Expr) {
    const n = (f as Sym).name;
    if (n === 'head') return v.head;
    if (n === 'args')
      return (v.argsVector ??= new JArray(applyTypeName(T.Array!.name, [T.Any!, 1n]), v.args, [v.args.length]));
  }
  if (v instanceof QuoteNode) return v.value;
  if (v instanceof LineNumberNode) {
    const n = (f as Sym).name;
    return n === 'line' ? BigInt(v.line) : (v.file ?? T.Nothing!.instance!);
  }
  if (v instanceof Method) {
    const n = (f as Sym).name;
    if (n === 'name') return v.name;
    if (n === 'module') return v.module;
    if (n === 'file') return Sym.of(v.file);
    if (n === 'line') return BigInt(v.line);
    if (n === 'sig') return v.sig;
    if (n === 'nargs') return BigInt(v.nargs);
    if (n === 'isva') return v.isva;
  }
  if (v instanceof GlobalRef) {
    const n = (f as Sym).name;
    return n === 'mod' ? v.mod : v.name;
  }
  if (v instanceof DataType) {
    const n = (f as Sym).name;
    if (n === 'parameters') return new SVec(v.parameters as Value[]);
    if (n === 'name') return v.name;
    if (n === 'super') return v.super ?? T.Any!;
    if (n === 'types') return new SVec(v.types);
  }
  if (v instanceof UnionType) {
    const n = (f as Sym).name;
    if (n === 'a') return v.types[0]!;
    if (n === 'b') return v.types.length === 2 ? v.types[1]! : new UnionType(v.types.slice(1));
  }
  if (v instanceof UnionAll) {
    const n = (f as Sym).name;
    if (n === 'var') return v.v;
    if (n === 'body') return v.body;
  }
  if (v instanceof TypeVar) {
    const n = (f as Sym).name;
    if (n === 'name') return v.name;
    if (n === 'lb') return v.lb;
    if (n === 'ub') return v.ub;
  }
  if (v instanceof Module && f instanceof Sym) return hooks.evalIn(v, f);
  const tn = typeOf(v);
  if (f instanceof Sym) noField(tn, f);
  jthrow('ErrorException', `type ${tn.name.name.name} has no field ${String(f)}`);
}

/** a missing field: Base's FieldError once Base defines it (an ErrorException while Base itself is being built) */
function noField(t: DataType, f: Sym): never {
  const fe = state.Base ? lookupBinding(state.Base, Sym.of('FieldError'))?.get() : undefined;
  if (fe instanceof DataType) throw new JoltThrow(new JStruct(fe, [t, f]));
  jthrow('ErrorException', `type ${t.name.name.name} has no field ${f.name}`);
}

export function setfield(v: Value, f: Value, x: Value): Value {
  if (v instanceof JStruct) {
    if (!v.type.ismutable)
      jthrow('ErrorException', `setfield!: immutable struct of type ${v.type.name.name.name} cannot be changed`);
    const i = fieldIndex(v, f);
    // a field kept in a WasmGC vector holds only numbers of its type
    if (v.vec && !isa(x, v.type.types[i]!)) jthrow('TypeError', Sym.of('setfield!'), '', v.type.types[i]!, x);
    v.set(i, x);
    return x;
  }
  if (v instanceof Expr) {
    if ((f as Sym).name === 'head') v.head = x as Sym;
    else {
      const arr = x as JArray;
      v.args = arr.boxed() as Value[];
      v.argsVector = arr;
    }
    return x;
  }
  jthrow('ErrorException', 'setfield!: immutable struct cannot be changed');
}

const builtinTypes = new Map<string, DataType>();
let coreRef: Module;
function defBuiltin(mod: Module, name: string, impl: (a: Value[]) => Value): BuiltinFunction {
  let t = builtinTypes.get(name);
  if (!t) {
    t = makeType(`#${name}`, coreRef, T.Builtin!, []);
    builtinTypes.set(name, t);
  }
  const f = new BuiltinFunction(name, t, impl);
  t.instance = f;
  bindConst(mod, name, f);
  return f;
}

function throwTuple(v: Value): Value[] {
  return [...(v as Value[])];
}

/** The JS implementation of each builtin by name (an intrinsic's as `Intrinsics.<name>`): a session image holds
 *  BuiltinFunctions without their functions, and the image loader takes them from here. */
export type BuiltinImpls = Map<string, (a: Value[]) => Value>;

/** Makes Core's builtins and intrinsics; with `impls`, only collects their implementations for a loaded image's
 *  Core (the objects are in the image; `Core` may still be empty). */
/** the argument counts of the builtins whose implementations read fixed positions: [min, max] */
const BUILTIN_ARITY: Record<string, [number, number]> = {
  '===': [2, 2],
  typeof: [1, 1],
  isa: [2, 2],
  '<:': [2, 2],
  '>:': [2, 2],
  getfield: [2, 3],
  'setfield!': [3, 4],
  isdefined: [2, 3],
  nfields: [1, 1],
  fieldtype: [2, 3],
  typeassert: [2, 2],
  throw: [1, 1],
  ifelse: [3, 3],
  sizeof: [1, 1],
  getglobal: [2, 3],
  apply_type: [1, Infinity],
};

export function installBuiltins(Core: Module, iterate: () => Value, impls?: BuiltinImpls): void {
  coreRef = Core;
  const define = impls
    ? (name: string, impl: (a: Value[]) => Value) => void impls.set(name, impl)
    : (name: string, impl: (a: Value[]) => Value) => void defBuiltin(Core, name, impl);
  // a builtin called with too few or too many arguments is Julia's ArgumentError (`throw()`, `isa(1)`)
  const B = (name: string, impl: (a: Value[]) => Value): void => {
    const arity = BUILTIN_ARITY[name];
    if (!arity) return define(name, impl);
    const [min, max] = arity;
    define(name, a => {
      if (a.length < min) jthrow('ArgumentError', `${name}: too few arguments (expected ${min})`);
      if (a.length > max) jthrow('ArgumentError', `${name}: too many arguments (expected ${max})`);
      return impl(a);
    });
  };
  B('===', ([a, b]) => egal(a!, b!));
  B('typeof', ([a]) => typeOf(a!));
  B('isa', ([a, t]) => isa(a!, t as JType));
  B('<:', ([a, b]) => issubtype(a as JType, b as JType));
  B('>:', ([a, b]) => issubtype(b as JType, a as JType));
  B('getfield', ([v, f]) => getfield(v!, f!));
  B('setfield!', ([v, f, x]) => setfield(v!, f!, x!));
  B('isdefined', ([v, f]) => {
    if (v instanceof Module) return v.bindings.get(f as Sym)?.get() !== undefined;
    if (v instanceof JStruct) {
      const i = f instanceof Sym ? v.type.name.names.indexOf(f) : Number(f) - 1;
      return i >= 0 && i < v.nfields && v.get(i) !== undefined;
    }
    return false;
  });
  B('nfields', ([v]) => BigInt(isTuple(v!) ? v.length : v instanceof JStruct ? v.nfields : 0));
  B('fieldtype', ([t, f]) => {
    const dt = unwrap(t as JType) as DataType;
    const i = typeof f === 'bigint' ? Number(f) - 1 : dt.name.names.indexOf(f as Sym);
    if (dt.name === T.Tuple!.name) return dt.parameters[i] as Value;
    return dt.types[i] ?? T.Any!;
  });
  B('tuple', a => mkTuple(a));
  B('svec', a => new SVec(a));
  // a SimpleVector's length and elements (Base's length, getindex and iterate on it)
  B('_svec_len', ([v]) => BigInt((v as SVec).items.length));
  B('_svec_ref', ([v, i]) => {
    const x = (v as SVec).items[Number(i) - 1];
    if (x === undefined) jthrow('BoundsError', v!, Object.freeze([i!]));
    return x;
  });
  B('apply_type', ([t, ...ps]) => {
    if (t === T.Union) return ps.length === 0 ? Bottom : (applyType(t!, ps) as Value);
    if (t instanceof VarargType) return new VarargType(ps[0] as JType, ps[1]);
    try {
      return applyType(t!, ps) as Value;
    } catch (e) {
      if (e instanceof JoltThrow) throw e;
      return typeError('Type', 'parameter', T.Type!, t!);
    }
  });
  B('typeassert', ([v, t]) => {
    if (!isa(v!, t as JType)) typeError('typeassert', '', t!, v!);
    return v!;
  });
  B('throw', ([v]) => {
    throw new JoltThrow(v!);
  });
  B('rethrow_value', ([v]) => {
    throw new JoltThrow(v!);
  });
  B('rethrow', a => {
    const v = a.length ? a[0] : caughtExceptions[caughtExceptions.length - 1];
    if (v === undefined) jthrow('ErrorException', 'rethrow() not allowed outside a catch block');
    throw new JoltThrow(v);
  });
  B('ifelse', ([c, a, b]) => (c ? a! : b!));
  B('Typeof', ([v]) => (isType(v!) && !(v instanceof TypeVar) ? applyTypeName(T.Type!.name, [v!]) : typeOf(v!)));
  B('_typevar', ([n, lb, ub]) => new TypeVar(n as Sym, lb as JType, ub as JType));
  B('_UnionAll', ([v, body]) => new UnionAll(v as TypeVar, body as JType));
  B('Box', a => new JStruct(T.Box!, a.length ? [a[0]!] : [undefined]));
  B('_getbox', ([b, name]) => {
    const x = (b as JStruct).get(0);
    if (x === undefined) jthrow('UndefVarError', name!, Sym.of('local'));
    return x;
  });
  B('_apply_iterate', ([itf, f, ...groups]) => {
    const args: Value[] = [];
    for (const g of groups) {
      if (isTuple(g!)) {
        args.push(...g);
        continue;
      }
      if (g instanceof JArray) {
        args.push(...(g.boxed() as Value[]));
        continue;
      }
      let st = hooks.call(itf!, [g!]);
      while (st !== T.Nothing!.instance) {
        args.push((st as Value[])[0]!);
        st = hooks.call(itf!, [g!, (st as Value[])[1]!]);
      }
    }
    return hooks.call(f!, args);
  });
  B(
    '_expr',
    ([h, ...args]) =>
      new Expr(
        h as Sym,
        args.flatMap(a => (a instanceof Splice ? a.items : [a])),
      ),
  );
  B('_namedtuple', ([names, vals]) => {
    const ns = names as Value[],
      vs = vals as Value[];
    const nt = applyTypeName(T.NamedTuple!.name, [ns, tupleType(vs.map(typeOf))]);
    return new JStruct(nt, [...vs]);
  });
  B('_nt_haskey', ([nt, k]) => (typeOf(nt!).parameters[0] as Value[]).includes(k!));
  B('_nt_checkkeys', ([nt, allowed]) => {
    for (const k of typeOf(nt!).parameters[0] as Value[])
      if (!(allowed as Value[]).includes(k))
        jthrow('MethodError', hooks.evalIn(coreRef, Sym.of('kwcall')), Object.freeze([nt!]), 0n);
    return T.Nothing!.instance!;
  });
  B('throw_undefkw', ([k]) => jthrow('UndefKeywordError', k!));
  B('_structtype', ([mod, name, params, fnames, mutable, ninit]) => {
    const ps = (params as SVec).items as TypeVar[];
    const dt = makeType((name as Sym).name, mod as Module, T.Any!, ps, {
      mutable: mutable as boolean,
      fields: ((fnames as SVec).items as Sym[]).map(s => s.name),
    });
    dt.name.ninitialized = Number(ninit);
    return dt.name.wrapper;
  });
  B(
    '_abstracttype',
    ([mod, name, params]) =>
      makeType((name as Sym).name, mod as Module, T.Any!, (params as SVec).items as TypeVar[], { abstract: true }).name
        .wrapper,
  );
  // `x::T = v` and `global x::T` for a global: its binding's declared type, which every later assignment converts to
  B('set_binding_type!', ([g, t]) => {
    const { mod, name } = g as GlobalRef;
    let b = mod.bindings.get(name);
    if (!b) {
      b = new Binding(mod, name);
      mod.bindings.set(name, b);
    }
    const ty = t as JType;
    if (b.declaredType ? !egal(b.declaredType, ty) : b.value !== undefined && !(b.value === ty) && !isa(b.value, ty))
      jthrow(
        'ErrorException',
        `cannot set type for global ${mod.name.name}.${name.name}. It already has a value or is already set to a different type.`,
      );
    b.declaredType = ty;
    return T.Nothing!.instance!;
  });
  B('_setsuper!', ([t, s]) => {
    const dt = unwrap(t as JType) as DataType;
    // as Julia's jl_set_datatype_super: only an abstract type may be a supertype (anything else would also leave a
    // type whose supertype chain never ends)
    const sup = unwrap(s as JType);
    const problem = !(sup instanceof DataType)
      ? 'can only subtype data types'
      : sup.name === dt.name
        ? 'a type cannot subtype itself'
        : sup.name === T.Tuple!.name
          ? 'cannot subtype a tuple type'
          : sup.name === T.NamedTuple!.name
            ? 'cannot subtype a named tuple type'
            : issubtype(sup, T.Type!)
              ? 'cannot add subtypes to Type'
              : issubtype(sup, T.Builtin!)
                ? 'cannot add subtypes to Core.Builtin'
                : !sup.isabstract
                  ? 'can only subtype abstract types'
                  : undefined;
    if (problem) jthrow('ErrorException', `invalid subtyping in definition of ${dt.name.name.name}: ${problem}`);
    dt.super = sup === s ? (s as DataType) : applyFree(s as JType);
    return T.Nothing!.instance!;
  });
  B('_typebody!', ([t, ftypes]) => {
    const dt = unwrap(t as JType) as DataType;
    dt.types = (ftypes as SVec).items as JType[];
    if (dt.types.length === 0 && !dt.isabstract && !dt.ismutable && dt.parameters.length === 0)
      dt.instance = new JStruct(dt, []);
    return T.Nothing!.instance!;
  });
  B('arrayref', ([_bc, a, ...ix]) => {
    const arr = a as JArray;
    const i = linearIndex(arr, ix);
    const v = arr.at(i);
    if (v === undefined) jthrow('UndefRefError');
    return v;
  });
  B('arrayset', ([_bc, a, v, ...ix]) => {
    const arr = a as JArray;
    const i = linearIndex(arr, ix);
    // the vector of an array of a bits type takes only its own element type
    if (arr.vec && !isa(v!, arr.type.parameters[0] as JType))
      jthrow('TypeError', Sym.of('arrayset'), '', arr.type.parameters[0] as JType, v!);
    arr.put(i, v!);
    return a!;
  });
  B('arraysize', ([a, d]) => BigInt((a as JArray).dims[Number(d) - 1] ?? 1));
  B('arraylen', ([a]) => BigInt((a as JArray).length));
  B('sizeof', ([v]) => {
    if (typeof v === 'string') return BigInt(v.length); // sizeof(Int8) is the size of the type's values
    const t = v instanceof DataType && v.nbits > 0 ? v : typeOf(v!);
    return BigInt(t.nbits / 8);
  });

  B('getglobal', ([m, n]) => hooks.evalIn(m as Module, n!));
  B('_new', ([t, ...vals]) => new JStruct(t as DataType, vals));
  B('_quotenode', ([x]) => new QuoteNode(x!));
  B('_type_string', ([t]) => showType(t!));
  void iterate;
  void subst;
  void throwTuple;
  void Bits;
  // intrinsics
  if (impls) {
    for (const [name, impl] of Object.entries(intrinsics)) impls.set(`Intrinsics.${name}`, impl);
    return;
  }
  const Intr = new Module(Sym.of('Intrinsics'), Core);
  bindConst(Core, 'Intrinsics', Intr);
  for (const [name, impl] of Object.entries(intrinsics)) {
    const f = new BuiltinFunction(name, T.IntrinsicFunction!, impl);
    bindConst(Intr, name, f);
  }
}

/** `$(xs...)` inside a quote splices */
export class Splice {
  readonly items: Value[];
  constructor(items: Value[]) {
    this.items = items;
  }
}

function applyFree(s: JType): DataType {
  return unwrap(s) as DataType;
}

export function linearIndex(a: JArray, ix: Value[]): number {
  if (ix.length === 1) {
    const i = Number(ix[0] as bigint);
    if (!(i >= 1 && i <= a.length)) jthrow('BoundsError', a, Object.freeze(ix));
    return i - 1;
  }
  let lin = 0,
    stride = 1;
  for (let d = 0; d < ix.length; d++) {
    const i = Number(ix[d] as bigint);
    const n = a.dims[d] ?? 1;
    if (!(i >= 1 && i <= n)) jthrow('BoundsError', a, Object.freeze(ix));
    lin += (i - 1) * stride;
    stride *= n;
  }
  return lin;
}

/** `===`: identity for mutable objects, structural equality for immutable values */
export function egal(a: Value, b: Value): boolean {
  if (a === b) return typeof a !== 'number' || a !== 0 || Object.is(a, b); // JS has -0 === 0; Julia's === tells them apart
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (isTuple(a)) return isTuple(b) && a.length === b.length && a.every((x, i) => egal(x, b[i]!));
  if (a instanceof Bits && b instanceof Bits) return a.type === b.type && a.v === b.v;
  if (a instanceof JStruct && b instanceof JStruct) {
    if (a.type !== b.type || a.type.ismutable) return false;
    const fa = a.fields(),
      fb = b.fields();
    return fa.every((x, i) => (x === undefined ? fb[i] === undefined : fb[i] !== undefined && egal(x, fb[i]!)));
  }
  if (a.constructor === b.constructor && 'cp' in a && 'cp' in b)
    return (a as { cp: number }).cp === (b as { cp: number }).cp;
  if (isType(a) && isType(b)) return issubtype(a, b) && issubtype(b, a);
  if (a instanceof QuoteNode && b instanceof QuoteNode) return egal(a.value, b.value);
  return false;
}
export { UnionType };
