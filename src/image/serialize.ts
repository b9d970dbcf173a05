// The object-graph codec of session images: turns the objects reachable from a root (modules, types, methods,
// lowered and inferred code, Jolt values) into bytes and back, keeping identity, sharing and cycles.
//
// Format (all little-endian), after a 16-byte preamble of four u32 (JSON length, float count, record count, object
// count):
//   JSON   {strings, classes, shapes}: every distinct string once, and each shape (class + property keys)
//   f64[]  the numbers that are not small integers
//   i32[]  the records, one per object in the order objects were found (breadth first), each a kind and its data
// A value inside a record is one i32 `code`: (payload << 3) | tag, see TAG_*. Decoding makes every object first
// (shells: the right prototype, no contents), then fills them, so a record may refer to any object, earlier or later.
// Jolt structs and arrays keep their contents in WebAssembly GC vectors, which JS cannot save: they are written as
// their type and field or element values and rebuilt through JStruct/JArray `init` once every type is complete.
import { Sym, JChar, JStruct, JArray, BuiltinFunction, type Value } from '../runtime/values.ts';
import { BottomType, Bottom, type DataType } from '../runtime/types.ts';

const TAG_OBJECT = 0, // payload: object index
  TAG_STRING = 1, // payload: string index
  TAG_FLOAT = 2, // payload: index in the f64 section
  TAG_SPECIAL = 3, // payload: one of SPECIAL
  TAG_INT = 4; // payload: a small integer number
const SPECIAL = [undefined, null, false, true] as const;
const SMALL = 1 << 27;

/** record kinds */
const Kind = {
  Object: 1, // shape, then one code per key
  Array: 2, // length, codes
  Tuple: 3, // a frozen array: length, codes
  Map: 4, // size, key and value codes
  Set: 5, // size, codes
  Sym: 6, // name (string code)
  Char: 7, // code point
  BigInt: 8, // decimal digits (string code)
  Struct: 9, // type code, field count, field codes (undefined: #undef)
  JArray: 10, // type code, dims code, 1 and the shared JS element array's code (Vector{Any}) | 0, length, codes
  Builtin: 11, // name (string code), type code
  Bottom: 12,
  Typed: 13, // a Uint8Array or Int32Array: which (0 or 1), byte length, then its bytes packed four to an i32
} as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** a class whose instances are saved as their own enumerable properties and made again with its prototype;
 *  `transient` properties are caches made again on demand: an object in one is saved as undefined (a plain value,
 *  such as a null that marks "none", is kept) */
export interface ClassEntry {
  name: string;
  proto: object;
  transient?: readonly string[];
}

/** a side table of numbers per object (the ids that type caches and object hashes are keyed by) kept in the image */
export interface SideTable {
  get(o: object): number | undefined;
  set(o: object, n: number): void;
}

export interface GraphCodec {
  classes: readonly ClassEntry[];
  sideTables: readonly SideTable[];
}

/** the root object graph as bytes */
export function encodeGraph(root: object, codec: GraphCodec): Uint8Array {
  const enc = new Encoder(codec);
  enc.code(root);
  enc.run();
  return enc.finish();
}

class Encoder {
  readonly objects: object[] = [];
  readonly index = new Map<unknown, number>();
  readonly recs: number[] = [];
  readonly strings: string[] = [];
  readonly stringIndex = new Map<string, number>();
  readonly floats: number[] = [];
  readonly shapes: [number, string[]][] = [];
  readonly shapeIndex = new Map<string, number>();
  readonly classIndex = new Map<object, number>();
  readonly codec: GraphCodec;
  constructor(codec: GraphCodec) {
    this.codec = codec;
    codec.classes.forEach((c, i) => this.classIndex.set(c.proto, i));
  }
  str(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return (i << 3) | TAG_STRING;
  }
  code(v: unknown): number {
    switch (typeof v) {
      case 'undefined':
        return (0 << 3) | TAG_SPECIAL;
      case 'boolean':
        return ((v ? 3 : 2) << 3) | TAG_SPECIAL;
      case 'string':
        return this.str(v);
      case 'number':
        if (Number.isInteger(v) && v >= -SMALL && v < SMALL && !Object.is(v, -0)) return (v << 3) | TAG_INT;
        this.floats.push(v);
        return ((this.floats.length - 1) << 3) | TAG_FLOAT;
      case 'bigint':
      case 'object':
        if (v === null) return (1 << 3) | TAG_SPECIAL;
        break;
      default:
        throw new Error(
          typeof v === 'function'
            ? `a session image cannot hold the function ${v.name || '(anonymous)'}`
            : `a session image cannot hold a ${typeof v}`,
        );
    }
    let i = this.index.get(v);
    if (i === undefined) {
      i = this.objects.length;
      this.objects.push(v as object);
      this.index.set(v, i);
    }
    return (i << 3) | TAG_OBJECT;
  }
  /** writes the record of every object found, breadth first (records come out in index order) */
  run(): void {
    for (let k = 0; k < this.objects.length; k++) this.record(this.objects[k]!, k);
  }
  record(o: unknown, k: number): void {
    const r = this.recs;
    if (typeof o === 'bigint') {
      r.push(Kind.BigInt, this.str(o.toString()));
      return;
    }
    if (Array.isArray(o)) {
      r.push(Object.isFrozen(o) ? Kind.Tuple : Kind.Array, o.length);
      for (let j = 0; j < o.length; j++) r.push(this.code(o[j]));
      return;
    }
    if (o instanceof Map) {
      r.push(Kind.Map, o.size);
      for (const [key, v] of o) r.push(this.code(key), this.code(v));
      return;
    }
    if (o instanceof Set) {
      r.push(Kind.Set, o.size);
      for (const v of o) r.push(this.code(v));
      return;
    }
    if (o instanceof Uint8Array || o instanceof Int32Array) {
      r.push(Kind.Typed, o instanceof Uint8Array ? 0 : 1, o.byteLength);
      const padded = new Uint8Array((o.byteLength + 3) & ~3);
      padded.set(new Uint8Array(o.buffer, o.byteOffset, o.byteLength));
      const words = new Int32Array(padded.buffer);
      for (let j = 0; j < words.length; j++) r.push(words[j]!);
      return;
    }
    if (o instanceof Sym) {
      r.push(Kind.Sym, this.str(o.name));
      return;
    }
    if (o instanceof JChar) {
      r.push(Kind.Char, o.cp);
      return;
    }
    if (o instanceof JStruct) {
      const fs = o.fields();
      r.push(Kind.Struct, this.code(o.type), fs.length);
      for (const f of fs) r.push(this.code(f));
      return;
    }
    if (o instanceof JArray) {
      r.push(Kind.JArray, this.code(o.type), this.code(o.dims));
      const elts = o.boxed();
      if (o.vec === undefined) r.push(1, this.code(elts));
      else {
        r.push(0, elts.length);
        for (const x of elts) r.push(this.code(x));
      }
      return;
    }
    if (o instanceof BuiltinFunction) {
      r.push(Kind.Builtin, this.str(builtinKey(o)), this.code(o.type));
      return;
    }
    if (o instanceof BottomType) {
      r.push(Kind.Bottom);
      return;
    }
    const proto = Object.getPrototypeOf(o) as object;
    const ci = this.classIndex.get(proto);
    if (ci === undefined) throw new Error(`a session image cannot hold ${describe(o)} (object ${k})`);
    const keys = Object.keys(o as object);
    // JSON, not keys.join(','): the keys ['a,b'] and ['a', 'b'], or [''] and [], must not be one shape
    const sk = ci + ':' + JSON.stringify(keys);
    let si = this.shapeIndex.get(sk);
    if (si === undefined) {
      si = this.shapes.length;
      this.shapes.push([ci, keys]);
      this.shapeIndex.set(sk, si);
    }
    r.push(Kind.Object, si);
    const transient = this.codec.classes[ci]!.transient;
    for (const key of keys) {
      const v = (o as Record<string, unknown>)[key];
      if (typeof v === 'function') {
        throw new Error(`a session image cannot hold the function ${v.name || '(anonymous)'} in ${describe(o)}.${key}`);
      }
      r.push(transient?.includes(key) && typeof v === 'object' && v !== null ? this.code(undefined) : this.code(v));
    }
  }
  finish(): Uint8Array {
    // the side tables: per table, a count then (object index, number) pairs
    const side: number[] = [];
    for (const t of this.codec.sideTables) {
      const at = side.length;
      side.push(0);
      this.objects.forEach((o, i) => {
        if (typeof o !== 'object') return;
        const n = t.get(o);
        if (n !== undefined) side.push(i, n);
      });
      side[at] = (side.length - at - 1) / 2;
    }
    const json = new TextEncoder().encode(
      JSON.stringify({
        strings: this.strings,
        classes: this.codec.classes.map(c => c.name),
        shapes: this.shapes,
      }),
    );
    const jsonLen = (json.length + 7) & ~7;
    const total = 16 + jsonLen + this.floats.length * 8 + (this.recs.length + side.length) * 4;
    const out = new Uint8Array(total);
    const head = new DataView(out.buffer);
    head.setUint32(0, json.length, true);
    head.setUint32(4, this.floats.length, true);
    head.setUint32(8, this.recs.length, true);
    head.setUint32(12, this.objects.length, true);
    out.set(json, 16);
    new Float64Array(out.buffer, 16 + jsonLen, this.floats.length).set(this.floats);
    const ints = new Int32Array(out.buffer, 16 + jsonLen + this.floats.length * 8, this.recs.length + side.length);
    ints.set(this.recs);
    ints.set(side, this.recs.length);
    return out;
  }
}

/** how a builtin is found again: its name, an intrinsic's under `Intrinsics.` (the loader looks it up) */
export function builtinKey(f: BuiltinFunction): string {
  return (f.type.name.name.name === 'IntrinsicFunction' ? 'Intrinsics.' : '') + f.name;
}

/** bytes [start, end) in a buffer of their own (a Node Buffer's slice would share its pool's) */
function copyOut(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  out.set(bytes.subarray(start, end));
  return out;
}

function describe(o: unknown): string {
  const c = (Object.getPrototypeOf(o) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return c ? `a ${c}` : 'an object without a prototype';
}

export interface DecodeOptions {
  /** a builtin's implementation by builtinKey */
  builtin(key: string): ((a: Value[]) => Value) | undefined;
  /** runs once every object but the builtins and the Jolt structs and arrays is complete, before those are made
   *  (struct layouts read the restored core types; builtins may refer to the restored modules) */
  beforeValues?(root: unknown): void;
}

/** the root object graph again, from encodeGraph's bytes (which must be intact: the image file checks them) */
export function decodeGraph(bytes: Uint8Array, codec: GraphCodec, opts: DecodeOptions): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(0, true),
    nFloats = view.getUint32(4, true),
    nRecs = view.getUint32(8, true),
    nObjects = view.getUint32(12, true);
  const jsonLen = (jsonLength + 7) & ~7;
  const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + jsonLength))) as {
    strings: string[];
    classes: string[];
    shapes: [number, string[]][];
  };
  // the sections are copied to aligned buffers (the payload may sit at any offset in the file)
  const floats = new Float64Array(copyOut(bytes, 16 + jsonLen, 16 + jsonLen + nFloats * 8).buffer, 0, nFloats);
  const ints = new Int32Array(copyOut(bytes, 16 + jsonLen + nFloats * 8, bytes.length).buffer);
  const { strings, shapes } = meta;
  if (meta.classes.join() !== codec.classes.map(c => c.name).join())
    throw new Error('the image was written with another set of classes');
  const protos = codec.classes.map(c => c.proto);
  const objects = new Array<unknown>(nObjects);
  const at = new Int32Array(nObjects);
  const value = (c: number): unknown => {
    const p = c >> 3;
    switch (c & 7) {
      case TAG_OBJECT:
        return objects[p];
      case TAG_STRING:
        return strings[p];
      case TAG_FLOAT:
        return floats[p];
      case TAG_SPECIAL:
        return SPECIAL[p];
      default:
        return p;
    }
  };
  // 1. shells
  let pos = 0;
  for (let k = 0; k < nObjects; k++) {
    at[k] = pos;
    const kind = ints[pos++]! as Kind;
    switch (kind) {
      case Kind.Object: {
        const [ci, keys] = shapes[ints[pos++]!]!;
        objects[k] = Object.create(protos[ci]!);
        pos += keys.length;
        break;
      }
      case Kind.Array:
      case Kind.Tuple: {
        const n = ints[pos++]!;
        objects[k] = new Array(n);
        pos += n;
        break;
      }
      case Kind.Map:
        objects[k] = new Map();
        pos += 1 + 2 * ints[pos]!;
        break;
      case Kind.Set:
        objects[k] = new Set();
        pos += 1 + ints[pos]!;
        break;
      case Kind.Sym:
        objects[k] = Sym.of(value(ints[pos++]!) as string);
        break;
      case Kind.Char:
        objects[k] = JChar.of(ints[pos++]!);
        break;
      case Kind.BigInt:
        objects[k] = BigInt(value(ints[pos++]!) as string);
        break;
      case Kind.Struct:
        objects[k] = Object.create(JStruct.prototype);
        pos += 2 + ints[pos + 1]!;
        break;
      case Kind.JArray:
        objects[k] = Object.create(JArray.prototype);
        pos += 2;
        pos += ints[pos] === 1 ? 2 : 2 + ints[pos + 1]!;
        break;
      case Kind.Builtin:
        objects[k] = Object.create(BuiltinFunction.prototype);
        pos += 2;
        break;
      case Kind.Bottom:
        objects[k] = Bottom;
        break;
      case Kind.Typed: {
        const int32 = ints[pos++] === 1;
        const n = ints[pos++]!;
        const words = (n + 3) >> 2;
        const buf = ints.buffer.slice(ints.byteOffset + (pos << 2), ints.byteOffset + ((pos + words) << 2));
        objects[k] = int32 ? new Int32Array(buf, 0, n >> 2) : new Uint8Array(buf, 0, n);
        pos += words;
        break;
      }
      default:
        throw new Error(`bad record kind ${kind as number} at ${pos - 1}`);
    }
  }
  if (pos !== nRecs) throw new Error('the image records do not add up');
  // 2. contents (Jolt structs and arrays wait for step 3); an own property `__proto__` is defined, since assigning
  // it would set the prototype
  const ownProto = shapes.map(([, keys]) => keys.includes('__proto__'));
  const deferred: number[] = [];
  for (let k = 0; k < nObjects; k++) {
    let p = at[k]!;
    const o = objects[k];
    switch (ints[p++]! as Kind) {
      case Kind.Object: {
        const si = ints[p++]!;
        const keys = shapes[si]![1];
        const r = o as Record<string, unknown>;
        if (ownProto[si]) {
          for (let j = 0; j < keys.length; j++) {
            const v = value(ints[p++]!);
            Object.defineProperty(r, keys[j]!, { value: v, writable: true, enumerable: true, configurable: true });
          }
        } else for (let j = 0; j < keys.length; j++) r[keys[j]!] = value(ints[p++]!);
        break;
      }
      case Kind.Array:
      case Kind.Tuple: {
        const a = o as unknown[];
        const n = ints[p++]!;
        for (let j = 0; j < n; j++) a[j] = value(ints[p++]!);
        if (ints[at[k]!] === Kind.Tuple) Object.freeze(a);
        break;
      }
      case Kind.Map: {
        const m = o as Map<unknown, unknown>;
        const n = ints[p++]!;
        for (let j = 0; j < n; j++, p += 2) m.set(value(ints[p]!), value(ints[p + 1]!));
        break;
      }
      case Kind.Set: {
        const s = o as Set<unknown>;
        const n = ints[p++]!;
        for (let j = 0; j < n; j++) s.add(value(ints[p++]!));
        break;
      }
      case Kind.Struct:
      case Kind.JArray:
        deferred.push(k);
        break;
      default:
        break;
    }
  }
  // the side tables follow the records
  let sp = nRecs;
  for (const t of codec.sideTables) {
    const n = ints[sp++]!;
    for (let j = 0; j < n; j++, sp += 2) t.set(objects[ints[sp]!] as object, ints[sp + 1]!);
  }
  const root = objects[0];
  opts.beforeValues?.(root);
  // builtins get their implementations (which may refer to the restored modules)
  for (let k = 0; k < nObjects; k++) {
    if (ints[at[k]!] !== Kind.Builtin) continue;
    const p = at[k]! + 1;
    const key = value(ints[p]!) as string;
    const impl = opts.builtin(key);
    if (!impl) throw new Error(`the image holds a builtin this Jolt does not have: ${key}`);
    const name = key.startsWith('Intrinsics.') ? key.slice('Intrinsics.'.length) : key;
    Object.assign(objects[k] as BuiltinFunction, { name, type: value(ints[p + 1]!) as DataType, impl });
  }
  // 3. Jolt structs and arrays: each gets its (empty) vector first, so that a field may then refer to any of them
  for (const k of deferred) {
    const p = at[k]!;
    const type = value(ints[p + 1]!) as DataType;
    if (ints[p] === Kind.Struct) {
      (objects[k] as JStruct).init(type, new Array<Value | undefined>(ints[p + 2]!).fill(undefined));
    } else {
      const dims = value(ints[p + 2]!) as number[];
      const shared = ints[p + 3] === 1;
      if (shared) (objects[k] as JArray).init(type, value(ints[p + 4]!) as (Value | undefined)[], dims);
      else {
        const a = objects[k] as JArray;
        a.init(type, [], dims);
        a.resize(ints[p + 4]!);
      }
    }
  }
  for (const k of deferred) {
    const p = at[k]!;
    if (ints[p] === Kind.Struct) {
      const s = objects[k] as JStruct;
      const n = ints[p + 2]!;
      for (let j = 0; j < n; j++) {
        const v = value(ints[p + 3 + j]!);
        if (v !== undefined) s.set(j, v as Value);
      }
    } else if (ints[p + 3] === 0) {
      const a = objects[k] as JArray;
      const n = ints[p + 4]!;
      for (let j = 0; j < n; j++) {
        const v = value(ints[p + 5 + j]!);
        if (v !== undefined) a.put(j, v as Value);
      }
    }
  }
  return root;
}
