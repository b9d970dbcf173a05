// The IR verifier (src/ir/verify.ts) on hand-made bodies: a well-formed one passes, and each broken invariant is
// reported at the statement that breaks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sym, Expr, type Value } from '../../src/runtime/values.ts';
import { GotoNode, GotoIfNot, ReturnNode, SSAValue, SlotNumber } from '../../src/ir/nodes.ts';
import { Bottom, type JType } from '../../src/runtime/types.ts';
import { CodeInfo } from '../../src/ir/CodeInfo.ts';
import { verifyIR } from '../../src/ir/verify.ts';

const call = (...args: Value[]): Expr => new Expr(Sym.of('call'), args);
const ex = (head: string, ...args: Value[]): Expr => new Expr(Sym.of(head), args);

/** a body with slots #self#, x (an argument) and one local; typed when `types` is given */
function body(code: Value[], types?: boolean): CodeInfo {
  const ci = new CodeInfo();
  ci.code = code;
  ci.codelocs = code.map(() => 0);
  ci.slotnames = [Sym.of('#self#'), Sym.of('x'), Sym.of('y')];
  ci.slotflags = [0, 0, 2];
  ci.nargs = 2;
  if (types) {
    const any = {} as JType; // the verifier only checks that types are present
    ci.ssavaluetypes = code.map(() => any);
    ci.slottypes = ci.slotnames.map(() => any);
  }
  return ci;
}
const problems = (ci: CodeInfo, typed = false): string[] =>
  verifyIR(ci, { typed }).map(p => `${p.pc < 0 ? '*' : p.pc + 1}: ${p.message}`);

const x = new SlotNumber(2),
  y = new SlotNumber(3);

test('a well-formed body with a loop and a handler passes', () => {
  const ci = body(
    [
      ex('=', y, 0n), // 1
      ex('enter', 7), // 2
      call(x, y), // 3
      ex('leave', 1), // 4
      new GotoIfNot(new SSAValue(3), 1), // 5
      new GotoNode(8), // 6
      ex('pop_exception', new SSAValue(2)), // 7 (catch)
      new ReturnNode(y), // 8
    ],
    true,
  );
  assert.deepEqual(problems(ci, true), []);
});

test('SSA operands must be defined earlier, on every path, and in range', () => {
  assert.deepEqual(problems(body([call(x, new SSAValue(2)), new ReturnNode(new SSAValue(1))])), [
    '1: SSA value %2 is used where it is not defined',
  ]);
  assert.deepEqual(problems(body([call(x), new ReturnNode(new SSAValue(9))])), [
    '2: SSA value %9 is out of range (1..2)',
  ]);
  // %3 is defined on one branch only
  const ci = body([new GotoIfNot(x, 4), new GotoNode(4), call(x), new ReturnNode(new SSAValue(3))]);
  assert.deepEqual(problems(ci), ['4: SSA value %3 is used where it is not defined']);
  assert.deepEqual(problems(body([new GotoNode(2), new ReturnNode(new SSAValue(1))])), [
    '2: SSA value %1 names a statement without a value',
  ]);
});

test('branch targets and slots must exist', () => {
  assert.deepEqual(problems(body([new GotoIfNot(x, 5), new ReturnNode(0n)])), [
    '1: branch target 5 is not a statement (1..2)',
  ]);
  assert.deepEqual(problems(body([new GotoNode(0)])), ['1: jump target 0 is not a statement (1..1)']);
  assert.deepEqual(problems(body([call(new SlotNumber(4)), new ReturnNode(0n)])), ['1: slot 4 does not exist (1..3)']);
  assert.deepEqual(problems(body([call(x)])), ['1: the last statement can fall off the end of the code']);
  // typed code may end with a call that never returns (a throw)
  const throws = body([call(x)], true);
  throws.ssavaluetypes = [Bottom];
  assert.deepEqual(problems(throws, true), []);
});

test('handlers must nest', () => {
  assert.deepEqual(problems(body([ex('leave', 1), new ReturnNode(0n)])), ['1: leave 1 with 0 handlers open']);
  // one path into statement 4 has the handler open, the other does not
  const ci = body([ex('enter', 5), new GotoIfNot(x, 4), ex('leave', 1), new ReturnNode(0n), new ReturnNode(1n)]);
  assert.deepEqual(problems(ci), ['3: jumps to block 3 with 0 handlers open, where another path has 1']);
  assert.deepEqual(problems(body([call(x), ex('pop_exception', new SSAValue(1)), new ReturnNode(0n)])), [
    '2: pop_exception does not name an enter',
  ]);
});

test('typed code has a type for every statement and slot', () => {
  const ci = body([call(x), new ReturnNode(0n)], true);
  ci.ssavaluetypes!.pop();
  ci.slottypes = undefined;
  assert.deepEqual(problems(ci, true), ['*: 1 statement types for 2 statements', '*: no slot types for 3 slots']);
  assert.deepEqual(problems(ci, false), []);
});
