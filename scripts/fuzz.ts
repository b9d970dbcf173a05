// Jolt's fuzzer: `npm run fuzz -- --n N [--seed S] [--timeout MS] [--out DIR] [--spawn]`.
// Each mutant is a program of test/programs/ with a few tokens deleted, repeated, swapped or replaced; it runs under
// `--compile=no` and `--compile=all`, each with a time limit. A failure is an internal error, a JavaScript stack
// trace, a hang, a crash of the process, or a difference between the two modes when both ended (stdout, exit status,
// first line of stderr). By default mutants run in two long-lived worker threads (scripts/fuzz_worker.ts, one per
// mode; a fresh Main per program); every failure found there is run again as real `jolt` processes, and only what
// reproduces there is reported (and saved in DIR with the output of both modes). `--spawn` runs every mutant as real
// processes.
import { Worker } from 'node:worker_threads';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { FuzzJob, FuzzResult } from './fuzz_worker.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const programs = join(root, 'test', 'programs');
const jolt = join(root, 'bin', 'jolt.js');

const opt = { n: 100, seed: Date.now() % 1e9, timeout: 10_000, out: '/tmp/jolt-fuzz', spawn: false, restart: 150 };
for (let k = 2; k < process.argv.length; k++) {
  const a = process.argv[k]!;
  const v = process.argv[k + 1];
  if (a === '--n') opt.n = Number(v);
  else if (a === '--seed') opt.seed = Number(v);
  else if (a === '--timeout') opt.timeout = Number(v);
  else if (a === '--out') opt.out = v!;
  else if (a === '--spawn') {
    opt.spawn = true;
    continue;
  } else {
    console.error(`fuzz: unknown option ${a}`);
    process.exit(2);
  }
  k++;
}
mkdirSync(opt.out, { recursive: true });

// ---- mutants

/** a small deterministic generator (mulberry32), so that a seed names a run */
let state = opt.seed >>> 0;
function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const TOKEN =
  /"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])'|#[^\n]*|[A-Za-z_][A-Za-z0-9_!]*|0x[0-9a-f]+|\d+(?:\.\d*)?(?:e-?\d+)?|\s+|[^\sA-Za-z0-9_]/gy;
function tokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) out.push(m[0]);
  return out;
}
/** replacements that reach edge cases: limits, empty things, other types, keywords that change the structure */
const INTERESTING = [
  '0',
  '-1',
  '1',
  '2',
  'typemax(Int)',
  'typemin(Int)',
  '10^10',
  '0x00',
  '1.5',
  'NaN',
  'Inf',
  '-0.0',
  'true',
  'false',
  'nothing',
  'missing',
  '""',
  '"\\U10ffff"',
  "'a'",
  '[]',
  '()',
  '(1,)',
  'Any[]',
  'Int8',
  'Any',
  'Union{}',
  ':sym',
  'end',
  'begin',
  '(',
  ')',
  '[',
  ']',
  ',',
  ';',
  '=',
  '+',
  '-',
  '*',
  '/',
  '÷',
  '%',
  '^',
  '<',
  '==',
  '===',
  '::',
  '...',
  '.',
  '$',
  '@show',
  'return',
  'local',
  'global',
  'const',
  'function',
  'if',
  'for',
  'while',
  'break',
  'continue',
  'try',
  'catch',
  'struct',
  'x',
  'f',
  'i',
  '1:0',
  'big(2)^70',
  'Int32',
  'UInt8',
  'Float32',
  'String',
];
const isCode = (t: string) => !/^\s/.test(t) && !t.startsWith('#');

function mutate(text: string): string {
  const toks = tokens(text);
  const code = toks.flatMap((t, i) => (isCode(t) ? [i] : []));
  const edits = 1 + Math.floor(rand() * 3);
  for (let e = 0; e < edits && code.length > 1; e++) {
    const i = pick(code);
    const r = rand();
    if (r < 0.25) toks[i] = '';
    else if (r < 0.4) toks[i] = toks[i]! + ' ' + toks[i]!;
    else if (r < 0.55) {
      const j = pick(code);
      [toks[i], toks[j]] = [toks[j]!, toks[i]!];
    } else if (r < 0.75) toks[i] = toks[pick(code)]!;
    else if (r < 0.9) toks[i] = pick(INTERESTING);
    else toks[i] = toks[i]! + ' ' + pick(INTERESTING);
  }
  return toks.join('');
}

// programs whose output depends on time or randomness cannot be compared across modes
const seeds = readdirSync(programs)
  .filter(f => f.endsWith('.jl'))
  .sort()
  .map(f => ({ file: join(programs, f), text: readFileSync(join(programs, f), 'utf8') }))
  .filter(s => !/\brand|time\(|@time|@elapsed|sleep|ENV|PROGRAM_FILE|readline|stdin/.test(s.text));

// ---- runners

type Outcome = FuzzResult | 'hang' | { crash: string };
const MODES = ['no', 'all'] as const;

/** one mutant as a real `jolt` process */
function spawnRun(mode: string, text: string, file: string, timeout: number): Promise<Outcome> {
  return new Promise(res => {
    const p = spawn(process.execPath, [jolt, `--compile=${mode}`, '-'], {
      cwd: dirname(file),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', d => out.push(d));
    p.stderr.on('data', d => err.push(d));
    p.stdin.on('error', () => {});
    p.stdin.end(text);
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      p.kill('SIGKILL');
    }, timeout);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('latin1');
      if (hung) res('hang');
      else if (signal || code === null || code > 1) {
        // exit codes above 1 are the program's own (exit(n)), unless V8 died
        if (signal || /FATAL ERROR|Fatal JavaScript|Segmentation/.test(stderr))
          res({ crash: `${signal ?? code}: ${stderr.slice(-300)}` });
        else res({ status: code ?? 1, stdout: Buffer.concat(out).toString('latin1'), stderr });
      } else res({ status: code, stdout: Buffer.concat(out).toString('latin1'), stderr });
    });
  });
}

/** a worker thread running mutants in one mode, started again after a hang, a crash or `opt.restart` programs */
class InProcess {
  private w: Worker | undefined;
  private ready: Promise<void> | undefined;
  private runs = 0;
  readonly mode: string;
  constructor(mode: string) {
    this.mode = mode;
  }
  private start(): Promise<void> {
    this.w = new Worker(join(root, 'scripts', 'fuzz_worker.ts'), {
      workerData: { mode: this.mode },
      resourceLimits: { stackSizeMb: 8, maxOldGenerationSizeMb: 2048 },
      stdout: true,
      stderr: true,
    });
    this.runs = 0;
    const w = this.w;
    return new Promise((res, rej) => {
      w.once('message', () => res());
      w.once('error', rej);
    });
  }
  async stop(): Promise<void> {
    const w = this.w;
    this.w = undefined;
    this.ready = undefined;
    await w?.terminate();
  }
  async run(job: FuzzJob, timeout: number): Promise<Outcome> {
    if (this.runs >= opt.restart) await this.stop();
    if (!this.w) this.ready = this.start();
    await this.ready;
    this.runs++;
    const w = this.w!;
    return new Promise(res => {
      const done = (o: Outcome) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (typeof o !== 'object' || !('status' in o)) void this.stop();
        res(o);
      };
      const onMessage = (r: FuzzResult) => done(r);
      const onError = (e: Error) => done({ crash: String(e?.stack ?? e) });
      const onExit = (code: number) => done({ crash: `worker exit ${code}` });
      const timer = setTimeout(() => done('hang'), timeout);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage(job);
    });
  }
}

// ---- judging

const JS_STACK = /\n\s+at [^\n]*(\.ts|\.js|\.mjs|node:)[^\n]*\d+:\d+/;
function problems(r: Record<string, Outcome>): string[] {
  const kinds: string[] = [];
  for (const m of MODES) {
    const o = r[m]!;
    if (o === 'hang') kinds.push('hang');
    else if ('crash' in o) kinds.push('crash');
    else {
      if (/internal error|during start-up/.test(o.stderr)) kinds.push('internal');
      if (JS_STACK.test(o.stderr)) kinds.push('jsstack');
    }
  }
  const [a, b] = MODES.map(m => r[m]!);
  if (a !== 'hang' && b !== 'hang' && a && b && 'status' in a && 'status' in b) {
    const first = (s: string) => s.split('\n').find(l => l.startsWith('ERROR')) ?? '';
    if (a.stdout !== b.stdout || a.status !== b.status || first(a.stderr) !== first(b.stderr)) kinds.push('tierdiff');
  }
  return [...new Set(kinds)];
}

async function runBoth(
  run: (mode: string, job: FuzzJob) => Promise<Outcome>,
  job: FuzzJob,
): Promise<Record<string, Outcome>> {
  const r: Record<string, Outcome> = {};
  await Promise.all(MODES.map(async m => (r[m] = await run(m, job))));
  return r;
}

const describe = (o: Outcome) =>
  o === 'hang'
    ? 'hang\n'
    : 'crash' in o
      ? `crash ${o.crash}\n`
      : `status ${o.status}\n--- stdout\n${o.stdout}\n--- stderr\n${o.stderr}`;

async function main(): Promise<void> {
  for (const f of ['--experimental-wasm-compilation-hints']) setFlagsFromString(f);
  const workers = Object.fromEntries(MODES.map(m => [m, new InProcess(m)]));
  const inProcess = (m: string, job: FuzzJob) => workers[m]!.run(job, opt.timeout);
  // a real process gets far longer: a hang must not be a machine under load
  const spawned = (m: string, job: FuzzJob) => spawnRun(m, job.text, job.file, opt.timeout * 6);
  const counts: Record<string, number> = {};
  const seedDiffers = new Map<string, boolean>();
  let found = 0;
  const t0 = Date.now();
  for (let k = 0; k < opt.n; k++) {
    const s = pick(seeds);
    const job = { file: s.file, text: mutate(s.text) };
    const t1 = Date.now();
    let r = await runBoth(opt.spawn ? spawned : inProcess, job);
    if (process.env.FUZZ_VERBOSE) console.log(`${k + 1} ${s.file.split('/').pop()} ${Date.now() - t1} ms`);
    let kinds = problems(r);
    if (kinds.length && !opt.spawn) {
      // only what a real process shows counts
      r = await runBoth(spawned, job);
      kinds = problems(r);
    }
    if (kinds.includes('tierdiff')) {
      // a program whose unmutated output already differs between modes (or is not deterministic) says nothing
      if (!seedDiffers.has(s.file))
        seedDiffers.set(s.file, problems(await runBoth(spawned, { file: s.file, text: s.text })).length > 0);
      if (seedDiffers.get(s.file)) kinds = kinds.filter(x => x !== 'tierdiff');
    }
    for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
    if (kinds.length) {
      found++;
      const base = join(opt.out, `${String(found).padStart(4, '0')}-${kinds.join('+')}`);
      writeFileSync(base + '.jl', job.text);
      writeFileSync(
        base + '.txt',
        `from ${s.file}\n` + MODES.map(m => `===== --compile=${m}: ${describe(r[m]!)}`).join('\n'),
      );
      console.log(`[${k + 1}] ${kinds.join(' ')}: ${base}.jl`);
    }
    if ((k + 1) % 100 === 0)
      console.log(`${k + 1} mutants, ${Math.round((Date.now() - t0) / 1000)} s, failures ${JSON.stringify(counts)}`);
  }
  console.log(`fuzz: seed ${opt.seed}: ${opt.n} mutants, failures by kind ${JSON.stringify(counts)}`);
  await Promise.all(Object.values(workers).map(w => w.stop()));
  process.exit(found ? 1 : 0);
}

await main();
