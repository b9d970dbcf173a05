// The default mode's policy (src/codegen/jit.ts, nativeCall), through a real `jolt` process: a method of the
// program with a loop runs as native code from its first call, even when that call comes while a caller's module,
// which holds it, is still being compiled in the background.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyBaseImage, joltStats, runJolt } from '../image/jolt_process.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'jolt.js');
const tmp = mkdtempSync(join(tmpdir(), 'jolt-jit-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

test('a loop first called inside a caller compiled in the background waits for that code', async () => {
  // run_testset's module holds the testset's body and `nth` (invoked from it): it is compiled in the background
  // (Base's loops, before binaryen has loaded), and nth's first call comes while it is on its way
  const program = `using Test
function nth(num)
    primes = [2, 3]
    n = 3
    while length(primes) < num
        n += 2
        if all(n % p > 0 for p in primes)
            push!(primes, n)
        end
    end
    primes[num]
end
@testset "first calls inside a testset" begin
    x = nth(500); y = nth(10); println(x + y)
end
`;
  writeFileSync(join(tmp, 'nth.jl'), program);
  copyBaseImage(tmp);
  const r = await runJolt(bin, ['nth.jl'], { depot: tmp, cwd: tmp, env: { JOLT_STATS: '1' } });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^3600\n/);
  const stats = joltStats({ ...r, stderr: r.stderr.replace(/^(?!jolt ).*\n/gm, '') });
  assert.equal(stats.typedLoops, 0, 'no call of the program with a loop ran in the typed tier');
  assert.ok(stats.binaryen >= 1, 'code was compiled');
});
