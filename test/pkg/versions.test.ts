// Version specifications as Julia's Pkg reads them ([compat] entries and registry ranges), the git tree hash of a
// folder against git itself, and the resolver on a registry made in a temp depot.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contains, parseCompat, parseRange, parseVersion, type Version } from '../../src/pkg/versions.ts';
import { treeHash } from '../../src/pkg/tree_hash.ts';
import { resolve } from '../../src/pkg/resolver.ts';
import { install } from '../../src/pkg/registry.ts';
import { PkgError } from '../../src/pkg/toml.ts';

const v = (s: string): Version => parseVersion(s)!;
const allows = (spec: string, ver: string): boolean => contains(parseCompat(spec)!, v(ver));

test('[compat] specifications: caret by default, tilde, equality, inequalities, hyphen ranges and unions', () => {
  const cases: [string, string[], string[]][] = [
    ['1.2.3', ['1.2.3', '1.9.0'], ['1.2.2', '2.0.0']],
    ['1.2', ['1.2.0', '1.99.0'], ['1.1.9', '2.0.0']],
    ['1', ['1.0.0', '1.5.2'], ['0.9.9', '2.0.0']],
    ['0.2.3', ['0.2.3', '0.2.9'], ['0.2.2', '0.3.0']],
    ['0.0.3', ['0.0.3'], ['0.0.4', '0.0.2']],
    ['0.0', ['0.0.0', '0.0.9'], ['0.1.0']],
    ['0', ['0.0.0', '0.9.9'], ['1.0.0']],
    ['^1.2', ['1.3.0'], ['2.0.0']],
    ['~1.2.3', ['1.2.3', '1.2.9'], ['1.3.0']],
    ['~1', ['1.9.0'], ['2.0.0']],
    ['~0.0.3', ['0.0.3'], ['0.0.4']],
    ['=1.2.3', ['1.2.3'], ['1.2.4', '1.2.2']],
    ['>= 1.2', ['1.2.0', '9.0.0'], ['1.1.0']],
    ['≥ 0.5', ['0.5.0'], ['0.4.0']],
    ['< 1.2', ['1.1.9', '0.0.1'], ['1.2.0']],
    ['1.2.3 - 4.5.6', ['1.2.3', '4.5.6'], ['4.5.7', '1.2.2']],
    ['0.2 - 0.5', ['0.2.0', '0.5.9'], ['0.6.0']],
    ['0.1, 0.3', ['0.1.5', '0.3.0'], ['0.2.0', '0.4.0']],
  ];
  for (const [spec, yes, no] of cases) {
    for (const x of yes) assert.ok(allows(spec, x), `${spec} allows ${x}`);
    for (const x of no) assert.ok(!allows(spec, x), `${spec} excludes ${x}`);
  }
  assert.equal(parseCompat('1.x'), undefined);
  assert.equal(parseCompat('>>1'), undefined);
});

test('registry version ranges: a partial bound stands for every version with its prefix', () => {
  const r = (s: string, x: string): boolean => contains(parseRange(s)!, v(x));
  assert.ok(r('0.2-0.3', '0.3.9') && r('0.2-0.3', '0.2.0') && !r('0.2-0.3', '0.4.0') && !r('0.2-0.3', '0.1.9'));
  assert.ok(r('1', '1.9.9') && !r('1', '2.0.0'));
  assert.ok(r('*', '7.0.0') && r('1.2-*', '9.0.0') && !r('1.2-*', '1.1.0'));
  assert.ok(r('1.6.0-1', '1.12.0'));
});

const tmp = mkdtempSync(join(tmpdir(), 'jolt-pkg-unit-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

test('the tree hash of a folder is the one git writes', () => {
  const dir = join(tmp, 'tree');
  mkdirSync(join(dir, 'src', 'deep'), { recursive: true });
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'Project.toml'), 'name = "X"\n');
  writeFileSync(join(dir, 'src', 'X.jl'), 'module X end\n');
  writeFileSync(join(dir, 'src', 'deep', 'a.b'), '');
  writeFileSync(join(dir, 'src-x'), 'sorts before src/ in git');
  writeFileSync(join(dir, 'run.sh'), '#!/bin/sh\n');
  chmodSync(join(dir, 'run.sh'), 0o755);
  const copy = join(tmp, 'tree-git');
  cpSync(dir, copy, { recursive: true });
  const git = (args: string[]) => spawnSync('git', args, { cwd: copy, encoding: 'utf8' });
  if (git(['init', '-q']).status !== 0) return; // no git on this machine
  git(['add', '-A']);
  assert.equal(treeHash(dir), git(['write-tree']).stdout.trim());
});

test('the resolver takes the newest versions the bounds allow, backtracks, and names the bounds that conflict', () => {
  // a registry in the depot: A 1.0 and 2.0 (A 2.0 needs B 2), B 1.0 and 2.0
  const depot = join(tmp, 'depot');
  const reg = join(depot, 'registries', 'R');
  const A = 'aaaaaaaa-0000-4000-8000-000000000001',
    B = 'bbbbbbbb-0000-4000-8000-000000000002';
  const pkg = (name: string, uuid: string, versions: string[], deps = '', compat = '') => {
    const d = join(reg, name[0]!, name);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'Package.toml'), `name = "${name}"\nuuid = "${uuid}"\nrepo = "/nowhere"\n`);
    writeFileSync(
      join(d, 'Versions.toml'),
      versions.map(x => `["${x}"]\ngit-tree-sha1 = "${'0'.repeat(40)}"\n`).join(''),
    );
    if (deps) writeFileSync(join(d, 'Deps.toml'), deps);
    if (compat) writeFileSync(join(d, 'Compat.toml'), compat);
  };
  pkg('A', A, ['1.0.0', '2.0.0'], `["2"]\nB = "${B}"\n`, `["2"]\nB = "2"\n`);
  pkg('B', B, ['1.0.0', '2.0.0']);
  writeFileSync(
    join(reg, 'Registry.toml'),
    `name = "R"\n[packages]\n${A} = { name = "A", path = "A/A" }\n${B} = { name = "B", path = "B/B" }\n`,
  );
  const saved = process.env.JOLT_DEPOT_PATH;
  process.env.JOLT_DEPOT_PATH = depot;
  try {
    const versionOf = (m: Map<string, { version: Version | undefined }>, u: string) => m.get(u)!.version!.join('.');
    const newest = resolve({ label: 'P', deps: { A, B }, compat: {} }, new Map());
    assert.equal(versionOf(newest, A), '2.0.0');
    assert.equal(versionOf(newest, B), '2.0.0');
    // B held at 1 leaves only A 1.0 (which needs no B)
    const back = resolve({ label: 'P', deps: { A, B }, compat: { B: '1' } }, new Map());
    assert.equal(versionOf(back, A), '1.0.0');
    assert.equal(versionOf(back, B), '1.0.0');
    assert.throws(
      () => resolve({ label: 'P', deps: { A, B }, compat: { A: '2', B: '1' } }, new Map()),
      (e: unknown) =>
        e instanceof PkgError &&
        /restricted to versions 1 by P/.test(e.message) &&
        /restricted to versions 2 by A \[aaaaaaaa\] v2\.0\.0 — no versions left/.test(e.message),
    );
  } finally {
    if (saved === undefined) delete process.env.JOLT_DEPOT_PATH;
    else process.env.JOLT_DEPOT_PATH = saved;
  }
});

test('installing a registry version checks its tree hash', () => {
  const depot = join(tmp, 'depot-install');
  const repo = join(tmp, 'repo-C');
  mkdirSync(join(repo, '1.0.0', 'src'), { recursive: true });
  writeFileSync(join(repo, '1.0.0', 'src', 'C.jl'), 'module C end\n');
  const good = treeHash(join(repo, '1.0.0'));
  const saved = process.env.JOLT_DEPOT_PATH;
  process.env.JOLT_DEPOT_PATH = depot;
  try {
    const p = {
      name: 'C',
      uuid: 'cccccccc-0000-4000-8000-000000000003',
      registry: 'R',
      dir: repo,
      repo,
      versions: [],
      deps: [],
      compat: [],
    };
    assert.throws(
      () => install(p, [1, 0, 0], 'f'.repeat(40)),
      (e: unknown) => e instanceof PkgError && /tree hash mismatch for C v1\.0\.0/.test(e.message),
    );
    assert.equal(install(p, [1, 0, 0], good), true);
    assert.equal(install(p, [1, 0, 0], good), false, 'installed once');
    // a version kept as a tarball is unpacked, then checked the same way
    mkdirSync(join(tmp, 'C2', 'src'), { recursive: true });
    writeFileSync(join(tmp, 'C2', 'src', 'C.jl'), 'module C\nconst V = 2\nend\n');
    const packed = spawnSync('tar', ['-czf', join(repo, '2.0.0.tar.gz'), '-C', join(tmp, 'C2'), '.']);
    if (packed.status === 0) {
      assert.equal(install(p, [2, 0, 0], treeHash(join(tmp, 'C2'))), true);
      assert.throws(() => install(p, [3, 0, 0], 'e'.repeat(40)), /C v3\.0\.0 is not in its repository/);
    }
  } finally {
    if (saved === undefined) delete process.env.JOLT_DEPOT_PATH;
    else process.env.JOLT_DEPOT_PATH = saved;
  }
});
