// Definite assignment: whether a read of a local may find it unassigned (Julia's UndefVarError for a local).
// Inference merges "not yet assigned" into the other paths' type, so a read after `if c; z = 1; end` has type
// Int64 although it may throw; the optimizer asks here before it calls a body nothrow or inlines it.
import { Expr, type Value } from '../runtime/values.ts';
import { SlotNumber, GotoIfNot, ReturnNode, NewvarNode } from './nodes.ts';
import type { CodeInfo } from './CodeInfo.ts';
import { CFG, enterTarget } from './cfg.ts';

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

/** Whether some statement may read a local before any assignment reaches it. */
export function readsMaybeUnassigned(ci: CodeInfo): boolean {
  let r = answers.get(ci);
  if (r === undefined) answers.set(ci, (r = maybeUnassignedReads(ci.code, ci.nargs).reads.size > 0));
  return r;
}
// per body: an optimized body is asked again at every call site that may inline it
const answers = new WeakMap<CodeInfo, boolean>();

/** the effect of one statement on the set of definitely assigned slots */
function transfer(st: Value, d: Set<number>): void {
  if (st instanceof NewvarNode) d.delete(st.slot.id);
  else if (st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber) d.add(st.args[0].id);
}

/** The reads (`pc:slot`, pc 0-based) that may find their local unassigned, and those locals. A forward analysis
 *  over the blocks of the slots definitely assigned at each block's start (arguments, slots 1..nargs, start
 *  assigned; a NewvarNode unassigns its slot; a catch block starts with what was assigned at its `enter`).
 *  Codegen passes the CFG it built (where calls that never return end their blocks). */
export function maybeUnassignedReads(
  code: readonly Value[],
  nargs: number,
  cfg: CFG = new CFG(code),
): { reads: Set<string>; flagged: Set<number> } {
  const reads = new Set<string>(),
    flagged = new Set<number>();
  if (!cfg.nblocks) return { reads, flagged };
  const entry: (Set<number> | undefined)[] = new Array(cfg.nblocks).fill(undefined);
  entry[0] = new Set(Array.from({ length: nargs }, (_, k) => k + 1));
  // intersects d into block b's entry set; whether that changed it
  const meet = (b: number, d: Set<number>): boolean => {
    const old = entry[b];
    if (!old) {
      entry[b] = new Set(d);
      return true;
    }
    let changed = false;
    for (const id of old)
      if (!d.has(id)) {
        old.delete(id);
        changed = true;
      }
    return changed;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const b of cfg.rpo) {
      if (!entry[b]) continue;
      const d = new Set(entry[b]);
      for (let pc = cfg.first(b); pc <= cfg.last(b); pc++) {
        // a throw inside the try lands in the catch block with what was assigned at its enter
        const h = enterTarget(code[pc]!);
        if (h !== undefined && h - 1 < code.length && meet(cfg.blockOf(h - 1), d)) changed = true;
        transfer(code[pc]!, d);
      }
      for (const s of cfg.succs[b]!) if (meet(s, d)) changed = true;
    }
  }
  for (const b of cfg.rpo) {
    if (!entry[b]) continue;
    const d = new Set(entry[b]);
    for (let pc = cfg.first(b); pc <= cfg.last(b); pc++) {
      forEachSlotRead(code[pc]!, id => {
        if (!d.has(id)) {
          reads.add(`${pc}:${id}`);
          flagged.add(id);
        }
      });
      transfer(code[pc]!, d);
    }
  }
  return { reads, flagged };
}
