// Float64 and Int64 array storage as WebAssembly GC vectors (gc_arrays.wat). The interpreter reaches elements
// through the module's exports; compiled code declares the same types and reads and writes them directly.
import { gcArraysWasm } from './gc_arrays_wasm.ts';

/** a WasmGC vector struct {data, length}: opaque to JavaScript */
export type GcVec = { readonly __gcVec: unique symbol };
export type ElKind = 'f64' | 'i64';

interface Exports {
  f64_new(n: number, owner: object, tag: unknown): GcVec;
  f64_view(v: GcVec, owner: object, tag: unknown): GcVec;
  f64_owner(v: GcVec): object;
  f64_len(v: GcVec): number;
  f64_get(v: GcVec, i: number): number;
  f64_set(v: GcVec, i: number, x: number): void;
  f64_resize(v: GcVec, n: number): void;
  f64_move(v: GcVec, dst: number, src: number, k: number): void;
  f64_zero(v: GcVec, at: number, k: number): void;
  i64_new(n: number, owner: object, tag: unknown): GcVec;
  i64_view(v: GcVec, owner: object, tag: unknown): GcVec;
  i64_owner(v: GcVec): object;
  i64_len(v: GcVec): number;
  i64_get(v: GcVec, i: number): bigint;
  i64_set(v: GcVec, i: number, x: bigint): void;
  i64_resize(v: GcVec, n: number): void;
  i64_move(v: GcVec, dst: number, src: number, k: number): void;
  i64_zero(v: GcVec, at: number, k: number): void;
}
interface RefExports {
  ref_new(n: number, owner: object, tag: unknown): GcVec;
  ref_new1(owner: object, tag: unknown, a: unknown): GcVec;
  ref_new2(owner: object, tag: unknown, a: unknown, b: unknown): GcVec;
  ref_new3(owner: object, tag: unknown, a: unknown, b: unknown, c: unknown): GcVec;
  ref_owner(v: GcVec): object;
  ref_len(v: GcVec): number;
  ref_get(v: GcVec, i: number): unknown;
  ref_set(v: GcVec, i: number, x: unknown): void;
  ref_view(v: GcVec, owner: object, tag: unknown): GcVec;
  ref_resize(v: GcVec, n: number): void;
  ref_move(v: GcVec, dst: number, src: number, k: number): void;
  ref_zero(v: GcVec, at: number, k: number): void;
  tag_new(type: object): unknown;
  bits_box(x: bigint): unknown;
  ref_get_bits(v: GcVec, i: number): bigint;
  ref_set_bits(v: GcVec, i: number, x: bigint): void;
}
interface WasmApi {
  Module: new (b: Uint8Array) => object;
  Instance: new (m: object, i: object) => { exports: Exports };
}
const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
// the runtime's `adopt` (values.ts) is installed after this module loads: it needs the JStruct class
let adoptHook: ((v: GcVec, type: object) => object) | undefined;
/** installs the function that makes the JStruct around a vector compiled code made (given its DataType) */
export function setAdopt(f: (v: GcVec, type: object) => object): void {
  adoptHook = f;
}
const X = new WA.Instance(new WA.Module(Uint8Array.from(Buffer.from(gcArraysWasm, 'base64'))), {
  rt: { adopt: (v: GcVec, t: object) => adoptHook!(v, t) },
}).exports as Exports & RefExports;
/** the module's exports, which compiled code imports to ask for a vector's owner (gc_arrays.wat *_owner) */
export const gcExports = X as unknown as Record<string, unknown>;
/** a type's tag (gc_arrays.wat `$tt`), which the vectors of its values carry: made once per type */
export function typeTag(type: { wasmTag: unknown }): unknown {
  return (type.wasmTag ??= X.tag_new(type));
}
/** the tag of an owner's type (the owner is a JArray or JStruct) */
const tagOf = (owner: object): unknown => typeTag((owner as { jtype: { wasmTag: unknown } }).jtype);

/** The operations on one element kind's vectors (indices 0-based and in range). */
export interface VecOps<E> {
  make(n: number, owner: object): GcVec;
  view(v: GcVec, owner: object): GcVec;
  owner(v: GcVec): object;
  len(v: GcVec): number;
  get(v: GcVec, i: number): E;
  set(v: GcVec, i: number, x: E): void;
  resize(v: GcVec, n: number): void;
  move(v: GcVec, dst: number, src: number, k: number): void;
  zero(v: GcVec, at: number, k: number): void;
}
export const f64Vec: VecOps<number> = {
  make: (n, o) => X.f64_new(n, o, tagOf(o)),
  view: (v, o) => X.f64_view(v, o, tagOf(o)),
  owner: X.f64_owner,
  len: X.f64_len,
  get: X.f64_get,
  set: X.f64_set,
  resize: X.f64_resize,
  move: X.f64_move,
  zero: X.f64_zero,
};
export const i64Vec: VecOps<bigint> = {
  make: (n, o) => X.i64_new(n, o, tagOf(o)),
  view: (v, o) => X.i64_view(v, o, tagOf(o)),
  owner: X.i64_owner,
  len: X.i64_len,
  get: X.i64_get,
  set: X.i64_set,
  resize: X.i64_resize,
  move: X.i64_move,
  zero: X.i64_zero,
};

/** The operations on reference vectors (a struct's fields or an array's elements; indices 0-based and in range).
 *  JS null is the vector's null, #undef: `make`, `resize` and `zero` leave nulls; `made` makes one holding the
 *  given values (none undefined). A value is stored as `toWasm` makes it (a struct or array as its own vector) and
 *  read back as the JS value. */
export interface RefOps<V> extends VecOps<V | null> {
  made(owner: object, xs: readonly V[]): GcVec;
  /** a bits field, by its 64 bits (gc_arrays.wat `$bits`) */
  getBits(v: GcVec, i: number): bigint;
  setBits(v: GcVec, i: number, x: bigint): void;
}
/** the box of a bits field, for `made` (its value is passed as this) */
export const bitsBox = (x: bigint): unknown => X.bits_box(x);
export function refOps<V>(toWasm: (x: V) => unknown): RefOps<V> {
  return {
    made: (o, xs) => {
      switch (xs.length) {
        case 1:
          return X.ref_new1(o, tagOf(o), toWasm(xs[0]!));
        case 2:
          return X.ref_new2(o, tagOf(o), toWasm(xs[0]!), toWasm(xs[1]!));
        case 3:
          return X.ref_new3(o, tagOf(o), toWasm(xs[0]!), toWasm(xs[1]!), toWasm(xs[2]!));
      }
      const v = X.ref_new(xs.length, o, tagOf(o));
      for (let i = 0; i < xs.length; i++) X.ref_set(v, i, toWasm(xs[i]!));
      return v;
    },
    make: (n, o) => X.ref_new(n, o, tagOf(o)),
    view: (v, o) => X.ref_view(v, o, tagOf(o)),
    owner: X.ref_owner,
    len: X.ref_len,
    get: X.ref_get as (v: GcVec, i: number) => V | null,
    set: (v, i, x) => X.ref_set(v, i, x === null ? null : toWasm(x)),
    resize: X.ref_resize,
    move: X.ref_move,
    zero: X.ref_zero,
    getBits: X.ref_get_bits,
    setBits: X.ref_set_bits,
  };
}
