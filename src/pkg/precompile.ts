// Precompile caches of packages. A package's cache lists the code store entries (src/image/code_store.ts) that
// its precompilation produced: the code of its `precompile` statements and of everything its workloads
// (`@compile_workload`) compiled, its own methods' and other packages' specializations alike, including callees
// reached only through dynamic dispatch. The cache is keyed by the package's content (its files, its
// dependencies' keys and Jolt's content key), never by paths or times, so a moved or touched project uses it as
// it is. Loading a package whose cache is valid installs those entries (validated by fingerprints); a package
// without one is precompiled where it loads (`using`), or ahead of time by `jolt precompile`, `Pkg.precompile()`
// or `]precompile`, which precompile the project's packages in separate processes, dependencies first and
// independent ones in parallel.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Module, T, type Value } from '../runtime/values.ts';
import { registerForeign, writeBytes } from '../runtime/foreign.ts';
import { jitSettings, modules as compiledModules, compileInstance, compileOwners } from '../codegen/jit.ts';
import { execHooks } from '../runtime/hooks.ts';
import { methodTableFor, findMethod } from '../runtime/dispatch.ts';
import { world } from '../runtime/methods.ts';
import { dispatchTypeOf } from '../runtime/typeof.ts';
import { paramKey } from '../runtime/apply_type.ts';
import { specialize } from '../inference/typeinfer.ts';
import type { DataType, JType } from '../runtime/types.ts';
import { ContentHash } from '../image/content_hash.ts';
import { contentKey } from '../image/install.ts';
import { readImageFile, writeImageFile } from '../image/image_file.ts';
import { withLock } from '../image/depot.ts';
import {
  storeState,
  storeCompiled,
  registerEntries,
  installOneEntry,
  changedFunctions,
  namedDeps,
  packageKeys,
  packageKeyOf,
  scope,
  encodeNamed,
  decodeNamed,
  encodePlain,
  decodePlain,
} from '../image/code_store.ts';
import { Unnameable, Unresolvable } from '../image/stable_names.ts';
import { session, replayToplevel, type ToplevelItem } from '../interpreter/toplevel.ts';
import { jthrow } from '../runtime/errors.ts';
import { utf8Encode } from '../runtime/utf8.ts';
import type { MethodTable } from '../runtime/methods.ts';
import { installRoot } from '../image/install.ts';

/** A progress line on stderr, written at once and in order with the program's output (process.stderr.write would
 *  queue it, from a worker thread, and an exit that does not wait for binaryen's worker would lose it). */
/** a line of precompile progress, on stderr at once (in order with the program's own output) */
export const progress = (s: string): void => writeBytes(2, utf8Encode(s));
/** the last line of a precompile run, Julia's */
export function precompiledLine(n: number, t0: number): string {
  const s = ((performance.now() - t0) / 1000).toFixed(0);
  return `  ${n} ${n === 1 ? 'dependency' : 'dependencies'} successfully precompiled in ${s} seconds\n`;
}

/** whether a package is being precompiled in this process (Base.generating_output / jl_generating_output) */
export const precompiling = {
  depth: 0,
  quiet: !!process.env.JOLT_PRECOMPILE_QUIET,
  /** the packages (not standard libraries) precompiled by this process, in the order they finished */
  done: [] as string[],
};

/** the files that make a package's content: every file of the package but version control and its test folder */
function packageFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d).sort()) {
      if (f.startsWith('.') || f === 'test' || f === 'docs') continue;
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.sort((a, b) => (relative(dir, a) < relative(dir, b) ? -1 : 1));
}

const dirKeys = new Map<string, string>();
/** a package's content key: Jolt's, its name and uuid, its files (relative paths and contents), its deps' keys */
export function packageKey(name: string, uuid: string | undefined, dir: string, deps: readonly string[]): string {
  const memo = `${dir}\0${deps.join(',')}`;
  const have = dirKeys.get(memo);
  if (have) return have;
  const h = new ContentHash()
    .field(contentKey())
    .field(name)
    .field(uuid ?? '');
  for (const f of packageFiles(dir)) {
    h.field(relative(dir, f).split('\\').join('/'));
    h.field(readFile(f));
  }
  for (const d of deps) h.field(d);
  const k = h.digest();
  dirKeys.set(memo, k);
  return k;
}
function readFile(p: string): Uint8Array {
  return process.getBuiltinModule('node:fs').readFileSync(p);
}

/** whether a package folder is one of Jolt's standard libraries */
export const isStdlibDir = (dir: string): boolean =>
  relative(join(installRoot, 'stdlib'), dir).split(/[\\/]/)[0] !== '..';

const cachePath = (name: string, key: string): string =>
  join(storeState.dir, 'packages', name, `${key.slice(0, 16)}.jpc`);

interface PackageCache {
  name: string;
  uuid?: string;
  /** the store entries its precompilation wrote or used */
  entries: string[];
  /** per instance: its index name and its entry */
  index: [string, string][];
  /** the functions defined before the package that its code was inferred against, with their fingerprints */
  deps: [string, string][];
}

export function readPackageCache(name: string, key: string): PackageCache | undefined {
  const r = readImageFile(cachePath(name, key), { kind: 'package', key });
  if (!r.ok) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(r.payload)) as PackageCache;
  } catch {
    return undefined;
  }
}

export function hasPackageCache(name: string, key: string): boolean {
  return storeState.enabled && existsSync(cachePath(name, key)) && readPackageCache(name, key) !== undefined;
}

/** Runs `load` (a package's loading) holding the package's precompile lock when it has no cache yet, so that of
 *  two processes loading it at once one precompiles and the other waits and then loads the cache. */
export function withPrecompileLock<T>(name: string, key: string, load: () => T): T {
  if (!storeState.enabled || readPackageCache(name, key)) return load();
  const path = cachePath(name, key);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch {
    return load(); // a depot that cannot be written: nothing to keep, nothing to lock
  }
  return withLock(`${path}.lock`, load, {
    onWait: holder => {
      if (!precompiling.quiet)
        progress(`Waiting for another process (pid ${holder.pid}) to finish precompiling ${name}...\n`);
    },
  });
}

/** what loading a package does with its cache: `cached` installs the entries after the package's code ran,
 *  `generate` precompiles it in this process */
export type PackageLoad = (
  | { mode: 'off' }
  | { mode: 'cached'; key: string; cache: PackageCache; name: string; lowered: Uint8Array[] | undefined }
  | {
      mode: 'generate';
      key: string;
      from: number;
      t0: number;
      name: string;
      uuid?: string;
      quiet: boolean;
      dir: string;
      top: Module;
    }
) & { saved: Recording };

/** the toplevel recording of an enclosing package's precompilation (a dependency's load must not add to it) */
interface Recording {
  recording: ToplevelItem[] | undefined;
  recordDepth: number;
}

/** Called before a package's file runs, in the module the file runs in (its `__toplevel__`). */
export function beginPackageLoad(
  name: string,
  uuid: string | undefined,
  key: string,
  top: Module,
  dir: string,
): PackageLoad {
  const saved = { recording: session.recording, recordDepth: session.recordDepth };
  session.recording = undefined;
  session.recordDepth = 0;
  if (!storeState.enabled) return { mode: 'off', saved };
  packageKeys.set(top, key);
  const c = readPackageCache(name, key);
  // a damaged lowered-code file makes the cache as good as missing: precompiling again writes both anew
  const lowered = c ? readLowered(name, key) : undefined;
  if (c && lowered !== 'damaged') return { mode: 'cached', key, cache: c, name, lowered, saved };
  precompiling.depth++;
  compileOwners.separate = true;
  session.recording = [];
  // the standard libraries come with Jolt: their caches are made without a word, as Julia's are in its sysimage
  const quiet = precompiling.quiet || isStdlibDir(dir);
  if (!quiet) progress(`Precompiling ${name}...\n`);
  const t0 = performance.now();
  return { mode: 'generate', key, from: compiledModules.length, t0, name, uuid, quiet, dir, top, saved };
}

/** Runs a package's file: its recorded toplevel when its cache has one (no parsing or lowering), else the file
 *  itself. A recording that no longer matches this session (a name it uses is gone) is removed, and the error
 *  says to load again. */
export function runPackageFile(p: PackageLoad, top: Module, run: () => void): void {
  if (p.mode !== 'cached' || !p.lowered) return run();
  const lowered = p.lowered;
  let k = 0;
  try {
    underToplevel(top, () =>
      replayToplevel(
        () => (k < lowered.length ? (decodeNamed(lowered[k++]!) as ToplevelItem) : undefined),
        m => {
          if (m.parent === top && m.name.name === p.name) scope.roots.set(p.name, m);
        },
      ),
    );
  } catch (e) {
    if (!(e instanceof Unresolvable)) throw e;
    rmSync(cachePath(p.name, p.key), { force: true });
    jthrow('ErrorException', utf8Encode(`the precompile cache of ${p.name} is stale (${e.message}); load it again`));
  }
}

/** runs `f` with the names of recorded steps under `__toplevel__` standing for `top`, the module a package's file
 *  runs in */
function underToplevel<R>(top: Module, f: () => R): R {
  scope.roots.set('__toplevel__', top);
  try {
    return f();
  } finally {
    scope.roots.delete('__toplevel__');
  }
}

const loweredPath = (name: string, key: string): string => cachePath(name, key).replace(/\.jpc$/, '.jpl');
/** a package cache's lowered code: undefined when it has none (its toplevel could not be named: the file runs) */
function readLowered(name: string, key: string): Uint8Array[] | undefined | 'damaged' {
  const r = readImageFile(loweredPath(name, key), { kind: 'lowered', key });
  if (!r.ok) return r.problem === 'missing' ? undefined : 'damaged';
  try {
    return decodePlain(r.payload) as Uint8Array[];
  } catch {
    return 'damaged';
  }
}

/** the recorded toplevel as bytes, each step on its own (a step is decoded after the steps before it ran), or
 *  undefined when a step holds something that cannot be named (the package then loads from its file) */
function encodeLowered(items: readonly ToplevelItem[], top: Module): Uint8Array | undefined {
  try {
    return underToplevel(top, () => encodePlain(items.map(it => encodeNamed(it))));
  } catch (e) {
    if (e instanceof Unnameable) return undefined;
    throw e;
  }
}

/** Called once the package's file ran (or failed: `m` undefined). */
export function endPackageLoad(p: PackageLoad, m: Module | undefined): void {
  const items = session.recording;
  session.recording = p.saved.recording;
  session.recordDepth = p.saved.recordDepth;
  if (p.mode === 'off') return;
  if (m) {
    packageKeys.set(m, p.key);
    // names of its code start at the package module, before code loading registers it
    scope.roots.set(p.name, m);
  }
  if (p.mode === 'cached') {
    // one fingerprint per function it depends on; a changed one leaves the check to each entry, when installed
    if (m) {
      changedFunctions(p.cache.deps);
      registerEntries(p.cache.index);
      installOneEntry(p.cache.index);
    }
    return;
  }
  precompiling.depth--;
  compileOwners.separate = precompiling.depth > 0;
  if (!m) return;
  if (!isStdlibDir(p.dir)) precompiling.done.push(p.name);
  const stored = storeCompiled(p.from);
  const own = (mt: MethodTable): boolean => packageKeyOf(mt.module) === p.key;
  const cache: PackageCache = {
    name: p.name,
    uuid: p.uuid,
    entries: stored.keys,
    index: stored.index,
    deps: namedDeps(stored.deps, own),
  };
  const lowered = items ? encodeLowered(items, p.top) : undefined;
  try {
    // the lowered code first: a reader that finds the cache finds it too
    if (lowered) writeImageFile(loweredPath(p.name, p.key), 'lowered', p.key, lowered);
    writeImageFile(cachePath(p.name, p.key), 'package', p.key, new TextEncoder().encode(JSON.stringify(cache)));
  } catch {
    // a depot that cannot be written: the package loads from its sources next time too
  }
  if (!p.quiet) progress(`  \u2713 ${p.name}\n${precompiledLine(1, p.t0)}`);
}

// ------------------------------------------------------------------ what Julia code calls

const nothing = (): Value => T.Nothing!.instance!;

// ccall(:jl_generating_output): whether this process is precompiling a package (PrecompileTools reads it)
registerForeign('jl_generating_output', () => precompiling.depth > 0);

// between jl_workload_begin and jl_workload_end every call is compiled to native code at its first call, so the
// package cache keeps it. The workload's own statements run at the toplevel (PrecompileTools' @compile_workload
// puts them there, not in a function): a function of the workload would be compiled with its callees in one
// module, and the workload's code does not exist when the package loads from its cache.
const workloads: { sync: boolean; threshold: number }[] = [];
registerForeign('jl_workload_begin', () => {
  workloads.push({ sync: jitSettings.sync, threshold: jitSettings.threshold });
  if (execHooks.native) {
    jitSettings.sync = true;
    jitSettings.threshold = 1;
  }
  return nothing();
});
registerForeign('jl_workload_end', () => {
  const saved = workloads.pop();
  if (saved) Object.assign(jitSettings, saved);
  return nothing();
});

/** precompile(f, argtypes): the method instance compiled now (native code when the native tier is on); whether
 *  there is such a method */
registerForeign('jl_precompile', ([f, types]) => {
  const args = [dispatchTypeOf(f!), ...(types as readonly Value[] as JType[])] as DataType[];
  const mt = methodTableFor(f!);
  const r = findMethod(mt, args, world.current, args.map(paramKey).join('|'));
  if (!r || !('method' in r)) return false;
  const mi = specialize(r.method, args, r.sparams);
  if (execHooks.native) compileInstance(mi);
  return true;
});

/** Pkg.precompile(), `]precompile`, `jolt precompile`: every package of the active project that has no valid
 *  cache is precompiled (loaded with its workloads compiled), dependencies first since loading one loads its
 *  dependencies; Julia's progress lines on stderr. */
export function precompileProject(
  load: (name: string) => void,
  deps: readonly string[],
  stale: (name: string) => boolean,
  isStdlib: (name: string) => boolean,
): void {
  const todo = deps.filter(stale);
  const t0 = performance.now();
  if (todo.some(n => !isStdlib(n))) progress('Precompiling project...\n');
  const saveQuiet = precompiling.quiet;
  precompiling.quiet = true;
  const first = precompiling.done.length;
  try {
    // loading a package loads (and precompiles) its dependencies first: each is shown when it is done
    for (const name of todo) {
      const at = precompiling.done.length;
      load(name);
      for (const d of precompiling.done.slice(at)) progress(`  \u2713 ${d}\n`);
    }
  } finally {
    precompiling.quiet = saveQuiet;
  }
  const n = precompiling.done.length - first;
  if (n) progress(precompiledLine(n, t0));
}
