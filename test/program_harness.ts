// The program-test harness: each test/programs/NAME.jl runs under `jolt`; stdout must equal NAME.out exactly, every
// line of NAME.err (if present) must appear in stderr in order, and the exit status must equal NAME.exit (default 0).
// Test files call `programTests` with the flags of one execution mode, so every mode meets the same expectations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'programs');
const jolt = join(dir, '..', '..', 'bin', 'jolt.js');
function run(file: string, flags: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(res => {
    execFile(
      process.execPath,
      // the program tests check the compiler: code kept by earlier runs (the code store) would hide it
      [jolt, '--compiled-modules=no', ...flags, file],
      // the IR verifier checks the code after every optimizer pass
      { cwd: dir, timeout: 60_000, encoding: 'utf8', env: { ...process.env, JOLT_VERIFY_IR: '1' } },
      (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 1
          : 0;
        res({ code, stdout, stderr });
      },
    );
  });
}

/** Output that differs run to run or machine to machine is masked: the programs folder's absolute path (Julia
 *  prints full paths in test reports and stack traces) and the Time column of Test summaries. */
function normalize(text: string): string {
  return text
    .split(dir + '/')
    .join('')
    .split('\n')
    .map(l => (/^\S.*\|.*\d+\.\ds$/.test(l) || /^ +\S.*\|.*\d+\.\ds$/.test(l) ? l.replace(/\d+\.\ds$/, 'T.Ts') : l))
    .join('\n');
}

export function programTests(label: string, flags: string[]): void {
  for (const f of readdirSync(dir)
    .filter(f => f.endsWith('.jl'))
    .sort()) {
    const name = f.slice(0, -3);
    test(`${label} ${name}`, async () => {
      const r = await run(f, flags);
      r.stdout = normalize(r.stdout);
      r.stderr = normalize(r.stderr);
      const expectedOut = readFileSync(join(dir, name + '.out'), 'utf8');
      const exitFile = join(dir, name + '.exit');
      const expectedCode = existsSync(exitFile) ? Number(readFileSync(exitFile, 'utf8').trim()) : 0;
      assert.equal(r.stdout, expectedOut, `stdout of ${f}\nstderr:\n${r.stderr}`);
      assert.equal(r.code, expectedCode, `exit status of ${f}\nstderr:\n${r.stderr}`);
      const errFile = join(dir, name + '.err');
      if (existsSync(errFile)) {
        const lines = r.stderr.split('\n');
        let at = 0;
        for (const want of readFileSync(errFile, 'utf8')
          .split('\n')
          .filter(l => l.length)) {
          const k = lines.indexOf(want, at);
          assert.ok(k >= 0, `stderr of ${f} lacks line ${JSON.stringify(want)} (in order)\nstderr:\n${r.stderr}`);
          at = k + 1;
        }
      }
    });
  }
}
