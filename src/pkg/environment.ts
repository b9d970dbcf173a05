// Environments: a project (Project.toml: name, uuid, version, [deps], [compat], [extras], [targets]), the active
// project (`--project`, JOLT_PROJECT, `Pkg.activate`), the default environment in the depot, and LOAD_PATH with
// Julia's `@`, `@v#.#`, `@.` and `@stdlib` entries.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { depotPath } from '../image/depot.ts';
import { installRoot } from '../image/install.ts';
import { PkgError, readToml, str, strTable, writeToml, type TomlTable } from './toml.ts';

export interface Project {
  /** the Project.toml file */
  file: string;
  name: string | undefined;
  uuid: string | undefined;
  version: string | undefined;
  /** name => uuid */
  deps: Record<string, string>;
  /** name => version specification */
  compat: Record<string, string>;
  /** test-only dependencies: name => uuid */
  extras: Record<string, string>;
  /** every other key, kept as read */
  raw: TomlTable;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_RE.test(s);

/** the major.minor of Jolt's version, as Julia's v1.12 names its default environment */
export function versionTag(): string {
  const v = (JSON.parse(readFileSync(join(installRoot, 'package.json'), 'utf8')) as { version: string }).version;
  return 'v' + v.split('.').slice(0, 2).join('.');
}

export function readProject(file: string): Project {
  const t = readToml(file);
  const p: Project = {
    file,
    name: str(t, 'name'),
    uuid: str(t, 'uuid'),
    version: str(t, 'version'),
    deps: strTable(t, 'deps'),
    compat: strTable(t, 'compat'),
    extras: strTable(t, 'extras'),
    raw: t,
  };
  if (p.uuid !== undefined && !isUuid(p.uuid)) throw new PkgError(`${file}: invalid project uuid "${p.uuid}"`);
  for (const [n, u] of Object.entries({ ...p.deps, ...p.extras }))
    if (!isUuid(u)) throw new PkgError(`${file}: the uuid of dependency ${n} is not a UUID: "${u}"`);
  return p;
}

/** a project in `dir` that does not exist yet (an environment is made by its first `add`) */
export function emptyProject(file: string): Project {
  return { file, name: undefined, uuid: undefined, version: undefined, deps: {}, compat: {}, extras: {}, raw: {} };
}

export function loadProjectOrEmpty(file: string): Project {
  return existsSync(file) ? readProject(file) : emptyProject(file);
}

const sorted = (r: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** writes the project atomically, in Julia's key order (name, uuid, authors, version, then the tables) */
export function writeProject(p: Project): void {
  const t: TomlTable = {};
  if (p.name !== undefined) t.name = p.name;
  if (p.uuid !== undefined) t.uuid = p.uuid;
  if (p.raw.authors !== undefined) t.authors = p.raw.authors;
  if (p.version !== undefined) t.version = p.version;
  for (const [k, v] of Object.entries(p.raw))
    if (!['name', 'uuid', 'authors', 'version', 'deps', 'compat', 'extras', 'targets'].includes(k)) t[k] = v;
  if (Object.keys(p.deps).length) t.deps = sorted(p.deps);
  if (Object.keys(p.compat).length) t.compat = sorted(p.compat);
  if (Object.keys(p.extras).length) t.extras = sorted(p.extras);
  if (p.raw.targets !== undefined) t.targets = p.raw.targets;
  writeToml(p.file, t);
}

// ---------------------------------------------------------------------------------------------------------------
// The active project and LOAD_PATH

export const pkgState = {
  /** the Project.toml of the active project, or undefined for the default environment */
  activeProject: undefined as string | undefined,
};

/** the project file of a directory or file name a user gave (`--project=dir`, `Pkg.activate(dir)`) */
export function projectFileOf(path: string): string {
  const p = resolve(path);
  if (/(Julia)?Project\.toml$/.test(p)) return p;
  if (existsSync(join(p, 'JuliaProject.toml'))) return join(p, 'JuliaProject.toml');
  return join(p, 'Project.toml');
}

/** `@.`: the nearest folder upwards from the working directory holding a Project.toml */
function searchUpwards(from: string): string | undefined {
  for (let d = resolve(from); ; d = dirname(d)) {
    for (const n of ['JuliaProject.toml', 'Project.toml']) if (existsSync(join(d, n))) return join(d, n);
    if (dirname(d) === d) return undefined;
  }
}

/** the active project from `--project[=DIR]` or JOLT_PROJECT (`@.` or an empty value: search upwards) */
export function initActiveProject(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  const v = flag ?? env.JOLT_PROJECT;
  if (v === undefined) return;
  if (v === '' || v === '@.') pkgState.activeProject = searchUpwards(process.cwd()) ?? projectFileOf(process.cwd());
  else pkgState.activeProject = (v.startsWith('@') ? expandEntry(v) : undefined) ?? projectFileOf(v);
}

export function defaultEnvironment(): string {
  return join(depotPath(), 'environments', versionTag(), 'Project.toml');
}

/** Base.active_project(): the active project, else the default environment's */
export function activeProjectFile(): string {
  return pkgState.activeProject ?? defaultEnvironment();
}

export const stdlibDir = (): string => join(installRoot, 'stdlib');

/** LOAD_PATH's default: the active project, the default environment, the standard library */
export const DEFAULT_LOAD_PATH = ['@', '@v#.#', '@stdlib'];

/** JOLT_LOAD_PATH as Julia reads JULIA_LOAD_PATH: `:`-separated, an empty entry standing for the defaults */
export function initialLoadPath(env: NodeJS.ProcessEnv = process.env): string[] {
  const v = env.JOLT_LOAD_PATH;
  if (v === undefined) return [...DEFAULT_LOAD_PATH];
  return v.split(':').flatMap(e => (e === '' ? DEFAULT_LOAD_PATH : [e]));
}

/** one LOAD_PATH entry as a project file or a package folder (stdlib), or undefined (`@` with no active project) */
export function expandEntry(e: string): string | undefined {
  if (e === '@') return pkgState.activeProject;
  if (e === '@.') return searchUpwards(process.cwd());
  if (e === '@stdlib') return stdlibDir();
  if (e === '@v#.#') return defaultEnvironment();
  if (e.startsWith('@')) {
    const name = e.slice(1).replace('#.#', versionTag().slice(1));
    return join(depotPath(), 'environments', name, 'Project.toml');
  }
  const p = resolve(e);
  return existsSync(p) && statSync(p).isDirectory() && !existsSync(join(p, 'Project.toml')) ? p : projectFileOf(p);
}

/** the name the `]` prompt and Pkg's messages give an environment: `@v0.1` for a depot one, else its folder's */
export function environmentLabel(file: string): string {
  const envs = join(depotPath(), 'environments');
  if (dirname(dirname(file)) === envs) return '@' + dirname(file).slice(envs.length + 1);
  try {
    const p = readProject(file);
    if (p.name) return p.name;
  } catch {
    /* a broken project still has a folder */
  }
  return dirname(file).split('/').pop()!;
}

/** a path as Pkg prints it: under the home folder as `~/...` */
export function prettyPath(p: string): string {
  const home = process.env.HOME;
  return home && (p === home || p.startsWith(home + '/')) ? '~' + p.slice(home.length) : p;
}
