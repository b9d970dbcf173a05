// Memory, end-to-end through real `jolt` processes (src/runtime/memory.ts): the heap is sized to the machine, and a
// program that exhausts it gets an OutOfMemoryError it can catch, with what it printed before kept, rather than
// V8's fatal error. A small heap (Node's --max-old-space-size) makes exhaustion quick.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const jolt = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'jolt.js');
/** node's path first, for the launcher's #! line */
const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
/** the launcher run as a program (its #! line: Jolt on Node's main thread) or by `node` (Jolt on a worker), with
 *  `nodeFlags` given to Node (on the main thread, by running `node --stack-size=...` as the #! line would) */
const run = (how: 'main thread' | 'worker', nodeFlags: string[], args: string[], more: Record<string, string> = {}) => {
  const opts = { encoding: 'utf8' as const, env: { ...env, ...more }, timeout: 120_000 };
  if (how === 'main thread' && !nodeFlags.length) return spawnSync(jolt, args, opts);
  const stack = how === 'main thread' ? ['--stack-size=7000'] : [];
  return spawnSync(process.execPath, [...nodeFlags, ...stack, jolt, ...args], opts);
};

test("the heap is three quarters of the machine's memory (worker)", () => {
  {
    const s = run('worker', [], ['-e', '1'], { JOLT_STATS: '1' });
    const line = /^jolt memory: (.*)$/m.exec(s.stderr);
    assert.ok(line, s.stderr);
    const { heapLimitMB, oldLimitMB, machineMB } = JSON.parse(line[1]!) as Record<string, number>;
    assert.ok(Math.abs(oldLimitMB / machineMB - 0.75) < 0.01, `${oldLimitMB} of ${machineMB}`);
    // V8's own limit, which Jolt does not compute: the old generation's plus a young generation's reserve
    assert.ok(heapLimitMB >= oldLimitMB && heapLimitMB < oldLimitMB + 512, `${heapLimitMB} vs ${oldLimitMB}`);
  }
});

// the #! line's `node` is whichever PATH finds first: one older than Jolt needs must reach the launcher, which runs
// Jolt under the pinned Node (so the line carries no option such a Node rejects)
const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find(p => {
  const v = spawnSync(p, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return v.status === 0 && Number(v.stdout.split('.')[0]) < 22;
});
test('the launcher runs as a program when the first node in PATH is older than 22', { skip: !systemNode }, () => {
  const r = spawnSync(jolt, ['-e', 'println(1 + 1)'], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${dirname(systemNode!)}:${process.env.PATH ?? ''}` },
    timeout: 120_000,
  });
  assert.equal(r.stdout, '2\n', r.stderr);
});

const GROW = `function grow()
    x = Any[]
    while true
        push!(x, Vector{Any}(undef, 1000))
    end
end
`;

for (const mode of ['--compile=no', '--compile=yes', '--compile=all'])
  test(`exhausting the heap is an OutOfMemoryError the program catches (${mode})`, () => {
    const prog = `${GROW}println("before"); try; grow(); catch e; println(typeof(e)); end; println("after")`;
    const r = run('main thread', ['--max-old-space-size=300'], [mode, '-e', prog]);
    assert.equal(r.stdout, 'before\nOutOfMemoryError\nafter\n', r.stderr.slice(0, 2000));
    assert.equal(r.status, 0);
  });

for (const how of ['main thread', 'worker'] as const)
  test(`an uncaught OutOfMemoryError is reported and keeps the output before it (${how})`, () => {
    const r = run(how, ['--max-old-space-size=300'], ['-e', `${GROW}println("first"); grow(); println("never")`]);
    assert.equal(r.stdout, 'first\n');
    assert.ok(r.stderr.startsWith('ERROR: OutOfMemoryError()\nStacktrace:\n'), r.stderr.slice(0, 2000));
    assert.ok(r.stderr.includes('grow()'), r.stderr.slice(0, 2000));
    assert.equal(r.status, 1);
  });
