// The native tier: code is really compiled (and reused), @code_wasm / @code_native show it, invalidation drops it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { includeString } from '../../src/engine.ts';
import { T, Expr } from '../../src/runtime/values.ts';
import { jitStats, compiledFunction } from '../../src/codegen/jit.ts';
import { functionText } from '../../src/codegen/wat.ts';
import { methodInstanceFor } from '../../src/inference/typeinfer.ts';
import { withCompilationHints } from '../../src/codegen/compilation_hints.ts';
import { callFunction } from '../../src/interpreter/interpret.ts';
import { state } from '../../src/runtime/modules.ts';
import { world } from '../../src/runtime/methods.ts';
import { dispatchTypeOf } from '../../src/runtime/typeof.ts';
import { run, s, get, jolt } from './native_session.ts';

// the jolt processes these tests start check the IR after every optimizer pass
process.env.JOLT_VERIFY_IR = '1';

test('calls are compiled to wasm and the compiled code is reused', () => {
  includeString(s.Main, 'fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)', 'fib.jl');
  state.world = world.current;
  const before = jitStats.functions;
  assert.equal(callFunction(get('fib'), [20n]), 6765n);
  assert.ok(jitStats.functions > before, 'fib was compiled');
  const mods = jitStats.modules;
  assert.equal(callFunction(get('fib'), [25n]), 75025n);
  assert.equal(jitStats.modules, mods, 'the second call reuses the compiled module');
  const c = compiledFunction(methodInstanceFor(get('fib'), [T.Int64!])!);
  assert.ok(c && /i64\.add/.test(c.record.optimizedText ?? c.record.text), 'fib is integer arithmetic in wasm');
});

test('redefining a callee invalidates compiled callers, even where it was inlined', () => {
  includeString(s.Main, 'sq(x) = x * x\nuse(x) = sq(x) + 1', 'inl.jl');
  state.world = world.current;
  for (let k = 0; k < 3; k++) assert.equal(callFunction(get('use'), [3n]), 10n);
  const mi = methodInstanceFor(get('use'), [T.Int64!])!;
  assert.ok(compiledFunction(mi), 'use is compiled');
  assert.ok(
    !mi.cache[0]!.inferred!.code.some(st => st instanceof Expr && st.head.name === 'invoke'),
    'sq was inlined into use',
  );
  includeString(s.Main, 'sq(x) = x * x * x', 'redefine.jl');
  state.world = world.current;
  assert.equal(callFunction(get('use'), [3n]), 28n);
});

test('@code_wasm shows the function in wasm and @code_native the x86-64 V8 makes of it', () => {
  const out = run('fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2); @code_wasm fib(30); @code_native fib(30)');
  assert.match(out, /\(func \$julia_fib_0/);
  assert.match(out, /i64\.add/);
  assert.match(out, /call \$julia_fib_0/);
  assert.match(out, /name: julia_fib_0\nindex: \d+\nkind: wasm function\ncompiler: TurboFan/);
  assert.match(out, /push rbp/);
  assert.match(out, /\bcall\b/);
  const unopt = run('f(x) = x + 1; @code_wasm optimize=false f(1)');
  assert.match(unopt, /local\.set/);
});

test('--compile=no and the default mode print the same', () => {
  const prog = 'g(x) = x > 0 ? x : -x; h(v) = sum(g(x) for x in v); println(h([1, -2, 3])); println(h(-3:3))';
  assert.equal(run(prog), run(prog, ['--compile=no']));
});

test("@time prints Julia's line, with the compilation share when the expression compiled something", () => {
  const out = run('g(x) = x * 2 + 1; @time g(1); @time g(2); println(@elapsed(g(3)) >= 0)', ['--compile=all']).split(
    '\n',
  );
  assert.match(out[0]!, /^ {2}\d\.\d{6} seconds \(\d{1,3}\.\d{2}% compilation time\)$/);
  assert.match(out[1]!, /^ {2}\d\.\d{6} seconds$/);
  assert.equal(out[2], 'true');
});

test('compiled modules carry a compilationHints section naming every defined function, before the code section', () => {
  // (module (import "m" "g" (func)) (func) (func)) as bytes: two defined functions, one imported
  const bytes = new Uint8Array([
    0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 2, 7, 1, 1, 109, 1, 103, 0, 0, 3, 3, 2, 0, 0, 10, 7, 2, 2, 0, 11, 2,
    0, 11,
  ]);
  const hinted = withCompilationHints(bytes);
  const WA = (
    globalThis as unknown as {
      WebAssembly: { Module: { new (b: Uint8Array): object; customSections(m: object, name: string): ArrayBuffer[] } };
    }
  ).WebAssembly;
  const [section] = WA.Module.customSections(new WA.Module(hinted), 'compilationHints');
  assert.ok(section, 'the section is present');
  const payload = new Uint8Array(section);
  assert.equal(payload[0], 2, 'one hint per defined function');
  assert.deepEqual([...payload.slice(1)], [0x2a, 0x2a], 'eager, optimized baseline and top tier');
  const ids: number[] = []; // section ids in order (sizes here are one-byte LEBs)
  for (let at = 8; at < hinted.length; at += 2 + hinted[at + 1]!) ids.push(hinted[at]!);
  assert.deepEqual(ids, [1, 2, 3, 0, 10]);
  // functions without a loop keep V8's default tiering (its baseline code gathers the feedback inlining needs)
  const [mixed] = WA.Module.customSections(
    new WA.Module(withCompilationHints(bytes, [false, true])),
    'compilationHints',
  );
  assert.deepEqual([...new Uint8Array(mixed!).slice(1)], [0x00, 0x2a]);
});

test('compiled functions keep no line local and no exception handler: each call carries its line as a debug location', () => {
  const out = run(
    'fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2); @code_wasm optimize=false fib(30); @code_wasm fib(30)',
  );
  assert.doesNotMatch(out, /\$line|\(try|\$unwind/);
  assert.match(out, /;;@ none:1\n\s*\(call \$julia_fib_0/);
});

test('dynamic calls in compiled code keep a per-site cache that a new method empties', () => {
  includeString(
    s.Main,
    [
      'dynarea(x::Int) = x * 2',
      'dynarea(x::Float64) = x * 0.5',
      'function dyntotal(xs)',
      '    s = 0.0',
      '    for x in xs',
      '        s += dynarea(x)',
      '    end',
      '    s',
      'end',
      'const dynxs = Any[1, 2.0, 3, 4.0]',
    ].join('\n'),
    'dyn.jl',
  );
  state.world = world.current;
  const xs = get('dynxs');
  for (let k = 0; k < 3; k++) assert.equal(callFunction(get('dyntotal'), [xs]), 11);
  assert.match(
    compiledFunction(methodInstanceFor(get('dyntotal'), [dispatchTypeOf(xs)])!)!.record.text,
    /call \$callsite_1 \(i32\.const \d+\)/,
  );
  // a more specific method for one of the types the site has seen: the next call runs it
  includeString(s.Main, 'dynarea(x::Int64) = x * 10', 'dyn2.jl');
  state.world = world.current;
  assert.equal(callFunction(get('dyntotal'), [xs]), 43);
});

test('varargs methods compile per call signature, making the tuple of trailing arguments at entry', () => {
  includeString(s.Main, 'vaplus(x, ys...) = x + sum(ys)', 'va.jl');
  state.world = world.current;
  assert.equal(callFunction(get('vaplus'), [1n, 2n, 3.5]), 6.5);
  const c = compiledFunction(methodInstanceFor(get('vaplus'), [T.Int64!, T.Int64!, T.Float64!])!);
  assert.ok(c, 'vaplus was compiled');
  assert.match(
    functionText(c.record.text, c.name),
    /\(param \$p2 i64\) \(param \$p3 i64\) \(param \$p4 f64\)[^]*call \$mktuple_2/,
  );
  // more arguments than the method has argument slots: the locals after the tuple keep their own types
  includeString(
    s.Main,
    'function valocals(xs...)\n    t = 0.5\n    for x in xs\n        t += x\n    end\n    return t\nend',
    'va2.jl',
  );
  state.world = world.current;
  assert.equal(callFunction(get('valocals'), [1n, 2n, 3n, 4n, 5n, 6n, 7n]), 28.5);
  assert.ok(compiledFunction(methodInstanceFor(get('valocals'), Array(7).fill(T.Int64!))!), 'valocals was compiled');
  assert.equal(
    run(
      'function vafirsts(ps::Pair...)\n    t = 0\n    for p in ps\n        t += p.first\n    end\n    t\nend\nprintln(vafirsts((k => [k] for k in 1:7)...))',
      ['--compile=all'],
    ),
    '28\n',
  );
});

test('try/catch/finally compile to wasm exception handlers', () => {
  includeString(
    s.Main,
    [
      'function trydiv(n)',
      '    s = 0',
      '    for i in 1:n',
      '        try',
      '            s += div(10, i - 3)',
      '        catch e',
      '            s += e isa DivideError ? 100 : 1000',
      '        finally',
      '            s += 1',
      '        end',
      '    end',
      '    s',
      'end',
      'function tryloop(n)',
      '    k = 0',
      '    while true',
      '        try',
      '            k += 1',
      '            k >= n && break',
      '        finally',
      '            k += 100',
      '        end',
      '    end',
      '    k',
      'end',
    ].join('\n'),
    'try.jl',
  );
  state.world = world.current;
  // the divide error raised in wasm (a runtime helper) is caught by the compiled handler; break runs the finally
  assert.equal(callFunction(get('trydiv'), [5n]), 105n);
  assert.equal(callFunction(get('tryloop'), [3n]), 202n);
  for (const name of ['trydiv', 'tryloop']) {
    const c = compiledFunction(methodInstanceFor(get(name), [T.Int64!])!);
    assert.ok(c, `${name} was compiled`);
    assert.match(functionText(c.record.optimizedText ?? c.record.text, c.name), /\(try|\(catch \$jstag/);
  }
});

test('an error in compiled code lists every compiled frame at the line of its call, as the interpreter does', () => {
  // inner has a loop (so V8 optimizes it at once), middle is called through an interpreted varargs frame, outer is
  // hot (warmed up so V8 tiers it up): the lines come from the wasm offsets V8 reports in each case
  const prog = [
    'function inner(v, i)',
    '    s = 0',
    '    for k in 1:3',
    '        s += k',
    '    end',
    '    return v[i] + s',
    'end',
    'function middle(v, i)',
    '    t = 1',
    '    t += inner(v, i)',
    '    return t',
    'end',
    'via(f, xs...) = f(xs...)',
    'function outer(v, i)',
    '    u = 2',
    '    u += via(middle, v, i)',
    '    return u',
    'end',
    'for k in 1:20000; outer([1, 2, 3], 1 + k % 3); end',
    'outer([1, 2, 3], 9)',
  ].join('\n');
  const stderr = (flags: string[]): string =>
    spawnSync(process.execPath, [jolt, ...flags, '-e', prog], { encoding: 'utf8' }).stderr;
  const compiled = stderr(['--compile=all']);
  for (const want of [
    /inner\(v::Vector\{Int64\}, i::Int64\)\n {3}@ Main none:6\n/,
    /middle\(v::Vector\{Int64\}, i::Int64\)\n {3}@ Main none:10\n/,
    /via\(f::typeof\(middle\), [^\n]*\)\n {3}@ Main none:13\n/,
    /outer\(v::Vector\{Int64\}, i::Int64\)\n {3}@ Main none:16\n/,
  ]) {
    assert.match(compiled, want);
  }
  assert.equal(compiled, stderr(['--compile=no']));
});

test('a self-recursive function is not inlined into its callers (binaryen would unroll the recursion there)', () => {
  includeString(s.Main, 'rfib(n) = n < 2 ? n : rfib(n - 1) + rfib(n - 2)\ncallr(n) = rfib(n) + 1', 'rfib.jl');
  state.world = world.current;
  const c = compiledFunction(methodInstanceFor(get('callr'), [T.Int64!])!);
  assert.ok(c?.record.optimizedText, 'callr was compiled with its text kept');
  const body = functionText(c.record.optimizedText, c.name.replace(/^\$/, ''));
  assert.equal(body.match(/call \$julia_rfib/g)?.length, 1, body);
  assert.equal(callFunction(get('callr'), [10n]), 56n);
});

test('a runtime call of nine or more operands compiles (a message built from many parts)', () => {
  includeString(
    s.Main,
    [
      'function dimcheck(m, k)',
      '    t = 0',
      '    for i in 1:m',
      '        t += i',
      '    end',
      '    k == m || throw(DimensionMismatch("matrix A has dimensions ($m,$k), matrix B has dimensions ($k,$m)"))',
      '    t',
      'end',
    ].join('\n'),
    'dimcheck.jl',
  );
  state.world = world.current;
  assert.equal(callFunction(get('dimcheck'), [4n, 4n]), 10n);
  assert.ok(compiledFunction(methodInstanceFor(get('dimcheck'), [T.Int64!, T.Int64!])!), 'dimcheck was compiled');
});

test('a matrix element A[i, j] is one runtime call with both indices, each checked against its dimension', () => {
  const prog = [
    'function dbl!(A::Matrix{Float64})',
    '    s = 0.0',
    '    for j in 1:size(A, 2), i in 1:size(A, 1)',
    '        A[i, j] = A[i, j] * 2',
    '        s += A[i, j]',
    '    end',
    '    s',
    'end',
    'A = [1.0 2.0 3.0; 4.0 5.0 6.0]',
    'println(dbl!(A), " ", A)',
    'at(A, i, j) = A[i, j]',
    'try at(A, 3, 1) catch e; println(e) end',
    'try at(A, 0, 2) catch e; println(e) end',
    'try at(A, 1, 4) catch e; println(e) end',
    '@code_wasm dbl!(A)',
  ].join('\n');
  const out = run(prog, ['--compile=all']);
  assert.match(out, /^42\.0 \[2\.0 4\.0 6\.0; 8\.0 10\.0 12\.0\]\n/);
  assert.match(out, /\nBoundsError\(\[2\.0 4\.0 6\.0; 8\.0 10\.0 12\.0\], \(3, 1\)\)\n/);
  assert.match(out, /\nBoundsError\(\[2\.0 4\.0 6\.0; 8\.0 10\.0 12\.0\], \(0, 2\)\)\n/);
  assert.match(out, /\nBoundsError\(\[2\.0 4\.0 6\.0; 8\.0 10\.0 12\.0\], \(1, 4\)\)\n/);
  assert.match(out, /call \$arrayref2_f64/);
  assert.match(out, /call \$arrayset2_f64/);
});
