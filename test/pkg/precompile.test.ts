// Precompile caches and the code store, through real `jolt` processes on a depot of this file's own (its Base
// image copied from the runner's depot when there is one): the seed's example (a workload whose callee is reached
// only through dynamic dispatch), a moved project, `jolt precompile`, a script whose second run compiles nothing
// and whose edited function alone is compiled again, and damaged store entries.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runJolt, copyBaseImage, type Run } from '../image/jolt_process.ts';

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
