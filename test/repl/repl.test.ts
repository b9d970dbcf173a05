import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

// the jolt processes these tests start check the IR after every optimizer pass
process.env.JOLT_VERIFY_IR = '1';

const jolt = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'jolt.js');
const repl = (input: string) =>
  spawnSync(process.execPath, [jolt, '--history-file=no', '--startup-file=no'], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });

test('the REPL evaluates multi-line input, shows results and keeps ans', () => {
  const r = repl('x = 1 + 2\nfunction f(a)\n  a * 2\nend\nf(x)\nans + 1\ny = 5;\n');
  assert.equal(r.status, 0);
  const shown = r.stdout
    .split('\n')
    .map(l => l.replace(/^(julia> )+/, ''))
    .filter(l => l.trim() !== '');
  assert.deepEqual(
    shown.filter(l => /^\d+$/.test(l)),
    ['3', '6', '7'],
  );
  assert.ok(!shown.includes('5'), 'a trailing ; suppresses the result');
});

test('REPL toplevel loops assign globals (soft scope) and errors do not end the session', () => {
  const r = repl('s = 0\nfor i in 1:4\n  s += i\nend\nnot_defined_here\ns\n');
  assert.equal(r.status, 0);
  assert.match(r.stderr, /UndefVarError: `not_defined_here` not defined/);
  assert.match(r.stdout, /julia> 10\n/);
});

test('the REPL shows results with display: text/plain forms, nothing for nothing', () => {
  const r = repl('[1,2,3]\nDict("a"=>1)\nnothing\nf(x) = 1\nf(x, y) = 2\n');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /3-element Vector\{Int64\}:\n 1\n 2\n 3\n/);
  assert.match(r.stdout, /Dict\{String, Int64\} with 1 entry:\n {2}"a" => 1\n/);
  assert.match(r.stdout, /f \(generic function with 2 methods\)/);
  assert.doesNotMatch(r.stdout, /nothing/);
});

test('help mode: docstrings, methods when there is none, suggestions for a misspelled name', () => {
  const r = repl(
    'area(r) = 3r^2\n@doc "    area(r)\n\nThe area of a disc." area\ng(y) = 2\n?area\n?g\n?printn\n?sum\n1 + 1\n',
  );
  assert.equal(r.status, 0);
  assert.match(r.stdout, / {2}area\(r\)\n\n {2}The area of a disc\./);
  assert.match(
    r.stdout,
    /No documentation found\.\n\n {2}g is a Function\.\n\n {2}# 1 method for generic function "g" from Main:\n {3}\[1\] g\(y\)/,
  );
  assert.match(r.stdout, /Couldn't find printn\nPerhaps you meant print, println/);
  assert.match(r.stdout, /sum\(itr\)/);
  assert.match(r.stdout, /julia> 2\n/, 'help mode lasts one entry');
});

test('shell mode runs a command without a shell, and says so when there is none', () => {
  const r = repl(';echo "a  b" c\n;jolt_no_such_command_x\n1 + 2\n');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /a {2}b c\n/);
  assert.match(r.stderr, /could not spawn `jolt_no_such_command_x`: no such file or directory \(ENOENT\)/);
  assert.match(r.stdout, /julia> 3\n/);
});

test('-E shows the value, -e does not; -L loads a file first; -i starts the REPL after the program', () => {
  const run = (args: string[], input = '') =>
    spawnSync(process.execPath, [jolt, '--startup-file=no', ...args], { input, encoding: 'utf8', timeout: 30_000 });
  assert.equal(run(['-E', '[1, 2]']).stdout, '[1, 2]\n');
  assert.equal(run(['-e', '[1, 2]']).stdout, '');
  const dir = mkdtempSync(join(tmpdir(), 'jolt-repl-'));
  const lib = join(dir, 'lib.jl');
  writeFileSync(lib, 'triple(x) = 3x\n');
  assert.equal(run(['-L', lib, '-e', 'println(triple(2))']).stdout, '6\n');
  assert.match(run(['-i', '-e', 'z = 41'], 'z + 1\n').stdout, /42/);
  // the startup file in the depot runs first unless --startup-file=no
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', 'startup.jl'), 'const FROM_STARTUP = 7\n');
  const env = { ...process.env, JOLT_DEPOT_PATH: dir };
  const withStartup = spawnSync(process.execPath, [jolt, '-e', 'println(FROM_STARTUP)'], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(withStartup.stdout, '7\n');
  const without = spawnSync(
    process.execPath,
    [jolt, '--startup-file=no', '-e', 'println(isdefined(Main, :FROM_STARTUP))'],
    { env, encoding: 'utf8', timeout: 120_000 },
  );
  assert.equal(without.stdout, 'false\n');
});

test("help mode: a macro's docstring, Core's types, and a macro without one named as a macro", () => {
  const r = repl('?@time\n?Int64\nmacro twice(ex)\n  :($ex; $ex)\nend\n?@twice\n');
  assert.equal(r.status, 0);
  assert.match(r.stdout, / {2}@time expr\n\n {2}Run `expr`/);
  assert.match(r.stdout, / {2}Int64 <: Signed <: Integer\n/);
  assert.match(r.stdout, /`@twice` is a macro\.\n\n {2}# 1 method for macro "@twice" from Main:/);
});
