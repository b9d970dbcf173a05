// The engine: wires the runtime's hooks to the interpreter, loads Base into a fresh session and creates Main.
import { saveCodeCacheAtExit } from './image/code_cache.ts';
import { join } from 'node:path';
import { exitProcess } from './runtime/exit.ts';
import {
  Sym,
  sym,
  Module,
  JoltThrow,
  JStruct,
  T,
  BuiltinFunction,
  mkTuple,
  Expr,
  type Value,
} from './runtime/values.ts';
import { bootstrap, bindConst } from './runtime/bootstrap.ts';
import { installBuiltins, type BuiltinImpls } from './runtime/builtins.ts';
import { saveSession, loadSession } from './image/session_image.ts';
import { storeState, enableStore, storeCompiled } from './image/code_store.ts';
import { contentKey, baseImagePath, ensureImage } from './image/depot.ts';
import { startStep } from './runtime/counters.ts';
import { installRoot } from './image/install.ts';
import { readImageFile, writeImageFile } from './image/image_file.ts';
import { rmSync, readFileSync, existsSync } from 'node:fs';
import { execHooks } from './runtime/hooks.ts';
import { jthrow } from './runtime/errors.ts';
import { enableTypedTier } from './inference/execute.ts';
import { enableNativeTier, jitSettings } from './codegen/jit.ts';
import { hooks } from './runtime/hooks.ts';
import { newGenericFunction } from './runtime/dispatch.ts';
import { callFunction, invokeMethod } from './interpreter/interpret.ts';
import { state, getGlobal } from './runtime/modules.ts';
import { world } from './runtime/methods.ts';
import { includeFile, includeString, newModule, session, macroexpand } from './interpreter/toplevel.ts';
import { moduleRegistry, Lowerer, LoweringError } from './lowering/lower.ts';
import { optimizerHook } from './inference/typeinfer.ts';
import { optimize, optimizerSettings } from './optimizer/optimize.ts';
import { flushAll, writeBytes, registerForeign, stdio } from './runtime/foreign.ts';
import { utf8Encode, utf8Decode } from './runtime/utf8.ts';
import { parseAll, parseOne, ParseError } from './syntax/parser.ts';
import { showType } from './runtime/show_type.ts';
import type { DataType } from './runtime/types.ts';
import { typeOf } from './runtime/typeof.ts';
import { requirePackage, loadLocated } from './pkg/loading.ts';
import { stdlibDir } from './pkg/environment.ts';
import './pkg/api.ts';

const root = installRoot;

// inference runs the optimizer on every body it infers (unless it is switched off)
optimizerHook.optimize = input => (optimizerSettings.enabled ? optimize(input) : undefined);

export interface Session {
  Main: Module;
  Base: Module;
  Core: Module;
}

/** A fresh session: Core made, Base loaded from its sources, an empty Main. */
export function createSession(): Session {
  const Core = bootstrap();
  state.Core = Core;
  moduleRegistry.Core = Core;
  installBuiltins(Core, () => getGlobal(state.Base!, Sym.of('iterate')));
  bindConst(Core, 'kwcall', newGenericFunction(Sym.of('kwcall'), Core));
  installEngine();
  const Base = newModule(sym('Base'), null, false);
  state.Base = Base;
  moduleRegistry.Base = Base;
  bindConst(Base, 'Core', Core);
  const Main = newModule(sym('Main'), null);
  bindConst(Base, 'Main', Main);
  const includeFn = new BuiltinFunction('include', T.Builtin!, includeImpl(Main));
  bindConst(Base, 'include', includeFn);
  includeFile(Base, join(root, 'base', 'Base.jl'), true);
  // Core.eval(m, ex) is Base's eval (bound once Base is loaded: a Core function of that name would hide Base's from
  // modules that use both)
  bindConst(Core, 'eval', getGlobal(Base, Sym.of('eval')));
  preloadStdlibs();
  return { Main, Base, Core };
}

/** The standard libraries Julia keeps in its system image and Base relies on (Random gives `rand` its methods):
 *  loaded with Base, so that they are in the Base image; `using Random` then only binds the module. */
function preloadStdlibs(): void {
  for (const [name, uuid] of [['Random', '9a3f8284-a2c9-5f02-9a11-845980a1fd5c']] as const) {
    const dir = join(stdlibDir(), name);
    if (existsSync(join(dir, 'src', `${name}.jl`))) loadLocated({ name, uuid, dir, env: stdlibDir() });
  }
}

/** The session saved in a session image (see src/image/session_image.ts), made the process's session. */
export function sessionFromImage(bytes: Uint8Array): Session {
  let impls: BuiltinImpls | undefined;
  const s = loadSession(bytes, key => {
    if (!impls) {
      impls = new Map();
      installBuiltins(state.Core!, () => getGlobal(state.Base!, Sym.of('iterate')), impls);
      impls.set('include', includeImpl(getGlobal(state.Base!, sym('Main')) as Module));
    }
    return impls.get(key);
  });
  installEngine();
  return s;
}

/** Code kept across processes (src/image/code_store.ts): what this session compiles is written to the depot's
 *  store, and code an earlier process kept is taken from it. The image's methods are those up to now. */
export function enableCodeStore(): void {
  storeState.baseWorld = world.current;
  enableStore();
}

/** writes the code compiled in this process to the store (a script's next run compiles none of it) */
export function saveCompiledCode(): void {
  if (storeState.enabled) storeCompiled();
}

/** The session as session image bytes (call it before the program runs: the image is what Base made). */
export function sessionImage(s: Session): Uint8Array {
  return saveSession(s);
}

/** How a process gets its session: from the Base image in the depot (built and saved there first when it is
 *  missing, stale or corrupt), or from Base's sources when `JOLT_BASE_IMAGE=off`. `note` gets the one-line reports
 *  (why an image is being built, a depot that cannot be written). */
export function startSession(note: (line: string) => void): Session {
  if (process.env.JOLT_BASE_IMAGE === 'off') return createSession();
  const key = contentKey();
  startStep('key');
  const path = baseImagePath(key);
  let live: Session | undefined;
  const build = (): Uint8Array => {
    live = createSession();
    const workload = join(root, 'base', 'workload.jl');
    try {
      stdio.muted = true;
      runWorkload(readFileSync(workload, 'utf8'), workload, newModule(sym('Workload'), null));
    } catch (e) {
      // the image is still good without the workload's native code
      note(`jolt: the Base image workload failed (${e instanceof JoltThrow ? 'a Jolt exception' : String(e)})`);
    } finally {
      stdio.muted = false;
    }
    return sessionImage(live);
  };
  const r = ensureImage(path, { kind: 'base', key }, build, {
    prune: { prefix: 'base-' },
    onBuild: (problem, reason) => {
      if (problem === 'missing') note(`jolt: building the Base image at ${path} (once per install)`);
      else if (problem !== 'key') note(`jolt: the Base image at ${path} is ${reason}; rebuilding it`);
    },
  });
  if (r.built && r.writeError) note(`jolt: could not save the Base image (${r.writeError})`);
  if (live) return live;
  startStep('read');
  try {
    const s = sessionFromImage(r.payload);
    startStep('decode');
    saveCodeCacheAtExit();
    return s;
  } catch (e) {
    // an intact file this Jolt cannot read: never trusted, built again (a process state half made from it is
    // dropped with this fresh start's)
    note(`jolt: the Base image at ${path} cannot be loaded (${(e as Error).message}); rebuilding it`);
    rmSync(path, { force: true });
    return startSession(note);
  }
}

/** A session saved by `jolt sysimage`, or why it cannot be used (a damaged file, or one that another Jolt, or this
 *  one before its sources changed, made: its contents would not match this Jolt's code). */
export function loadSysimage(path: string): Session | string {
  const r = readImageFile(path, { kind: 'sysimage', key: contentKey() });
  if (!r.ok) {
    if (r.problem === 'key' || r.problem === 'version')
      return `it was built by another version of Jolt (or before its sources changed); build it again with jolt sysimage`;
    return r.reason;
  }
  try {
    const s = sessionFromImage(r.payload);
    saveCodeCacheAtExit();
    return s;
  } catch (e) {
    return `it cannot be read (${(e as Error).message})`;
  }
}

/** saves the session as a sysimage (written atomically, with its checksum and this Jolt's key) */
export function writeSysimage(path: string, s: Session): void {
  writeImageFile(path, 'sysimage', contentKey(), sessionImage(s));
}

/** Runs `code` in `mod` with every call compiled to native code at its first call (as `--compile=all`), so that
 *  an image saved afterwards holds the native code of everything it reached (a workload); the tiers are set back
 *  as they were after. */
export function runWorkload(code: string, file: string, mod: Module): void {
  const saved = { ...execHooks, ...jitSettings };
  enableTypedTier();
  enableNativeTier(true);
  try {
    includeString(mod, code, file);
  } finally {
    execHooks.codeFor = saved.codeFor;
    execHooks.native = saved.native;
    jitSettings.sync = saved.sync;
    jitSettings.threshold = saved.threshold;
  }
}

/** the engine's parts that live in the process, not in a session: the runtime's hooks and foreign functions */
function installEngine(): void {
  hooks.call = callFunction;
  hooks.invoke = invokeMethod;
  hooks.evalIn = (m, name) => getGlobal(m, name as Sym);
  session.require = requirePackage;
  registerForeign('jl_include', ([m, p]) => includeFromJulia(m as Module, utf8Decode(p as string)));
  registerForeign('jl_eval', ([m, ex]) => includeEval(m as Module, ex!));
  // (true, the expression) or (false, the error's text) for Meta.parse to raise as its ParseError
  registerForeign('jl_parse', ([s]) => {
    try {
      return mkTuple([true, parseOne(utf8Decode(s as string), 'none') ?? T.Nothing!.instance!]);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      return mkTuple([false, utf8Encode(e.display().replace(/^ERROR: ParseError:\n/, ''))]);
    }
  });
  registerForeign('jl_exit', ([n]) => {
    flushAll();
    exitProcess(Number(n as bigint));
  });
}

/** Base.include(path) / include(mod, path): relative to the current module, Main at the toplevel; other arguments
 *  are a MethodError, as for a generic function without such a method */
const includeImpl =
  (Main: Module) =>
  (a: Value[]): Value => {
    const path = a[a.length - 1];
    if (typeof path !== 'string' || a.length > 2 || (a.length === 2 && !(a[0] instanceof Module)))
      jthrow('MethodError', getGlobal(state.Base!, Sym.of('include')), Object.freeze([...a]), BigInt(world.current));
    return includeFromJulia(a.length > 1 ? (a[0] as Module) : (session.currentModule ?? Main), utf8Decode(path));
  };

/** include called by Julia code: a file that does not parse raises Meta.ParseError, which a `try` can catch */
function includeFromJulia(m: Module, path: string): Value {
  try {
    return includeFile(m, path);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    const meta = getGlobal(state.Base!, Sym.of('Meta')) as Module;
    const pe = getGlobal(meta, Sym.of('ParseError'));
    throw new JoltThrow(new JStruct(pe as DataType, [utf8Encode(e.display().replace(/^ERROR: ParseError:\n/, ''))]));
  }
}

function includeEval(m: Module, ex: Value): Value {
  return includeStringAst(m, ex);
}
import { evalToplevel } from './interpreter/toplevel.ts';
function includeStringAst(m: Module, ex: Value): Value {
  return evalToplevel(ex, m, session.currentFile);
}

/** Prints an uncaught Jolt exception like Julia: ERROR: message, then the Jolt stack trace. */
export function reportError(s: Session, e: JoltThrow, opts: { loadError: boolean }): void {
  let msg: string;
  state.world = world.current;
  try {
    const io = getGlobal(s.Base, Sym.of('IOBuffer'));
    const buf = callFunction(io, []);
    callFunction(getGlobal(s.Base, Sym.of('showerror')), [buf, e.value]);
    msg = utf8Decode(callFunction(getGlobal(s.Base, Sym.of('_takestring!')), [buf]) as string);
  } catch (e2) {
    if (process.env.JOLT_DEBUG)
      console.error('showerror failed:', e2 instanceof JoltThrow ? fallbackMessage(e2.value) : e2);
    msg = fallbackMessage(e.value);
  }
  const lines = [`ERROR: ${opts.loadError ? 'LoadError: ' : ''}${msg}`, 'Stacktrace:'];
  const bt = e.bt.filter(f => f.func !== '');
  // consecutive identical frames (deep recursion) are collapsed as Julia does
  for (let k = 0; k < bt.length; k++) {
    const f = bt[k]!;
    lines.push(` [${k + 1}] ${f.func}`, `   @ ${f.mod ? f.mod + ' ' : ''}${f.file}:${f.line}`);
    let r = k;
    while (r + 1 < bt.length && bt[r + 1]!.func === f.func && bt[r + 1]!.line === f.line && bt[r + 1]!.file === f.file)
      r++;
    if (r > k) {
      lines.push(`--- the last 2 lines are repeated ${r - k} more time${r - k === 1 ? '' : 's'} ---`);
      k = r;
    }
  }
  if (opts.loadError) {
    const top = bt.find(f => f.func === 'top-level scope');
    if (top) lines.push(`in expression starting at ${top.file}:${top.line}`);
  }
  flushAll();
  writeBytes(2, utf8Encode(lines.join('\n') + '\n'));
  flushAll();
}

function fallbackMessage(v: Value): string {
  try {
    return String((v as { type?: { name: { name: Sym } } }).type?.name.name.name ?? v);
  } catch {
    return 'exception';
  }
}

export { includeString, includeFile, parseAll, flushAll };
import { exprToString } from './syntax/print.ts';
registerForeign('jl_expr_string', ([ex]) => utf8Encode(exprToString(ex!)));
import { printCodeInfo } from './ir/print.ts';
import './inference/reflection.ts';
import './codegen/reflection.ts';
import { uniqueMethod } from './runtime/methodshow.ts';
import './runtime/compile_timer.ts';
import './runtime/bigints.ts';
import './runtime/files.ts';
import { dispatchTypeOf } from './runtime/typeof.ts';
// Meta.lower(m, x): x macro-expanded and lowered in module m, as the thunk Julia's lowering makes of it; a syntax error
// is Expr(:error, message), as in Julia; what is not an expression is itself
registerForeign('jl_lower', ([mod, ex]) => {
  if (!(ex instanceof Expr)) return ex!;
  const expanded = macroexpand(ex, mod as Module);
  try {
    const ci = new Lowerer(mod as Module, 'none', { softscope: false }).lowerToplevel(expanded, 0);
    return new Expr(sym('thunk'), [ci as unknown as Value]);
  } catch (e) {
    if (!(e instanceof LoweringError)) throw e;
    return new Expr(sym('error'), [utf8Encode(e.message.replace(/^syntax: /, ''))]);
  }
});
// @code_lowered f(args...): the lowered body of the method that a call with these arguments dispatches to
registerForeign('jl_code_lowered', ([f, args]) => {
  const m = uniqueMethod(f!, (args as Value[]).map(dispatchTypeOf));
  return utf8Encode(m ? printCodeInfo(m.source!) : 'no unique matching method');
});

/** What `exit(n)` throws where it must not end the process (a runner of many programs): it unwinds to the runner,
 *  as Jolt's handlers let anything that is not a Jolt exception through. */
export class ProgramExit extends Error {
  readonly status: number;
  constructor(status: number) {
    super('exit');
    this.status = status;
  }
}

/** Runs a program's text in Main (`file`: its absolute path; none for `-e`): what `jolt` does after start-up. The
 *  exit status: 0, or 1 after an uncaught error, printed as Julia prints it. */
export function runProgram(s: Session, text: string, file: string | undefined): number {
  try {
    includeString(s.Main, text, file ?? 'none');
    // output still buffered that cannot be written (a full disk) is the program's error
    flushAll(true);
    return 0;
  } catch (e) {
    if (e instanceof ProgramExit) throw e;
    if (e instanceof ParseError) {
      errWrite(e.display(!!file) + '\n');
      return 1;
    }
    if (e instanceof JoltThrow) {
      reportError(s, e, { loadError: !!file });
      return 1;
    }
    return internalError(e);
  }
}

// Written at once, not through process.stderr: under bin/jolt.js's worker thread that stream is passed to the main
// thread asynchronously, and would be overtaken by output written after it.
export const errWrite = (s: string): void => {
  flushAll();
  writeBytes(2, s);
  flushAll();
};

/** What escaped every handler and is no Jolt exception: Jolt's own fault, reported as one. */
export function internalError(e: unknown): number {
  flushAll();
  const err = e as Error;
  if (e instanceof JoltThrow) {
    // an exception while loading Base: describe it without Base's printing machinery
    const v = e.value as { type?: { name: { name: Sym } } };
    const parts = (e.value instanceof JStruct ? [...e.value.fields()] : []).map(x =>
      x && typeof x === 'object' && 'jtype' in (x as object)
        ? showType(x as never) + '::' + showType(typeOf(x as never))
        : x instanceof Sym
          ? ':' + x.name
          : typeof x === 'object' && x && 'name' in x
            ? String((x as { name: { name?: string } }).name?.name ?? (x as { name: unknown }).name)
            : String(x),
    );
    errWrite(`ERROR: during start-up: ${v.type?.name.name.name}(${parts.join(', ')})\n`);
    for (const f of e.bt) errWrite(`  ${f.func} @ ${f.file}:${f.line}\n`);
    return 1;
  }
  errWrite(`ERROR: internal error: ${err?.message ?? String(e)}\n`);
  if (process.env.JOLT_DEBUG) errWrite((err?.stack ?? '') + '\n');
  return 1;
}
