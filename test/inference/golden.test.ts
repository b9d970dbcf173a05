// Golden printouts of typed IR: each test/inference/golden/NAME.jl prints `@code_typed` / `@code_warntype` for a set
// of functions; the output must equal NAME.out. When a change to inference or the optimizer changes a printout on
// purpose, regenerate with `UPDATE_GOLDEN=1 node --test test/inference/golden.test.ts` and review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const jolt = join(dir, '..', '..', '..', 'bin', 'jolt.js');

for (const f of readdirSync(dir)
  .filter(f => f.endsWith('.jl'))
  .sort()) {
  test(`typed IR golden ${f}`, () => {
    const out = execFileSync(process.execPath, [jolt, f], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    })
      .split(dir + '/')
      .join('');
    const expectedFile = join(dir, f.replace(/\.jl$/, '.out'));
    if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, out);
    assert.equal(out, readFileSync(expectedFile, 'utf8'));
  });
}
