// The optimizer on typed IR: removes unreachable code, folds statements inference proved constant, inlines small
// straight-line callees, and deletes dead pure statements. It also derives the code's effects (can it throw? does
// it have side effects?) which callers use to decide folding, inlining and deletion.
//
// Statements are rebuilt in one forward pass per transformation: lowered code only refers to earlier SSA values,
// so every SSA operand can be renumbered as it is emitted; jump targets (forward or backward) are fixed at the end.
import {
  T,
  Sym,
  Expr,
  QuoteNode,
  GlobalRef,
  BuiltinFunction,
  JObj,
  JChar,
  Bits,
  type Value,
} from '../runtime/values.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from '../ir/nodes.ts';
import { DataType, UnionType, TypeVar, Bottom, type JType } from '../runtime/types.ts';
import { tupleType } from '../runtime/apply_type.ts';
import { MethodInstance, CodeInstance } from '../runtime/methods.ts';
import { CodeInfo } from '../ir/CodeInfo.ts';
import { issubtype } from '../runtime/subtype.ts';
import { readsMaybeUnassigned } from '../ir/definite_assignment.ts';
import { lookupBinding, state as interpState } from '../runtime/modules.ts';
import { pureForeign } from '../runtime/foreign.ts';
import { Const, widenconst, lessequal, type Lattice } from '../inference/lattice.ts';
import type { UnionSplit } from '../inference/typeinfer.ts';
import { builtinNothrow, isPureBuiltin, builtinTfunc } from '../inference/tfuncs.ts';

/** callees with at most this many statements are inlined (`@inline` raises it, `@noinline` forbids) */
export const INLINE_MAX_STATEMENTS = 24;
const INLINE_MAX_FORCED = 60;

export interface OptimizeInput {
  src: CodeInfo; // typed, unoptimized
  consts: (Value | undefined)[]; // per statement: the constant inference proved it returns, if any
  foldable: boolean[]; // per statement: inference proved the call free of throws and effects
  splits: (UnionSplit | undefined)[]; // per statement: a dynamic call that may branch on one argument's type
  inlineCode: (CodeInfo | undefined)[]; // per statement: the callee's code specialized for the call's constants
  reachable: boolean[];
  mi: MethodInstance;
  /** the callee's current CodeInstance, when it has one (committed before this caller) */
  calleeCode: (mi: MethodInstance) => CodeInstance | undefined;
}
export interface OptimizeResult {
  code: CodeInfo;
  nothrow: boolean;
  effectFree: boolean;
}

export const optimizerSettings = { enabled: true };

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

class Builder {
  code: Value[] = [];
  types: JType[] = [];
  locs: number[] = [];
  /** statements whose jump targets are already in the new numbering */
  readonly finalLabels = new Set<number>();
  push(st: Value, t: JType, loc: number): SSAValue {
    this.code.push(st);
    this.types.push(t);
    this.locs.push(loc);
    return new SSAValue(this.code.length);
  }
}

const isBuiltin = (x: Value, name: string): boolean => x instanceof BuiltinFunction && x.name === name;

function mapOperands(x: Value, f: (v: Value) => Value): Value {
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

function fixLabels(code: Value[], labelMap: number[], skip?: Set<number>): void {
  for (let k = 0; k < code.length; k++) {
    if (skip?.has(k)) continue;
    const st = code[k]!;
    if (st instanceof GotoNode) code[k] = new GotoNode(labelMap[st.label]!);
    else if (st instanceof GotoIfNot) code[k] = new GotoIfNot(st.cond, labelMap[st.dest]!);
    else if (st instanceof Expr && st.head.name === 'enter')
      code[k] = new Expr(st.head, [labelMap[st.args[0] as number]!]);
  }
}

function withCode(src: CodeInfo, b: Builder): CodeInfo {
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
  ci.code = b.code;
  ci.ssavaluetypes = b.types;
  ci.codelocs = b.locs;
  return ci;
}

/** the statement's call part: `f(args)`, `invoke`, or the right side of a slot assignment */
function callOf(st: Value): Expr | undefined {
  if (st instanceof Expr && (st.head.name === 'call' || st.head.name === 'invoke')) return st;
  if (st instanceof Expr && st.head.name === '=' && st.args[1] instanceof Expr) return callOf(st.args[1]);
  return undefined;
}

// ------------------------------------------------------------------ effects

function operandLattice(ci: CodeInfo, x: Value): Lattice {
  if (x instanceof SSAValue) return ci.ssavaluetypes![x.id - 1]!;
  if (x instanceof SlotNumber) return ci.slottypes![x.id - 1]!;
  if (x instanceof QuoteNode) return new Const(x.value);
  if (x instanceof GlobalRef) {
    const b = lookupBinding(x.mod, x.name);
    const v = b?.get();
    return b?.constant && v !== undefined ? new Const(v) : T.Any!;
  }
  if (x instanceof Expr) return T.Any!;
  return new Const(x);
}

interface Effects {
  nothrow: boolean;
  effectFree: boolean;
}

function statementEffects(ci: CodeInfo, st: Value, calleeCode: OptimizeInput['calleeCode']): Effects {
  if (st instanceof GotoNode || st instanceof NewvarNode) return { nothrow: true, effectFree: true };
  if (st instanceof ReturnNode) return { nothrow: true, effectFree: true };
  if (st instanceof GotoIfNot) {
    const c = operandLattice(ci, st.cond);
    return { nothrow: c === T.Bool || (c instanceof Const && typeof c.val === 'boolean'), effectFree: true };
  }
  if (st instanceof SlotNumber) return { nothrow: (ci.slottypes?.[st.id - 1] ?? Bottom) !== Bottom, effectFree: true };
  if (st instanceof GlobalRef) {
    const l = operandLattice(ci, st);
    return { nothrow: l instanceof Const, effectFree: true };
  }
  if (!(st instanceof Expr)) return { nothrow: true, effectFree: true };
  const a = st.args;
  switch (st.head.name) {
    case '=': {
      const rhs = statementEffects(ci, a[1]!, calleeCode);
      return a[0] instanceof SlotNumber ? rhs : { nothrow: false, effectFree: false };
    }
    case 'call': {
      const f = operandLattice(ci, a[0]!);
      if (f instanceof Const && f.val instanceof BuiltinFunction) {
        const args = a.slice(1).map(x => operandLattice(ci, x));
        return { nothrow: builtinNothrow(f.val, args), effectFree: isPureBuiltin(f.val) || f.val.name === 'getfield' };
      }
      return { nothrow: false, effectFree: false };
    }
    case 'invoke': {
      const cci = calleeCode(a[0] as MethodInstance);
      return { nothrow: cci?.nothrow ?? false, effectFree: cci?.effect_free ?? false };
    }
    case 'new': {
      const t = operandLattice(ci, a[0]!);
      if (!(t instanceof Const) || !(t.val instanceof DataType)) return { nothrow: false, effectFree: true };
      const dt = t.val;
      const ok = a.slice(1).every((x, k) => {
        const ft = dt.types[k];
        const l = operandLattice(ci, x);
        return ft !== undefined && issubtype(l instanceof Const ? ((l.val as JObj).jtype ?? ft) : (l as JType), ft);
      });
      return { nothrow: ok && a.length - 1 === dt.types.length, effectFree: true };
    }
    case 'static_parameter':
      return { nothrow: true, effectFree: true };
    case 'foreigncall': {
      const pure = a[0] instanceof Sym && pureForeign.has(a[0].name);
      return { nothrow: pure, effectFree: pure };
    }
    case 'meta':
    case 'inbounds':
    case 'loopinfo':
    case 'boundscheck':
      return { nothrow: true, effectFree: true };
    default:
      return { nothrow: false, effectFree: false };
  }
}

// ------------------------------------------------------------------ passes

export function optimize(input: OptimizeInput): OptimizeResult {
  let ci = forwardSlots(input.src);
  ci = forwardSlots(foldAndInline(input, ci)); // inlined bodies bring slots of their own
  ci = splitSlots(ci);
  ci = splitMutables(ci);
  for (let k = 0; k < 3; k++) {
    const next = deadCode(ci, input.calleeCode);
    if (next.code.length === ci.code.length) break;
    ci = next;
  }
  let nothrow = true,
    effectFree = true;
  for (const st of ci.code) {
    const e = statementEffects(ci, st, input.calleeCode);
    nothrow &&= e.nothrow;
    effectFree &&= e.effectFree;
  }
  // a local read before it may have been assigned throws UndefVarError (inference types it as if assigned)
  if (readsMaybeUnassigned(ci)) nothrow = effectFree = false;
  return { code: ci, nothrow, effectFree };
}

/** the zero of a bits type (Int64, Float64, Bool, the other integer widths, Char, Float32) */
function zeroOf(t: JType): Value | undefined {
  if (t === T.Int64) return 0n;
  if (t === T.Float64) return 0;
  if (t === T.Bool) return false;
  if (t === T.Char) return JChar.of(0);
  if (t === T.Float32) return new Bits(T.Float32, 0);
  if (
    t instanceof DataType &&
    t.isprimitive &&
    /^U?Int(8|16|32|64)$/.test(t.name.name.name) &&
    T[t.name.name.name] === t
  )
    return new Bits(t, 0n);
  return undefined;
}

/** Scalar replacement of slots: a local holding a tuple of known length, or `nothing` or such a tuple (the state
 *  of a `for` loop), becomes one local per field, plus a Bool local "is nothing" for the Union. That applies when
 *  the local is only stored to (from `nothing`, a constant tuple, a `tuple(...)` call, or another such local) and
 *  only read by `=== nothing` tests, constant-index `getfield`s and copies into another such local. */
function splitSlots(src: CodeInfo): CodeInfo {
  const code = src.code,
    types = src.slottypes ?? [];
  const nothing = T.Nothing!.instance!;
  interface Shape {
    fields: JType[];
    nullable: boolean;
    struct?: DataType;
  }
  const shapeOf = (t: JType | undefined): Shape | undefined => {
    // an immutable struct whose fields are all known: split like a tuple (fields by name or index)
    if (
      t instanceof DataType &&
      t.name !== T.Tuple!.name &&
      !t.ismutable &&
      !t.isabstract &&
      !t.hasfreetypevars &&
      t.name.names.length > 0 &&
      t.name.names.length <= 8 &&
      t.types.length === t.name.names.length &&
      t.types.every(p => p instanceof DataType)
    )
      return { fields: t.types, nullable: false, struct: t };
    const tup = (x: JType): JType[] | undefined =>
      x instanceof DataType &&
      x.name === T.Tuple!.name &&
      x.parameters.length > 0 &&
      x.parameters.length <= 8 &&
      x.parameters.every(p => p instanceof DataType)
        ? (x.parameters as JType[])
        : undefined;
    if (!t) return undefined;
    const f = tup(t);
    if (f) return { fields: f, nullable: false };
    if (t instanceof UnionType && t.types.length === 2 && t.types.includes(T.Nothing!)) {
      const g = tup(t.types.find(x => x !== T.Nothing)!);
      if (g) return { fields: g, nullable: true };
    }
    return undefined;
  };
  const shapes = new Map<number, Shape>();
  for (let id = src.nargs + 1; id <= src.slotnames.length; id++) {
    const sh = shapeOf(types[id - 1]);
    if (sh) shapes.set(id, sh);
  }
  if (!shapes.size) return src;
  const same = (a: Shape, b: Shape): boolean =>
    a.struct === b.struct &&
    a.nullable === b.nullable &&
    a.fields.length === b.fields.length &&
    a.fields.every((f, k) => f === b.fields[k]);
  // a field named by a constant: a 1-based index, or (for a struct) a field name
  const fieldNo = (sh: Shape, x: Value): number | undefined => {
    const v = x instanceof QuoteNode ? x.value : x;
    if (typeof v === 'bigint') return Number(v);
    if (sh.struct && v instanceof Sym) {
      const k = sh.struct.name.names.indexOf(v);
      return k >= 0 ? k + 1 : undefined;
    }
    return undefined;
  };
  const newCall = (x: Value, sh: Shape): Value[] | undefined => {
    if (!sh.struct || !(x instanceof Expr) || x.head.name !== 'new' || x.args.length - 1 !== sh.fields.length)
      return undefined;
    const t = x.args[0]!;
    const tv = t instanceof QuoteNode ? t.value : t instanceof GlobalRef ? lookupBinding(t.mod, t.name)?.get() : t;
    return tv === sh.struct ? x.args.slice(1) : undefined;
  };
  const isNothing = (x: Value): boolean =>
    x === nothing || (x instanceof GlobalRef && lookupBinding(x.mod, x.name)?.get() === nothing);
  const slotOf = (x: Value): number | undefined => (x instanceof SlotNumber && shapes.has(x.id) ? x.id : undefined);
  const tupleCall = (x: Value): Expr | undefined =>
    x instanceof Expr && x.head.name === 'call' && isBuiltin(x.args[0]!, 'tuple') ? x : undefined;
  const bad = new Set<number>();
  // SSA uses, to see which producers are used only by the store that follows them
  const uses = new Array<number>(code.length + 1).fill(0);
  const countUses = (x: Value): void => {
    if (x instanceof SSAValue) uses[x.id]!++;
    else if (x instanceof Expr) x.args.forEach(countUses);
    else if (x instanceof GotoIfNot) countUses(x.cond);
    else if (x instanceof ReturnNode) countUses(x.val);
  };
  code.forEach(countUses);
  // what a store's right side is, in component terms
  const source = (
    rhs: Value,
    pc: number,
    sh: Shape,
  ): 'nothing' | { slot: number } | { parts: Value[] } | { whole: Value } | undefined => {
    if (isNothing(rhs)) return sh.nullable ? 'nothing' : undefined;
    if (!sh.struct && rhs instanceof QuoteNode && Array.isArray(rhs.value) && rhs.value.length === sh.fields.length)
      return { parts: rhs.value.map(constOperand) };
    const u = slotOf(rhs);
    if (u !== undefined) return same(shapes.get(u)!, sh) ? { slot: u } : undefined;
    if (rhs instanceof SSAValue && uses[rhs.id] === 1) {
      const def = code[rhs.id - 1]!;
      const tc = sh.struct ? undefined : tupleCall(def);
      if (tc && tc.args.length - 1 === sh.fields.length && tc.args.slice(1).every(a => !(a instanceof SlotNumber)))
        return { parts: tc.args.slice(1) };
      const nc = newCall(def, sh);
      if (nc && nc.every(a => !(a instanceof SlotNumber))) return { parts: nc };
      const r = slotOf(def);
      if (r !== undefined && rhs.id === pc && same(shapes.get(r)!, sh)) return { slot: r }; // read just before the store
    }
    // any other value of exactly this (non-nullable) type: its fields are read at the store
    if (
      !sh.nullable &&
      (rhs instanceof SSAValue || (rhs instanceof SlotNumber && !shapes.has(rhs.id))) &&
      staticTypeOf(rhs) === (sh.struct ?? tupleTypeOf(sh))
    )
      return { whole: rhs };
    return undefined;
  };
  const staticTypeOf = (x: Value): JType | undefined =>
    x instanceof SSAValue ? src.ssavaluetypes![x.id - 1] : x instanceof SlotNumber ? types[x.id - 1] : undefined;
  const tupleTypeOf = (sh: Shape): JType => tupleType(sh.fields);
  // check every appearance of each candidate
  const visit = (x: Value, pc: number, ctx: 'stmt' | 'operand'): void => {
    if (x instanceof SlotNumber) {
      if (shapes.has(x.id)) bad.add(x.id);
      return;
    }
    if (x instanceof Expr) x.args.forEach(a => visit(a, pc, 'operand'));
    else if (x instanceof GotoIfNot) visit(x.cond, pc, 'operand');
    else if (x instanceof ReturnNode) visit(x.val, pc, 'operand');
    void ctx;
  };
  code.forEach((st, pc) => {
    if (st instanceof NewvarNode) return;
    if (st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber && shapes.has(st.args[0].id)) {
      const id = st.args[0].id;
      if (uses[pc + 1]) bad.add(id);
      const src2 = source(st.args[1]!, pc, shapes.get(id)!);
      if (!src2) {
        bad.add(id);
        visit(st.args[1]!, pc, 'operand');
      }
      return;
    }
    if (st instanceof Expr && st.head.name === 'call') {
      const a = st.args;
      if (isBuiltin(a[0]!, '===') && a.length === 3) {
        const s1 = slotOf(a[1]!),
          s2 = slotOf(a[2]!);
        if (s1 !== undefined && isNothing(a[2]!) && shapes.get(s1)!.nullable) return;
        if (s2 !== undefined && isNothing(a[1]!) && shapes.get(s2)!.nullable) return;
      }
      if (isBuiltin(a[0]!, 'getfield') && a.length === 3 && slotOf(a[1]!) !== undefined) {
        const sh = shapes.get(slotOf(a[1]!)!)!;
        const i = fieldNo(sh, a[2]!);
        if (i !== undefined && i >= 1 && i <= sh.fields.length) return;
      }
    }
    // a read of a candidate whose only use is the store right after it (checked by that store)
    const r = slotOf(st);
    if (r !== undefined) {
      const next = code[pc + 1];
      if (
        uses[pc + 1] === 1 &&
        next instanceof Expr &&
        next.head.name === '=' &&
        next.args[1] instanceof SSAValue &&
        next.args[1].id === pc + 1 &&
        slotOf(next.args[0]!) !== undefined
      )
        return;
      bad.add(r);
      return;
    }
    visit(st, pc, 'stmt');
  });
  for (const id of bad) shapes.delete(id);
  // a store whose source slot is not split cannot be split either (repeat until stable)
  for (let changed = true; changed;) {
    changed = false;
    code.forEach((st, pc) => {
      if (!(
        st instanceof Expr &&
        st.head.name === '=' &&
        st.args[0] instanceof SlotNumber &&
        shapes.has(st.args[0].id)
      ))
        return;
      const src2 = source(st.args[1]!, pc, shapes.get(st.args[0].id)!);
      if (src2 && src2 !== 'nothing' && 'slot' in src2 && !shapes.has(src2.slot)) {
        shapes.delete(st.args[0].id);
        changed = true;
      }
      if (!src2) {
        shapes.delete(st.args[0].id);
        changed = true;
      }
    });
    for (const [id] of shapes) {
      // reads feeding a store into a slot that is no longer split
      code.forEach((st, pc) => {
        if (slotOf(st) === id) {
          const next = code[pc + 1] as Expr;
          if (!shapes.has((next.args[0] as SlotNumber).id)) {
            shapes.delete(id);
            changed = true;
          }
        }
      });
    }
  }
  if (!shapes.size) return src;
  // new slots
  const names = src.slotnames.slice(),
    flags = src.slotflags.slice(),
    stypes = types.slice();
  const parts = new Map<number, { nil?: SlotNumber; fields: SlotNumber[] }>();
  const add = (label: string, t: JType): SlotNumber => {
    names.push(Sym.of(`#${label}${names.length + 1}`));
    flags.push(2);
    stypes.push(t);
    return new SlotNumber(names.length);
  };
  for (const [id, sh] of shapes)
    parts.set(id, { nil: sh.nullable ? add('nil', T.Bool!) : undefined, fields: sh.fields.map(f => add('fld', f)) });
  const b = new Builder();
  const n = code.length;
  const labelMap: number[] = new Array(n + 2);
  const ssaMap: Value[] = new Array(n + 1);
  const remap = (x: Value): Value => mapOperands(x, v => (v instanceof SSAValue ? ssaMap[v.id]! : v));
  const set = (slot: SlotNumber, v: Value, loc: number): void => {
    b.push(new Expr(Sym.of('='), [slot, v]), stypes[slot.id - 1]!, loc);
  };
  // the field locals start with a zero of their type: a copy from a local that holds `nothing` copies them
  // unset (jumps to the first statement land after this). A field of another type starts as `nothing`, which
  // compiled code keeps as a null reference for a type it holds as a WasmGC vector.
  for (const p of parts.values()) for (const f of p.fields) set(f, zeroOf(stypes[f.id - 1]!) ?? nothing, 0);
  for (let pc = 0; pc < n; pc++) {
    labelMap[pc + 1] = b.code.length + 1;
    const st = code[pc]!;
    const loc = src.codelocs[pc] ?? 0;
    const t = src.ssavaluetypes![pc]!;
    if (st instanceof NewvarNode && shapes.has(st.slot.id)) continue;
    if (st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber && shapes.has(st.args[0].id)) {
      const dst = parts.get(st.args[0].id)!;
      const from = source(st.args[1]!, pc, shapes.get(st.args[0].id)!)!;
      if (from === 'nothing') {
        set(dst.nil!, true, loc);
        continue;
      }
      if ('whole' in from) {
        const whole = remap(from.whole),
          getf = builtinNamed('getfield');
        const reads = dst.fields.map((f, k) =>
          b.push(new Expr(Sym.of('call'), [getf, whole, BigInt(k + 1)]), stypes[f.id - 1]!, loc),
        );
        dst.fields.forEach((f, k) => set(f, reads[k]!, loc));
        continue;
      }
      if (dst.nil) set(dst.nil, 'slot' in from ? (parts.get(from.slot)!.nil ?? false) : false, loc);
      dst.fields.forEach((f, k) =>
        set(f, 'slot' in from ? parts.get(from.slot)!.fields[k]! : remap(from.parts[k]!), loc),
      );
      continue;
    }
    const r = slotOf(st);
    if (r !== undefined && shapes.has(r)) continue; // a read consumed by the store after it
    if (st instanceof Expr && st.head.name === 'call') {
      const a = st.args;
      if (isBuiltin(a[0]!, '===') && a.length === 3) {
        const sl = slotOf(a[1]!) ?? slotOf(a[2]!);
        if (sl !== undefined && shapes.has(sl)) {
          ssaMap[pc + 1] = b.push(parts.get(sl)!.nil!, T.Bool!, loc);
          continue;
        }
      }
      if (isBuiltin(a[0]!, 'getfield') && a.length === 3) {
        const sl = slotOf(a[1]!);
        if (sl !== undefined && shapes.has(sl)) {
          ssaMap[pc + 1] = b.push(parts.get(sl)!.fields[fieldNo(shapes.get(sl)!, a[2]!)! - 1]!, t, loc);
          continue;
        }
      }
    }
    ssaMap[pc + 1] = b.push(remap(st), t, loc);
  }
  labelMap[n + 1] = b.code.length + 1;
  fixLabels(b.code, labelMap);
  const out = withCode(src, b);
  out.slotnames = names;
  out.slotflags = flags;
  out.slottypes = stypes;
  return out;
}

/** Scalar replacement of mutable structs that do not escape: `%k = new(T, args...)` whose every use is a
 *  `getfield(%k, f)` or `setfield!(%k, f, v)` with a constant field becomes one local per field (a random number
 *  generator's state in a loop, say). The object is never seen by anything else, so reading and writing locals is
 *  indistinguishable from reading and writing its fields; each execution of the `new` starts the locals afresh. */
function splitMutables(src: CodeInfo): CodeInfo {
  const code = src.code,
    n = code.length;
  const typeOfNew = (st: Value): DataType | undefined => {
    if (!(st instanceof Expr) || st.head.name !== 'new') return undefined;
    const t0 = st.args[0]!;
    const t = t0 instanceof QuoteNode ? t0.value : t0 instanceof GlobalRef ? lookupBinding(t0.mod, t0.name)?.get() : t0;
    if (!(t instanceof DataType) || !t.ismutable || t.isabstract || t.hasfreetypevars) return undefined;
    const nf = t.name.names.length;
    if (
      nf === 0 ||
      nf > 8 ||
      t.types.length !== nf ||
      st.args.length - 1 !== nf ||
      !t.types.every(f => f instanceof DataType)
    )
      return undefined;
    return t;
  };
  const cands = new Map<number, DataType>(); // SSA id of the `new` -> its type
  code.forEach((st, pc) => {
    const t = typeOfNew(st);
    if (t) cands.set(pc + 1, t);
  });
  if (!cands.size) return src;
  const fieldOf = (t: DataType, x: Value): number | undefined => {
    const v = x instanceof QuoteNode ? x.value : x;
    if (typeof v === 'bigint') return v >= 1n && v <= BigInt(t.types.length) ? Number(v) - 1 : undefined;
    if (v instanceof Sym) {
      const k = t.name.names.indexOf(v);
      return k >= 0 ? k : undefined;
    }
    return undefined;
  };
  // a statement that is just a candidate (`%j = %k`, left by earlier passes) names the same object
  const alias = new Map<number, number>();
  code.forEach((st, pc) => {
    if (st instanceof SSAValue && (cands.has(st.id) || alias.has(st.id))) alias.set(pc + 1, alias.get(st.id) ?? st.id);
  });
  const rootOf = (x: Value): number | undefined =>
    x instanceof SSAValue ? (cands.has(x.id) ? x.id : alias.get(x.id)) : undefined;
  const isCand = (x: Value): x is SSAValue => {
    const r = rootOf(x);
    return r !== undefined && cands.has(r);
  };
  // every appearance must be an allowed access (and a stored value must already have the field's type)
  const escapes = (x: Value): void => {
    if (isCand(x)) cands.delete(rootOf(x)!);
    else if (x instanceof Expr) x.args.forEach(escapes);
    else if (x instanceof GotoIfNot) escapes(x.cond);
    else if (x instanceof ReturnNode) escapes(x.val);
  };
  const access = (st: Value): { obj: SSAValue; k: number; value?: Value } | undefined => {
    if (!(st instanceof Expr) || st.head.name !== 'call') return undefined;
    const a = st.args;
    if (!isCand(a[1]!)) return undefined;
    const root = rootOf(a[1])!;
    const t = cands.get(root)!;
    const k = fieldOf(t, a[2]!);
    if (k === undefined) return undefined;
    if (isBuiltin(a[0]!, 'getfield') && a.length === 3) return { obj: new SSAValue(root), k };
    if (isBuiltin(a[0]!, 'setfield!') && a.length === 4) {
      return issubtype(widenconst(operandLattice(src, a[3]!)), t.types[k]!)
        ? { obj: new SSAValue(root), k, value: a[3]! }
        : undefined;
    }
    return undefined;
  };
  code.forEach((st, pc) => {
    if (alias.has(pc + 1)) return;
    const acc = access(st);
    if (!acc) {
      escapes(st);
      return;
    }
    if (acc.value !== undefined) escapes(acc.value);
  });
  if (!cands.size) return src;
  const names = src.slotnames.slice(),
    flags = src.slotflags.slice(),
    stypes = (src.slottypes ?? []).slice();
  const fieldSlots = new Map<number, SlotNumber[]>();
  for (const [id, t] of cands)
    fieldSlots.set(
      id,
      t.types.map(ft => {
        names.push(Sym.of(`#fld${names.length + 1}`));
        flags.push(2);
        stypes.push(ft);
        return new SlotNumber(names.length);
      }),
    );
  const b = new Builder();
  const labelMap: number[] = new Array(n + 2);
  const ssaMap: Value[] = new Array(n + 1);
  const remap = (x: Value): Value => mapOperands(x, v => (v instanceof SSAValue ? ssaMap[v.id]! : v));
  for (let pc = 0; pc < n; pc++) {
    labelMap[pc + 1] = b.code.length + 1;
    const st = code[pc]!,
      loc = src.codelocs[pc] ?? 0,
      t = src.ssavaluetypes![pc]!;
    const slots = fieldSlots.get(pc + 1);
    if (slots) {
      slots.forEach((f, k) =>
        b.push(new Expr(Sym.of('='), [f, remap((st as Expr).args[k + 1]!)]), stypes[f.id - 1]!, loc),
      );
      ssaMap[pc + 1] = new SSAValue(0); // never used: every use is rewritten below
      continue;
    }
    if (alias.has(pc + 1) && fieldSlots.has(alias.get(pc + 1)!)) {
      ssaMap[pc + 1] = new SSAValue(0);
      continue;
    }
    const acc = access(st);
    if (acc) {
      const f = fieldSlots.get(acc.obj.id)![acc.k]!;
      if (acc.value === undefined) ssaMap[pc + 1] = b.push(f, t, loc);
      else {
        const v = remap(acc.value);
        b.push(new Expr(Sym.of('='), [f, v]), t, loc);
        ssaMap[pc + 1] = v;
      }
      continue;
    }
    ssaMap[pc + 1] = b.push(remap(st), t, loc);
  }
  labelMap[n + 1] = b.code.length + 1;
  fixLabels(b.code, labelMap);
  const out = withCode(src, b);
  out.slotnames = names;
  out.slotflags = flags;
  out.slottypes = stypes;
  return out;
}

/** Basic blocks and their dominators (iterative data flow; method bodies are small). `blockOf[pc]` is the block of
 *  statement pc (0-based); `dominates(a, b)` tells whether every path from the entry to block b passes block a. */
function dominators(code: Value[]): { blockOf: number[]; dominates: (a: number, b: number) => boolean } {
  const n = code.length;
  const starts = new Set<number>([0]);
  code.forEach((st, pc) => {
    if (st instanceof GotoNode) {
      starts.add(st.label - 1);
      starts.add(pc + 1);
    } else if (st instanceof GotoIfNot) {
      starts.add(st.dest - 1);
      starts.add(pc + 1);
    } else if (st instanceof ReturnNode) starts.add(pc + 1);
  });
  const firsts = [...starts].filter(x => x < n).sort((a, b) => a - b);
  const blockOf: number[] = new Array(n);
  firsts.forEach((f, b) => {
    const e = firsts[b + 1] ?? n;
    for (let pc = f; pc < e; pc++) blockOf[pc] = b;
  });
  const nb = firsts.length;
  const preds: number[][] = Array.from({ length: nb }, () => []);
  firsts.forEach((f, b) => {
    const lastPc = (firsts[b + 1] ?? n) - 1;
    const st = code[lastPc]!;
    const add = (to: number) => {
      if (to < n) preds[blockOf[to]!]!.push(b);
    };
    if (st instanceof GotoNode) add(st.label - 1);
    else if (st instanceof GotoIfNot) {
      add(st.dest - 1);
      add(lastPc + 1);
    } else if (!(st instanceof ReturnNode)) add(lastPc + 1);
    void f;
  });
  // dom[b] = set of blocks dominating b
  const all = new Set(Array.from({ length: nb }, (_, k) => k));
  const dom: Set<number>[] = Array.from({ length: nb }, (_, k) => (k === 0 ? new Set([0]) : new Set(all)));
  for (let changed = true; changed;) {
    changed = false;
    for (let b = 1; b < nb; b++) {
      const ps = preds[b]!;
      let next: Set<number>;
      if (ps.length === 0)
        next = new Set([b]); // unreachable: dominated by itself only
      else {
        next = new Set(dom[ps[0]!]!);
        for (const p of ps.slice(1)) for (const x of next) if (!dom[p]!.has(x)) next.delete(x);
        next.add(b);
      }
      if (next.size !== dom[b]!.size) {
        dom[b] = next;
        changed = true;
      }
    }
  }
  return { blockOf, dominates: (a, b) => dom[b]!.has(a) };
}

/** Pass 0: a local stored exactly once, where that store dominates (and precedes) every read, is just a name for
 *  the stored value: the store becomes an SSA statement and the reads use it (the slot then dies). */
function forwardSlots(src: CodeInfo): CodeInfo {
  const code = src.code;
  if (code.some(st => st instanceof Expr && st.head.name === 'enter')) return src; // no exception edges in the CFG
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
  const { blockOf, dominates } = dominators(code);
  const checkRead = (x: Value, pc: number): void => {
    if (x instanceof SlotNumber) {
      const at = stores.get(x.id);
      if (at === undefined || at >= pc || !dominates(blockOf[at]!, blockOf[pc]!)) bad.add(x.id);
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

/** Pass 1: drop unreachable statements, fold constant conditions and constant calls, inline small callees. */
function foldAndInline(input: OptimizeInput, src: CodeInfo): CodeInfo {
  const b = new Builder();
  const n = src.code.length;
  const labelMap: number[] = new Array(n + 2);
  const ssaMap: Value[] = new Array(n + 1);
  const remap = (x: Value): Value => mapOperands(x, v => (v instanceof SSAValue ? ssaMap[v.id]! : v));
  const slots: SlotTable = {
    names: src.slotnames.slice(),
    flags: src.slotflags.slice(),
    types: (src.slottypes ?? []).slice(),
  };
  const nested = (mi: MethodInstance, depth: number): CodeInfo | undefined =>
    depth <= 3 ? inlineable(mi, input) : undefined;
  /** an invoke's callee emitted in place (`fargs`: the function and the arguments), or undefined when it is not */
  const inlineInvoke = (mi: MethodInstance, fargs: Value[], loc: number, specialized?: CodeInfo): Value | undefined => {
    const cc = inlineable(mi, input, specialized);
    return cc && emitInlined(b, cc, fargs, mi.sparamVals, loc, slots, input.calleeCode, nested);
  };
  for (let pc = 0; pc < n; pc++) {
    labelMap[pc + 1] = b.code.length + 1;
    if (!input.reachable[pc]) {
      ssaMap[pc + 1] = new SSAValue(pc + 1);
      continue;
    }
    const st = src.code[pc]!;
    const t = src.ssavaluetypes![pc]!;
    const loc = src.codelocs[pc] ?? 0;
    if (st instanceof GotoIfNot) {
      const c =
        st.cond instanceof SSAValue ? input.consts[st.cond.id - 1] : typeof st.cond === 'boolean' ? st.cond : undefined;
      // a branch to code inference never reached is never taken (a jump left there would land on whatever
      // statement follows the deleted code)
      if (c === true || !input.reachable[st.dest - 1]) continue;
      if (c === false || !input.reachable[pc + 1]) {
        b.push(new GotoNode(st.dest), Bottom, loc);
        continue;
      }
    }
    const call = callOf(st);
    const k = input.consts[pc];
    if (call && k !== undefined && (input.foldable[pc] || foldable(src, call, input.calleeCode))) {
      const v = constOperand(k);
      if (st === call) {
        ssaMap[pc + 1] = v;
        continue;
      }
      // a slot assignment keeps the store, with the constant
      ssaMap[pc + 1] = v;
      b.push(new Expr(Sym.of('='), [(st as Expr).args[0]!, v]), t, loc);
      continue;
    }
    const split = input.splits[pc];
    if (call && split && call.head.name === 'call') {
      const res = emitSplit(b, remap(call.args[0]!), split, call.args.slice(1).map(remap), loc, slots, t, (mi, fargs) =>
        inlineInvoke(mi, fargs, loc),
      );
      ssaMap[pc + 1] =
        st === call ? b.push(res, t, loc) : b.push(new Expr(Sym.of('='), [(st as Expr).args[0]!, res]), t, loc);
      continue;
    }
    if (call && call.head.name === 'invoke') {
      const mi = call.args[0] as MethodInstance;
      const val = inlineInvoke(
        mi,
        narrowArgs(b, mi, call.args.slice(1).map(remap), slots, loc),
        loc,
        input.inlineCode[pc],
      );
      if (val !== undefined) {
        if (st === call) {
          // a value that is a slot must be read now: the slot may change before the value's uses
          ssaMap[pc + 1] = val instanceof SlotNumber ? b.push(val, t, loc) : val;
        } else {
          ssaMap[pc + 1] = b.push(new Expr(Sym.of('='), [(st as Expr).args[0]!, val]), t, loc);
        }
        continue;
      }
    }
    ssaMap[pc + 1] = b.push(remap(st), t, loc);
  }
  labelMap[n + 1] = b.code.length + 1;
  fixLabels(b.code, labelMap, b.finalLabels);
  const out = withCode(src, b);
  out.slotnames = slots.names;
  out.slotflags = slots.flags;
  out.slottypes = slots.types;
  return out;
}

/** The operands of an invoke to inline, each slot or value whose type is wider than the instance's parameter (one
 *  narrowed by a condition, such as `x !== nothing`) copied into a value of the parameter's type: the inlined body
 *  then sees its argument as typed, as it was inferred. */
function narrowArgs(b: Builder, mi: MethodInstance, args: Value[], slots: SlotTable, loc: number): Value[] {
  const spec = (mi.specTypes as DataType).parameters as JType[];
  return args.map((a, k) => {
    const p = spec[k],
      t = a instanceof SlotNumber ? slots.types[a.id - 1] : a instanceof SSAValue ? b.types[a.id - 1] : undefined;
    return t !== undefined && p instanceof DataType && p !== t && !(p.name === T.Tuple!.name) && issubtype(p, t)
      ? b.push(a, p, loc)
      : a;
  });
}

/** `arrayref(false, a, i)` (or its assignment to a slot) on an Array with Int64 indices */
function inboundsRead(ci: CodeInfo, st: Value): boolean {
  if (st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber)
    return inboundsRead(ci, st.args[1]!);
  if (!(st instanceof Expr && st.head.name === 'call')) return false;
  const f = operandLattice(ci, st.args[0]!),
    flag = operandLattice(ci, st.args[1] ?? 0n);
  if (
    !(f instanceof Const && f.val instanceof BuiltinFunction && f.val.name === 'arrayref') ||
    !(flag instanceof Const && flag.val === false)
  )
    return false;
  const a = widenconst(operandLattice(ci, st.args[2] ?? 0n));
  return (
    a instanceof DataType &&
    a.name === T.Array!.name &&
    st.args.slice(3).every(x => widenconst(operandLattice(ci, x)) === T.Int64)
  );
}

/** Union splitting: `f(x)` with x::Union{A, B} becomes `isa(x, A) ? invoke f(x::A) : invoke f(x::B)`, the result
 *  joined in a new slot. The last member needs no test: inference proved x is one of the members. When a member
 *  has no method, every case is tested and the rest keeps the dynamic call, which throws (its type is Bottom). */
interface SlotTable {
  names: Sym[];
  flags: number[];
  types: JType[];
}

function emitSplit(
  b: Builder,
  f: Value,
  split: UnionSplit,
  args: Value[],
  loc: number,
  slots: SlotTable,
  resultType: JType,
  inline: (mi: MethodInstance, fargs: Value[]) => Value | undefined,
): SlotNumber {
  slots.names.push(Sym.of(`#split${slots.names.length + 1}`));
  slots.flags.push(2);
  slots.types.push(resultType);
  const res = new SlotNumber(slots.names.length);
  const isaFn = builtinNamed('isa');
  const ends: number[] = [];
  const tested = split.fallback ? split.cases.length : split.cases.length - 1;
  split.cases.forEach((c, k) => {
    let test: number | undefined;
    if (k < tested) {
      const cond = b.push(new Expr(Sym.of('call'), [isaFn, args[split.arg - 1]!, c.type]), T.Bool!, loc);
      b.push(new GotoIfNot(cond, 0), Bottom, loc);
      test = b.code.length - 1;
    }
    // the tested argument, as a value of the member's type, so an inlined body sees it so typed
    const narrowed = args.slice();
    narrowed[split.arg - 1] = b.push(args[split.arg - 1]!, c.type, loc);
    const v = inline(c.mi, [f, ...narrowed]);
    // (an inlined result that is a slot is read now, as for any inlined call)
    const r =
      v === undefined
        ? b.push(new Expr(Sym.of('invoke'), [c.mi, f, ...narrowed]), c.rettype, loc)
        : v instanceof SlotNumber
          ? b.push(v, c.rettype, loc)
          : v;
    b.push(new Expr(Sym.of('='), [res, r]), c.rettype, loc);
    if (k < tested) {
      b.push(new GotoNode(0), Bottom, loc);
      ends.push(b.code.length - 1);
    }
    if (test !== undefined) {
      b.code[test] = new GotoIfNot((b.code[test] as GotoIfNot).cond, b.code.length + 1);
      b.finalLabels.add(test);
    }
  });
  if (split.fallback) b.push(new Expr(Sym.of('call'), [f, ...args]), Bottom, loc);
  for (const e of ends) {
    b.code[e] = new GotoNode(b.code.length + 1);
    b.finalLabels.add(e);
  }
  return res;
}

const builtins = new Map<string, BuiltinFunction>();
function builtinNamed(name: string): BuiltinFunction {
  let f = builtins.get(name);
  if (!f) {
    f = interpState.Core!.bindings.get(Sym.of(name))!.get() as BuiltinFunction;
    builtins.set(name, f);
  }
  return f;
}

function foldable(ci: CodeInfo, call: Expr, calleeCode: OptimizeInput['calleeCode']): boolean {
  const e = statementEffects(ci, call, calleeCode);
  if (call.head.name === 'invoke') return e.nothrow && e.effectFree;
  // a pure builtin with a constant result: inference ran it successfully on these very constants
  const f = operandLattice(ci, call.args[0]!);
  return f instanceof Const && f.val instanceof BuiltinFunction && isPureBuiltin(f.val);
}

function inlineable(mi: MethodInstance, input: OptimizeInput, specialized?: CodeInfo): CodeInfo | undefined {
  if (mi === input.mi) return undefined;
  const cc = specialized ?? input.calleeCode(mi)?.inferred;
  if (!cc) return undefined;
  if (cc.inlining === 'noinline') return undefined;
  const limit = cc.inlining === 'inline' ? INLINE_MAX_FORCED : INLINE_MAX_STATEMENTS;
  if (cc.code.length > limit || cc.isva) return undefined;
  // a read that may find a local unassigned throws; inlined, its error would lose the callee's frame
  if (readsMaybeUnassigned(cc)) return undefined;
  // exception handling regions are not inlined
  if (
    cc.code.some(
      st => st instanceof Expr && ['enter', 'leave', 'the_exception', 'pop_exception'].includes(st.head.name),
    )
  )
    return undefined;
  return cc;
}
function usesSlotsBeyond(x: Value, nargs: number): boolean {
  if (x instanceof SlotNumber) return x.id > nargs;
  if (x instanceof Expr) return x.args.some(a => usesSlotsBeyond(a, nargs));
  if (x instanceof ReturnNode) return usesSlotsBeyond(x.val, nargs);
  return false;
}

/** Emits a callee's body in place of a call; returns the operand for its result. Arguments the callee never
 *  stores to are replaced by the call's operands; its other slots become new slots of the caller; each `return`
 *  stores to a result slot and jumps past the body (a single final return just yields its value).
 *  Inlined code must not throw (a stack trace would lose the callee's frame): that is checked here, with the call
 *  site's operands in place (constant arguments often make a callee's builtins safe), and the emission is undone
 *  if it fails. */
function emitInlined(
  b: Builder,
  cc: CodeInfo,
  args: Value[],
  sparams: readonly (JType | Value)[],
  loc: number,
  slots: SlotTable,
  calleeCode: OptimizeInput['calleeCode'],
  nested: (mi: MethodInstance, depth: number) => CodeInfo | undefined,
  depth = 0,
): Value | undefined {
  const start = b.code.length,
    nslots = slots.names.length;
  const undo = (): undefined => {
    b.code.length = b.types.length = b.locs.length = start;
    for (const k of [...b.finalLabels]) if (k >= start) b.finalLabels.delete(k);
    slots.names.length = slots.flags.length = slots.types.length = nslots;
    return undefined;
  };
  const stored = new Set<number>();
  for (const st of cc.code)
    if (st instanceof Expr && st.head.name === '=' && st.args[0] instanceof SlotNumber) stored.add(st.args[0].id);
  // callee slot -> caller operand (unstored arguments) or new caller slot
  const slotMap: Value[] = [];
  const newSlot = (k: number): SlotNumber => {
    slots.names.push(Sym.of(`#inl${slots.names.length + 1}`));
    slots.flags.push(2);
    slots.types.push(cc.slottypes?.[k - 1] ?? T.Any!);
    return new SlotNumber(slots.names.length);
  };
  for (let k = 1; k <= cc.slotnames.length; k++)
    slotMap[k] = k <= cc.nargs && !stored.has(k) ? args[k - 1]! : newSlot(k);
  const returns = cc.code.filter(st => st instanceof ReturnNode).length;
  const simpleReturn = returns === 1 && cc.code[cc.code.length - 1] instanceof ReturnNode;
  const result = simpleReturn ? undefined : newSlot(0);
  if (result) slots.types[result.id - 1] = cc.rettype ?? T.Any!;
  const view = new CodeInfo();
  view.ssavaluetypes = b.types;
  view.slottypes = slots.types;
  const ssa: Value[] = [];
  const subst = (x: Value): Value => {
    if (x instanceof SlotNumber) return slotMap[x.id]!;
    if (x instanceof SSAValue) return ssa[x.id]!;
    if (x instanceof Expr) {
      if (x.head.name === 'static_parameter') {
        const v = sparams[(x.args[0] as number) - 1];
        if (v !== undefined && !(v instanceof TypeVar)) return constOperand(v as Value);
      }
      return new Expr(x.head, x.args.map(subst));
    }
    return x;
  };
  // A statement that may throw is not inlined: its error would be reported at the caller's line. The exception is
  // an element read the callee vouches is in bounds (`arrayref(false, ...)`, as `iterate` on arrays does), where
  // only an #undef element is left to throw.
  const emit = (st: Value, t: JType): SSAValue | undefined => {
    if (!statementEffects(view, st, calleeCode).nothrow && !inboundsRead(view, st)) return undefined;
    return b.push(st, refineType(view, st, t), loc);
  };
  // arguments the callee stores to start as copies of the call's operands
  for (let k = 1; k <= cc.nargs; k++)
    if (stored.has(k))
      b.push(new Expr(Sym.of('='), [slotMap[k]!, args[k - 1]!]), slots.types[(slotMap[k] as SlotNumber).id - 1]!, loc);
  const first: number[] = []; // callee statement (1-based) -> index (0-based) of its first emitted statement
  const jumps: { at: number; to: number }[] = [];
  const exits: number[] = [];
  let value: Value | undefined = result;
  for (let k = 0; k < cc.code.length; k++) {
    first[k + 1] = b.code.length;
    const st = cc.code[k]!;
    if (st instanceof ReturnNode) {
      if (!result) {
        value = subst(st.val);
        continue;
      } // the single, final return
      if (!emit(new Expr(Sym.of('='), [result, subst(st.val)]), cc.rettype ?? T.Any!)) return undo();
      if (k < cc.code.length - 1) {
        b.push(new GotoNode(0), Bottom, loc);
        exits.push(b.code.length - 1);
      }
      continue;
    }
    if (st instanceof GotoNode) {
      b.push(new GotoNode(0), Bottom, loc);
      jumps.push({ at: b.code.length - 1, to: st.label });
      continue;
    }
    if (st instanceof GotoIfNot) {
      const g = new GotoIfNot(subst(st.cond), 0);
      if (!emit(g, Bottom)) return undo();
      jumps.push({ at: b.code.length - 1, to: st.dest });
      continue;
    }
    if (st instanceof NewvarNode) {
      const sl = slotMap[st.slot.id];
      if (sl instanceof SlotNumber) b.push(new NewvarNode(sl), Bottom, loc);
      ssa[k + 1] = new SSAValue(0);
      continue;
    }
    const sst = subst(st);
    // a statement that is just a constant or an earlier value needs no statement of its own
    if (!(sst instanceof Expr || sst instanceof SlotNumber || sst instanceof GlobalRef)) {
      ssa[k + 1] = sst;
      continue;
    }
    // a call in the inlined body, now with the call site's operands, may itself be inlined
    const inner = callOf(sst);
    if (inner && inner.head.name === 'invoke') {
      const icc = nested(inner.args[0] as MethodInstance, depth + 1);
      const v =
        icc &&
        emitInlined(
          b,
          icc,
          inner.args.slice(1),
          (inner.args[0] as MethodInstance).sparamVals,
          loc,
          slots,
          calleeCode,
          nested,
          depth + 1,
        );
      if (v !== undefined) {
        const t = cc.ssavaluetypes![k]!;
        if (sst === inner) ssa[k + 1] = v instanceof SlotNumber ? b.push(v, t, loc) : v;
        else ssa[k + 1] = b.push(new Expr(Sym.of('='), [(sst as Expr).args[0]!, v]), t, loc);
        continue;
      }
    }
    const r = emit(sst, cc.ssavaluetypes![k]!);
    if (!r) return undo();
    ssa[k + 1] = r;
  }
  const end = b.code.length + 1; // 1-based index of the statement after the body
  first[cc.code.length + 1] = end - 1;
  for (const j of jumps) {
    const to = first[j.to]! + 1;
    const st = b.code[j.at]!;
    b.code[j.at] = st instanceof GotoIfNot ? new GotoIfNot(st.cond, to) : new GotoNode(to);
    b.finalLabels.add(j.at);
  }
  for (const e of exits) {
    b.code[e] = new GotoNode(end);
    b.finalLabels.add(e);
  }
  return value;
}

/** Scalar replacement: a field read from an immutable struct or tuple built in this very code is the operand it was
 *  built from (when that operand cannot have changed since: an SSA value, a constant, an argument never stored to).
 *  The allocation then has no use left and the dead-code pass deletes it. */
function forwardField(
  ci: CodeInfo,
  st: Value,
  pc: number,
  stableSlot: (x: Value, from: number, to: number) => boolean,
): Value | undefined {
  if (
    !(st instanceof Expr) ||
    st.head.name !== 'call' ||
    !(st.args[0] instanceof BuiltinFunction) ||
    st.args[0].name !== 'getfield' ||
    st.args.length !== 3
  )
    return undefined;
  const obj = st.args[1],
    fld = operandLattice(ci, st.args[2]!);
  if (!(obj instanceof SSAValue) || !(fld instanceof Const)) return undefined;
  const def = ci.code[obj.id - 1];
  if (!(def instanceof Expr)) return undefined;
  let parts: Value[], dt: DataType | undefined;
  if (def.head.name === 'new') {
    const t = operandLattice(ci, def.args[0]!);
    if (!(t instanceof Const) || !(t.val instanceof DataType) || t.val.ismutable) return undefined;
    dt = t.val;
    parts = def.args.slice(1);
  } else if (def.head.name === 'call' && def.args[0] instanceof BuiltinFunction && def.args[0].name === 'tuple')
    parts = def.args.slice(1);
  else return undefined;
  const i =
    typeof fld.val === 'bigint'
      ? Number(fld.val) - 1
      : dt && fld.val instanceof Sym
        ? dt.name.names.indexOf(fld.val)
        : -1;
  const x = parts[i];
  if (x === undefined) return undefined;
  return x instanceof SSAValue ||
    stableSlot(x, obj.id - 1, pc) ||
    !(x instanceof SlotNumber || x instanceof Expr || x instanceof GlobalRef)
    ? x
    : undefined;
}

function foldConstantCall(ci: CodeInfo, st: Value): Value | undefined {
  if (
    !(st instanceof Expr) ||
    st.head.name !== 'call' ||
    !(st.args[0] instanceof BuiltinFunction) ||
    !isPureBuiltin(st.args[0])
  )
    return undefined;
  const args: Value[] = [];
  for (const a of st.args.slice(1)) {
    const l = a instanceof SSAValue || a instanceof SlotNumber ? undefined : operandLattice(ci, a);
    if (!(l instanceof Const)) return undefined;
    args.push(l.val);
  }
  try {
    return constOperand(st.args[0].impl(args));
  } catch {
    return undefined;
  }
}

/** A builtin call's type again, with the operands it has now (inlined code often has constant operands where the
 *  callee's own inference had only types: `getfield(p, :a)` instead of `getfield(p, f::Symbol)`). */
function refineType(ci: CodeInfo, st: Value, t: JType): JType {
  if (!(st instanceof Expr) || st.head.name !== 'call' || !(st.args[0] instanceof BuiltinFunction)) return t;
  const r = widenconst(
    builtinTfunc(
      st.args[0],
      st.args.slice(1).map(a => operandLattice(ci, a)),
    ),
  );
  return lessequal(r, t) ? r : t;
}

/** Pass 2: delete statements whose value is unused and whose evaluation has no effect and cannot throw. */
function deadCode(src: CodeInfo, calleeCode: OptimizeInput['calleeCode']): CodeInfo {
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
  const b = new Builder();
  const labelMap: number[] = new Array(n + 2);
  const ssaMap: Value[] = new Array(n + 1);
  const remap = (x: Value): Value => mapOperands(x, v => (v instanceof SSAValue ? ssaMap[v.id]! : v));
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
    labelMap[pc + 1] = b.code.length + 1;
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
  labelMap[n + 1] = b.code.length + 1;
  fixLabels(b.code, labelMap);
  return withCode(src, b);
}
