// Precompile caches, measured (`node bench/precompile.ts [--sizes 100,1000,10000]`; `npm run bench` runs it with
// N = 100, 1,000 and 10,000, `npm run bench -- --filter precompile` alone): a generated package of N methods whose
// workload calls each of them, in a fresh depot (the runner's Base image copied in). Per N, measured side by side in one run:
//   cold      `jolt precompile`: loading the package with its workload, every call compiled (what a first
//             `using` pays without a cache)
//   load      `using GenN` with the cache, timed inside the process (@elapsed of the loading statement)
//   first / second call of one of its functions in that process (the first decodes, validates and links its
//             stored module, and pays what the process does once: resolving Base's names, warming the decoder;
//             not the timer's first use nor that of a qualified name `Gen.f`, paid before it)
//   later first calls: the median first call of other functions of the package called after it
// (each loading figure: the median of 5 processes)
//   validate  the package-level check of the functions the cache depends on, unchanged environment, and after
//             a package that adds a method to one of them (`+`) was loaded first
// Prints a markdown table; ratio = cold / load.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseImagePath, contentKey } from '../src/image/depot.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jolt = join(root, 'bin', 'jolt.js');

function option(name: string, dflt: string): string {
  const k = process.argv.indexOf(name);
  return k >= 0 && process.argv[k + 1] ? process.argv[k + 1]! : dflt;
}
const sizes = option('--sizes', '100,1000,10000').split(',').map(Number);

const TOOLS = 'aea7be01-6a6a-4083-8856-8a6e6704d82a';
/** a package GenN (N functions, each called by the workload) and a project using it; Pirate adds a `+` method */
function generate(dir: string, n: number): void {
  const name = `Gen${n}`;
  const uuid = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  mkdirSync(join(dir, name, 'src'), { recursive: true });
  writeFileSync(
    join(dir, name, 'Project.toml'),
    `name = "${name}"\nuuid = "${uuid}"\nversion = "0.1.0"\n\n[deps]\nPrecompileTools = "${TOOLS}"\n`,
  );
  const fs: string[] = [];
  for (let k = 1; k <= n; k++) fs.push(`f${k}(x) = x * ${k} + ${k % 7}`);
  const calls: string[] = [];
  for (let k = 1; k <= n; k++) calls.push(`    f${k}(${k})`);
  writeFileSync(
    join(dir, name, 'src', `${name}.jl`),
    `module ${name}\nusing PrecompileTools\n${fs.join('\n')}\n@compile_workload begin\n${calls.join('\n')}\nend\nend\n`,
  );
  const puuid = '00000000-0000-4000-8000-999999999999';
  mkdirSync(join(dir, 'Pirate', 'src'), { recursive: true });
  writeFileSync(join(dir, 'Pirate', 'Project.toml'), `name = "Pirate"\nuuid = "${puuid}"\nversion = "0.1.0"\n`);
  writeFileSync(join(dir, 'Pirate', 'src', 'Pirate.jl'), 'module Pirate\nstruct P end\nBase.:+(::P, ::Int) = 0\nend\n');
  mkdirSync(join(dir, 'app'), { recursive: true });
  writeFileSync(join(dir, 'app', 'Project.toml'), `[deps]\n${name} = "${uuid}"\nPirate = "${puuid}"\n`);
  writeFileSync(
    join(dir, 'app', 'Manifest.toml'),
    `manifest_format = "2.0"\n\n[[deps.${name}]]\ndeps = ["PrecompileTools"]\npath = "../${name}"\nuuid = "${uuid}"\nversion = "0.1.0"\n\n` +
      `[[deps.Pirate]]\npath = "../Pirate"\nuuid = "${puuid}"\nversion = "0.1.0"\n\n` +
      `[[deps.PrecompileTools]]\nuuid = "${TOOLS}"\nversion = "1.2.1"\n`,
  );
}

function run(dir: string, depot: string, args: string[]): { ms: number; out: string; err: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [jolt, '--project=app', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, JOLT_DEPOT_PATH: depot, JOLT_STORE_STATS: '1' },
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`jolt ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return { ms: performance.now() - t0, out: r.stdout, err: r.stderr };
}
const validateMs = (err: string): number => {
  const m = /^jolt store: (\{.*\})$/m.exec(err);
  return m ? (JSON.parse(m[1]!) as { validateMs: number }).validateMs : NaN;
};

interface Row {
  n: number;
  coldMs: number;
  loadMs: number;
  firstMs: number;
  /** the median first call of other functions of the package, called after it */
  laterFirstMs: number;
  secondMs: number;
  validateMs: number;
  validateChangedMs: number;
}

/** processes per loading figure (their median) */
const RUNS = 5;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : NaN;
};

function measure(n: number): Row {
  const dir = mkdtempSync(join(tmpdir(), 'jolt-bench-precompile-'));
  const depot = join(dir, 'depot');
  try {
    const image = baseImagePath(contentKey());
    if (existsSync(image)) {
      mkdirSync(join(depot, 'images'), { recursive: true });
      copyFileSync(image, baseImagePath(contentKey(), depot));
    }
    generate(dir, n);
    run(dir, depot, ['-e', '0']); // the Base image (built here if the runner had none), and Pkg's cache
    const cold = run(dir, depot, ['-e', 'import Pkg; Pkg.precompile()']);
    const name = `Gen${n}`;
    const k = Math.max(1, n >> 1);
    // then the first calls of up to 11 other functions, one statement each
    const others = [...new Set(Array.from({ length: 11 }, (_, j) => 1 + Math.floor(((j + 1) * n) / 13)))].filter(
      j => j !== k,
    );
    const probe =
      // the timer's own first use (its callees' code) is paid before the timed calls, and so is the first use of
      // a module-qualified name (linking Base's getproperty(::Module, ::Symbol) from the image), which is not the
      // cached function's
      `t0 = time_ns()\nusing ${name}\nt = (time_ns() - t0) / 1e6\nw = @elapsed Base.identity(3)\n` +
      `t1 = @elapsed ${name}.f${k}(3)\nt2 = @elapsed ${name}.f${k}(3)\n` +
      others.map((j, i) => `u${i} = @elapsed ${name}.f${j}(3)\n`).join('') +
      `println(t, " ", t1 * 1000, " ", t2 * 1000${others.map((_, i) => `, " ", u${i} * 1000`).join('')})`;
    // each figure of a loading process is the median of RUNS processes: one process's figures can each meet a
    // collection of the young generation, which copies what the start decoded (~30 ms)
    const loads = Array.from({ length: RUNS }, () => {
      const loaded = run(dir, depot, ['-e', probe]);
      const [loadMs, firstMs, secondMs, ...later] = loaded.out.trim().split(' ').map(Number) as number[];
      const changed = run(dir, depot, ['-e', `using Pirate\n${probe}`]);
      return {
        loadMs: loadMs!,
        firstMs: firstMs!,
        secondMs: secondMs!,
        laterFirstMs: median(later),
        validateMs: validateMs(loaded.err),
        validateChangedMs: validateMs(changed.err),
      };
    });
    const med = (k: keyof (typeof loads)[number]): number => median(loads.map(l => l[k]));
    return {
      n,
      coldMs: cold.ms,
      loadMs: med('loadMs'),
      firstMs: med('firstMs'),
      laterFirstMs: med('laterFirstMs'),
      secondMs: med('secondMs'),
      validateMs: med('validateMs'),
      validateChangedMs: med('validateChangedMs'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_KEEP) {
  // a generated workspace to look at by hand: BENCH_KEEP=dir node bench/precompile.ts --sizes N
  generate(process.env.BENCH_KEEP, sizes[0]!);
  process.exit(0);
}
const rows: Row[] = [];
for (const n of sizes) {
  process.stderr.write(`  precompile bench: N = ${n}\n`);
  rows.push(measure(n));
}
const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 0) : 'n/a');
console.log(
  '| N methods | cold precompile (ms) | cache load (ms) | cold / load | first call (ms) | later first calls (ms) | second call (ms) | validation, unchanged (ms) | validation, changed (ms) |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.n} | ${f(r.coldMs)} | ${f(r.loadMs)} | ${(r.coldMs / r.loadMs).toFixed(1)}x | ${f(r.firstMs)} | ${f(r.laterFirstMs)} | ${f(r.secondMs)} | ${f(r.validateMs)} | ${f(r.validateChangedMs)} |`,
  );
