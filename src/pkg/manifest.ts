// Manifest.toml (format 2.0): every package of an environment's dependency graph, each with its uuid, its version
// and where its code is (`path` for a developed package, `git-tree-sha1` for one installed from a registry), and
// the names of its own dependencies. `project_hash` records the [deps] and [compat] the manifest was resolved for,
// so that an edited Project.toml is noticed.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Project } from './environment.ts';
import { PkgError, readToml, str, writeToml, type TomlTable } from './toml.ts';

export interface ManifestEntry {
  name: string;
  uuid: string;
  version: string | undefined;
  /** a developed package: its folder, relative to the manifest's folder when written so */
  path: string | undefined;
  /** a registry package: the tree hash of the version installed */
  treeHash: string | undefined;
  /** a package added from a folder (`Pkg.add(path=...)`): that folder, copied by tree hash */
  repoUrl?: string | undefined;
  /** the names of its dependencies */
  deps: string[];
  /** a standard library: no path and no tree hash, found through @stdlib */
  stdlib?: boolean;
}

export interface Manifest {
  file: string;
  projectHash: string | undefined;
  /** by uuid */
  entries: Map<string, ManifestEntry>;
}

export function manifestFileFor(projectFile: string): string {
  const dir = dirname(projectFile);
  if (projectFile.endsWith('JuliaProject.toml') && existsSync(join(dir, 'JuliaManifest.toml')))
    return join(dir, 'JuliaManifest.toml');
  return join(dir, 'Manifest.toml');
}

export function readManifest(file: string): Manifest {
  const m: Manifest = { file, projectHash: undefined, entries: new Map() };
  if (!existsSync(file)) return m;
  const t = readToml(file);
  m.projectHash = str(t, 'project_hash');
  const deps = t.deps;
  if (deps !== undefined && (typeof deps !== 'object' || Array.isArray(deps)))
    throw new PkgError(`${file}: \`deps\` must be a table of package entries`);
  for (const [name, list] of Object.entries((deps ?? {}) as TomlTable)) {
    if (!Array.isArray(list)) throw new PkgError(`${file}: the entry of ${name} must be an array of tables`);
    for (const e of list as TomlTable[]) {
      const uuid = str(e, 'uuid');
      if (!uuid) throw new PkgError(`${file}: the entry of ${name} has no uuid`);
      m.entries.set(uuid, {
        name,
        uuid,
        version: str(e, 'version'),
        path: str(e, 'path'),
        treeHash: str(e, 'git-tree-sha1'),
        repoUrl: str(e, 'repo-url'),
        deps: Array.isArray(e.deps) ? (e.deps as string[]) : [],
      });
    }
  }
  return m;
}

export function writeManifest(m: Manifest, joltVersion: string): void {
  const deps: TomlTable = {};
  const entries = [...m.entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const t: TomlTable = {};
    if (e.deps.length) t.deps = [...e.deps].sort();
    if (e.treeHash) t['git-tree-sha1'] = e.treeHash;
    if (e.path) t.path = e.path;
    if (e.repoUrl) t['repo-url'] = e.repoUrl;
    t.uuid = e.uuid;
    if (e.version) t.version = e.version;
    ((deps[e.name] ??= []) as TomlTable[]).push(t);
  }
  const top: TomlTable = { jolt_version: joltVersion, manifest_format: '2.0' };
  if (m.projectHash) top.project_hash = m.projectHash;
  top.deps = deps;
  writeToml(m.file, top, '# This file is machine-generated - editing it directly is not advised\n\n');
}

/** what the manifest was resolved for: the project's dependencies and compat bounds */
export function projectHash(p: Project): string {
  const canon = (r: Record<string, string>): string[][] => Object.entries(r).sort();
  return process
    .getBuiltinModule('node:crypto')
    .createHash('sha1')
    .update(JSON.stringify([canon(p.deps), canon(p.compat)]))
    .digest('hex');
}

export const OUT_OF_DATE =
  'The project dependencies or compat requirements have changed since the manifest was last resolved.\n' +
  'It is recommended to `Pkg.resolve()` or consider `Pkg.update()` if necessary.';

/** the manifest exists and was resolved for other dependencies than the project's */
export const isOutOfDate = (p: Project, m: Manifest): boolean =>
  existsSync(m.file) && m.projectHash !== undefined && m.projectHash !== projectHash(p);
