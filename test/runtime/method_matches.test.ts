// Which methods a call with abstract argument types may reach (dispatch.ts mayIntersect / abstractMatches): a method
// may be left out only when no value could reach it, so inference's union over the others is sound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bootstrap } from '../../src/runtime/bootstrap.ts';
import { T } from '../../src/runtime/values.ts';
import type { JType } from '../../src/runtime/types.ts';
import { issubtype } from '../../src/runtime/subtype.ts';
import { applyTypeName, tupleType, unionType } from '../../src/runtime/apply_type.ts';
import { showType } from '../../src/runtime/show_type.ts';
import { mayIntersect } from '../../src/runtime/dispatch.ts';

bootstrap();
const vec = (t: JType) => applyTypeName(T.Array!.name, [t, 1n]);
const typeOf = (t: JType) => applyTypeName(T.Type!.name, [t]);
const may = (a: JType[], b: JType[]) => mayIntersect(tupleType(a), tupleType(b));

test('plain types that no value shares are told apart', () => {
  assert.ok(!may([T.Int64!], [T.String!]));
  assert.ok(!may([T.AbstractFloat!], [T.Integer!]));
  assert.ok(!may([tupleType([T.Any!, T.Any!])], [T.Number!]));
  assert.ok(!may([tupleType([T.Any!, T.Any!])], [tupleType([T.Any!])]));
  assert.ok(!may([typeOf(T.Int64!)], [typeOf(T.Float64!)]));
  assert.ok(!may([typeOf(T.Int64!)], [T.Number!]));
  assert.ok(!may([T.Any!, T.Int64!], [T.Any!, T.Float64!]));
  assert.ok(!may([T.Any!], [T.Any!, T.Any!]));
});

test('types that may share a value are never told apart', () => {
  assert.ok(may([T.Any!], [T.Int64!]));
  assert.ok(may([T.Real!], [T.Integer!]));
  assert.ok(may([unionType([T.Int64!, T.String!])], [T.String!]));
  assert.ok(may([T.DataType!], [typeOf(T.Int64!)]));
  assert.ok(may([tupleType([T.Any!, T.Int64!])], [tupleType([T.Int64!, T.Any!])]));
});

// a pool of types, concrete and abstract: whenever a concrete type of the pool is below both, they intersect
const pool: JType[] = [
  T.Any!,
  T.Number!,
  T.Real!,
  T.Integer!,
  T.Signed!,
  T.AbstractFloat!,
  T.Int64!,
  T.Float64!,
  T.Bool!,
  T.String!,
  T.AbstractString!,
  T.DataType!,
  T.Nothing!,
  vec(T.Int64!),
  vec(T.Any!),
  typeOf(T.Int64!),
  typeOf(vec(T.Int64!)),
  tupleType([T.Int64!, T.String!]),
  tupleType([T.Any!, T.Any!]),
  tupleType([T.Integer!, T.AbstractString!]),
  unionType([T.Int64!, T.String!]),
  unionType([T.Float64!, T.Nothing!]),
];
// the pool's types that are a value's own type (Type{Int64} stands for the value Int64)
const values: JType[] = [
  T.Int64!,
  T.Float64!,
  T.Bool!,
  T.String!,
  T.Nothing!,
  vec(T.Int64!),
  vec(T.Any!),
  typeOf(T.Int64!),
  typeOf(vec(T.Int64!)),
  tupleType([T.Int64!, T.String!]),
];

test('property: a type below both sides means they may intersect', () => {
  const arb = fc.constantFrom(...pool);
  fc.assert(
    fc.property(arb, arb, (a, b) => {
      const shared = values.some(c => issubtype(c, a) && issubtype(c, b));
      if (shared) assert.ok(may([a], [b]), `${showType(a)} and ${showType(b)} share a value`);
    }),
    { numRuns: 400 },
  );
});
