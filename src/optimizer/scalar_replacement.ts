// Scalar replacement of aggregates: locals holding tuples or immutable structs become one local per field, mutable
// structs that never escape become locals too, and a field read from an aggregate built in this very code is the
// operand it was built from. The allocations then have no use left and the dead-code pass deletes them.
import { T, Sym, Expr, QuoteNode, GlobalRef, BuiltinFunction, JChar, Bits, type Value } from '../runtime/values.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from '../ir/nodes.ts';
import { DataType, UnionType, type JType } from '../runtime/types.ts';
import { tupleType } from '../runtime/apply_type.ts';
import type { CodeInfo } from '../ir/CodeInfo.ts';
import { issubtype } from '../runtime/subtype.ts';
import { lookupBinding } from '../runtime/modules.ts';
import { Const, widenconst } from '../inference/lattice.ts';
import { withCode, constOperand, isBuiltin, builtinNamed, Rewrite } from './builder.ts';
import { operandLattice } from './effects.ts';
import type { Pass } from './pass.ts';

export const splitSlotsPass: Pass = { name: 'split_slots', run: state => ({ ci: splitSlots(state.ci), facts: [] }) };
export const splitMutablesPass: Pass = {
  name: 'split_mutables',
  run: state => ({ ci: splitMutables(state.ci), facts: [] }),
};

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
  const types = src.slottypes ?? [];
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
  const code = readSlotsDirectly(src.code, new Set(shapes.keys()));
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
      // a split slot copied whole into one that is not split (any more) is not split either
      if (
        st instanceof Expr &&
        st.head.name === '=' &&
        st.args[0] instanceof SlotNumber &&
        !shapes.has(st.args[0].id)
      ) {
        const from = slotOf(st.args[1]!);
        if (from !== undefined) {
          shapes.delete(from);
          changed = true;
        }
        return;
      }
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
  const n = code.length;
  const rw = new Rewrite(n);
  const { b, ssaMap, remap } = rw;
  const set = (slot: SlotNumber, v: Value, loc: number): void => {
    b.push(new Expr(Sym.of('='), [slot, v]), stypes[slot.id - 1]!, loc);
  };
  // the field locals start with a zero of their type: a copy from a local that holds `nothing` copies them
  // unset (jumps to the first statement land after this). A field of another type starts as `nothing`, which
  // compiled code keeps as a null reference for a type it holds as a WasmGC vector.
  for (const p of parts.values()) for (const f of p.fields) set(f, zeroOf(stypes[f.id - 1]!) ?? nothing, 0);
  for (let pc = 0; pc < n; pc++) {
    rw.at(pc);
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
  rw.finish();
  const out = withCode(src, b);
  out.slotnames = names;
  out.slotflags = flags;
  out.slottypes = stypes;
  return out;
}

/** A read of a candidate slot into an SSA value (`%r = @s`, as inlining leaves the result of a callee with several
 *  returns), used only by `=== nothing` tests, constant-index `getfield`s and narrowing copies (`%c = %r`) of it,
 *  is replaced by the slot itself at those uses, when the slot cannot change between the read and them: no store
 *  to it lies between them, and no jump from elsewhere lands between them. The read and the copies become
 *  `nothing`. Splitting the slot then sees only the uses it knows. */
function readSlotsDirectly(code: Value[], candidates: Set<number>): Value[] {
  const nothing = T.Nothing!.instance!;
  const users = new Map<number, number[]>(); // SSA id -> the statements using it
  const note = (x: Value, pc: number): void => {
    if (x instanceof SSAValue) {
      const u = users.get(x.id);
      if (u) u.push(pc);
      else users.set(x.id, [pc]);
    } else if (x instanceof Expr) x.args.forEach(a => note(a, pc));
    else if (x instanceof GotoIfNot) note(x.cond, pc);
    else if (x instanceof ReturnNode) note(x.val, pc);
  };
  code.forEach(note);
  // jump targets (0-based statements) with the statements jumping there
  const jumps: [number, number][] = [];
  code.forEach((st, pc) => {
    if (st instanceof GotoNode) jumps.push([pc, st.label - 1]);
    else if (st instanceof GotoIfNot) jumps.push([pc, st.dest - 1]);
    else if (st instanceof Expr && st.head.name === 'enter') jumps.push([pc, (st.args[0] as number) - 1]);
  });
  let out: Value[] | undefined;
  code.forEach((st, r) => {
    if (!(st instanceof SlotNumber && candidates.has(st.id))) return;
    // the read's uses, through copies
    const copies = [r],
      uses: number[] = [];
    for (let k = 0; k < copies.length; k++)
      for (const u of users.get(copies[k]! + 1) ?? []) {
        const us = code[u]!;
        if (us instanceof SSAValue) copies.push(u);
        else if (
          us instanceof Expr &&
          us.head.name === 'call' &&
          ((isBuiltin(us.args[0]!, '===') && us.args.length === 3) ||
            (isBuiltin(us.args[0]!, 'getfield') && us.args.length === 3 && us.args[1] instanceof SSAValue))
        )
          uses.push(u);
        else return;
      }
    if (!uses.length) return;
    const hi = Math.max(...uses);
    for (let pc = r + 1; pc <= hi; pc++) {
      const x = code[pc];
      if (x instanceof Expr && x.head.name === '=' && x.args[0] instanceof SlotNumber && x.args[0].id === st.id) return;
    }
    if (jumps.some(([from, to]) => to > r && to <= hi && !(from > r && from <= hi))) return;
    out ??= code.slice();
    const alias = new Set(copies.map(c => c + 1));
    for (const u of uses)
      out[u] = new Expr(
        Sym.of('call'),
        (out[u] as Expr).args.map(a => (a instanceof SSAValue && alias.has(a.id) ? st : a)),
      );
    for (const c of copies) out[c] = nothing;
  });
  return out ?? code;
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
  const rw = new Rewrite(n);
  const { b, ssaMap, remap } = rw;
  for (let pc = 0; pc < n; pc++) {
    rw.at(pc);
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
  rw.finish();
  const out = withCode(src, b);
  out.slotnames = names;
  out.slotflags = flags;
  out.slottypes = stypes;
  return out;
}

/** Scalar replacement: a field read from an immutable struct or tuple built in this very code is the operand it was
 *  built from (when that operand cannot have changed since: an SSA value, a constant, an argument never stored to).
 *  The allocation then has no use left and the dead-code pass deletes it. */
export function forwardField(
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
