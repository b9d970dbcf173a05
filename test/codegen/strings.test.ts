// Strings in compiled code: their bytes are read and made with V8's JS string builtins (`wasm:js-string`), and
// `string(x; base, pad)`, `parse(Int, s; base)` and `length(s)` run in wasm. Both tiers must give the same results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { includeString } from '../../src/engine.ts';
import { type Value } from '../../src/runtime/values.ts';
import { compiledFunction } from '../../src/codegen/jit.ts';
import { methodInstanceFor } from '../../src/inference/typeinfer.ts';
import { callFunction } from '../../src/interpreter/interpret.ts';
import { state } from '../../src/runtime/modules.ts';
import { world } from '../../src/runtime/methods.ts';
import { dispatchTypeOf } from '../../src/runtime/typeof.ts';
import { foreignFunctions } from '../../src/runtime/foreign.ts';
import { run, s, get } from './native_session.ts';

includeString(
  s.Main,
  `
  fmt(x::Int, b::Int, p::Int) = string(x, base=b, pad=p)
  rd(t::String, b::Int) = parse(Int, t, base=b)
  len(t::String) = length(t)
`,
  'strings.jl',
);
state.world = world.current;
const [fmt, rd, len] = ['fmt', 'rd', 'len'].map(get) as [Value, Value, Value];
/** the wasm of an instance of `name` as compiled (its module's text) */
const moduleOf = (f: Value, args: Value[]): string => {
  const mi = methodInstanceFor(f, args.map(dispatchTypeOf))!;
  return compiledFunction(mi)!.record.text;
};

test('string(x; base, pad), parse and length compile to wasm over the JS string builtins', () => {
  callFunction(fmt, [255n, 16n, 1n]);
  callFunction(rd, ['ff', 16n]);
  callFunction(len, ['ab']);
  const f = moduleOf(fmt, [255n, 16n, 1n]);
  assert.match(f, /\(import "wasm:js-string" "fromCharCodeArray"/);
  assert.match(f, /\(func \$jl_int_string /);
  const p = moduleOf(get('rd'), ['ff', 16n]);
  assert.match(p, /call \$js_charCodeAt/);
  assert.match(moduleOf(len, ['ab']), /\(func \$jl_string_length /);
});

test('compiled string(x; base, pad) matches the runtime for every base and pad (property)', () => {
  const runtime = foreignFunctions.get('jl_int_string')!;
  const bad: string[] = [];
  const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
  const small = fc.bigInt({ min: -5000n, max: 5000n });
  fc.assert(
    fc.property(fc.oneof(int64, small), fc.integer({ min: 2, max: 62 }), fc.integer({ min: 0, max: 70 }), (x, b, p) => {
      const got = callFunction(fmt, [x, BigInt(b), BigInt(p)]) as string;
      const want = runtime([x, BigInt(b), BigInt(p)]) as string;
      if (got !== want) bad.push(`string(${x}, base=${b}, pad=${p}) = ${got}, runtime ${want}`);
      // the runtime agrees with JS for the bases JS knows
      if (
        b <= 36 &&
        (x === 0n && p === 0 ? '' : (x < 0n ? '-' : '') + (x < 0n ? -x : x).toString(b).padStart(p, '0')) !== want
      )
        bad.push(`runtime string(${x}, base=${b}, pad=${p}) = ${want}`);
      // parsing gives the number back
      if (got !== '' && callFunction(rd, [got, BigInt(b)]) !== x) bad.push(`parse(Int, ${got}, base=${b})`);
      return true;
    }),
    { numRuns: 3000 },
  );
  assert.deepEqual(bad.slice(0, 5), []);
});

test('compiled length counts characters as the runtime does, for any bytes (property)', () => {
  const runtime = foreignFunctions.get('jl_string_length')!;
  const bad: string[] = [];
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }), bytes => {
      const str = String.fromCharCode(...bytes);
      if (callFunction(len, [str]) !== runtime([str])) bad.push(JSON.stringify(bytes));
      return true;
    }),
    { numRuns: 2000 },
  );
  assert.deepEqual(bad.slice(0, 5), []);
});

test("parse errors are Julia's, compiled or not", () => {
  const prog = `
    for (t, b) in Any[("", 10), ("  ", 10), ("-", 10), ("0x", nothing), ("12 3", 10), ("1_000", 10), ("12é", 10),
                      ("9223372036854775808", 10), ("-9223372036854775809", 10), ("8000000000000000", 16), ("0x1f", 16), ("10", 63)]
        try
            println(b === nothing ? parse(Int, t) : parse(Int, t, base=b))
        catch e
            println(e)
        end
    end
    println(parse(Int, "0x1f"), " ", parse(Int, "-0b101"), " ", parse(Int, " +0o17 "), " ", parse(Int, "-9223372036854775808"), " ", tryparse(Int, "z"), " ", parse(Int, "Zz", base=62))`;
  const want =
    [
      'ArgumentError("input string is empty or only contains whitespace")',
      'ArgumentError("input string is empty or only contains whitespace")',
      'ArgumentError("premature end of integer: \\"-\\"")',
      'ArgumentError("premature end of integer: \\"0x\\"")',
      'ArgumentError("extra characters after whitespace in \\"12 3\\"")',
      'ArgumentError("invalid base 10 digit \'_\' in \\"1_000\\"")',
      'ArgumentError("invalid base 10 digit \'é\' in \\"12é\\"")',
      'OverflowError("overflow parsing \\"9223372036854775808\\"")',
      'OverflowError("overflow parsing \\"-9223372036854775809\\"")',
      'OverflowError("overflow parsing \\"8000000000000000\\"")',
      'ArgumentError("invalid base 16 digit \'x\' in \\"0x1f\\"")',
      'ArgumentError("invalid base: base must be 2 ≤ base ≤ 62, got 63")',
      '31 -5 15 -9223372036854775808 nothing 2231',
    ].join('\n') + '\n';
  assert.equal(run(prog, ['--compile=no']), want);
  assert.equal(run(prog, ['--compile=all']), want);
});
