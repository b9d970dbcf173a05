// The benchmark suite's driver (`npm run bench`): builds the C kernels with gcc -O2, runs every kernel in C,
// JavaScript and Jolt (each program times itself and prints `kernel=NAME time_ms=MIN checksum=VALUE runs=N`),
// checks that the checksums agree, measures Jolt's latencies (start-up, first and second call, front-end
// throughput) and prints markdown tables. See bench/README.md for the options.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const outDir = join(benchDir, 'out');

// ------------------------------------------------------------------ kernels and their sizes
// `standard` sizes make the C version take roughly 3-110 ms (quicksort sorts 10^6 numbers); `small` sizes keep the
// interpreter within seconds.
// The size is the programs' optional first argument, so all three languages always run the same problem.
interface Kernel {
  name: string;
  what: string;
  standard: number;
  small: number;
  /** the type-unstable group (`npm run bench -- unstable`): its own table, with the time per dynamic call */
  group?: 'unstable';
  /** how many dynamic calls one run makes, from its size and checksum (the table's ns per call) */
  calls?: (size: number, checksum: string) => number;
}
const KERNELS: Kernel[] = [
  { name: 'fib', what: 'recursive fib(n)', standard: 32, small: 20 },
  { name: 'parse_int', what: 'n hex string/parse round trips', standard: 100000, small: 2000 },
  { name: 'mandel', what: 'n x Mandelbrot 26x21 grid, Complex', standard: 100, small: 1 },
  { name: 'quicksort', what: 'quicksort n Float64', standard: 1000000, small: 2000 },
  { name: 'pisum', what: 'n x sum 1/k^2, k=1..10^4', standard: 500, small: 5 },
  { name: 'byte_hash', what: '20 x FNV-1a (UInt32) over "1,2,...,n"', standard: 100000, small: 100 },
  { name: 'randmatstat', what: 'n random-matrix statistics', standard: 1000, small: 2 },
  { name: 'matmul', what: 'n x n matrix product, loops', standard: 200, small: 20 },
  { name: 'print_file', what: 'print n lines to a file', standard: 100000, small: 1000 },
  { name: 'binary_trees', what: 'binary trees, depth n', standard: 14, small: 8 },
  { name: 'nbody', what: 'n-body, n steps', standard: 100000, small: 500 },
  // type-unstable code: every call below is dispatched on a run-time type (a switch on a tag or a virtual call in
  // C, the engine's polymorphic call sites in JS)
  ...(
    [
      ['unstable_any', 'Vector{Any} of n Int/Float64/String, f of 3 methods', 100000, 2000],
      ['unstable_shapes', 'Vector{Shape} of n Circle/Square/Rect, area', 100000, 2000],
      ['unstable_dict', 'Dict{String,Any} of n mixed values, weight', 100000, 2000],
    ] as const
  ).map(([name, what, standard, small]): Kernel => ({
    name,
    what,
    standard,
    small,
    group: 'unstable',
    calls: size => size,
  })),
  {
    name: 'unstable_prime',
    what: 'n-th prime, closure over a boxed vector (per candidate)',
    standard: 10001,
    small: 1000,
    group: 'unstable',
    calls: (_size, checksum) => Number(checksum) - 1, // one closure call per candidate 2..p
  },
];
type SizeMode = 'standard' | 'small';
// jolt: compiled (`--compile=all`: each method compiled at its first call, as Julia does, so the warm-up runs pay
// the compilation and the timed runs run native code); interp: the same program under `--compile=no`
// default: Jolt's default mode (the type-unstable group only: there top-level code and dynamic calls meet the
// interpreter/compiler split)
const LANGS = ['c', 'js', 'jolt', 'default', 'interp'] as const;
type Lang = (typeof LANGS)[number];
const LANG_TITLE: Record<Lang, string> = {
  c: 'C',
  js: 'JS',
  jolt: 'Jolt',
  default: 'Jolt default mode',
  interp: 'Jolt --compile=no',
};

// ------------------------------------------------------------------ options
interface Options {
  json?: string;
  filter?: string[];
  /** groups named as plain arguments (`npm run bench -- unstable`) */
  groups?: string[];
  writeResults: boolean;
  sizes: SizeMode[];
  langs: Lang[];
  joltTimeout: number;
  latency: boolean;
}

function usage(msg?: string): never {
  if (msg) console.error(`bench: ${msg}`);
  console.error(`usage: npm run bench -- [unstable] [--filter NAME[,NAME...]] [--sizes standard|small|both (default)] [--langs c,js,jolt,interp]
                      [--jolt-timeout SECONDS] [--no-latency] [--json FILE] [--write-results]`);
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    writeResults: false,
    sizes: ['standard', 'small'],
    langs: [...LANGS],
    joltTimeout: 40,
    latency: true,
  };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    const val = () => {
      const v = argv[++k];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--json') o.json = val();
    else if (a === '--filter') o.filter = val().split(',').filter(Boolean);
    else if (a === '--write-results') o.writeResults = true;
    else if (a === '--no-latency') o.latency = false;
    else if (a === '--jolt-timeout') {
      o.joltTimeout = Number(val());
      if (!(o.joltTimeout > 0)) usage('bad --jolt-timeout');
    } else if (a === '--sizes') {
      const v = val();
      if (v === 'both') o.sizes = ['standard', 'small'];
      else if (v === 'standard' || v === 'small') o.sizes = [v];
      else usage(`unknown --sizes ${v}`);
    } else if (a === '--langs') {
      const ls = val().split(',');
      for (const l of ls) if (!(LANGS as readonly string[]).includes(l)) usage(`unknown language ${l}`);
      o.langs = ls as Lang[];
    } else if (a === '-h' || a === '--help') usage();
    else if (a === 'unstable') (o.groups ??= []).push(a);
    else usage(`unknown option ${a}`);
  }
  return o;
}

// ------------------------------------------------------------------ results
type Cell =
  | { status: 'ok'; time_ms: number; checksum: string; runs: number }
  | { status: 'fails'; message: string }
  | { status: 'timeout'; seconds: number }
  | { status: 'skipped'; message: string };

interface Row {
  kernel: string;
  what: string;
  group?: string;
  sizes: SizeMode;
  size: number;
  c?: Cell;
  js?: Cell;
  jolt?: Cell;
  default?: Cell;
  interp?: Cell;
  /** dynamic calls per run (the type-unstable group) */
  calls?: number;
  checksum: 'agree' | 'mismatch' | 'n/a';
  checksums: Partial<Record<Lang, string>>;
  jolt_over_c?: number;
  jolt_over_js?: number;
  interp_over_jolt?: number;
}

const firstLine = (s: string) =>
  s
    .split('\n')
    .map(l => l.trim())
    .find(l => l.length > 0) ?? '';

/** The first line that says what went wrong: Jolt and Node put it first on stderr. */
function errorLine(r: SpawnSyncReturns<string>): string {
  return firstLine(r.stderr ?? '') || firstLine(r.stdout ?? '') || `exit status ${r.status ?? r.signal}`;
}

function runProgram(cmd: string, args: string[], kernel: string, timeoutS: number): Cell {
  const r = spawnSync(cmd, args, {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 26,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT')
    return { status: 'timeout', seconds: timeoutS };
  if (r.error) return { status: 'fails', message: r.error.message };
  const m = /^kernel=(\S+) time_ms=(\S+) checksum=(\S+) runs=(\d+)/m.exec(r.stdout);
  if (r.status !== 0 || !m || m[1] !== kernel) return { status: 'fails', message: errorLine(r) };
  return { status: 'ok', time_ms: Number(m[2]), checksum: m[3]!, runs: Number(m[4]) };
}

/** Integers must be equal; floats agree within a relative 1e-9 (they print with different digit counts). */
function sameChecksum(a: string, b: string): boolean {
  const int = /^-?\d+$/;
  if (int.test(a) && int.test(b)) return BigInt(a) === BigInt(b);
  const x = Number(a),
    y = Number(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return a === b;
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}

// ------------------------------------------------------------------ building the C kernels
interface CBuild {
  ok: boolean;
  note?: string;
  binaries: Map<string, string | { error: string }>;
}

function buildC(kernels: Kernel[]): CBuild {
  const cc = process.env.CC ?? 'gcc';
  const probe = spawnSync(cc, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return { ok: false, note: `no C compiler (${cc}) found: the C column is skipped`, binaries: new Map() };
  }
  mkdirSync(join(outDir, 'c'), { recursive: true });
  const binaries = new Map<string, string | { error: string }>();
  for (const k of kernels) {
    const src = join(benchDir, 'c', `${k.name}.c`),
      bin = join(outDir, 'c', k.name);
    const r = spawnSync(cc, ['-O2', '-o', bin, src, '-lm'], { encoding: 'utf8' });
    binaries.set(k.name, r.status === 0 ? bin : { error: `build fails: ${errorLine(r)}` });
  }
  return { ok: true, note: `C: ${firstLine(probe.stdout)}, -O2`, binaries };
}

// ------------------------------------------------------------------ running the kernels
const node = process.execPath;
const joltBin = join(root, 'bin', 'jolt.js');

/** the interpreter runs the small sizes only: at the standard ones it would take minutes */
const langsFor = (mode: SizeMode, opts: Options, group?: string): Lang[] =>
  opts.langs.filter(l => (l !== 'interp' || mode === 'small') && (l !== 'default' || group === 'unstable'));

function runKernel(k: Kernel, mode: SizeMode, opts: Options, build: CBuild): Row {
  const size = k[mode];
  const row: Row = {
    kernel: k.name,
    what: k.what,
    group: k.group,
    sizes: mode,
    size,
    checksum: 'n/a',
    checksums: {},
  };
  for (const lang of langsFor(mode, opts, k.group)) {
    let cell: Cell;
    if (lang === 'c') {
      const bin = build.binaries.get(k.name);
      if (!build.ok) cell = { status: 'skipped', message: 'no C compiler' };
      else if (typeof bin !== 'string') cell = { status: 'fails', message: bin?.error ?? 'not built' };
      else cell = runProgram(bin, [String(size)], k.name, 120);
    } else if (lang === 'js') {
      cell = runProgram(node, [join(benchDir, 'js', `${k.name}.js`), String(size)], k.name, 120);
    } else if (lang === 'jolt') {
      cell = runProgram(
        node,
        [joltBin, '--compile=all', join(benchDir, 'jolt', `${k.name}.jl`), String(size)],
        k.name,
        opts.joltTimeout,
      );
    } else {
      const mode = lang === 'interp' ? ['--compile=no'] : [];
      cell = runProgram(
        node,
        [joltBin, ...mode, join(benchDir, 'jolt', `${k.name}.jl`), String(size)],
        k.name,
        opts.joltTimeout,
      );
    }
    row[lang] = cell;
    if (cell.status === 'ok') row.checksums[lang] = cell.checksum;
    process.stderr.write(`  ${k.name} [${mode} ${size}] ${LANG_TITLE[lang]}: ${cellText(cell)}\n`);
  }
  const sums = Object.values(row.checksums);
  if (sums.length >= 2) row.checksum = sums.every(s => sameChecksum(s, sums[0]!)) ? 'agree' : 'mismatch';
  if (k.calls && sums.length) row.calls = k.calls(size, sums[0]!);
  const t = (l: Lang) => {
    const c = row[l];
    return c?.status === 'ok' ? c.time_ms : undefined;
  };
  const tj = t('jolt'),
    tc = t('c'),
    tjs = t('js'),
    ti = t('interp');
  if (tj !== undefined && ti !== undefined && tj > 0) row.interp_over_jolt = ti / tj;
  if (tj !== undefined && tc !== undefined && tc > 0) row.jolt_over_c = tj / tc;
  if (tj !== undefined && tjs !== undefined && tjs > 0) row.jolt_over_js = tj / tjs;
  return row;
}

// ------------------------------------------------------------------ latency rows
interface Latency {
  startup?: { jolt_ms: number; worker_ms: number; node_ms: number; runs: number } | { fails: string };
  warmup?: Cell;
  first_call?: Cell;
  second_call?: Cell;
  functions?: number;
  /** the Base image's read and decode alone, medians over fresh processes */
  image_load?: { read_ms: number; decode_ms: number; bytes: number; runs: number } | { fails: string };
  /** the same functions as first_call, from a sysimage whose workload called them */
  sysimage_first_call?: Cell;
  sysimage_second_call?: Cell;
  sysimage_startup?: { ms: number; runs: number } | { fails: string };
  frontend: Record<string, Record<string, string>>;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function timeSpawn(args: string[], cmd = node): { ms: number; r: SpawnSyncReturns<string> } {
  const t0 = process.hrtime.bigint();
  // bin/jolt.js run as a program finds `node` on the PATH (its #! line): this one
  const env = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ''}` };
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', timeout: 60000, killSignal: 'SIGKILL', env });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, r };
}

function measureLatency(opts: Options): Latency {
  const lat: Latency = { frontend: {} };
  const runs = 7,
    jolt: number[] = [],
    worker: number[] = [],
    bare: number[] = [];
  // `jolt` as a command (bin/jolt.js's #! line gives Node its flags) and as `node bin/jolt.js` (a worker thread)
  for (let k = 0; k < runs; k++) {
    const j = timeSpawn(['-e', 'println(1)'], joltBin);
    const w = timeSpawn([joltBin, '-e', 'println(1)']);
    const bad = [j, w].find(x => x.r.stdout !== '1\n');
    if (bad) {
      lat.startup = { fails: errorLine(bad.r) };
      break;
    }
    jolt.push(j.ms);
    worker.push(w.ms);
    bare.push(timeSpawn(['-e', '0']).ms);
  }
  if (!lat.startup) lat.startup = { jolt_ms: median(jolt), worker_ms: median(worker), node_ms: median(bare), runs };
  process.stderr.write(
    `  start-up: ${'fails' in lat.startup ? lat.startup.fails : `${lat.startup.jolt_ms.toFixed(1)} ms`}\n`,
  );

  // the Base image's load alone (bench/image_load.ts), medians of 5 fresh processes
  {
    const reads: number[] = [],
      decodes: number[] = [];
    let bytes = 0;
    for (let k = 0; k < 5; k++) {
      const r = spawnSync(node, ['--stack-size=7000', join(benchDir, 'image_load.ts')], {
        cwd: root,
        encoding: 'utf8',
      });
      const m = /read_ms=(\S+) decode_ms=(\S+) total_ms=\S+ bytes=(\d+)/.exec(r.stdout ?? '');
      if (!m) {
        lat.image_load = { fails: errorLine(r) };
        break;
      }
      reads.push(Number(m[1]));
      decodes.push(Number(m[2]));
      bytes = Number(m[3]);
    }
    lat.image_load ??= { read_ms: median(reads), decode_ms: median(decodes), bytes, runs: 5 };
  }
  measureSysimage(lat, opts);

  // the one-off cost of starting the compiler (loading binaryen in its worker) with the first compilation: a
  // one-liner defining a function (println's own code comes native with the Base image) with --compile=all and
  // with --compile=no, medians of 3
  const oneOff: number[] = [];
  const fresh = 'f(x) = x + 1; println(f(1))';
  for (let k = 0; k < 3; k++)
    oneOff.push(
      timeSpawn([joltBin, '--compile=all', '-e', fresh]).ms - timeSpawn([joltBin, '--compile=no', '-e', fresh]).ms,
    );
  lat.warmup = { status: 'ok', time_ms: median(oneOff), checksum: '', runs: 3 };
  // --compile=all: each function is compiled at its first call (so the first call shows the compile time)
  const r = spawnSync(node, [joltBin, '--compile=all', join(benchDir, 'jolt', 'latency.jl')], {
    cwd: root,
    encoding: 'utf8',
    timeout: opts.joltTimeout * 1000,
    killSignal: 'SIGKILL',
  });
  const timedOut = r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
  for (const name of ['first_call', 'second_call'] as const) {
    const m = new RegExp(`^kernel=${name} time_ms=(\\S+) checksum=(\\S+) runs=(\\d+) functions=(\\d+)`, 'm').exec(
      r.stdout ?? '',
    );
    if (m) {
      lat[name] = { status: 'ok', time_ms: Number(m[1]), checksum: m[2]!, runs: 1 };
      lat.functions = Number(m[4]);
    } else
      lat[name] = timedOut
        ? { status: 'timeout', seconds: opts.joltTimeout }
        : { status: 'fails', message: errorLine(r) };
  }
  process.stderr.write(`  first/second call: ${cellText(lat.first_call!)} / ${cellText(lat.second_call!)}\n`);

  const f = spawnSync(node, [join(benchDir, 'frontend.ts')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120000,
    killSignal: 'SIGKILL',
  });
  for (const line of (f.stdout ?? '').split('\n')) {
    const m = /^frontend=(\S+) (.*)$/.exec(line);
    if (!m) continue;
    const fields: Record<string, string> = {};
    if (m[2]!.startsWith('fails:')) fields.fails = m[2]!.slice(6).trim();
    else for (const kv of m[2]!.matchAll(/(\w+)=("[^"]*"|\S+)/g)) fields[kv[1]!] = kv[2]!.replace(/^"|"$/g, '');
    lat.frontend[m[1]!] = fields;
  }
  if (Object.keys(lat.frontend).length === 0) lat.frontend.error = { fails: errorLine(f) };
  return lat;
}

/** bench/precompile.ts over generated packages of 100, 1,000 and 10,000 methods: its table, or why it failed */
function measurePrecompile(): string {
  process.stderr.write('  precompile caches (bench/precompile.ts)\n');
  const r = spawnSync(node, [join(benchDir, 'precompile.ts'), '--sizes', '100,1000,10000'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 1800000,
    killSignal: 'SIGKILL',
  });
  const table = (r.stdout ?? '').split('\n').filter(l => l.startsWith('|'));
  return r.status === 0 && table.length > 2 ? table.join('\n') : `bench/precompile.ts fails: ${errorLine(r)}`;
}

/** bench/jolt/latency.jl's functions from a sysimage that latency.jl itself built (its calls were the workload):
 *  the first and second calls of the same functions in a fresh process started from it, and that start-up */
function measureSysimage(lat: Latency, opts: Options): void {
  const img = join(outDir, 'latency.img');
  mkdirSync(outDir, { recursive: true });
  const b = spawnSync(node, [joltBin, 'sysimage', '-o', img, '--workload', join(benchDir, 'jolt', 'latency.jl')], {
    cwd: root,
    encoding: 'utf8',
    timeout: opts.joltTimeout * 1000,
    killSignal: 'SIGKILL',
  });
  if (b.status !== 0) {
    lat.sysimage_startup = { fails: errorLine(b) };
    return;
  }
  const r = spawnSync(
    node,
    [joltBin, '--sysimage', img, '-e', 'round_of_calls("sysimage_first_call"); round_of_calls("sysimage_second_call")'],
    { cwd: root, encoding: 'utf8', timeout: opts.joltTimeout * 1000, killSignal: 'SIGKILL' },
  );
  for (const name of ['sysimage_first_call', 'sysimage_second_call'] as const) {
    const m = new RegExp(`^kernel=${name} time_ms=(\\S+) checksum=(\\S+) runs=`, 'm').exec(r.stdout ?? '');
    lat[name] = m
      ? { status: 'ok', time_ms: Number(m[1]), checksum: m[2]!, runs: 1 }
      : { status: 'fails', message: errorLine(r) };
  }
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = timeSpawn([joltBin, '--sysimage', img, '-e', 'println(f01(1))']);
    if (t.r.stdout !== '2\n') {
      lat.sysimage_startup = { fails: errorLine(t.r) };
      return;
    }
    times.push(t.ms);
  }
  lat.sysimage_startup = { ms: median(times), runs: 5 };
}

// ------------------------------------------------------------------ formatting
function cellText(c: Cell | undefined): string {
  if (!c) return '-';
  switch (c.status) {
    case 'ok':
      return fmtMs(c.time_ms);
    case 'timeout':
      return `timeout (>${c.seconds} s)`;
    case 'skipped':
      return `skipped (${c.message})`;
    case 'fails':
      return `fails: ${c.message.length > 90 ? c.message.slice(0, 87) + '...' : c.message}`;
  }
}

function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}

function fmtRatio(x: number | undefined): string {
  if (x === undefined) return '-';
  return x >= 100 ? `${Math.round(x)}x` : x >= 10 ? `${x.toFixed(1)}x` : `${x.toFixed(2)}x`;
}

function checksumText(row: Row): string {
  if (row.checksum === 'mismatch') {
    return (
      'checksum mismatch: ' +
      (Object.entries(row.checksums) as [Lang, string][]).map(([l, s]) => `${LANG_TITLE[l]}=${s}`).join(' ')
    );
  }
  const raw = Object.values(row.checksums)[0];
  if (raw === undefined) return '-';
  const s = /^-?\d+$/.test(raw) ? raw : String(Number(raw)); // floats in their shortest form
  return row.checksum === 'agree' ? s : `${s} (one language only)`;
}

function table(header: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const cells = [header, ...rows].map(r => r.map(esc));
  const w = header.map((_, i) => Math.max(...cells.map(r => r[i]!.length), 3));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i]!)).join(' | ')} |`;
  return [line(cells[0]!), `| ${w.map(n => '-'.repeat(n)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

function kernelTable(rows: Row[], langs: Lang[]): string {
  const header = ['kernel', 'size', ...langs.map(l => `${LANG_TITLE[l]} ms`)];
  if (langs.includes('jolt') && langs.includes('c')) header.push('Jolt/C');
  if (langs.includes('jolt') && langs.includes('js')) header.push('Jolt/JS');
  const interp = langs.includes('jolt') && langs.includes('interp') && rows.some(r => r.interp?.status === 'ok');
  if (interp) header.push('compiled speed-up');
  header.push('checksum');
  return table(
    header,
    rows.map(r => {
      const out = [r.kernel, String(r.size), ...langs.map(l => cellText(r[l]))];
      if (langs.includes('jolt') && langs.includes('c')) out.push(fmtRatio(r.jolt_over_c));
      if (langs.includes('jolt') && langs.includes('js')) out.push(fmtRatio(r.jolt_over_js));
      if (interp) out.push(fmtRatio(r.interp_over_jolt));
      out.push(checksumText(r));
      return out;
    }),
  );
}

/** the type-unstable group: times, then nanoseconds per dynamic call for each language */
function unstableTable(rows: Row[], langs: Lang[]): string {
  const header = ['kernel', 'size', 'calls', ...langs.map(l => `${LANG_TITLE[l]} ms`)];
  header.push(...langs.map(l => `${LANG_TITLE[l]} ns/call`));
  if (langs.includes('jolt') && langs.includes('c')) header.push('Jolt/C');
  if (langs.includes('jolt') && langs.includes('js')) header.push('Jolt/JS');
  header.push('checksum');
  const perCall = (r: Row, l: Lang): string => {
    const c = r[l];
    return c?.status === 'ok' && r.calls ? ((c.time_ms * 1e6) / r.calls).toFixed(1) : '-';
  };
  return table(
    header,
    rows.map(r => {
      const out = [r.kernel, String(r.size), r.calls === undefined ? '-' : String(r.calls)];
      out.push(...langs.map(l => cellText(r[l])), ...langs.map(l => perCall(r, l)));
      if (langs.includes('jolt') && langs.includes('c')) out.push(fmtRatio(r.jolt_over_c));
      if (langs.includes('jolt') && langs.includes('js')) out.push(fmtRatio(r.jolt_over_js));
      out.push(checksumText(r));
      return out;
    }),
  );
}

function latencyTable(lat: Latency): string {
  const rows: string[][] = [];
  const s = lat.startup;
  if (s)
    rows.push([
      "start-up `jolt -e 'println(1)'`",
      'fails' in s
        ? `fails: ${s.fails}`
        : `${fmtMs(s.jolt_ms)} ms (median of ${s.runs}; \`node bin/jolt.js\`: ${fmtMs(s.worker_ms)} ms; ` +
          `\`node -e 0\`: ${fmtMs(s.node_ms)} ms)`,
    ]);
  const n = lat.functions ? ` (${lat.functions} functions, total, \`--compile=all\`)` : '';
  if (lat.warmup)
    rows.push([
      "one-off: start the compiler (binaryen) and compile `f(x) = x + 1; println(f(1))`'s `f`",
      cellText(lat.warmup) + (lat.warmup.status === 'ok' ? ' ms' : ''),
    ]);
  if (lat.first_call)
    rows.push([
      `first call of freshly defined functions${n}`,
      cellText(lat.first_call) + (lat.first_call.status === 'ok' ? ' ms' : ''),
    ]);
  if (lat.second_call)
    rows.push([
      `second call of the same functions${n}`,
      cellText(lat.second_call) + (lat.second_call.status === 'ok' ? ' ms' : ''),
    ]);
  const il = lat.image_load;
  if (il)
    rows.push([
      'Base image load alone: read and check / decode (bench/image_load.ts)',
      'fails' in il
        ? `fails: ${il.fails}`
        : `${fmtMs(il.read_ms)} ms / ${fmtMs(il.decode_ms)} ms (${(il.bytes / 1e6).toFixed(1)} MB, median of ${il.runs})`,
    ]);
  const ss = lat.sysimage_startup;
  if (ss)
    rows.push([
      "start-up from a sysimage, `jolt --sysimage latency.img -e 'println(f01(1))'`",
      'fails' in ss ? `fails: ${ss.fails}` : `${fmtMs(ss.ms)} ms (median of ${ss.runs})`,
    ]);
  for (const [k, label] of [
    ['sysimage_first_call', 'first call of the same functions, from a sysimage that compiled them'],
    ['sysimage_second_call', 'second call, from the sysimage'],
  ] as const) {
    const c = lat[k];
    if (c) rows.push([`${label}${n}`, cellText(c) + (c.status === 'ok' ? ' ms' : '')]);
  }
  const fe = (stage: string, label: string) => {
    const f = lat.frontend[stage];
    if (!f) return;
    if (f.fails !== undefined) {
      rows.push([label, `fails: ${f.fails}`]);
      return;
    }
    const lps = Number(f.lines_per_s).toLocaleString('en');
    const extra =
      stage === 'lower' ? `, ${f.statements} toplevel statements${f.skipped ? `, ${f.skipped} skipped` : ''}` : '';
    rows.push([label, `${lps} lines/s (${f.lines} lines in ${f.time_ms} ms${extra})`]);
  };
  fe('parse', 'parse base/*.jl (bench/frontend.ts)');
  fe('lower', 'macro-expanded lowering of base/*.jl');
  if (lat.frontend.error) rows.push(['bench/frontend.ts', `fails: ${lat.frontend.error.fails}`]);
  return table(['latency', 'value'], rows);
}

// ------------------------------------------------------------------ machine description
function machine(): Record<string, string> {
  const nproc = spawnSync('nproc', [], { encoding: 'utf8' });
  let cpu = 'unknown';
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    /* not Linux */
  }
  const gcc = spawnSync(process.env.CC ?? 'gcc', ['--version'], { encoding: 'utf8' });
  return {
    nproc: nproc.status === 0 ? nproc.stdout.trim() : String(availableParallelism()),
    cpu,
    node: process.version,
    cc: gcc.status === 0 ? firstLine(gcc.stdout) : 'none',
    load: loadavg()
      .map(x => x.toFixed(2))
      .join(' '), // other work on the machine skews every column
  };
}

// ------------------------------------------------------------------ main
function main(): void {
  const opts = parseOptions(process.argv.slice(2));
  const kernels = KERNELS.filter(
    k =>
      (!opts.filter || opts.filter.some(f => k.name.includes(f))) &&
      (!opts.groups || (k.group !== undefined && opts.groups.includes(k.group))),
  );
  // the latency rows and the precompile table: Jolt's own, named by a filter that is part of their names
  const joltRows = (names: string[]): boolean =>
    opts.latency &&
    !opts.groups &&
    opts.langs.includes('jolt') &&
    (!opts.filter || opts.filter.some(f => names.some(n => n.includes(f))));
  const latencyWanted = joltRows(['latency', 'startup', 'frontend']);
  const precompileWanted = joltRows(['precompile']);
  if (kernels.length === 0 && !latencyWanted && !precompileWanted)
    usage(
      `--filter ${opts.filter!.join(',')} matches no kernel (${KERNELS.map(k => k.name).join(', ')}, latency, precompile)`,
    );
  mkdirSync(outDir, { recursive: true });

  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const mach = machine();
  const notes: string[] = [];
  const build: CBuild =
    opts.langs.includes('c') && kernels.length ? buildC(kernels) : { ok: false, binaries: new Map() };
  if (build.note) notes.push(build.note);
  if (!existsSync(joltBin)) notes.push('bin/jolt.js is missing: the Jolt column fails');
  process.stderr.write(
    `bench: ${kernels.length} kernels, sizes ${opts.sizes.join('+')}, languages ${opts.langs.join(',')}, Jolt timeout ${opts.joltTimeout} s\n`,
  );

  const rows: Row[] = [];
  for (const mode of opts.sizes) for (const k of kernels) rows.push(runKernel(k, mode, opts, build));
  const lat = latencyWanted ? measureLatency(opts) : undefined;
  const pre = precompileWanted ? measurePrecompile() : undefined;

  const out: string[] = [];
  out.push(
    `Date ${date}; ${mach.nproc} CPUs, ${mach.cpu}; node ${mach.node}; ${mach.cc}; load average at start ${mach.load}.`,
  );
  out.push(
    'Times: minimum over the timed runs inside one process (after warm-up runs filling 0.5 s), in ms. Ratios: Jolt time / C or JS time.',
  );
  for (const n of notes) out.push(`Note: ${n}.`);
  for (const mode of opts.sizes) {
    const rs = rows.filter(r => r.sizes === mode && r.group === undefined);
    if (rs.length) out.push('', `### Kernels, ${mode} sizes`, '', kernelTable(rs, langsFor(mode, opts)));
    const us = rows.filter(r => r.sizes === mode && r.group === 'unstable');
    if (us.length)
      out.push(
        '',
        `### Type-unstable code (dynamic calls), ${mode} sizes`,
        '',
        unstableTable(us, langsFor(mode, opts, 'unstable')),
      );
  }
  if (lat) out.push('', '### Latency (Jolt)', '', latencyTable(lat));
  if (pre) out.push('', '### Precompile caches (Jolt, bench/precompile.ts)', '', pre);
  const text = out.join('\n');
  console.log(text);

  const mismatches = rows.filter(r => r.checksum === 'mismatch').map(r => `${r.kernel} (${r.sizes})`);
  if (mismatches.length) console.log(`\nchecksum mismatch: ${mismatches.join(', ')}`);

  if (opts.json) {
    writeFileSync(
      opts.json,
      JSON.stringify({ date, machine: mach, notes, options: opts, kernels: rows, latency: lat }, null, 2) + '\n',
    );
    process.stderr.write(`bench: wrote ${relative(process.cwd(), opts.json)}\n`);
  }
  if (opts.writeResults) {
    const args = process.argv
      .slice(2)
      .filter(a => a !== '--write-results')
      .join(' ');
    const md =
      `# Benchmark results\n\nGenerated by \`npm run bench -- --write-results${args ? ' ' + args : ''}\` (bench/run.ts); ` +
      'see bench/README.md for what each kernel does.\n\n' +
      text +
      '\n';
    writeFileSync(join(benchDir, 'RESULTS.md'), md);
    process.stderr.write('bench: wrote bench/RESULTS.md\n');
  }
  if (mismatches.length) process.exitCode = 1;
}

main();
