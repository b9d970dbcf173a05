import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bootstrap } from '../../src/runtime/bootstrap.ts';
import { T, Sym } from '../../src/runtime/values.ts';
import { TypeVar, Bottom, UnionAll, type JType } from '../../src/runtime/types.ts';
import { issubtype } from '../../src/runtime/subtype.ts';
import { applyTypeName, tupleType, unionType } from '../../src/runtime/apply_type.ts';
import { showType } from '../../src/runtime/show_type.ts';
import { isConcrete } from '../../src/inference/lattice.ts';

bootstrap();
const vec = (t: JType) => applyTypeName(T.Array!.name, [t, 1n]);

test('nominal subtyping and the numeric tower', () => {
  assert.ok(issubtype(T.Int64!, T.Integer!));
  assert.ok(issubtype(T.Int64!, T.Any!));
  assert.ok(!issubtype(T.Float64!, T.Integer!));
  assert.ok(issubtype(Bottom, T.Int64!));
});

test('tuples are covariant, parametric types invariant', () => {
  assert.ok(issubtype(tupleType([T.Int64!, T.Float64!]), tupleType([T.Integer!, T.Real!])));
  assert.ok(!issubtype(vec(T.Int64!), vec(T.Integer!)));
  const tv = new TypeVar(Sym.of('T'), Bottom, T.Integer!);
  const vecOfInteger = new UnionAll(tv, vec(tv));
  assert.ok(issubtype(vec(T.Int64!), vecOfInteger));
  assert.ok(!issubtype(vec(T.Float64!), vecOfInteger));
});

test('a tuple inside Type{} is invariant: its variables bind abstract elements, and elements must be equal', () => {
  const K = new TypeVar(Sym.of('K'), Bottom, T.Any!);
  const V = new TypeVar(Sym.of('V'), Bottom, T.Any!);
  const typeOf = (t: JType) => applyTypeName(T.Type!.name, [t]);
  const kv = new UnionAll(K, new UnionAll(V, typeOf(tupleType([K, V]))));
  assert.ok(issubtype(typeOf(tupleType([T.Any!, T.Int64!])), kv));
  assert.ok(issubtype(typeOf(tupleType([T.Real!, T.Int64!])), kv));
  assert.ok(issubtype(typeOf(tupleType([T.Int64!, T.Int64!])), kv));
  const kInteger = new UnionAll(K, typeOf(tupleType([K, T.Integer!])));
  assert.ok(!issubtype(typeOf(tupleType([T.Int64!, T.Int64!])), kInteger));
  assert.ok(issubtype(typeOf(tupleType([T.Int64!, T.Integer!])), kInteger));
});

test('unions: flattening, order and subtyping', () => {
  const u = unionType([T.Int64!, T.Nothing!]);
  assert.equal(showType(u), 'Union{Nothing, Int64}');
  assert.equal(showType(unionType([T.String!, T.Int64!, T.Float64!])), 'Union{Float64, Int64, String}');
  assert.ok(issubtype(T.Int64!, u));
  assert.ok(issubtype(u, unionType([T.Integer!, T.Nothing!])));
  assert.ok(!issubtype(u, T.Integer!));
});

test('type printing', () => {
  assert.equal(showType(vec(T.Int64!)), 'Vector{Int64}');
  assert.equal(showType(applyTypeName(T.Array!.name, [T.Float64!, 2n])), 'Matrix{Float64}');
  assert.equal(showType(tupleType([T.Int64!, T.String!])), 'Tuple{Int64, String}');
});

test('subtyping laws hold over a type universe (property)', () => {
  const atoms: JType[] = [
    T.Any!,
    T.Number!,
    T.Real!,
    T.Integer!,
    T.Signed!,
    T.Int64!,
    T.Int8!,
    T.Float64!,
    T.String!,
    T.Nothing!,
    Bottom,
  ];
  const arb: fc.Arbitrary<JType> = fc.letrec<{ t: JType }>(tie => ({
    t: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...atoms),
      fc.tuple(tie('t'), tie('t')).map(([a, b]) => unionType([a, b])),
      fc.array(tie('t'), { maxLength: 3 }).map(ts => tupleType(ts)),
      tie('t').map(a => vec(a)),
    ),
  })).t;
  fc.assert(
    fc.property(arb, a => issubtype(a, a)),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(arb, arb, (a, b) => issubtype(a, unionType([a, b])) && issubtype(b, unionType([a, b]))),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(arb, arb, arb, (a, b, c) => !(issubtype(a, b) && issubtype(b, c)) || issubtype(a, c)),
    { numRuns: 500 },
  );
});

const tv = (name: string) => new TypeVar(Sym.of(name), Bottom, T.Any!);
/** Tuple{K,V} where {K,V} */
const tupleKV = () => {
  const K = tv('K'),
    V = tv('V');
  return new UnionAll(K, new UnionAll(V, tupleType([K, V])));
};
/** Tuple{T,T} where T */
const tupleTT = () => {
  const X = tv('T');
  return new UnionAll(X, tupleType([X, X]));
};

test('diagonal rule: a variable occurring once in covariant position may stand for an abstract type', () => {
  assert.ok(issubtype(tupleType([T.Any!, T.Int64!]), tupleKV()));
  assert.ok(issubtype(tupleType([T.Int64!, T.Any!]), tupleKV()));
  assert.ok(issubtype(tupleType([T.Any!, T.Any!]), tupleKV()));
  const K = tv('K');
  assert.ok(issubtype(tupleType([T.Number!]), new UnionAll(K, tupleType([K]))));
});

test('diagonal rule: two covariant occurrences and no invariant one stand for a concrete type', () => {
  assert.ok(issubtype(tupleType([T.Int64!, T.Int64!]), tupleTT()));
  assert.ok(!issubtype(tupleType([T.Any!, T.Any!]), tupleTT()));
  assert.ok(!issubtype(tupleType([T.Number!, T.Int64!]), tupleTT()));
  assert.ok(!issubtype(tupleType([T.Int64!, T.Number!]), tupleTT()));
  assert.ok(!issubtype(tupleType([T.Int64!, T.Float64!]), tupleTT()));
  const tupleAny = tupleType([T.Any!]);
  assert.ok(!issubtype(tupleType([tupleAny, tupleAny]), tupleTT()));
  // an invariant occurrence lifts the rule
  const X = tv('T');
  const withVec = new UnionAll(X, tupleType([X, vec(X)]));
  assert.ok(issubtype(tupleType([T.Any!, vec(T.Any!)]), withVec));
  assert.ok(!issubtype(tupleType([T.Any!, vec(T.Int64!)]), withVec));
});

test('diagonal rule over a type universe (property)', () => {
  const atoms: JType[] = [T.Any!, T.Number!, T.Integer!, T.Int64!, T.Float64!, T.String!, T.Nothing!];
  const arb: fc.Arbitrary<JType> = fc.letrec<{ t: JType }>(tie => ({
    t: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...atoms),
      fc.tuple(tie('t'), tie('t')).map(([a, b]) => unionType([a, b])),
      fc.array(tie('t'), { maxLength: 2 }).map(ts => tupleType(ts)),
      tie('t').map(a => vec(a)),
    ),
  })).t;
  // K and V are each bound once: every pair of types is an instance
  fc.assert(
    fc.property(arb, arb, (a, b) => issubtype(tupleType([a, b]), tupleKV())),
    { numRuns: 300 },
  );
  // T is diagonal: Tuple{a,a} is an instance exactly when a is concrete
  fc.assert(
    fc.property(arb, a => issubtype(tupleType([a, a]), tupleTT()) === isConcrete(a)),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(
      arb,
      arb,
      (a, b) => !issubtype(tupleType([a, b]), tupleTT()) || (isConcrete(a) && issubtype(a, b) && issubtype(b, a)),
    ),
    { numRuns: 300 },
  );
});
