// References in compiled code: arrays of reference element types are WasmGC vectors of references, which hold a
// struct or array as its own vector (anyref), so compiled code reads one with a cast, not a call out of wasm; and a
// Union{T, Nothing} of such a T travels as T's vector or null, so `=== nothing`, `isa` and union splits on it are
// null tests in wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { includeString } from '../../src/engine.ts';
import { T, JStruct, JArray, JoltThrow, type Value } from '../../src/runtime/values.ts';
import { applyTypeName } from '../../src/runtime/apply_type.ts';
import type { DataType } from '../../src/runtime/types.ts';
import { compiledFunction } from '../../src/codegen/jit.ts';
import { methodInstanceFor } from '../../src/inference/typeinfer.ts';
import { callFunction } from '../../src/interpreter/interpret.ts';
import { state } from '../../src/runtime/modules.ts';
import { world } from '../../src/runtime/methods.ts';
import { dispatchTypeOf } from '../../src/runtime/typeof.ts';
import { s, get } from './native_session.ts';

includeString(
  s.Main,
  [
    'function total_bytes(v::Vector{String})\n s = 0\n for w in v\n s += sizeof(w)\n end\n s\nend',
    'put!(v::Vector{String}, i, x) = (v[i] = x; v)',
    'mutable struct Cell\n val::Float64\n next::Union{Cell, Nothing}\nend',
    'mutable struct Vec3\n x::Float64\n y::Float64\n z::Float64\nend',
    'function sum_x(v::Vector{Vec3})\n s = 0.0\n for i in 1:length(v)\n @inbounds s += v[i].x\n end\n s\nend',
    'function chain(n)\n c = nothing\n for i in 1:n\n c = Cell(Float64(i), c)\n end\n c\nend',
    'function walk(c::Union{Cell, Nothing})\n s = 0.0\n while c !== nothing\n s += c.val\n c = c.next\n end\n s\nend',
    'skip!(c::Cell) = (n = c.next; n === nothing || (c.next = n.next); c)',
    'struct Tree\n l::Union{Tree, Nothing}\n r::Union{Tree, Nothing}\nend',
    'grow(d) = d == 0 ? Tree(nothing, nothing) : Tree(grow(d - 1), grow(d - 1))',
    'count_nodes(t::Tree) = t.l === nothing ? 1 : 1 + count_nodes(t.l) + count_nodes(t.r)',
    'mutable struct Slot\n x::Any\nend',
    'function trees(n)\n v = Tree[]\n for i in 1:n\n push!(v, grow(2))\n end\n v\nend',
  ].join('\n'),
  'gc_references.jl',
);
state.world = world.current;

const vectorOf = (e: DataType): DataType => applyTypeName(T.Array!.name, [e, 1n]) as DataType;
/** the wasm module an instance compiled in (before binaryen's optimizations): its function and the copies of the
 *  small callees (getindex, setindex!) made for it */
const compiledText = (f: Value, args: Value[]): string =>
  compiledFunction(methodInstanceFor(f, args.map(dispatchTypeOf))!)!.record.text;

test('an array of strings is a reference vector that compiled code indexes, with the bounds and #undef checks', () => {
  const words = new JArray(vectorOf(T.String!), ['ab', 'cde', undefined], [3]);
  const put = get('put!'),
    total = get('total_bytes');
  assert.throws(
    () => callFunction(total, [words]),
    (e: unknown) => e instanceof JoltThrow && (e.value as JStruct).type === T.UndefRefError,
  );
  callFunction(put, [words, 3n, 'f']);
  assert.equal(words.at(2), 'f');
  assert.equal(callFunction(total, [words]), 6n);
  assert.throws(
    () => callFunction(put, [words, 4n, 'g']),
    (e: unknown) => e instanceof JoltThrow && (e.value as JStruct).type === T.BoundsError,
  );
  const tt = compiledText(total, [words]),
    pt = compiledText(put, [words, 1n, 'x']);
  assert.match(tt, /julia_total_bytes_0[^\n]*\(param \$p2 \(ref null \$vref\)\)/);
  assert.match(tt, /array\.get \$aref/);
  assert.match(pt, /array\.set \$aref/);
  assert.match(pt, /call \$throw_bounds/);
  for (const t of [tt, pt]) assert.doesNotMatch(t, /arrayref_|arrayset_|arraylen/);
  // a string needs no look at its type to be stored: it is internalized in wasm
  assert.doesNotMatch(pt, /wasm_value/);
});

test('a struct element or field is kept as its own vector: read with a cast, no call out of wasm', () => {
  const c = callFunction(get('chain'), [3n]) as JStruct;
  const cells = new JArray(vectorOf(get('Cell') as DataType), [c], [1]);
  // the JS side reads the struct itself back, the same object
  assert.equal(cells.at(0), c);
  assert.equal((c.get(1) as JStruct).get(1) instanceof JStruct, true);
  const vec3 = get('Vec3');
  const vs = new JArray(
    vectorOf(vec3 as DataType),
    [callFunction(vec3, [1, 2, 3]), callFunction(vec3, [4, 5, 6])],
    [2],
  );
  assert.equal(callFunction(get('sum_x'), [vs]), 5);
  const st = compiledText(get('sum_x'), [vs]);
  assert.match(st, /ref\.cast \(ref null \$vf64\)/);
  assert.doesNotMatch(st, /call \$vec_|arrayref_|getfield_/);
});

test("a Union{T, Nothing} travels as T's vector or null: its tests are null tests in wasm", () => {
  const chain = get('chain'),
    walk = get('walk'),
    grow = get('grow'),
    count = get('count_nodes');
  assert.equal(callFunction(walk, [callFunction(chain, [4n])]), 10);
  assert.equal(callFunction(walk, [T.Nothing!.instance!]), 0);
  // a result of type Union{Cell, Nothing}: null comes back as nothing
  assert.equal(callFunction(chain, [0n]), T.Nothing!.instance!);
  const tree = callFunction(grow, [5n]);
  assert.equal(callFunction(count, [tree]), 63n);
  const three = callFunction(chain, [3n]);
  assert.equal(callFunction(walk, [callFunction(get('skip!'), [three])]), 4);
  assert.equal(callFunction(walk, [callFunction(get('skip!'), [three])]), 3);
  const wt = compiledText(walk, [callFunction(chain, [1n])]),
    ct = compiledText(count, [tree]),
    kt = compiledText(get('skip!'), [three]);
  assert.match(wt, /\(local \$v2 \(ref null \$vref\)\)/);
  assert.match(wt, /ref\.is_null/);
  assert.match(ct, /ref\.is_null/);
  // (a split's fallback, count_nodes(nothing), keeps its dynamic call: it raises the MethodError)
  for (const t of [wt, ct]) assert.doesNotMatch(t, /call \$(isa|isa_leaf|same|egal|vec_ref|vec_f64|getfield_)/);
  assert.doesNotMatch(wt, /call \$callsite_/);
  // `nothing` is stored in a field as itself (a null there is #undef)
  assert.doesNotMatch(kt, /call \$(wasm_value|vec_ref|isa)/);
  // Cell's Float64 field, beside a reference field, is a box of its bits: read and made in wasm
  assert.match(wt, /call \$jl_bits_of/);
  assert.doesNotMatch(wt, /call \$(unbox_f64|box_f64)/);
  assert.match(compiledText(chain, [3n]), /struct\.new \$bits/);
});

test('a struct stored in a field of type Any keeps its identity and is read back as itself', () => {
  const slot = callFunction(get('Slot'), [1n]) as JStruct;
  const c = callFunction(get('chain'), [2n]) as JStruct;
  slot.set(0, c);
  assert.equal(slot.get(0), c);
  const arr = new JArray(vectorOf(T.Float64!), [1, 2], [2]);
  slot.set(0, arr);
  assert.equal(slot.get(0), arr);
});

test('a struct made in compiled code is tagged with its type and gets its JS object only when the runtime needs it', () => {
  const v = callFunction(get('trees'), [3n]) as JArray;
  assert.equal(v.length, 3);
  // built in wasm (no call to the runtime per node); the runtime makes each JStruct from the vector's tag, once
  assert.doesNotMatch(compiledText(get('grow'), [2n]), /call \$(new|newstruct|struct_around)/);
  const t0 = v.at(0) as JStruct;
  assert.equal(t0.type, get('Tree'));
  assert.equal(v.at(0), t0);
  const left = t0.get(0) as JStruct;
  assert.equal(left.type, get('Tree'));
  assert.equal(t0.get(0), left);
  assert.equal(callFunction(get('count_nodes'), [t0]), 7n);
});

test('a reference vector grows, shrinks, inserts and deletes like a JS array (property)', () => {
  type Op = { op: 'push' | 'insert' | 'remove' | 'set' | 'shrink'; at: number; k: number; s: string };
  const ops = fc.array(
    fc.record({
      op: fc.constantFrom('push', 'insert', 'remove', 'set', 'shrink'),
      at: fc.nat(40),
      k: fc.integer({ min: 1, max: 5 }),
      s: fc.string(),
    }),
    { maxLength: 40 },
  ) as fc.Arbitrary<Op[]>;
  fc.assert(
    fc.property(ops, seq => {
      const a = JArray.alloc(vectorOf(T.String!), 0, [0]);
      const model: (string | undefined)[] = [];
      for (const { op, at, k, s } of seq) {
        const n = model.length,
          i = n === 0 ? 0 : at % n;
        if (op === 'push') {
          a.resize(n + 1);
          a.put(n, s);
          model.push(s);
        } else if (op === 'insert') {
          a.insert(Math.min(at, n), k);
          model.splice(Math.min(at, n), 0, ...new Array<undefined>(k).fill(undefined));
        } else if (op === 'remove' && n > 0) {
          const m = Math.min(k, n - i);
          a.remove(i, m);
          model.splice(i, m);
        } else if (op === 'set' && n > 0) {
          a.put(i, s);
          model[i] = s;
        } else if (op === 'shrink') {
          const m = Math.max(0, n - k);
          a.resize(m);
          model.length = m;
        }
      }
      assert.equal(a.length, model.length);
      for (let i = 0; i < model.length; i++) assert.equal(a.at(i), model[i]);
      // grown back, the elements past the old length are #undef again
      const m = model.length;
      a.resize(m + 3);
      for (let i = m; i < m + 3; i++) assert.equal(a.at(i), undefined);
    }),
    { numRuns: 300 },
  );
});
