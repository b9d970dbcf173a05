// The IR verifier runs after every optimizer pass (JOLT_VERIFY_IR=1, or optimizerSettings.verify) and names the
// pass that broke the code: a pass registered here on purpose corrupts an operand, and the error must say so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSession, includeString } from '../../src/engine.ts';
import { T, Sym, Expr, type Value } from '../../src/runtime/values.ts';
import { SSAValue } from '../../src/ir/nodes.ts';
import { CodeInfo } from '../../src/ir/CodeInfo.ts';
import { IRVerificationError } from '../../src/ir/verify.ts';
import { inferMethodInstance, methodInstanceFor } from '../../src/inference/typeinfer.ts';
import { passes, optimizerSettings, type Pass } from '../../src/optimizer/optimize.ts';

const s = createSession();
const get = (name: string): Value => s.Main.bindings.get(Sym.of(name))!.value!;

/** replaces the first SSA operand of a call by one that no statement defines */
const corruptOperand: Pass = {
  name: 'corrupt_operand',
  run: state => {
    const ci = new CodeInfo();
    Object.assign(ci, state.ci);
    let done = false;
    ci.code = state.ci.code.map(st => {
      if (done || !(st instanceof Expr) || !st.args.some(a => a instanceof SSAValue)) return st;
      done = true;
      return new Expr(
        st.head,
        st.args.map(a => (a instanceof SSAValue ? new SSAValue(ci.code.length + 5) : a)),
      );
    });
    return { ci, facts: state.facts };
  },
};

test('the verifier names the optimizer pass that broke the IR', () => {
  includeString(s.Main, 'verify_me(x, y) = (x * y) + (x - y)', 'verify_me.jl');
  const at = passes.findIndex(p => p.name === 'fold');
  const saved = optimizerSettings.verify;
  passes.splice(at + 1, 0, corruptOperand);
  optimizerSettings.verify = true;
  try {
    const mi = methodInstanceFor(get('verify_me'), [T.Int64!, T.Int64!]);
    assert.throws(
      () => inferMethodInstance(mi!),
      (e: unknown) => {
        assert.ok(e instanceof IRVerificationError, String(e));
        assert.match(e.message, /after optimizer pass corrupt_operand in verify_me/);
        assert.match(e.message, /SSA value %\d+ is out of range/);
        return true;
      },
    );
  } finally {
    passes.splice(passes.indexOf(corruptOperand), 1);
    optimizerSettings.verify = saved;
  }
});

test('every pass leaves well-formed IR for a function with loops, unions and inlining', () => {
  includeString(
    s.Main,
    `
struct VP; a::Int; b::Float64; end
vp_norm(p::VP) = p.a + p.b
function verify_loop(n)
    s = 0.0
    for i in 1:n
        v = i % 2 == 0 ? i : "odd"
        s += v isa Int ? vp_norm(VP(v, 1.0)) : length(v)
    end
    s
end`,
    'verify_loop.jl',
  );
  const saved = optimizerSettings.verify;
  optimizerSettings.verify = true;
  try {
    const ci = inferMethodInstance(methodInstanceFor(get('verify_loop'), [T.Int64!])!);
    assert.ok(ci.inferred);
  } finally {
    optimizerSettings.verify = saved;
  }
});
