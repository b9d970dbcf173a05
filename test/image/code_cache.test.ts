// V8's code cache for Jolt's bundle (bin/sources.js): made in the depot as the first start from the Base image
// ends, used by the starts after it, kept apart per set of V8 flags, and never trusted when damaged (real processes
// on a bundled copy of the install).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runJolt, joltCodeCache, joltStats, copyBaseImage, bundledCopy, type Run } from './jolt_process.ts';

test('the bundle is compiled once: its code cache is made, used, kept per V8 flags, and rebuilt when damaged', async t => {
  const dir = bundledCopy(t, 'jolt-codecache-');
  const depot = join(dir, 'depot');
  copyBaseImage(depot);
  const bin = join(dir, 'bin', 'jolt.js');
  const run = async (nodeArgs: string[] = [], building = false): Promise<{ r: Run; state: string }> => {
    const r = await runJolt(bin, ['-e', 'println(sum(1:10))'], { depot, nodeArgs, env: { JOLT_STATS: '1' } });
    assert.equal(r.stdout, '55\n');
    if (!building) joltStats(r); // nothing else on stderr
    return { r, state: joltCodeCache(r) };
  };
  const caches = (): string[] =>
    (existsSync(join(depot, 'codecache')) ? readdirSync(join(depot, 'codecache')) : []).sort();

  // (a first start may build the Base image, when the runner has none: that run makes no cache)
  let first = await run([], true);
  if (caches().length === 0) first = await run();
  assert.equal(first.state, 'missing');
  assert.equal(caches().length, 1, 'the first start from the image writes the cache');
  assert.equal((await run()).state, 'used');

  // damaged: a flipped byte, a cut file; each is reported as corrupt in the stats, and written again
  const file = join(depot, 'codecache', caches()[0]!);
  const good = readFileSync(file);
  const flipped = Buffer.from(good);
  flipped[Math.floor(flipped.length / 2)]! ^= 0x40;
  for (const bad of [flipped, good.subarray(0, good.length - 100), Buffer.from('JOLTV8C1')]) {
    writeFileSync(file, bad);
    assert.equal((await run()).state, 'corrupt');
    assert.ok(readFileSync(file).length > 1000, 'written again');
    assert.equal((await run()).state, 'used');
  }

  // a start on the main thread (other V8 flags) keeps a cache of its own beside the worker's
  assert.equal((await run(['--stack-size=7000'])).state, 'missing');
  assert.equal(caches().length, 2);
  assert.equal((await run(['--stack-size=7000'])).state, 'used');
  assert.equal((await run()).state, 'used', "the worker's cache is still there");
});
