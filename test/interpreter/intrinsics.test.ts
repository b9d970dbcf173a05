import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrap } from '../../src/runtime/bootstrap.ts';
import { T, Bits, JoltThrow, JStruct } from '../../src/runtime/values.ts';
import { intrinsics as I } from '../../src/runtime/intrinsics.ts';

bootstrap();

test('Int64 arithmetic wraps', () => {
  assert.equal(I.add_int!([9223372036854775807n, 1n]), -9223372036854775808n);
  assert.equal(I.mul_int!([4611686018427387904n, 2n]), -9223372036854775808n);
  assert.equal(I.neg_int!([-9223372036854775808n]), -9223372036854775808n);
});

test('checked arithmetic reports overflow', () => {
  assert.deepEqual(I.checked_sadd_int!([9223372036854775807n, 1n]), [-9223372036854775808n, true]);
  assert.deepEqual(I.checked_sadd_int!([1n, 2n]), [3n, false]);
});

test('integer division by zero throws DivideError', () => {
  assert.throws(
    () => I.sdiv_int!([1n, 0n]),
    (e: unknown) => e instanceof JoltThrow && (e.value as JStruct).type === T.DivideError,
  );
  assert.throws(() => I.sdiv_int!([-9223372036854775808n, -1n]), JoltThrow);
});

test('other widths, shifts and conversions', () => {
  const u8 = (x: bigint) => new Bits(T.UInt8!, x);
  assert.equal((I.add_int!([u8(250n), u8(10n)]) as Bits).v, 4n);
  assert.equal((I.trunc_int!([T.UInt8!, 300n]) as Bits).v, 44n);
  assert.equal(I.shl_int!([1n, 64n]), 0n);
  assert.equal(I.ashr_int!([-8n, 1n]), -4n);
  assert.equal(I.sitofp!([T.Float64!, 3n]), 3);
  assert.equal(I.fptosi!([T.Int64!, -2.7]), -2n);
  assert.equal(I.bitcast!([T.Int64!, 1.0]), 4607182418800017408n);
  assert.equal(I.slt_int!([-1n, 0n]), true);
  assert.equal(I.ult_int!([-1n, 0n]), false);
});
