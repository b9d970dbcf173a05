// The object-graph codec of session images: turns the objects reachable from a root (modules, types, methods,
// lowered and inferred code, Jolt values) into bytes and back, keeping identity, sharing and cycles.
//
// Format (all little-endian), after a 20-byte preamble of five u32 (JSON length, float count, main record count,
// main object count, segment count):
//   JSON   {strings, classes, shapes}: every distinct string once, and each shape (class + property keys)
//   f64[]  the numbers that are not small integers
//   i32[]  the main block's records, one per object in the order objects were found (breadth first), each a kind
//          and its data; the side tables; per segment (start, object count, root code); the segments' records
// A value inside a record is one i32 `code`: (payload << 3) | tag, see TAG_*. Decoding makes every object of a
// block first (shells: the right prototype, no contents), then fills them, so a record may refer to any object.
// Lazy segments: the values of a class's `lazy` properties (method bodies, most of a session's objects and mostly
// never run) are blocks of their own, decoded when the property is first read; their objects may refer to the main
// block's. An object that two segments reach is moved to the main block, so it stays one object.
// Jolt structs and arrays keep their contents in WebAssembly GC vectors, which JS cannot save: they are written as
// their type and field or element values and rebuilt through JStruct/JArray `init` once every type is complete.
import { Sym, JChar, JStruct, JArray, BuiltinFunction, type Value } from '../runtime/values.ts';
import { BottomType, Bottom, type DataType } from '../runtime/types.ts';

const TAG_OBJECT = 0, // payload: object index
  TAG_STRING = 1, // payload: string index
  TAG_FLOAT = 2, // payload: index in the f64 section
  TAG_SPECIAL = 3, // payload: one of SPECIAL
  TAG_INT = 4, // payload: a small integer number
  TAG_LOCAL = 5, // payload: index of an object of the segment being decoded
  TAG_LAZY = 6; // payload: segment index (only as a lazy property's value)
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
  External: 14, // an object of the live session, by its name (string code): see GraphCodec.external
} as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** a class whose instances are saved as their own enumerable properties and made again with its prototype;
 *  `transient` properties are caches made again on demand: an object in one is saved as undefined (a plain value,
 *  such as a null that marks "none", is kept) */
export interface ClassEntry {
  name: string;
  proto: object;
  transient?: readonly string[];
  /** properties whose values are decoded when first read */
  lazy?: readonly string[];
  /** plain data whose identity nothing relies on (IR nodes): an instance that only lazy segments reach is copied
   *  into each segment that reaches it, with the arrays in its properties, instead of being moved to the main
   *  block, which every start decodes */
  copyable?: boolean;
  /** the arrays in its properties are such plain data (the object itself is not) */
  copyableArrays?: boolean;
}

/** a side table of numbers per object (the ids that type caches and object hashes are keyed by) kept in the image */
export interface SideTable {
  get(o: object): number | undefined;
  set(o: object, n: number): void;
}

/** Objects that a graph refers to but does not hold: they are saved as a name and found again by it in the
 *  session that decodes the graph (a package cache refers to Base's types and methods this way). `nameOf` gives
 *  undefined for an object the graph holds itself; it throws for one that can be neither held nor named. */
export interface ExternalNames {
  nameOf(o: object): string | undefined;
  resolve(name: string): unknown;
}

export interface GraphCodec {
  classes: readonly ClassEntry[];
  sideTables: readonly SideTable[];
  external?: ExternalNames;
}

/** the root object graph as bytes */
export function encodeGraph(root: object, codec: GraphCodec): Uint8Array {
  return new Encoder(codec).encode(root);
}

/** the objects of one block (the main one or a segment), in index order, and their records */
class Block {
  readonly objects: unknown[] = [];
  readonly index = new Map<unknown, number>();
  readonly recs: number[] = [];
  done = 0;
}

class Encoder {
  readonly strings: string[] = [];
  readonly stringIndex = new Map<string, number>();
  readonly floats: number[] = [];
  readonly shapes: [number, string[]][] = [];
  readonly shapeIndex = new Map<string, number>();
  readonly classIndex = new Map<object, number>();
  readonly codec: GraphCodec;
  readonly main = new Block();
  cur: Block = this.main;
  readonly lazyRoots: object[] = [];
  readonly lazyIndex = new Map<object, number>();
  /** arrays held by a copyable object's properties (see ClassEntry.copyable) */
  readonly copyableArrays = new Set<unknown>();
  constructor(codec: GraphCodec) {
    this.codec = codec;
    codec.classes.forEach((c, i) => this.classIndex.set(c.proto, i));
  }
  encode(root: object): Uint8Array {
    this.code(root);
    this.run(this.main);
    // objects that two segments reach go to the main block (then run again: they may reach more)
    for (let settled = false; !settled;) {
      settled = true;
      const seen = new Map<unknown, number>();
      const shared = new Set<unknown>();
      for (let seg = 0; seg < this.lazyRoots.length; seg++) {
        const b = this.segment(seg);
        for (const o of b.objects) {
          if (this.copyable(o)) continue;
          const at = seen.get(o);
          if (at === undefined) seen.set(o, seg);
          else if (at !== seg) shared.add(o);
        }
      }
      if (shared.size) {
        settled = false;
        this.cur = this.main;
        for (const o of shared) this.code(o);
        this.run(this.main);
      }
    }
    const segs = this.lazyRoots.map((_, seg) => this.segment(seg));
    return this.finish(segs);
  }
  copyable(o: unknown): boolean {
    if (this.copyableArrays.has(o)) return true;
    if (typeof o !== 'object' || o === null) return false;
    const ci = this.classIndex.get(Object.getPrototypeOf(o) as object);
    return ci !== undefined && this.codec.classes[ci]!.copyable === true;
  }
  /** segment `seg` encoded against the main block as it is now */
  segment(seg: number): Block {
    const b = new Block();
    this.cur = b;
    b.recs.push(this.code(this.lazyRoots[seg])); // its root's code first
    this.run(b);
    this.cur = this.main;
    return b;
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
    const m = this.main.index.get(v);
    if (m !== undefined) return (m << 3) | TAG_OBJECT;
    const b = this.cur;
    let i = b.index.get(v);
    if (i === undefined) {
      i = b.objects.length;
      b.objects.push(v);
      b.index.set(v, i);
    }
    return (i << 3) | (b === this.main ? TAG_OBJECT : TAG_LOCAL);
  }
  /** a lazy property's value: a segment of its own, unless it is in the main block anyway */
  lazy(v: unknown): number {
    if (typeof v !== 'object' || v === null || this.main.index.has(v)) return this.code(v);
    let s = this.lazyIndex.get(v);
    if (s === undefined) {
      s = this.lazyRoots.length;
      this.lazyRoots.push(v);
      this.lazyIndex.set(v, s);
    }
    return (s << 3) | TAG_LAZY;
  }
  /** writes the record of every object of block `b` not written yet, breadth first (in index order) */
  run(b: Block): void {
    const prev = this.cur;
    this.cur = b;
    for (; b.done < b.objects.length; b.done++) this.record(b.recs, b.objects[b.done]!, b.done);
    this.cur = prev;
  }
  record(r: number[], o: unknown, k: number): void {
    const name = typeof o === 'object' ? this.codec.external?.nameOf(o!) : undefined;
    if (name !== undefined) {
      r.push(Kind.External, this.str(name));
      return;
    }
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
    // a lazy property of a decoded object not read yet is no own property (see lazyGetter): it is read now
    for (const key of this.codec.classes[ci]!.lazy ?? [])
      if (!Object.hasOwn(o as object, key) && key in (o as object)) keys.push(key);
    // JSON, not keys.join(','): the keys ['a,b'] and ['a', 'b'], or [''] and [], must not be one shape
    const sk = ci + ':' + JSON.stringify(keys);
    let si = this.shapeIndex.get(sk);
    if (si === undefined) {
      si = this.shapes.length;
      this.shapes.push([ci, keys]);
      this.shapeIndex.set(sk, si);
    }
    r.push(Kind.Object, si);
    const { transient, lazy, copyable, copyableArrays } = this.codec.classes[ci]!;
    for (const key of keys) {
      const v = (o as Record<string, unknown>)[key];
      if ((copyable || copyableArrays) && Array.isArray(v)) this.copyableArrays.add(v);
      if (typeof v === 'function') {
        throw new Error(`a session image cannot hold the function ${v.name || '(anonymous)'} in ${describe(o)}.${key}`);
      }
      if (transient?.includes(key) && typeof v === 'object' && v !== null) r.push(this.code(undefined));
      else r.push(lazy?.includes(key) ? this.lazy(v) : this.code(v));
    }
  }
  finish(segs: Block[]): Uint8Array {
    const main = this.main;
    // the side tables (of main objects): per table, a count then (object index, number) pairs
    const tail: number[] = [];
    for (const t of this.codec.sideTables) {
      const at = tail.length;
      tail.push(0);
      main.objects.forEach((o, i) => {
        if (typeof o !== 'object') return;
        const n = t.get(o as object);
        if (n !== undefined) tail.push(i, n);
      });
      tail[at] = (tail.length - at - 1) / 2;
    }
    // the segment table, then the segments' records (each starting with its root's code)
    let start = 0;
    for (const b of segs) {
      tail.push(start, b.objects.length);
      start += b.recs.length;
    }
    const json = new TextEncoder().encode(
      JSON.stringify({
        strings: this.strings,
        classes: this.codec.classes.map(c => c.name),
        shapes: this.shapes,
      }),
    );
    const jsonLen = (json.length + 7) & ~7;
    const nInts = main.recs.length + tail.length + start;
    const out = new Uint8Array(PREAMBLE + jsonLen + this.floats.length * 8 + nInts * 4);
    const head = new DataView(out.buffer);
    head.setUint32(0, json.length, true);
    head.setUint32(4, this.floats.length, true);
    head.setUint32(8, main.recs.length, true);
    head.setUint32(12, main.objects.length, true);
    head.setUint32(16, segs.length, true);
    out.set(json, PREAMBLE);
    new Float64Array(out.buffer, PREAMBLE + jsonLen, this.floats.length).set(this.floats);
    const ints = new Int32Array(out.buffer, PREAMBLE + jsonLen + this.floats.length * 8, nInts);
    ints.set(main.recs);
    ints.set(tail, main.recs.length);
    let at = main.recs.length + tail.length;
    for (const b of segs) {
      ints.set(b.recs, at);
      at += b.recs.length;
    }
    return out;
  }
}

const PREAMBLE = 24;

/** how a builtin is found again: its name, an intrinsic's under `Intrinsics.` (the loader looks it up) */
export function builtinKey(f: BuiltinFunction): string {
  return (f.type.name.name.name === 'IntrinsicFunction' ? 'Intrinsics.' : '') + f.name;
}

/** fills an object of one shape from its record's values (at `p`) */
type Filler = (o: Record<string, unknown>, ints: Int32Array, p: number, d: Decoder, local: unknown[]) => void;
/** Fillers by their keys, shared by every decoder: a store entry's few objects would otherwise pay for compiling
 *  their fillers again (a fifth of an entry's decoding time) */
const fillersByKeys = new Map<string, Filler>();
function shapeFiller(keys: readonly string[]): Filler {
  const id = JSON.stringify(keys);
  let f = fillersByKeys.get(id);
  if (!f) fillersByKeys.set(id, (f = makeFiller(keys)));
  return f;
}
/** A shape's filler, made as code that stores each property by name: V8 then caches each store (an object's shape
 *  is known at each line), where a loop storing `o[keys[j]]` goes through a generic keyed store for every property
 *  (measured: about half of the decoding of the Base image). */
function makeFiller(keys: readonly string[]): Filler {
  // the commonest tags (an object of the main block, a string, a small integer) are read here, not by d.value
  const lines = keys.map(
    (k, j) =>
      `c = ints[p + ${j}]; t = c & 7; if (t === ${TAG_LAZY}) d.lazyProperty(o, ${JSON.stringify(k)}, c >> 3); ` +
      `else o[${JSON.stringify(k)}] = t === ${TAG_OBJECT} ? main[c >> 3] : t === ${TAG_STRING} ? strings[c >> 3] : ` +
      `t === ${TAG_INT} ? c >> 3 : d.value(c, local);`,
  );
  const body = `const main = d.main, strings = d.strings; let c, t;\n${lines.join('\n')}`;
  return new Function('o', 'ints', 'p', 'd', 'local', body) as Filler;
}

/** the descriptor of an ordinary data property holding `value` */
const plain = (value: unknown): PropertyDescriptor => ({ value, writable: true, enumerable: true, configurable: true });

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
  return new Decoder(bytes, codec, opts).decodeMain();
}

// What every decoder of a codec's classes needs, made once (a store entry is small, and decoded at a first call:
// making these per decoder was a tenth of its time)
const utf8 = new TextDecoder();
const classInfo = new WeakMap<readonly ClassEntry[], { names: string; protos: object[] }>();
function classesOf(codec: GraphCodec): { names: string; protos: object[] } {
  let c = classInfo.get(codec.classes);
  if (!c) {
    c = { names: codec.classes.map(e => e.name).join(), protos: codec.classes.map(e => e.proto) };
    classInfo.set(codec.classes, c);
  }
  return c;
}

class Decoder {
  readonly strings: string[];
  readonly shapes: [number, string[]][];
  readonly protos: object[];
  readonly floats: Float64Array;
  readonly ints: Int32Array;
  readonly nRecs: number;
  readonly nObjects: number;
  readonly nSegs: number;
  readonly opts: DecodeOptions;
  readonly codec: GraphCodec;
  main: unknown[] = [];
  /** where each segment's records start in `ints`, and its object count */
  readonly segAt: Int32Array;
  readonly segCount: Int32Array;
  readonly segValue: unknown[];
  readonly segDone: Uint8Array;
  /** per shape: whether it has an own property named `__proto__` */
  readonly ownProto: boolean[];
  /** per shape: its filler (shapeFiller), made at its first object */
  readonly fillers: (Filler | undefined)[] = [];
  constructor(bytes: Uint8Array, codec: GraphCodec, opts: DecodeOptions) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const jsonLength = view.getUint32(0, true),
      nFloats = view.getUint32(4, true);
    this.nRecs = view.getUint32(8, true);
    this.nObjects = view.getUint32(12, true);
    this.nSegs = view.getUint32(16, true);
    const jsonLen = (jsonLength + 7) & ~7;
    const meta = JSON.parse(utf8.decode(bytes.subarray(PREAMBLE, PREAMBLE + jsonLength))) as {
      strings: string[];
      classes: string[];
      shapes: [number, string[]][];
    };
    const classes = classesOf(codec);
    if (meta.classes.join() !== classes.names) throw new Error('the image was written with another set of classes');
    this.strings = meta.strings;
    this.shapes = meta.shapes;
    this.ownProto = meta.shapes.map(([, keys]) => keys.includes('__proto__'));
    this.protos = classes.protos;
    this.codec = codec;
    this.opts = opts;
    // the sections are read in place when the payload is 8-byte aligned in its buffer, else from an aligned copy
    if (bytes.byteOffset % 8 !== 0) bytes = copyOut(bytes, 0, bytes.length);
    const fStart = bytes.byteOffset + PREAMBLE + jsonLen;
    this.floats = new Float64Array(bytes.buffer, fStart, nFloats);
    const iStart = fStart + nFloats * 8;
    this.ints = new Int32Array(bytes.buffer, iStart, (bytes.byteOffset + bytes.length - iStart) >> 2);
    this.segAt = new Int32Array(this.nSegs);
    this.segCount = new Int32Array(this.nSegs);
    this.segValue = new Array<unknown>(this.nSegs);
    this.segDone = new Uint8Array(this.nSegs);
  }

  decodeMain(): unknown {
    const ints = this.ints;
    this.main = new Array<unknown>(this.nObjects);
    const end = this.shells(this.main, 0, this.nObjects, this.main);
    if (end !== this.nRecs) throw new Error('the image records do not add up');
    const deferred = this.fill(this.main, this.main);
    // the side tables, then the segment table, follow the main records
    let p = this.nRecs;
    for (const t of this.codec.sideTables) {
      const n = ints[p++]!;
      for (let j = 0; j < n; j++, p += 2) t.set(this.main[ints[p]!] as object, ints[p + 1]!);
    }
    const segStart = p + 2 * this.nSegs;
    for (let k = 0; k < this.nSegs; k++, p += 2) {
      this.segAt[k] = segStart + ints[p]!;
      this.segCount[k] = ints[p + 1]!;
    }
    const root = this.main[0];
    this.opts.beforeValues?.(root);
    this.finish(this.main, this.main, deferred);
    return root;
  }

  /** segment `k`'s root, decoded on its first use */
  segment(k: number): unknown {
    if (this.segDone[k]) return this.segValue[k];
    const local = new Array<unknown>(this.segCount[k]!);
    const start = this.segAt[k]!;
    this.shells(local, start + 1, local.length, local);
    const deferred = this.fill(local, local);
    this.finish(local, local, deferred);
    const v = this.value(this.ints[start]!, local);
    this.segValue[k] = v;
    this.segDone[k] = 1;
    return v;
  }

  value(c: number, local: unknown[]): unknown {
    const p = c >> 3;
    switch (c & 7) {
      case TAG_OBJECT:
        return this.main[p];
      case TAG_STRING:
        return this.strings[p];
      case TAG_FLOAT:
        return this.floats[p];
      case TAG_SPECIAL:
        return SPECIAL[p];
      case TAG_INT:
        return p;
      case TAG_LOCAL:
        return local[p];
      default:
        throw new Error('a lazy value outside a lazy property');
    }
  }

  /** step 1: makes the `n` objects of a block (records from `pos`) without their contents; returns the end */
  shells(objects: unknown[], pos: number, n: number, local: unknown[]): number {
    const ints = this.ints,
      shapes = this.shapes,
      protos = this.protos;
    const at = new Int32Array(n);
    for (let k = 0; k < n; k++) {
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
          const len = ints[pos++]!;
          objects[k] = new Array(len);
          pos += len;
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
          objects[k] = Sym.of(this.value(ints[pos++]!, local) as string);
          break;
        case Kind.Char:
          objects[k] = JChar.of(ints[pos++]!);
          break;
        case Kind.BigInt:
          objects[k] = BigInt(this.value(ints[pos++]!, local) as string);
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
        case Kind.External:
          objects[k] = this.codec.external!.resolve(this.value(ints[pos++]!, local) as string);
          break;
        case Kind.Typed: {
          const int32 = ints[pos++] === 1;
          const len = ints[pos++]!;
          const words = (len + 3) >> 2;
          const buf = ints.buffer.slice(ints.byteOffset + (pos << 2), ints.byteOffset + ((pos + words) << 2));
          objects[k] = int32 ? new Int32Array(buf, 0, len >> 2) : new Uint8Array(buf, 0, len);
          pos += words;
          break;
        }
        default:
          throw new Error(`bad record kind ${kind as number} at ${pos - 1}`);
      }
    }
    this.at = at;
    return pos;
  }
  /** the record positions of the block shells() made last */
  at = new Int32Array(0);

  /** step 2: fills the objects of the block shells() made last, but its Jolt structs and arrays and its builtins,
   *  which it returns (their block indices) for finish() */
  fill(objects: unknown[], local: unknown[]): number[] {
    const ints = this.ints,
      at = this.at;
    const deferred: number[] = [];
    for (let k = 0; k < objects.length; k++) {
      let p = at[k]!;
      const o = objects[k];
      switch (ints[p++]! as Kind) {
        case Kind.Object: {
          const si = ints[p++]!;
          const keys = this.shapes[si]![1];
          const r = o as Record<string, unknown>;
          const define = this.ownProto[si];
          if (!define) {
            (this.fillers[si] ??= shapeFiller(keys))(r, ints, p, this, local);
            break;
          }
          for (let j = 0; j < keys.length; j++, p++) {
            const c = ints[p]!;
            if ((c & 7) === TAG_LAZY) this.lazyProperty(r, keys[j]!, c >> 3);
            // an own property `__proto__` is defined: assigning it would set the prototype
            else if (define) Object.defineProperty(r, keys[j]!, plain(this.value(c, local)));
            else r[keys[j]!] = this.value(c, local);
          }
          break;
        }
        case Kind.Array:
        case Kind.Tuple: {
          const a = o as unknown[];
          const n = ints[p++]!;
          const main = this.main;
          for (let j = 0; j < n; j++) {
            const c = ints[p++]!;
            a[j] = (c & 7) === TAG_OBJECT ? main[c >> 3] : this.value(c, local);
          }
          if (ints[at[k]!] === Kind.Tuple) Object.freeze(a);
          break;
        }
        case Kind.Map: {
          const m = o as Map<unknown, unknown>;
          const n = ints[p++]!;
          for (let j = 0; j < n; j++, p += 2) m.set(this.value(ints[p]!, local), this.value(ints[p + 1]!, local));
          break;
        }
        case Kind.Set: {
          const st = o as Set<unknown>;
          const n = ints[p++]!;
          for (let j = 0; j < n; j++) st.add(this.value(ints[p++]!, local));
          break;
        }
        case Kind.Struct:
        case Kind.JArray:
        case Kind.Builtin:
          deferred.push(k, at[k]!);
          break;
        default:
          break;
      }
    }
    return deferred;
  }

  /** step 3: the builtins get their implementations, then each Jolt struct and array its (empty) vector, then its
   *  contents (so that a field may refer to any of them, cycles included) */
  finish(objects: unknown[], local: unknown[], deferred: number[]): void {
    const ints = this.ints;
    const v = (c: number): unknown => this.value(c, local);
    for (let d = 0; d < deferred.length; d += 2) {
      const k = deferred[d]!,
        p = deferred[d + 1]!;
      if (ints[p] !== Kind.Builtin) continue;
      const key = v(ints[p + 1]!) as string;
      const impl = this.opts.builtin(key);
      if (!impl) throw new Error(`the image holds a builtin this Jolt does not have: ${key}`);
      const name = key.startsWith('Intrinsics.') ? key.slice('Intrinsics.'.length) : key;
      Object.assign(objects[k] as BuiltinFunction, { name, type: v(ints[p + 2]!) as DataType, impl });
    }
    for (let d = 0; d < deferred.length; d += 2) {
      const k = deferred[d]!,
        p = deferred[d + 1]!;
      const type = v(ints[p + 1]!) as DataType;
      if (ints[p] === Kind.Struct) {
        (objects[k] as JStruct).init(type, new Array<Value | undefined>(ints[p + 2]!).fill(undefined));
      } else if (ints[p] === Kind.JArray) {
        const dims = v(ints[p + 2]!) as number[];
        if (ints[p + 3] === 1) (objects[k] as JArray).init(type, v(ints[p + 4]!) as (Value | undefined)[], dims);
        else {
          const a = objects[k] as JArray;
          a.init(type, [], dims);
          a.resize(ints[p + 4]!);
        }
      }
    }
    for (let d = 0; d < deferred.length; d += 2) {
      const k = deferred[d]!,
        p = deferred[d + 1]!;
      if (ints[p] === Kind.Struct) {
        const s = objects[k] as JStruct;
        const n = ints[p + 2]!;
        for (let j = 0; j < n; j++) {
          const x = v(ints[p + 3 + j]!);
          if (x !== undefined) s.set(j, x as Value);
        }
      } else if (ints[p] === Kind.JArray && ints[p + 3] === 0) {
        const a = objects[k] as JArray;
        const n = ints[p + 4]!;
        for (let j = 0; j < n; j++) {
          const x = v(ints[p + 5 + j]!);
          if (x !== undefined) a.put(j, x as Value);
        }
      }
    }
  }

  /** a property whose value is segment `k`, decoded when the property is first read (or simply replaced): no own
   *  property until then, but an entry in `pendingLazy` that the prototype's accessor (lazyGetter) reads */
  lazyProperty(o: Record<string, unknown>, key: string, k: number): void {
    let p = pendingLazy.get(o);
    if (!p) pendingLazy.set(o, (p = {}));
    p[key] = { d: this, k };
    installLazyAccessor(Object.getPrototypeOf(o) as object, key);
  }
}

// Lazy properties. An own accessor per object would give each decoded object a map of its own in V8 (an accessor
// pair is part of the map), so every property access on a decoded Method would be megamorphic; instead the class's
// prototype gets one accessor per lazy key, which an object's own data property (a constructed object's, or a
// decoded one's once read or assigned) shadows.
const pendingLazy = new WeakMap<object, Record<string, { d: Decoder; k: number }>>();
const lazyAccessors = new Map<object, Set<string>>();

/** whether `o[key]` holds a value (not undefined or null), without decoding it when it is still lazy */
export function hasValue(o: object, key: string): boolean {
  if (pendingLazy.get(o)?.[key]) return true;
  return (o as Record<string, unknown>)[key] != null;
}
function installLazyAccessor(proto: object, key: string): void {
  if (proto === Object.prototype) throw new Error('a lazy property needs a class of its own');
  let keys = lazyAccessors.get(proto);
  if (!keys) lazyAccessors.set(proto, (keys = new Set()));
  if (keys.has(key)) return;
  keys.add(key);
  Object.defineProperty(proto, key, {
    configurable: true,
    enumerable: false,
    get(this: object): unknown {
      const pending = pendingLazy.get(this);
      const p = pending?.[key];
      if (!p) return undefined;
      delete pending[key];
      const v = p.d.segment(p.k);
      Object.defineProperty(this, key, plain(v));
      return v;
    },
    set(this: object, v: unknown) {
      Object.defineProperty(this, key, plain(v));
    },
  });
}
