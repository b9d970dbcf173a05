// The object-graph codec of session images (src/image/serialize.ts encodeGraph/decodeGraph), on random graphs of JS
// values: what comes back is the same graph, with the same sharing and cycles (an object reached twice is one object
// after decoding), frozen arrays frozen, numbers bit-exact (-0, NaN), strings of any code units. Jolt values (structs,
// arrays, builtins) need a session, which is too slow to make per case here: the CLI tests (startup, sysimage) cover
// them through whole images.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeGraph, decodeGraph, type GraphCodec, type SideTable } from '../../src/image/serialize.ts';

const plain: GraphCodec = { classes: [{ name: 'Object', proto: Object.prototype }], sideTables: [] };
const noBuiltins = { builtin: () => undefined };
const roundTrip = (root: object, codec: GraphCodec = plain): unknown =>
  decodeGraph(encodeGraph(root, codec), codec, noBuiltins);

// ---------------------------------------------------------------------------------------------------------------
// Checking that two graphs are the same graph

/** Walks `a` (the original) and `b` (the decoded graph) together: the same shapes and primitives everywhere, and a
 *  one-to-one map between their objects (so sharing and cycles are kept, and nothing shared is merged). */
function assertSameGraph(a: unknown, b: unknown): void {
  const there = new Map<unknown, unknown>();
  const back = new Map<unknown, unknown>();
  const work: [unknown, unknown, string][] = [[a, b, 'root']];
  while (work.length > 0) {
    const [x, y, path] = work.pop()!;
    if (typeof x !== 'object' || x === null) {
      assert.ok(Object.is(x, y), `${path}: ${String(x)} came back as ${String(y)}`);
      continue;
    }
    assert.ok(typeof y === 'object' && y !== null, `${path}: an object came back as ${String(y)}`);
    if (there.has(x)) {
      assert.equal(there.get(x), y, `${path}: an object reached twice came back as two objects`);
      continue;
    }
    assert.ok(!back.has(y), `${path}: two different objects came back as one`);
    there.set(x, y);
    back.set(y, x);
    assert.equal(Object.getPrototypeOf(y), Object.getPrototypeOf(x), `${path}: another prototype`);
    if (Array.isArray(x)) {
      const ya = y as unknown[];
      assert.equal(ya.length, x.length, `${path}: length`);
      assert.equal(Object.isFrozen(ya), Object.isFrozen(x), `${path}: frozen or not`);
      x.forEach((v, i) => work.push([v, ya[i], `${path}[${i}]`]));
    } else if (x instanceof Map) {
      const ym = [...(y as Map<unknown, unknown>)];
      const xm = [...x];
      assert.equal(ym.length, xm.length, `${path}: size`);
      // insertion order is kept, so entries pair up in order
      xm.forEach(([k, v], i) => {
        work.push([k, ym[i]![0], `${path}.key${i}`]);
        work.push([v, ym[i]![1], `${path}.get(${i})`]);
      });
    } else if (x instanceof Set) {
      const ys = [...(y as Set<unknown>)];
      const xs = [...x];
      assert.equal(ys.length, xs.length, `${path}: size`);
      xs.forEach((v, i) => work.push([v, ys[i], `${path}{${i}}`]));
    } else if (x instanceof Uint8Array || x instanceof Int32Array) {
      assert.deepEqual([...(y as typeof x)], [...x], `${path}: typed array contents`);
    } else {
      const xk = Object.keys(x);
      assert.deepEqual(Object.keys(y), xk, `${path}: keys`);
      for (const k of xk) {
        work.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}.${k}`]);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Random values and graphs

/** one UTF-16 string element: any byte-valued char (how Jolt keeps String bytes), an astral character (a surrogate
 *  pair), a lone surrogate, or any BMP char */
const char = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map(c => String.fromCharCode(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map(c => String.fromCodePoint(c)),
  fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff'),
  fc.integer({ min: 0, max: 0xffff }).map(c => String.fromCharCode(c)),
);
const str = fc.string({ unit: char, maxLength: 12 });
/** the small integers are written inline, the rest as f64: both sides of that boundary */
const SMALL = 1 << 27;
const num = fc.oneof(
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1.5, -0.1, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, -(2 ** 53)),
  fc.constantFrom(SMALL - 1, SMALL, SMALL + 1, -SMALL, -SMALL - 1, 2 ** 28, 2 ** 29, 2 ** 31, -(2 ** 31), 2 ** 32),
  fc.integer(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
);
const big = fc.oneof(
  fc.bigInt(),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }),
  fc.constantFrom(0n, -1n, 2n ** 64n, 2n ** 64n + 1n, -(2n ** 64n) - 1n, 2n ** 127n),
);
const leaf = fc.oneof(str, num, big, fc.boolean(), fc.constant(null), fc.constant(undefined));

type Ref = { node: number } | { leaf: unknown };
const ref: fc.Arbitrary<Ref> = fc.oneof(
  { weight: 2, arbitrary: fc.nat().map(n => ({ node: n })) },
  { weight: 3, arbitrary: leaf.map(v => ({ leaf: v })) },
);
/** an object key: a random string, or one that is special to JS objects or to the codec's shapes */
const key = fc.oneof(
  { weight: 4, arbitrary: str },
  { weight: 1, arbitrary: fc.constantFrom('a,b', 'a', 'b', ',', '', '0', '1', '__proto__', 'constructor', 'length') },
);
const nodeSpec = fc.oneof(
  fc.record({ kind: fc.constant('object' as const), entries: fc.array(fc.tuple(key, ref), { maxLength: 5 }) }),
  fc.record({ kind: fc.constantFrom('array' as const, 'frozen' as const), items: fc.array(ref, { maxLength: 5 }) }),
  fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(ref, ref), { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('set' as const), items: fc.array(ref, { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('u8' as const), bytes: fc.uint8Array({ maxLength: 11 }), offset: fc.nat(3) }),
  fc.record({ kind: fc.constant('i32' as const), words: fc.int32Array({ maxLength: 5 }) }),
);
type NodeSpec = typeof nodeSpec extends fc.Arbitrary<infer N> ? N : never;

/** Makes the graph: node k refers to node (n mod count), so references go anywhere (back: cycles; twice: sharing).
 *  Node 0 is the root, an array of every node so that each is reachable. */
function build(specs: NodeSpec[]): unknown[] {
  const nodes: unknown[] = specs.map(s => {
    switch (s.kind) {
      case 'object':
        return {};
      case 'array':
      case 'frozen':
        return [];
      case 'map':
        return new Map();
      case 'set':
        return new Set();
      case 'u8': {
        // a view that does not start at its buffer's start
        const b = new Uint8Array(s.bytes.length + s.offset);
        b.set(s.bytes, s.offset);
        return b.subarray(s.offset);
      }
      case 'i32':
        return s.words;
    }
  });
  const val = (r: Ref): unknown => ('node' in r ? nodes[r.node % nodes.length] : r.leaf);
  specs.forEach((s, k) => {
    const o = nodes[k];
    switch (s.kind) {
      case 'object':
        // defineProperty: a key `__proto__` is an own property here, not the prototype
        for (const [name, r] of s.entries) {
          Object.defineProperty(o, name, { value: val(r), enumerable: true, writable: true, configurable: true });
        }
        break;
      case 'array':
      case 'frozen':
        (o as unknown[]).push(...s.items.map(val));
        if (s.kind === 'frozen') Object.freeze(o);
        break;
      case 'map':
        for (const [kr, vr] of s.entries) (o as Map<unknown, unknown>).set(val(kr), val(vr));
        break;
      case 'set':
        for (const r of s.items) (o as Set<unknown>).add(val(r));
        break;
      default:
        break;
    }
  });
  return [...nodes];
}

const graphs = fc.array(nodeSpec, { minLength: 1, maxLength: 10 }).map(build);

// ---------------------------------------------------------------------------------------------------------------

test('random graphs come back as the same graph (sharing, cycles, frozen arrays, every kind of value)', () => {
  fc.assert(
    fc.property(graphs, root => {
      assertSameGraph(root, roundTrip(root));
    }),
    { numRuns: 400 },
  );
});

test('leaves: numbers bit for bit (-0, NaN, both sides of the inline range), bigints, strings of any code units', () => {
  fc.assert(
    fc.property(fc.array(leaf, { maxLength: 20 }), values => {
      const back = roundTrip(values) as unknown[];
      assert.equal(back.length, values.length);
      values.forEach((v, i) => assert.ok(Object.is(back[i], v), `${String(v)} came back as ${String(back[i])}`));
    }),
    { numRuns: 300 },
  );
  const all = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c)).join('') + '\u{1F600}\u{10FFFF}\ud800';
  assert.equal((roundTrip({ s: all }) as { s: string }).s, all);
});

test('identity: a shared object, a self-cycle and a cycle through a Map key and a Set come back as one object', () => {
  const shared = { n: 1 };
  const self: Record<string, unknown> = { shared };
  self.me = self;
  const m = new Map<unknown, unknown>([[shared, self]]);
  const s = new Set<unknown>([m, shared]);
  m.set('set', s);
  const frozen = Object.freeze([shared, s]);
  const root = { a: shared, b: [shared, self], m, s, frozen, again: frozen };
  const r = roundTrip(root) as typeof root;
  assertSameGraph(root, r);
  assert.equal(r.a, r.b[0]);
  assert.equal((r.b[1] as typeof self).me, r.b[1]);
  assert.equal([...r.m.keys()][0], r.a);
  assert.equal(r.m.get('set'), r.s);
  assert.ok([...r.s].includes(r.m));
  assert.ok(Object.isFrozen(r.frozen));
  assert.equal(r.frozen, r.again);
});

test('the side tables: the numbers kept per object come back for the same objects', () => {
  fc.assert(
    fc.property(graphs, fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), (root, ids) => {
      const before = new WeakMap<object, number>();
      // every object node (the root's entries) gets a number, typed arrays included
      root.forEach((o, i) => before.set(o as object, ids[i] ?? i));
      const table = (m: WeakMap<object, number>): SideTable => ({ get: o => m.get(o), set: (o, n) => m.set(o, n) });
      const after = new WeakMap<object, number>();
      const bytes = encodeGraph(root, { ...plain, sideTables: [table(before)] });
      const back = decodeGraph(bytes, { ...plain, sideTables: [table(after)] }, noBuiltins) as object[];
      back.forEach((o, i) => assert.equal(after.get(o), before.get(root[i] as object), `node ${i}`));
    }),
    { numRuns: 100 },
  );
});

test('a registered class comes back with its prototype; its transient properties come back undefined', () => {
  class Point {
    x = 1;
    cache: object | null = { big: true };
    none: object | null = null;
    norm(): number {
      return Math.abs(this.x);
    }
  }
  const codec: GraphCodec = {
    classes: [
      { name: 'Object', proto: Object.prototype },
      { name: 'Point', proto: Point.prototype, transient: ['cache', 'none'] },
    ],
    sideTables: [],
  };
  const p = new Point();
  p.x = -3;
  const r = roundTrip({ p, q: p }, codec) as { p: Point; q: Point };
  assert.ok(r.p instanceof Point);
  assert.equal(r.p, r.q);
  assert.equal(r.p.norm(), 3);
  assert.equal(r.p.cache, undefined, 'an object in a transient property is not saved');
  assert.equal(r.p.none, null, 'a plain value in a transient property is kept');
});

test('an object of an unregistered class is refused, naming the class', () => {
  class Unregistered {
    v = 1;
  }
  assert.throws(() => encodeGraph({ a: [new Unregistered()] }, plain), /Unregistered/);
  assert.throws(() => encodeGraph({ a: Object.create(null) }, plain), /without a prototype/);
  assert.throws(() => encodeGraph({ a: new Date(0) }, plain), /Date/);
});

test('a function is refused, naming it, wherever it is (property, array element, Map entry, Set)', () => {
  function makeThing(): number {
    return 1;
  }
  for (const root of [
    { f: makeThing },
    { a: [1, makeThing] },
    { m: new Map([['k', makeThing]]) },
    [new Set([makeThing])],
  ]) {
    assert.throws(() => encodeGraph(root, plain), /function makeThing/);
  }
  assert.throws(() => encodeGraph({ s: Symbol('x') }, plain), /symbol/);
});
