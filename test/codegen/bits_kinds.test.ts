// Bits types other than Int64/Float64/Bool in compiled code: UInt64 travels as i64, the narrow integers and Char
// as i32, Float32 as f32, each with Julia's wrapping. Every integer intrinsic, compiled for every width, must give
// what the runtime's intrinsics give, for any operands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { includeString } from '../../src/engine.ts';
import { T, Bits, JChar, JStruct, JArray, JoltThrow, type Value } from '../../src/runtime/values.ts';
import { applyTypeName } from '../../src/runtime/apply_type.ts';
import type { DataType } from '../../src/runtime/types.ts';

const applyArray = (e: DataType): DataType => applyTypeName(T.Array!.name, [e, 1n]) as DataType;
import { intrinsics } from '../../src/runtime/intrinsics.ts';
import { compiledFunction } from '../../src/codegen/jit.ts';
import { functionText } from '../../src/codegen/wat.ts';
import { methodInstanceFor } from '../../src/inference/typeinfer.ts';
import { callFunction } from '../../src/interpreter/interpret.ts';
import { state } from '../../src/runtime/modules.ts';
import { world } from '../../src/runtime/methods.ts';
import { dispatchTypeOf } from '../../src/runtime/typeof.ts';
import { egal } from '../../src/runtime/builtins.ts';
import { s, get } from './native_session.ts';

const binary = [
  'add_int',
  'sub_int',
  'mul_int',
  'and_int',
  'or_int',
  'xor_int',
  'eq_int',
  'ne_int',
  'slt_int',
  'sle_int',
  'ult_int',
  'ule_int',
  'sdiv_int',
  'srem_int',
  'udiv_int',
  'urem_int',
  'flipsign_int',
  'shl_int',
  'lshr_int',
  'ashr_int',
];
const unary = ['not_int', 'neg_int', 'ctpop_int', 'ctlz_int', 'cttz_int'];
const widths = ['UInt64', 'Int32', 'UInt32', 'Int16', 'UInt16', 'Int8', 'UInt8'];
const convs = ['sext_int', 'zext_int', 'trunc_int', 'bitcast'];

includeString(
  s.Main,
  [
    ...binary.map(n => `b_${n}(x, y) = Core.Intrinsics.${n}(x, y)`),
    ...unary.map(n => `u_${n}(x) = Core.Intrinsics.${n}(x)`),
    ...convs.map(n => `c_${n}(::Type{T}, x) where {T} = Core.Intrinsics.${n}(T, x)`),
    'c_sitofp(x) = Core.Intrinsics.sitofp(Float64, x)',
    'c_uitofp(x) = Core.Intrinsics.uitofp(Float64, x)',
    // a loop keeps the values in locals of their kind across iterations
    'function hash32(s::String)\n x = UInt32(2166136261)\n for i in 1:ncodeunits(s)\n x = xor(x, UInt32(codeunit(s, i))) * UInt32(16777619)\n end\n x\nend',
    "function lower_count(s::String)\n n = 0\n for c in s\n if 'a' <= c <= 'z'\n n += 1\n end\n end\n n\nend",
    // a struct of bits fields of several types lives in one Int64 vector
    'mutable struct Mixed\n x::Float64\n n::Int32\n ok::Bool\n c::Char\n f::Float32\nend',
    'function bump!(m::Mixed)\n m.x += 0.5\n m.n += Int32(1)\n m.ok = !m.ok\n m.c = m.c + 1\n m.f *= 2.0f0\n m\nend',
    "make_mixed(k) = Mixed(k * 1.5, Int32(k), isodd(k), 'a', Float32(k))",
    // a struct with reference fields lives in a vector of references
    'mutable struct Named\n name::String\n next::Any\n Named(s) = new(s)\nend',
    'label(n::Named) = n.name * "!"',
    'follow(n::Named) = n.next',
    'link!(n::Named, m) = (n.next = m; n)',
    'function counter(k)\n c = 0\n f = () -> (c += k)\n f(); f()\n c\nend',
    // arrays of narrow types: a byte histogram and a sieve
    'function histogram(v::Vector{UInt8})\n h = zeros(Int32, 256)\n for b in v\n h[Int(b) + 1] += Int32(1)\n end\n h\nend',
    'function sieve(n)\n isp = fill(true, n)\n isp[1] = false\n for i in 2:n\n if isp[i]\n for j in 2i:i:n\n isp[j] = false\n end\n end\n end\n count(isp)\nend',
  ].join('\n'),
  'bits_kinds.jl',
);
state.world = world.current;

const intOf = (t: string) => {
  const dt = T[t]!;
  const bits = dt.nbits,
    signed = t.startsWith('Int');
  const min = signed ? -(2n ** BigInt(bits - 1)) : 0n,
    max = signed ? 2n ** BigInt(bits - 1) - 1n : 2n ** BigInt(bits) - 1n;
  // the extremes and small values matter most for wrapping, shifts and division
  return fc
    .oneof(
      fc.bigInt({ min, max }),
      fc.constantFrom(min, max, 0n, 1n, signed ? -1n : max - 1n),
      fc.bigInt({ min: signed ? -9n : 0n, max: 9n }),
    )
    .map((v): Value => (t === 'Int64' ? v : new Bits(dt, v)));
};
/** a value as the test reports it: its type and bits */
const show = (v: Value): string =>
  v instanceof Bits
    ? `${v.type.name.name.name}(${v.v})`
    : v instanceof JChar
      ? `Char(${v.cp})`
      : typeof v === 'number' && Object.is(v, -0)
        ? '-0.0'
        : `${typeof v}(${String(v)})`;
/** the result, or the type of the Jolt exception thrown */
const outcome = (f: () => Value): string => {
  try {
    return show(f());
  } catch (e) {
    return e instanceof JoltThrow
      ? `throws ${(e.value as { jtype: { name: { name: { name: string } } } }).jtype.name.name.name}`
      : `JS error ${String(e)}`;
  }
};
const compiledModule = (f: Value, args: Value[]): string =>
  compiledFunction(methodInstanceFor(f, args.map(dispatchTypeOf))!)!.record.text;
/** the wasm function an instance compiled to (before binaryen's optimizations) */
const compiledText = (f: Value, args: Value[]): string => {
  const c = compiledFunction(methodInstanceFor(f, args.map(dispatchTypeOf))!)!;
  return functionText(c.record.text, c.name.slice(c.name.startsWith('$') ? 1 : 0));
};

/** wasm text without its error paths: each `then` or `else` arm that ends in `(unreachable)` (raising an error,
 *  which boxes what the error reports) is left out */
function withoutErrorPaths(text: string): string {
  type Node = string | Node[];
  const stack: Node[][] = [[]];
  for (const tok of text.match(/[()]|[^\s()]+/g) ?? []) {
    if (tok === '(') stack.push([]);
    else if (tok === ')') {
      const list = stack.pop()!;
      stack[stack.length - 1]!.push(list);
    } else stack[stack.length - 1]!.push(tok);
  }
  const raises = (n: Node): boolean =>
    Array.isArray(n) &&
    (n[0] === 'then' || n[0] === 'else') &&
    n.some(c => Array.isArray(c) && c.length === 1 && c[0] === 'unreachable');
  const render = (n: Node): string =>
    typeof n === 'string'
      ? n
      : `(${n
          .filter(c => !raises(c))
          .map(render)
          .join(' ')})`;
  return stack[0]!.map(render).join(' ');
}

test('integer intrinsics compiled for every width match the runtime (property)', () => {
  const bad: string[] = [];
  for (const t of widths) {
    for (const n of binary) {
      const f = get(`b_${n}`);
      // shift counts are often of another type: Int64 and UInt8
      const counts =
        n.endsWith('shl_int') || n.endsWith('shr_int') ? [intOf(t), intOf('Int64'), intOf('UInt8')] : [intOf(t)];
      for (const count of counts) {
        fc.assert(
          fc.property(intOf(t), count, (x, y) => {
            const got = outcome(() => callFunction(f, [x, y])),
              want = outcome(() => intrinsics[n]!([x, y]));
            if (got !== want) bad.push(`${n}(${show(x)}, ${show(y)}) = ${got}, runtime ${want}`);
          }),
          { numRuns: 60 },
        );
      }
    }
    for (const n of unary) {
      const f = get(`u_${n}`);
      fc.assert(
        fc.property(intOf(t), x => {
          const got = outcome(() => callFunction(f, [x])),
            want = outcome(() => intrinsics[n]!([x]));
          if (got !== want) bad.push(`${n}(${show(x)}) = ${got}, runtime ${want}`);
        }),
        { numRuns: 60 },
      );
    }
    for (const n of ['c_sitofp', 'c_uitofp']) {
      fc.assert(
        fc.property(intOf(t), x => {
          const got = outcome(() => callFunction(get(n), [x])),
            want = outcome(() => intrinsics[n.slice(2)]!([T.Float64!, x]));
          if (got !== want) bad.push(`${n}(${show(x)}) = ${got}, runtime ${want}`);
        }),
        { numRuns: 40 },
      );
    }
    // conversions to every width (bitcast only between equal widths)
    for (const to of [...widths, 'Int64'])
      for (const n of convs) {
        if (n === 'bitcast' && T[to]!.nbits !== T[t]!.nbits) continue;
        fc.assert(
          fc.property(intOf(t), x => {
            const got = outcome(() => callFunction(get(`c_${n}`), [T[to]!, x])),
              want = outcome(() => intrinsics[n]!([T[to]!, x]));
            if (got !== want) bad.push(`${n}(${to}, ${show(x)}) = ${got}, runtime ${want}`);
          }),
          { numRuns: 30 },
        );
      }
  }
  assert.deepEqual(bad.slice(0, 8), []);
});

test('narrow integers, UInt64 and Char travel unboxed in compiled code', () => {
  const add = get('b_add_int');
  const u8 = new Bits(T.UInt8!, 200n);
  assert.ok(egal(callFunction(add, [u8, u8]), new Bits(T.UInt8!, 144n)));
  // UInt8 arithmetic is i32 arithmetic masked to 8 bits, with no box in between
  const m8 = compiledModule(add, [u8, u8]);
  assert.match(
    m8,
    /\(func \$julia_b_add_int_\d+ \(export "julia_b_add_int_\d+"\) \(param \$p2 i32\) \(param \$p3 i32\) \(result i32\)/,
  );
  assert.match(m8, /\(i32\.and \(i32\.add \(local\.get \$v2\) \(local\.get \$v3\)\) \(i32\.const 255\)\)/);
  const big = new Bits(T.UInt64!, 2n ** 64n - 1n);
  assert.match(compiledModule(add, [big, big]), /\(param \$p2 i64\) \(param \$p3 i64\) \(result i64\)/);
  assert.ok(egal(callFunction(add, [big, big]), new Bits(T.UInt64!, 2n ** 64n - 2n)));
  // a hash over bytes in UInt32 keeps its accumulator in an i32 local: no UInt32 is boxed in the loop
  const h = get('hash32');
  assert.ok(egal(callFunction(h, ['hello world']), new Bits(T.UInt32!, 3582672807n)));
  const hm = compiledText(h, ['hello world']);
  assert.match(hm, /\(i32\.mul \(local\.get \$s\d+\) \(i32\.const 16777619\)\)/);
  // (raising InexactError boxes the byte it reports)
  assert.doesNotMatch(withoutErrorPaths(hm), /box_/);
  // characters compare as i32 code points
  const lc = get('lower_count');
  assert.equal(callFunction(lc, ['Hello World ünïcode']), 13n);
  const lct = compiledText(lc, ['x']);
  assert.match(lct, /\(i64\.le_s \(i64\.const 97\) /);
  assert.doesNotMatch(lct, /call \$box_Char/);
  assert.ok(JChar.of(65).jtype === T.Char);
});

test('a struct of bits fields of several types is read and written in wasm, field by field in its kind', () => {
  const mk = get('make_mixed'),
    bump = get('bump!');
  const m = callFunction(mk, [3n]) as JStruct;
  const before = m.fields().map(v => show(v!));
  assert.deepEqual(before, ['number(4.5)', 'Int32(3)', 'boolean(true)', 'Char(97)', 'Float32(3)']);
  callFunction(bump, [m]);
  assert.deepEqual(
    m.fields().map(v => show(v!)),
    ['number(5)', 'Int32(4)', 'boolean(false)', 'Char(98)', 'Float32(6)'],
  );
  // the interpreter's writes are seen by compiled code, and the other way round
  m.set(1, new Bits(T.Int32!, -1n));
  callFunction(bump, [m]);
  assert.equal(show(m.get(1)!), 'Int32(0)');
  const w = compiledText(bump, [m]);
  assert.match(w, /\(param \$p2 \(ref null \$vi64\)\)/);
  assert.match(w, /f64\.reinterpret_i64 \(array\.get \$ai64/);
  assert.match(w, /f32\.reinterpret_i32 \(i32\.wrap_i64 \(array\.get \$ai64/);
  assert.doesNotMatch(w, /getfield_|setfield_|box_/);
  assert.match(compiledText(mk, [3n]), /struct\.new \$vi64 \(array\.new_fixed \$ai64 5 /);
});

test('arrays of narrow types are WasmGC vectors that compiled code indexes directly', () => {
  const hist = get('histogram'),
    sieve = get('sieve');
  const bytes = new JArray(
    applyArray(T.UInt8!),
    [1n, 2n, 2n, 255n].map(v => new Bits(T.UInt8!, v)),
    [4],
  );
  const h = callFunction(hist, [bytes]) as JArray;
  assert.deepEqual(
    [h.at(1), h.at(2), h.at(3), h.at(255)].map(v => show(v!)),
    ['Int32(1)', 'Int32(2)', 'Int32(0)', 'Int32(1)'],
  );
  const ht = compiledText(hist, [bytes]);
  assert.match(ht, /\(param \$p2 \(ref null \$vi64\)\)/);
  assert.match(ht, /i32\.wrap_i64 \(block \(result i64\)/);
  assert.doesNotMatch(withoutErrorPaths(ht), /arrayref_|arrayset_|box_/);
  assert.equal(callFunction(sieve, [1000n]), 168n);
  assert.doesNotMatch(compiledText(sieve, [1000n]), /arrayref_|arrayset_/);
});

test('a struct with reference fields is a WasmGC vector of references: fields read and written in wasm, #undef checked', () => {
  const named = get('Named'),
    label = get('label'),
    follow = get('follow'),
    link = get('link!');
  const n = callFunction(named, ['ada']) as JStruct;
  assert.equal(callFunction(label, [n]), 'ada!');
  assert.throws(
    () => callFunction(follow, [n]),
    (e: unknown) => e instanceof JoltThrow && (e.value as JStruct).type === T.UndefRefError,
  );
  callFunction(link, [n, 5n]);
  assert.equal(callFunction(follow, [n]), 5n);
  assert.equal(n.get(1), 5n);
  const lt = compiledText(label, [n]),
    ft = compiledText(follow, [n]),
    kt = compiledText(link, [n, 5n]);
  assert.match(lt, /\(param \$p2 \(ref null \$vref\)\)/);
  assert.match(lt, /array\.get \$aref \(struct\.get \$vref 0/);
  assert.match(ft, /ref\.is_null/);
  assert.match(kt, /array\.set \$aref/);
  for (const t of [lt, ft, kt]) assert.doesNotMatch(t, /getfield_|setfield_/);
  // a captured variable's Core.Box is such a vector too: its contents are read in wasm
  assert.equal(callFunction(get('counter'), [5n]), 10n);
  const ct = compiledText(get('counter'), [5n]);
  assert.match(ct, /array\.get \$aref/);
  assert.match(ct, /call \$throw_undefvar/);
  assert.doesNotMatch(ct, /call \$builtin_2/);
});
