// The native tier: compiles method instances to WebAssembly (function_emitter.ts, one module per root instance
// built by module_builder.ts), through binaryen in a worker thread (binaryen_worker.ts), links the modules
// (link.ts) and keeps the compiled functions for the rest of the session. V8 turns the wasm into
// x86-64. Invalidation (a new method that changes a dispatch result, see src/inference/typeinfer.ts) drops the
// compiled code of every affected instance, so nothing stale runs.
//
// Policy (see nativeCall): an instance called a second time is compiled in the background; one whose code has a
// loop is compiled at its first call, waiting; under --compile=all every instance is, at its first call.
// Everything its code invokes statically is compiled into the same module, so binaryen can inline across it.
// What cannot be compiled keeps running in the typed tier.
import { ensureWatcher } from '../runtime/interrupt.ts';
import { exitState } from '../runtime/exit.ts';
import { workCounters } from '../runtime/counters.ts';
import { withCompilationHints } from './compilation_hints.ts';
import { timeCompile } from '../runtime/compile_timer.ts';
import type { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JoltThrow, type Value } from '../runtime/values.ts';
import type { Module } from '../runtime/values.ts';
import { MethodInstance, CodeInstance, type Method } from '../runtime/methods.ts';
import type { JType } from '../runtime/types.ts';
import { showType } from '../runtime/show_type.ts';
import { execHooks, codeCache } from '../runtime/hooks.ts';
import { state as interpState, isTopModule } from '../runtime/modules.ts';
import { inferMethodInstance, invalidationListeners, specialize } from '../inference/typeinfer.ts';
import { dispatchTypeOf } from '../runtime/typeof.ts';
import { ModuleBuilder, hasLoop } from './module_builder.ts';
import { emitFunction, setTypePrinter } from './function_emitter.ts';
import { signatureOf, type Signature } from './signature.ts';
import { NotCompilable } from './not_compilable.ts';
import { siteNative, type SiteInvoker } from './runtime_imports.ts';
import { link, linkableModule, type LinkableModule, type LinkedFunction } from './link.ts';
import { recordCompiledFrames } from './native_frames.ts';
import { traceCompiled } from './trace_compile.ts';
import type { CompileRequest, CompileAnswer } from './binaryen_worker.ts';

setTypePrinter(showType);

export const jitStats = { modules: 0, functions: 0, failures: 0, compileMs: 0, binaryenWaitMs: 0 };
/** `sync`: compile at the call that asks for it (`--compile=all`), else in the background (`--compile=yes`) */
export const jitSettings = { threshold: 2, sync: false };

/** a compiled instance: its linked function and the module (in `modules`) it is in */
interface Compiled extends LinkedFunction {
  module: number;
  /** how a dynamic call site calls it (made at the first such call) */
  site?: SiteInvoker;
}
const compiled = new WeakMap<MethodInstance, Compiled>();
/** new compiled code: call sites that found none for it look again (runtime_imports.ts) */
function setCompiled(mi: MethodInstance, c: Compiled): void {
  compiled.set(mi, c);
  siteNative.epoch++;
}
/** instances that failed to compile (not retried until invalidated) */
const refused = new WeakSet<MethodInstance>();
const calls = new WeakMap<MethodInstance, number>();
/** per module: its text, binaryen's optimized text, bytes (as binaryen wrote them), the instances in it, and the
 *  module as it was linked */
export interface ModuleRecord {
  text: string;
  optimizedText?: string;
  bytes: Uint8Array;
  names: Map<MethodInstance, string>;
  linkable: LinkableModule;
  /** taken from an image or the code store, not compiled here */
  cached?: boolean;
}
export const modules: ModuleRecord[] = [];

// ------------------------------------------------------------------ binaryen in a worker
let worker: { w: Worker; port: import('node:worker_threads').MessagePort; flag: Int32Array } | undefined;

/** `sync` (`--compile=all`): every method is compiled at its first call, which waits for it (Julia's way) */
export function enableNativeTier(sync = false): void {
  execHooks.native = nativeCall;
  siteNative.invoker = siteInvoker;
  // (sites that found no compiled code while the tier was off look again)
  siteNative.epoch++;
  jitSettings.sync = sync;
  if (sync) jitSettings.threshold = 1;
  // binaryen's worker starts at the first compile request (see requestBackground), not here: loading it takes a
  // core for a second or more, which a run that compiles nothing should not pay
}

/** binaryen_worker.ts beside this file, or (in the bundle dist/jolt.cjs) in src/codegen of the install */
function workerFile(): string {
  const here = fileURLToPath(new URL('./binaryen_worker.ts', import.meta.url));
  return existsSync(here) ? here : fileURLToPath(new URL('../src/codegen/binaryen_worker.ts', import.meta.url));
}

/** Starts the worker, once (binaryen then loads in parallel with whatever the main thread does). */
export function startCompiler(): void {
  if (worker) return;
  ensureWatcher(); // the program may now wait on the compiler, where nothing polls for the watcher's start
  // [0]: an answer is ready; [1]: binaryen has loaded
  const flag = new Int32Array(new SharedArrayBuffer(8));
  // worker_threads is loaded with the compiler: a run that compiles nothing does without it
  const { Worker, MessageChannel } = process.getBuiltinModule('node:worker_threads');
  const { port1, port2 } = new MessageChannel();
  const w = new Worker(workerFile(), {
    workerData: { flag: flag.buffer, port: port2 },
    transferList: [port2],
  });
  w.unref();
  port1.unref();
  worker = { w, port: port1, flag };
  // an exit does not wait for it to stop (src/runtime/exit.ts)
  exitState.slowExit = true;
}

/** One compilation now, waiting for it; the background queue waits meanwhile (one conversation at a time). */
function binaryenCompile(req: CompileRequest): CompileAnswer {
  return timeCompile(() => binaryenCompileNow(req));
}
function binaryenCompileNow(req: CompileRequest): CompileAnswer {
  workCounters.binaryen++;
  if (current) finishCurrent(false);
  startCompiler();
  const { port, flag } = worker!;
  Atomics.store(flag, 0, 0);
  const t0 = performance.now();
  port.postMessage(req);
  // the worker answers through the port and raises the flag; wait (binaryen may still be loading)
  while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 60_000);
  jitStats.binaryenWaitMs += performance.now() - t0;
  const msg = process.getBuiltinModule('node:worker_threads').receiveMessageOnPort(port);
  sendNext(); // resume the background queue
  return (msg?.message ?? { error: 'no answer from the compiler' }) as CompileAnswer;
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
  /** the main thread's time emitting it */
  emitMs: number;
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
    mi => compiledOf(mi)?.sig ?? separateCallee(root, mi),
  );
  building.add(root);
  try {
    return buildModuleFrom(mb, root, keepText, t0);
  } finally {
    building.delete(root);
  }
}

/** While a package is precompiled, a callee of another package (or of Base) is compiled as a module of its own
 *  and imported, not compiled into the caller's module: the code store then keeps it as an entry of its own,
 *  which every package that needs the same specialization shares (src/image/code_store.ts). */
export const compileOwners = { separate: false };
/** roots whose modules are being built (a callee among them is compiled with its caller: a cycle) */
const building = new Set<MethodInstance>();
function separateCallee(root: MethodInstance, mi: MethodInstance): Signature | undefined {
  if (!compileOwners.separate || building.has(mi) || inFlight.has(mi) || refused.has(mi)) return undefined;
  if (ownerOf(mi.def.module) === ownerOf(root.def.module) || !mi.def.source) return undefined;
  return compileInstance(mi) ? compiledOf(mi)?.sig : undefined;
}
/** the package (or Base, Core, Main) a module belongs to: its outermost module below a package file's toplevel */
function ownerOf(m: Module): Module {
  while (!isTopModule(m)) m = m.parent!;
  return m;
}

function buildModuleFrom(mb: ModuleBuilder, root: MethodInstance, keepText: boolean, t0: number): Pending | undefined {
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
  const emitMs = performance.now() - t0;
  jitStats.compileMs += emitMs;
  return { root, mb, done, text, t0, emitMs, keepText };
}

/** Instantiates a compiled module and makes its functions the instances' code, unless something it was built on
 *  changed meanwhile (an invalidated instance, a callee that lost its compiled code). */
function install(p: Pending, ans: CompileAnswer): boolean {
  return timeCompile(() => installNow(p, ans));
}
function installNow(p: Pending, ans: CompileAnswer): boolean {
  const t0 = performance.now();
  const { mb, done, root } = p;
  if (!ans.bytes) {
    if (process.env.JOLT_DEBUG)
      process.stderr.write(`codegen: binaryen rejected the module: ${ans.error}\n${p.text}\n`);
    refused.add(root);
    jitStats.failures++;
    return false;
  }
  for (const mi of done) if (!validNow(mi)) return false;
  for (const mi of mb.external.keys()) if (!compiledOf(mi)) return false;
  const bytes = withCompilationHints(ans.bytes, ans.loops);
  const debug = {
    frames: mb.frames,
    sites: ans.sites ?? new Int32Array(0),
    shift: bytes.length - ans.bytes.length,
    callLines: [...mb.callLines].map(([callee, lines]): [string, [number, number][]] => [callee, [...lines]]),
  };
  const exported = [...done].map(mi => ({
    instance: mi,
    name: mb.local.get(mi)!.slice(1),
    sig: signatureOf(mb.queue.find(c => c.def === mi)!),
  }));
  const lm = linkableModule(mb, mb.name, bytes, debug, exported);
  if (process.env.JOLT_DUMP_WASM) dumpWasm(process.env.JOLT_DUMP_WASM, lm);
  const linked = link(lm, mi => compiled.get(mi)!.fn);
  const id = modules.length;
  modules.push({ text: p.text, optimizedText: ans.text, bytes: ans.bytes, names: new Map(mb.local), linkable: lm });
  for (const f of linked) {
    setCompiled(f.instance, { ...f, module: id });
    jitStats.functions++;
  }
  jitStats.modules++;
  if (!compiled.has(root)) return false;
  // its compile time: emitting, binaryen's work and linking (not the time it waited in a queue or for binaryen to load)
  traceCompiled(root, done, p.emitMs + (ans.ms ?? 0) + performance.now() - t0);
  return true;
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
  workCounters.binaryen++;
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
  const msg = process.getBuiltinModule('node:worker_threads').receiveMessageOnPort(worker!.port);
  current = undefined;
  for (const mi of p.done) inFlight.delete(mi);
  const ok = install(p, (msg?.message ?? { error: 'no answer from the compiler' }) as CompileAnswer);
  if (process.env.JOLT_DEBUG)
    process.stderr.write(
      `codegen: ${p.root.def.name.name} ${ok ? 'installed' : 'dropped'} ` +
        `${(performance.now() - p.t0).toFixed(0)} ms after it was emitted\n`,
    );
  if (next) sendNext();
}

// A background request made before binaryen is running waits until the program has run BACKGROUND_START_MS more:
// loading binaryen takes a core for a second or more, and a short run that ends meanwhile paid for it (and for
// stopping the worker at exit: 25-60 ms) without ever running the code. A request that waits starts it at once.
const BACKGROUND_START_MS = 250;
const deferred = new Set<MethodInstance>();
let deferredSince = 0;
function requestBackground(mi: MethodInstance): void {
  if (worker) return requestCompile(mi);
  if (!deferred.size) deferredSince = performance.now();
  deferred.add(mi);
}
function startDeferred(): void {
  const mis = [...deferred];
  deferred.clear();
  startCompiler();
  for (const mi of mis) if (!compiled.has(mi) && !refused.has(mi) && !inFlight.has(mi)) requestCompile(mi);
}

function requestCompile(root: MethodInstance): void {
  const p = buildModule(root, false);
  if (!p) return;
  for (const mi of p.done) inFlight.add(mi);
  queue.push(p);
  sendNext();
}

/** Waits for the background queue until the module holding `mi` is installed (or dropped). */
function awaitInstalled(mi: MethodInstance): void {
  while (inFlight.has(mi)) {
    if (!current) sendNext();
    if (!current) break;
    finishCurrent();
  }
}

/** whether an instance's typed code has a loop (then its first call may run long) */
const loops = new WeakMap<MethodInstance, boolean>();
function looped(mi: MethodInstance): boolean {
  let r = loops.get(mi);
  if (r === undefined) {
    const ci = typedCode(mi);
    r = !!ci?.inferred && hasLoop(ci.inferred.code);
    loops.set(mi, r);
  }
  return r;
}

/** Compiles `root` (and what it invokes) into one module now, waiting for binaryen; whether root is compiled. */
export function compileInstance(root: MethodInstance, opts: { keepText?: boolean } = {}): boolean {
  const p = buildModule(root, !!opts.keepText);
  if (!p) return false;
  return install(p, binaryenCompile(requestFor(p)));
}

/** where a stretch of compiled code is entered (the stack below it is the interpreter's) */
const COMPILED_ENTRY = { file: import.meta.url, func: 'callCompiled' };
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
    if (e instanceof JoltThrow) recordCompiledFrames(e, COMPILED_ENTRY);
    throw e;
  } finally {
    JoltThrow.compiledCalls--;
  }
  return c.fromWasm ? c.fromWasm(r) : r;
}

/** Compiled code as a dynamic call site (runtime_imports.ts) calls it once its cache knows the instance: what
 *  callCompiled does, without looking the instance up again; undefined while the instance has no compiled code or
 *  the native tier is off. */
function siteInvoker(mi: MethodInstance): SiteInvoker | undefined {
  if (execHooks.native !== nativeCall) return undefined;
  const c = compiledOf(mi);
  if (!c) return undefined;
  if (c.site) return c.site;
  const { fn, toWasm, fromWasm } = c;
  const self = c.sig.self;
  // (named: native_frames.ts finds the end of a stretch of compiled frames by it)
  function compiledFromSite(f: Value, args: Value[]): Value {
    // `args` is the site's own array: converted in place
    if (toWasm)
      for (let i = 0; i < args.length; i++) {
        const conv = toWasm[self ? i + 1 : i];
        if (conv) args[i] = conv(args[i]!) as Value;
      }
    if (self && toWasm?.[0]) f = toWasm[0](f) as Value;
    JoltThrow.compiledCalls++;
    let r: Value;
    try {
      // (no spread for the usual arities)
      if (self) r = fn(f, ...args);
      else if (args.length === 1) r = fn(args[0]!);
      else if (args.length === 2) r = fn(args[0]!, args[1]!);
      else r = fn(...args);
    } catch (e) {
      if (e instanceof JoltThrow) recordCompiledFrames(e, SITE_ENTRY);
      throw e;
    } finally {
      JoltThrow.compiledCalls--;
    }
    return fromWasm ? fromWasm(r) : r;
  }
  return (c.site = compiledFromSite);
}
const SITE_ENTRY = { file: import.meta.url, func: 'compiledFromSite' };

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
  let mi =
    which instanceof MethodInstance ? which : typeof which === 'string' ? m.specializations.get(which) : undefined;
  mi ??= specialize(m, [dispatchTypeOf(f), ...args.map(dispatchTypeOf)], sparams);
  if (current) poll();
  else if (deferred.size && (worker || performance.now() - deferredSince >= BACKGROUND_START_MS)) startDeferred();
  let c = compiledOf(mi);
  if (!c) {
    // (the body is read only here: a method whose native code came with a session image is never decoded)
    if (!m.source) return undefined;
    if (refused.has(mi)) {
      if (looped(mi) && !isBaseModule(m.module)) workCounters.typedLoops++;
      return undefined;
    }
    const pending = inFlight.has(mi) || deferred.has(mi);
    const n = (calls.get(mi) ?? 0) + 1;
    calls.set(mi, n);
    if (n < jitSettings.threshold && !looped(mi)) return undefined;
    // a method with a loop may run long in this one call, and code installed later cannot take over a running
    // call, so it is compiled now (as Julia would): the program's own methods always, Base's once binaryen is
    // loaded (its loops mostly run short, and the first ones come before binaryen is ready); others compile in
    // the background
    const waitNow = jitSettings.sync || (looped(mi) && (!isBaseModule(m.module) || compilerLoaded()));
    if (!waitNow) {
      // compile in the background; this call (and later ones until the code is ready) runs in the typed tier
      if (!pending) requestBackground(mi);
      return undefined;
    }
    // already on its way in a caller's module (e.g. a closure's body compiled with the function that calls it):
    // wait for that module rather than run this call in the typed tier
    if (inFlight.has(mi)) timeCompile(() => awaitInstalled(mi));
    deferred.delete(mi);
    c = compiledOf(mi);
    if (!c) {
      if (refused.has(mi) || !compileInstance(mi)) {
        if (!isBaseModule(m.module)) workCounters.typedLoops++;
        return undefined;
      }
      c = compiled.get(mi)!;
    }
  }
  return { value: callCompiled(c, f, args) };
}

/** the module and function name an instance was compiled into (compiling it now if needed) */
export function compiledFunction(mi: MethodInstance): { record: ModuleRecord; name: string } | undefined {
  if (!compiledOf(mi) && !compileInstance(mi, { keepText: true })) return undefined;
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
// invalidated instances lose their compiled code (and may be compiled again later)
/** the compiled function of an instance, if it has one (what a module that calls it links to) */
export function compiledCode(mi: MethodInstance): LinkedFunction | undefined {
  return compiledOf(mi);
}

// ------------------------------------------------------------------ native code from a session image
// An image keeps the linkable modules of the code compiled before it was saved (link.ts: plain data and the Jolt
// values they refer to). They are linked when one of their functions is first needed: V8 then compiles the bytes
// (lazily, per function), and nothing runs binaryen or inference again.

/** A compiled module as a session image keeps it: the instances whose code it is, and the module itself (which an
 *  image decodes only when it is linked, at the first call of one of them). */
export interface ImageModule {
  readonly instances: readonly MethodInstance[];
  readonly module: LinkableModule;
}
/** the modules an image brought that are not linked yet (undefined once linked), and which holds each instance */
const imageModules: (ImageModule | undefined)[] = [];
const imageCode = new WeakMap<MethodInstance, number>();

/** an instance's compiled code, linking the image module that holds it on first use */
function compiledOf(mi: MethodInstance): Compiled | undefined {
  const c = compiled.get(mi);
  if (c) return c;
  let k = imageCode.get(mi);
  if (k === undefined) {
    // code kept by an earlier process (a precompile cache, an earlier run of the script) comes as an image module
    if (!codeCache.lookup?.(mi)) return undefined;
    k = imageCode.get(mi);
    if (k === undefined) return compiled.get(mi);
  }
  linkImageModule(k);
  return compiled.get(mi);
}
function linkImageModule(k: number): void {
  const im = imageModules[k];
  if (!im) return;
  imageModules[k] = undefined;
  for (const mi of im.instances) imageCode.delete(mi);
  const lm = im.module;
  // the functions it calls come from earlier modules; one that lost its code (invalidated) makes this module
  // unusable, and its instances compile again when called
  if (!lm.imports.every(i => compiledOf(lm.constants[i.instance] as MethodInstance) !== undefined)) return;
  // linking is not compiling (V8 compiles each function lazily): @time reports no compilation for it
  const linked = link(lm, mi => compiled.get(mi)!.fn);
  const id = modules.length;
  const names = new Map(lm.exports.map(x => [lm.constants[x.instance] as MethodInstance, `$${x.name}`]));
  modules.push({ text: '', bytes: lm.bytes, names, linkable: lm, cached: true });
  for (const f of linked) if (validNow(f.instance)) setCompiled(f.instance, { ...f, module: id });
}

/** what a session image keeps of the native tier: the modules whose code some instance still uses, linked or not */
export function nativeImage(): ImageModule[] {
  const out: ImageModule[] = [];
  modules.forEach((r, id) => {
    const lm = r.linkable;
    const instances = lm.exports.map(x => lm.constants[x.instance] as MethodInstance);
    if (instances.some(mi => compiled.get(mi)?.module === id)) out.push({ instances, module: lm });
  });
  for (const im of imageModules) if (im) out.push(im);
  return out;
}

/** makes an image's modules the code of their instances (linked on first use) */
export function adoptNativeImage(mods: readonly ImageModule[]): void {
  for (const im of mods) {
    const k = imageModules.length;
    imageModules.push(im);
    for (const mi of im.instances) imageCode.set(mi, k);
  }
}

/** `JOLT_DUMP_WASM=dir`: each linked module's bytes go to `dir/<module name>.wasm` (stable_names.test.ts compares
 *  two processes' modules) */
function dumpWasm(dir: string, lm: LinkableModule): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${lm.name}.wasm`), lm.bytes);
}

invalidationListeners.push(mis => {
  // call sites drop the compiled code they kept
  siteNative.epoch++;
  for (const mi of mis) {
    compiled.delete(mi);
    imageCode.delete(mi);
    refused.delete(mi);
    calls.delete(mi);
    deferred.delete(mi);
  }
});
