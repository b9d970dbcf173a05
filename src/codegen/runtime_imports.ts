// The runtime imports: the ABI compiled code calls (module "rt" of every compiled module). Heap operations that
// have no wasm equivalent, boxing of the bits kinds, dynamic calls through per-site inline caches, errors raised
// from wasm, exception handlers, foreign calls. Codegen (function_emitter.ts, builtin_emitters.ts...) declares each
// import it uses by name and wasm type (ModuleBuilder.need); this file gives each name its implementation.
import {
  T,
  Sym,
  JObj,
  JStruct,
  JArray,
  wasmValue,
  BuiltinFunction,
  GlobalRef,
  isTuple,
  mkTuple,
  type Value,
} from '../runtime/values.ts';
import type { MethodInstance, Method } from '../runtime/methods.ts';
import type { JType, DataType } from '../runtime/types.ts';
import { jthrow, caughtExceptions } from '../runtime/errors.ts';
import { isa, egal, getfield, linearIndex } from '../runtime/builtins.ts';
import { foreignFunctions, mathForeign } from '../runtime/foreign.ts';
import type { GcVec } from '../runtime/gc_arrays.ts';
import { dispatchCall } from '../runtime/dispatch.ts';
import { invokeMethod } from '../runtime/hooks.ts';
import { getGlobal, setGlobal, state as interpState } from '../runtime/modules.ts';
import { catchException } from '../runtime/errors.ts';
import { dispatchTypeOf, typeOf } from '../runtime/typeof.ts';
import { BITS_KINDS, boxBits, unboxBits, type BitsKind } from './kinds.ts';
import { WA } from './wasm_api.ts';
import { signalMemory, interrupted } from '../runtime/interrupt.ts';

/** the most arguments a runtime import takes after its leading operands (more: not compiled) */
export const MAX_IMPORT_ARITY = 32;

/** A dynamic call's inline cache (one per call site of a module): the methods its last calls ran, for the
 *  argument types they had, in the world they were looked up in (up to SITE_ENTRIES, the latest first). A call with
 *  the same function and types in the same world skips the method lookup; any new method definition changes the
 *  world and so empties every cache. An entry whose instance has compiled code keeps it (`run`), and a hit then
 *  calls it directly, bypassing the engine's invoke path; compiled code made, linked or dropped bumps
 *  siteNative.epoch, after which each entry looks again. */
interface CallSite {
  f: Value;
  types: DataType[];
  /** some argument's type is a Type{X} (a type passed as a value): matched through dispatchTypeOf */
  typeArgs: boolean;
  /** per argument, the JS type of its values if they are primitives (see sameLeafTypes) */
  tags: string[];
  world: number;
  method: Method;
  sparams: readonly (JType | Value)[];
  key: string;
  mi: MethodInstance | undefined;
  run: SiteInvoker | undefined;
  epoch: number;
}
const SITE_ENTRIES = 4;

/** a call of compiled code made from a call site: `a` is the site's own array (converted in place) */
export type SiteInvoker = (f: Value, a: Value[]) => Value;
/** the native tier's side of the call sites (installed by jit.ts) */
export const siteNative = {
  /** the invoker of an instance's compiled code, if it has compiled code now */
  invoker: undefined as ((mi: MethodInstance) => SiteInvoker | undefined) | undefined,
  /** bumped whenever compiled code comes or goes: an entry's answer (its code, or that there is none) holds while
   *  the epoch is the one it was found in */
  epoch: 0,
};

function callAtSite(sites: (CallSite[] | undefined)[], site: number, f: Value, a: Value[]): Value {
  const cached = sites[site];
  if (cached !== undefined) {
    const world = interpState.world;
    for (let i = 0; i < cached.length; i++) {
      const c = cached[i]!;
      if (c.f !== f || c.world !== world || !(c.typeArgs ? sameTypes(c.types, a) : sameLeafTypes(c.types, c.tags, a)))
        continue;
      if (c.epoch === siteNative.epoch) {
        if (c.run !== undefined) return c.run(f, a);
        return invokeMethod(c.method, c.sparams, f, a, c.mi ?? c.key);
      }
      return refreshEntry(c, f, a);
    }
  }
  if (f instanceof BuiltinFunction) return f.impl(a);
  return missAtSite(sites, site, f, a);
}

/** a hit on an entry made before compiled code last came or went: it takes the instance's compiled code if it has
 *  some now; else the engine runs the call (which may compile it) */
function refreshEntry(c: CallSite, f: Value, a: Value[]): Value {
  c.mi ??= c.method.specializations.get(c.key);
  c.run = c.mi && siteNative.invoker ? siteNative.invoker(c.mi) : undefined;
  // (read after the lookup, which may itself have linked code)
  c.epoch = siteNative.epoch;
  if (c.run) return c.run(f, a);
  return invokeMethod(c.method, c.sparams, f, a, c.mi ?? c.key);
}

function missAtSite(sites: (CallSite[] | undefined)[], site: number, f: Value, a: Value[]): Value {
  const d = dispatchCall(f, a);
  const cached = (sites[site] ??= []);
  if (cached.length && cached[0]!.world !== interpState.world) cached.length = 0;
  const types = d.types.slice(1);
  cached.unshift({
    f,
    types,
    typeArgs: types.some(t => t.name === T.Type!.name),
    tags: types.map(jsTag),
    world: interpState.world,
    method: d.method,
    sparams: d.sparams,
    key: d.key,
    mi: undefined,
    run: undefined,
    epoch: -1,
  });
  if (cached.length > SITE_ENTRIES) cached.length = SITE_ENTRIES;
  return invokeMethod(d.method, d.sparams, f, a, d.key);
}
function sameTypes(types: DataType[], a: Value[]): boolean {
  for (let k = 0; k < a.length; k++) if (dispatchTypeOf(a[k]!) !== types[k]) return false;
  return true;
}
/** sameTypes when no expected type is a Type{X}: a primitive's JS type (`tags`, made when the entry was) or an
 *  object's own type decides, without the type-value tests (a type value's own type, DataType or UnionAll..., is
 *  never what dispatch saw for an argument) and without reading T (a dictionary) */
function sameLeafTypes(types: DataType[], tags: string[], a: Value[]): boolean {
  if (a.length !== types.length) return false;
  for (let k = 0; k < a.length; k++) {
    const v = a[k]!;
    const ty = typeof v;
    if (ty === 'object' || ty === 'undefined') {
      if ((v instanceof JObj ? v.jtype : typeOf(v)) !== types[k]) return false;
    } else if (ty !== tags[k]) return false;
  }
  return true;
}
/** the JS type of the values of a type that travel as JS primitives ('object' for the others) */
function jsTag(t: DataType): string {
  return t === T.Int64
    ? 'bigint'
    : t === T.Float64
      ? 'number'
      : t === T.String
        ? 'string'
        : t === T.Bool
          ? 'boolean'
          : 'object';
}

/** The "rt" imports of a module with `callSites` dynamic call sites (each gets its own inline cache): its own
 *  `callsite_n` functions over the imports every module shares (made once: a module linked from the code store
 *  at a first call would otherwise pay for making them all). */
export function runtimeImports(callSites: number): Record<string, unknown> {
  const sites: (CallSite[] | undefined)[] = new Array(callSites);
  const rt = Object.create(sharedImports()) as Record<string, unknown>;
  for (let n = 0; n <= MAX_IMPORT_ARITY; n++)
    rt[`callsite_${n}`] = (site: number, f: Value, ...a: Value[]) => callAtSite(sites, site, f, a);
  return rt;
}

let shared: Record<string, unknown> | undefined;
function sharedImports(): Record<string, unknown> {
  if (shared) return shared;
  const rt: Record<string, unknown> = {
    jstag: WA.JSTag,
    // the SIGINT flag's memory and what a loop calls when it finds it raised
    signals: signalMemory,
    interrupted,
    // errors detected in wasm (their frame and line are read off the captured stack like any other)
    throw_divide: () => jthrow('DivideError'),
    box_i64: (x: bigint) => x,
    box_f64: (x: number) => x,
    box_i32: (x: number) => x !== 0,
    unbox_i64: (x: Value) => {
      if (typeof x !== 'bigint') throw new Error('unbox_i64 of a non-Int64');
      return x;
    },
    unbox_f64: (x: Value) => {
      if (typeof x !== 'number') throw new Error('unbox_f64 of a non-Float64');
      return x;
    },
    unbox_i32: (x: Value) => {
      if (typeof x !== 'boolean') jthrow('TypeError', Sym.of('if'), 'if', T.Bool!, x);
      return x ? 1 : 0;
    },
    egal: (a: Value, b: Value) => (egal(a, b) ? 1 : 0),
    isa: (x: Value, t: JType) => (isa(x, t) ? 1 : 0),
    isa_leaf: (x: Value, t: DataType) => (typeOf(x) === t ? 1 : 0),
    same: (a: Value, b: Value) => (a === b ? 1 : 0),
    getfield_ref: fieldAt,
    getfield_i64: fieldAt,
    getfield_f64: fieldAt,
    getfield_i32: (o: Value, i: number) => (fieldAt(o, i) ? 1 : 0),
    setfield_ref: (o: JStruct, i: number, v: Value) => {
      o.set(i, v);
      return v;
    },
    setfield_i64: (o: JStruct, i: number, v: bigint) => {
      o.set(i, v);
      return v;
    },
    setfield_f64: (o: JStruct, i: number, v: number) => {
      o.set(i, v);
      return v;
    },
    setfield_i32: (o: JStruct, i: number, v: number) => {
      o.set(i, v !== 0);
      return v;
    },
    getglobal: (g: GlobalRef) => getGlobal(g.mod, g.name),
    setglobal: (g: GlobalRef, v: Value) => {
      setGlobal(g.mod, g.name, v);
    },
    arraylen: (a: JArray) => a.length,
    arrayref_ref: (a: JArray, i: number) => {
      const v = a.at(index1(a, i));
      if (v === undefined) jthrow('UndefRefError');
      return v;
    },
    arrayref_i64: (a: JArray, i: number) => a.at(index1(a, i)),
    arrayref_f64: (a: JArray, i: number) => a.at(index1(a, i)),
    arrayref_i32: (a: JArray, i: number) => (a.at(index1(a, i)) ? 1 : 0),
    arrayref_vf64: (a: JArray, i: number) => vecOfElement(a, i),
    arrayref_vi64: (a: JArray, i: number) => vecOfElement(a, i),
    arrayref_vref: (a: JArray, i: number) => vecOfElement(a, i),
    arrayset_ref: (a: JArray, v: Value, i: number) => {
      a.put(index1(a, i), v);
      return a;
    },
    arrayset_i64: (a: JArray, v: bigint, i: number) => {
      a.put(index1(a, i), v);
      return a;
    },
    arrayset_f64: (a: JArray, v: number, i: number) => {
      a.put(index1(a, i), v);
      return a;
    },
    arrayset_i32: (a: JArray, v: number, i: number) => {
      a.put(index1(a, i), v !== 0);
      return a;
    },
    arrayref2_ref: (a: JArray, i: number, j: number) => {
      const v = a.at(index2(a, i, j));
      if (v === undefined) jthrow('UndefRefError');
      return v;
    },
    arrayref2_i64: (a: JArray, i: number, j: number) => a.at(index2(a, i, j)),
    arrayref2_f64: (a: JArray, i: number, j: number) => a.at(index2(a, i, j)),
    arrayref2_i32: (a: JArray, i: number, j: number) => (a.at(index2(a, i, j)) ? 1 : 0),
    arrayref2_vf64: (a: JArray, i: number, j: number) => vecOfElement(a, index2(a, i, j) + 1),
    arrayref2_vi64: (a: JArray, i: number, j: number) => vecOfElement(a, index2(a, i, j) + 1),
    arrayref2_vref: (a: JArray, i: number, j: number) => vecOfElement(a, index2(a, i, j) + 1),
    arrayset2_ref: (a: JArray, v: Value, i: number, j: number) => {
      a.put(index2(a, i, j), v);
      return a;
    },
    arrayset2_i64: (a: JArray, v: bigint, i: number, j: number) => {
      a.put(index2(a, i, j), v);
      return a;
    },
    arrayset2_f64: (a: JArray, v: number, i: number, j: number) => {
      a.put(index2(a, i, j), v);
      return a;
    },
    arrayset2_i32: (a: JArray, v: number, i: number, j: number) => {
      a.put(index2(a, i, j), v !== 0);
      return a;
    },
    // arrays of bits types and structs: compiled code takes the WasmGC vector once and reads it itself
    // (`nothing`, of a Union{T, Nothing}, is null)
    vec_f64: (a: JArray | JStruct) => a.vec ?? null,
    vec_i64: (a: JArray | JStruct) => a.vec ?? null,
    vec_ref: (a: JArray | JStruct) => a.vec ?? null,
    // a value stored into a reference vector: a struct or array as its vector (values.ts wasmValue)
    wasm_value: wasmValue,
    throw_undefref: () => jthrow('UndefRefError'),
    throw_undefvar: (name: Sym) => jthrow('UndefVarError', name, Sym.of('local')),
    throw_bounds: (a: JArray, i: number) => {
      linearIndex(a, [BigInt(i)]);
    },
    // exception handlers of compiled code (function_emitter.ts, control_flow.ts: try)
    exception_depth: () => caughtExceptions.length,
    catch_exception: catchException,
    pop_exception: () => {
      caughtExceptions.pop();
    },
  };
  // the other unboxed bits types (kinds.ts): their boxes, and fields and elements read and written in their kinds
  for (const k of Object.keys(BITS_KINDS) as BitsKind[]) {
    const box = (x: number | bigint): Value => boxBits(k, x),
      unbox = (v: Value): number | bigint => unboxBits(k, v);
    Object.assign(rt, {
      [`box_${k}`]: box,
      [`unbox_${k}`]: unbox,
      [`getfield_${k}`]: (o: Value, i: number) => unbox(fieldAt(o, i)),
      [`setfield_${k}`]: (o: JStruct, i: number, v: number | bigint) => {
        o.set(i, box(v));
        return v;
      },
      [`arrayref_${k}`]: (a: JArray, i: number) => unbox(a.at(index1(a, i))!),
      [`arrayref2_${k}`]: (a: JArray, i: number, j: number) => unbox(a.at(index2(a, i, j))!),
      [`arrayset2_${k}`]: (a: JArray, v: number | bigint, i: number, j: number) => {
        a.put(index2(a, i, j), box(v));
        return a;
      },
      [`arrayset_${k}`]: (a: JArray, v: number | bigint, i: number) => {
        a.put(index1(a, i), box(v));
        return a;
      },
    });
  }
  // typed foreign calls: any combination of up to 3 f64/i64 arguments, f64 or i64 result
  const callForeign = (name: Sym, a: Value[]): Value => {
    const impl = foreignFunctions.get(name.name);
    if (!impl) jthrow('ErrorException', `ccall: could not find function ${name.name}`);
    return impl(a);
  };
  const kinds = ['f64', 'i64'];
  for (const rk of kinds)
    for (const n of [0, 1, 2, 3]) {
      const combos =
        n === 0
          ? [[]]
          : kinds.flatMap(a =>
              n === 1 ? [[a]] : kinds.flatMap(b => (n === 2 ? [[a, b]] : kinds.map(c => [a, b, c]))),
            );
      for (const c of combos) rt[`foreignt_${rk}_${c.join('_')}`] = (name: Sym, ...a: Value[]) => callForeign(name, a);
    }
  for (const [name, fn] of Object.entries(mathForeign)) rt[`math_${name}`] = fn;
  for (let n = 0; n <= MAX_IMPORT_ARITY; n++) {
    rt[`invoke_${n}`] = (mi: MethodInstance, f: Value, ...a: Value[]) => invokeMethod(mi.def, mi.sparamVals, f, a, mi);
    rt[`builtin_${n}`] = (f: BuiltinFunction, ...a: Value[]) => f.impl(a);
    rt[`new_${n}`] = (t: Value, ...a: Value[]) => newStruct(t, a);
    rt[`mktuple_${n}`] = (...a: Value[]) => mkTuple(a);
    // fields already of their declared types (codegen proved it), all of them given
    rt[`newstruct_${n}`] = (t: DataType, ...a: Value[]) => new JStruct(t, a);
    rt[`foreign_${n}`] = (name: Sym, ...a: Value[]) => callForeign(name, a);
  }
  return (shared = rt);
}

/** the WasmGC vector of an array's element (an array or struct kept in one) */
function vecOfElement(a: JArray, i: number): GcVec {
  const v = a.at(index1(a, i));
  if (v === undefined) jthrow('UndefRefError');
  return (v as JArray | JStruct).vec!;
}

/** the 0-based position of linear index `i` (1-based) in `a`, or a BoundsError as Julia reports it */
function index1(a: JArray, i: number): number {
  if (i >= 1 && i <= a.length) return i - 1;
  return linearIndex(a, [BigInt(i)]);
}

/** A[i, j]'s 0-based place, each index within its dimension (as linearIndex checks them) */
function index2(a: JArray, i: number, j: number): number {
  const m = a.dims[0] ?? a.length;
  if (i >= 1 && i <= m && j >= 1 && j <= (a.dims[1] ?? 1)) return i - 1 + (j - 1) * m;
  return linearIndex(a, [BigInt(i), BigInt(j)]);
}

/** field i (0-based) of a struct or tuple, for compiled code */
function fieldAt(o: Value, i: number): Value {
  // past a tuple's end (code that inference proved throws) the builtin raises the BoundsError
  if (isTuple(o)) return i < o.length ? o[i]! : getfield(o, BigInt(i + 1));
  if (o instanceof JStruct) {
    const v = o.get(i);
    if (v === undefined) jthrow('UndefRefError');
    return v;
  }
  return getfield(o, BigInt(i + 1));
}

function newStruct(t: Value, vals: Value[]): Value {
  const dt = t as import('../runtime/types.ts').DataType;
  if (dt.name === T.Tuple!.name) return mkTuple(vals);
  for (let k = 0; k < vals.length; k++) {
    const ft = dt.types[k];
    if (ft && ft !== T.Any && !isa(vals[k]!, ft)) jthrow('TypeError', Sym.of('new'), '', ft, vals[k]!);
  }
  if (dt.instance !== undefined && vals.length === 0) return dt.instance;
  const f: (Value | undefined)[] = vals.slice();
  while (f.length < dt.name.names.length) f.push(undefined);
  return new JStruct(dt, f);
}
