// Inference: precision on the benchmark kernels, termination over all of Base, edges and invalidation, recursion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSession, includeString } from '../../src/engine.ts';
import { Sym, T, type Value } from '../../src/runtime/values.ts';
import { DataType, UnionType, Bottom, type JType } from '../../src/runtime/types.ts';
import { applyTypeName } from '../../src/runtime/apply_type.ts';
import { showType } from '../../src/runtime/show_type.ts';
import { world, MethodInstance } from '../../src/runtime/methods.ts';
import { inferMethodInstance, methodInstanceFor } from '../../src/inference/typeinfer.ts';
import { inferAllMethods } from '../../src/inference/survey.ts';
import { isConcrete } from '../../src/inference/lattice.ts';
import { optimizerSettings } from '../../src/optimizer/optimize.ts';

// the IR verifier checks the code after every optimizer pass
optimizerSettings.verify = true;

const s = createSession();
const get = (name: string): Value => s.Main.bindings.get(Sym.of(name))!.value!;
const vec = (t: JType) => applyTypeName(T.Array!.name, [t, 1n]);

function infer(f: string, types: JType[]) {
  const mi = methodInstanceFor(get(f), types);
  assert.ok(mi, `no method for ${f}`);
  return inferMethodInstance(mi!);
}

/** concrete, a Type{X}, or a Union{Nothing, T} of concrete types (what Julia's @code_warntype shows in yellow) */
function acceptable(t: JType): boolean {
  if (t === Bottom || isConcrete(t)) return true;
  if (t instanceof DataType && t.name === T.Type!.name) return true;
  return (
    t instanceof UnionType && t.types.length === 2 && t.types.includes(T.Nothing!) && t.types.every(m => isConcrete(m))
  );
}

function assertConcrete(f: string, types: JType[]): void {
  const ci = inferMethodInstance(methodInstanceFor(get(f), types)!);
  const code = ci.unoptimized!;
  const bad: string[] = [];
  code.ssavaluetypes!.forEach((t, k) => {
    if (!acceptable(t)) bad.push(`%${k + 1}::${showType(t)}`);
  });
  code.slottypes!.forEach((t, k) => {
    if (!acceptable(t) && !code.slotnames[k]!.name.startsWith('#if'))
      bad.push(`${code.slotnames[k]!.name}::${showType(t)}`);
  });
  assert.deepEqual(bad, [], `${f}: non-concrete statements or slots`);
  assert.ok(isConcrete(ci.rettype), `${f} returns ${showType(ci.rettype)}`);
}

includeString(
  s.Main,
  `
fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)
function qsort!(a::Vector{Float64}, lo::Int, hi::Int)
    i, j = lo, hi
    while i < hi
        pivot = a[(lo + hi) >>> 1]
        while i <= j
            while a[i] < pivot; i += 1; end
            while a[j] > pivot; j -= 1; end
            if i <= j
                a[i], a[j] = a[j], a[i]
                i, j = i + 1, j - 1
            end
        end
        if lo < j; qsort!(a, lo, j); end
        lo, j = i, hi
    end
    return a
end
function pisum()
    sum = 0.0
    for j in 1:500
        sum = 0.0
        for k in 1:10000
            sum += 1.0 / (k * k)
        end
    end
    sum
end
function parseints(n)
    s = 0
    for k in 1:n
        x = UInt32(k * 7919 % 1000003)
        h = string(x, base = 16)
        s += Int(parse(UInt32, h, base = 16)) + length(h)
    end
    s
end
function mandel(c::Complex{Float64})
    z = c
    for n in 1:80
        if abs(z) > 2.0
            return n - 1
        end
        z = z^2 + c
    end
    return 80
end
pick(x) = x > 0 ? x : 0.0
many(k) = k == 1 ? 1 : k == 2 ? 2.0 : k == 3 ? "s" : k == 4 ? 'c' : k == 5 ? :sym : nothing
ev(n) = n == 0 ? true : od(n - 1)
od(n) = n == 0 ? false : ev(n - 1)
callee(x) = 1
caller(x) = callee(x) + 1
`,
  'kernels.jl',
);

test('the benchmark kernels infer concretely', () => {
  assertConcrete('fib', [T.Int64!]);
  assertConcrete('qsort!', [vec(T.Float64!), T.Int64!, T.Int64!]);
  assertConcrete('pisum', []);
  assertConcrete('parseints', [T.Int64!]);
  const complexF64 = applyTypeName(
    (s.Base.bindings.get(Sym.of('Complex'))!.value as unknown as { body: DataType }).body.name,
    [T.Float64!],
  );
  assertConcrete('mandel', [complexF64]);
});

test('a branch returning two types infers their Union; many types are joined', () => {
  assert.equal(showType(infer('pick', [T.Int64!]).rettype), 'Union{Float64, Int64}');
  assert.equal(showType(infer('many', [T.Int64!]).rettype), 'Any');
});

test('mutual recursion converges', () => {
  assert.equal(infer('ev', [T.Int64!]).rettype, T.Bool);
  assert.equal(infer('fib', [T.Int64!]).rettype, T.Int64);
});

test('constant results are folded and recorded', () => {
  const ci = infer('callee', [T.Float64!]);
  assert.equal(ci.rettype_const, 1n);
  const c2 = infer('caller', [T.Float64!]);
  assert.equal(c2.rettype_const, 2n, 'the caller folds 1 + 1');
});

test('edges, backedges and invalidation by a new method', () => {
  const before = infer('caller', [T.Int64!]);
  const calleeMi = before.edges.find(e => e instanceof MethodInstance && e.def.name.name === 'callee') as
    MethodInstance | undefined;
  assert.ok(calleeMi, 'caller records an edge to callee');
  assert.ok(
    [...calleeMi!.backedges].some(mi => mi.def.name.name === 'caller'),
    'callee has a backedge to caller',
  );
  const w = world.current;
  includeString(s.Main, 'callee(x::Int) = 2.5', 'redefine.jl');
  assert.ok(before.max_world < world.current && before.max_world >= w - 1, 'the old inference is no longer valid');
  const after = infer('caller', [T.Int64!]);
  assert.notEqual(after, before);
  assert.equal(after.rettype, T.Float64, 'caller re-inferred against the new method');
  // an instance the new method does not cover stays valid
  assert.equal(infer('caller', [T.Float64!]).rettype_const, 2n);
});

test('inferring every method of Base at its declared signature terminates without failures', () => {
  const r = inferAllMethods(s.Base);
  assert.deepEqual(r.failures, []);
  assert.ok(r.methods > 500, `only ${r.methods} methods`);
  assert.ok(r.instances > 0);
});
