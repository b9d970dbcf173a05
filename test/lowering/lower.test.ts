import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAll } from '../../src/syntax/parser.ts';
import { Lowerer } from '../../src/lowering/lower.ts';
import { bootstrap } from '../../src/runtime/bootstrap.ts';
import { Module, sym, Expr, GlobalRef, type Value } from '../../src/runtime/values.ts';
import { GotoIfNot, ReturnNode, SlotNumber } from '../../src/ir/nodes.ts';
import { CodeInfo } from '../../src/ir/CodeInfo.ts';

bootstrap();
function lower(src: string): CodeInfo {
  const m = new Module(sym('Main'), null);
  const ex = parseAll(src, 'x.jl');
  return new Lowerer(m, 'x.jl', { softscope: false }).lowerToplevel(ex.args[1]!, 1);
}
/** the method bodies defined by a thunk */
function methods(ci: CodeInfo): CodeInfo[] {
  const out: CodeInfo[] = [];
  const walk = (c: CodeInfo) =>
    c.code.forEach((st: Value) => {
      if (st instanceof Expr && st.head.name === 'method' && st.args.length === 3) out.push(st.args[2] as CodeInfo);
      if (st instanceof Expr && st.head.name === 'thunk') walk(st.args[0] as CodeInfo);
    });
  walk(ci);
  return out;
}

test('a method body is SSA code ending in a return', () => {
  const [body] = methods(lower('f(x) = x + 1'));
  assert.ok(body);
  assert.deepEqual(
    body.slotnames.map(s => s.name),
    ['#self#', 'x'],
  );
  assert.ok(body.code[body.code.length - 1] instanceof ReturnNode);
});

test('if lowers to a conditional branch', () => {
  const [body] = methods(lower('g(x) = x > 0 ? x : 0'));
  assert.ok(body!.code.some(s => s instanceof GotoIfNot));
});

test('a captured and reassigned variable lives in a Box', () => {
  const ms = methods(lower('function f()\n n = 0\n inc() = (n += 1)\n inc()\n n\nend'));
  const outer = ms.find(m => m.name === 'f')!;
  const n = outer.slotnames.findIndex(s => s.name === 'n') + 1;
  const boxed = outer.code.some(
    s =>
      s instanceof Expr &&
      s.head.name === '=' &&
      s.args[0] instanceof SlotNumber &&
      (s.args[0] as SlotNumber).id === n &&
      s.args[1] instanceof Expr &&
      String((s.args[1] as Expr).args[0]).length >= 0 &&
      JSON.stringify(((s.args[1] as Expr).args[0] as { name?: { name: string } }).name?.name) === '"Box"',
  );
  assert.ok(boxed, 'n is initialised with Core.Box()');
});

test('a captured argument nothing assigns is held by value: no Box, and the closure type is parametric', () => {
  const ms = [
    ...methods(lower('function scale(v, k)\n map(x -> x * k, v)\nend')),
    ...methods(lower('function bump(k)\n g = () -> k\n k = k + 1\n g()\nend')),
  ];
  // whether code refers to the global `name` (Core.Box, Core.apply_type, ...) anywhere
  const mentions = (v: Value, name: string): boolean =>
    v instanceof GlobalRef ? v.name.name === name : v instanceof Expr ? v.args.some(a => mentions(a, name)) : false;
  const calls = (c: CodeInfo, name: string): boolean => c.code.some(st => mentions(st, name));
  const scale = ms.find(m => m.name === 'scale')!,
    bump = ms.find(m => m.name === 'bump')!;
  assert.ok(!calls(scale, 'Box'), 'k is not boxed');
  assert.ok(calls(scale, 'apply_type') && calls(scale, 'typeof'), 'the closure is made as #anon{typeof(k)}');
  assert.ok(calls(bump, 'Box'), 'a reassigned argument is still boxed');
  // a local assigned once before the closure is made is held by value too; one assigned in a branch is not
  const once = methods(lower('function sh(v)\n m = sum(v)\n map(x -> x - m, v)\nend')).find(c => c.name === 'sh')!;
  assert.ok(!calls(once, 'Box'));
  const branch = methods(lower('function cs(f)\n if f\n y = 1\n else\n y = 2\n end\n () -> y\nend')).find(
    c => c.name === 'cs',
  )!;
  assert.ok(calls(branch, 'Box'));
  // the closure body reads its field directly (no _getbox)
  const lam = ms.find(m => m.name === 'anonymous' && m.nargs === 2)!;
  assert.ok(!calls(lam, '_getbox'));
});

test('keyword arguments produce a body function and a kwcall method', () => {
  const ms = methods(lower('k(a; b=2) = a + b'));
  assert.ok(ms.length >= 3, `expected body, positional and kwcall methods, got ${ms.length}`);
});

test('a local function defined before a captured local is assigned is made after the assignment, by value', () => {
  const mentions = (v: Value, name: string): boolean =>
    v instanceof GlobalRef ? v.name.name === name : v instanceof Expr ? v.args.some(a => mentions(a, name)) : false;
  const calls = (c: CodeInfo, name: string): boolean => c.code.some(st => mentions(st, name));
  const body = (src: string, name: string): CodeInfo => methods(lower(src)).find(m => m.name === name)!;
  // the nth-prime shape: neither `primes` nor the loop's `n` (only the closure's parameter is called n) is boxed
  const prime = body(
    'function prime(num)\n is_prime(n) = all([n % p > 0 for p in primes])\n primes = [2, 3]\n n = 3\n' +
      ' while length(primes) < num\n n += 2\n is_prime(n) && push!(primes, n)\n end\n primes[num]\nend',
    'prime',
  );
  assert.ok(!calls(prime, 'Box') && !calls(prime, '_getbox'));
  assert.ok(calls(prime, 'apply_type'), 'the closure type is parametric in the captured value');
  const anon = body('function a(v)\n f = x -> x * k\n k = 3\n map(f, v)\nend', 'a');
  assert.ok(!calls(anon, 'Box'), 'an anonymous function bound to a name moves too');
  // reassigned later, or the function reachable before the assignment: the Box stays
  const t = body('function t()\n g() = x\n x = 1\n a = g()\n x = 2\n (a, g(), x)\nend', 't');
  assert.ok(calls(t, 'Box'));
  // only this function assigns x: it reads its own copy, not the Box
  assert.ok(!calls(t, '_getbox'));
  assert.ok(calls(body('function e()\n g() = x\n h = g\n x = 5\n h()\nend', 'e'), 'Box'));
  const c = body('function c()\n inc() = (c += 1)\n c = 0\n inc()\n c\nend', 'c');
  assert.ok(calls(c, 'Box') && calls(c, '_getbox'), 'a closure assigns c: the function reads the Box');
});
