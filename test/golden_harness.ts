// Golden printouts: each NAME.jl in a golden folder prints IR (`@code_lowered`, `@code_typed`, `@code_wasm`, ...)
// for a set of functions under `jolt`; its output must equal NAME.out. When a change alters a printout on purpose,
// regenerate with `UPDATE_GOLDEN=1 node --test <the test file>` and review the diff. The IR verifier is on
// (JOLT_VERIFY_IR=1) for these runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const jolt = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'jolt.js');

export function goldenTests(label: string, dir: string, flags: string[] = []): void {
  for (const f of readdirSync(dir)
    .filter(f => f.endsWith('.jl'))
    .sort()) {
    test(`${label} ${f}`, () => {
      const out = execFileSync(process.execPath, [jolt, ...flags, f], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', JOLT_VERIFY_IR: '1' },
      })
        .split(dir + '/')
        .join('');
      const expectedFile = join(dir, f.replace(/\.jl$/, '.out'));
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, out);
      assert.equal(out, readFileSync(expectedFile, 'utf8'));
    });
  }
}
