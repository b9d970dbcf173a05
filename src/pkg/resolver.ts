// The version resolver: picks one version of every package reachable from a project's dependencies so that every
// [compat] bound holds (the project's, and those each chosen version records in the registry), preferring newer
// versions. A depth-first search that backtracks on a conflict; when nothing fits, the error names the package and
// each bound put on it, by whom.
import { PkgError } from './toml.ts';
import { registryPackage, versionInfo, type RegistryPackage } from './registry.ts';
import {
  contains,
  intersect,
  parseCompat,
  parseRange,
  showVersion,
  type Version,
  type VersionSet,
} from './versions.ts';

/** a package the resolver does not choose a version of: developed (a path) or a standard library */
export interface FixedPackage {
  name: string;
  uuid: string;
  version: Version | undefined;
  deps: Record<string, string>;
  /** its [compat] (Julia's specification syntax) */
  compat: Record<string, string>;
}

export interface Resolved {
  name: string;
  uuid: string;
  version: Version | undefined;
  /** the registry entry when chosen from one */
  reg: RegistryPackage | undefined;
  treeHash: string | undefined;
  deps: Record<string, string>;
}

interface Bound {
  set: VersionSet;
  spec: string;
  by: string;
}

export const IGNORED = new Set(['julia']);

export function resolve(
  root: { label: string; deps: Record<string, string>; compat: Record<string, string> },
  fixed: Map<string, FixedPackage>,
): Map<string, Resolved> {
  const bounds = new Map<string, Bound[]>();
  const names = new Map<string, string>();
  let conflict: string | undefined;

  const addBounds = (by: string, deps: Record<string, string>, compat: Record<string, string>, semver: boolean) => {
    const added: string[] = [];
    for (const [n, spec] of Object.entries(compat)) {
      if (IGNORED.has(n)) continue;
      const u = deps[n];
      if (!u) continue;
      const set = semver ? parseCompat(spec) : parseRange(spec);
      if (!set) throw new PkgError(`invalid compat entry \`${n} = "${spec}"\` of ${by}`);
      (bounds.get(u) ?? bounds.set(u, []).get(u)!).push({ set, spec, by });
      added.push(u);
    }
    return added;
  };
  const dropBounds = (added: string[]) => {
    for (const u of added) bounds.get(u)!.pop();
  };
  const allowed = (u: string, v: Version) => (bounds.get(u) ?? []).every(b => contains(b.set, v));
  /** a new bound that a version chosen earlier breaks: that conflict explained, else undefined */
  const broken = (added: string[]): boolean => {
    for (const u of added) {
      const c = chosen.get(u);
      if (c?.version && !allowed(u, c.version)) {
        conflict ??= explain(u, c.reg ? c.reg.versions.map(v => v.version).reverse() : [c.version]);
        return true;
      }
    }
    return false;
  };

  function explain(u: string, candidates: Version[]): string {
    const name = names.get(u) ?? u;
    const lines = [
      `Unsatisfiable requirements detected for package ${name} [${u.slice(0, 8)}]:`,
      ` ${name} [${u.slice(0, 8)}] log:`,
    ];
    lines.push(` ├─possible versions are: ${candidates.map(showVersion).join(', ') || '[none]'}`);
    let left: VersionSet = [{ lo: [0, 0, 0], hi: undefined }];
    const bs = bounds.get(u) ?? [];
    bs.forEach((b, k) => {
      left = intersect(left, b.set);
      const remaining = candidates.filter(v => contains(left, v)).map(showVersion);
      lines.push(
        ` ${k === bs.length - 1 ? '└' : '├'}─restricted to versions ${b.spec} by ${b.by}` +
          (remaining.length ? `, leaving only versions: ${remaining.join(', ')}` : ' — no versions left'),
      );
    });
    return lines.join('\n');
  }

  const chosen = new Map<string, Resolved>();
  function solve(pending: string[]): boolean {
    const u = pending.find(x => !chosen.has(x));
    if (u === undefined) return true;
    const rest = pending.filter(x => x !== u);
    const f = fixed.get(u);
    if (f) {
      if (f.version && !allowed(u, f.version)) {
        conflict ??= explain(u, [f.version]);
        return false;
      }
      chosen.set(u, { name: f.name, uuid: u, version: f.version, reg: undefined, treeHash: undefined, deps: f.deps });
      for (const [n, d] of Object.entries(f.deps)) names.set(d, n);
      const added = addBounds(`${f.name} [${u.slice(0, 8)}]`, f.deps, f.compat, true);
      if (!broken(added) && solve([...rest, ...Object.values(f.deps)])) return true;
      dropBounds(added);
      chosen.delete(u);
      return false;
    }
    const p = registryPackage(u);
    if (!p) throw new PkgError(`expected package \`${names.get(u) ?? '?'} [${u.slice(0, 8)}]\` to be registered`);
    const all = p.versions.filter(v => !v.yanked);
    const fit = all.filter(v => allowed(u, v.version));
    if (!fit.length) {
      conflict ??= explain(u, all.map(v => v.version).reverse());
      return false;
    }
    for (const v of fit) {
      const info = versionInfo(p, v.version);
      chosen.set(u, { name: p.name, uuid: u, version: v.version, reg: p, treeHash: v.treeHash, deps: info.deps });
      for (const [n, d] of Object.entries(info.deps)) names.set(d, n);
      const added = addBounds(`${p.name} [${u.slice(0, 8)}] v${showVersion(v.version)}`, info.deps, info.compat, false);
      if (!broken(added) && solve([...rest, ...Object.values(info.deps)])) return true;
      dropBounds(added);
      chosen.delete(u);
    }
    return false;
  }

  for (const [n, u] of Object.entries(root.deps)) names.set(u, n);
  addBounds(root.label, root.deps, root.compat, true);
  if (!solve(Object.values(root.deps))) throw new PkgError(conflict ?? 'no versions satisfy the requirements');
  return chosen;
}
