// Code loading: `using Foo` / `import Foo` finds Foo through LOAD_PATH's environments (the project's [deps] and
// its manifest, or a folder of packages such as the standard library), loads `src/Foo.jl` once per session, and
// registers the module in Base.loaded_modules with its file (pathof). A package may only load what its own
// dependencies list, as in Julia.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { installRoot } from '../image/install.ts';
import type { Plan, PrecompileTask, Result } from './precompile_tasks.ts';
import { Module, sym, T, type Value } from '../runtime/values.ts';
import { jthrow } from '../runtime/errors.ts';
import { getGlobal, state } from '../runtime/modules.ts';
import { world } from '../runtime/methods.ts';
import { utf8Encode } from '../runtime/utf8.ts';
import { callFunction } from '../interpreter/interpret.ts';
import { includeFile, newModule, session } from '../interpreter/toplevel.ts';
import { expandEntry, readProject, activeProjectFile, type Project } from './environment.ts';
import { manifestFileFor, readManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import { installedPath } from './registry.ts';
import { TomlParseError, PkgError } from './toml.ts';
import {
  beginPackageLoad,
  endPackageLoad,
  packageKey,
  precompileProject,
  hasPackageCache,
  isStdlibDir,
  withPrecompileLock,
  runPackageFile,
  progress,
  precompiledLine,
} from './precompile.ts';

/** where a package was found: its identity, its folder, and the environment (project file or package folder) */
export interface Located {
  name: string;
  uuid: string | undefined;
  dir: string;
  env: string;
}

/** the packages this process loaded, by module (a session image keeps the modules, not this: a package loaded
 *  from an image is looked up again by name when it loads another) */
const located = new Map<Module, Located>();
/** the packages being loaded, outermost first: a package met again here is a cycle */
const loading: string[] = [];

/** Base.LOAD_PATH's entries as strings */
export function loadPath(): string[] {
  const v = state.Base?.bindings.get(sym('LOAD_PATH'))?.get() as { length: number; at(i: number): Value } | undefined;
  if (!v || typeof v.at !== 'function') return ['@', '@v#.#', '@stdlib'];
  const out: string[] = [];
  for (let k = 0; k < v.length; k++) out.push(Buffer.from(v.at(k) as string, 'latin1').toString('utf8'));
  return out;
}

const manifests = new Map<string, { mtime: number; m: Manifest }>();
function manifestOf(projectFile: string): Manifest {
  const file = manifestFileFor(projectFile);
  const mtime = existsSync(file) ? statSync(file).mtimeMs : -1;
  const c = manifests.get(file);
  if (c && c.mtime === mtime) return c.m;
  const m = readManifest(file);
  manifests.set(file, { mtime, m });
  return m;
}

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();

/** the folder of a manifest entry's code: its path, its installed version in the depot, or the stdlib's */
export function entryDir(e: ManifestEntry, manifestFile: string): string | undefined {
  if (e.path !== undefined) return resolve(dirname(manifestFile), e.path);
  if (e.treeHash !== undefined) return installedPath(e.name, e.uuid, e.treeHash);
  const std = expandEntry('@stdlib')!;
  return isDir(join(std, e.name)) ? join(std, e.name) : undefined;
}

function notInstalled(name: string, uuid: string): never {
  jthrow(
    'ArgumentError',
    utf8Encode(
      `Package ${name} [${uuid}] is required but does not seem to be installed:\n` +
        ` - Run \`Pkg.instantiate()\` to install all recorded dependencies.\n`,
    ),
  );
}

function fromManifest(name: string, uuid: string, env: string): Located {
  const m = manifestOf(env);
  const e = m.entries.get(uuid);
  if (!e) notInstalled(name, uuid);
  const dir = entryDir(e, m.file);
  if (!dir || !isDir(dir)) notInstalled(name, uuid);
  return { name, uuid, dir, env };
}

/** Foo through one LOAD_PATH environment, seen from the toplevel */
function inEnvironment(name: string, env: string): Located | undefined {
  if (!env.endsWith('.toml')) {
    // a folder of packages (@stdlib)
    const dir = join(env, name);
    if (!existsSync(join(dir, 'src', `${name}.jl`)) && !existsSync(join(dir, 'Project.toml'))) return undefined;
    const p = existsSync(join(dir, 'Project.toml')) ? readProject(join(dir, 'Project.toml')) : undefined;
    return { name, uuid: p?.uuid, dir, env };
  }
  if (!existsSync(env)) return undefined;
  const p = readProject(env);
  if (p.name === name) return { name, uuid: p.uuid, dir: dirname(env), env };
  const uuid = p.deps[name];
  return uuid ? fromManifest(name, uuid, env) : undefined;
}

/** the names and uuids a loaded package may load: its [deps], as its environment records them */
function depsOf(where: Located): Record<string, string> | undefined {
  if (!where.env.endsWith('.toml')) {
    const f = join(where.dir, 'Project.toml');
    return existsSync(f) ? readProject(f).deps : {};
  }
  const p: Project = readProject(where.env);
  if (p.name === where.name && p.uuid === where.uuid) return p.deps;
  const m = manifestOf(where.env);
  const e = where.uuid ? m.entries.get(where.uuid) : undefined;
  if (!e) return undefined;
  const out: Record<string, string> = {};
  for (const d of e.deps) {
    const u = [...m.entries.values()].find(x => x.name === d)?.uuid;
    if (u) out[d] = u;
  }
  return out;
}

function notFound(name: string): never {
  jthrow(
    'ArgumentError',
    utf8Encode(
      `Package ${name} not found in current path.\n- Run \`import Pkg; Pkg.add(${JSON.stringify(name)})\` to install the ${name} package.`,
    ),
  );
}

function missingDependency(where: string, name: string): never {
  jthrow(
    'ArgumentError',
    utf8Encode(
      `Package ${where} does not have ${name} in its dependencies:\n` +
        `- You may have a partially installed environment. Try \`Pkg.instantiate()\`\n` +
        `  to ensure all packages in the environment are installed.\n` +
        `- Or, if you have ${where} checked out for development and have\n` +
        `  added ${name} as a dependency but haven't updated your primary\n` +
        `  environment's manifest file, try \`Pkg.resolve()\`.\n` +
        `- Otherwise you may need to report an issue with ${where}`,
    ),
  );
}

/** the package that `mod` belongs to (a module of it, or the file's toplevel while it loads), if this process
 *  loaded it */
function packageOf(mod: Module): Located | undefined {
  for (let m: Module | null = mod; m; m = m.parent === m ? null : m.parent) {
    const l = located.get(m);
    if (l) return l;
  }
  return undefined;
}

/** where `name` is, seen from `into` (Main, or a module of a package) */
export function locate(name: string, into: Module): Located {
  const where = packageOf(into);
  try {
    if (where) {
      const deps = depsOf(where);
      if (deps) {
        const uuid = deps[name];
        if (!uuid) missingDependency(where.name, name);
        if (!where.env.endsWith('.toml')) {
          const l = inEnvironment(name, where.env);
          if (!l) notFound(name);
          return l;
        }
        return fromManifest(name, uuid, where.env);
      }
    }
    for (const e of loadPath()) {
      const env = expandEntry(e);
      if (!env) continue;
      const l = inEnvironment(name, env);
      if (l) return l;
    }
  } catch (e) {
    if (e instanceof TomlParseError || e instanceof PkgError) jthrow('ErrorException', utf8Encode(e.message));
    throw e;
  }
  notFound(name);
}

/** `using Foo` / `import Foo` of a name that is not a module in scope: the package, loaded once per session (a
 *  cycle is caught before locating, whose error would hide it) */
export function requirePackage(name: string, into: Module): Module {
  if (loading.includes(name))
    jthrow(
      'ErrorException',
      utf8Encode(`cyclic dependency between packages: ${[...loading.slice(loading.indexOf(name)), name].join(' -> ')}`),
    );
  // as in Julia, a package already loaded is still looked up: the environment must provide it
  return loadLocated(locate(name, into));
}

/** loads a located package (once per session): from its cache, or precompiling it */
export function loadLocated(l: Located): Module {
  const name = l.name;
  const done = session.loaded.get(name);
  if (done) return done;
  const file = join(l.dir, 'src', `${name}.jl`);
  const id = l.uuid ? `${name} [${l.uuid}]` : name;
  if (!existsSync(file))
    jthrow('ArgumentError', utf8Encode(`Package ${id} has no source file: expected ${file} to define module ${name}`));
  // the file runs in a module of its own, as Julia's __toplevel__: the package module is the one it defines
  const top = newModule(sym('__toplevel__'), null);
  loading.push(name);
  located.set(top, l);
  const key = keyOf(l);
  const m = withPrecompileLock(name, key, () => {
    const cache = beginPackageLoad(name, l.uuid, key, top, l.dir);
    let m: Value | undefined;
    try {
      runPackageFile(cache, top, () => void includeFile(top, file, true));
      m = top.bindings.get(sym(name))?.get();
    } finally {
      loading.pop();
      endPackageLoad(cache, m instanceof Module ? m : undefined);
    }
    return m;
  });
  if (!(m instanceof Module))
    jthrow(
      'ErrorException',
      utf8Encode(
        `package \`${name}\` did not define the expected module \`${name}\`, check for typos in package module name`,
      ),
    );
  session.loaded.set(name, m);
  located.set(m, l);
  registerLoaded(l.uuid, name, file, m);
  return m;
}

const keys = new Map<string, string>();
/** the dependency `name` (`uuid`) of a located package, where its environment has it */
function dependency(l: Located, name: string, uuid: string): Located | undefined {
  try {
    return l.env.endsWith('.toml') ? fromManifest(name, uuid, l.env) : inEnvironment(name, l.env);
  } catch {
    return undefined;
  }
}

/** a located package's content key (precompile.ts packageKey), with its dependencies' keys */
function keyOf(l: Located, seen: string[] = []): string {
  const have = keys.get(l.dir);
  if (have) return have;
  const deps: string[] = [];
  if (!seen.includes(l.dir)) {
    const names = depsOf(l) ?? {};
    for (const d of Object.keys(names).sort()) {
      const dl = dependency(l, d, names[d]!);
      deps.push(dl ? `${d}=${keyOf(dl, [...seen, l.dir])}` : `${d}=?`);
    }
  }
  const k = packageKey(l.name, l.uuid, l.dir, deps);
  keys.set(l.dir, k);
  return k;
}

/** records the module in Base.loaded_modules and its file in Base.pkgorigins (both saved with a session image) */
export function registerLoaded(uuid: string | undefined, name: string, file: string, m: Module): void {
  const reg = state.Base?.bindings.get(sym('_register_package'))?.get();
  if (reg === undefined) return;
  const saveWorld = state.world;
  state.world = world.current;
  try {
    callFunction(getGlobal(state.Base!, sym('_register_package')), [
      uuid === undefined ? T.Nothing!.instance! : utf8Encode(uuid),
      utf8Encode(name),
      utf8Encode(file),
      m,
    ]);
  } finally {
    state.world = saveWorld;
  }
}

/** `Pkg.precompile()`: the active project's dependencies (and the project itself when it is a package), with
 *  the packages they depend on. Several to do: each in a process of its own, in parallel where they are
 *  independent (precompile_tasks.ts), as Julia does; one: in this process. */
export function precompileActiveProject(): void {
  const env = activeProjectFile();
  if (!existsSync(env)) return;
  const p = readProject(env);
  const Main = getGlobal(state.Base!, sym('Main')) as Module;
  const names = Object.keys(p.deps).sort();
  if (p.name) names.push(p.name);
  if (precompileInParallel(names.map(n => locate(n, Main)))) return;
  precompileProject(
    name => void requirePackage(name, Main),
    names,
    name => {
      if (session.loaded.has(name)) return false;
      const l = locate(name, Main);
      return !hasPackageCache(name, keyOf(l));
    },
    name => isStdlibDir(locate(name, Main).dir),
  );
}

/** how many precompiling processes at once: JOLT_NUM_PRECOMPILE_TASKS (Julia's JULIA_NUM_PRECOMPILE_TASKS), else
 *  one per CPU */
function precompileTasks(): number {
  const n = Number(process.env.JOLT_NUM_PRECOMPILE_TASKS);
  return Number.isInteger(n) && n > 0 ? n : availableParallelism();
}

/** Precompiles the stale packages among `roots` and what they depend on, each in a `jolt` process of its own
 *  (a standard library is left to the process that needs it: it precompiles quietly, under its lock). False when
 *  no two of them are independent, or one process at a time is asked for: the caller then does them in this
 *  process, one after another. */
function precompileInParallel(roots: Located[]): boolean {
  const limit = precompileTasks();
  const graph = new Map<string, { l: Located; deps: string[] }>();
  const visit = (l: Located): void => {
    if (graph.has(l.dir)) return;
    const node = { l, deps: [] as string[] };
    graph.set(l.dir, node);
    const names = depsOf(l) ?? {};
    for (const d of Object.keys(names).sort()) {
      const dl = dependency(l, d, names[d]!);
      if (!dl) continue;
      visit(dl);
      node.deps.push(dl.dir);
    }
  };
  roots.forEach(visit);
  const todo = new Set(
    [...graph.values()]
      .filter(({ l }) => !isStdlibDir(l.dir) && !session.loaded.has(l.name) && !hasPackageCache(l.name, keyOf(l)))
      .map(({ l }) => l.dir),
  );
  if (todo.size < 2 || limit < 2) return false;
  // what a task waits for: the packages to do that it depends on, directly or not
  const below = (dir: string, into = new Set<string>()): Set<string> => {
    for (const d of graph.get(dir)!.deps)
      if (!into.has(d)) {
        into.add(d);
        below(d, into);
      }
    return into;
  };
  const dirs = [...todo];
  const waits = new Map(dirs.map(dir => [dir, [...below(dir)].filter(d => todo.has(d))]));
  // a chain (each waiting for the one before) gains nothing from processes of its own: this process does it
  const independent = dirs.some((a, i) =>
    dirs.slice(i + 1).some(b => !waits.get(a)!.includes(b) && !waits.get(b)!.includes(a)),
  );
  if (!independent) return false;
  const tasks: PrecompileTask[] = dirs.map(dir => {
    const { l } = graph.get(dir)!;
    return {
      id: dir,
      name: l.name,
      deps: waits.get(dir)!,
      env: { JOLT_PRECOMPILE_PACKAGE: JSON.stringify(l), JOLT_PRECOMPILE_QUIET: '1' },
    };
  });
  const plan: Plan = {
    node: process.execPath,
    args: [join(installRoot, 'bin', 'jolt.js'), '--startup-file=no', '-e', 'ccall(:jl_precompile_package, Any, ())'],
    cwd: process.cwd(),
    limit,
    tasks,
  };
  const t0 = performance.now();
  progress('Precompiling project...\n');
  // (node:child_process is loaded only here: a start does without it)
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  const r = spawnSync(process.execPath, [join(installRoot, 'src', 'pkg', 'precompile_tasks.ts')], {
    input: JSON.stringify(plan),
    stdio: ['pipe', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new PkgError(`precompiling failed to start: ${r.stderr ?? r.error?.message ?? ''}`);
  const res = JSON.parse(r.stdout) as Result;
  progress(precompiledLine(res.done.length, t0));
  if (res.failed.length)
    throw new PkgError(
      `The following ${res.failed.length === 1 ? 'package' : `${res.failed.length} packages`} failed to precompile:\n` +
        res.failed.map(f => `\n${f.name}\n${f.output.trimEnd()}\n`).join('') +
        (res.skipped.length ? `\nnot precompiled, since a dependency failed: ${res.skipped.join(', ')}` : ''),
    );
  return true;
}

/** in a process of precompile_tasks.ts: loads (precompiling) the package JOLT_PRECOMPILE_PACKAGE names */
export function precompileNamedPackage(): void {
  const l = JSON.parse(process.env.JOLT_PRECOMPILE_PACKAGE ?? 'null') as Located | null;
  if (!l) throw new PkgError('JOLT_PRECOMPILE_PACKAGE is not set');
  loadLocated(l);
}
