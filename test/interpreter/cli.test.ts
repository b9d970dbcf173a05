// End-to-end through bin/jolt.js: -e evaluation, exit codes, and the uncaught-error format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
