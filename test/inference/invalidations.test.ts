// Invalidation reports: the trees inference's invalidate records per inserted method (exact counts, worst first),
// the reportInvalidation API for stale code found elsewhere, Base.trace_invalidations, and the `jolt
// --trace-invalidations` / `jolt invalidations` command lines in each compile mode, through real processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSession, includeString } from '../../src/engine.ts';
import { Sym, T, Module, type Value } from '../../src/runtime/values.ts';
import { methodTableFor } from '../../src/runtime/dispatch.ts';
import type { JType } from '../../src/runtime/types.ts';
import type { MethodInstance } from '../../src/runtime/methods.ts';
import { inferMethodInstance, methodInstanceFor } from '../../src/inference/typeinfer.ts';
import {
  formatReport,
  recorder,
  reportInvalidation,
  startRecording,
  stopRecording,
  type InvalidationTree,
} from '../../src/runtime/invalidations.ts';
import { utf8Decode } from '../../src/runtime/utf8.ts';

const s = createSession();
const get = (name: string): Value => s.Main.bindings.get(Sym.of(name))!.value!;
const inferred = (f: string, types: JType[]): MethodInstance => {
  const mi = methodInstanceFor(get(f), types)!;
  inferMethodInstance(mi);
  return mi;
};

/** the report of what running `code` (as file `defs.jl`) invalidated */
function reportOf(code: string): string {
  startRecording();
  let trees: InvalidationTree[] = [];
  try {
    includeString(s.Main, code, 'defs.jl');
  } finally {
    trees = stopRecording();
  }
  return formatReport(trees);
}

test('a more specific method: the inserted method, the superseded one and the tree of callers, with counts', () => {
  includeString(s.Main, 'f1(x) = 1\ng1(x) = f1(x)\nh1(x) = g1(x)\nk1(x) = g1(x) + 1\nm1(x) = f1(x)', 'callers.jl');
  for (const fn of ['h1', 'k1']) inferred(fn, [T.Int64!]);
  inferred('h1', [T.Float64!]); // not covered by the new method: stays valid, not in the report
  assert.equal(
    reportOf('f1(x::Int) = 2'),
    'inserting f1(x::Int64) @ Main defs.jl:1 invalidated 4 instances:\n' +
      '   backedges: 1: superseding f1(x) @ Main callers.jl:1 with MethodInstance for f1(::Int64) (3 children)\n' +
      '                  MethodInstance for g1(::Int64) (2 children)\n' +
      '                   MethodInstance for h1(::Int64) (0 children)\n' +
      '                   MethodInstance for k1(::Int64) (0 children)\n',
  );
  // what was invalidated is not invalidated again by a later method
  assert.equal(reportOf('f1(x::Signed) = 3'), 'no invalidations: no compiled code was invalidated\n');
});

test('two causes: the one that invalidated more instances comes first', () => {
  includeString(s.Main, 'a2(x) = 1\nb2(x) = a2(x)\nc2(x) = 1\nd2(x) = c2(x)\ne2(x) = d2(x)', 'two.jl');
  inferred('b2', [T.Int64!]);
  inferred('e2', [T.Int64!]);
  const r = reportOf('a2(x::Int) = 2\nc2(x::Int) = 2');
  const blocks = r.split('\n\n');
  assert.equal(blocks.length, 2, r);
  assert.ok(blocks[0]!.startsWith('inserting c2(x::Int64) @ Main defs.jl:2 invalidated 3 instances:\n'), r);
  assert.ok(blocks[1]!.startsWith('inserting a2(x::Int64) @ Main defs.jl:1 invalidated 2 instances:\n'), r);
});

test('a call that matched no method: mt_backedges, rooted at the caller', () => {
  includeString(s.Main, 'q3(x::Int) = 1\np3(x) = q3(x)\npp3(x) = p3(x)', 'nomethod.jl');
  inferred('pp3', [T.String!]);
  assert.equal(
    reportOf('q3(x::String) = 2'),
    'inserting q3(x::String) @ Main defs.jl:1 invalidated 2 instances:\n' +
      '   mt_backedges: 1: signature Tuple{typeof(q3), String} triggered MethodInstance for p3(::String) (1 child)\n' +
      '                     MethodInstance for pp3(::String) (0 children)\n',
  );
});

test('a redefined method replaces the old one; functions of other modules are qualified', () => {
  includeString(s.Main, 'module M4\nr4(x) = 1\nt4(x) = r4(x)\nend', 'mod.jl');
  const t4 = (get('M4') as Module).bindings.get(Sym.of('t4'))!.value!;
  inferMethodInstance(methodInstanceFor(t4, [T.Int64!])!);
  const r = reportOf('M4.r4(x) = 2');
  // the new method belongs to Main, where it was defined (as `methods` shows it)
  assert.match(r, /^replacing r4\(x\) @ Main defs\.jl:1 invalidated 2 instances:\n/);
  assert.match(r, /superseding r4\(x\) @ M4 mod\.jl:2 with MethodInstance for M4\.r4\(::Int64\) \(1 child\)\n/);
  assert.match(r, / {18}MethodInstance for M4\.t4\(::Int64\) \(0 children\)\n$/);
});

test('closures show as their callable type, generated names as var"..."', () => {
  includeString(s.Main, 'f7(x) = 1\nmk7(k) = y -> f7(y) + k\nkw7(x; a = 1) = f7(x) + a\nc7 = mk7(2)', 'seven.jl');
  inferMethodInstance(methodInstanceFor(get('c7'), [T.Int64!])!);
  inferred('kw7', [T.Int64!]);
  const r = reportOf('f7(x::Int) = 2');
  assert.match(r, /\n {18}MethodInstance for \(::var"#[^"]+"\{Int64\}\)\(::Int64\) \(0 children\)\n/);
  assert.match(r, /\n {18}MethodInstance for var"#kw7#[^"]+"\(::Int64, ::typeof\(kw7\), ::Int64\) \(1 child\)\n/);
  assert.match(r, /\n {19}MethodInstance for kw7\(::Int64\) \(0 children\)\n/);
});

test('reportInvalidation: stale code found elsewhere, grouped by cause; nothing is kept when not recording', () => {
  includeString(s.Main, 'x5(x) = 1\ny5(x) = x5(x)\nz5(x) = y5(x)', 'cached.jl');
  const x5 = inferred('x5', [T.Int64!]);
  const y5 = inferred('y5', [T.Int64!]);
  const z5 = inferred('z5', [T.Int64!]);
  reportInvalidation({ label: 'loading the cache of P' }, x5, [y5]);
  assert.equal(recorder.trees.length, 0, 'not recording: nothing kept');
  startRecording();
  reportInvalidation({ label: 'loading the cache of P' }, x5, [{ mi: y5, children: [{ mi: z5, children: [] }] }]);
  reportInvalidation({ label: 'loading the cache of P' }, y5, [], 'edge x5(::Int64) changed');
  reportInvalidation({ method: methodTableFor(get('x5')).methods[0]!, label: 'inserting' }, z5);
  const r = formatReport(stopRecording());
  assert.equal(
    r,
    'loading the cache of P invalidated 4 instances:\n' +
      '   stale: 1: MethodInstance for x5(::Int64) (2 children)\n' +
      '              MethodInstance for y5(::Int64) (1 child)\n' +
      '               MethodInstance for z5(::Int64) (0 children)\n' +
      '          2: edge x5(::Int64) changed: MethodInstance for y5(::Int64) (0 children)\n' +
      '\n' +
      'inserting x5(x) @ Main cached.jl:1 invalidated 1 instance:\n' +
      '   stale: 1: MethodInstance for z5(::Int64) (0 children)\n',
  );
  assert.equal(recorder.on, false);
});

test('Base.trace_invalidations(f) returns the report of what f invalidated', () => {
  includeString(s.Main, 'f6(x) = 1\ng6(x) = f6(x)', 'six.jl');
  inferred('g6', [T.Int64!]);
  const r = includeString(s.Main, 'Base.trace_invalidations(() -> @eval f6(x::Int) = 2)', 'defs.jl');
  assert.equal(
    utf8Decode(r as string),
    'inserting f6(x::Int64) @ Main defs.jl:1 invalidated 2 instances:\n' +
      '   backedges: 1: superseding f6(x) @ Main six.jl:1 with MethodInstance for f6(::Int64) (1 child)\n' +
      '                  MethodInstance for g6(::Int64) (0 children)\n',
  );
  assert.equal(
    utf8Decode(includeString(s.Main, 'Base.trace_invalidations(() -> 1)', 'defs.jl') as string),
    'no invalidations: no compiled code was invalidated\n',
  );
});

// ------------------------------------------------------------------ the command line

const jolt = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'jolt.js');
const run = (...args: string[]) => spawnSync(process.execPath, [jolt, ...args], { encoding: 'utf8', timeout: 120_000 });
const dir = mkdtempSync(join(tmpdir(), 'jolt-invalidations-'));
const script = join(dir, 'script.jl');
writeFileSync(
  script,
  'f(x) = 1\ng(x) = f(x)\nh(x) = g(x)\nprintln(h(1), h(2.0))\nf(x::Int) = 2\nprintln(h(1), h(2.0))\n',
);
const expected =
  `inserting f(x::Int64) @ Main ${script}:5 invalidated 3 instances:\n` +
  `   backedges: 1: superseding f(x) @ Main ${script}:1 with MethodInstance for f(::Int64) (2 children)\n` +
  '                  MethodInstance for g(::Int64) (1 child)\n' +
  '                   MethodInstance for h(::Int64) (0 children)\n';

for (const mode of ['yes', 'all', 'typed']) {
  test(`jolt --compile=${mode} --trace-invalidations script.jl: the report on stderr at exit`, () => {
    const r = run(`--compile=${mode}`, '--trace-invalidations', script);
    assert.equal(r.stdout, '11\n21\n');
    assert.ok(r.stderr.endsWith(expected), r.stderr);
    assert.equal(r.status, 0);
  });
}

test('jolt --compile=no: the program is interpreted, never inferred, so none of its code is invalidated', () => {
  const r = run('--compile=no', '--trace-invalidations', script);
  assert.equal(r.stdout, '11\n21\n');
  assert.ok(r.stderr.endsWith('no invalidations: no compiled code was invalidated\n'), r.stderr);
});

test('jolt invalidations -e: the subcommand; the report also follows an error and exit(n)', () => {
  const r = run('invalidations', '-e', 'u(x) = 1; v(x) = u(x); v(1); u(x::Int) = 2; exit(3)');
  assert.equal(r.status, 3);
  assert.match(r.stderr, /^inserting u\(x::Int64\) @ Main none:1 invalidated 2 instances:\n/);
  const e = run('invalidations', '-e', 'u(x) = 1; v(x) = u(x); v(1); u(x::Int) = 2; error("boom")');
  assert.equal(e.status, 1);
  assert.ok(e.stderr.startsWith('ERROR: boom'), e.stderr);
  assert.match(e.stderr, /\ninserting u\(x::Int64\) @ Main none:1 invalidated 2 instances:\n/);
  const none = run('invalidations', '-e', 'println(1)');
  assert.equal(none.stdout, '1\n');
  assert.equal(none.stderr, 'no invalidations: no compiled code was invalidated\n');
  const bare = run('invalidations');
  assert.equal(bare.status, 2);
  assert.match(bare.stderr, /^usage: jolt invalidations/);
  assert.match(run('--help').stdout, /--trace-invalidations/);
});
