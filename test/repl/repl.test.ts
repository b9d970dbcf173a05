import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// the jolt processes these tests start check the IR after every optimizer pass
process.env.JOLT_VERIFY_IR = '1';

const jolt = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'jolt.js');
const repl = (input: string) => spawnSync(process.execPath, [jolt], { input, encoding: 'utf8', timeout: 30_000 });

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
