// Float64/Int64 arrays live in WebAssembly GC vectors that compiled code indexes directly; the interpreter and
// compiled code must agree on them, and the embedded runtime module must be the one gc_arrays.wat describes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { includeString } from '../../src/engine.ts';
import { T, JStruct } from '../../src/runtime/values.ts';
import { dispatchTypeOf } from '../../src/runtime/typeof.ts';
import { compiledFunction } from '../../src/codegen/jit.ts';
import { methodInstanceFor } from '../../src/inference/typeinfer.ts';
import { callFunction } from '../../src/interpreter/interpret.ts';
import { state } from '../../src/runtime/modules.ts';
import { world } from '../../src/runtime/methods.ts';
import { gcArraysWasm } from '../../src/runtime/gc_arrays_wasm.ts';
import { hypot } from '../../src/runtime/foreign.ts';
import { assembleGcArrays } from '../../scripts/build-gc-arrays.ts';
import { run, s, get } from './native_session.ts';

test('the embedded runtime module is gc_arrays.wat assembled (node scripts/build-gc-arrays.ts regenerates it)', async () => {
  assert.equal(Buffer.from(await assembleGcArrays()).toString('base64'), gcArraysWasm);
});

test('Float64 and Int64 vectors grow, shrink, insert and delete the same way in every mode', () => {
  const prog = `
    a = zeros(3); a[2] = 1.5; push!(a, 4.0); pushfirst!(a, 9.0); insert!(a, 3, 7.0); deleteat!(a, 1)
    println(a, " ", length(a), " ", sum(a))
    b = Int[]; for i in 1:100; push!(b, i * i); end; deleteat!(b, 2:99); println(b, " ", pop!(b), " ", popfirst!(b), " ", b)
    c = reshape(collect(1.0:6.0), 2, 3); c[2, 3] = -1.0; println(c, " ", size(c), " ", c[6])
    d = fill(2, 4); d .+= 1; println(d, " ", typeof(d), " ", Vector{Float64}(undef, 2) isa Vector{Float64})
  `;
  const want =
    '[0.0, 7.0, 1.5, 0.0, 4.0] 5 12.5\nInt64[] 10000 1 Int64[]\n[1.0 3.0 5.0; 2.0 4.0 -1.0] (2, 3) -1.0\n[3, 3, 3, 3] Vector{Int64} true\n';
  assert.equal(run(prog, ['--compile=no']), want);
  assert.equal(run(prog, ['--compile=all']), want);
});

test("compiled code indexes a Vector{Float64} in wasm, with Julia's BoundsError and stack trace", () => {
  includeString(
    s.Main,
    'function vsum(a::Vector{Float64}, n::Int)\n  t = 0.0\n  for i in 1:n\n    t += a[i]\n  end\n  return t\nend\nmk() = fill(1.5, 4)',
    'vsum.jl',
  );
  state.world = world.current;
  const v = callFunction(get('mk'), []) as { jtype: never };
  assert.equal(callFunction(get('vsum'), [v, 3n]), 4.5);
  const vecF64 = v.jtype;
  // the element read is an array.get on the vector, not a call out to the runtime
  const c = compiledFunction(methodInstanceFor(get('vsum'), [vecF64, T.Int64!])!);
  assert.ok(c, 'vsum was compiled');
  const text = c.record.optimizedText ?? c.record.text;
  assert.match(text, /array\.get \$af64/);
  assert.doesNotMatch(text, /arrayref_f64/);
  let err = '';
  try {
    run('g(a) = a[4]; g([1.0, 2.0, 3.0])', ['--compile=all']);
  } catch (e) {
    err = String((e as { stderr: string }).stderr);
  }
  assert.match(err, /BoundsError: attempt to access 3-element Vector\{Float64\} at index \[4\]/);
  assert.match(
    err,
    /\[1\] getindex\(a::Vector\{Float64\}, i::Int64\)\n\s+@ Base .*array\.jl:\d+\n \[2\] g\(a::Vector\{Float64\}\)/,
  );
});

test('a struct of Float64s (or Int64s) lives in a WasmGC vector that compiled code reads, writes and makes', () => {
  includeString(
    s.Main,
    [
      'mutable struct GBody',
      '    x::Float64',
      '    v::Float64',
      'end',
      'struct GPt',
      '    a::Int',
      '    b::Int',
      'end',
      'function gstep!(bs::Vector{GBody}, n::Int)',
      '    for k in 1:n',
      '        for b in bs',
      '            b.x += b.v',
      '        end',
      '    end',
      '    return bs[1].x + bs[2].x',
      'end',
      'gswap(p::GPt) = GPt(p.b, p.a)',
      'const gbs = [GBody(0.0, 1.5), GBody(1.0, -0.5)]',
      'const gpt = GPt(1, 2)',
    ].join('\n'),
    'gstruct.jl',
  );
  state.world = world.current;
  assert.equal(callFunction(get('gstep!'), [get('gbs'), 10n]), 11);
  assert.equal(callFunction(get('gswap'), [get('gpt')]) instanceof JStruct, true);
  const prog = (setup: string): string => `${setup}
    mutable struct GBody; x::Float64; v::Float64; end
    struct GPt; a::Int; b::Int; end
    function gstep!(bs, n); for k in 1:n; for b in bs; b.x += b.v; end; end; return bs[1].x + bs[2].x; end
    gswap(p::GPt) = GPt(p.b, p.a)
    bs = [GBody(0.0, 1.5), GBody(1.0, -0.5)]
    println(gstep!(bs, 10), " ", bs[1], " ", gswap(GPt(1, 2)), " ", gswap(GPt(1, 2)) === GPt(2, 1), " ", bs[1] === bs[1], " ", GBody(0.0, 0.0) === GBody(0.0, 0.0))
    d = Dict(GPt(1, 2) => "p"); println(d[GPt(1, 2)], " ", isdefined(bs[1], :v), " ", fieldnames(GBody), " ", repr(GPt(3, 4)))
    try; bs[1].x = "no"; catch e; println(typeof(e)); end`;
  const want = '11.0 GBody(15.0, 1.5) GPt(2, 1) true true false\np true (:x, :v) GPt(3, 4)\nMethodError\n';
  assert.equal(run(prog(''), ['--compile=no']), want);
  assert.equal(run(prog(''), ['--compile=all']), want);
  // compiled: fields are array elements of the vector, and a new struct is made in wasm
  const mstep = methodInstanceFor(get('gstep!'), [dispatchTypeOf(get('gbs')), T.Int64!])!;
  const text = compiledFunction(mstep)!.record.text;
  assert.match(text, /array\.set \$af64/);
  assert.doesNotMatch(text, /getfield_f64|setfield_f64/);
  const swap = compiledFunction(methodInstanceFor(get('gswap'), [dispatchTypeOf(get('gpt'))])!)!.record.text;
  assert.match(swap, /struct\.new \$vi64/);
});

// ---- hypot in wasm is correctly rounded: x^2 + y^2 lies between the squares of the midpoints around the result
/** v * 2^1100 as an exact integer (every finite double's scaled value is one) */
function scaled(v: number): bigint {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, Math.abs(v));
  const bits = b.getBigUint64(0);
  const ex = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const [m, e] = ex === 0 ? [frac, -1074] : [frac | (1n << 52n), ex - 1075];
  return m << BigInt(e + 1100);
}
const neighbour = (h: number, d: number): number => {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, h);
  b.setBigUint64(0, b.getBigUint64(0) + BigInt(d));
  return b.getFloat64(0);
};
function correctlyRounded(x: number, y: number, h: number): boolean {
  const four = 4n * (scaled(x) ** 2n + scaled(y) ** 2n);
  const H = scaled(h);
  const below = h === 0 ? 0n : (H + scaled(neighbour(h, -1))) ** 2n,
    above = (H + scaled(neighbour(h, 1))) ** 2n;
  return below <= four && four <= above;
}

test('hypot compiled to wasm is correctly rounded (property)', () => {
  includeString(s.Main, 'hyp(x::Float64, y::Float64) = hypot(x, y)', 'hyp.jl');
  state.world = world.current;
  const hyp = get('hyp');
  const finite = fc.double({ min: -1e300, max: 1e300, noNaN: true });
  const bad: string[] = [];
  fc.assert(
    fc.property(finite, finite, (x, y) => {
      const h = callFunction(hyp, [x, y]) as number;
      if (!correctlyRounded(x, y, h)) bad.push(`hypot(${x}, ${y}) = ${h}`);
      return true;
    }),
    { numRuns: 3000 },
  );
  for (const [x, y] of [
    [0, 0],
    [-0, 5e-324],
    [3, 4],
    [1e-300, 1e-300],
    [1e300, 1e300],
    [5e-324, 0],
    [0.1, 0.2],
    [-4.877732109868739e142, 3.273390607896142e150],
  ]) {
    const h = callFunction(hyp, [x!, y!]) as number;
    if (!correctlyRounded(x!, y!, h)) bad.push(`hypot(${x}, ${y}) = ${h}`);
  }
  assert.deepEqual(bad, []);
  // the interpreter's hypot gives the same bits
  fc.assert(
    fc.property(finite, finite, (x, y) => Object.is(hypot(x, y), callFunction(hyp, [x, y]) as number)),
    { numRuns: 500 },
  );
  assert.equal(callFunction(hyp, [Infinity, NaN]), Infinity);
  assert.ok(Number.isNaN(callFunction(hyp, [NaN, 1]) as number));
  assert.equal(callFunction(hyp, [3, 4]), 5);
});
