// Jolt's start from the Base image in the depot, through real `jolt` processes (bin/jolt.js) on real depots in temp
// folders: what a start from the image does not do any more (parse, lower, infer, compile Base), the first run on a
// fresh depot, damaged and stale images, changed, touched and moved installs, and two first starts at once.
//
// Cost: building the Base image of this install runs Base's workload (hundreds of binaryen modules, 5-20 s on a
// loaded machine), so it is built once (in `before`) and its depot is shared by the tests that only read it. The
// tests that damage or replace an image rebuild it, and do that in a copy of the install whose workload is one line
// (`println(1)`): the same code path (same sources, same checks, an image with native code) at a third of the cost.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseImagePath, contentKey, joltVersion } from '../../src/image/depot.ts';
import { readImageFile, writeImageFile } from '../../src/image/image_file.ts';
import { runJolt, joltStats, joltNodeModules, type Run } from './jolt_process.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'jolt-startup-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = (name: string): string => {
  const d = join(tmp, `${name}-${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
};

/** Runs `jolt args...` of an install (default: this one) on a depot, as a real process, to its end. */
function jolt(args: string[], opts: { depot: string; install?: string; env?: Record<string, string> }): Promise<Run> {
  return runJolt(join(opts.install ?? root, 'bin', 'jolt.js'), args, opts);
}

/** A copy of this install (what the content key covers, and the launcher) with node_modules linked. */
function copyInstall(workload?: string): string {
  const dest = fresh('install');
  for (const part of ['package.json', 'bin', 'src', 'base', 'stdlib']) {
    cpSync(join(root, part), join(dest, part), { recursive: true });
  }
  symlinkSync(realpathSync(join(root, 'node_modules')), join(dest, 'node_modules'));
  if (workload !== undefined) writeFileSync(join(dest, 'base', 'workload.jl'), workload);
  return dest;
}

const copyDepot = (depot: string): string => {
  const d = fresh('depot');
  cpSync(depot, d, { recursive: true });
  return d;
};
/** every file in a depot's images folder (images, but also any lock or temp file left behind) */
const imageFolder = (depot: string): string[] => {
  const dir = join(depot, 'images');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};
const building = (path: string): string => `jolt: building the Base image at ${path} (once per install)\n`;
const rebuilding = (path: string, reason: RegExp): RegExp =>
  new RegExp(`^jolt: the Base image at ${escape(path)} is ${reason.source}; rebuilding it\\n$`);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface Stats {
  parses: number;
  parsedChars: number;
  lowerings: number;
  inferred: number;
  binaryen: number;
}
const stats = (r: Run): Stats => joltStats(r) as unknown as Stats;

function assertValidImage(path: string, key: string, installRoot: string): void {
  const r = readImageFile(path, { kind: 'base', key, joltVersion: joltVersion({ root: installRoot }) });
  assert.ok(r.ok, `${path}: ${r.ok ? '' : r.reason}`);
}

/** asserts a run printed `1` and nothing else */
function assertSilentOne(r: Run, what: string): void {
  assert.equal(r.stderr, '', `${what}: stderr`);
  assert.equal(r.stdout, '1\n', `${what}: stdout`);
  assert.equal(r.status, 0, what);
}

// this install, its depot built by the first run of the file
const key = contentKey();
let depot: string, image: string, first: Run;
// the light copy of the install and its depot
let light: string, lightKey: string, lightDepot: string, lightImage: string;

before(async () => {
  depot = fresh('depot');
  image = baseImagePath(key, depot);
  light = copyInstall('println(1)\n');
  lightKey = contentKey({ root: light });
  lightDepot = fresh('depot');
  lightImage = baseImagePath(lightKey, lightDepot);
  const [a, b] = await Promise.all([
    jolt(['-e', 'println(1)'], { depot }),
    jolt(['-e', 'println(1)'], { depot: lightDepot, install: light }),
  ]);
  first = a;
  assert.equal(b.stderr, building(lightImage));
  assert.equal(b.stdout, '1\n');
});

test('fresh depot: the first run says once that it builds the image and writes it; the second run is silent', async () => {
  assert.equal(first.stdout, '1\n');
  assert.equal(first.stderr, building(image));
  assert.equal(first.status, 0);
  // the image, and nothing else (no lock, no temp file)
  assert.deepEqual(imageFolder(depot), [`base-${key.slice(0, 16)}.img`]);
  assertValidImage(image, key, root);
  const mtime = statSync(image).mtimeMs;
  assertSilentOne(await jolt(['-e', 'println(1)'], { depot }), 'second run');
  assert.equal(statSync(image).mtimeMs, mtime, 'the image is not written again');
});

test('a start from the Base image parses, lowers, infers and compiles nothing of Base', async () => {
  // the same start from Base's sources (which leaves the depot alone) shows that the counters do count
  const offDepot = fresh('depot');
  const [r, off] = await Promise.all([
    jolt(['-e', 'println(1)'], { depot, env: { JOLT_STATS: '1' } }),
    jolt(['-e', 'println(1)'], { depot: offDepot, env: { JOLT_STATS: '1', JOLT_BASE_IMAGE: 'off' } }),
  ]);
  assert.equal(r.stdout, '1\n');
  const s = stats(r);
  assert.equal(s.parses, 1, 'only the -e text is parsed');
  assert.ok(s.lowerings <= 2, `lowerings ${s.lowerings}`);
  assert.equal(s.inferred, 0, 'inferred');
  assert.equal(s.binaryen, 0, 'binaryen');
  // nor loads the Node modules only some runs need (each costs milliseconds of a start)
  const loaded = joltNodeModules(r);
  assert.ok(loaded.includes('fs'), `the list is read: ${loaded.join(' ')}`);
  // (this start runs in the launcher's worker, which needs worker_threads, and node:v8 for its flags)
  for (const m of ['crypto', 'child_process', 'readline', 'tty', 'perf_hooks'])
    assert.ok(!loaded.includes(m), `a start loads node:${m}`);
  assert.equal(off.stdout, '1\n');
  const o = stats(off);
  assert.ok(o.parses > 10, `parses ${o.parses}`);
  assert.ok(o.lowerings > 500, `lowerings ${o.lowerings}`);
  assert.deepEqual(imageFolder(offDepot), [], 'JOLT_BASE_IMAGE=off builds no image');
});

describe('a damaged or stale Base image is reported in one line and rebuilt', { concurrency: true }, () => {
  /** damages the light install's image in a copy of its depot, runs it twice: the first run reports and rebuilds,
   *  the second is silent */
  async function damaged(damage: (bytes: Buffer) => Uint8Array, reason: RegExp): Promise<void> {
    const d = copyDepot(lightDepot);
    const path = baseImagePath(lightKey, d);
    writeFileSync(path, damage(readFileSync(path)));
    assert.equal(readImageFile(path, { kind: 'base', key: lightKey }).ok, false, 'the damage is real');
    const r = await jolt(['-e', 'println(1)'], { depot: d, install: light });
    assert.equal(r.stdout, '1\n', 'the output is still right');
    assert.match(r.stderr, rebuilding(path, reason));
    assert.equal(r.status, 0);
    assertValidImage(path, lightKey, light);
    assert.deepEqual(imageFolder(d), [`base-${lightKey.slice(0, 16)}.img`]);
    assertSilentOne(await jolt(['-e', 'println(1)'], { depot: d, install: light }), 'the run after the rebuild');
  }

  test('truncated', () => damaged(b => b.subarray(0, b.length - 1000), /truncated \(\d+ of \d+ payload bytes\)/));

  test('one flipped byte in the payload', () =>
    damaged(b => {
      b[Math.floor(b.length / 2)]! ^= 0x10;
      return b;
    }, /corrupt \(checksum mismatch\)/));

  test('one flipped byte in the header (in the version string)', () =>
    damaged(b => {
      b[20]! ^= 0x01;
      return b;
    }, /corrupt header \(checksum mismatch\)/));

  test('an image of another Jolt version at the path of this one', () => {
    const other = '0.0.1+0123456789abcdef';
    return damaged(
      b => {
        const p = join(fresh('version'), 'x.img');
        writeFileSync(p, b);
        const r = readImageFile(p, { kind: 'base', key: lightKey });
        assert.ok(r.ok);
        writeImageFile(p, 'base', lightKey, r.payload, { joltVersion: other });
        return readFileSync(p);
      },
      new RegExp(`written by Jolt ${escape(other)}, this is Jolt ${escape(joltVersion({ root: light }))}`),
    );
  });
});

test('a changed Base source makes a new image (with the change); a touched or moved install does not', async () => {
  const changed = fresh('changed');
  cpSync(light, changed, { recursive: true, verbatimSymlinks: true });
  // Base.jl's last line includes its last file, so a definition appended to it is made after all of Base
  assert.match(readFileSync(join(changed, 'base', 'Base.jl'), 'utf8'), /include\("\w+\.jl"\)[^\n]*\n?$/);
  appendFileSync(join(changed, 'base', 'Base.jl'), '\njolt_test_marker() = 42\n');
  const changedKey = contentKey({ root: changed });
  assert.notEqual(changedKey, lightKey);
  const d = copyDepot(lightDepot);
  const newImage = baseImagePath(changedKey, d);
  const marker = ['-e', 'println(jolt_test_marker())'];
  const r = await jolt(marker, { depot: d, install: changed });
  assert.equal(r.stdout, '42\n', r.stderr);
  assert.equal(r.stderr, building(newImage));
  const images = [`base-${changedKey.slice(0, 16)}.img`, `base-${lightKey.slice(0, 16)}.img`].sort();
  assert.deepEqual(imageFolder(d), images, 'the new image beside the old one');
  assertValidImage(newImage, changedKey, changed);
  const written = statSync(newImage).mtimeMs;
  // the original install still starts from its own image, which has no marker
  const orig = await jolt(['-e', 'println(isdefined(Base, :jolt_test_marker))'], { depot: d, install: light });
  assert.equal(orig.stderr, '');
  assert.equal(orig.stdout, 'false\n');
  // a touched source file: same content, same key, no rebuild
  const future = new Date(Date.now() + 3600_000);
  utimesSync(join(changed, 'base', 'Base.jl'), future, future);
  utimesSync(join(changed, 'src', 'cli.ts'), future, future);
  const touched = await jolt(marker, { depot: d, install: changed });
  assert.equal(touched.stderr, '', 'a touch rebuilds nothing');
  assert.equal(touched.stdout, '42\n');
  // the install moved to another folder: no rebuild either
  const moved = join(fresh('moved'), 'elsewhere');
  renameSync(changed, moved);
  const m = await jolt(marker, { depot: d, install: moved });
  assert.equal(m.stderr, '', 'a move rebuilds nothing');
  assert.equal(m.stdout, '42\n');
  assert.deepEqual(imageFolder(d), images);
  assert.equal(statSync(newImage).mtimeMs, written, 'the image was not written again');
});

test('two first starts at once on a fresh depot: both run, one builds, one image', async () => {
  const d = fresh('depot');
  const [a, b] = await Promise.all([
    jolt(['-e', 'println(1 + 1)'], { depot: d, install: light }),
    jolt(['-e', 'println(2 + 2)'], { depot: d, install: light }),
  ]);
  assert.equal(a.stdout, '2\n');
  assert.equal(b.stdout, '4\n');
  assert.equal(a.status, 0);
  assert.equal(b.status, 0);
  // one of them built it and said so, the other waited for it silently
  const path = baseImagePath(lightKey, d);
  assert.deepEqual([a.stderr, b.stderr].sort(), ['', building(path)]);
  assert.deepEqual(imageFolder(d), [`base-${lightKey.slice(0, 16)}.img`]);
  assertValidImage(path, lightKey, light);
});
