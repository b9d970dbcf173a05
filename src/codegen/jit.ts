// The native tier: compiles method instances to WebAssembly (codegen.ts), through binaryen in a worker thread
// (binaryen_worker.ts), and keeps the compiled functions for the rest of the session. V8 turns the wasm into
// x86-64. Invalidation (a new method that changes a dispatch result, see src/inference/typeinfer.ts) drops the
// compiled code of every affected instance, so nothing stale runs.
//
// Policy (see nativeCall): an instance called a second time is compiled in the background; one whose code has a
// loop is compiled at its first call, waiting; under --compile=all every instance is, at its first call.
// Everything its code invokes statically is compiled into the same module, so binaryen can inline across it.
// What cannot be compiled keeps running in the typed tier.
import { withCompilationHints } from './compilation_hints.ts';
import { timeCompile } from '../runtime/compile_timer.ts';
import { Worker, MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import {
  T,
  Sym,
  JStruct,
  JArray,
  wasmValue,
  JoltThrow,
  BuiltinFunction,
  GlobalRef,
  isTuple,
  mkTuple,
  type Value,
  type StackFrame,
  type NativeTrace,
} from '../runtime/values.ts';
import type { Module } from '../runtime/values.ts';
import { MethodInstance, CodeInstance, type Method } from '../runtime/methods.ts';
import type { JType, DataType } from '../runtime/types.ts';
import { jthrow, mkException, caughtExceptions } from '../runtime/errors.ts';
import { isa, egal, getfield, linearIndex } from '../runtime/builtins.ts';
import { foreignFunctions, mathForeign } from '../runtime/foreign.ts';
import { showType } from '../runtime/show_type.ts';
import { f64Vec, i64Vec, refOps, gcExports, typeTag, type GcVec } from '../runtime/gc_arrays.ts';
import { dispatchCall } from '../runtime/dispatch.ts';
import { frames, catchException } from '../runtime/errors.ts';
import { getGlobal, setGlobal, state as interpState } from '../runtime/modules.ts';
import { invokeMethod, execHooks } from '../runtime/hooks.ts';
import { inferMethodInstance, invalidationListeners, specialize } from '../inference/typeinfer.ts';
import { dispatchTypeOf, typeOf } from '../runtime/typeof.ts';
import { BITS_KINDS, boxBits, unboxBits, isVec, type BitsKind, type Kind } from './kinds.ts';
import { ModuleBuilder, hasLoop, type FrameInfo } from './module_builder.ts';
import { emitFunction, setTypePrinter } from './function_emitter.ts';
import { signatureOf, type Signature } from './signature.ts';
import { NotCompilable } from './not_compilable.ts';
import type { CompileRequest, CompileAnswer } from './binaryen_worker.ts';

setTypePrinter(showType);

/** the part of the WebAssembly JS API used here (the project's type library has no DOM types) */
interface WasmApi {
  JSTag: unknown;
  Global: new (d: { value: 'externref'; mutable: boolean }, v: unknown) => unknown;
  Module: new (bytes: Uint8Array, options?: { builtins: string[] }) => unknown;
  Instance: new (m: unknown, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
}
const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** compiled modules import V8's JS string builtins (`wasm:js-string`), which the engine supplies itself */
export const WASM_OPTIONS = { builtins: ['js-string'] };

export const jitStats = { modules: 0, functions: 0, failures: 0, compileMs: 0, binaryenWaitMs: 0 };
/** `sync`: compile at the call that asks for it (`--compile=all`), else in the background (`--compile=yes`) */
export const jitSettings = { threshold: 2, sync: false };

/** a compiled instance: the wasm export and how the interpreter calls it */
/** a compiled instance: its wasm function, signature and module, and how its arguments and result cross between
 *  the interpreter's values and wasm's (undefined: as they are) */
interface Compiled {
  fn: (...a: Value[]) => Value;
  sig: Signature;
  module: number;
  toWasm: (((v: Value) => unknown) | undefined)[] | undefined;
  fromWasm: ((r: unknown) => Value) | undefined;
}
const compiled = new WeakMap<MethodInstance, Compiled>();
/** instances that failed to compile (not retried until invalidated) */
const refused = new WeakSet<MethodInstance>();
const calls = new WeakMap<MethodInstance, number>();
/** per module: its text, binaryen's optimized text, bytes, and the instances in it */
export interface ModuleRecord {
  text: string;
  optimizedText?: string;
  bytes: Uint8Array;
  names: Map<MethodInstance, string>;
}
export const modules: ModuleRecord[] = [];

// ------------------------------------------------------------------ binaryen in a worker
let worker: { w: Worker; port: import('node:worker_threads').MessagePort; flag: Int32Array } | undefined;

/** `sync` (`--compile=all`): every method is compiled at its first call, which waits for it (Julia's way) */
export function enableNativeTier(sync = false): void {
  execHooks.native = nativeCall;
  jitSettings.sync = sync;
  if (sync) jitSettings.threshold = 1;
  startCompiler(); // binaryen loads in the worker while Base loads and the program starts
}

/** Starts the worker (binaryen then loads in parallel with whatever the main thread does). */
export function startCompiler(): void {
  if (worker) return;
  // [0]: an answer is ready; [1]: binaryen has loaded
  const flag = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const w = new Worker(fileURLToPath(new URL('./binaryen_worker.ts', import.meta.url)), {
    workerData: { flag: flag.buffer, port: port2 },
    transferList: [port2],
  });
  w.unref();
  port1.unref();
  worker = { w, port: port1, flag };
}

/** One compilation now, waiting for it; the background queue waits meanwhile (one conversation at a time). */
function binaryenCompile(req: CompileRequest): CompileAnswer {
  return timeCompile(() => binaryenCompileNow(req));
}
function binaryenCompileNow(req: CompileRequest): CompileAnswer {
  if (current) finishCurrent(false);
  startCompiler();
  const { port, flag } = worker!;
  Atomics.store(flag, 0, 0);
  const t0 = performance.now();
  port.postMessage(req);
  // the worker answers through the port and raises the flag; wait (binaryen may still be loading)
  while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 60_000);
  jitStats.binaryenWaitMs += performance.now() - t0;
  const msg = receiveMessageOnPort(port);
  sendNext(); // resume the background queue
  return (msg?.message ?? { error: 'no answer from the compiler' }) as CompileAnswer;
}

// ------------------------------------------------------------------ compiled frames in backtraces
// Compiled code has no exception handlers. A JoltThrow made while compiled code runs captures the JS stack
// (values.ts), and when it leaves a stretch of compiled code (callCompiled) that stretch's frames are put in its
// backtrace: V8 names each wasm frame's module and function and gives the byte offset of the call in progress, and
// the module's source map (binaryen_worker.ts) gives the `;;@ file:line:fid` annotation of that call (codegen.ts).
// A call in code binaryen inlined names the inlined function; the chain of calls that led there from the function
// of the physical frame is found in the module's static calls (ModuleBuilder.callLines).

/** what placing a module's compiled frames needs (see ModuleBuilder); `shift`: how far the instantiated module's
 *  code lies past the offsets binaryen wrote (the compilation hints section goes before the code) */
interface ModuleDebug {
  frames: FrameInfo[];
  sites: Int32Array;
  shift: number;
  callLines: Map<string, Map<number, number>>;
  /** fid by wasm function name */
  byName: Map<string, number>;
}
/** instantiated modules by serial (`jolt<serial>` in the URL V8 gives their frames) */
const moduleDebug = new Map<number, ModuleDebug>();

/** the stack captured when `e` was made, as structured frames (formatted now, on first use) */
function nativeTrace(e: JoltThrow): NativeTrace {
  let sites: unknown;
  if (e.jsStack) {
    const prepare = Error.prepareStackTrace;
    Error.prepareStackTrace = (_e, callSites) => callSites;
    sites = (e.jsStack as { stack?: unknown }).stack;
    Error.prepareStackTrace = prepare;
  }
  return { sites: Array.isArray(sites) ? (sites as NodeJS.CallSite[]) : [], next: 0 };
}
/** V8's URL for the frames of a module named `jolt<serial>` */
const JOLT_WASM_URL = /^wasm:\/\/wasm\/jolt(\d+)-/;
/** a wasm frame of a compiled module: its function's wasm name, the byte offset (in its module) of the call in
 *  progress and of the function's start */
interface WasmFrame {
  name: string;
  pos: number;
  start: number;
}

/** the annotation in force at module offset `pos` (binary search over the [offset, fid, line] triples) */
function siteAt(d: ModuleDebug, pos: number): { fid: number; line: number } {
  const s = d.sites,
    at = pos - d.shift;
  let lo = 0,
    hi = s.length / 3 - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid * 3]! <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? { fid: -1, line: 0 } : { fid: s[found * 3 + 1]!, line: s[found * 3 + 2]! };
}

/** the functions from `inner` out to `outer` through calls binaryen inlined (innermost first): the shortest such
 *  chain of the module's calls, if there is one */
function inlineChain(d: ModuleDebug, outer: number, inner: number): number[] | undefined {
  const reachedFrom = new Map<number, number>([[inner, -1]]); // caller fid -> the callee it was reached from
  for (const queue = [inner]; queue.length;) {
    const x = queue.shift()!;
    if (x === outer) {
      const chain: number[] = [];
      for (let y = outer; y !== -1; y = reachedFrom.get(y)!) chain.unshift(y);
      return chain;
    }
    for (const caller of d.callLines.get('$' + d.frames[x]!.name)?.keys() ?? []) {
      if (!reachedFrom.has(caller)) {
        reachedFrom.set(caller, x);
        queue.push(caller);
      }
    }
  }
  return undefined;
}

/** the Jolt frames (fid, line) of one physical wasm frame, innermost first */
function logicalFrames(d: ModuleDebug, p: WasmFrame): { fid: number; line: number }[] {
  const own = d.byName.get(p.name);
  if (own === undefined) return [];
  // a position at the function's start means V8 did not know the call's (as for a call inside a `try` in its
  // optimized code)
  const at = p.pos > p.start ? siteAt(d, p.pos) : { fid: -1, line: 0 };
  // the call is in code inlined here: each caller was at its call to the next callee in (if all those share a line)
  const chain = at.fid >= 0 && at.fid !== own ? inlineChain(d, own, at.fid) : undefined;
  // (a location that no chain of calls leads to is not this frame's: its definition line stands in)
  if (!chain) return [{ fid: own, line: at.fid === own ? at.line : 0 }];
  return chain.map((fid, k) => ({
    fid,
    line: k === 0 ? at.line : (d.callLines.get('$' + d.frames[chain[k - 1]!]!.name)?.get(fid) ?? 0),
  }));
}

/** a compiled frame into `e`'s backtrace, at the place among the interpreter's frames where its call sits */
function placeFrame(e: JoltThrow, f: FrameInfo, line: number): void {
  const fr: StackFrame = { func: f.func, file: f.file, line: line || f.line, mod: f.mod };
  if (!e.btDone) e.bt.push(fr);
  else e.bt.splice(e.bt.length - frames.length, 0, fr);
}

/** `e` leaves a stretch of compiled code: its frames, read off the captured stack down to the callCompiled that
 *  entered it (the stack was captured inside it) */
function recordCompiledFrames(e: JoltThrow): void {
  const t = (e.native ??= nativeTrace(e));
  while (t.next < t.sites.length) {
    const cs = t.sites[t.next++]!;
    const file = cs.getFileName() ?? '';
    const m = JOLT_WASM_URL.exec(file);
    if (!m) {
      if (file === import.meta.url && cs.getFunctionName() === 'callCompiled') return;
      continue;
    }
    const d = moduleDebug.get(Number(m[1]));
    if (!d) continue;
    // a wasm frame's position is a byte offset in its module; its enclosing column, its function's offset + 1
    const p: WasmFrame = {
      name: cs.getFunctionName() ?? '',
      pos: cs.getPosition(),
      start: (cs.getEnclosingColumnNumber() ?? 1) - 1,
    };
    for (const { fid, line } of logicalFrames(d, p)) placeFrame(e, d.frames[fid]!, line);
  }
}

// ------------------------------------------------------------------ runtime functions imported by compiled code
/** the most arguments a runtime import takes after its leading operands (more: not compiled) */
export const MAX_IMPORT_ARITY = 8;
const NOTHING = (): Value => T.Nothing!.instance!;

/** A dynamic call's inline cache (one per call site of a module): the methods its last calls ran, for the
 *  argument types they had, in the world they were looked up in (up to SITE_ENTRIES, the latest first). A call with
 *  the same function and types in the same world skips the method lookup; any new method definition changes the
 *  world and so empties every cache. */
interface CallSite {
  f: Value;
  types: DataType[];
  world: number;
  method: Method;
  sparams: readonly (JType | Value)[];
  key: string;
  mi: MethodInstance | undefined;
}
const SITE_ENTRIES = 4;

function callAtSite(sites: (CallSite[] | undefined)[], site: number, f: Value, a: Value[]): Value {
  if (f instanceof BuiltinFunction) return f.impl(a);
  const cached = (sites[site] ??= []);
  for (const c of cached) {
    if (c.f === f && c.world === interpState.world && sameTypes(c.types, a)) {
      c.mi ??= c.method.specializations.get(c.key);
      return invokeMethod(c.method, c.sparams, f, a, c.mi ?? c.key);
    }
  }
  const d = dispatchCall(f, a);
  if (cached.length && cached[0]!.world !== interpState.world) cached.length = 0;
  cached.unshift({
    f,
    types: d.types.slice(1),
    world: interpState.world,
    method: d.method,
    sparams: d.sparams,
    key: d.key,
    mi: undefined,
  });
  if (cached.length > SITE_ENTRIES) cached.length = SITE_ENTRIES;
  return invokeMethod(d.method, d.sparams, f, a, d.key);
}
function sameTypes(types: DataType[], a: Value[]): boolean {
  for (let k = 0; k < a.length; k++) if (dispatchTypeOf(a[k]!) !== types[k]) return false;
  return true;
}

function runtimeImports(sites: (CallSite[] | undefined)[] = []): Record<string, unknown> {
  const rt: Record<string, unknown> = {
    jstag: WA.JSTag,
    // errors detected in wasm (their frame and line are read off the captured stack like any other)
    throw_divide: () => jthrow('DivideError'),
    box_i64: (x: bigint) => x,
    box_f64: (x: number) => x,
    box_i32: (x: number) => x !== 0,
    unbox_i64: (x: Value) => {
      if (typeof x !== 'bigint') throw new Error('unbox_i64 of a non-Int64');
      return x;
    },
    unbox_f64: (x: Value) => {
      if (typeof x !== 'number') throw new Error('unbox_f64 of a non-Float64');
      return x;
    },
    unbox_i32: (x: Value) => {
      if (typeof x !== 'boolean') jthrow('TypeError', Sym.of('if'), 'if', T.Bool!, x);
      return x ? 1 : 0;
    },
    egal: (a: Value, b: Value) => (egal(a, b) ? 1 : 0),
    isa: (x: Value, t: JType) => (isa(x, t) ? 1 : 0),
    isa_leaf: (x: Value, t: DataType) => (typeOf(x) === t ? 1 : 0),
    same: (a: Value, b: Value) => (a === b ? 1 : 0),
    getfield_ref: fieldAt,
    getfield_i64: fieldAt,
    getfield_f64: fieldAt,
    getfield_i32: (o: Value, i: number) => (fieldAt(o, i) ? 1 : 0),
    setfield_ref: (o: JStruct, i: number, v: Value) => {
      o.set(i, v);
      return v;
    },
    setfield_i64: (o: JStruct, i: number, v: bigint) => {
      o.set(i, v);
      return v;
    },
    setfield_f64: (o: JStruct, i: number, v: number) => {
      o.set(i, v);
      return v;
    },
    setfield_i32: (o: JStruct, i: number, v: number) => {
      o.set(i, v !== 0);
      return v;
    },
    getglobal: (g: GlobalRef) => getGlobal(g.mod, g.name),
    setglobal: (g: GlobalRef, v: Value) => {
      setGlobal(g.mod, g.name, v);
    },
    arraylen: (a: JArray) => a.length,
    arrayref_ref: (a: JArray, i: number) => {
      const v = a.at(index1(a, i));
      if (v === undefined) jthrow('UndefRefError');
      return v;
    },
    arrayref_i64: (a: JArray, i: number) => a.at(index1(a, i)),
    arrayref_f64: (a: JArray, i: number) => a.at(index1(a, i)),
    arrayref_i32: (a: JArray, i: number) => (a.at(index1(a, i)) ? 1 : 0),
    arrayref_vf64: (a: JArray, i: number) => vecOfElement(a, i),
    arrayref_vi64: (a: JArray, i: number) => vecOfElement(a, i),
    arrayref_vref: (a: JArray, i: number) => vecOfElement(a, i),
    arrayset_ref: (a: JArray, v: Value, i: number) => {
      a.put(index1(a, i), v);
      return a;
    },
    arrayset_i64: (a: JArray, v: bigint, i: number) => {
      a.put(index1(a, i), v);
      return a;
    },
    arrayset_f64: (a: JArray, v: number, i: number) => {
      a.put(index1(a, i), v);
      return a;
    },
    arrayset_i32: (a: JArray, v: number, i: number) => {
      a.put(index1(a, i), v !== 0);
      return a;
    },
    // arrays of bits types and structs: compiled code takes the WasmGC vector once and reads it itself
    // (`nothing`, of a Union{T, Nothing}, is null)
    vec_f64: (a: JArray | JStruct) => a.vec ?? null,
    vec_i64: (a: JArray | JStruct) => a.vec ?? null,
    vec_ref: (a: JArray | JStruct) => a.vec ?? null,
    // a value stored into a reference vector: a struct or array as its vector (values.ts wasmValue)
    wasm_value: wasmValue,
    throw_undefref: () => jthrow('UndefRefError'),
    throw_undefvar: (name: Sym) => jthrow('UndefVarError', name, Sym.of('local')),
    throw_bounds: (a: JArray, i: number) => {
      linearIndex(a, [BigInt(i)]);
    },
    // exception handlers of compiled code (codegen.ts: try)
    exception_depth: () => caughtExceptions.length,
    catch_exception: catchException,
    pop_exception: () => {
      caughtExceptions.pop();
    },
  };
  // the other unboxed bits types (kinds.ts): their boxes, and fields and elements read and written in their kinds
  for (const k of Object.keys(BITS_KINDS) as BitsKind[]) {
    const box = (x: number | bigint): Value => boxBits(k, x),
      unbox = (v: Value): number | bigint => unboxBits(k, v);
    Object.assign(rt, {
      [`box_${k}`]: box,
      [`unbox_${k}`]: unbox,
      [`getfield_${k}`]: (o: Value, i: number) => unbox(fieldAt(o, i)),
      [`setfield_${k}`]: (o: JStruct, i: number, v: number | bigint) => {
        o.set(i, box(v));
        return v;
      },
      [`arrayref_${k}`]: (a: JArray, i: number) => unbox(a.at(index1(a, i))!),
      [`arrayset_${k}`]: (a: JArray, v: number | bigint, i: number) => {
        a.put(index1(a, i), box(v));
        return a;
      },
    });
  }
  // typed foreign calls: any combination of up to 3 f64/i64 arguments, f64 or i64 result
  const callForeign = (name: Sym, a: Value[]): Value => {
    const impl = foreignFunctions.get(name.name);
    if (!impl) jthrow('ErrorException', `ccall: could not find function ${name.name}`);
    return impl(a);
  };
  const kinds = ['f64', 'i64'];
  for (const rk of kinds)
    for (const n of [0, 1, 2, 3]) {
      const combos =
        n === 0
          ? [[]]
          : kinds.flatMap(a =>
              n === 1 ? [[a]] : kinds.flatMap(b => (n === 2 ? [[a, b]] : kinds.map(c => [a, b, c]))),
            );
      for (const c of combos) rt[`foreignt_${rk}_${c.join('_')}`] = (name: Sym, ...a: Value[]) => callForeign(name, a);
    }
  for (const [name, fn] of Object.entries(mathForeign)) rt[`math_${name}`] = fn;
  for (let n = 0; n <= MAX_IMPORT_ARITY; n++) {
    rt[`callsite_${n}`] = (site: number, f: Value, ...a: Value[]) => callAtSite(sites, site, f, a);
    rt[`invoke_${n}`] = (mi: MethodInstance, f: Value, ...a: Value[]) => invokeMethod(mi.def, mi.sparamVals, f, a, mi);
    rt[`builtin_${n}`] = (f: BuiltinFunction, ...a: Value[]) => f.impl(a);
    rt[`new_${n}`] = (t: Value, ...a: Value[]) => newStruct(t, a);
    rt[`mktuple_${n}`] = (...a: Value[]) => mkTuple(a);
    // fields already of their declared types (codegen proved it), all of them given
    rt[`newstruct_${n}`] = (t: DataType, ...a: Value[]) => new JStruct(t, a);
    rt[`foreign_${n}`] = (name: Sym, ...a: Value[]) => callForeign(name, a);
  }
  return rt;
}

/** the WasmGC vector of an array's element (an array or struct kept in one) */
function vecOfElement(a: JArray, i: number): GcVec {
  const v = a.at(index1(a, i));
  if (v === undefined) jthrow('UndefRefError');
  return (v as JArray | JStruct).vec!;
}

/** the 0-based position of linear index `i` (1-based) in `a`, or a BoundsError as Julia reports it */
function index1(a: JArray, i: number): number {
  if (i >= 1 && i <= a.length) return i - 1;
  return linearIndex(a, [BigInt(i)]);
}

/** field i (0-based) of a struct or tuple, for compiled code */
function fieldAt(o: Value, i: number): Value {
  if (isTuple(o)) return o[i]!;
  if (o instanceof JStruct) {
    const v = o.get(i);
    if (v === undefined) jthrow('UndefRefError');
    return v;
  }
  return getfield(o, BigInt(i + 1));
}

function newStruct(t: Value, vals: Value[]): Value {
  const dt = t as import('../runtime/types.ts').DataType;
  if (dt.name === T.Tuple!.name) return mkTuple(vals);
  for (let k = 0; k < vals.length; k++) {
    const ft = dt.types[k];
    if (ft && ft !== T.Any && !isa(vals[k]!, ft)) jthrow('TypeError', Sym.of('new'), '', ft, vals[k]!);
  }
  if (dt.instance !== undefined && vals.length === 0) return dt.instance;
  const f: (Value | undefined)[] = vals.slice();
  while (f.length < dt.name.names.length) f.push(undefined);
  return new JStruct(dt, f);
}

// ------------------------------------------------------------------ compiling
function typedCode(mi: MethodInstance): CodeInstance | undefined {
  if (refused.has(mi) || !mi.def.source) return undefined;
  try {
    return inferMethodInstance(mi, interpState.world);
  } catch {
    return undefined;
  }
}

/** A module being compiled: what was emitted for which instances. */
interface Pending {
  root: MethodInstance;
  mb: ModuleBuilder;
  done: Set<MethodInstance>;
  text: string;
  t0: number;
  keepText: boolean;
}

/** Emits `root` and what it invokes (where compilable) as one module's text; undefined if root cannot be compiled. */
function buildModule(root: MethodInstance, keepText: boolean): Pending | undefined {
  return timeCompile(() => buildModuleNow(root, keepText));
}
function buildModuleNow(root: MethodInstance, keepText: boolean): Pending | undefined {
  const t0 = performance.now();
  const mb = new ModuleBuilder(
    mi => (inFlight.has(mi) ? undefined : typedCode(mi)),
    mi => compiled.get(mi)?.sig,
  );
  if (!mb.funcFor(root)) return undefined;
  const done = new Set<MethodInstance>();
  for (let job = mb.next(); job; job = mb.next()) {
    const ci = job.ci;
    try {
      emitFunction(mb, ci, job.name, job.consts);
      if (!job.consts) done.add(ci.def);
    } catch (e) {
      if (!(e instanceof NotCompilable)) throw e;
      if (process.env.JOLT_DEBUG) process.stderr.write(`codegen: ${ci.def.def.name.name} not compiled: ${e.message}\n`);
      refused.add(ci.def);
      if (ci.def === root) {
        jitStats.failures++;
        return undefined;
      }
      // start again without this callee (now refused: calls to it go through the runtime)
      return buildModule(root, keepText);
    }
  }
  const text = mb.text();
  if (process.env.JOLT_DEBUG === '2') process.stderr.write(`codegen: module for ${root.def.name.name}\n${text}\n`);
  jitStats.compileMs += performance.now() - t0;
  return { root, mb, done, text, t0, keepText };
}

/** Instantiates a compiled module and makes its functions the instances' code, unless something it was built on
 *  changed meanwhile (an invalidated instance, a callee that lost its compiled code). */
function install(p: Pending, ans: CompileAnswer): boolean {
  return timeCompile(() => installNow(p, ans));
}
function installNow(p: Pending, ans: CompileAnswer): boolean {
  const { mb, done, root } = p;
  if (!ans.bytes) {
    if (process.env.JOLT_DEBUG)
      process.stderr.write(`codegen: binaryen rejected the module: ${ans.error}\n${p.text}\n`);
    refused.add(root);
    jitStats.failures++;
    return false;
  }
  for (const mi of done) if (!validNow(mi)) return false;
  for (const mi of mb.external.keys()) if (!compiled.has(mi)) return false;
  const bytes = withCompilationHints(ans.bytes, ans.loops);
  const debug: ModuleDebug = {
    frames: mb.frames,
    sites: ans.sites ?? new Int32Array(0),
    shift: bytes.length - ans.bytes.length,
    callLines: mb.callLines,
    byName: new Map(mb.frames.map((f, fid) => [f.name, fid])),
  };
  const imports: Record<string, Record<string, unknown>> = {
    rt: runtimeImports(new Array(mb.callSites)),
    k: {},
    fn: {},
    tag: {},
    gc: gcExports,
  };
  mb.consts.forEach((v, k) => {
    imports.k![String(k)] = new WA.Global({ value: 'externref', mutable: false }, v);
  });
  mb.tagTypes.forEach((t, k) => {
    imports.tag![String(k)] = typeTag(t);
  });
  for (const [mi, name] of mb.external) imports.fn![name.slice(1)] = compiled.get(mi)!.fn;
  const inst = new WA.Instance(new WA.Module(bytes, WASM_OPTIONS), imports);
  moduleDebug.set(mb.serial, debug);
  const id = modules.length;
  modules.push({ text: p.text, optimizedText: ans.text, bytes: ans.bytes, names: new Map(mb.local) });
  for (const mi of done) {
    const fn = inst.exports[mb.local.get(mi)!.slice(1)] as (...a: Value[]) => Value;
    const sig = signatureOf(mb.queue.find(c => c.def === mi)!);
    const toWasm = sig.params.map(argToWasm);
    compiled.set(mi, {
      fn,
      sig,
      module: id,
      toWasm: toWasm.some(c => c) ? toWasm : undefined,
      fromWasm: resultFromWasm(sig.result),
    });
    jitStats.functions++;
  }
  jitStats.modules++;
  return compiled.has(root);
}
function validNow(mi: MethodInstance): boolean {
  const ci = mi.cache[0];
  return !!ci && ci.max_world >= interpState.world;
}

/** what binaryen is asked to do with a module built for installation */
function requestFor(p: Pending): CompileRequest {
  return {
    text: p.text,
    optimize: true,
    wantText: p.keepText,
    wantUnoptimizedText: false,
    noInline: [...p.mb.recursive],
  };
}

// ---- background compilation: one module at a time in the worker, the rest queued; the interpreter polls
const queue: Pending[] = [];
let current: Pending | undefined;
const inFlight = new Set<MethodInstance>();

function sendNext(): void {
  if (current || !queue.length) return;
  current = queue.shift()!;
  startCompiler();
  Atomics.store(worker!.flag, 0, 0);
  worker!.port.postMessage(requestFor(current));
}
/** Installs a finished background compilation, if there is one, and sends the next request. */
function poll(): void {
  if (!current || Atomics.load(worker!.flag, 0) === 0) return;
  finishCurrent();
}
function finishCurrent(next = true): void {
  const p = current!;
  while (Atomics.load(worker!.flag, 0) === 0) Atomics.wait(worker!.flag, 0, 0, 60_000);
  const msg = receiveMessageOnPort(worker!.port);
  current = undefined;
  for (const mi of p.done) inFlight.delete(mi);
  const ok = install(p, (msg?.message ?? { error: 'no answer from the compiler' }) as CompileAnswer);
  if (process.env.JOLT_DEBUG)
    process.stderr.write(
      `codegen: ${p.root.def.name.name} ${ok ? 'installed' : 'dropped'} ${(performance.now() - p.t0).toFixed(0)} ms after it was emitted\n`,
    );
  if (next) sendNext();
}
function requestCompile(root: MethodInstance): void {
  const p = buildModule(root, false);
  if (!p) return;
  for (const mi of p.done) inFlight.add(mi);
  queue.push(p);
  sendNext();
}

/** Compiles `root` (and what it invokes) into one module now, waiting for binaryen; whether root is compiled. */
export function compileInstance(root: MethodInstance, opts: { keepText?: boolean } = {}): boolean {
  const p = buildModule(root, !!opts.keepText);
  if (!p) return false;
  return install(p, binaryenCompile(requestFor(p)));
}

// At the boundary: a parameter kept as a WasmGC vector takes the array's or struct's vector, one of another bits
// type its unboxed number; a returned vector stands for its owner, a returned number for its Jolt value.
const refVecOps = refOps<Value>(wasmValue);
function argToWasm(k: Kind): ((v: Value) => unknown) | undefined {
  if (isVec(k)) return v => (v as JArray | JStruct).vec ?? null;
  if (Object.hasOwn(BITS_KINDS, k)) return v => unboxBits(k as BitsKind, v);
  return undefined;
}
function resultFromWasm(k: Kind | undefined): ((r: unknown) => Value) | undefined {
  if (k === undefined) return () => NOTHING();
  if (k === 'i32') return r => (r as number) !== 0;
  if (k === 'vf64') return r => (r === null ? NOTHING() : (f64Vec.owner(r as GcVec) as Value));
  if (k === 'vi64') return r => (r === null ? NOTHING() : (i64Vec.owner(r as GcVec) as Value));
  if (k === 'vref') return r => (r === null ? NOTHING() : (refVecOps.owner(r as GcVec) as Value));
  if (Object.hasOwn(BITS_KINDS, k)) return r => boxBits(k as BitsKind, r as number | bigint);
  return undefined;
}

/** Calls a compiled instance the way the interpreter calls methods (JS values in, a JS value out). */
function callCompiled(c: Compiled, f: Value, args: Value[]): Value {
  let a = c.sig.self ? [f, ...args] : args;
  // converted in a copy: `args` is the caller's
  if (c.toWasm) {
    if (a === args) a = args.slice();
    for (let i = 0; i < a.length; i++) {
      const conv = c.toWasm[i];
      if (conv) a[i] = conv(a[i]!) as Value;
    }
  }
  // while compiled code runs, a JoltThrow made captures the JS stack, where its compiled frames are found
  JoltThrow.compiledCalls++;
  let r: Value;
  try {
    r = c.fn(...a);
  } catch (e) {
    if (e instanceof JoltThrow) recordCompiledFrames(e);
    throw e;
  } finally {
    JoltThrow.compiledCalls--;
  }
  return c.fromWasm ? c.fromWasm(r) : r;
}

const compilerLoaded = (): boolean => worker !== undefined && Atomics.load(worker.flag, 1) === 1;
const isBaseModule = (mod: Module): boolean =>
  mod.name.name === 'Base' || mod.name.name === 'Core' || mod.name.name === 'Test';

/** The interpreter's hook: run `m` natively for this call if it is (or now gets) compiled. */
export function nativeCall(
  m: Method,
  sparams: readonly (JType | Value)[],
  f: Value,
  args: Value[],
  which: MethodInstance | string | undefined,
): { value: Value } | undefined {
  if (!m.source) return undefined;
  let mi =
    which instanceof MethodInstance ? which : typeof which === 'string' ? m.specializations.get(which) : undefined;
  mi ??= specialize(m, [dispatchTypeOf(f), ...args.map(dispatchTypeOf)], sparams);
  if (current) poll();
  let c = compiled.get(mi);
  if (!c) {
    if (refused.has(mi) || inFlight.has(mi)) return undefined;
    const n = (calls.get(mi) ?? 0) + 1;
    calls.set(mi, n);
    const looped = (): boolean => {
      const ci = typedCode(mi);
      return !!ci?.inferred && hasLoop(ci.inferred.code);
    };
    if (n < jitSettings.threshold && !looped()) return undefined;
    // a method with a loop may run long in this one call, and code installed later cannot take over a running
    // call, so it is compiled now (as Julia would): the program's own methods always, Base's once binaryen is
    // loaded (its loops mostly run short, and the first ones come before binaryen is ready); others compile in
    // the background
    const waitNow = jitSettings.sync || (looped() && (!isBaseModule(m.module) || compilerLoaded()));
    if (!waitNow) {
      // compile in the background; this call (and later ones until the code is ready) runs in the typed tier
      if (!inFlight.has(mi)) requestCompile(mi);
      return undefined;
    }
    if (!compileInstance(mi)) return undefined;
    c = compiled.get(mi)!;
  }
  return { value: callCompiled(c, f, args) };
}

/** the module and function name an instance was compiled into (compiling it now if needed) */
export function compiledFunction(mi: MethodInstance): { record: ModuleRecord; name: string } | undefined {
  if (!compiled.has(mi) && !compileInstance(mi, { keepText: true })) return undefined;
  const c = compiled.get(mi)!;
  return { record: modules[c.module]!, name: modules[c.module]!.names.get(mi)! };
}

/** `mi` compiled in a fresh module for printing, as the JIT compiles it: small callees are copied in (and may be
 *  inlined), the rest appear as imported functions. Binaryen's text of its function, optimized or not, and the
 *  module's bytes. */
export function standaloneModule(
  mi: MethodInstance,
  optimize: boolean,
): { text: string; bytes?: Uint8Array; name: string } | string {
  // a callee that cannot be compiled is called through the runtime, as in the JIT: build again without it
  const refusedHere = new Set<MethodInstance>();
  let mb: ModuleBuilder, fn: ReturnType<ModuleBuilder['funcFor']>;
  for (;;) {
    mb = new ModuleBuilder(
      x => (refusedHere.has(x) ? undefined : typedCode(x)),
      x => {
        if (x === mi || refusedHere.has(x)) return undefined;
        const c = typedCode(x);
        return c ? signatureOf(c) : undefined;
      },
    );
    fn = mb.funcFor(mi);
    if (!fn) return 'no typed code for this method instance';
    let failed: MethodInstance | undefined;
    for (let job = mb.next(); job; job = mb.next()) {
      const ci = job.ci;
      try {
        emitFunction(mb, ci, job.name, job.consts);
      } catch (e) {
        if (!(e instanceof NotCompilable)) throw e;
        if (ci.def === mi) return `not compiled: ${e.message}`;
        failed = ci.def;
        break;
      }
    }
    if (!failed) break;
    refusedHere.add(failed);
  }
  const ans = binaryenCompile({ text: mb.text(), optimize, wantText: true, wantUnoptimizedText: false });
  if (!ans.text) return `binaryen: ${ans.error}`;
  return { text: ans.text, bytes: ans.bytes, name: fn.name.slice(1) };
}

/** the s-expression of function `name` in a module's text */
export function functionText(moduleText: string, name: string): string {
  const start =
    moduleText.indexOf(`(func $${name} `) >= 0
      ? moduleText.indexOf(`(func $${name} `)
      : moduleText.indexOf(`(func $${name}\n`);
  if (start < 0) return moduleText;
  let depth = 0;
  for (let k = start; k < moduleText.length; k++) {
    const c = moduleText[k];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return moduleText.slice(start, k + 1);
    else if (c === '"') {
      k++;
      while (k < moduleText.length && moduleText[k] !== '"') {
        if (moduleText[k] === '\\') k++;
        k++;
      }
    }
  }
  return moduleText.slice(start);
}

// invalidated instances lose their compiled code (and may be compiled again later)
invalidationListeners.push(mis => {
  for (const mi of mis) {
    compiled.delete(mi);
    refused.delete(mi);
    calls.delete(mi);
  }
});

export { mkException };
