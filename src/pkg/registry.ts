// Registries in the layout of Julia's General registry, kept in `<depot>/registries/<Name>/`: Registry.toml lists
// the packages (uuid => name and folder), and each package's folder holds Package.toml (name, uuid, repo),
// Versions.toml (each version's git-tree-sha1), Deps.toml and Compat.toml (by version range). A package's `repo`
// is a local folder holding each version as a folder `<version>/` or a tarball `<version>.tar.gz`; installing a
// version copies it into `<depot>/packages/<Name>/<slug>/` after checking its tree hash.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { depotPath } from '../image/depot.ts';
import { PkgError, readToml, str, strTable, type TomlTable } from './toml.ts';
import {
  cmpVersion,
  contains,
  parseRange,
  parseVersion,
  showVersion,
  type Version,
  type VersionSet,
} from './versions.ts';
import { treeHash } from './tree_hash.ts';

export interface RegistryPackage {
  name: string;
  uuid: string;
  registry: string;
  /** the package's folder in the registry */
  dir: string;
  repo: string;
  /** version => tree hash, newest first */
  versions: { version: Version; treeHash: string; yanked: boolean }[];
  /** version range => dependencies (name => uuid) */
  deps: { range: VersionSet; deps: Record<string, string> }[];
  /** version range => compat (name => specification in registry range form) */
  compat: { range: VersionSet; compat: Record<string, string> }[];
}

export interface Registry {
  name: string;
  dir: string;
  /** uuid => name and folder */
  packages: Map<string, { name: string; path: string }>;
}

export function registriesDir(): string {
  return join(depotPath(), 'registries');
}

export function registries(): Registry[] {
  const root = registriesDir();
  if (!existsSync(root)) return [];
  const out: Registry[] = [];
  for (const n of readdirSync(root).sort()) {
    const file = join(root, n, 'Registry.toml');
    if (!existsSync(file)) continue;
    const t = readToml(file);
    const pk = (t.packages ?? {}) as TomlTable;
    const packages = new Map<string, { name: string; path: string }>();
    for (const [uuid, v] of Object.entries(pk)) {
      const e = v as TomlTable;
      const name = str(e, 'name'),
        path = str(e, 'path');
      if (name && path) packages.set(uuid, { name, path });
    }
    out.push({ name: str(t, 'name') ?? n, dir: join(root, n), packages });
  }
  return out;
}

/** the packages named `name` in any registry */
export function findByName(name: string): { reg: Registry; uuid: string }[] {
  const out: { reg: Registry; uuid: string }[] = [];
  for (const reg of registries()) for (const [uuid, p] of reg.packages) if (p.name === name) out.push({ reg, uuid });
  return out;
}

const cache = new Map<string, RegistryPackage>();
export function registryPackage(uuid: string): RegistryPackage | undefined {
  const hit = cache.get(uuid);
  if (hit) return hit;
  for (const reg of registries()) {
    const p = reg.packages.get(uuid);
    if (!p) continue;
    const dir = join(reg.dir, p.path);
    const info = readToml(join(dir, 'Package.toml'));
    const repo = str(info, 'repo') ?? '';
    const versions: RegistryPackage['versions'] = [];
    const vt = existsSync(join(dir, 'Versions.toml')) ? readToml(join(dir, 'Versions.toml')) : {};
    for (const [v, e] of Object.entries(vt)) {
      const ver = parseVersion(v);
      const th = str(e as TomlTable, 'git-tree-sha1');
      if (ver && th) versions.push({ version: ver, treeHash: th, yanked: (e as TomlTable).yanked === true });
    }
    versions.sort((a, b) => cmpVersion(b.version, a.version));
    const ranged = <K extends string>(file: string, key: K) => {
      const t = existsSync(join(dir, file)) ? readToml(join(dir, file)) : {};
      return Object.keys(t).map(r => {
        const range = parseRange(r);
        if (!range) throw new PkgError(`${join(dir, file)}: invalid version range "${r}"`);
        return { range, [key]: strTable(t, r) } as { range: VersionSet } & Record<K, Record<string, string>>;
      });
    };
    const rp: RegistryPackage = {
      name: p.name,
      uuid,
      registry: reg.name,
      dir,
      repo: isAbsolute(repo) ? repo : resolve(dir, repo.replace(/^file:\/\//, '')),
      versions,
      deps: ranged('Deps.toml', 'deps'),
      compat: ranged('Compat.toml', 'compat'),
    };
    cache.set(uuid, rp);
    return rp;
  }
  return undefined;
}

/** what a version of a registry package depends on, and the compat bounds it puts on them */
export function versionInfo(
  p: RegistryPackage,
  v: Version,
): { deps: Record<string, string>; compat: Record<string, string> } {
  const deps: Record<string, string> = {},
    compat: Record<string, string> = {};
  for (const d of p.deps) if (contains(d.range, v)) Object.assign(deps, d.deps);
  for (const c of p.compat) if (contains(c.range, v)) Object.assign(compat, c.compat);
  return { deps, compat };
}

/** a short name for an installed version's folder, from its uuid and tree hash (as Julia's version slug) */
function slug(uuid: string, tree: string): string {
  const h = process
    .getBuiltinModule('node:crypto')
    .createHash('sha1')
    .update(uuid + tree)
    .digest();
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let k = 0; k < 5; k++) s += digits[h[k]! % 62];
  return s;
}

export function installedPath(name: string, uuid: string, tree: string): string {
  return join(depotPath(), 'packages', name, slug(uuid, tree));
}

/** copies a version into the depot (once), checking its tree hash; returns whether it was newly installed */
export function install(p: RegistryPackage, v: Version, tree: string): boolean {
  const dest = installedPath(p.name, p.uuid, tree);
  if (existsSync(dest)) return false;
  const vs = showVersion(v);
  const folder = join(p.repo, vs),
    tarball = join(p.repo, `${vs}.tar.gz`);
  mkdirSync(join(depotPath(), 'packages', p.name), { recursive: true });
  const tmp = mkdtempSync(join(depotPath(), 'packages', p.name, '.install-'));
  try {
    if (existsSync(folder)) cpSync(folder, tmp, { recursive: true });
    else if (existsSync(tarball)) {
      const r = process
        .getBuiltinModule('node:child_process')
        .spawnSync('tar', ['-xzf', tarball, '-C', tmp], { encoding: 'utf8' });
      if (r.status !== 0) throw new PkgError(`could not unpack ${tarball}: ${(r.stderr ?? '').trim()}`);
    } else throw new PkgError(`${p.name} v${vs} is not in its repository ${p.repo} (no ${vs}/ or ${vs}.tar.gz)`);
    const got = treeHash(tmp);
    if (got !== tree)
      throw new PkgError(
        `tree hash mismatch for ${p.name} v${vs}: the registry records ${tree}, the files in ${p.repo} hash to ${got}`,
      );
    renameSync(tmp, dest);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return true;
}
