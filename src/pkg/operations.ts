// The Pkg operations on the active environment: activate, generate, add, develop, rm, status, instantiate, resolve
// and test, printing what Julia's Pkg prints (`Resolving`, `Updating`, the `Status` listing, each change as
// `[uuid] + Name vX.Y.Z`). Both `Pkg.add(...)` (stdlib/Pkg, through a foreign call) and the REPL's `]` mode come
// here. Every change is computed first and written last (each file atomically), so a failed operation leaves the
// environment as it was.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve as resolvePath } from 'node:path';
import { installRoot, joltVersion } from '../image/install.ts';
import { flushAll, writeBytes } from '../runtime/foreign.ts';
import { utf8Encode } from '../runtime/utf8.ts';
import {
  activeProjectFile,
  loadProjectOrEmpty,
  pkgState,
  prettyPath,
  projectFileOf,
  readProject,
  stdlibDir,
  writeProject,
  type Project,
} from './environment.ts';
import {
  isOutOfDate,
  manifestFileFor,
  OUT_OF_DATE,
  projectHash,
  readManifest,
  writeManifest,
  type Manifest,
  type ManifestEntry,
} from './manifest.ts';
import { findByName, install, registries, installedPath, registryPackage } from './registry.ts';
import { resolve, type FixedPackage } from './resolver.ts';
import { PkgError } from './toml.ts';
import { treeHash } from './tree_hash.ts';
import { cpSync, renameSync } from 'node:fs';
import { parseCompat, parseVersion, showVersion } from './versions.ts';

/** one package named in an operation: by name (optionally with a version), or by folder */
export interface PackageSpec {
  name?: string | undefined;
  path?: string | undefined;
  version?: string | undefined;
}

const err = (s: string): void => writeBytes(2, utf8Encode(s));
const out = (s: string): void => writeBytes(1, utf8Encode(s));
/** a Pkg progress line: the verb right-aligned in 12 columns, as Pkg prints it */
const say = (verb: string, rest: string): void => err(`${verb.padStart(12)} ${rest}\n`);

interface Env {
  project: Project;
  manifest: Manifest;
}

function loadEnv(file = activeProjectFile()): Env {
  return { project: loadProjectOrEmpty(file), manifest: readManifest(manifestFileFor(file)) };
}

// ---------------------------------------------------------------------------------------------------------------
// Standard libraries: each stdlib/<Name>/ with a Project.toml

interface Stdlib {
  name: string;
  uuid: string;
  project: Project;
}
let stdlibCache: Map<string, Stdlib> | undefined;
export function stdlibs(): Map<string, Stdlib> {
  if (stdlibCache) return stdlibCache;
  stdlibCache = new Map();
  for (const n of readdirSync(stdlibDir())) {
    const f = join(stdlibDir(), n, 'Project.toml');
    if (!existsSync(f)) continue;
    const p = readProject(f);
    if (p.uuid) stdlibCache.set(p.uuid, { name: n, uuid: p.uuid, project: p });
  }
  return stdlibCache;
}

// ---------------------------------------------------------------------------------------------------------------
// Describing packages and changes

const short = (uuid: string): string => `[${uuid.slice(0, 8)}]`;

/** a manifest entry as the listings show it: `Name vX.Y.Z` and, for a developed package, its path */
function describe(e: ManifestEntry | undefined, name: string): string {
  if (!e) return name;
  let s = name + (e.version ? ` v${e.version}` : '');
  if (e.path) s += ` \`${e.path}\``;
  else if (e.repoUrl) s += ` \`${e.repoUrl}\``;
  return s;
}

function printDiff(
  file: string,
  before: Map<string, ManifestEntry>,
  after: Map<string, ManifestEntry>,
  only?: Set<string>,
): boolean {
  const lines: string[] = [];
  const uuids = [...new Set([...before.keys(), ...after.keys()])].filter(u => !only || only.has(u));
  const nameOf = (u: string) => (after.get(u) ?? before.get(u))!.name;
  uuids.sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
  for (const u of uuids) {
    const a = before.get(u),
      b = after.get(u);
    if (!a) lines.push(`  ${short(u)} + ${describe(b, b!.name)}`);
    else if (!b) lines.push(`  ${short(u)} - ${describe(a, a.name)}`);
    else {
      const da = describe(a, a.name),
        db = describe(b, b.name);
      if (da === db && a.treeHash === b.treeHash) continue;
      const va = parseVersion(a.version ?? ''),
        vb = parseVersion(b.version ?? '');
      const mark = va && vb && !a.path && !b.path ? (cmp(vb, va) > 0 ? '↑' : cmp(vb, va) < 0 ? '↓' : '~') : '~';
      lines.push(`  ${short(u)} ${mark} ${da} ⇒ ${db.slice(b.name.length + 1)}`);
    }
  }
  if (!lines.length) return false;
  say('Updating', `\`${prettyPath(file)}\``);
  err(lines.join('\n') + '\n');
  return true;
}
const cmp = (a: readonly number[], b: readonly number[]): number => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;

// ---------------------------------------------------------------------------------------------------------------
// Resolving an environment

/** the folder a manifest entry's code is in */
function entryFolder(e: ManifestEntry, manifestFile: string): string | undefined {
  if (e.path !== undefined) return resolvePath(dirname(manifestFile), e.path);
  if (e.treeHash !== undefined) return installedPath(e.name, e.uuid, e.treeHash);
  const s = stdlibs().get(e.uuid);
  return s ? join(stdlibDir(), s.name) : undefined;
}

function fixedFromFolder(name: string, uuid: string, dir: string): FixedPackage {
  const f = projectFileOf(dir);
  const p = existsSync(f) ? readProject(f) : undefined;
  return {
    name,
    uuid,
    version: p?.version ? parseVersion(p.version) : undefined,
    deps: p?.deps ?? {},
    compat: p?.compat ?? {},
  };
}

/** resolves the project's dependencies anew (developed and path-added packages stay as they are) and returns the
 *  new manifest; registry versions it chose are installed into the depot */
function resolveManifest(env: Env, pins: Record<string, string> = {}): Manifest {
  const fixed = new Map<string, FixedPackage>();
  const old = env.manifest.entries;
  for (const s of stdlibs().values())
    fixed.set(s.uuid, { name: s.name, uuid: s.uuid, version: undefined, deps: s.project.deps, compat: {} });
  for (const e of old.values()) {
    if (e.path !== undefined || e.repoUrl !== undefined) {
      const dir = entryFolder(e, env.manifest.file)!;
      if (!existsSync(dir))
        throw new PkgError(`expected package \`${e.name} ${short(e.uuid)}\` to exist at path \`${dir}\``);
      fixed.set(e.uuid, fixedFromFolder(e.name, e.uuid, dir));
    }
  }
  if (!Object.keys(env.project.deps).length) {
    return { file: env.manifest.file, projectHash: projectHash(env.project), entries: new Map() };
  }
  say('Resolving', 'package versions...');
  const label = env.project.name
    ? `${env.project.name}${env.project.uuid ? ' ' + short(env.project.uuid) : ''} (the project)`
    : `the project ${prettyPath(env.project.file)}`;
  const compat = { ...env.project.compat };
  for (const [n, v] of Object.entries(pins)) compat[n] = `=${v}`;
  const chosen = resolve({ label, deps: env.project.deps, compat }, fixed);
  const entries = new Map<string, ManifestEntry>();
  for (const r of chosen.values()) {
    const prev = old.get(r.uuid);
    const std = stdlibs().get(r.uuid);
    const e: ManifestEntry = {
      name: r.name,
      uuid: r.uuid,
      version: r.version ? showVersion(r.version) : std?.project.version,
      path: prev?.path,
      treeHash: r.treeHash ?? (prev?.repoUrl ? prev.treeHash : undefined),
      repoUrl: prev?.repoUrl,
      deps: Object.keys(r.deps),
    };
    entries.set(r.uuid, e);
  }
  for (const r of chosen.values())
    if (r.reg && r.version && install(r.reg, r.version, r.treeHash!))
      say('Installed', `${r.name} ─ v${showVersion(r.version)}`);
  return { file: env.manifest.file, projectHash: projectHash(env.project), entries };
}

/** writes the environment's files if they changed, printing each file's changes */
function commit(before: Env, project: Project, manifest: Manifest): void {
  const projBefore = new Map<string, ManifestEntry>();
  const projAfter = new Map<string, ManifestEntry>();
  for (const u of Object.values(before.project.deps)) {
    const e = before.manifest.entries.get(u);
    if (e) projBefore.set(u, e);
  }
  for (const [n, u] of Object.entries(project.deps))
    projAfter.set(
      u,
      manifest.entries.get(u) ?? {
        name: n,
        uuid: u,
        version: undefined,
        path: undefined,
        treeHash: undefined,
        deps: [],
      },
    );
  mkdirSync(dirname(project.file), { recursive: true });
  writeProject(project);
  writeManifest(manifest, joltVersion().split('+')[0]!);
  const p = printDiff(project.file, projBefore, projAfter);
  const m = printDiff(manifest.file, before.manifest.entries, manifest.entries);
  if (!p && !m) say('No Changes', `to \`${prettyPath(project.file)}\``);
}

// ---------------------------------------------------------------------------------------------------------------
// The operations

const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function suggestions(name: string, candidates: string[]): string[] {
  const dist = (a: string, b: string): number => {
    const d = Array.from({ length: b.length + 1 }, (_, k) => k);
    for (let i = 1; i <= a.length; i++) {
      let prev = d[0]!;
      d[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const t = d[j]!;
        d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
        prev = t;
      }
    }
    return d[b.length]!;
  };
  return candidates
    .map(c => ({ c, d: dist(name, c) }))
    .filter(x => x.d <= Math.max(2, Math.floor(name.length / 3)))
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .map(x => x.c);
}

function unresolvable(names: string[], where: string): never {
  const known = [
    ...new Set([
      ...registries().flatMap(r => [...r.packages.values()].map(p => p.name)),
      ...[...stdlibs().values()].map(s => s.name),
    ]),
  ];
  const lines = ['The following package names could not be resolved:'];
  for (const n of names) {
    lines.push(` * ${n} (not found in ${where})`);
    const s = suggestions(n, known);
    if (s.length) lines.push(`   Suggestions: ${s.join(' ')}`);
  }
  throw new PkgError(lines.join('\n'));
}

export function activate(path: string | undefined): void {
  if (path === undefined) {
    pkgState.activeProject = undefined;
    say('Activating', `project at \`${prettyPath(dirname(activeProjectFile()))}\``);
    return;
  }
  const file = projectFileOf(path);
  pkgState.activeProject = file;
  say('Activating', `${existsSync(file) ? '' : 'new '}project at \`${prettyPath(dirname(file))}\``);
}

export function generate(path: string): void {
  const dir = resolvePath(path);
  const name = basename(dir).replace(/\.jl$/, '');
  if (!VALID_NAME.test(name)) throw new PkgError(`${name} is not a valid package name`);
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length))
    throw new PkgError(`${dir} already exists`);
  say('Generating', ` project ${name}:`);
  const tmp = mkdtempSync(join(dirname(dir), `.${name}-`));
  try {
    mkdirSync(join(tmp, 'src'));
    const proj: Project = {
      file: join(tmp, 'Project.toml'),
      name,
      uuid: process.getBuiltinModule('node:crypto').randomUUID(),
      version: '0.1.0',
      deps: {},
      compat: {},
      extras: {},
      raw: {},
    };
    writeProject(proj);
    writeFileSync(
      join(tmp, 'src', `${name}.jl`),
      `module ${name}\n\ngreet() = print("Hello World!")\n\nend # module ${name}\n`,
    );
    if (existsSync(dir)) rmSync(dir, { recursive: true });
    renameSync(tmp, dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const rel = relative(process.cwd(), dir) || '.';
  err(`    ${join(rel, 'Project.toml')}\n    ${join(rel, 'src', `${name}.jl`)}\n`);
}

/** the package in a folder: its name and uuid from its Project.toml */
function packageAt(dir: string): { name: string; uuid: string } {
  const f = projectFileOf(dir);
  if (!existsSync(dir)) throw new PkgError(`Path \`${dir}\` does not exist.`);
  if (!existsSync(f)) throw new PkgError(`could not find project file (Project.toml) in package at \`${dir}\``);
  const p = readProject(f);
  if (!p.name) throw new PkgError(`project file at \`${f}\` has no \`name\` entry: it is not a package`);
  if (!p.uuid) throw new PkgError(`project file at \`${f}\` has no \`uuid\` entry: it is not a package`);
  return { name: p.name, uuid: p.uuid };
}

export function develop(specs: PackageSpec[]): void {
  const before = loadEnv();
  const project = structuredClone(before.project);
  const manifest: Manifest = { ...before.manifest, entries: new Map(before.manifest.entries) };
  for (const s of specs) {
    if (s.path === undefined)
      throw new PkgError(`develop needs a path to a package folder here: \`Pkg.develop(path="...")\``);
    const dir = resolvePath(s.path);
    const { name, uuid } = packageAt(dir);
    project.deps[name] = uuid;
    const envDir = dirname(project.file);
    const stored = isAbsolute(s.path) ? dir : relative(envDir, dir) || '.';
    manifest.entries.set(uuid, { name, uuid, version: undefined, path: stored, treeHash: undefined, deps: [] });
  }
  commit(before, project, resolveManifest({ project, manifest }));
}

export function add(specs: PackageSpec[]): void {
  const before = loadEnv();
  const project = structuredClone(before.project);
  const manifest: Manifest = { ...before.manifest, entries: new Map(before.manifest.entries) };
  const pins: Record<string, string> = {};
  const missing: string[] = [];
  for (const s of specs) {
    if (s.path !== undefined) {
      // a snapshot of the folder, kept in the depot by its tree hash (a developed package follows the folder)
      const dir = resolvePath(s.path);
      const { name, uuid } = packageAt(dir);
      const tree = treeHash(dir);
      const dest = installedPath(name, uuid, tree);
      if (!existsSync(dest)) {
        mkdirSync(dirname(dest), { recursive: true });
        const tmp = mkdtempSync(join(dirname(dest), '.install-'));
        cpSync(dir, tmp, { recursive: true, filter: src => basename(src) !== '.git' });
        renameSync(tmp, dest);
      }
      project.deps[name] = uuid;
      const v = readProject(projectFileOf(dir)).version;
      manifest.entries.set(uuid, { name, uuid, version: v, path: undefined, treeHash: tree, repoUrl: dir, deps: [] });
      continue;
    }
    const name = s.name!;
    if (s.version !== undefined && !parseCompat(s.version))
      throw new PkgError(`invalid version specifier \`${s.version}\``);
    const std = [...stdlibs().values()].find(x => x.name === name);
    const found = findByName(name);
    const uuid = std?.uuid ?? found[0]?.uuid;
    if (!uuid) {
      missing.push(name);
      continue;
    }
    if (found.length > 1)
      throw new PkgError(`there are multiple registered \`${name}\` packages, explicitly set the uuid`);
    project.deps[name] = uuid;
    if (s.version !== undefined) pins[name] = s.version;
  }
  if (missing.length) unresolvable(missing, 'project, manifest or registry');
  commit(before, project, resolveManifest({ project, manifest }, pins));
}

export function rm(specs: PackageSpec[]): void {
  const before = loadEnv();
  const project = structuredClone(before.project);
  const missing = specs.map(s => s.name!).filter(n => project.deps[n] === undefined);
  if (missing.length) unresolvable(missing, 'project');
  for (const s of specs) {
    delete project.deps[s.name!];
    delete project.compat[s.name!];
  }
  commit(before, project, resolveManifest({ project, manifest: before.manifest }));
}

function warnOutOfDate(): void {
  const lines = OUT_OF_DATE.split('\n');
  err(
    `┌ Warning: ${lines[0]}\n${lines
      .slice(1)
      .map(l => `│ ${l}\n`)
      .join('')}└ @ Pkg.API\n`,
  );
}

export function status(): void {
  const env = loadEnv();
  const { project, manifest } = env;
  if (project.name) out(`Project ${project.name}${project.version ? ' v' + project.version : ''}\n`);
  const deps = Object.entries(project.deps).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  out(`Status \`${prettyPath(project.file)}\`${deps.length ? '' : ' (empty project)'}\n`);
  for (const [n, u] of deps) {
    const e = manifest.entries.get(u);
    const installed = e && existsSync(entryFolder(e, manifest.file) ?? '');
    out(`${installed ? '  ' : '→ '}${short(u)} ${describe(e, n)}\n`);
  }
  if (
    deps.some(
      ([, u]) => !manifest.entries.has(u) || !existsSync(entryFolder(manifest.entries.get(u)!, manifest.file) ?? ''),
    )
  )
    out('Info Packages marked with → are not downloaded, use `instantiate` to download\n');
  if (isOutOfDate(project, manifest)) warnOutOfDate();
}

export function instantiate(): void {
  const env = loadEnv();
  if (!existsSync(env.project.file)) return;
  if (!existsSync(env.manifest.file)) {
    commit(env, env.project, resolveManifest(env));
    return;
  }
  if (isOutOfDate(env.project, env.manifest)) warnOutOfDate();
  for (const e of env.manifest.entries.values()) {
    const dir = entryFolder(e, env.manifest.file);
    if (e.path !== undefined) {
      if (!dir || !existsSync(dir))
        throw new PkgError(`expected package \`${e.name} ${short(e.uuid)}\` to exist at path \`${dir}\``);
      continue;
    }
    if (e.treeHash === undefined || (dir && existsSync(dir))) continue;
    if (e.repoUrl !== undefined) {
      add([{ path: e.repoUrl }]);
      continue;
    }
    const p = registryPackage(e.uuid);
    if (!p) throw new PkgError(`expected package \`${e.name} ${short(e.uuid)}\` to be registered`);
    const v = parseVersion(e.version ?? '');
    if (!v) throw new PkgError(`the manifest entry of ${e.name} has no version`);
    if (install(p, v, e.treeHash)) say('Installed', `${e.name} ─ v${e.version}`);
  }
}

export function resolveEnvironment(): void {
  const env = loadEnv();
  commit(env, env.project, resolveManifest(env));
}

/** runs a package's test/runtests.jl in a process of its own, in its test environment: the package, its
 *  dependencies, and its test dependencies ([extras] named by [targets] test, or test/Project.toml) */
export function test(specs: PackageSpec[]): void {
  const env = loadEnv();
  const targets: { name: string; uuid: string; dir: string }[] = [];
  if (!specs.length) {
    if (!env.project.name || !env.project.uuid)
      throw new PkgError('trying to test an unnamed project: name a package, `Pkg.test("Name")`');
    targets.push({ name: env.project.name, uuid: env.project.uuid, dir: dirname(env.project.file) });
  }
  for (const s of specs) {
    const uuid = env.project.deps[s.name!];
    const e = uuid ? env.manifest.entries.get(uuid) : undefined;
    if (!uuid || !e) unresolvable([s.name!], 'project');
    targets.push({ name: s.name!, uuid, dir: entryFolder(e, env.manifest.file)! });
  }
  for (const t of targets) {
    const runtests = join(t.dir, 'test', 'runtests.jl');
    if (!existsSync(runtests)) throw new PkgError(`Package ${t.name} did not provide a \`test/runtests.jl\` file`);
    say('Testing', t.name);
    const tmp = mkdtempSync(join(tmpdir(), 'jl_'));
    try {
      const pkgProject = readProject(projectFileOf(t.dir));
      const testProjectFile = join(t.dir, 'test', 'Project.toml');
      const project: Project = { ...loadProjectOrEmpty(join(tmp, 'Project.toml')) };
      project.deps = { [t.name]: t.uuid };
      if (existsSync(testProjectFile)) Object.assign(project.deps, readProject(testProjectFile).deps);
      const targetList = (pkgProject.raw.targets as { test?: string[] } | undefined)?.test ?? [];
      for (const n of targetList) if (pkgProject.extras[n]) project.deps[n] = pkgProject.extras[n];
      // the package and every developed package of the environment are used from their folders
      const entries = new Map<string, ManifestEntry>();
      for (const e of env.manifest.entries.values())
        if (e.path !== undefined || e.repoUrl !== undefined)
          entries.set(e.uuid, { ...e, path: e.path !== undefined ? entryFolder(e, env.manifest.file) : undefined });
      entries.set(t.uuid, {
        name: t.name,
        uuid: t.uuid,
        version: pkgProject.version,
        path: t.dir,
        treeHash: undefined,
        deps: [],
      });
      const testEnv: Env = { project, manifest: { file: join(tmp, 'Manifest.toml'), projectHash: undefined, entries } };
      const manifest = resolveManifest(testEnv);
      writeProject(project);
      writeManifest(manifest, joltVersion().split('+')[0]!);
      say('Testing', 'Running tests...');
      flushAll();
      const r = process
        .getBuiltinModule('node:child_process')
        .spawnSync(process.execPath, [join(installRoot, 'bin', 'jolt.js'), `--project=${tmp}`, runtests], {
          cwd: join(t.dir, 'test'),
          stdio: 'inherit',
          env: Object.fromEntries(
            Object.entries(process.env).filter(([k]) => k !== 'JOLT_PROJECT' && k !== 'JOLT_LOAD_PATH'),
          ),
        });
      if (r.status !== 0) throw new PkgError(`Package ${t.name} errored during testing`);
      say('Testing', `${t.name} tests passed `);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
}
