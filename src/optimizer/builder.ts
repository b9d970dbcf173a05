// Rebuilding a CodeInfo statement by statement, the way every pass rewrites code: lowered code only refers to
// earlier SSA values, so a pass emits statements in order and renumbers each SSA operand as it goes (through its
// own map from old to new values); jump targets, forward or backward, are fixed once the whole body is emitted.
import { Sym, Expr, QuoteNode, GlobalRef, BuiltinFunction, type Value } from '../runtime/values.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode } from '../ir/nodes.ts';
import type { JType } from '../runtime/types.ts';
import { CodeInfo } from '../ir/CodeInfo.ts';
import type { StatementFacts, OptimizationState } from './pass.ts';
import { state as interpState } from '../runtime/modules.ts';

export class Builder {
  code: Value[] = [];
  types: JType[] = [];
  locs: number[] = [];
  /** what inference learned about each emitted statement, when it came from an input statement */
  facts: (StatementFacts | undefined)[] = [];
  /** statements whose jump targets are already in the new numbering */
  readonly finalLabels = new Set<number>();
  push(st: Value, t: JType, loc: number, facts?: StatementFacts): SSAValue {
    this.code.push(st);
    this.types.push(t);
    this.locs.push(loc);
    this.facts.push(facts);
    return new SSAValue(this.code.length);
  }
  /** forgets the statements from index `start` on */
  truncate(start: number): void {
    this.code.length = this.types.length = this.locs.length = this.facts.length = start;
    for (const k of [...this.finalLabels]) if (k >= start) this.finalLabels.delete(k);
  }
}

/** One pass over a body of n statements, emitting into a Builder: the old-to-new maps of labels and SSA values
 *  every pass keeps. `at(pc)` marks where input statement pc starts in the new code; `finish()` renumbers the
 *  jump targets once the whole body is emitted. */
export class Rewrite {
  readonly b = new Builder();
  /** the new operand for each old SSA value (1-based) */
  readonly ssaMap: Value[];
  readonly #labelMap: number[];
  readonly #n: number;
  constructor(n: number) {
    this.#n = n;
    this.#labelMap = new Array<number>(n + 2);
    this.ssaMap = new Array<Value>(n + 1);
  }
  /** an operand (or statement) with its SSA values renumbered */
  readonly remap = (x: Value): Value => mapOperands(x, v => (v instanceof SSAValue ? this.ssaMap[v.id]! : v));
  at(pc: number): void {
    this.#labelMap[pc + 1] = this.b.code.length + 1;
  }
  finish(): void {
    this.#labelMap[this.#n + 1] = this.b.code.length + 1;
    fixLabels(this.b.code, this.#labelMap, this.b.finalLabels);
  }
}

/** A pass that replaces some call statements: `replace` emits the replacement of the call of statement pc (its
 *  operands already renumbered) and returns the operand for its value, or undefined to keep the statement. Other
 *  statements are copied with their facts; a slot assignment keeps its store, of the new value. */
export function replaceCalls(
  state: OptimizationState,
  replace: (b: Builder, call: Expr, facts: StatementFacts, t: JType, loc: number) => Value | undefined,
  slots?: SlotTable,
): OptimizationState {
  const src = state.ci;
  const n = src.code.length;
  const rw = new Rewrite(n);
  const { b, ssaMap, remap } = rw;
  for (let pc = 0; pc < n; pc++) {
    rw.at(pc);
    const st = src.code[pc]!;
    const t = src.ssavaluetypes![pc]!;
    const loc = src.codelocs[pc] ?? 0;
    const f = state.facts[pc];
    const call = callOf(st);
    const res = call && f ? replace(b, remap(call) as Expr, f, t, loc) : undefined;
    if (res !== undefined) {
      ssaMap[pc + 1] = st === call ? res : b.push(new Expr(Sym.of('='), [(st as Expr).args[0]!, res]), t, loc);
      continue;
    }
    ssaMap[pc + 1] = b.push(remap(st), t, loc, f && { split: f.split, spread: f.spread, inlineCode: f.inlineCode });
  }
  rw.finish();
  return { ci: withCode(src, b, slots), facts: b.facts };
}

/** The slots of code being rebuilt; passes that make locals (inlined bodies, split results, scalar fields) add
 *  them here. */
export interface SlotTable {
  names: Sym[];
  flags: number[];
  types: JType[];
}

export function slotTableOf(src: CodeInfo): SlotTable {
  return { names: src.slotnames.slice(), flags: src.slotflags.slice(), types: (src.slottypes ?? []).slice() };
}

/** appends a compiler-made local (`#label<n>`, assigned) of type t */
export function addSlot(slots: SlotTable, label: string, t: JType): SlotNumber {
  slots.names.push(Sym.of(`#${label}${slots.names.length + 1}`));
  slots.flags.push(2);
  slots.types.push(t);
  return new SlotNumber(slots.names.length);
}

export const isBuiltin = (x: Value, name: string): boolean => x instanceof BuiltinFunction && x.name === name;

export function mapOperands(x: Value, f: (v: Value) => Value): Value {
  if (x instanceof Expr)
    return new Expr(
      x.head,
      x.args.map(a => mapOperands(a, f)),
    );
  if (x instanceof GotoIfNot) return new GotoIfNot(mapOperands(x.cond, f), x.dest);
  if (x instanceof ReturnNode) return new ReturnNode(mapOperands(x.val, f));
  if (x instanceof SSAValue || x instanceof SlotNumber) return f(x);
  return x;
}

/** renumbers the jump targets of the emitted code by labelMap (old label -> new), except statements in `skip` */
export function fixLabels(code: Value[], labelMap: number[], skip?: Set<number>): void {
  for (let k = 0; k < code.length; k++) {
    if (skip?.has(k)) continue;
    const st = code[k]!;
    if (st instanceof GotoNode) code[k] = new GotoNode(labelMap[st.label]!);
    else if (st instanceof GotoIfNot) code[k] = new GotoIfNot(st.cond, labelMap[st.dest]!);
    else if (st instanceof Expr && st.head.name === 'enter')
      code[k] = new Expr(st.head, [labelMap[st.args[0] as number]!]);
  }
}

/** a CodeInfo like src with the built statements (and, when given, the slots of `slots`) */
export function withCode(src: CodeInfo, b: Builder, slots?: SlotTable): CodeInfo {
  const ci = new CodeInfo();
  Object.assign(ci, {
    file: src.file,
    name: src.name,
    slotnames: src.slotnames,
    slotflags: src.slotflags,
    nargs: src.nargs,
    isva: src.isva,
    sparam_names: src.sparam_names,
    inlining: src.inlining,
    slottypes: src.slottypes,
    rettype: src.rettype,
  });
  if (src.inlined) ci.inlined = src.inlined;
  ci.code = b.code;
  ci.ssavaluetypes = b.types;
  ci.codelocs = b.locs;
  if (slots) {
    ci.slotnames = slots.names;
    ci.slotflags = slots.flags;
    ci.slottypes = slots.types;
  }
  return ci;
}

/** the statement's call part: `f(args)`, `invoke`, or the right side of a slot assignment */
export function callOf(st: Value): Expr | undefined {
  if (st instanceof Expr && (st.head.name === 'call' || st.head.name === 'invoke')) return st;
  if (st instanceof Expr && st.head.name === '=' && st.args[1] instanceof Expr) return callOf(st.args[1]);
  return undefined;
}

/** An operand that stands for constant `v` (self-evaluating values are used as they are). */
export function constOperand(v: Value): Value {
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (
    v instanceof Sym ||
    v instanceof Expr ||
    v instanceof SSAValue ||
    v instanceof SlotNumber ||
    v instanceof GlobalRef ||
    v instanceof QuoteNode ||
    Array.isArray(v)
  )
    return new QuoteNode(v);
  return v;
}

const builtins = new Map<string, BuiltinFunction>();
/** the Core builtin of that name */
export function builtinNamed(name: string): BuiltinFunction {
  let f = builtins.get(name);
  if (!f) {
    f = interpState.Core!.bindings.get(Sym.of(name))!.get() as BuiltinFunction;
    builtins.set(name, f);
  }
  return f;
}
