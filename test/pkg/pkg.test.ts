// Packages and environments through real `jolt` processes in temporary folders: a workspace of three packages
// (Drawing depends on Vectors and Units, with [compat] bounds) and a registry in General's layout (Colors in two
// versions, ColorSchemes needing the newer one), driven by Pkg.generate, Pkg.develop, Pkg.add, `using`, Pkg.test,
// the REPL's `]` mode, and each kind of bad input. One depot serves the file (its Base image is copied from the
// runner's depot when there is one, else built once).
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { depotPath } from '../../src/image/depot.ts';
import { runJolt, copyBaseImage, type Run } from '../image/jolt_process.ts';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', '..', 'bin', 'jolt.js');
const tmp = mkdtempSync(join(tmpdir(), 'jolt-pkg-'));
const depot = join(tmp, 'depot');
const ws = join(tmp, 'ws');
after(() => rmSync(tmp, { recursive: true, force: true }));

/** `jolt args...` in `cwd` (the workspace by default) on this file's depot */
const jolt = (args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> =>
  runJolt(bin, args, { depot, env: opts.env, cwd: opts.cwd ?? ws });
/** `jolt --project=<project> -e code` */
const inProject = (project: string, code: string, cwd?: string): Promise<Run> =>
  jolt([`--project=${project}`, '-e', code], { cwd });
const ok = (r: Run): Run => {
  assert.equal(r.status, 0, `jolt failed:\n${r.stdout}\n${r.stderr}`);
  return r;
};

before(async () => {
  mkdirSync(join(depot, 'registries'), { recursive: true });
  copyBaseImage(depot);
  void depotPath;
  cpSync(join(here, 'registry', 'TestRegistry'), join(depot, 'registries', 'TestRegistry'), { recursive: true });
  cpSync(join(here, 'workspace'), ws, { recursive: true });
  ok(await jolt(['-e', '0']));
});

test('Pkg.generate makes a package that Pkg.develop adds and `using` loads', async () => {
  const g = ok(await jolt(['-e', 'using Pkg; Pkg.generate("Hello")']));
  assert.match(g.stderr, /Generating {2}project Hello:\n {4}Hello\/Project\.toml\n {4}Hello\/src\/Hello\.jl/);
  assert.match(
    readFileSync(join(ws, 'Hello', 'Project.toml'), 'utf8'),
    /^name = "Hello"\nuuid = "[0-9a-f-]{36}"\nversion = "0\.1\.0"/,
  );
  const d = ok(await inProject('HelloApp', 'using Pkg; Pkg.develop(path="Hello")'));
  assert.match(d.stderr, /Updating `.*HelloApp\/Project\.toml`\n {2}\[[0-9a-f]{8}\] \+ Hello v0\.1\.0 `\.\.\/Hello`/);
  assert.match(
    readFileSync(join(ws, 'HelloApp', 'Manifest.toml'), 'utf8'),
    /\[\[deps\.Hello\]\]\npath = "\.\.\/Hello"/,
  );
  const r = ok(
    await inProject(
      'HelloApp',
      'using Hello; Hello.greet(); println(); println(pathof(Hello)); println(pkgdir(Hello))',
    ),
  );
  assert.equal(r.stdout, `Hello World!\n${join(ws, 'Hello', 'src', 'Hello.jl')}\n${join(ws, 'Hello')}\n`);
  const again = await jolt(['-e', 'using Pkg; Pkg.generate("Hello")']);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /ERROR: .*\/Hello already exists/);
});

test('a package depending on two others loads them in dependency order through the manifest, with a registry package under [compat]', async () => {
  const d = ok(
    await inProject(
      'App',
      'using Pkg; Pkg.develop(path="Vectors"); Pkg.develop(path="Units"); Pkg.develop(path="Drawing"); Pkg.status()',
    ),
  );
  // Drawing's [compat] Colors = "0.1" keeps Colors at 0.1.0 though the registry has 0.2.0
  assert.match(d.stderr, /Installed Colors ─ v0\.1\.0/);
  assert.match(
    d.stderr,
    /Updating `.*App\/Manifest\.toml`\n {2}\[04c0bd53\] \+ Colors v0\.1\.0\n {2}\[074104b5\] \+ Drawing v1\.0\.0 `\.\.\/Drawing`/,
  );
  assert.equal(
    d.stdout,
    `Status \`${join(ws, 'App', 'Project.toml')}\`\n` +
      '  [074104b5] Drawing v1.0.0 `../Drawing`\n' +
      '  [a46accb1] Units v0.2.1 `../Units`\n' +
      '  [6ece5883] Vectors v0.1.0 `../Vectors`\n',
  );
  const r = ok(
    await inProject(
      '.',
      'using Drawing; using Vectors; println(describe(Vec(3, -4)))\n' +
        'import Units; println(Units.SRC == joinpath(pkgdir(Units), "src"))\n' +
        'import Units: meters; println(meters(2))\n' +
        'println(join([k.name for k in keys(Base.loaded_modules)], " "))\n' +
        'println(@__DIR__)',
      join(ws, 'App'),
    ),
  );
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], '7 m in red');
  assert.equal(lines[1], 'true');
  assert.equal(lines[2], '2 m');
  // each package is loaded once, after what it uses (Random is loaded with Base)
  const order = lines[3]!.split(' ').filter(n => !['Core', 'Base', 'Test', 'Random'].includes(n));
  assert.deepEqual(order, ['Vectors', 'Units', 'Colors', 'Drawing']);
  assert.equal(lines[4], join(ws, 'App'));
});

test('Pkg.add takes the newest version from the registry, or the version asked for', async () => {
  const a = ok(await inProject('Reg', 'using Pkg; Pkg.add("Colors"); using Colors; println(Colors.VERSION_TAG)'));
  assert.match(a.stderr, /Resolving package versions\.\.\.\n {3}Installed Colors ─ v0\.2\.0/);
  assert.match(a.stderr, /\[04c0bd53\] \+ Colors v0\.2\.0/);
  assert.equal(a.stdout, '0.2\n');
  const b = ok(
    await inProject(
      'Reg',
      'using Pkg; Pkg.add(name="Colors", version="0.1"); using Colors; println(Colors.VERSION_TAG)',
    ),
  );
  assert.match(b.stderr, /\[04c0bd53\] ↓ Colors v0\.2\.0 ⇒ v0\.1\.0/);
  assert.equal(b.stdout, '0.1\n');
  // ColorSchemes needs Colors 0.2: resolving moves Colors up again
  const c = ok(
    await inProject(
      'Reg',
      'using Pkg; Pkg.rm("Colors"); Pkg.add("ColorSchemes"); using ColorSchemes; println(ColorSchemes.scheme()[1].name)',
    ),
  );
  assert.match(c.stderr, /\[04c0bd53\] - Colors v0\.1\.0/);
  assert.equal(c.stdout, 'crimson\n');
  // installing from the manifest alone: a fresh depot copy of the packages is made by instantiate
  rmSync(join(depot, 'packages', 'ColorSchemes'), { recursive: true });
  const i = ok(
    await inProject('Reg', 'using Pkg; Pkg.instantiate(); using ColorSchemes; println(ColorSchemes.scheme()[1].name)'),
  );
  assert.match(i.stderr, /Installed ColorSchemes ─ v1\.0\.0/);
  assert.equal(i.stdout, 'crimson\n');
});

test('Pkg.add(path=...) keeps a snapshot of the folder by tree hash', async () => {
  const r = ok(await inProject('Snap', 'using Pkg; Pkg.add(path="Vectors"); using Vectors; println(norm1(Vec(1, 2)))'));
  assert.equal(r.stdout, '3\n');
  assert.match(readFileSync(join(ws, 'Snap', 'Manifest.toml'), 'utf8'), /git-tree-sha1 = "[0-9a-f]{40}"\nrepo-url = /);
});

test('conflicting [compat] bounds name each bound and leave the environment as it was', async () => {
  const before = readFileSync(join(ws, 'App', 'Project.toml'), 'utf8');
  const r = await inProject('App', 'using Pkg; Pkg.add("ColorSchemes")');
  assert.equal(r.status, 1);
  assert.match(
    r.stderr,
    /ERROR: Unsatisfiable requirements detected for package Colors \[04c0bd53\]:\n Colors \[04c0bd53\] log:\n ├─possible versions are: 0\.1\.0, 0\.2\.0\n ├─restricted to versions 0\.1 by Drawing \[074104b5\], leaving only versions: 0\.1\.0\n └─restricted to versions 0\.2 by ColorSchemes \[82fdf0c7\] v1\.0\.0 — no versions left/,
  );
  assert.equal(readFileSync(join(ws, 'App', 'Project.toml'), 'utf8'), before);
  assert.deepEqual(
    readdirSync(join(ws, 'App')).filter(f => f.endsWith('.tmp')),
    [],
    'no temp file is left behind',
  );
});

test('Pkg.test runs test/runtests.jl in the package test environment', async () => {
  const r = ok(await inProject('App', 'using Pkg; Pkg.test("Drawing")'));
  assert.match(r.stderr, / {5}Testing Drawing\n/);
  assert.match(r.stderr, / {5}Testing Drawing tests passed/);
  assert.match(r.stdout, /Drawing +\| +2 +2/);
  const none = await inProject('App', 'using Pkg; Pkg.test("Units")');
  assert.equal(none.status, 1);
  assert.match(none.stderr, /ERROR: Package Units did not provide a `test\/runtests\.jl` file/);
  mkdirSync(join(ws, 'Vectors', 'test'));
  writeFileSync(join(ws, 'Vectors', 'test', 'runtests.jl'), 'using Test\n@test 1 == 2\n');
  const bad = await inProject('App', 'using Pkg; Pkg.test("Vectors")');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /ERROR: Package Vectors errored during testing/);
});

/** a package folder made for one test: Project.toml (with `deps`) and src/<file>.jl holding `code` */
function makePackage(dir: string, name: string, uuid: string, code: string, deps: Record<string, string> = {}): void {
  mkdirSync(join(ws, dir, 'src'), { recursive: true });
  const d = Object.entries(deps)
    .map(([n, u]) => `${n} = "${u}"\n`)
    .join('');
  writeFileSync(
    join(ws, dir, 'Project.toml'),
    `name = "${name}"\nuuid = "${uuid}"\nversion = "0.1.0"\n${d ? `\n[deps]\n${d}` : ''}`,
  );
  writeFileSync(join(ws, dir, 'src', `${name}.jl`), code);
}

test('a malformed TOML file is an error naming the file, line and column', async () => {
  makePackage('Broken', 'Broken', '60ad58c4-07e8-43b2-b3c9-2a7f3ffdb91d', 'module Broken end\n');
  writeFileSync(
    join(ws, 'Broken', 'Project.toml'),
    'name = "Broken"\nuuid = "60ad58c4-07e8-43b2-b3c9-2a7f3ffdb91d"\nversion = = "1"\n',
  );
  const r = await inProject('BrokenEnv', 'using Pkg; Pkg.develop(path="Broken")');
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`ERROR: TOML Parser error:\\n${join(ws, 'Broken', 'Project.toml')}:3:11 error: `));
  mkdirSync(join(ws, 'BadManifest'));
  writeFileSync(join(ws, 'BadManifest', 'Project.toml'), '[deps]\nVectors = "6ece5883-2ff0-4871-8636-c26afce42643"\n');
  writeFileSync(join(ws, 'BadManifest', 'Manifest.toml'), '[[deps.Vectors]]\nuuid = "6ece5883\n');
  const m = await inProject('BadManifest', 'using Vectors');
  assert.equal(m.status, 1);
  assert.match(m.stderr, /ERROR: TOML Parser error:\n.*BadManifest\/Manifest\.toml:2:\d+ error: /);
  assert.doesNotMatch(m.stderr, /internal error/);
});

test('a package without its source file, or whose file defines another module, is a clear error', async () => {
  makePackage('NoSrc', 'NoSrc', '1c0f7a34-5a8e-4b8e-9a59-8f0e2b8d7e01', '');
  rmSync(join(ws, 'NoSrc', 'src'), { recursive: true });
  makePackage('Typo', 'Typo', '1c0f7a34-5a8e-4b8e-9a59-8f0e2b8d7e02', 'module Tpyo\nend\n');
  ok(await inProject('Odd', 'using Pkg; Pkg.develop(path="NoSrc"); Pkg.develop(path="Typo")'));
  const a = await inProject('Odd', 'using NoSrc');
  assert.equal(a.status, 1);
  assert.match(
    a.stderr,
    /ERROR: ArgumentError: Package NoSrc \[1c0f7a34-5a8e-4b8e-9a59-8f0e2b8d7e01\] has no source file: expected .*NoSrc\/src\/NoSrc\.jl to define module NoSrc/,
  );
  const b = await inProject('Odd', 'using Typo');
  assert.equal(b.status, 1);
  assert.match(
    b.stderr,
    /ERROR: package `Typo` did not define the expected module `Typo`, check for typos in package module name/,
  );
});

test('cyclic dependencies are an error naming the cycle', async () => {
  const ua = '1c0f7a34-5a8e-4b8e-9a59-8f0e2b8d7e03',
    ub = '1c0f7a34-5a8e-4b8e-9a59-8f0e2b8d7e04';
  makePackage('CycA', 'CycA', ua, 'module CycA\nusing CycB\nend\n', { CycB: ub });
  makePackage('CycB', 'CycB', ub, 'module CycB\nusing CycA\nend\n', { CycA: ua });
  // each needs the other, so both are developed at once
  ok(await inProject('Cyc', 'using Pkg; Pkg.develop([PackageSpec(path="CycA"), PackageSpec(path="CycB")])'));
  const r = await inProject('Cyc', 'using CycA');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /ERROR: cyclic dependency between packages: CycA -> CycB -> CycA/);
});

test('a dependency missing from [deps], an unknown package, and an unknown name to Pkg.add', async () => {
  makePackage('Sneaky', 'Sneaky', '1c0f7a34-5a8e-4b8e-9a59-8f0e2b8d7e05', 'module Sneaky\nusing Vectors\nend\n');
  ok(await inProject('SneakyEnv', 'using Pkg; Pkg.develop(path="Vectors"); Pkg.develop(path="Sneaky")'));
  const a = await inProject('SneakyEnv', 'using Sneaky');
  assert.equal(a.status, 1);
  assert.match(
    a.stderr,
    /ERROR: ArgumentError: Package Sneaky does not have Vectors in its dependencies:\n- You may have a partially installed environment\. Try `Pkg\.instantiate\(\)`\n/,
  );
  const b = await inProject('SneakyEnv', 'using Nowhere');
  assert.equal(b.status, 1);
  assert.match(
    b.stderr,
    /ERROR: ArgumentError: Package Nowhere not found in current path\.\n- Run `import Pkg; Pkg\.add\("Nowhere"\)` to install the Nowhere package\./,
  );
  // a project listing a package its manifest does not have
  mkdirSync(join(ws, 'NoManifest'));
  writeFileSync(join(ws, 'NoManifest', 'Project.toml'), '[deps]\nVectors = "6ece5883-2ff0-4871-8636-c26afce42643"\n');
  const m = await inProject('NoManifest', 'using Vectors');
  assert.equal(m.status, 1);
  assert.match(
    m.stderr,
    /ERROR: ArgumentError: Package Vectors \[6ece5883-2ff0-4871-8636-c26afce42643\] is required but does not seem to be installed:\n - Run `Pkg\.instantiate\(\)` to install all recorded dependencies\./,
  );
  const c = await inProject('SneakyEnv', 'using Pkg; Pkg.add("Colours")');
  assert.equal(c.status, 1);
  assert.match(
    c.stderr,
    /ERROR: The following package names could not be resolved:\n \* Colours \(not found in project, manifest or registry\)\n {3}Suggestions: Colors/,
  );
});

test("a manifest out of date with its project gets Julia's warning", async () => {
  ok(await inProject('Stale', 'using Pkg; Pkg.develop(path="Vectors")'));
  const p = join(ws, 'Stale', 'Project.toml');
  writeFileSync(p, readFileSync(p, 'utf8') + '\n[compat]\nVectors = "0.1"\n');
  const r = ok(await inProject('Stale', 'using Pkg; Pkg.instantiate()'));
  assert.match(
    r.stderr,
    /┌ Warning: The project dependencies or compat requirements have changed since the manifest was last resolved\.\n│ It is recommended to `Pkg\.resolve\(\)` or consider `Pkg\.update\(\)` if necessary\./,
  );
  ok(await inProject('Stale', 'using Pkg; Pkg.resolve()'));
  const again = ok(await inProject('Stale', 'using Pkg; Pkg.instantiate()'));
  assert.doesNotMatch(again.stderr, /Warning/);
});

test('the standard libraries are packages found through @stdlib, and an environment through --project or JOLT_PROJECT', async () => {
  const r = ok(await jolt(['-e', 'using Test; println(pathof(Test)); println(Base.LOAD_PATH)']));
  assert.match(r.stdout, /stdlib\/Test\/src\/Test\.jl\n\["@", "@v#\.#", "@stdlib"\]\n/);
  const noStd = await jolt(['-e', 'using Test'], { env: { JOLT_LOAD_PATH: '@' } });
  assert.equal(noStd.status, 1);
  assert.match(noStd.stderr, /Package Test not found in current path/);
  const viaEnv = ok(
    await jolt(['-e', 'using Drawing; println(Base.active_project())'], { env: { JOLT_PROJECT: join(ws, 'App') } }),
  );
  assert.equal(viaEnv.stdout, join(ws, 'App', 'Project.toml') + '\n');
  // --project without a value: the nearest Project.toml upwards
  const up = ok(await jolt(['--project', '-e', 'println(Base.active_project())'], { cwd: join(ws, 'Drawing', 'src') }));
  assert.equal(up.stdout, join(ws, 'Drawing', 'Project.toml') + '\n');
  // a folder without a Project.toml yet is a project to be made there
  mkdirSync(join(ws, 'Fresh'));
  const fresh = ok(await jolt(['--project=Fresh', '-e', 'println(Base.active_project())']));
  assert.equal(fresh.stdout, join(ws, 'Fresh', 'Project.toml') + '\n');
  // the default environment lives in the depot
  const def = ok(await jolt(['-e', 'using Pkg; Pkg.add("Colors"); Pkg.status(); println(Base.active_project())']));
  assert.match(def.stdout, new RegExp(`Status \`${join(depot, 'environments', 'v0.1', 'Project.toml')}\``));
});

test('the REPL `]` mode runs Pkg commands at its prompt, shows errors without leaving, and backspace leaves it', () => {
  const input =
    ']\nactivate Repl\ndev Vectors\nst\nfrobnicate\nadd NoSuchThing\n\x7f\nusing Vectors; norm1(Vec(2, 5))\n';
  const r = spawnSync(process.execPath, [bin], {
    input,
    cwd: ws,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('JOLT_'))),
      JOLT_DEPOT_PATH: depot,
    },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^julia> \(@v0\.1\) pkg> /);
  assert.match(
    r.stdout,
    /\(Repl\) pkg> Status `.*Repl\/Project\.toml`\n {2}\[6ece5883\] Vectors v0\.1\.0 `\.\.\/Vectors`\n/,
  );
  assert.match(r.stderr, /ERROR: `frobnicate` is not a recognized command\. Type \? for help with available commands/);
  assert.match(r.stderr, /ERROR: The following package names could not be resolved:\n \* NoSuchThing/);
  assert.match(r.stdout, /\(Repl\) pkg> julia> 7\n/);
});

test('a sysimage built after `using` a package keeps it', async () => {
  writeFileSync(join(ws, 'app.jl'), 'using Drawing\nusing Vectors\nprintln(describe(Vec(1, 1)))\n');
  const img = join(tmp, 'app.img');
  ok(await jolt(['sysimage', '--project=App', '-o', img, 'app.jl']));
  const r = ok(
    await jolt([
      '-J',
      img,
      '--project=App',
      '-e',
      'using Drawing, Vectors; println(describe(Vec(2, 2))); println(pathof(Drawing))',
    ]),
  );
  assert.equal(r.stdout, `4 m in red\n${join(ws, 'Drawing', 'src', 'Drawing.jl')}\n`);
});
