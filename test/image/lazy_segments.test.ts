// Lazy segments of the image codec: a class's `lazy` properties are decoded at their first read, and identity
// holds across segments and the main block (an object two segments reach is one object after decoding).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeGraph, decodeGraph, type GraphCodec } from '../../src/image/serialize.ts';

class Holder {
  name = '';
  body: unknown = undefined;
}
class Body {
  code: unknown[] = [];
}
const codec: GraphCodec = {
  classes: [
    { name: 'Object', proto: Object.prototype },
    { name: 'Holder', proto: Holder.prototype, lazy: ['body'] },
    { name: 'Body', proto: Body.prototype },
  ],
  sideTables: [],
};
const noBuiltins = { builtin: () => undefined };

function holder(name: string, code: unknown[]): Holder {
  const h = new Holder();
  h.name = name;
  const b = new Body();
  b.code = code;
  h.body = b;
  return h;
}

test('a lazy property is decoded at its first read, and then is a plain value', () => {
  const root = { hs: [holder('a', [1, 'x', [2.5, -0]]), holder('b', [3n, null, undefined])] };
  const out = decodeGraph(encodeGraph(root, codec), codec, noBuiltins) as typeof root;
  assert.ok(!Object.hasOwn(out.hs[0]!, 'body'), 'not decoded before it is read');
  assert.ok(out.hs[0]!.body instanceof Body);
  assert.deepEqual((out.hs[0]!.body as Body).code, [1, 'x', [2.5, -0]]);
  assert.ok(Object.is(((out.hs[0]!.body as Body).code[2] as number[])[1], -0));
  assert.equal(typeof Object.getOwnPropertyDescriptor(out.hs[0]!, 'body')!.get, 'undefined', 'a data property after');
  // decoded objects of a class share their hidden class: no accessor of their own
  assert.ok(Object.hasOwn(out.hs[0]!, 'body') && !Object.hasOwn(out.hs[1]!, 'body'));
  assert.deepEqual((out.hs[1]!.body as Body).code, [3n, null, undefined]);
});

test('identity holds between segments and the main block', () => {
  const shared = { s: 'two segments reach me' };
  const fromMain = { s: 'the main block holds me' };
  const h1 = holder('a', [shared, fromMain]);
  const h2 = holder('b', [shared]);
  const h3 = new Holder();
  h3.body = h1.body; // two lazy properties, one object
  const root = { hs: [h1, h2, h3], fromMain };
  const out = decodeGraph(encodeGraph(root, codec), codec, noBuiltins) as typeof root;
  const [b1, b2, b3] = out.hs.map(h => h.body as Body);
  assert.equal(b1!.code[0], b2!.code[0], 'an object two segments reach is one object');
  assert.equal(b1!.code[1], out.fromMain, 'a segment refers to the main block');
  assert.equal(b1, b3, 'one body behind two lazy properties');
});

test('a lazy property can be assigned before it is read, and cycles through segments survive', () => {
  const h = holder('a', []);
  (h.body as Body).code.push(h, h.body);
  const root = { h, other: holder('b', [7]) };
  const out = decodeGraph(encodeGraph(root, codec), codec, noBuiltins) as typeof root;
  const b = out.h.body as Body;
  assert.equal(b.code[0], out.h);
  assert.equal(b.code[1], b);
  out.other.body = 'replaced';
  assert.equal(out.other.body, 'replaced');
});

class Node {
  args: unknown[] = [];
}
class Info {
  names: unknown[] = [];
}
test('a copyable object that only segments share is copied into each (not decoded with the main block)', () => {
  const codecC: GraphCodec = {
    classes: [
      ...codec.classes,
      { name: 'Node', proto: Node.prototype, copyable: true },
      { name: 'Info', proto: Info.prototype, copyableArrays: true },
    ],
    sideTables: [],
  };
  const node = new Node();
  const plain = { s: 'not copyable' };
  node.args = [1, plain];
  const info = new Info();
  info.names = ['x', 'y'];
  const names = info.names;
  const i2 = new Info();
  i2.names = names; // an array that two Infos in two segments hold
  const kept = new Node(); // a copyable object that the main block reaches stays one object
  const root = { hs: [holder('a', [node, info, kept]), holder('b', [node, i2, kept])], kept };
  const bytes = encodeGraph(root, codecC);
  const mainObjects = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
  const out = decodeGraph(bytes, codecC, noBuiltins) as typeof root;
  const [a, b] = out.hs.map(h => (h.body as Body).code);
  assert.ok(a![0] instanceof Node && b![0] instanceof Node);
  assert.notEqual(a![0], b![0], 'each segment has its own copy');
  assert.deepEqual((a![0] as Node).args, (b![0] as Node).args);
  assert.notEqual((a![0] as Node).args, (b![0] as Node).args, "the copy's arrays are copies too");
  assert.equal((a![0] as Node).args[1], (b![0] as Node).args[1], 'a non-copyable object stays one object');
  assert.notEqual((a![1] as Info).names, (b![1] as Info).names);
  assert.deepEqual((b![1] as Info).names, ['x', 'y']);
  assert.equal(a![2], out.kept);
  assert.equal(b![2], out.kept);
  // root, its array, two holders, the shared plain object, `kept` (and its args): the copies are not among them
  assert.equal(mainObjects, 7);
});

test('an image decoded from a decoded graph keeps the lazy properties not read yet', () => {
  const root = { hs: [holder('a', [1, 2]), holder('b', ['x'])] };
  const once = decodeGraph(encodeGraph(root, codec), codec, noBuiltins) as typeof root;
  void once.hs[0]!.body; // one read, one not
  const twice = decodeGraph(encodeGraph(once, codec), codec, noBuiltins) as typeof root;
  assert.deepEqual((twice.hs[0]!.body as Body).code, [1, 2]);
  assert.deepEqual((twice.hs[1]!.body as Body).code, ['x']);
});
