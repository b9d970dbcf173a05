// The IR verifier: checks the invariants every consumer of a CodeInfo relies on, so that a pass that breaks one is
// caught where it happened instead of as a wrong answer much later. The optimizer runs it after every pass when
// JOLT_VERIFY_IR=1 (the test suites set it); normal runs skip it.
import { Expr, type Value } from '../runtime/values.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from './nodes.ts';
import { Bottom } from '../runtime/types.ts';
import type { CodeInfo } from './CodeInfo.ts';
import { CFG, enterTarget } from './cfg.ts';
import { printCodeInfo } from './print.ts';

export interface IRProblem {
  /** the statement (0-based), or -1 for the body as a whole */
  pc: number;
  message: string;
}

export interface VerifyOptions {
  /** the code has been through inference: every statement and slot has a type */
  typed?: boolean;
}

/** Everything wrong with the code; empty when it is well formed. */
export function verifyIR(ci: CodeInfo, opts: VerifyOptions = {}): IRProblem[] {
  const problems: IRProblem[] = [];
  const code = ci.code;
  const n = code.length;
  const nslots = ci.slotnames.length;
  const bad = (pc: number, message: string): void => {
    problems.push({ pc, message });
  };
  if (ci.codelocs.length !== n) bad(-1, `${ci.codelocs.length} code locations for ${n} statements`);
  if (ci.slotflags.length !== nslots) bad(-1, `${ci.slotflags.length} slot flags for ${nslots} slots`);
  if (opts.typed) {
    const st = ci.ssavaluetypes,
      sl = ci.slottypes;
    if (!st || st.length !== n) bad(-1, `${st?.length ?? 'no'} statement types for ${n} statements`);
    else st.forEach((t, pc) => t === undefined && bad(pc, 'statement has no type'));
    if (!sl || sl.length !== nslots) bad(-1, `${sl?.length ?? 'no'} slot types for ${nslots} slots`);
    else sl.forEach((t, k) => t === undefined && bad(-1, `slot ${k + 1} has no type`));
  }
  if (!n) return problems;
  // (a call inferred to return Bottom, a throw, ends typed code as well as a return does)
  const last = code[n - 1];
  if (!(last instanceof GotoNode || last instanceof ReturnNode || (opts.typed && ci.ssavaluetypes?.[n - 1] === Bottom)))
    bad(n - 1, 'the last statement can fall off the end of the code');
  const label = (pc: number, what: string, l: unknown): void => {
    if (typeof l !== 'number' || !Number.isInteger(l) || l < 1 || l > n)
      bad(pc, `${what} ${String(l)} is not a statement (1..${n})`);
  };
  code.forEach((st, pc) => {
    if (st instanceof GotoNode) label(pc, 'jump target', st.label);
    else if (st instanceof GotoIfNot) label(pc, 'branch target', st.dest);
    const h = enterTarget(st);
    if (st instanceof Expr && st.head.name === 'enter') label(pc, 'catch label', h);
    if (st instanceof NewvarNode && (st.slot.id < 1 || st.slot.id > nslots)) bad(pc, `no slot ${st.slot.id}`);
  });
  if (problems.some(p => p.pc >= 0)) return problems; // the graph below needs its targets in range
  const cfg = new CFG(code);
  // operands: SSA values defined by an earlier statement whose block dominates this one; slots that exist
  const defines = (pc: number, id: number): boolean => {
    const d = id - 1;
    if (d >= pc) return false;
    const bd = cfg.blockOf(d),
      bu = cfg.blockOf(pc);
    return !cfg.reachable(bu) || cfg.dominates(bd, bu);
  };
  const operand = (pc: number, x: Value): void => {
    if (x instanceof SSAValue) {
      if (x.id < 1 || x.id > n) bad(pc, `SSA value %${x.id} is out of range (1..${n})`);
      else if (!defines(pc, x.id)) bad(pc, `SSA value %${x.id} is used where it is not defined`);
      else {
        const def = code[x.id - 1];
        if (
          def instanceof GotoNode ||
          def instanceof GotoIfNot ||
          def instanceof ReturnNode ||
          def instanceof NewvarNode
        )
          bad(pc, `SSA value %${x.id} names a statement without a value`);
      }
    } else if (x instanceof SlotNumber) {
      if (x.id < 1 || x.id > nslots) bad(pc, `slot ${x.id} does not exist (1..${nslots})`);
    } else if (x instanceof Expr) for (const a of x.args) operand(pc, a);
  };
  code.forEach((st, pc) => {
    if (st instanceof GotoIfNot) operand(pc, st.cond);
    else if (st instanceof ReturnNode) operand(pc, st.val);
    else if (st instanceof NewvarNode) return;
    else operand(pc, st);
  });
  handlers(code, cfg, bad);
  return problems;
}

/** Exception handlers nest: the number of open handlers is the same on every path into a block, `leave` closes
 *  no more than are open, a catch block starts with its enter's handler closed, and `pop_exception` names an
 *  enter. */
function handlers(code: readonly Value[], cfg: CFG, bad: (pc: number, message: string) => void): void {
  const depthIn = new Array<number>(cfg.nblocks).fill(-1);
  depthIn[0] = 0;
  const reach = (b: number, d: number, pc: number, how: string): void => {
    if (depthIn[b] === -1) depthIn[b] = d;
    else if (depthIn[b] !== d)
      bad(pc, `${how} block ${b + 1} with ${d} handlers open, where another path has ${depthIn[b]}`);
  };
  for (const b of cfg.rpo) {
    let d = depthIn[b]!;
    if (d < 0) continue;
    for (let pc = cfg.first(b); pc <= cfg.last(b); pc++) {
      const st = code[pc]!;
      if (!(st instanceof Expr)) continue;
      const h = enterTarget(st);
      if (h !== undefined) {
        reach(cfg.blockOf(h - 1), d, pc, 'a throw reaches catch');
        d++;
      } else if (st.head.name === 'leave') {
        const k = Number(st.args[0] as bigint | number);
        if (!(k >= 0) || k > d) bad(pc, `leave ${String(st.args[0])} with ${d} handlers open`);
        else d -= k;
      } else if (st.head.name === 'pop_exception') {
        const tok = st.args[0];
        if (!(tok instanceof SSAValue && enterTarget(code[tok.id - 1]) !== undefined))
          bad(pc, 'pop_exception does not name an enter');
      }
    }
    for (const s of cfg.succs[b]!) reach(s, d, cfg.last(b), 'jumps to');
  }
}

/** A verification failure: the message names the stage that left the code broken and each bad statement. */
export class IRVerificationError extends Error {
  readonly problems: readonly IRProblem[];
  constructor(what: string, problems: readonly IRProblem[], ci: CodeInfo) {
    let lines: string[] = [];
    try {
      lines = printCodeInfo(ci).split('\n');
    } catch {
      // too broken to print: the problems alone
    }
    const detail = problems.map(p =>
      p.pc < 0 ? `  ${p.message}` : `  statement ${p.pc + 1}: ${p.message}\n      ${lines[p.pc + 1]?.trim() ?? ''}`,
    );
    super(`${what}:\n${detail.join('\n')}${lines.length ? '\n' + lines.join('\n') : ''}`);
    this.name = 'IRVerificationError';
    this.problems = problems;
  }
}
