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
import { applyType, applyTypeName, makeType, unwrap, subst, tupleType, unionType } from './apply_type.ts';
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
  if (issubtype(typeOf(v), t)) return true;
  // a tuple holding types is an instance of a tuple type with Type{...} elements: (Float64,) isa Tuple{Type{Float64}}
  return isTuple(v) && t instanceof DataType && t.name === T.Tuple!.name && tupleElementsIsa(v, t);
}
function tupleElementsIsa(v: readonly Value[], t: DataType): boolean {
  const ps = t.parameters;
  const va = ps[ps.length - 1] instanceof VarargType ? (ps[ps.length - 1] as VarargType) : undefined;
  const nfixed = va ? ps.length - 1 : ps.length;
  if (va ? v.length < nfixed || (va.N !== undefined && v.length !== nfixed + Number(va.N)) : v.length !== nfixed)
    return false;
  return v.every((x, i) => isa(x, (i < nfixed ? ps[i] : va!.T) as JType));
}

/** `Type{X}`, or such a type under `where` (`Type{Array{T}} where T`), or a Union with such a member
 *  (`Union{Type{Int8}, Type{Int16}}`) */
function isTypeOfType(t: JType): boolean {
  while (t instanceof UnionAll) t = t.body;
  if (t instanceof UnionType) return t.types.some(isTypeOfType);
  return t instanceof DataType && t.name === T.Type!.name;
}

/** Union{...} as Julia writes it: a member that is a subtype of another is left out (Union{Int, Real} is Real);
 *  members with free type variables are kept as they are */
function simplifyUnion(u: JType): Value {
  if (!(u instanceof UnionType)) return u;
  const fixed = (m: JType) => !mentionsFree(m);
  const keep = u.types.filter(
    (m, i) =>
      !fixed(m) || !u.types.some((o, j) => j !== i && fixed(o) && issubtype(m, o) && (!issubtype(o, m) || j < i)),
  );
  return keep.length === u.types.length ? u : unionType(keep);
}
function mentionsFree(x: Value): boolean {
  if (x instanceof TypeVar) return true;
  if (x instanceof DataType) return x.hasfreetypevars;
  if (x instanceof UnionType) return x.types.some(mentionsFree);
  if (x instanceof VarargType) return true;
  return false;
}

/** what Julia's apply_type checks of a Tuple or NamedTuple type it makes (jltypes.c): no Union{} field in a tuple;
 *  a named tuple's names are distinct Symbols and its field types a tuple type of as many fields */
function checkAppliedType(t: DataType): void {
  if (t.name === T.Tuple!.name) {
    if (t.parameters.some(p => p === Bottom)) jthrow('ErrorException', 'Tuple field type cannot be Union{}');
    return;
  }
  if (t.name !== T.NamedTuple!.name) return;
  const [names, vt] = t.parameters as [Value, Value];
  const free = (v: Value): boolean =>
    v instanceof TypeVar ||
    (v instanceof DataType && v.hasfreetypevars) ||
    v instanceof UnionAll ||
    (v instanceof UnionType && v.types.some(free)) ||
    (isTuple(v) && v.some(free));
  if (!free(vt) && (!isType(vt) || !issubtype(vt as JType, T.Tuple!)))
    typeError('NamedTuple', 'T', applyTypeName(T.Type!.name, [T.Tuple!]), vt);
  if (free(names) || free(vt)) return;
  if (!isTuple(names)) typeError('NamedTuple', 'names', T.Tuple!, names);
  names.forEach((n, i) => {
    if (!(n instanceof Sym)) typeError('NamedTuple', 'name', T.Symbol!, n);
    if (names.indexOf(n) < i) jthrow('ErrorException', `duplicate field name in NamedTuple: "${n.name}" is not unique`);
  });
  if (vt === Bottom && names.length > 0) return;
  if (!(vt instanceof DataType)) jthrow('ErrorException', 'NamedTuple field type must be a tuple datatype');
  if (vt.parameters.some(p => p instanceof VarargType) || vt.parameters.length !== names.length)
    jthrow('ErrorException', 'NamedTuple names and field types must have matching lengths');
}

function mentionsVar(x: Value, v: TypeVar): boolean {
  if (x === v) return true;
  if (x instanceof DataType) return x.hasfreetypevars && x.parameters.some(p => mentionsVar(p as Value, v));
  if (x instanceof UnionType) return x.types.some(m => mentionsVar(m, v));
  if (x instanceof UnionAll) return mentionsVar(x.v.lb, v) || mentionsVar(x.v.ub, v) || mentionsVar(x.body, v);
  if (x instanceof VarargType) return mentionsVar(x.T, v) || (x.N !== undefined && mentionsVar(x.N as Value, v));
  if (isTuple(x)) return x.some(m => mentionsVar(m, v));
  return false;
}

/** fieldtype(t, f) as Julia's get_fieldtype: through `where` and Unions; a named tuple's field from its names and
 *  its tuple type (Union{} fields when that is Union{}); the Vararg element past a tuple's last fixed field */
function fieldtypeOf(t: JType, f: Value, dothrow: boolean): Value {
  if (t instanceof UnionAll) {
    const u = fieldtypeOf(t.body, f, dothrow);
    if (u === t.v) return t.v.ub;
    return mentionsVar(u, t.v) ? new UnionAll(t.v, u as JType) : u;
  }
  if (t instanceof UnionType) {
    const parts = t.types.map(m => fieldtypeOf(m, f, false) as JType);
    if (dothrow && parts.every(p => p === Bottom)) t.types.forEach(m => fieldtypeOf(m, f, true));
    return unionType(parts);
  }
  if (!(t instanceof DataType)) return typeError('fieldtype', '', T.DataType!, t);
  let i: number;
  if (typeof f === 'bigint') i = Number(f) - 1;
  else {
    if (!(f instanceof Sym)) return typeError('fieldtype', '', T.Symbol!, f);
    const ns = t.name === T.NamedTuple!.name ? t.parameters[0] : undefined;
    i = ns !== undefined ? (isTuple(ns) ? ns.indexOf(f) : -1) : t.name.names.indexOf(f);
    if (i < 0) {
      if (dothrow) noField(t, f);
      return Bottom;
    }
  }
  if (t.name === T.NamedTuple!.name) {
    const ns = t.parameters[0]!;
    if (isTuple(ns) && (i < 0 || i >= ns.length)) {
      if (dothrow) jthrow('BoundsError', t, f);
      return Bottom;
    }
    let tt = t.parameters[1] as Value;
    while (tt instanceof TypeVar) tt = tt.ub;
    if (tt === T.Any || tt === Bottom) return tt;
    return fieldtypeOf(tt as JType, BigInt(i + 1), dothrow);
  }
  if (t.name === T.Tuple!.name) {
    const ps = t.parameters;
    const last = ps[ps.length - 1];
    if (last instanceof VarargType && i >= ps.length - 1) return last.T;
    if (i < 0 || i >= ps.length) {
      if (dothrow) jthrow('BoundsError', t, f);
      return Bottom;
    }
    return ps[i]!;
  }
  if (i < 0 || (t.types.length > 0 && i >= t.types.length) || (t.types.length === 0 && i >= t.name.names.length)) {
    if (dothrow) jthrow('BoundsError', t, f);
    return Bottom;
  }
  return t.types[i] ?? T.Any!;
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
  if (v instanceof VarargType) {
    const n = (f as Sym).name;
    if (n === 'T') return v.T;
    if (n === 'N' && v.N !== undefined) return v.N;
    if (n === 'N') jthrow('UndefRefError');
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
      const names = v.type.name === T.NamedTuple!.name ? (v.type.parameters[0] as Value[]) : v.type.name.names;
      const i = f instanceof Sym ? names.indexOf(f) : Number(f) - 1;
      return i >= 0 && i < v.nfields && v.get(i) !== undefined;
    }
    if (isTuple(v!)) return typeof f === 'bigint' && f >= 1n && f <= BigInt(v.length);
    // Vararg{T, N}: T and N are defined when given
    if (v instanceof VarargType) return f instanceof Sym && (f.name === 'T' || (f.name === 'N' && v.N !== undefined));
    return false;
  });
  B('nfields', ([v]) => BigInt(isTuple(v!) ? v.length : v instanceof JStruct ? v.nfields : 0));
  B('fieldtype', ([t, f]) => fieldtypeOf(t as JType, f!, true));
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
    if (t === T.Union) return ps.length === 0 ? Bottom : simplifyUnion(applyType(t!, ps) as JType);
    if (t instanceof VarargType) return new VarargType(ps[0] as JType, ps[1]);
    let r: Value;
    try {
      r = applyType(t!, ps) as Value;
    } catch (e) {
      if (e instanceof JoltThrow) throw e;
      return typeError('Type', 'parameter', T.Type!, t!);
    }
    if (r instanceof DataType) checkAppliedType(r);
    return r;
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
  // Julia's `splatnew`: a struct of concrete type t (a named tuple, here) from a tuple of its field values, each
  // already of its field's type
  B('_splatnew', ([t, vals]) => {
    const dt = t as DataType;
    const vs = vals as Value[];
    if (!(dt instanceof DataType) || dt.isabstract) typeError('new', '', T.DataType!, t!);
    if (dt.name === T.Tuple!.name) return mkTuple([...vs]);
    const nt = dt.name === T.NamedTuple!.name;
    const n = nt ? (dt.parameters[0] as Value[]).length : dt.name.names.length;
    if (vs.length !== n) jthrow('ArgumentError', 'invalid struct allocation');
    vs.forEach((v, k) => {
      const ft = fieldtypeOf(dt, BigInt(k + 1), true) as JType;
      if (ft !== T.Any && !isa(v, ft)) jthrow('TypeError', Sym.of('new'), '', ft, v);
    });
    return new JStruct(dt, [...vs]);
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
