// Dead code: deletes what no path reaches and statements whose value is unused and whose evaluation has no effect
// and cannot throw. It also decides branches on conditions that became constants (often after inlining), drops
// stores to locals nothing reads, and evaluates pure builtins on constant operands; each deletion can expose more,
// so it runs a few rounds.
import { Expr, type Value } from '../runtime/values.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from '../ir/nodes.ts';
import { Bottom } from '../runtime/types.ts';
import type { CodeInfo } from '../ir/CodeInfo.ts';
import { Const } from '../inference/lattice.ts';
import { withCode, Rewrite } from './builder.ts';
import { operandLattice, statementEffects, type CalleeCode } from './effects.ts';
import { foldConstantCall } from './fold.ts';
import { forwardField } from './scalar_replacement.ts';
import type { OptimizationState, OptimizeInput, Pass } from './pass.ts';

export const deadCodePass: Pass = {
  name: 'dead_code',
  run: (state: OptimizationState, input: OptimizeInput): OptimizationState => {
    let ci = state.ci;
    for (let k = 0; k < 3; k++) {
      const next = deadCode(ci, input.calleeCode);
      if (next.code.length === ci.code.length) break;
      ci = next;
    }
    return { ci, facts: [] };
  },
};

/** One round: delete statements whose value is unused and whose evaluation has no effect and cannot throw. */
function deadCode(src: CodeInfo, calleeCode: CalleeCode): CodeInfo {
  const n = src.code.length;
  const uses = new Array<number>(n + 1).fill(0);
  const count = (x: Value): void => {
    if (x instanceof SSAValue) uses[x.id]!++;
    else if (x instanceof Expr) x.args.forEach(count);
    else if (x instanceof GotoIfNot) count(x.cond);
    else if (x instanceof ReturnNode) count(x.val);
  };
  src.code.forEach(count);
  // slots that are never read: their stores are dead (the stored value is still computed if that has effects)
  const slotReads = new Array<number>(src.slotnames.length + 1).fill(0);
  const countSlots = (x: Value, lhs: boolean): void => {
    if (x instanceof SlotNumber) {
      if (!lhs) slotReads[x.id]!++;
    } else if (x instanceof Expr) x.args.forEach((y, k) => countSlots(y, x.head.name === '=' && k === 0));
    else if (x instanceof GotoIfNot) countSlots(x.cond, false);
    else if (x instanceof ReturnNode) countSlots(x.val, false);
  };
  src.code.forEach(x => countSlots(x, false));
  // arguments never stored to hold their value throughout
  const stored = new Set<number>();
  src.code.forEach(st => {
    if (st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber) stored.add(st.args[0].id);
  });
  const targets = new Set<number>();
  src.code.forEach(st => {
    if (st instanceof GotoNode) targets.add(st.label - 1);
    else if (st instanceof GotoIfNot) targets.add(st.dest - 1);
  });
  // a slot holds the same value at `to` as at `from` when it is an argument never stored to, or when the straight
  // run of statements between them (no jumps out or in) does not store to it
  const stableSlot = (x: Value, from: number, to: number): boolean => {
    if (!(x instanceof SlotNumber)) return false;
    if (x.id <= src.nargs && !stored.has(x.id)) return true;
    for (let k = from + 1; k <= to; k++) {
      const st = src.code[k]!;
      if (targets.has(k) || st instanceof GotoNode || st instanceof GotoIfNot || st instanceof ReturnNode) return false;
      if (st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber && st.args[0].id === x.id)
        return false;
    }
    return true;
  };
  const deadSlot = (x: Value): boolean => x instanceof SlotNumber && x.id > src.nargs && slotReads[x.id] === 0;
  const rw = new Rewrite(n);
  const { b, ssaMap, remap } = rw;
  // conditions that are constants (often after inlining) decide their branch; what no path reaches is dropped
  const constCond = (g: GotoIfNot): boolean | undefined => {
    const l = operandLattice(src, g.cond);
    return l instanceof Const && typeof l.val === 'boolean' ? l.val : undefined;
  };
  const reached = new Array<boolean>(n).fill(false);
  const work = [0];
  while (work.length) {
    const pc = work.pop()!;
    if (pc >= n || reached[pc]) continue;
    reached[pc] = true;
    const st = src.code[pc]!;
    if (st instanceof GotoNode) work.push(st.label - 1);
    else if (st instanceof GotoIfNot) {
      const c = constCond(st);
      if (c !== false) work.push(pc + 1);
      if (c !== true) work.push(st.dest - 1);
    } else if (st instanceof Expr && st.head.name === 'enter') {
      work.push(pc + 1);
      work.push((st.args[0] as number) - 1);
    } // the catch block
    else if (
      !(st instanceof ReturnNode) &&
      !(st instanceof Expr && src.ssavaluetypes![pc] === Bottom && st.head.name !== '=')
    )
      work.push(pc + 1);
  }
  for (let pc = 0; pc < n; pc++) {
    rw.at(pc);
    let st = src.code[pc]!;
    if (!reached[pc]) {
      ssaMap[pc + 1] = new SSAValue(pc + 1);
      continue;
    }
    if (st instanceof GotoIfNot) {
      const c = constCond(st);
      if (c === true) continue;
      if (c === false) st = new GotoNode(st.dest);
    }
    if (st instanceof NewvarNode && deadSlot(st.slot)) continue;
    if (st instanceof Expr && st.head.name === '=' && deadSlot(st.args[0]!)) st = st.args[1]!;
    // a pure builtin on constant operands (often exposed by inlining) is evaluated now
    const folded = foldConstantCall(src, st) ?? forwardField(src, st, pc, stableSlot);
    if (folded !== undefined) {
      ssaMap[pc + 1] = remap(folded);
      continue;
    }
    const isValue =
      !(st instanceof GotoNode || st instanceof GotoIfNot || st instanceof ReturnNode || st instanceof NewvarNode) &&
      !(st instanceof Expr && (st.head.name === '=' || st.head.name === 'enter' || st.head.name === 'leave'));
    if (isValue && uses[pc + 1] === 0) {
      const e = statementEffects(src, st, calleeCode);
      if (e.nothrow && e.effectFree) {
        ssaMap[pc + 1] = new SSAValue(pc + 1);
        continue;
      }
    }
    // a goto to the very next statement does nothing
    if (st instanceof GotoNode && st.label === pc + 2) continue;
    ssaMap[pc + 1] = b.push(remap(st), src.ssavaluetypes![pc]!, src.codelocs[pc] ?? 0);
  }
  rw.finish();
  return withCode(src, b);
}
