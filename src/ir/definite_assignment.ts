// Definite assignment: whether a read of a local may find it unassigned (Julia's UndefVarError for a local).
// Inference merges "not yet assigned" into the other paths' type, so a read after `if c; z = 1; end` has type
// Int64 although it may throw; the optimizer asks here before it calls a body nothrow or inlines it.
import { Expr, type Value } from '../runtime/values.ts';
import { SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from './nodes.ts';
import type { CodeInfo } from './CodeInfo.ts';

/** calls f with the id of every slot a statement reads (not the one it assigns; `isdefined` tests are not reads) */
export function forEachSlotRead(stmt: Value, f: (id: number) => void): void {
  const walk = (v: Value): void => {
    if (v instanceof SlotNumber) f(v.id);
    else if (v instanceof Expr && v.head.name !== 'isdefined') v.args.forEach(walk);
  };
  if (stmt instanceof Expr && stmt.head.name === '=' && stmt.args[0] instanceof SlotNumber) walk(stmt.args[1]!);
  else if (stmt instanceof GotoIfNot) walk(stmt.cond);
  else if (stmt instanceof ReturnNode) walk(stmt.val);
  else if (!(stmt instanceof NewvarNode)) walk(stmt);
}

/** Whether some statement may read a local before any assignment reaches it. A forward analysis of the slots
 *  definitely assigned before each statement (arguments, slots 1..nargs, start assigned; a NewvarNode unassigns
 *  its slot; a catch block starts with what its `enter` had). */
export function readsMaybeUnassigned(ci: CodeInfo): boolean {
  let r = answers.get(ci);
  if (r === undefined) answers.set(ci, (r = analyze(ci.code, ci.nargs)));
  return r;
}
// per body: an optimized body is asked again at every call site that may inline it
const answers = new WeakMap<CodeInfo, boolean>();
function analyze(code: readonly Value[], nargs: number): boolean {
  const n = code.length;
  const entry: (Set<number> | undefined)[] = new Array(n).fill(undefined);
  entry[0] = new Set(Array.from({ length: nargs }, (_, k) => k + 1));
  const pending: number[] = [0];
  const meet = (to: number, d: Set<number>): void => {
    if (to >= n) return;
    const old = entry[to];
    if (!old) {
      entry[to] = new Set(d);
      pending.push(to);
      return;
    }
    let changed = false;
    for (const id of old)
      if (!d.has(id)) {
        old.delete(id);
        changed = true;
      }
    if (changed) pending.push(to);
  };
  while (pending.length) {
    const pc = pending.pop()!;
    const st = code[pc]!;
    const d = new Set(entry[pc]!);
    if (st instanceof NewvarNode) d.delete(st.slot.id);
    else if (st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber) d.add(st.args[0].id);
    if (st instanceof GotoNode) meet(st.label - 1, d);
    else if (st instanceof GotoIfNot) {
      meet(pc + 1, d);
      meet(st.dest - 1, d);
    } else if (st instanceof ReturnNode) continue;
    else {
      if (st instanceof Expr && st.head.name === 'enter') meet((st.args[0] as number) - 1, entry[pc]!);
      meet(pc + 1, d);
    }
  }
  for (let pc = 0; pc < n; pc++) {
    const d = entry[pc];
    if (!d) continue;
    let maybe = false;
    forEachSlotRead(code[pc]!, id => {
      if (!d.has(id)) maybe = true;
    });
    if (maybe) return true;
  }
  return false;
}
