// Linking: a compiled module instantiated from plain data. A LinkableModule holds the wasm bytes and describes
// everything the bytes import by data: constants and type tags by their index in its constants table, functions of
// other modules by the index of their MethodInstance there, its debug tables as arrays. Only the constants table
// holds Jolt values; the rest survives structuredClone (or JSON, typed arrays aside), so a cache can keep a module
// and link it again later, in another process, once it has the constants' values again.
import { JArray, JStruct, wasmValue, T, type Value } from '../runtime/values.ts';
import type { MethodInstance } from '../runtime/methods.ts';
import type { DataType } from '../runtime/types.ts';
import { f64Vec, i64Vec, refOps, gcExports, typeTag, type GcVec } from '../runtime/gc_arrays.ts';
import { BITS_KINDS, boxBits, unboxBits, isVec, type BitsKind, type Kind } from './kinds.ts';
import type { ModuleBuilder } from './module_builder.ts';
import type { Signature } from './signature.ts';
import { runtimeImports } from './runtime_imports.ts';
import { registerModuleDebug, type ModuleDebugData } from './native_frames.ts';
import { WA, WASM_OPTIONS } from './wasm_api.ts';

/** A compiled module as data (see the top of this file). */
export interface LinkableModule {
  /** its name in the wasm (and in the URL V8 gives its frames) */
  name: string;
  /** its binary, as instantiated */
  bytes: Uint8Array;
  /** the Jolt values it refers to: first the `globals` it imports as immutable globals ("k" <index>), then the
   *  values only linking needs (type tags' types, method instances) */
  constants: Value[];
  globals: number;
  /** the struct types whose tags it imports ("tag" <k>), by index in `constants` */
  tags: number[];
  /** compiled functions of other modules it calls ("fn" <name>): their instances, by index in `constants` */
  imports: { name: string; instance: number }[];
  /** its functions that are method instances' code: export name, instance (index in `constants`), signature */
  exports: { name: string; instance: number; sig: Signature }[];
  /** its dynamic call sites (each gets an inline cache) */
  callSites: number;
  debug: ModuleDebugData;
}

/** a function of a linked module and how its arguments and result cross between the interpreter's values and
 *  wasm's (undefined: as they are) */
export interface LinkedFunction {
  instance: MethodInstance;
  fn: (...a: Value[]) => Value;
  sig: Signature;
  toWasm: (((v: Value) => unknown) | undefined)[] | undefined;
  fromWasm: ((r: unknown) => Value) | undefined;
}

/** The LinkableModule of the module `mb` built, compiled to `bytes`; `exported`: the instances whose code it is. */
export function linkableModule(
  mb: ModuleBuilder,
  name: string,
  bytes: Uint8Array,
  debug: ModuleDebugData,
  exported: { instance: MethodInstance; name: string; sig: Signature }[],
): LinkableModule {
  const constants = mb.consts.slice();
  const index = new Map<Value, number>(constants.map((v, k) => [v, k]));
  const indexOf = (v: Value): number => {
    let k = index.get(v);
    if (k === undefined) {
      k = constants.length;
      constants.push(v);
      index.set(v, k);
    }
    return k;
  };
  return {
    name,
    bytes,
    globals: mb.consts.length,
    tags: mb.tagTypes.map(indexOf),
    imports: [...mb.external].map(([mi, fname]) => ({ name: fname.slice(1), instance: indexOf(mi) })),
    exports: exported.map(x => ({ name: x.name, instance: indexOf(x.instance), sig: x.sig })),
    callSites: mb.callSites,
    debug,
    constants,
  };
}

/** Instantiates `lm`, taking the functions it imports from `externalFunction`; its functions, in export order. */
export function link(
  lm: LinkableModule,
  externalFunction: (mi: MethodInstance) => (...a: Value[]) => Value,
): LinkedFunction[] {
  const imports: Record<string, Record<string, unknown>> = {
    rt: runtimeImports(lm.callSites),
    k: {},
    fn: {},
    tag: {},
    gc: gcExports,
  };
  for (let k = 0; k < lm.globals; k++)
    imports.k![String(k)] = new WA.Global({ value: 'externref', mutable: false }, lm.constants[k]);
  lm.tags.forEach((c, k) => {
    imports.tag![String(k)] = typeTag(lm.constants[c] as DataType);
  });
  for (const { name, instance } of lm.imports)
    imports.fn![name] = externalFunction(lm.constants[instance] as MethodInstance);
  const inst = new WA.Instance(new WA.Module(lm.bytes, WASM_OPTIONS), imports);
  registerModuleDebug(lm.name, lm.debug);
  return lm.exports.map(x => {
    const toWasm = x.sig.params.map(argToWasm);
    return {
      instance: lm.constants[x.instance] as MethodInstance,
      fn: inst.exports[x.name] as (...a: Value[]) => Value,
      sig: x.sig,
      toWasm: toWasm.some(c => c) ? toWasm : undefined,
      fromWasm: resultFromWasm(x.sig.result),
    };
  });
}

const NOTHING = (): Value => T.Nothing!.instance!;
// At the boundary: a parameter kept as a WasmGC vector takes the array's or struct's vector, one of another bits
// type its unboxed number; a returned vector stands for its owner, a returned number for its Jolt value.
const refVecOps = refOps<Value>(wasmValue);
function argToWasm(k: Kind): ((v: Value) => unknown) | undefined {
  if (isVec(k)) return v => (v as JArray | JStruct).vec ?? null;
  if (Object.hasOwn(BITS_KINDS, k)) return v => unboxBits(k as BitsKind, v);
  return undefined;
}
function resultFromWasm(k: Kind | undefined): ((r: unknown) => Value) | undefined {
  if (k === undefined) return () => NOTHING();
  if (k === 'i32') return r => (r as number) !== 0;
  if (k === 'vf64') return r => (r === null ? NOTHING() : (f64Vec.owner(r as GcVec) as Value));
  if (k === 'vi64') return r => (r === null ? NOTHING() : (i64Vec.owner(r as GcVec) as Value));
  if (k === 'vref') return r => (r === null ? NOTHING() : (refVecOps.owner(r as GcVec) as Value));
  if (Object.hasOwn(BITS_KINDS, k)) return r => boxBits(k as BitsKind, r as number | bigint);
  return undefined;
}
