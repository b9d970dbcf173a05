// User sysimages through real `jolt` processes: `jolt sysimage -o app.img --workload w.jl app.jl` saves a session
// with an app's code compiled, `jolt --sysimage app.img` (or -J) starts from it; a damaged, stale or missing one is
// refused. The Base image and the sysimage are built once (in `before`, 10-30 s on a loaded machine) and shared: no
// test writes to them.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseImagePath, contentKey } from '../../src/image/depot.ts';
import { readImageFile, writeImageFile } from '../../src/image/image_file.ts';
import { runJolt, joltStats, type Run } from './jolt_process.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'jolt.js');
const tmp = mkdtempSync(join(tmpdir(), 'jolt-sysimage-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const depot = join(tmp, 'depot');
const file = (name: string, text: string): string => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};
/** `jolt args...` as a real process on this file's depot, run in the temp folder */
const jolt = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
  runJolt(bin, args, { depot, env, cwd: tmp });
const stats = joltStats;

// Part of the app: a text report that uses Dict, strings, sort (with by), structs (immutable and mutable) and
// closures (returned by a function, capturing a local).
const reportApp = `struct Item
    name::String
    qty::Int
end
mutable struct Counter
    n::Int
end
function tally(words)
    d = Dict{String,Int}()
    for w in words
        d[w] = get(d, w, 0) + 1
    end
    d
end
make_adder(n) = x -> x + n
function report(text::String)
    d = tally(split(text, " "))
    for k in sort(collect(keys(d)))
        println(k, " => ", d[k])
    end
    items = [Item(k, v) for (k, v) in d]
    top = sort(items; by = it -> (-it.qty, it.name))
    println(join([it.name for it in top[1:min(3, end)]], ","), " ", top[1])
    add = make_adder(length(d))
    println(map(add, [1, 2, 3]), " ", filter(x -> x > 4, map(make_adder(2), 1:5)))
    c = Counter(0)
    foreach(w -> (c.n += length(w)), keys(d))
    s = uppercase(text[1:3]) * " " * reverse(text[1:3]) * string(c.n) * "!"
    println(s, " ", length(s), " ", startswith(s, "TH"), " ", split(s, " "))
    println(replace(text, " " => "_"), " ", occursin("qu", text), " ", repr(text[1:3] * "\\"q"))
    return sum(values(d))
end
`;

// The app: a struct, functions on it, a function with a loop (compiled natively even at its first call), strings.
const app = file(
  'app.jl',
  `struct Point
    x::Int
    y::Int
end
norm1(p::Point) = abs(p.x) + abs(p.y)
addp(a::Point, b::Point) = Point(a.x + b.x, a.y + b.y)
function total(v::Vector{Int})
    s = 0
    for x in v
        s += x
    end
    s
end
greet(name::String) = "hello, " * name
# a Dict keyed by mutable objects, which hash by identity (ids the image must keep)
mutable struct Tag
    label::String
end
const TAGS = [Tag(string(c)) for c in "abcdefgh"]
const RANK = Dict(t => i for (i, t) in enumerate(TAGS))
# shape(::Float64) is compiled by the workload while area has no method for it
shape(x) = area(x) * 2
area(x::Int) = x * x
` + reportApp,
);
// The workload: the calls to compile, with the argument types the scripts below use (a 3-element literal, since
// [a, b, c] and [a, b, c, d] are calls of vect with different signatures), and their printing
const workload = file(
  'workload.jl',
  `p = addp(Point(1, 2), Point(3, -4))
println(norm1(p))
println(total([1, 2, 3]))
println(greet("x"))
println(report("x y x"))
shape(3)
try
    shape(1.5)
catch
end
`,
);
/** calls only what the workload called, with the same argument types */
const useApp = `p = addp(Point(1, 2), Point(3, -5))
println(norm1(p))
println(total([4, 5, 6]))
println(greet("world"))
`;
const useAppOut = '7\n15\nhello, world\n';
const sysimage = join(tmp, 'app.img');
let built: Run;

before(async () => {
  built = await jolt(['sysimage', '-o', sysimage, '--workload', workload, app]);
});

test('jolt sysimage builds the image (and the Base image it starts from)', () => {
  assert.equal(built.status, 0, built.stderr);
  // the workload runs in Main, its output shows (only Base's own workload is muted)
  assert.ok(built.stdout.startsWith('6\n6\nhello, x\nx => 2\ny => 1\n'), built.stdout);
  assert.equal(
    built.stderr,
    `jolt: building the Base image at ${baseImagePath(contentKey(), depot)} (once per install)\n`,
  );
  const r = readImageFile(sysimage, { kind: 'sysimage', key: contentKey() });
  assert.ok(r.ok, r.ok ? '' : r.reason);
});

test("a script run from the sysimage finds the app's definitions, and infers and compiles nothing", async () => {
  const script = file('use.jl', useApp);
  // -J and --sysimage= are the same option; without it the app is not there
  const [r, j, eq, without] = await Promise.all([
    jolt(['--sysimage', sysimage, script], { JOLT_STATS: '1' }),
    jolt([`-J${sysimage}`, script]),
    jolt([`--sysimage=${sysimage}`, script]),
    jolt([script]),
  ]);
  assert.equal(r.stdout, useAppOut);
  assert.equal(r.status, 0);
  const s = stats(r);
  assert.equal(s.parses, 1, 'only the script is parsed');
  assert.equal(s.inferred, 0, 'inferred');
  assert.equal(s.binaryen, 0, 'binaryen');
  assert.equal(j.stdout, useAppOut, j.stderr);
  assert.equal(eq.stdout, useAppOut, eq.stderr);
  assert.equal(without.status, 1);
  assert.match(without.stderr, /UndefVarError: `Point` not defined/);
});

test('@time of a function the workload compiled shows no compilation time', async () => {
  // the second line is the control: a function new to the session does show compilation time
  const script = file('time.jl', 'v = [1, 2, 3]\n@time total(v)\nfresh(v) = sum(x -> x * 2, v)\n@time fresh(v)\n');
  const r = await jolt(['--sysimage', sysimage, script]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines.length, 3, r.stdout);
  assert.match(lines[0]!, /^ +\d+\.\d+ seconds/);
  assert.doesNotMatch(lines[0]!, /compilation/, `the workload's total(::Vector{Int}) is compiled: ${lines[0]}`);
  assert.match(lines[1]!, /compilation time/, `the control: ${lines[1]}`);
});

test('a damaged, truncated, other-version, wrong-kind or missing sysimage is refused with a clear error', async () => {
  const bytes = readFileSync(sysimage);
  const bad = (name: string, data: Uint8Array): string => {
    const p = join(tmp, name);
    writeFileSync(p, data);
    return p;
  };
  const flipped = Buffer.from(bytes);
  flipped[Math.floor(bytes.length / 2)]! ^= 0x04;
  const payload = readImageFile(sysimage, { kind: 'sysimage' });
  assert.ok(payload.ok);
  const other = join(tmp, 'other.img');
  writeImageFile(other, 'sysimage', contentKey(), payload.payload, { joltVersion: '0.0.1+0123456789abcdef' });
  const cases: [string, RegExp][] = [
    [bad('flipped.img', flipped), /corrupt \(checksum mismatch\)/],
    [bad('truncated.img', bytes.subarray(0, bytes.length - 100)), /truncated \(\d+ of \d+ payload bytes\)/],
    [
      other,
      /it was built by another version of Jolt \(or before its sources changed\); build it again with jolt sysimage/,
    ],
    [baseImagePath(contentKey(), depot), /a base image, not a sysimage image/],
    [join(tmp, 'missing.img'), /no such file/],
  ];
  const runs = await Promise.all(cases.map(([p]) => jolt(['--sysimage', p, '-e', 'println(1)'])));
  runs.forEach((r, i) => {
    const [p, reason] = cases[i]!;
    assert.equal(r.status, 1, p);
    assert.equal(r.stdout, '', 'nothing runs');
    assert.match(
      r.stderr,
      new RegExp(`^ERROR: could not load the sysimage ${p.replace(/[.+]/g, '\\$&')}: ${reason.source}\\n$`),
    );
  });
  assert.ok(!existsSync(join(tmp, 'missing.img')), 'a missing sysimage is not made');
  assert.equal(statSync(sysimage).size, bytes.length);
});

test('a Dict keyed by mutable objects, made at the build, still finds them (their identity hashes are kept)', async () => {
  const r = await jolt([
    '--sysimage',
    sysimage,
    '-e',
    'println([RANK[t] for t in reverse(TAGS)], " ", haskey(RANK, Tag("e")), " ", length(RANK))',
  ]);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '[8, 7, 6, 5, 4, 3, 2, 1] false 8\n');
});

test('a method defined after the sysimage replaces code the workload compiled without it (invalidation)', async () => {
  const r = await jolt(['-J', sysimage, '-e', 'area(x::Float64) = x * 10; println(shape(1.5), " ", shape(3))']);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '30.0 18\n');
});

// a program of the app's report: from the sysimage it runs the workload's native code, without it the code made now
const program = `println(report("the quick brown fox jumps over the lazy dog the end"))
println(report("b a b"))
`;

test('a program prints the same with and without the sysimage (which runs the native code the workload made)', async () => {
  const p = file('program.jl', program);
  const standalone = file('standalone.jl', readFileSync(app, 'utf8') + program);
  const [plain, withImage] = await Promise.all([
    jolt([standalone]),
    jolt(['--sysimage', sysimage, p], { JOLT_STATS: '1' }),
  ]);
  assert.equal(plain.status, 0, plain.stderr);
  assert.equal(plain.stderr, '');
  assert.match(plain.stdout, /^brown => 1\n/);
  assert.match(plain.stdout, /\nthe => 3\n/);
  assert.match(plain.stdout, /\nthe,brown,dog Item\("the", 3\)\n/);
  assert.equal(withImage.stdout, plain.stdout);
  const s = stats(withImage);
  assert.equal(s.inferred, 0, 'inferred');
  assert.equal(s.binaryen, 0, 'binaryen');
});

test('from the sysimage, the interpreter (--compile=no), the default and --compile=all print the same', async () => {
  const p = file('both.jl', useApp + program);
  const runs = await Promise.all(
    [[], ['--compile=no'], ['--compile=all']].map(mode => jolt(['--sysimage', sysimage, ...mode, p])),
  );
  const [yes, no, all] = runs;
  for (const r of runs) assert.equal(r.stderr, '');
  assert.ok(yes!.stdout.startsWith(useAppOut), yes!.stdout);
  assert.equal(no!.stdout, yes!.stdout, '--compile=no');
  assert.equal(all!.stdout, yes!.stdout, '--compile=all');
});
