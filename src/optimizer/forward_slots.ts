// Slot forwarding: a local stored exactly once, where that store dominates (and precedes) every read, is just a
// name for the stored value: the store becomes an SSA statement and the reads use it (the slot then dies).
// Statements keep their places, so what inference learned about each still applies.
import { Expr, GlobalRef, type Value } from '../runtime/values.ts';
import { SSAValue, SlotNumber, GotoIfNot, ReturnNode } from '../ir/nodes.ts';
import { CodeInfo } from '../ir/CodeInfo.ts';
import { CFG } from '../ir/cfg.ts';
import { mapOperands } from './builder.ts';
import type { OptimizationState, Pass } from './pass.ts';

export const forwardSlotsPass: Pass = {
  name: 'forward_slots',
  run: (state: OptimizationState): OptimizationState => ({ ci: forwardSlots(state.ci), facts: state.facts }),
};

export function forwardSlots(src: CodeInfo): CodeInfo {
  const code = src.code;
  // the analysis below follows ordinary control flow only: a throw could reach a catch block before the store
  if (code.some(st => st instanceof Expr && st.head.name === 'enter')) return src;
  const stores = new Map<number, number>(); // slot -> the statement index of its only store
  const bad = new Set<number>();
  code.forEach((st, pc) => {
    if (st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber) {
      const id = st.args[0].id;
      if (id <= src.nargs || stores.has(id)) bad.add(id);
      else stores.set(id, pc);
    }
  });
  if ([...stores.keys()].every(id => bad.has(id))) return src;
  const cfg = new CFG(code);
  const checkRead = (x: Value, pc: number): void => {
    if (x instanceof SlotNumber) {
      const at = stores.get(x.id);
      if (at === undefined || at >= pc || !cfg.dominates(cfg.blockOf(at), cfg.blockOf(pc))) bad.add(x.id);
    } else if (x instanceof Expr)
      x.args.forEach((y, k) => {
        if (!(x.head.name === '=' && k === 0)) checkRead(y, pc);
      });
    else if (x instanceof ReturnNode) checkRead(x.val, pc);
    else if (x instanceof GotoIfNot) checkRead(x.cond, pc);
  };
  code.forEach((st, pc) => checkRead(st, pc));
  const fwd = new Map<number, Value>();
  for (const [id, pc] of stores) {
    if (bad.has(id)) continue;
    const rhs = (code[pc] as Expr).args[1]!;
    // a constant or an SSA value is used directly; anything that is read when evaluated (a call, another slot, a
    // global) is evaluated once, by the store turned into a value statement
    fwd.set(
      id,
      rhs instanceof Expr || rhs instanceof SlotNumber || rhs instanceof GlobalRef ? new SSAValue(pc + 1) : rhs,
    );
  }
  if (!fwd.size) return src;
  const out = new CodeInfo();
  Object.assign(out, src);
  const use = (x: Value): Value => mapOperands(x, v => (v instanceof SlotNumber && fwd.has(v.id) ? fwd.get(v.id)! : v));
  out.code = code.map(st => {
    if (st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber) {
      const rhs = st.args[1]!;
      // the forwarded slot's store becomes the value statement itself; other stores keep their target
      if (fwd.has(st.args[0].id) && fwd.get(st.args[0].id) instanceof SSAValue) return use(rhs);
      return new Expr(st.head, [st.args[0], use(rhs)]);
    }
    return use(st);
  });
  return out;
}
