// Linking from plain data: a compiled module's LinkableModule survives structuredClone (all but its constants
// table, which holds Jolt values) and links again to functions that compute what the originals compute.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { includeString } from '../../src/engine.ts';
import { T, type Value } from '../../src/runtime/values.ts';
import { compiledFunction, compiledCode } from '../../src/codegen/jit.ts';
import { link, type LinkableModule } from '../../src/codegen/link.ts';
import { methodInstanceFor } from '../../src/inference/typeinfer.ts';
import { callFunction } from '../../src/interpreter/interpret.ts';
import { state } from '../../src/runtime/modules.ts';
import { world } from '../../src/runtime/methods.ts';
import { s, get } from './native_session.ts';

/** `lm` as a cache would keep it: its data cloned, its constants table kept as values */
function reloaded(lm: LinkableModule): LinkableModule {
  const { constants, ...data } = lm;
  return { ...structuredClone(data), constants };
}

test('a LinkableModule round-trips through structuredClone and links again', () => {
  includeString(
    s.Main,
    `struct LkPt; x::Int; y::Int; end
     @noinline lk_tri(n) = (t = 0; for i in 1:n; t += i; end; t)
     lk_use(n) = (p = LkPt(n, 2n); v = [p.x, p.y]; lk_tri(v[1]) + lk_tri(v[2]) + length(string(n)))`,
    'link_test.jl',
  );
  state.world = world.current;
  // lk_tri first: lk_use's module then imports it from lk_tri's
  assert.equal(callFunction(get('lk_tri'), [10n]), 55n);
  assert.equal(callFunction(get('lk_use'), [10n]), 55n + 210n + 2n);
  const mi = methodInstanceFor(get('lk_use'), [T.Int64!])!;
  const c = compiledFunction(mi);
  assert.ok(c, 'lk_use is compiled');
  const lm = c.record.linkable;
  assert.ok(lm.imports.length >= 1, "lk_use's module imports lk_tri from another module");
  const copy = reloaded(lm);
  assert.notEqual(copy.bytes, lm.bytes);
  assert.deepEqual(copy.debug, lm.debug);
  const linked = link(copy, callee => {
    const f = compiledCode(callee);
    assert.ok(f, 'an imported callee is compiled');
    return f.fn;
  });
  const f = linked.find(x => x.instance === mi);
  assert.ok(f, "the relinked module exports lk_use's code");
  assert.deepEqual(f.sig, compiledCode(mi)!.sig);
  for (const n of [10n, 3n, 12345n]) {
    const args: Value[] = f.sig.self ? [get('lk_use'), n] : [n];
    const r = f.fn(...args);
    assert.equal(f.fromWasm ? f.fromWasm(r) : r, callFunction(get('lk_use'), [n]));
  }
});
