// Precompile caches and the code store, through real `jolt` processes on a depot of this file's own (its Base
// image copied from the runner's depot when there is one): the seed's example (a workload whose callee is reached
// only through dynamic dispatch), a moved project, `jolt precompile`, a script whose second run compiles nothing
// and whose edited function alone is compiled again, and damaged store entries.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runJolt, copyBaseImage, type Run } from '../image/jolt_process.ts';
import { readImageFile } from '../../src/image/image_file.ts';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', '..', 'bin', 'jolt.js');
const tmp = mkdtempSync(join(tmpdir(), 'jolt-precompile-'));
const depot = join(tmp, 'depot');
after(() => rmSync(tmp, { recursive: true, force: true }));

const jolt = (args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> =>
  runJolt(bin, args, { depot, cwd, env });
const ok = (r: Run): Run => {
  assert.equal(r.status, 0, `jolt failed:\n${r.stdout}\n${r.stderr}`);
  return r;
};
/** the work counters JOLT_STATS=1 printed (other stderr lines may come before) */
const stats = (r: Run): Record<string, number> => {
  const m = /^jolt stats: (\{.*\})$/m.exec(r.stderr);
  assert.ok(m, `no stats in ${r.stderr}`);
  return JSON.parse(m[1]!) as Record<string, number>;
};

const SEED = `module A
using PrecompileTools

bar(x) = sum(i * x for i in 1:10) + length(string(x))
function foo(x)
    temp = Any[x]
    bar(temp[1])  # inference cannot see which bar
end

@setup_workload begin
    @compile_workload begin
        foo(2)
    end
end
end
`;

function writePackage(dir: string): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'Project.toml'),
    'name = "A"\nuuid = "5b0c3a7e-9d2f-4c1e-8a6b-3f2e1d0c9b8a"\nversion = "0.1.0"\n\n' +
      '[deps]\nPrecompileTools = "aea7be01-6a6a-4083-8856-8a6e6704d82a"\n',
  );
  writeFileSync(
    join(dir, 'Manifest.toml'),
    'manifest_format = "2.0"\n\n[[deps.PrecompileTools]]\nuuid = "aea7be01-6a6a-4083-8856-8a6e6704d82a"\nversion = "1.2.1"\n',
  );
  writeFileSync(join(dir, 'src', 'A.jl'), SEED);
}

before(async () => {
  copyBaseImage(depot);
  ok(await jolt(['-e', '0'], tmp));
});

test("the seed's example: after precompiling, `using A; foo(2)` compiles nothing, bar included", async () => {
  const pkg = join(tmp, 'A');
  writePackage(pkg);
  const first = ok(await jolt(['--project=.', '-e', 'import Pkg; Pkg.precompile()'], pkg));
  assert.match(
    first.stderr,
    /Precompiling project\.\.\.\n {2}\u2713 A\n {2}1 dependency successfully precompiled in \d+ seconds\n/,
  );
  // nothing left to do: nothing printed
  const again = ok(await jolt(['precompile', '--project=.'], pkg));
  assert.equal(again.stderr, '');
  const r = ok(
    await jolt(['--project=.', '--trace-compile=stderr', '-e', 'using A; println(A.foo(2))'], pkg, { JOLT_STATS: '1' }),
  );
  assert.equal(r.stdout, '111\n');
  // --trace-compile names every method compiled at run time: none
  assert.doesNotMatch(r.stderr, /precompile\(/);
  const s = stats(r);
  assert.equal(s.binaryen, 0);
  assert.ok(s.cachedInstances! >= 2, `cached instances: ${s.cachedInstances}`);
  // without the cache (--compiled-modules=no) the same call compiles foo and bar
  const cold = ok(
    await jolt(
      [
        '--project=.',
        '--compiled-modules=no',
        '--compile=all',
        '--trace-compile=stderr',
        '-e',
        'using A; println(A.foo(2))',
      ],
      pkg,
    ),
  );
  assert.match(cold.stderr, /precompile\(Tuple\{typeof\(.*A\.foo\), Int64\}\)/);
  assert.match(cold.stderr, /precompile\(Tuple\{typeof\(.*A\.bar\), Int64\}\)/);

  // a moved project keeps its cache: keys are contents, not paths
  const moved = join(tmp, 'moved', 'A');
  cpSync(pkg, moved, { recursive: true });
  const m = ok(await jolt(['--project=.', '--trace-compile=stderr', '-e', 'using A; println(A.foo(2))'], moved));
  assert.equal(m.stdout, '111\n');
  assert.doesNotMatch(m.stderr, /Precompiling|precompile\(/);
  // nor do touched files (new times, same contents), or a flag that does not change code
  const later = new Date(Date.now() + 3600_000);
  for (const f of ['Project.toml', 'Manifest.toml', join('src', 'A.jl')]) utimesSync(join(moved, f), later, later);
  const t = ok(
    await jolt(
      ['--project=.', '--color=no', '--history-file=no', '--trace-compile=stderr', '-e', 'using A; println(A.foo(2))'],
      moved,
    ),
  );
  assert.equal(t.stdout, '111\n');
  assert.doesNotMatch(t.stderr, /Precompiling|precompile\(/);

  // an edited package is precompiled again at `using`
  writeFileSync(join(moved, 'src', 'A.jl'), SEED.replace('+ length(string(x))', '+ 2length(string(x))'));
  const e = ok(await jolt(['--project=.', '-e', 'using A; println(A.foo(2))'], moved));
  assert.equal(e.stdout, '112\n');
  assert.match(e.stderr, /Precompiling A\.\.\.\n {2}\u2713 A\n/);
});

test('a script: the second run compiles nothing; an edited function alone compiles again', async () => {
  const dir = join(tmp, 'script');
  mkdirSync(dir, { recursive: true });
  const src = (k: number): string =>
    `g(x) = x * ${k} + 1\nh(x) = x - 3\nfunction total(n)\n    s = 0\n    for i in 1:n\n        s += g(i) + h(i)\n    end\n    s\nend\nprintln(h(5))\nprintln(total(10))\n`;
  const file = join(dir, 's.jl');
  writeFileSync(file, src(2));
  const run = (): Promise<Run> => jolt(['--compile=all', '--trace-compile=stderr', file], dir);
  const r1 = ok(await run());
  assert.equal(r1.stdout, '2\n145\n');
  assert.match(r1.stderr, /typeof\(Main\.total\)/);
  const r2 = ok(await run());
  assert.equal(r2.stdout, '2\n145\n');
  assert.equal(r2.stderr, '');
  // g changed: g and total (which called it) compile again, h (compiled in a module of its own, since it ran
  // first) does not
  writeFileSync(file, src(3));
  const r3 = ok(await run());
  assert.equal(r3.stdout, '2\n200\n');
  assert.match(r3.stderr, /typeof\(Main\.total\)/);
  assert.doesNotMatch(r3.stderr, /typeof\(Main\.h\)/);
});

test('code that inlined a closure is not reused by a program whose closure of the same name does other work', async () => {
  const dir = join(tmp, 'closures');
  mkdirSync(dir, { recursive: true });
  const a = join(dir, 'a.jl'),
    b = join(dir, 'b.jl');
  writeFileSync(a, 'x = [i * 2 for i in 1:3]\nprintln(x)\n');
  writeFileSync(b, 'w = 5\nx = [i + w for i in 1:3]\nprintln(x)\n');
  for (const [file, want] of [
    [a, '[2, 4, 6]\n'],
    [b, '[6, 7, 8]\n'],
    [a, '[2, 4, 6]\n'],
  ] as const)
    assert.equal(ok(await jolt(['--compile=all', file], dir)).stdout, want);
});

test('stored code is checked while a standard library is still loading, its methods not yet nameable', async () => {
  const dir = join(tmp, 'loading');
  mkdirSync(dir, { recursive: true });
  const dicts = join(dir, 'dicts.jl'),
    dates = join(dir, 'dates.jl');
  // (Dict{String,Int64} code in the store, which loading Dates asks for while its own methods of Base's functions
  // have no name yet)
  writeFileSync(
    dicts,
    'd = Dict{String,Int64}()\nfor (i, k) in enumerate(["jan", "feb"])\n    d[k] = i\nend\n' +
      'println(d["feb"], " ", haskey(d, "x"), " ", get(d, "jan", 0))\n',
  );
  writeFileSync(dates, 'using Dates\nprintln(Date(2020, 1, 2))\n');
  assert.equal(ok(await jolt(['--compile=all', dicts], dir)).stdout, '2 false 1\n');
  assert.equal(ok(await jolt(['--compile=all', dates], dir)).stdout, '2020-01-02\n');
});

test('a damaged store entry is detected and its code compiled again', async () => {
  const dir = join(tmp, 'damaged');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'd.jl');
  writeFileSync(file, 'k(x) = x * 7 - 1\nprintln(k(6))\n');
  const run = (): Promise<Run> => jolt(['--compile=all', '--trace-compile=stderr', file], dir);
  ok(await run());
  assert.equal(ok(await run()).stderr, '');
  // flip a byte in the middle of every entry, and cut one short
  const store = join(depot, 'compiled');
  const entries: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.jce')) entries.push(p);
    }
  };
  walk(store);
  assert.ok(entries.length > 0);
  for (const p of entries) {
    const b = readFileSync(p);
    b[b.length >> 1] ^= 0x5a;
    writeFileSync(p, b);
  }
  const r = ok(await run());
  assert.equal(r.stdout, '41\n');
  assert.match(r.stderr, /typeof\(Main\.k\)/); // never trusted: compiled again
  // and kept again: the next run compiles nothing
  assert.equal(ok(await run()).stderr, '');
});

test('a method added later makes cached code that depended on it stale: rejected, reported, compiled again', async () => {
  const dir = join(tmp, 'pirate');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'p.jl');
  writeFileSync(file, 'f(x) = 1\ng(x) = f(x) + 1\nisfile("extra.jl") && include("extra.jl")\nprintln(g(2))\n');
  const run = (): Promise<Run> => jolt(['--compile=all', '--trace-compile=stderr', '--trace-invalidations', file], dir);
  assert.equal(ok(await run()).stdout, '2\n');
  const cached = ok(await run());
  assert.doesNotMatch(cached.stderr, /precompile\(/);
  // a more specific f: g(::Int64)'s stored code called f(::Any), so it must not run
  writeFileSync(join(dir, 'extra.jl'), 'f(x::Int) = 10\n');
  const r = ok(await run());
  assert.equal(r.stdout, '11\n');
  assert.match(r.stderr, /precompile\(Tuple\{typeof\(Main\.g\), Int64\}\)/);
  assert.match(r.stderr, /cached code found stale when loaded/);
});

// ------------------------------------------------------------------ a workspace of packages and environments
const UUID = {
  Shared: '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
  P1: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  P2: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  P3: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
  R: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
  Q1: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
  Q2: '6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c',
  Bad: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  AfterBad: '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e',
  PA: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  Pirate: 'a0b1c2d3-e4f5-4a6b-9c7d-8e9f0a1b2c3d',
  PrecompileTools: 'aea7be01-6a6a-4083-8856-8a6e6704d82a',
} as const;
type Pkg = keyof typeof UUID;

/** a package folder `name` in `ws` with `deps` and `src` as its module's body */
function pkg(ws: string, name: Pkg, deps: Pkg[], body: string): void {
  mkdirSync(join(ws, name, 'src'), { recursive: true });
  const d = deps.map(x => `${x} = "${UUID[x]}"\n`).join('');
  writeFileSync(
    join(ws, name, 'Project.toml'),
    `name = "${name}"\nuuid = "${UUID[name]}"\nversion = "0.1.0"\n\n[deps]\n${d}`,
  );
  writeFileSync(join(ws, name, 'src', `${name}.jl`), `module ${name}\n${body}\nend\n`);
}
/** an environment `env` in `ws` whose manifest lists the packages (path ones by folder) with their deps */
function env(ws: string, name: string, direct: Pkg[], all: [Pkg, Pkg[]][]): void {
  mkdirSync(join(ws, name), { recursive: true });
  writeFileSync(join(ws, name, 'Project.toml'), `[deps]\n${direct.map(x => `${x} = "${UUID[x]}"\n`).join('')}`);
  const entries = all.map(
    ([p, deps]) =>
      `[[deps.${p}]]\n` +
      (deps.length ? `deps = [${deps.map(x => `"${x}"`).join(', ')}]\n` : '') +
      (p === 'PrecompileTools' ? '' : `path = "../${p}"\n`) +
      `uuid = "${UUID[p]}"\nversion = "${p === 'PrecompileTools' ? '1.2.1' : '0.1.0'}"\n`,
  );
  writeFileSync(join(ws, name, 'Manifest.toml'), `manifest_format = "2.0"\n\n${entries.join('\n')}`);
}
/** the files under `dir` whose path passes `keep` */
function findFiles(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...findFiles(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}
/** the store entries a package cache lists */
function cacheEntries(name: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.jpc') && d.endsWith(join('packages', name))) {
        const r = readImageFile(p, { kind: 'package' });
        assert.ok(r.ok);
        out.push(...(JSON.parse(new TextDecoder().decode(r.payload)) as { entries: string[] }).entries);
      }
    }
  };
  walk(join(depot, 'compiled'));
  return out;
}

test('two packages, and two environments, share the store entry of a specialization they both need', async () => {
  const ws = join(tmp, 'shared-ws');
  const workload = (expr: string): string =>
    `using PrecompileTools\nusing Shared\nrun(x) = ${expr}\n@compile_workload begin\n    run(2.5)\nend`;
  pkg(ws, 'Shared', [], '@noinline g(x) = x * x + one(x)');
  pkg(ws, 'P1', ['PrecompileTools', 'Shared'], workload('Shared.g(x)'));
  pkg(ws, 'P2', ['PrecompileTools', 'Shared'], workload('Shared.g(x) + 1'));
  const tools: [Pkg, Pkg[]] = ['PrecompileTools', []];
  const p1: [Pkg, Pkg[]] = ['P1', ['PrecompileTools', 'Shared']];
  const p2: [Pkg, Pkg[]] = ['P2', ['PrecompileTools', 'Shared']];
  env(ws, 'env1', ['P1'], [tools, ['Shared', []], p1]);
  env(ws, 'env2', ['P1', 'P2'], [tools, ['Shared', []], p1, p2]);
  const a = ok(await jolt(['precompile', '--project=env1'], ws));
  assert.match(
    a.stderr,
    /^Precompiling project\.\.\.\n {2}\u2713 Shared\n {2}\u2713 P1\n {2}2 dependencies successfully precompiled in \d+ seconds\n$/,
  );
  // env2: P1 and Shared are the same content, so their caches serve; only P2 is precompiled
  const b = ok(await jolt(['precompile', '--project=env2'], ws));
  assert.match(
    b.stderr,
    /^Precompiling project\.\.\.\n {2}\u2713 P2\n {2}1 dependency successfully precompiled in \d+ seconds\n$/,
  );
  // Shared.g(::Float64), compiled by both workloads, is one entry both caches list
  const common = cacheEntries('P1').filter(k => cacheEntries('P2').includes(k));
  assert.ok(common.length >= 1, 'P1 and P2 share no store entry');
  const r = ok(
    await jolt(
      ['--project=env2', '--trace-compile=stderr', '-e', 'using P1, P2; println(P1.run(2.5), " ", P2.run(2.5))'],
      ws,
    ),
  );
  assert.equal(r.stdout, '7.25 8.25\n');
  assert.equal(r.stderr, '');
});

test('two processes loading a package at once: one precompiles it, the other waits and uses its cache', async () => {
  const ws = join(tmp, 'concurrent-ws');
  pkg(ws, 'P3', ['PrecompileTools'], 'using PrecompileTools\nh(n) = sum(1:n)\n@compile_workload begin\n    h(10)\nend');
  env(
    ws,
    'env',
    ['P3'],
    [
      ['PrecompileTools', []],
      ['P3', ['PrecompileTools']],
    ],
  );
  const [x, y] = await Promise.all([0, 1].map(() => jolt(['--project=env', '-e', 'using P3; println(P3.h(100))'], ws)));
  for (const r of [ok(x!), ok(y!)]) assert.equal(r.stdout, '5050\n');
  const built = [x!, y!].filter(r => /\u2713 P3/.test(r.stderr));
  assert.equal(built.length, 1, `${x!.stderr}\n---\n${y!.stderr}`);
});

test('a package loaded from its cache replays its lowered toplevel: nothing of it is parsed or lowered again', async () => {
  const ws = join(tmp, 'replay-ws');
  pkg(
    ws,
    'R',
    [],
    [
      'export area, @twice',
      'abstract type Shape end',
      'struct Sq <: Shape\n    s::Float64\nend',
      'area(x::Sq) = x.s^2',
      'macro twice(ex)\n    esc(:($ex; $ex))\nend',
      'const adders = [x -> x + i for i in 1:3]',
      'for (n, v) in ((:one_, 1), (:two_, 2))\n    @eval $n() = $v\nend',
      'include("extra.jl")',
      'const sq = Sq(2.0)',
      'greet() = "hi from " * string(nameof(@__MODULE__)) * " " * Inner.f()',
    ].join('\n'),
  );
  writeFileSync(join(ws, 'R', 'src', 'extra.jl'), 'helper(x) = 2x\nmodule Inner\nf() = "inner"\nend\n');
  env(ws, 'env', ['R'], [['R', []]]);
  const prog =
    'using R; println(area(R.sq), " ", R.adders[2](10), " ", R.one_() + R.two_(), " ", R.helper(4), " ", R.greet()); ' +
    'x = 0; @twice x += 1; println(x, " ", R.Sq <: R.Shape)';
  const want = '4.0 12 3 8 hi from R inner\n2 true\n';
  const first = ok(await jolt(['--project=env', '-e', prog], ws, { JOLT_STATS: '1' }));
  assert.equal(first.stdout, want);
  assert.ok(stats(first).parsedChars > prog.length, 'the first load parses the package');
  const again = ok(await jolt(['--project=env', '-e', prog], ws, { JOLT_STATS: '1' }));
  assert.equal(again.stdout, want);
  // only the -e program itself is parsed
  assert.equal(stats(again).parsedChars, new TextEncoder().encode(prog).length);
  // a truncated lowered-code file is never trusted: the package is precompiled again, and both files rewritten
  const jpl = findFiles(join(depot, 'compiled'), f => f.endsWith('.jpl') && f.includes(`${join('packages', 'R')}`));
  assert.equal(jpl.length, 1);
  writeFileSync(jpl[0]!, readFileSync(jpl[0]!).subarray(0, 40));
  const damaged = ok(await jolt(['--project=env', '-e', prog], ws, { JOLT_STATS: '1' }));
  assert.equal(damaged.stdout, want);
  assert.match(damaged.stderr, /Precompiling R\.\.\./);
  const repaired = ok(await jolt(['--project=env', '-e', prog], ws, { JOLT_STATS: '1' }));
  assert.equal(stats(repaired).parsedChars, new TextEncoder().encode(prog).length);
  // so is a cache file with a flipped byte (its checksum fails)
  const jpc = jpl[0]!.replace(/\.jpl$/, '.jpc');
  const bytes = readFileSync(jpc);
  bytes[bytes.length - 3] ^= 0xff;
  writeFileSync(jpc, bytes);
  const corrupt = ok(await jolt(['--project=env', '-e', prog], ws));
  assert.equal(corrupt.stdout, want);
  assert.match(corrupt.stderr, /Precompiling R\.\.\./);
  // an edit to an included file changes the package's key: its source is read again
  writeFileSync(join(ws, 'R', 'src', 'extra.jl'), 'helper(x) = 3x\nmodule Inner\nf() = "inner"\nend\n');
  const edited = ok(await jolt(['--project=env', '-e', prog], ws, { JOLT_STATS: '1' }));
  assert.equal(edited.stdout, want.replace(' 8 ', ' 12 '));
});

test('independent packages are precompiled in processes of their own, in parallel; a failure names the package', async () => {
  const ws = join(tmp, 'parallel-ws');
  // each package notes the process that precompiled it
  const notePid = (name: string): string =>
    `if ccall(:jl_generating_output, Any, ()) === true\n    write(joinpath(@__DIR__, "..", "..", "${name}.pid"), string(getpid()))\nend\nf() = "${name}"`;
  pkg(ws, 'Q1', [], notePid('Q1'));
  pkg(ws, 'Q2', [], notePid('Q2'));
  pkg(ws, 'Bad', [], 'f() = 1\nerror("Bad cannot load")');
  pkg(ws, 'AfterBad', ['Bad'], 'using Bad');
  env(
    ws,
    'env',
    ['Q1', 'Q2'],
    [
      ['Q1', []],
      ['Q2', []],
    ],
  );
  const r = ok(
    await jolt(
      ['--project=env', '-e', 'println(getpid()); import Pkg; Pkg.precompile(); using Q1, Q2; println(Q1.f(), Q2.f())'],
      ws,
      {
        JOLT_NUM_PRECOMPILE_TASKS: '2',
      },
    ),
  );
  const [parent, out] = r.stdout.trim().split('\n');
  assert.equal(out, 'Q1Q2');
  assert.match(
    r.stderr,
    /^Precompiling project\.\.\.\n( {2}\u2713 Q[12]\n){2} {2}2 dependencies successfully precompiled in \d+ seconds\n$/,
  );
  const pids = ['Q1', 'Q2'].map(n => readFileSync(join(ws, `${n}.pid`), 'utf8'));
  assert.notEqual(pids[0], pids[1]);
  assert.ok(!pids.includes(parent!), 'precompiled in the process that asked');
  // one process at a time: this process precompiles them itself
  rmSync(join(ws, 'Q1.pid'));
  writeFileSync(join(ws, 'Q1', 'src', 'extra.txt'), 'a change of content');
  writeFileSync(join(ws, 'Q2', 'src', 'extra.txt'), 'a change of content');
  const one = ok(
    await jolt(['--project=env', '-e', 'println(getpid()); import Pkg; Pkg.precompile()'], ws, {
      JOLT_NUM_PRECOMPILE_TASKS: '1',
    }),
  );
  assert.equal(readFileSync(join(ws, 'Q1.pid'), 'utf8'), one.stdout.trim());
  // a package that fails: a cross, then the error with the package's name; what depends on it is not tried
  writeFileSync(join(ws, 'Q1', 'src', 'extra.txt'), 'another change');
  env(
    ws,
    'bad',
    ['AfterBad', 'Q1', 'Bad'],
    [
      ['Q1', []],
      ['Bad', []],
      ['AfterBad', ['Bad']],
    ],
  );
  const b = await jolt(['--project=bad', '-e', 'import Pkg; Pkg.precompile()'], ws, { JOLT_NUM_PRECOMPILE_TASKS: '2' });
  assert.notEqual(b.status, 0);
  assert.match(b.stderr, / {2}\u2717 Bad\n/);
  assert.match(b.stderr, /failed to precompile:\n\nBad\n[^]*Bad cannot load/);
  assert.match(b.stderr, /not precompiled, since a dependency failed: AfterBad/);
  assert.doesNotMatch(b.stderr, /\u2713 AfterBad/);
});

test("a later package's pirate method invalidates exactly the cached instances that depended on it, shown as a tree", async () => {
  const ws = join(tmp, 'pirate-ws');
  pkg(
    ws,
    'PA',
    ['PrecompileTools'],
    'using PrecompileTools\nf(x) = 1\ng(x) = f(x) + 1\nh(x) = 2x\n@compile_workload begin\n    g(2)\n    h(2)\nend',
  );
  pkg(ws, 'Pirate', ['PA'], 'using PA\nPA.f(x::Int) = 10');
  env(
    ws,
    'env',
    ['PA', 'Pirate'],
    [
      ['PrecompileTools', []],
      ['PA', ['PrecompileTools']],
      ['Pirate', ['PA']],
    ],
  );
  ok(await jolt(['precompile', '--project=env'], ws));
  const trace = ['--project=env', '--compile=all', '--trace-compile=stderr', '--trace-invalidations', '-e'];
  // g's stored code runs, then the pirate's method makes it stale: invalidated through its backedges (f was inlined
  // into g, so f(::Int64) has no code of its own, only its caller), compiled again; h untouched
  const r = ok(await jolt([...trace, 'using PA; println(PA.g(2)); using Pirate; println(PA.g(2), " ", PA.h(2))'], ws));
  assert.equal(r.stdout, '2\n11 4\n');
  assert.match(r.stderr, /^precompile\(Tuple\{typeof\(PA\.g\), Int64\}\)$/m);
  assert.doesNotMatch(r.stderr, /PA\.h/);
  assert.match(
    r.stderr,
    /inserting f\(x::Int64\) @ Pirate .* invalidated 2 instances:\n.*superseding f\(x\) @ PA .* with MethodInstance for PA\.f\(::Int64\) \(1 child\)\n\s+MethodInstance for PA\.g\(::Int64\) \(0 children\)\n/,
  );
  // the pirate loaded before g's first call: its stored code is found stale when it is looked up, and reported
  const s = ok(await jolt([...trace, 'using PA, Pirate; println(PA.g(2), " ", PA.h(2))'], ws));
  assert.equal(s.stdout, '11 4\n');
  assert.match(s.stderr, /f\(x::Int64\) @ Pirate .*\n(.*\n)*.*MethodInstance for PA\.g\(::Int64\)/);
  assert.doesNotMatch(s.stderr, /PA\.h/);
});
