// End-to-end through bin/jolt.js: -e evaluation, exit codes, and the uncaught-error format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// the jolt processes these tests start check the IR after every optimizer pass
process.env.JOLT_VERIFY_IR = '1';

const jolt = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'jolt.js');
const run = (...args: string[]) => spawnSync(process.execPath, [jolt, ...args], { encoding: 'utf8', timeout: 60_000 });

test('-e evaluates code after loading Base', () => {
  assert.equal(
    execFileSync(process.execPath, [jolt, '-e', 'println(sum(i^2 for i in 1:10))'], { encoding: 'utf8' }),
    '385\n',
  );
});

test('user functions, dispatch and closures', () => {
  const r = run(
    '-e',
    'f(x::Int) = x + 1; f(x::Float64) = 2.0x; g(n) = (k -> k * n); println(f(1), " ", f(1.5), " ", g(3)(4))',
  );
  assert.equal(r.stdout, '2 3.0 12\n');
  assert.equal(r.status, 0);
});

test('exit(n) sets the status and flushes stdout', () => {
  const r = run('-e', 'print("a"); exit(3)');
  assert.equal(r.stdout, 'a');
  assert.equal(r.status, 3);
});

test('uncaught error under -e: no LoadError prefix, Julia frame layout, status 1', () => {
  const r = run('-e', 'h(x) = error("boom $x"); h(2)');
  assert.equal(r.status, 1);
  const lines = r.stderr.split('\n');
  assert.equal(lines[0], 'ERROR: boom 2');
  assert.equal(lines[1], 'Stacktrace:');
  assert.ok(r.stderr.includes('@ Main none:1'), r.stderr);
  assert.ok(!r.stderr.includes('in expression starting'), r.stderr);
});

test('MethodError text', () => {
  const r = run('-e', 'k(x::Int) = x; k("s")');
  assert.equal(r.status, 1);
  assert.ok(r.stderr.startsWith('ERROR: MethodError: no method matching k(::String)'), r.stderr);
});

test('deep recursion is a StackOverflowError, not a crash', () => {
  const r = run('-e', 'r(n) = r(n + 1) + 1; r(1)');
  assert.equal(r.status, 1);
  assert.ok(r.stderr.startsWith('ERROR: StackOverflowError:'), r.stderr);
});

// `npx jolt` under an older system Node (npm checks a package's engines before running its bin): Jolt's own
// launcher picks the pinned Node, so nothing of npm's may appear around the program's output.
test('npx jolt under the system Node prints only the program output', { skip: !existsSync('/usr/bin/npx') }, () => {
  const root = join(dirname(jolt), '..');
  const path = ['/usr/bin', '/bin', ...(process.env.PATH ?? '').split(':')].join(':');
  const r = spawnSync('/usr/bin/npx', ['jolt', '-e', 'println(1)'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PATH: path },
  });
  assert.equal(r.stdout + r.stderr, '1\n');
  assert.equal(r.status, 0);
});

// ---- the launcher: one process

const hints = ['--stack-size=7000', '--experimental-wasm-compilation-hints'];
const countdown = (s: number) =>
  `t = time(); println("ready"); flush(stdout); while time() - t < ${s}; end; println("done")`;

test('started without --stack-size, Jolt is one process: SIGTERM ends the program', async () => {
  // a launcher that started a second Node would die alone, leaving the program running (and its output open)
  const child = spawn(process.execPath, [jolt, '--compile=no', '-e', countdown(20)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>(res =>
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready')) res();
    }),
  );
  child.kill('SIGTERM');
  const t0 = Date.now();
  const signal = await new Promise<NodeJS.Signals | null>(res => child.on('close', (_code, sig) => res(sig)));
  assert.equal(signal, 'SIGTERM');
  assert.ok(Date.now() - t0 < 5000, 'the program went on after the signal');
  assert.equal(out, 'ready\n');
});

test('stdout and stderr keep their order, and deep recursion works, without --stack-size', () => {
  // 9000 calls deep overflow a worker thread's default 4 MiB stack
  const prog = 'print("a"); println(stderr, "b"); println("c"); d(n) = n == 0 ? 0 : 1 + d(n - 1); println(d(9000))';
  const r = spawnSync('/bin/sh', ['-c', '"$0" "$1" -e "$2" 2>&1', process.execPath, jolt, prog], { encoding: 'utf8' });
  assert.equal(r.stdout, 'ab\nc\n9000\n');
  assert.equal(r.status, 0);
});

test('run as a program (#! line with --stack-size): deep recursion, StackOverflowError and exit codes', () => {
  const direct = (...args: string[]) => spawnSync(process.execPath, [...hints, jolt, ...args], { encoding: 'utf8' });
  assert.equal(direct('-e', 'd(n) = n == 0 ? 0 : 1 + d(n - 1); println(d(5000))').stdout, '5000\n');
  const so = direct('-e', 'r(n) = r(n + 1) + 1; r(1)');
  assert.equal(so.status, 1);
  assert.ok(so.stderr.startsWith('ERROR: StackOverflowError:'), so.stderr);
  const ex = direct('-e', 'print("a"); exit(3)');
  assert.deepEqual([ex.stdout, ex.status], ['a', 3]);
});

const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find(
  n =>
    existsSync(n) &&
    Number(spawnSync(n, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout) < 22,
);
test('under a Node older than 22, the launcher runs Jolt under the pinned Node', { skip: !oldNode }, () => {
  const r = spawnSync(oldNode!, [jolt, '-e', 'println(1); d(n) = n == 0 ? 0 : 1 + d(n - 1); println(d(5000))'], {
    encoding: 'utf8',
  });
  assert.equal(r.stdout + r.stderr, '1\n5000\n');
});

// ---- --trace-compile (without the code store: code an earlier run kept is not compiled, so not traced)
const runFresh = (...args: string[]) => run('--compiled-modules=no', ...args);

test('--trace-compile=stderr: a precompile statement per instance compiled, before the output it leads to', () => {
  const r = spawnSync(
    '/bin/sh',
    [
      '-c',
      '"$0" "$1" --compiled-modules=no --compile=all --trace-compile=stderr -e "$2" 2>&1',
      process.execPath,
      jolt,
      'struct P; a::Int; end; h(p::P, v) = p.a + length(v); f(x) = x + 1; f(1); f(2.5); println(h(P(1), [1.0]))',
    ],
    { encoding: 'utf8' },
  );
  const lines = r.stdout.split('\n');
  for (const want of [
    'precompile(Tuple{typeof(Main.f), Int64})',
    'precompile(Tuple{typeof(Main.f), Float64})',
    'precompile(Tuple{Type{Main.P}, Int64})',
    'precompile(Tuple{typeof(Main.h), Main.P, Array{Float64, 1}})',
  ])
    assert.ok(lines.includes(want), `${want} missing from\n${r.stdout}`);
  // each instance once; println(::Int64) is not among them: its native code comes with the Base image
  assert.equal(lines.filter(l => l === 'precompile(Tuple{typeof(Main.f), Int64})').length, 1);
  assert.ok(!lines.some(l => l.includes('Base.println')), r.stdout);
  assert.ok(lines.indexOf('precompile(Tuple{typeof(Main.h), Main.P, Array{Float64, 1}})') < lines.indexOf('2'));
  assert.equal(r.status, 0);
});

test('--trace-compile FILE: statements go to the file, recompilation after an invalidation is marked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jolt-trace-'));
  const file = join(dir, 'trace.jl');
  try {
    const prog = 'f(x) = x + 1; g(x) = f(x) * 2; println(g(1)); f(x::Int) = x + 5; println(g(1))';
    const r = runFresh('--compile=all', '--trace-compile', file, '-e', prog);
    assert.equal(r.stdout, '4\n12\n');
    assert.equal(r.stderr, '');
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.deepEqual(
      lines.filter(l => l.includes('Main.g')),
      ['precompile(Tuple{typeof(Main.g), Int64})', 'precompile(Tuple{typeof(Main.g), Int64}) # recompile'],
    );
    // the interpreter compiles nothing: the file is empty
    runFresh('--compile=no', `--trace-compile=${file}`, '-e', prog);
    assert.equal(readFileSync(file, 'utf8'), '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--trace-compile: operators, closures and modules print as Julia names them', () => {
  const prog = 'k = x -> x * 3; k(2); 1.5 + 2.5; module M; struct Q; end; f(q) = 1; end; M.f(M.Q())';
  const r = runFresh('--compile=all', '--trace-compile=stderr', '-e', prog);
  assert.ok(r.stderr.includes('precompile(Tuple{typeof(Base.:(+)), Float64, Float64})\n'), r.stderr);
  assert.ok(r.stderr.includes('precompile(Tuple{typeof(Main.M.f), Main.M.Q})\n'), r.stderr);
  assert.match(r.stderr, /^precompile\(Tuple\{Main\.var"#[^"]+", Int64\}\)$/m);
});

test('--trace-compile-timing: each statement starts with its compile time, as Julia 1.12 writes it', () => {
  const r = runFresh('--compile=all', '--trace-compile=stderr', '--trace-compile-timing', '-e', 'f(x) = x + 1; f(1)');
  assert.match(r.stderr, /^#= {1,5}\d+\.\d ms =# precompile\(Tuple\{typeof\(Main\.f\), Int64\}\)$/m);
  assert.equal(r.status, 0);
});

test('--help and --version print on stdout and exit 0; an unknown option is an error, as julia', () => {
  const h = run('--help');
  assert.equal(h.status, 0);
  assert.match(h.stdout, /^usage: jolt /);
  assert.match(h.stdout, /--sysimage/);
  assert.equal(h.stderr, '');
  const v = run('--version');
  assert.equal(v.status, 0);
  assert.match(v.stdout, /^jolt version \d+\.\d+\.\d+\n$/);
  const u = run('--frobnicate', '-e', 'println(1)');
  assert.equal(u.status, 1);
  assert.equal(u.stdout, '');
  assert.equal(u.stderr, 'ERROR: unknown option `--frobnicate`\n');
});

test('input nested deeper than the parser can go is a ParseError at its line, not an internal error', () => {
  const r = run('-e', `println(1)\nx = ${'('.repeat(20000)}1${')'.repeat(20000)}`);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /ParseError/);
  assert.match(r.stderr, /expression too deeply nested/);
  assert.match(r.stderr, /none:2:1/);
  assert.doesNotMatch(r.stderr, /internal error/);
});
