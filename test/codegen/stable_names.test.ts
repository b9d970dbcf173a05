// Stable names: a module's name and bytes depend only on what is compiled, so the same program compiled in two
// processes gives byte-identical modules (JOLT_DUMP_WASM writes each linked module as <name>.wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const jolt = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'jolt.js');
/** compiled before a program (on its first line, which is empty, so its lines stay where they are), it shifts
 *  whatever a process-wide count would number: compiled modules, and closure types and keyword bodies lowered in
 *  another module */
const PREFIX =
  'module StablePrefix; g(x) = y -> x + y; h(; k = 1) = k; end; stable_prefix(x) = x * 3 + 1; stable_prefix(2)';

/** the programs compiled twice: each should exercise a kind of code whose names could depend on the process (the
 *  source starts with an empty line, for PREFIX) */
const STABLE_NAME_PROGRAMS: { name: string; source: string }[] = [
  {
    name: 'structs_arrays_strings',
    source: `
struct Point
    x::Float64
    y::Float64
end
mutable struct Counter
    n::Int
    label::String
end
norm2(p::Point) = p.x * p.x + p.y * p.y
function run(k)
    pts = [Point(Float64(i), Float64(k - i)) for i in 1:k]
    c = Counter(0, "points")
    total = 0.0
    for p in pts
        total += norm2(p)
        c.n += 1
    end
    words = String[]
    for i in 1:3
        push!(words, string(c.label, "-", i))
    end
    println(join(words, ","), " ", c.n, " ", total)
end
run(5)
run(7)
`,
  },
  {
    // closure types, keyword bodies and lowering's temporaries are generated names
    name: 'closures_keywords',
    source: `
adder(k) = x -> x + k
function counter()
    n = 0
    bump() = (n += 1)
    bump(); bump()
    n
end
scaled(x; factor = 2, shift = 0) = x * factor + shift
function apply_all(v)
    fs = [adder(1), adder(10), y -> 2y]
    s = 0
    for f in fs, x in v
        s += f(x)
    end
    s + counter() + scaled(3; factor = 5) + scaled(1)
end
println(apply_all([1, 2, 3]))
println(map(x -> x^2, 1:4), " ", filter(isodd, collect(1:7)))
`,
  },
];

/** the modules one run compiled: file name -> bytes */
function compiledModules(file: string): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'jolt-wasm-'));
  try {
    execFileSync(process.execPath, [jolt, '--compile=all', '--compiled-modules=no', file], {
      env: { ...process.env, JOLT_DUMP_WASM: dir },
      encoding: 'utf8',
    });
    return new Map(readdirSync(dir).map(f => [f, readFileSync(join(dir, f))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const prog of STABLE_NAME_PROGRAMS) {
  test(`${prog.name}: two processes compile byte-identical modules under the same names`, () => {
    const work = mkdtempSync(join(tmpdir(), 'jolt-stable-'));
    try {
      const file = join(work, `${prog.name}.jl`);
      assert.ok(prog.source.startsWith('\n'));
      // the second process compiles something else first: under names from a process-wide count, every later
      // module's name (and so its bytes) would differ
      writeFileSync(file, prog.source);
      const a = compiledModules(file);
      writeFileSync(file, PREFIX + prog.source);
      const b = compiledModules(file);
      assert.ok(a.size > 0, 'modules were compiled and dumped');
      // the prefix compiles modules of its own; every module of the first run is also in the second, byte for byte
      for (const [name, bytes] of a) assert.ok(b.get(name)?.equals(bytes), `${name}: the same bytes in both`);
      for (const name of b.keys()) assert.match(name, /^jolt_[A-Za-z0-9_]+_[0-9a-f]{16}\.wasm$/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}
