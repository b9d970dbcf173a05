// Type inference: abstract interpretation of a MethodInstance's lowered CodeInfo over the lattice (lattice.ts),
// as Julia's inference does it. The result is a CodeInstance whose `inferred` CodeInfo carries a type for every
// SSA value and slot, calls resolved to one method rewritten to `Expr(:invoke, mi, f, args...)`, and builtin callees
// replaced by the builtin itself. Each CodeInstance lists its edges (callee instances, and call signatures that
// matched no method); callees keep backedges to their callers, so adding a method invalidates exactly the inferred
// code whose dispatch it may change (see `invalidate`).
import { workCounters } from '../runtime/counters.ts';
import { timeCompile } from '../runtime/compile_timer.ts';
import {
  T,
  Sym,
  Expr,
  QuoteNode,
  GlobalRef,
  BuiltinFunction,
  LineNumberNode,
  isTuple,
  type Value,
} from '../runtime/values.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from '../ir/nodes.ts';
import { DataType, UnionType, UnionAll, TypeVar, VarargType, Bottom, isType, type JType } from '../runtime/types.ts';
import {
  Method,
  MethodInstance,
  CodeInstance,
  MethodTable,
  MAX_WORLD,
  world as worldCounter,
} from '../runtime/methods.ts';
import { CodeInfo } from '../ir/CodeInfo.ts';
import {
  abstractMatches,
  findMethod,
  MAX_METHODS,
  mayIntersect,
  methodTableFor,
  typeConstructorTable,
} from '../runtime/dispatch.ts';
import { paramKey, tupleType, unionType, unwrap } from '../runtime/apply_type.ts';
import { issubtype } from '../runtime/subtype.ts';
import { methodAddedListeners, codeCache } from '../runtime/hooks.ts';
import {
  recorder as invalidationRecorder,
  treeFor,
  type InvalidationNode,
  type InvalidationRoot,
} from '../runtime/invalidations.ts';
import { lookupBinding, state as interpState } from '../runtime/modules.ts';
import {
  Const,
  PartialStruct,
  Conditional,
  widenconst,
  widenconditional,
  tmerge,
  lessequal,
  isConcrete,
  constType,
  limitDepth,
  type Lattice,
} from './lattice.ts';
import { builtinTfunc, builtinNothrow, isPureBuiltin, foreigncallType } from './tfuncs.ts';

/** inference gives up on deeper call chains (returns Any for the callee): keeps pathological recursion finite */
const MAX_INFERENCE_DEPTH = 64;
/** how many times the head of a recursive cycle is re-inferred before its result is widened to Any */
const MAX_CYCLE_ITERATIONS = 8;
/** constant propagation re-infers callees of at most this many statements */
const CONST_PROP_MAX_STATEMENTS = 80;
const MAX_UNION_SPLIT = 4;

/** per-slot types at a program point, and the catch targets of the enclosing `try`s (innermost last) */
interface SlotState {
  types: Lattice[];
  handlers: number[];
}

/** a call statement resolved by inference: which instance it invokes, when exactly one */
interface CallInfo {
  mi: MethodInstance | undefined;
  /** the call's constant result may replace it (no throw, no effect) */
  foldable: boolean;
  /** a call on a small Union split by the type of one argument: each member's instance and result type */
  split?: UnionSplit;
  /** the callee's code specialized for this call's constant arguments (what the inliner should use) */
  code?: CodeInfo;
  /** `_apply_iterate(iterate, f, groups...)` over tuples of known length: each group's length and the types of
   *  the flattened arguments (`mi` is the instance of `f(flat...)`) */
  spread?: Spread;
}
export interface Spread {
  mi: MethodInstance;
  lengths: number[];
  types: JType[];
}
export interface UnionSplit {
  /** the positions of the arguments tested (1 is the first argument after the callee) */
  args: number[];
  /** the arguments' types in each case, in the order of `args` */
  cases: { types: JType[]; mi: MethodInstance; rettype: JType }[];
  /** some members have no method (or an ambiguous one): the call stays dynamic for them, and throws there */
  fallback: boolean;
}

/** What inference hands the optimizer for one inferred body (what it proved about each statement), and what it gets
 *  back. The optimizer is a stage above inference: src/engine.ts installs it in `optimizerHook`, so inference never
 *  imports it; without one, inferred code runs unoptimized. */
export interface OptimizeInput {
  src: CodeInfo; // typed, unoptimized
  consts: (Value | undefined)[]; // per statement: the constant inference proved it returns, if any
  foldable: boolean[]; // per statement: inference proved the call free of throws and effects
  splits: (UnionSplit | undefined)[]; // per statement: a dynamic call that may branch on one argument's type
  spreads: (Spread | undefined)[]; // per statement: a splatting call that is a plain call of one instance
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
export const optimizerHook: { optimize: ((input: OptimizeInput) => OptimizeResult | undefined) | undefined } = {
  optimize: undefined,
};

export interface InferenceStats {
  frames: number;
  methodInstances: number;
  ms: number;
}
export const inferenceStats: InferenceStats = { frames: 0, methodInstances: 0, ms: 0 };

class InferenceState {
  readonly mi: MethodInstance;
  readonly src: CodeInfo;
  readonly argtypes: Lattice[];
  readonly world: number;
  readonly isConstProp: boolean;
  ssatypes: Lattice[] = [];
  states: (SlotState | undefined)[] = [];
  bestguess: Lattice = Bottom;
  calls = new Map<number, CallInfo>();
  edges = new Set<MethodInstance | JType>();
  /** the outermost frame of a recursive cycle this frame belongs to (itself when it is the head) */
  cycleHead: InferenceState | undefined = undefined;
  /** true when a callee returned a provisional result because inference gave up (depth limit) */
  limited = false;
  /** every statement reached so far is proven not to throw and to have no side effect (for constant folding) */
  effectFree = true;
  constructor(mi: MethodInstance, src: CodeInfo, argtypes: Lattice[], world: number, isConstProp: boolean) {
    this.mi = mi;
    this.src = src;
    this.argtypes = argtypes;
    this.world = world;
    this.isConstProp = isConstProp;
  }
}

const stack: InferenceState[] = [];
/** constant-propagation results: instance -> key of constant arguments -> return element */
let constCache = new WeakMap<MethodInstance, Map<string, ConstResult>>();

// ------------------------------------------------------------------ specialization

/** The MethodInstance of `m` for argument types `types` (callee type first). */
export function specialize(m: Method, types: readonly JType[], sparams: readonly (JType | Value)[]): MethodInstance {
  const key = types.map(paramKey).join('|');
  let mi = m.specializations.get(key);
  if (!mi) {
    mi = new MethodInstance(m, tupleType(types), sparams);
    m.specializations.set(key, mi);
  }
  return mi;
}

function validCodeInstance(mi: MethodInstance, world: number): CodeInstance | undefined {
  for (const ci of mi.cache) if (ci.min_world <= world && world <= ci.max_world && ci.inferred) return ci;
  return undefined;
}

/** code an earlier process kept for `mi` (the code store), for the newest world only */
function storedCodeInstance(mi: MethodInstance, world: number): CodeInstance | undefined {
  if (world !== worldCounter.current || !codeCache.lookup?.(mi)) return undefined;
  return validCodeInstance(mi, world);
}

/** Infers `mi` (or returns its cached inference) for `world`. */
export function inferMethodInstance(mi: MethodInstance, world: number = worldCounter.current): CodeInstance {
  const cached = validCodeInstance(mi, world) ?? storedCodeInstance(mi, world);
  if (cached) return cached;
  return timeCompile(() => {
    const t0 = performance.now();
    const outer = stack.length === 0;
    typeinfEdge(mi, world);
    if (outer) inferenceStats.ms += performance.now() - t0;
    const ci = validCodeInstance(mi, world);
    if (ci) return ci;
    // inferred inside a cycle that did not settle in this call: infer it again as the head
    const frame = runFrame(mi, argtypesOf(mi), world, false);
    return commit(frame);
  });
}

function argtypesOf(mi: MethodInstance): Lattice[] {
  const st = mi.specTypes as DataType;
  const ps = st.parameters as JType[];
  const m = mi.def;
  const out: Lattice[] = [];
  const nfixed = m.isva ? m.nargs - 1 : m.nargs;
  for (let k = 0; k < nfixed; k++) {
    const p = ps[k] ?? T.Any!;
    // the callee itself: a singleton function or type is known exactly
    out.push(k === 0 && p instanceof DataType && p.instance !== undefined ? new Const(p.instance) : typeParamConst(p));
  }
  if (m.isva) {
    const rest = ps.slice(nfixed);
    if (rest.some(p => p instanceof VarargType)) out.push(tupleType(rest));
    else out.push(tupleType(rest));
  }
  return out;
}
/** an argument of type Type{X} is exactly X */
function typeParamConst(p: JType): Lattice {
  if (
    p instanceof DataType &&
    p.name === T.Type!.name &&
    isType(p.parameters[0] as Value) &&
    !hasFree(p.parameters[0] as JType)
  )
    return new Const(p.parameters[0] as Value);
  return p;
}
function hasFree(t: JType): boolean {
  if (t instanceof DataType) return t.hasfreetypevars;
  if (t instanceof TypeVar) return true;
  if (t instanceof UnionType) return t.types.some(hasFree);
  return false;
}

/** The return element of `mi`, inferring it if needed; handles recursion through the frame stack. */
function typeinfEdge(mi: MethodInstance, world: number): Lattice {
  const cached = validCodeInstance(mi, world) ?? storedCodeInstance(mi, world);
  if (cached) return cached.rettype_const !== undefined ? new Const(cached.rettype_const) : cached.rettype;
  // recursion: a frame for this instance is already being inferred
  for (let k = stack.length - 1; k >= 0; k--) {
    const f = stack[k]!;
    if (f.mi === mi && !f.isConstProp) {
      markCycle(k);
      return f.bestguess;
    }
  }
  if (!mi.def.source) return T.Any!;
  if (stack.length >= MAX_INFERENCE_DEPTH) {
    for (const f of stack) f.limited = true;
    return T.Any!;
  }
  const frame = runFrame(mi, argtypesOf(mi), world, false);
  if (frame.cycleHead && frame.cycleHead !== frame) return frame.bestguess; // provisional: the head commits
  commit(frame);
  return frame.bestguess;
}

function markCycle(k: number): void {
  const head = stack[k]!;
  const h = head.cycleHead ?? head;
  for (let j = k; j < stack.length; j++) {
    const f = stack[j]!;
    if (!f.cycleHead || stack.indexOf(f.cycleHead) > stack.indexOf(h)) f.cycleHead = h;
  }
}

function runFrame(mi: MethodInstance, argtypes: Lattice[], world: number, isConstProp: boolean): InferenceState {
  const src = mi.def.source!;
  const frame = new InferenceState(mi, src, argtypes, world, isConstProp);
  stack.push(frame);
  try {
    for (let iter = 0; ; iter++) {
      const before = frame.bestguess;
      frame.cycleHead = undefined;
      typeinfFrame(frame); // may mark this frame as the head of a cycle
      inferenceStats.frames++;
      if ((frame.cycleHead as InferenceState | undefined) !== frame) break;
      // head of a recursive cycle: the pass ran with `before` as this frame's result; re-run until it is stable
      if (lessequal(frame.bestguess, before)) {
        frame.cycleHead = undefined;
        break;
      }
      if (iter >= MAX_CYCLE_ITERATIONS) frame.bestguess = T.Any!;
    }
  } finally {
    stack.pop();
  }
  return frame;
}

function commit(frame: InferenceState): CodeInstance {
  const mi = frame.mi;
  const typed = typedCodeInfo(frame, false);
  const resolved = typedCodeInfo(frame, true);
  const rt = widenconst(frame.bestguess);
  const opt = optimizeFrame(frame, resolved);
  const ci = new CodeInstance(mi, frame.world, MAX_WORLD, rt, opt?.code ?? resolved);
  ci.unoptimized = typed;
  ci.nothrow = opt?.nothrow ?? false;
  ci.effect_free = opt?.effectFree ?? false;
  if (frame.bestguess instanceof Const) ci.rettype_const = frame.bestguess.val;
  ci.edges = [...frame.edges];
  for (const e of frame.edges) if (e instanceof MethodInstance) e.backedges.add(mi);
  for (const e of frame.edges) if (!(e instanceof MethodInstance)) noMethodEdges.push({ sig: e, caller: mi });
  mi.cache.unshift(ci);
  inferenceStats.methodInstances++;
  workCounters.inferred++;
  return ci;
}

function optimizeFrame(frame: InferenceState, resolved: CodeInfo): OptimizeResult | undefined {
  const optimize = optimizerHook.optimize;
  if (!optimize) return undefined;
  return optimize({
    src: resolved,
    mi: frame.mi,
    reachable: frame.states.map(s => s !== undefined),
    consts: frame.ssatypes.map(l => (l instanceof Const ? l.val : undefined)),
    foldable: frame.ssatypes.map((_, pc) => frame.calls.get(pc)?.foldable ?? false),
    splits: frame.ssatypes.map((_, pc) => frame.calls.get(pc)?.split),
    spreads: frame.ssatypes.map((_, pc) => frame.calls.get(pc)?.spread),
    inlineCode: frame.ssatypes.map((_, pc) => frame.calls.get(pc)?.code),
    calleeCode: callee => validCodeInstance(callee, frame.world),
  });
}

// ------------------------------------------------------------------ the abstract interpreter

function typeinfFrame(frame: InferenceState): void {
  const src = frame.src;
  const code = src.code;
  const n = code.length;
  const nslots = src.slotnames.length;
  frame.ssatypes = new Array<Lattice>(n).fill(Bottom);
  frame.states = new Array<SlotState | undefined>(n);
  frame.calls.clear();
  frame.effectFree = true;
  const init: Lattice[] = new Array<Lattice>(nslots).fill(Bottom);
  frame.argtypes.forEach((t, k) => {
    init[k] = t;
  });
  frame.states[0] = { types: init, handlers: [] };
  // worklist of statement indices, lowest first
  const pending = new Set<number>([0]);
  const propagate = (to: number, s: SlotState): void => {
    if (to >= n) return;
    const old = frame.states[to];
    if (!old) {
      frame.states[to] = { types: s.types.slice(), handlers: s.handlers.slice() };
      pending.add(to);
      return;
    }
    let changed = false;
    for (let k = 0; k < nslots; k++) {
      const a = old.types[k]!,
        b = s.types[k]!;
      if (!lessequal(b, a)) {
        old.types[k] = tmerge(a, b);
        changed = true;
      }
    }
    if (changed) pending.add(to);
  };
  while (pending.size) {
    let pc = Infinity;
    for (const p of pending) if (p < pc) pc = p;
    pending.delete(pc);
    const s: SlotState = { types: frame.states[pc]!.types.slice(), handlers: frame.states[pc]!.handlers.slice() };
    const st = code[pc]!;
    // anything in a try block may jump to its catch with the slot types seen here
    if (s.handlers.length)
      propagate(s.handlers[s.handlers.length - 1]! - 1, { types: s.types, handlers: s.handlers.slice(0, -1) });
    if (st instanceof GotoNode) {
      propagate(st.label - 1, s);
      continue;
    }
    if (st instanceof GotoIfNot) {
      const c = abstractEval(frame, st.cond, s);
      frame.ssatypes[pc] = Bottom;
      if (widenconst(c) !== T.Bool) frame.effectFree = false;
      if (c instanceof Const && c.val === true) {
        propagate(pc + 1, s);
        continue;
      }
      if (c instanceof Const && c.val === false) {
        propagate(st.dest - 1, s);
        continue;
      }
      if (c === Bottom) continue;
      if (c instanceof Conditional) {
        const thenS = { types: s.types.slice(), handlers: s.handlers };
        const elseS = { types: s.types.slice(), handlers: s.handlers };
        thenS.types[c.slot - 1] = c.thentype;
        elseS.types[c.slot - 1] = c.elsetype;
        if (c.thentype !== Bottom) propagate(pc + 1, thenS);
        if (c.elsetype !== Bottom) propagate(st.dest - 1, elseS);
        continue;
      }
      propagate(pc + 1, s);
      propagate(st.dest - 1, s);
      continue;
    }
    if (st instanceof ReturnNode) {
      const r = widenconditional(abstractEval(frame, st.val, s));
      frame.bestguess = tmerge(frame.bestguess, r);
      continue;
    }
    if (st instanceof NewvarNode) {
      s.types[st.slot.id - 1] = Bottom;
      propagate(pc + 1, s);
      continue;
    }
    let t: Lattice;
    if (st instanceof Expr) {
      const h = st.head.name;
      if (h === 'enter' || h === 'leave') frame.effectFree = false;
      if (h === 'enter') {
        s.handlers = [...s.handlers, st.args[0] as number];
        t = T.Nothing!;
      } else if (h === 'leave') {
        const k = Number(st.args[0] as bigint | number);
        s.handlers = s.handlers.slice(0, s.handlers.length - k);
        t = T.Nothing!;
      } else t = abstractEvalStatement(frame, st, s, pc);
    } else t = abstractEval(frame, st, s);
    frame.ssatypes[pc] = tmerge(frame.ssatypes[pc]!, t);
    if (t === Bottom) continue; // this statement always throws: what follows is unreachable on this path
    propagate(pc + 1, s);
  }
}

/** The element of an operand (SSAValue, slot, GlobalRef, QuoteNode, literal). */
function abstractEval(frame: InferenceState, x: Value, s: SlotState): Lattice {
  if (x instanceof SSAValue) return frame.ssatypes[x.id - 1]!;
  if (x instanceof SlotNumber) return s.types[x.id - 1] ?? Bottom;
  if (x instanceof GlobalRef) return globalType(x);
  if (x instanceof QuoteNode) return new Const(x.value);
  if (x instanceof Expr) return abstractEvalStatement(frame, x, s, -1);
  if (x instanceof LineNumberNode) return T.Nothing!;
  return new Const(x);
}

function globalType(g: GlobalRef): Lattice {
  const b = lookupBinding(g.mod, g.name);
  if (!b) return T.Any!;
  const v = b.get();
  if (b.constant || b.imported?.constant) {
    if (v !== undefined) return new Const(v);
  }
  // functions and types bound by definitions are constant even when not marked so
  if (v !== undefined && b.imported && isType(v)) return new Const(v);
  return b.declaredType ?? T.Any!;
}

function abstractEvalStatement(frame: InferenceState, ex: Expr, s: SlotState, pc: number): Lattice {
  const a = ex.args;
  switch (ex.head.name) {
    case 'call': {
      const f = abstractEval(frame, a[0]!, s);
      const args: Lattice[] = [];
      for (let k = 1; k < a.length; k++) {
        const t = abstractEval(frame, a[k]!, s);
        if (t === Bottom) return Bottom;
        args.push(t);
      }
      const r = abstractCall(frame, f, args, pc, a.slice(1));
      // `x::T` narrows the slot x for what follows
      if (
        f instanceof Const &&
        f.val instanceof BuiltinFunction &&
        f.val.name === 'typeassert' &&
        a[1] instanceof SlotNumber
      )
        s.types[a[1].id - 1] = r;
      return r;
    }
    case '=': {
      const t = abstractEval(frame, a[1]!, s);
      if (a[0] instanceof SlotNumber) s.types[a[0].id - 1] = widenconditional(t);
      else frame.effectFree = false;
      return t;
    }
    case 'new': {
      frame.effectFree = false;
      const t = abstractEval(frame, a[0]!, s);
      if (t instanceof Const && t.val instanceof DataType) return t.val;
      return T.Any!;
    }
    case 'foreigncall':
      frame.effectFree = false;
      return returnTypeCall(frame, a, s) ?? foreigncallType(abstractEval(frame, a[1]!, s));
    case 'static_parameter': {
      const v = frame.mi.sparamVals[(a[0] as number) - 1];
      if (v === undefined || v instanceof TypeVar) return T.Any!;
      return new Const(v);
    }
    case 'the_exception':
      frame.effectFree = false;
      return T.Any!;
    case 'isdefined':
      return T.Bool!;
    case 'boundscheck':
      return T.Bool!;
    case 'copyast':
      return T.Expr!;
    case 'pop_exception':
      frame.effectFree = false;
      return new Const(T.Nothing!.instance!);
    case 'meta':
    case 'inbounds':
    case 'loopinfo':
    case 'const':
    case 'global':
      return new Const(T.Nothing!.instance!);
    default:
      frame.effectFree = false;
      return T.Any!;
  }
}

// ------------------------------------------------------------------ calls

function abstractCall(frame: InferenceState, f: Lattice, args: Lattice[], pc: number, argExprs: Value[]): Lattice {
  if (f instanceof Const && f.val instanceof BuiltinFunction) return builtinCall(frame, f.val, args, pc, argExprs);
  const ft = widenconst(f);
  const r = genericCall(frame, f, ft, args, pc);
  // `!` of a narrowing condition swaps its branches
  if (
    f instanceof Const &&
    args.length === 1 &&
    args[0] instanceof Conditional &&
    isBaseNot(f.val) &&
    widenconst(r) === T.Bool
  ) {
    const c = args[0];
    return new Conditional(c.slot, c.elsetype, c.thentype);
  }
  // `x !== nothing` is `!(x === nothing)`: the same narrowing, branches swapped (the condition does not come back
  // through the call on its own)
  if (f instanceof Const && args.length === 2 && widenconst(r) === T.Bool && f.val === baseNamed('!==')) {
    const c = egalCondition(args, argExprs);
    if (c) return new Conditional(c.slot, c.elsetype, c.thentype);
  }
  return r;
}

const baseFunctions = new Map<string, Value | undefined>();
function baseNamed(name: string): Value | undefined {
  if (!baseFunctions.has(name)) {
    const v = interpState.Base?.bindings.get(Sym.of(name))?.get();
    if (v !== undefined) baseFunctions.set(name, v);
    return v;
  }
  return baseFunctions.get(name);
}
const isBaseNot = (v: Value): boolean => v === baseNamed('!');

/** `x === c` for a slot x and a singleton c: the condition narrowing x (c itself when true) */
function egalCondition(args: Lattice[], argExprs: Value[]): Conditional | undefined {
  const [xa, ya] = [argExprs[0], argExprs[1]];
  if (xa instanceof SlotNumber && args[1] instanceof Const && isSingletonValue(args[1].val))
    return new Conditional(xa.id, args[1], typeSubtract(widenconst(args[0]!), typeOfSingleton(args[1].val)));
  if (ya instanceof SlotNumber && args[0] instanceof Const && isSingletonValue(args[0].val))
    return new Conditional(ya.id, args[0], typeSubtract(widenconst(args[1]!), typeOfSingleton(args[0].val)));
  return undefined;
}

function builtinCall(
  frame: InferenceState,
  f: BuiltinFunction,
  args: Lattice[],
  pc: number,
  argExprs: Value[],
): Lattice {
  if (!((isPureBuiltin(f) || f.name === 'getfield') && builtinNothrow(f, args))) frame.effectFree = false;
  switch (f.name) {
    case 'isa': {
      const r = builtinTfunc(f, args);
      const x = argExprs[0];
      const tl = args[1];
      if (!(r instanceof Const) && x instanceof SlotNumber && tl instanceof Const && isType(tl.val)) {
        const xt = widenconst(args[0]!);
        const t = tl.val;
        return new Conditional(x.id, typeIntersectApprox(xt, t), typeSubtract(xt, t));
      }
      return r;
    }
    case '===': {
      const r = builtinTfunc(f, args);
      // x === nothing (or another singleton) narrows x
      return (r instanceof Const ? undefined : egalCondition(args, argExprs)) ?? r;
    }
    case '_apply_iterate': {
      // f(xs...) where every splatted collection is a tuple of known length: a plain call
      const [, g, ...groups] = args;
      if (!g) return Bottom;
      const flat: Lattice[] = [];
      const lengths: number[] = [];
      for (const grp of groups) {
        const parts = tupleElements(grp);
        if (!parts) return T.Any!;
        flat.push(...parts);
        lengths.push(parts.length);
      }
      const rt = abstractCall(frame, g, flat, pc, []);
      // one instance answers the call: the optimizer turns it into that invoke over the tuples' elements
      const info = frame.calls.get(pc);
      frame.calls.delete(pc);
      if (pc >= 0 && info?.mi)
        frame.calls.set(pc, {
          mi: undefined,
          foldable: false,
          spread: { mi: info.mi, lengths, types: flat.map(widenconst) },
        });
      return rt;
    }
    default:
      return builtinTfunc(f, args);
  }
  void pc;
}

function isSingletonValue(v: Value): boolean {
  const t = constType(v);
  return t instanceof DataType && t.instance !== undefined && t.instance === v;
}
function typeOfSingleton(v: Value): JType {
  return constType(v);
}

/** the element types of a tuple-valued element, when its length is known */
function tupleElements(l: Lattice): Lattice[] | undefined {
  if (l instanceof Const && isTuple(l.val)) return l.val.map(v => new Const(v));
  if (l instanceof PartialStruct && l.typ.name === T.Tuple!.name) return [...l.fields];
  const t = widenconst(l);
  if (t instanceof DataType && t.name === T.Tuple!.name && !t.parameters.some(p => p instanceof VarargType))
    return t.parameters as JType[];
  return undefined;
}

/** the part of x that is also a T (exact for Unions of concrete types, else T when T is narrower) */
function typeIntersectApprox(x: JType, t: JType): JType {
  if (issubtype(x, t)) return x;
  if (x instanceof UnionType) return unionType(x.types.map(m => typeIntersectApprox(m, t)));
  if (issubtype(t, x)) return t;
  if (isConcrete(x)) return Bottom;
  return t;
}
/** the part of x that is not a T */
function typeSubtract(x: JType, t: JType): JType {
  if (x instanceof UnionType) return unionType(x.types.filter(m => !issubtype(m, t)));
  return issubtype(x, t) ? Bottom : x;
}

/** the concrete argument-type tuples a call may have, splitting small Unions; undefined when some argument is abstract */
function splitSignatures(types: JType[]): JType[][] | undefined {
  let out: JType[][] = [[]];
  for (const t of types) {
    const members = t instanceof UnionType ? t.types : [t];
    if (!members.every(isDispatchLeaf)) return undefined;
    const next: JType[][] = [];
    for (const pre of out) for (const m of members) next.push([...pre, m]);
    out = next;
    if (out.length > MAX_UNION_SPLIT) return undefined;
  }
  return out;
}
function isDispatchLeaf(t: JType): boolean {
  // a value of a kind (DataType, UnionAll, ...) dispatches as its Type{X}: the kind alone does not pick a method
  if (t === T.DataType || t === T.UnionAll || t === T.Union || t === T.TypeofBottom) return false;
  if (isConcrete(t)) return true;
  return (
    t instanceof DataType &&
    t.name === T.Type!.name &&
    isType(t.parameters[0] as Value) &&
    !hasFree(t.parameters[0] as JType)
  );
}

function methodTableOfType(ft: JType, f: Lattice): MethodTable | undefined {
  if (f instanceof Const) return methodTableFor(f.val);
  if (ft instanceof DataType && ft.name === T.Type!.name) return methodTableFor(ft.parameters[0] as Value);
  if (ft instanceof DataType) return ft.name.mt;
  return undefined;
}

function genericCall(frame: InferenceState, f: Lattice, ft: JType, args: Lattice[], pc: number): Lattice {
  const argtypes = args.map(widenconst);
  const sigs = splitSignatures([ft, ...argtypes]);
  // a statement in a loop is evaluated again with wider types: only the last (widest) evaluation counts
  frame.calls.delete(pc);
  if (!sigs) {
    frame.effectFree = false;
    return abstractMethodsCall(frame, f, ft, argtypes, pc);
  }
  let result: Lattice = Bottom;
  let single: MethodInstance | undefined;
  let foldable = false;
  let constCode: CodeInfo | undefined;
  const cases: { sig: JType[]; mi: MethodInstance; rt: Lattice }[] = [];
  for (const sig of sigs) {
    const fpart = sig[0]!;
    const fl: Lattice =
      sigs.length === 1
        ? f
        : fpart instanceof DataType && fpart.instance !== undefined
          ? new Const(fpart.instance)
          : fpart;
    const mt = methodTableOfType(fpart, fl);
    if (!mt) {
      frame.effectFree = false;
      return T.Any!;
    }
    const key = sig.map(paramKey).join('|');
    let m = findMethod(mt, sig as DataType[], frame.world, key);
    if (m === null && typeConstructorTable.mt && isType(fl instanceof Const ? fl.val : 0n))
      m = findMethod(typeConstructorTable.mt, sig as DataType[], frame.world, key);
    if (m === null || 'ambiguous' in m) {
      // a MethodError at run time; record that adding a method for this signature changes the answer
      frame.effectFree = false;
      frame.edges.add(tupleType(sig));
      continue;
    }
    // a recursive call with ever-growing argument types is not followed
    if (growsOnStack(m.method, sig)) {
      frame.effectFree = false;
      return T.Any!;
    }
    const mi = specialize(m.method, sig, m.sparams);
    let rt = typeinfEdge(mi, frame.world);
    frame.edges.add(mi);
    if (sigs.length === 1) {
      single = mi;
      const cp = constPropagate(frame, mi, [fl, ...args], rt);
      rt = cp.rt;
      constCode = cp.code;
      const cci = validCodeInstance(mi, frame.world);
      foldable = rt instanceof Const && (cp.effectFree || (cci !== undefined && cci.nothrow && cci.effect_free));
    }
    cases.push({ sig, mi, rt });
    result = tmerge(result, rt);
  }
  if (single && pc >= 0) frame.calls.set(pc, { mi: single, foldable, code: constCode });
  else if (pc >= 0 && cases.length > 0 && sigs.length > 1) {
    // each combination of the Unions' members resolves to one method or to none: the optimizer can branch on the
    // arguments' types (a combination without a method keeps the dynamic call, which raises the MethodError)
    const all = [ft, ...argtypes];
    const args = all.flatMap((t, k) => (t instanceof UnionType ? [k] : []));
    if (args.length && args[0]! > 0)
      frame.calls.set(pc, {
        mi: undefined,
        foldable: false,
        split: {
          args,
          cases: cases.map(c => ({ types: args.map(k => c.sig[k]!), mi: c.mi, rettype: widenconst(c.rt) })),
          fallback: cases.length < sigs.length,
        },
      });
  }
  if (!foldable) frame.effectFree = false;
  return result;
}

/**
 * The result of a call whose argument types are abstract (an element of a `Vector{Any}`, a field typed `Any`), as
 * Julia infers it: the union of what each method it may reach returns, when there are at most `MAX_METHODS`
 * (`weight(v)` with methods for Int, Float64 and String is a `Union{Float64, Int64}`), so that code after the call
 * stays typed. The call itself stays dynamic; the caller depends on each inferred instance and on the call's
 * signature, so a new method that the call may reach invalidates it.
 */
function abstractMethodsCall(frame: InferenceState, f: Lattice, ft: JType, argtypes: JType[], pc: number): Lattice {
  const call = [ft, ...argtypes];
  if (!isDispatchLeaf(ft) || call.some(hasFree)) return T.Any!;
  const mt = methodTableOfType(ft, f);
  if (!mt) return T.Any!;
  const constructor = isType(f instanceof Const ? f.val : 0n);
  let matches = abstractMatches(mt, call, frame.world);
  // a type's default constructors are in the table of all type constructors
  if (matches?.length === 0 && constructor && typeConstructorTable.mt)
    matches = abstractMatches(typeConstructorTable.mt, call, frame.world);
  if (matches === 'many') {
    // no edge for a function of many methods (a new `show` method would invalidate every caller); a small one's
    // table is checked when stored code is loaded in another process, where fewer methods may give a better answer
    if (mt.methods.length <= 3 * MAX_METHODS) frame.edges.add(tupleType(call));
    return T.Any!;
  }
  if (!matches?.length) return T.Any!;
  // only methods narrower than the call at every position, with concrete types (the instances dispatch will run),
  // or a type's constructor: a method inferred at abstract types would reach more abstract calls, and inference
  // would wander through Base (show(io::IO, x) and the like), costing every first call for little gain
  if (!constructor && !matches.every(m => m.types.every(t => isDispatchLeaf(t)))) return T.Any!;
  let result: Lattice = Bottom;
  const mis: MethodInstance[] = [];
  const rts: JType[] = [];
  for (const m of matches) {
    if (growsOnStack(m.method, m.types)) return T.Any!;
    const mi = specialize(m.method, m.types, m.sparams);
    const rt = widenconst(typeinfEdge(mi, frame.world));
    result = tmerge(result, rt);
    mis.push(mi);
    rts.push(rt);
  }
  for (const mi of mis) frame.edges.add(mi);
  frame.edges.add(tupleType(call));
  // the methods differ from the call at one argument only: the optimizer tests that argument's type against each
  // (a type test and a direct call, which may be inlined, instead of a dynamic call); any other type keeps the
  // dynamic call, which raises the MethodError
  const pos = call.findIndex((t, k) => matches.some(m => m.types[k] !== t));
  if (pc >= 0 && !constructor && pos > 0 && matches.every(m => m.types.every((t, k) => k === pos || t === call[k])))
    frame.calls.set(pc, {
      mi: undefined,
      foldable: false,
      split: {
        args: [pos],
        cases: matches.map((m, k) => ({ types: [m.types[pos]!], mi: mis[k]!, rettype: widenconst(rts[k]!) })),
        fallback: true,
      },
    });
  return result;
}

/** `ccall(:jl_return_type, Any, (Any, Any), f, (T...,))` (Julia's Core.Compiler.return_type, which Base's collect
 *  asks for an empty comprehension's element type) as the constant type it will return, so that code using it
 *  infers (`[f(x) for x in v]` is a Vector{typeof f(x)} whether v is empty or not). The runtime answers from the
 *  same CodeInstance (inference/reflection.ts), so this holds only when that is final: a call with one method
 *  whose inference is done, not one in a cycle still being inferred. */
function returnTypeCall(frame: InferenceState, a: readonly Value[], s: SlotState): Lattice | undefined {
  if (!(a[0] instanceof Sym) || a[0].name !== 'jl_return_type' || a.length !== 4) return undefined;
  const f = abstractEval(frame, a[2]!, s);
  const elts = tupleElements(abstractEval(frame, a[3]!, s));
  if (!elts || !elts.every(e => e instanceof Const && isType(e.val))) return undefined;
  const sig = [widenconst(f), ...elts.map(e => (e as Const).val as JType)];
  if (!sig.every(isDispatchLeaf)) return undefined;
  const mt = methodTableOfType(sig[0]!, f);
  const m = mt && findMethod(mt, sig as DataType[], frame.world, sig.map(paramKey).join('|'));
  if (!m || 'ambiguous' in m) return undefined;
  const mi = specialize(m.method, sig, m.sparams);
  typeinfEdge(mi, frame.world);
  const ci = validCodeInstance(mi, frame.world);
  if (!ci) return undefined;
  frame.edges.add(mi);
  return new Const(ci.rettype);
}

function growsOnStack(m: Method, sig: JType[]): boolean {
  for (const f of stack) {
    if (f.mi.def !== m) continue;
    const prev = (f.mi.specTypes as DataType).parameters as JType[];
    if (
      sig.some(
        (t, k) => prev[k] !== undefined && limitDepth(t, Bottom) === Bottom && limitDepth(prev[k]!, Bottom) !== Bottom,
      )
    )
      return true;
  }
  return false;
}

function constKey(args: Lattice[]): string | undefined {
  let key = '';
  let any = false;
  for (const a of args) {
    if (a instanceof Const) {
      const v = a.val;
      if (typeof v === 'string' && v.length > 64) return undefined;
      key += '|c' + paramKey(v);
      if (!(constType(v) instanceof DataType && (constType(v) as DataType).instance !== undefined)) any = true;
    } else if (a instanceof PartialStruct) {
      key +=
        '|p' + a.fields.map(x => (x instanceof Const ? paramKey(x.val) : paramKey(widenconst(x) as Value))).join(',');
      any = true;
    } else key += '|t' + paramKey(widenconst(a) as Value);
  }
  return any ? key : undefined;
}

/** Re-infer a small callee with its constant arguments, when that can say more than its general result.
 *  Also tells whether that re-inference proved the call free of throws and effects. */
function constPropagate(frame: InferenceState, mi: MethodInstance, args: Lattice[], rt: Lattice): ConstResult {
  const no: ConstResult = { rt, effectFree: false };
  if (rt instanceof Const || rt === Bottom) return no;
  const rtw = widenconst(rt);
  if (isConcrete(rtw) && rtw.instance !== undefined) return no;
  const src = mi.def.source;
  if (!src || src.code.length > CONST_PROP_MAX_STATEMENTS) return no;
  if (stack.some(f => f.mi === mi)) return no;
  if (stack.length >= MAX_INFERENCE_DEPTH / 2) return no;
  const key = constKey(args.slice(1));
  if (key === undefined) return no;
  let m = constCache.get(mi);
  if (!m) {
    m = new Map();
    constCache.set(mi, m);
  }
  const hit = m.get(key);
  if (hit !== undefined) {
    for (const e of hit.edges ?? []) frame.edges.add(e);
    return hit;
  }
  const argl = argtypesForConstProp(mi, args);
  const f2 = runFrame(mi, argl, frame.world, true);
  const settled = !f2.cycleHead && !f2.limited;
  const r: ConstResult = lessequal(f2.bestguess, rt)
    ? { rt: f2.bestguess, effectFree: f2.effectFree, edges: [...f2.edges] }
    : no;
  // the callee's code with these constants, optimized, for the inliner (small bodies only)
  if (r !== no && settled) r.code = optimizeFrame(f2, typedCodeInfo(f2, true))?.code;
  if (settled) m.set(key, r);
  for (const e of r.edges ?? []) frame.edges.add(e);
  return r;
}
interface ConstResult {
  rt: Lattice;
  effectFree: boolean;
  code?: CodeInfo;
  edges?: (MethodInstance | JType)[];
}

function argtypesForConstProp(mi: MethodInstance, args: Lattice[]): Lattice[] {
  const m = mi.def;
  const base = argtypesOf(mi);
  const nfixed = m.isva ? m.nargs - 1 : m.nargs;
  const out = base.slice();
  for (let k = 0; k < nfixed && k < args.length; k++) {
    const a = args[k]!;
    if (lessequal(a, base[k]!)) out[k] = widenconditional(a);
  }
  if (m.isva) {
    const rest = args.slice(nfixed).map(widenconditional);
    out[nfixed] = rest.every(x => x instanceof Const)
      ? new Const(Object.freeze(rest.map(x => (x as Const).val)))
      : new PartialStruct(base[nfixed] as DataType, rest);
  }
  return out;
}

// ------------------------------------------------------------------ the typed CodeInfo

/** The frame's code with its inferred types; `resolve` also rewrites calls to invokes and builtin callees to the
 *  builtins themselves (the form the optimizer and codegen take; the unresolved one is what `optimize=false` shows). */
function typedCodeInfo(frame: InferenceState, resolve: boolean): CodeInfo {
  const src = frame.src;
  const ci = new CodeInfo();
  Object.assign(ci, {
    file: src.file,
    name: src.name,
    slotnames: src.slotnames.slice(),
    slotflags: src.slotflags.slice(),
    nargs: src.nargs,
    isva: src.isva,
    sparam_names: src.sparam_names,
    inlining: src.inlining,
  });
  ci.codelocs = src.codelocs.slice();
  ci.code = !resolve
    ? src.code.slice()
    : src.code.map((st, pc) => {
        const info = frame.calls.get(pc);
        const fix = (x: Value): Value => resolveCallee(x, frame, pc, info);
        if (st instanceof Expr && st.head.name === '=' && st.args[1] instanceof Expr)
          return new Expr(st.head, [st.args[0]!, fix(st.args[1])]);
        return fix(st);
      });
  ci.ssavaluetypes = frame.ssatypes.map(widenconst);
  const nslots = src.slotnames.length;
  const slottypes: Lattice[] = new Array<Lattice>(nslots).fill(Bottom);
  frame.argtypes.forEach((t, k) => {
    slottypes[k] = t;
  });
  for (const s of frame.states)
    if (s)
      s.types.forEach((t, k) => {
        slottypes[k] = tmerge(slottypes[k]!, widenconditional(t));
      });
  ci.slottypes = slottypes.map(widenconst);
  ci.rettype = widenconst(frame.bestguess);
  return ci;
}

function resolveCallee(x: Value, frame: InferenceState, pc: number, info: CallInfo | undefined): Value {
  if (!(x instanceof Expr) || x.head.name !== 'call') return x;
  const f = x.args[0]!;
  if (info?.mi) return new Expr(Sym.of('invoke'), [info.mi, ...x.args]);
  // a callee known to be a builtin (a constant global, or a value inference proved constant) is named directly
  const t = f instanceof GlobalRef ? globalType(f) : f instanceof SSAValue ? frame.ssatypes[f.id - 1] : undefined;
  if (t instanceof Const && t.val instanceof BuiltinFunction) return new Expr(x.head, [t.val, ...x.args.slice(1)]);
  void pc;
  return x;
}

// ------------------------------------------------------------------ invalidation

/** callers that depended on a signature matching no method (a session image keeps them) */
export const noMethodEdges: { sig: JType; caller: MethodInstance }[] = [];

/** Adding method `m` may change the result of dispatch for every instance whose (concrete) signature it covers. */
export function invalidate(m: Method): void {
  const w = worldCounter.current;
  const seen = new Set<MethodInstance>();
  // with a report being recorded, `kill` also returns the tree of what it invalidated (undefined: nothing was live)
  const recording = invalidationRecorder.on;
  const kill = (mi: MethodInstance): InvalidationNode | undefined => {
    if (seen.has(mi)) return undefined;
    seen.add(mi);
    let live = false;
    for (const ci of mi.cache)
      if (ci.max_world >= w) {
        ci.max_world = w - 1;
        live = true;
      }
    if (!recording) {
      for (const caller of mi.backedges) kill(caller);
      mi.backedges.clear();
      return undefined;
    }
    const children: InvalidationNode[] = [];
    for (const caller of mi.backedges) {
      const c = kill(caller);
      if (c) children.push(c);
    }
    mi.backedges.clear();
    // an instance whose code an earlier method already invalidated is not invalidated again
    return live || children.length ? { mi, children } : undefined;
  };
  const roots: InvalidationRoot[] = [];
  for (const other of allMethodsWithSpecializations(m)) {
    // an instance with no code of its own may still have callers (an entry of the code store holds the code of
    // its caller, which inlined it): its backedges are what must be followed
    for (const mi of other.specializations.values())
      if ((mi.cache.length || mi.backedges.size) && issubtype(mi.specTypes, m.sig)) {
        const node = kill(mi);
        if (node) roots.push({ kind: 'backedges', node, superseded: other });
      }
  }
  for (let k = noMethodEdges.length - 1; k >= 0; k--) {
    const e = noMethodEdges[k]!;
    // a call with abstract argument types (abstractMethodsCall) depends on every method it may reach
    if (isConcreteSig(e.sig) ? issubtype(e.sig, m.sig) : mayIntersect(e.sig, m.sig)) {
      const node = kill(e.caller);
      if (node) roots.push({ kind: 'mt_backedges', node, signature: e.sig });
      noMethodEdges.splice(k, 1);
    }
  }
  if (roots.length) {
    // a method that takes the place of one with the same signature replaces it (addMethod ended the old one's world)
    const ft = (unwrap(m.sig) as DataType).parameters[0] as JType;
    const replaces = tablesFor(ft).some(mt => mt.methods.some(o => o !== m && o.deleted_world === w));
    treeFor({ method: m, label: replaces ? 'replacing' : 'inserting' }).roots.push(...roots);
  }
  // constant-propagation results may rest on what was just invalidated
  if (seen.size) constCache = new WeakMap();
  invalidationListeners.forEach(l => l([...seen]));
}
/** told about every batch of invalidated instances (codegen drops their compiled code) */
export const invalidationListeners: ((mis: MethodInstance[]) => void)[] = [];

/** a call signature of dispatch leaves only (concrete types, Type{X}): not an abstract call's */
export function isConcreteSig(sig: JType): boolean {
  const u = unwrap(sig);
  return u instanceof DataType && u.parameters.every(p => !isType(p) || isDispatchLeaf(p as JType));
}

function allMethodsWithSpecializations(m: Method): Method[] {
  // the methods of the same generic function: instances of other functions cannot dispatch to m
  const sig = unwrap(m.sig) as DataType;
  const ft = sig.parameters[0];
  const out: Method[] = [];
  for (const mt of tablesFor(ft as JType))
    for (const other of mt.methods) if (other !== m && other.specializations.size) out.push(other);
  return out;
}
function tablesFor(ft: JType): MethodTable[] {
  const tabs: MethodTable[] = [];
  const u = unwrap(ft);
  if (u instanceof DataType) {
    if (u.name === T.Type!.name) {
      const inner = unwrap(u.parameters[0] as JType);
      if (inner instanceof DataType && inner.name.mt) tabs.push(inner.name.mt);
      if (typeConstructorTable.mt) tabs.push(typeConstructorTable.mt);
    } else if (u.name.mt) tabs.push(u.name.mt);
  }
  return tabs;
}

methodAddedListeners.push(invalidate);

// ------------------------------------------------------------------ entry points for tools

/** The instance a call with these argument types dispatches to (types[0] is the callee's type). */
export function methodInstanceFor(
  f: Value,
  argtypes: JType[],
  w: number = worldCounter.current,
): MethodInstance | undefined {
  const types = [constType(f), ...argtypes] as DataType[];
  const mt = methodTableFor(f);
  const key = types.map(paramKey).join('|');
  let m = findMethod(mt, types, w, key);
  if (m === null && isType(f) && typeConstructorTable.mt) m = findMethod(typeConstructorTable.mt, types, w, key);
  if (!m || 'ambiguous' in m) return undefined;
  return specialize(m.method, types, m.sparams);
}

export { Bottom, UnionAll, unionType };
