// The interpreter: runs a CodeInfo (method body or toplevel thunk) statement by statement, dispatching calls
// through the method tables in the current world (the newest when the toplevel statement started or a method was
// last defined).
import {
  T,
  Sym,
  Module,
  Binding,
  JStruct,
  SVec,
  Expr,
  QuoteNode,
  LineNumberNode,
  GlobalRef,
  BuiltinFunction,
  JoltThrow,
  mkTuple,
  type Value,
  type StackFrame,
} from '../runtime/values.ts';
import { DataType, UnionAll, TypeVar, VarargType, isType, type JType } from '../runtime/types.ts';
import { CodeInfo } from '../ir/CodeInfo.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from '../ir/nodes.ts';
import { Method, MethodInstance, world, ownLine } from '../runtime/methods.ts';
import { typeOf, dispatchTypeOf } from '../runtime/typeof.ts';
import {
  newGenericFunction,
  methodTableFor,
  makeMethodSig,
  addMethod,
  methodsOf,
  dispatchCall,
} from '../runtime/dispatch.ts';
import { unwrap } from '../runtime/apply_type.ts';
import {
  jthrow,
  mkException,
  caughtExceptions,
  frames,
  catchException,
  completeBacktrace,
  hostException,
} from '../runtime/errors.ts';
import { state, lookupBinding, getGlobal, setGlobal } from '../runtime/modules.ts';
import { execHooks } from '../runtime/hooks.ts';
import { isa } from '../runtime/builtins.ts';
import { foreignFunctions } from '../runtime/foreign.ts';
import { showType } from '../runtime/show_type.ts';
import { interruptFlag, interrupted } from '../runtime/interrupt.ts';

const MAX_DEPTH = 200_000;
/** how an Expr(:toplevel) inside a thunk is evaluated (set by whoever runs toplevel code) */
export const toplevelHook = {
  run: undefined as ((ex: Value, mod: Module) => Value) | undefined,
};

// ------------------------------------------------------------------ calls
/** call cache per argument-type key, per method table, in a world */
export function callFunction(f: Value, args: Value[]): Value {
  if (f instanceof BuiltinFunction) return f.impl(args);
  const c = dispatchCall(f, args);
  return invokeMethod(c.method, c.sparams, f, args, c.key);
}

export function invokeMethod(
  m: Method,
  sparams: readonly (JType | Value)[],
  f: Value,
  args: Value[],
  which?: MethodInstance | string,
): Value {
  if (execHooks.native) {
    const r = execHooks.native(m, sparams, f, args, which);
    if (r) return r.value;
  }
  const ci = (execHooks.codeFor && execHooks.codeFor(m, sparams, f, args, which)) || m.source!;
  const slots: (Value | undefined)[] = new Array(ci.slotnames.length);
  slots[0] = f;
  if (m.isva) {
    const nfixed = m.nargs - 2;
    for (let k = 0; k < nfixed; k++) slots[k + 1] = args[k];
    slots[nfixed + 1] = mkTuple(args.slice(nfixed));
  } else for (let k = 0; k < args.length; k++) slots[k + 1] = args[k];
  if (frames.length > MAX_DEPTH) jthrow('StackOverflowError');
  frames.push(new CallFrame(m, args, ci.file, m.line, m.module.name.name));
  try {
    const r = run(ci, slots, sparams, frames[frames.length - 1]!);
    frames.pop();
    return r;
  } catch (e) {
    completeBacktrace(e);
    frames.pop();
    throw e;
  }
}

/** An interpreter frame. Its name, with the arguments' types, is made when a backtrace reads it: made at every call,
 *  it cost time in the number of arguments (each step of a loop over a 4,000-element tuple printed its type). */
class CallFrame implements StackFrame {
  file: string;
  line: number;
  mod: string;
  #func: string | undefined;
  readonly #m: Method;
  readonly #args: Value[];
  constructor(m: Method, args: Value[], file: string, line: number, mod: string) {
    this.file = file;
    this.line = line;
    this.mod = mod;
    this.#m = m;
    this.#args = args;
  }
  get func(): string {
    return (this.#func ??= frameName(this.#m, this.#args));
  }
}

function frameName(m: Method, args: Value[]): string {
  const name = m.name.name;
  // Julia's frames name the arguments: f(x::Int64, ::String)
  const names = m.source?.slotnames ?? [];
  return `${name}(${args
    .map((a, k) => {
      const n = names[k + 1]?.name ?? '';
      return (n.startsWith('#') ? '' : n) + '::' + showType(typeOf(a));
    })
    .join(', ')})`;
}

// ------------------------------------------------------------------ the statement loop
export function run(
  ci: CodeInfo,
  slots: (Value | undefined)[],
  sparams: readonly (JType | Value)[],
  frame: StackFrame,
  mod?: Module,
): Value {
  const code = ci.code;
  const ssa: (Value | undefined)[] = new Array(code.length);
  const handlers: { catchPc: number; framesDepth: number; excDepth: number }[] = [];
  const excStack: Value[] = [];
  let pc = 0;
  const toplevel = mod !== undefined;
  // (and at every call: recursion without a loop may run unbounded too)
  if (interruptFlag[0] !== 0) interrupted();
  const ev = (x: Value): Value => {
    if (x instanceof SSAValue) return ssa[x.id - 1]!;
    if (x instanceof SlotNumber) {
      const v = slots[x.id - 1];
      if (v === undefined) jthrow('UndefVarError', ci.slotnames[x.id - 1]!, Sym.of('local'));
      return v;
    }
    if (x instanceof GlobalRef) return getGlobal(x.mod, x.name);
    if (x instanceof QuoteNode) return x.value;
    if (x instanceof Expr) return evalExpr(x); // nested call in an operand position
    return x;
  };
  for (;;) {
    try {
      for (;;) {
        const st = code[pc]!;
        const loc = ci.codelocs[pc];
        if (loc === undefined || loc >= 0) {
          frame.line = loc ?? frame.line;
          if (frame.inlinedIn) frame.inlinedIn = undefined;
        } else {
          // a statement of inlined code: the frame is at the outermost inlined call
          frame.line = ownLine(ci, loc);
          frame.inlinedIn = ci;
          frame.inlinedLoc = loc;
        }
        if (st instanceof Expr) {
          // each statement of a toplevel thunk runs in the newest world, as Julia's do: a method the thunk
          // defined (in an `if` block, say) is callable by its next statements
          if (toplevel) state.world = world.current;
          const v = evalExpr(st);
          ssa[pc] = v;
          pc++;
          continue;
        }
        if (st instanceof GotoNode) {
          // a backward jump: a loop may run unbounded, so a SIGINT is looked for here
          if (st.label <= pc && interruptFlag[0] !== 0) interrupted();
          pc = st.label - 1;
          continue;
        }
        if (st instanceof GotoIfNot) {
          const c = ev(st.cond);
          if (c === false) {
            if (st.dest <= pc && interruptFlag[0] !== 0) interrupted();
            pc = st.dest - 1;
            continue;
          }
          if (c !== true) jthrow('TypeError', Sym.of('if'), 'if', T.Bool!, c);
          pc++;
          continue;
        }
        if (st instanceof ReturnNode) return ev(st.val);
        if (st instanceof NewvarNode) {
          slots[st.slot.id - 1] = undefined;
          pc++;
          continue;
        }
        ssa[pc] = ev(st);
        pc++;
      }
    } catch (e) {
      if (handlers.length === 0) {
        throw hostException(e);
      }
      const h = handlers.pop()!;
      frames.length = h.framesDepth;
      excStack.push(catchException(e, h.excDepth));
      pc = h.catchPc - 1;
    }
  }

  function evalExpr(ex: Expr): Value {
    const a = ex.args;
    switch (ex.head.name) {
      case 'call': {
        const f = ev(a[0]!);
        const args = new Array<Value>(a.length - 1);
        for (let k = 1; k < a.length; k++) args[k - 1] = ev(a[k]!);
        return callFunction(f, args);
      }
      case 'invoke': {
        // typed code: a call inference resolved to one method instance
        const mi = a[0] as MethodInstance;
        const f = ev(a[1]!);
        const args = new Array<Value>(a.length - 2);
        for (let k = 2; k < a.length; k++) args[k - 2] = ev(a[k]!);
        return invokeMethod(mi.def, mi.sparamVals, f, args, mi);
      }
      case '=': {
        const lhs = a[0]!;
        const rhs = a[1]!;
        const v = rhs instanceof Expr ? evalExpr(rhs) : ev(rhs);
        if (lhs instanceof SlotNumber) slots[lhs.id - 1] = v;
        else if (lhs instanceof GlobalRef) setGlobal(lhs.mod, lhs.name, v);
        return v;
      }
      case 'new': {
        const t = ev(a[0]!) as DataType;
        const vals = a.slice(1).map(ev);
        if (t.name === T.Tuple!.name) return mkTuple(vals);
        const dt = t instanceof UnionAll ? (unwrap(t) as DataType) : t;
        const types = dt.types;
        for (let k = 0; k < vals.length; k++) {
          const ft = types[k];
          if (ft && ft !== T.Any && !isa(vals[k]!, ft)) jthrow('TypeError', Sym.of('new'), '', ft, vals[k]!);
        }
        if (dt.instance !== undefined && vals.length === 0) return dt.instance;
        const f: (Value | undefined)[] = vals;
        while (f.length < dt.name.names.length) f.push(undefined);
        return new JStruct(dt, f);
      }
      case 'the_exception':
        return excStack[excStack.length - 1]!;
      case 'enter':
        handlers.push({ catchPc: a[0] as number, framesDepth: frames.length, excDepth: caughtExceptions.length });
        return T.Nothing!.instance!;
      case 'leave': {
        const n = Number(a[0] as bigint | number);
        for (let k = 0; k < n; k++) handlers.pop();
        return T.Nothing!.instance!;
      }
      case 'pop_exception':
        excStack.pop();
        caughtExceptions.pop();
        return T.Nothing!.instance!;
      case 'static_parameter':
        return sparams[(a[0] as number) - 1] as Value;
      case 'foreigncall': {
        const name = (a[0] as Sym).name;
        const impl = foreignFunctions.get(name);
        if (!impl) jthrow('ErrorException', `ccall: could not find function ${name}`);
        return impl(a.slice(2).map(ev));
      }
      case 'method': {
        const v = defineMethod(ex, ev, mod ?? currentModule(a));
        // what comes after a definition sees it (Julia's latestworld: a struct's constructors or a global method
        // defined in a toplevel `let`, or in a @testset, whose body Jolt's Test runs as a closure, are callable
        // there); Jolt is more permissive than Julia here, which keeps a running function's world
        state.world = world.current;
        return v;
      }
      case 'const': {
        const g = a[0] as GlobalRef;
        let b = g.mod.bindings.get(g.name);
        if (!b) {
          b = new Binding(g.mod, g.name);
          g.mod.bindings.set(g.name, b);
        }
        b.constant = true;
        return T.Nothing!.instance!;
      }
      case 'global': {
        const g = a[0] as GlobalRef;
        if (!g.mod.bindings.has(g.name)) g.mod.bindings.set(g.name, new Binding(g.mod, g.name));
        return T.Nothing!.instance!;
      }
      case 'isdefined': {
        const x = a[0]!;
        if (x instanceof SlotNumber) return slots[x.id - 1] !== undefined;
        if (x instanceof GlobalRef) return lookupBinding(x.mod, x.name)?.get() !== undefined;
        return false;
      }
      case 'thunk':
        state.world = world.current;
        return run(a[0] as CodeInfo, [], [], frame, mod); // definitions made by earlier thunks are visible
      case 'toplevel':
        return toplevelHook.run!(a[0]!, mod!);
      case 'copyast':
        return copyAst((a[0] as QuoteNode).value);
      case 'meta':
      case 'inbounds':
      case 'loopinfo':
        return T.Nothing!.instance!;
      case 'boundscheck':
        return true;
      default:
        jthrow('ErrorException', `unsupported IR statement ${ex.head.name}`);
    }
  }
}
function currentModule(a: Value[]): Module {
  const g = a[0];
  if (g instanceof GlobalRef) return g.mod;
  return state.Base!;
}

function copyAst(v: Value): Value {
  if (v instanceof Expr) return new Expr(v.head, v.args.map(copyAst));
  return v;
}

function defineMethod(ex: Expr, ev: (x: Value) => Value, mod: Module): Value {
  const a = ex.args;
  if (a.length === 1) {
    const g = a[0] as GlobalRef;
    const own = g.mod.bindings.get(g.name);
    const existing = own?.get() ?? own?.imported?.get();
    if (existing !== undefined) return existing;
    // a definition naming a visible type adds constructors to that type
    const vis = lookupBinding(g.mod, g.name)?.get();
    if (vis !== undefined && isType(vis)) return vis;
    const f = newGenericFunction(g.name, g.mod);
    setGlobal(g.mod, g.name, f);
    g.mod.bindings.get(g.name)!.constant = true;
    return f;
  }
  const fobj = a[0] === false ? undefined : ev(a[0]!);
  const sig = ev(a[1]!) as SVec;
  const ci = a[2] as CodeInfo;
  const types = (sig.items[0] as SVec).items as JType[];
  const tvs = (sig.items[1] as SVec).items as TypeVar[];
  const lnn = sig.items[2] as LineNumberNode;
  const msig = makeMethodSig(types, tvs);
  const isva = types.length > 0 && types[types.length - 1] instanceof VarargType;
  const name = fobj instanceof JStruct ? Sym.of(fobj.type.name.name.name.replace(/^#/, '')) : Sym.of(ci.name);
  const m = new Method(name, mod, msig, tvs, ci, types.length, isva, lnn?.file?.name ?? ci.file, lnn?.line ?? 0);
  const target: Value =
    fobj ??
    (types[0] instanceof DataType
      ? types[0].name === T.Type!.name
        ? (types[0].parameters[0] as Value)
        : (types[0].instance ?? types[0])
      : types[0]!);
  let mtTarget: Value = target;
  if (fobj === undefined && types[0] instanceof DataType && types[0].name !== T.Type!.name)
    mtTarget = new JStruct(types[0], []);
  addMethod(methodTableFor(mtTarget), m);
  return fobj ?? T.Nothing!.instance!;
}

export { methodsOf, isType, world };
