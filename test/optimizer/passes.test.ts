// Per-pass golden tests of the optimizer: for each case, a small function is inferred, and the IR before and after
// one pass of the pipeline (`optimizeUntil` the pass before it, then until the pass itself) must equal
// test/optimizer/golden/PASS.FUNCTION.out. The IR verifier is on for every stage.
//
// When a change to a pass alters a printout on purpose, regenerate every golden file with
//   UPDATE_GOLDEN=1 node --test test/optimizer/passes.test.ts
// and review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSession, includeString } from '../../src/engine.ts';
import { T, Sym, type Value } from '../../src/runtime/values.ts';
import type { JType } from '../../src/runtime/types.ts';
import { applyTypeName, tupleType } from '../../src/runtime/apply_type.ts';
import { showType } from '../../src/runtime/show_type.ts';
import { printCodeInfo } from '../../src/ir/print.ts';
import { inferMethodInstance, methodInstanceFor } from '../../src/inference/typeinfer.ts';
import {
  passes,
  optimize,
  optimizeUntil,
  optimizerSettings,
  type OptimizeInput,
} from '../../src/optimizer/optimize.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const s = createSession();
optimizerSettings.verify = true;

includeString(
  s.Main,
  `
# forward_slots: a local stored once before all its reads is a name for its value
fw(x) = (y = x * 2; z = y + 1; z * y)
# fold: a branch on a condition inference proved constant, a call with a constant result
fo(x) = (if sizeof(Int) == 8; x + 1; else; x - 1; end)
# apply_iterate: splatting a tuple of known length is a plain call of one instance
addall(a, b, c) = a + b + c
ai(t) = addall(t..., 1)
# union_split: a call on a Union-typed argument branches on the argument's type
describe(x::Int) = x + 1
describe(x::String) = sizeof(x)
function us(flag)
    v = flag ? 1 : "abc"
    describe(v) * 2
end
# union_split on two Union arguments: one case per combination of members
both(x::Int, y::Int) = 1
both(x::Int, y::Float64) = 2
both(x::Float64, y::Int) = 3
both(x::Float64, y::Float64) = 4
function us2(a, b)
    x = a ? 1 : 1.0
    y = b ? 2 : 2.0
    both(x, y)
end
# union_split on an abstract argument that at most three methods take (max_methods): a type test per method, and
# the dynamic call for any other type
kind(x::Int) = 1
kind(x::String) = 2
usa(v) = kind(v[1])
# inline: small callees are emitted in place
sq(x) = x * x
inl(x) = sq(x) + sq(x + 1)
# split_slots: a loop's iteration state (Union{Nothing, Tuple{Int, Int}}) becomes locals
function sumto(n)
    s = 0
    for i in 1:n
        s += i
    end
    s
end
# split_mutables: a mutable struct that never escapes becomes one local per field
mutable struct Acc; n::Int; end
function mu(k)
    c = Acc(0)
    for i in 1:k
        c.n += i
    end
    c.n
end
# dead_code: unused pure statements and stores to locals nothing reads disappear
function dc(x)
    unused = x * 3
    t = (x, x + 1)
    t[1] + 1
end
`,
  'passes.jl',
);

const get = (name: string): Value => s.Main.bindings.get(Sym.of(name))!.value!;

/** the optimizer input for f(types...), as inference hands it over */
function inputFor(f: string, types: JType[]): OptimizeInput {
  const mi = methodInstanceFor(get(f), types);
  assert.ok(mi, `no method for ${f}`);
  let seen: OptimizeInput | undefined;
  optimizerSettings.observe = input => {
    if (input.mi === mi) seen = input;
  };
  try {
    inferMethodInstance(mi);
  } finally {
    optimizerSettings.observe = undefined;
  }
  assert.ok(seen, `${f} was not optimized (inferred before?)`);
  return seen;
}

const cases: { pass: string; f: string; types: () => JType[] }[] = [
  { pass: 'forward_slots', f: 'fw', types: () => [T.Int64!] },
  { pass: 'fold', f: 'fo', types: () => [T.Int64!] },
  { pass: 'apply_iterate', f: 'ai', types: () => [tupleType([T.Int64!, T.Float64!])] },
  { pass: 'union_split', f: 'us', types: () => [T.Bool!] },
  { pass: 'union_split', f: 'us2', types: () => [T.Bool!, T.Bool!] },
  { pass: 'union_split', f: 'usa', types: () => [applyTypeName(T.Array!.name, [T.Any!, 1n])] },
  { pass: 'inline', f: 'inl', types: () => [T.Int64!] },
  { pass: 'inline', f: 'us', types: () => [T.Bool!] },
  { pass: 'forward_inlined_slots', f: 'inl', types: () => [T.Float64!] },
  { pass: 'split_slots', f: 'sumto', types: () => [T.Int64!] },
  { pass: 'split_mutables', f: 'mu', types: () => [T.Int64!] },
  { pass: 'dead_code', f: 'dc', types: () => [T.Int64!] },
  { pass: 'dead_code', f: 'mu', types: () => [T.Int64!] },
];

const inputs = new Map<string, OptimizeInput>();
for (const c of cases) {
  test(`optimizer pass ${c.pass} on ${c.f}`, () => {
    const key = `${c.f}(${c.types().map(showType).join(', ')})`;
    let input = inputs.get(key);
    if (!input) inputs.set(key, (input = inputFor(c.f, c.types())));
    const k = passes.findIndex(p => p.name === c.pass);
    assert.ok(k >= 0, `no pass ${c.pass}`);
    const before = k === 0 ? input.src : optimizeUntil(input, passes[k - 1]!.name);
    const after = optimizeUntil(input, c.pass);
    const text =
      `# ${key}\n` + `# before ${c.pass}\n${printCodeInfo(before)}\n# after ${c.pass}\n${printCodeInfo(after)}\n`;
    const file = join(dir, `${c.pass}.${c.f}.out`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
    assert.ok(existsSync(file), `no golden file ${file} (make it with UPDATE_GOLDEN=1)`);
    assert.equal(text, readFileSync(file, 'utf8'));
  });
}

test('every pass has a golden case, and optimizeUntil the last pass is the whole pipeline', () => {
  for (const p of passes)
    assert.ok(
      cases.some(c => c.pass === p.name),
      `no golden case for pass ${p.name}`,
    );
  const input = inputFor('dc', [T.Float64!]);
  assert.equal(
    printCodeInfo(optimizeUntil(input, passes[passes.length - 1]!.name)),
    printCodeInfo(optimize(input).code),
  );
  assert.throws(() => optimizeUntil(input, 'no_such_pass'), /no optimizer pass named no_such_pass/);
});
