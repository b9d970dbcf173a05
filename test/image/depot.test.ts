// The depot (src/image/depot.ts) and the content key (src/image/install.ts), on real files and real processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir, homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  baseImagePath,
  contentKey,
  depotPath,
  ensureImage,
  joltVersion,
  pruneImages,
  withLock,
  type LockHolder,
} from '../../src/image/depot.ts';
import { readImageFile, writeImageFile } from '../../src/image/image_file.ts';
import { hashInstall, keyedFiles, recordFiles } from '../../src/image/install.ts';

const tmp = mkdtempSync(join(tmpdir(), 'jolt-depot-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = (name: string) => {
  const d = join(tmp, `${name}-${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
};

/** a small install tree: what the key covers and a few files it must ignore */
function fakeInstall(): string {
  const root = fresh('install');
  const files: Record<string, string> = {
    'package.json': '{"name": "jolt", "version": "1.2.3"}',
    'src/cli.ts': 'export const a = 1;\n',
    'src/runtime/values.ts': 'export const b = 2;\n',
    'src/notes.txt': 'not a source',
    'base/Base.jl': 'module Base end\n',
    'base/sub/int.jl': '1 + 1\n',
    'base/README.md': 'not Base',
    'stdlib/Test/src/Test.jl': 'module Test end\n',
    'stdlib/Test/Project.toml': 'name = "Test"\n',
    'README.md': 'docs',
    'test/x.test.ts': 'tests are not part of the install key',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

test('contentKey hashes contents: an edit changes it, a touch or a move does not', () => {
  const root = fakeInstall();
  const key = contentKey({ root });
  assert.match(key, /^[0-9a-f]{32}$/);
  assert.equal(contentKey({ root }), key, 'deterministic');

  // mtimes
  const past = new Date(2001, 1, 1);
  for (const rel of ['src/cli.ts', 'base/Base.jl', 'stdlib/Test/Project.toml']) utimesSync(join(root, rel), past, past);
  assert.equal(contentKey({ root }), key, 'touching files changed the key');

  // absolute paths: a copy elsewhere, and the tree moved
  const copy = join(fresh('copy'), 'deeper', 'jolt');
  cpSync(root, copy, { recursive: true });
  assert.equal(contentKey({ root: copy }), key, 'a copy has another key');
  const moved = join(fresh('moved'), 'jolt');
  renameSync(copy, moved);
  assert.equal(contentKey({ root: moved }), key, 'a moved tree has another key');

  const edit = (rel: string, text: string, what: string, changes = true) => {
    const p = join(moved, rel);
    const old = existsSync(p) ? readFileSync(p) : undefined;
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    if (changes) assert.notEqual(contentKey({ root: moved }), key, what);
    else assert.equal(contentKey({ root: moved }), key, what);
    if (old === undefined) rmSync(p);
    else writeFileSync(p, old);
    assert.equal(contentKey({ root: moved }), key, `undoing: ${what}`);
  };
  edit('src/cli.ts', 'export const a = 2;\n', 'a source edited (same length)');
  edit('base/sub/int.jl', '1 + 2\n', 'a Base file edited');
  edit('stdlib/Test/Project.toml', 'name = "Tests"\n', 'a stdlib file edited');
  edit('stdlib/Test/data.bin', '\0', 'a stdlib file added');
  edit('src/new.ts', '', 'an empty source added');
  edit('package.json', '{"version": "1.2.4"}', 'the version changed');
  edit('README.md', 'other docs', 'a file outside the key edited', false);
  edit('src/notes.txt', 'other', 'a non-source file in src/ edited', false);
  edit('test/x.test.ts', 'other', 'a test edited', false);

  // a file renamed: the path is part of the key
  renameSync(join(moved, 'base/sub/int.jl'), join(moved, 'base/sub/int2.jl'));
  assert.notEqual(contentKey({ root: moved }), key, 'a renamed file');
  renameSync(join(moved, 'base/sub/int2.jl'), join(moved, 'base/sub/int.jl'));

  assert.notEqual(contentKey({ root, nodeVersion: 'v0.0.1' }), key, "Node's version is part of the key");
  assert.notEqual(contentKey({ root, version: '9.9.9' }), key);
});

test('the Jolt version follows the sources only', () => {
  const root = fakeInstall();
  const v = joltVersion({ root });
  assert.match(v, /^1\.2\.3\+[0-9a-f]{16}$/);
  writeFileSync(join(root, 'base/Base.jl'), 'module Base; end\n');
  assert.equal(joltVersion({ root }), v, 'Base is not part of the Jolt version');
  writeFileSync(join(root, 'src/cli.ts'), 'export const a = 3;\n');
  assert.notEqual(joltVersion({ root }), v);
});

test('a key made from a known hash of the sources is the key made by reading them', () => {
  const root = fakeInstall();
  const full = hashInstall({ root });
  assert.equal(hashInstall({ root }, full.sources).key, full.key);
  assert.notEqual(hashInstall({ root }, 'f'.repeat(32)).key, full.key, 'the sources hash is part of the key');
});

test("the running Jolt's key covers its real tree", () => {
  const key = contentKey();
  assert.match(key, /^[0-9a-f]{32}$/);
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  assert.equal(contentKey({ root }), key);
});

test('depotPath: the first entry of JOLT_DEPOT_PATH, else ~/.jolt', () => {
  assert.equal(depotPath({}), join(homedir(), '.jolt'));
  assert.equal(depotPath({ JOLT_DEPOT_PATH: '' }), join(homedir(), '.jolt'));
  assert.equal(depotPath({ JOLT_DEPOT_PATH: '/srv/a:/srv/b' }), '/srv/a');
  assert.equal(depotPath({ JOLT_DEPOT_PATH: ':/srv/b' }), join(homedir(), '.jolt'), 'an empty entry is the default');
  assert.equal(depotPath({ JOLT_DEPOT_PATH: 'rel/d' }), join(process.cwd(), 'rel/d'));
  assert.equal(baseImagePath('0123456789abcdef' + 'f'.repeat(48), '/d'), '/d/images/base-0123456789abcdef.img');
});

/** the pid of a process that has exited */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

const holder = (pid: number, time = Date.now()): LockHolder => ({ pid, host: hostname(), time, nonce: 'feedface' });

test('a lock whose holder died is taken over', () => {
  const lock = join(fresh('lock'), 'x.lock');
  writeFileSync(lock, JSON.stringify(holder(deadPid())));
  const t0 = Date.now();
  let waited = false;
  const r = withLock(lock, () => JSON.parse(readFileSync(lock, 'utf8')).pid, {
    waitMs: 5000,
    onWait: () => (waited = true),
  });
  assert.equal(r, process.pid, 'the lock holds our pid while we hold it');
  assert.equal(waited, false, 'a dead holder is not waited for');
  assert.ok(Date.now() - t0 < 1000);
  assert.equal(existsSync(lock), false, 'released');
});

test('a lock held by a live process is waited for, and taken over once too old', () => {
  const lock = join(fresh('lock'), 'x.lock');
  writeFileSync(lock, JSON.stringify(holder(process.pid)));
  const seen: number[] = [];
  assert.throws(
    () => withLock(lock, () => assert.fail('ran without the lock'), { waitMs: 150, onWait: h => seen.push(h.pid) }),
    /timed out after 150 ms waiting for the lock .* held by process \d+/,
  );
  assert.deepEqual(seen, [process.pid], 'told once who holds it');
  // the same holder, an hour old
  writeFileSync(lock, JSON.stringify(holder(process.pid, Date.now() - 3_600_000)));
  assert.equal(
    withLock(lock, () => 'ran', { staleMs: 60_000, waitMs: 2000 }),
    'ran',
  );
  // an empty lock file (its writer has not written its pid yet) is waited for while young, broken when old
  writeFileSync(lock, '');
  assert.throws(() => withLock(lock, () => 0, { waitMs: 100 }), /timed out/);
  const old = new Date(Date.now() - 60_000);
  utimesSync(lock, old, old);
  assert.equal(
    withLock(lock, () => 1, { waitMs: 2000 }),
    1,
  );
});

test('releasing leaves a lock that another process took over meanwhile', () => {
  const lock = join(fresh('lock'), 'x.lock');
  const theirs = JSON.stringify(holder(process.pid));
  withLock(lock, () => writeFileSync(lock, theirs));
  assert.equal(readFileSync(lock, 'utf8'), theirs);
});

test('ensureImage builds a missing or damaged image once, then reads it', () => {
  const depot = fresh('depot');
  const key = 'd'.repeat(64);
  const path = baseImagePath(key, depot);
  let builds = 0;
  const build = () => new Uint8Array([++builds, 2, 3]);
  const reasons: string[] = [];
  const opts = { onBuild: (p: string, r: string) => reasons.push(`${p}: ${r}`) };

  const a = ensureImage(path, { kind: 'base', key }, build, opts);
  assert.equal(a.built, true);
  assert.deepEqual([...a.payload], [1, 2, 3]);
  assert.deepEqual(reasons, ['missing: no such file']);
  const b = ensureImage(path, { kind: 'base', key }, build, opts);
  assert.equal(b.built, false);
  assert.deepEqual([...b.payload], [1, 2, 3]);
  assert.equal(builds, 1);

  const bytes = readFileSync(path);
  bytes[bytes.length - 1]! ^= 0xff;
  writeFileSync(path, bytes);
  const c = ensureImage(path, { kind: 'base', key }, build, opts);
  assert.equal(c.built && c.problem, 'checksum');
  assert.deepEqual([...c.payload], [2, 2, 3]);
  assert.deepEqual([...(readImageFile(path, { kind: 'base', key }) as { payload: Uint8Array }).payload], [2, 2, 3]);
  assert.deepEqual(readdirSync(dirname(path)), [`base-${key.slice(0, 16)}.img`], 'no lock or temp file left');
});

test('ensureImage on a depot it cannot write builds anyway and says why it did not save', () => {
  const blocker = join(fresh('ro'), 'file');
  writeFileSync(blocker, 'a file where the depot folder should be');
  const r = ensureImage(baseImagePath('e'.repeat(64), blocker), { kind: 'base', key: 'e' }, () => new Uint8Array([9]));
  assert.ok(r.built);
  assert.deepEqual([...r.payload], [9]);
  assert.match(r.writeError ?? '', /ENOTDIR/);
});

test('pruning keeps the new image and the newest other, removes dead writers’ temp files, never locks', () => {
  const dir = fresh('prune');
  const at = (name: string, minutesAgo: number, content = '') => {
    const p = join(dir, name);
    writeFileSync(p, content);
    const t = new Date(Date.now() - minutesAgo * 60_000);
    utimesSync(p, t, t);
  };
  at('base-1111.img', 30);
  at('base-2222.img', 20);
  at('base-3333.img', 10);
  at('base-4444.img', 40); // the one just written, whatever its mtime
  at('sysimage-5555.img', 50);
  at('base-6666.img.lock', 60, JSON.stringify(holder(process.pid)));
  at(`base-4444.img.tmp-${deadPid()}-0abc`, 5); // a writer that died
  at(`base-7777.img.tmp-${process.pid}-0def`, 5); // a writer still at work
  at(`base-8888.img.tmp-${deadPid()}-0fed`, 0); // just written: its pid may be another host's
  pruneImages(dir, 'base-', join(dir, 'base-4444.img'), 1);
  assert.deepEqual(
    readdirSync(dir).sort(),
    [
      'base-3333.img',
      'base-4444.img',
      'base-6666.img.lock',
      `base-7777.img.tmp-${process.pid}-0def`,
      readdirSync(dir).find(f => f.startsWith('base-8888'))!,
      'sysimage-5555.img',
    ].sort(),
  );
});

test('ensureImage with prune tidies the images folder', () => {
  const depot = fresh('depot');
  const old = baseImagePath('0'.repeat(64), depot);
  const older = baseImagePath('1'.repeat(64), depot);
  writeImageFile(old, 'base', '0'.repeat(64), new Uint8Array([0]));
  writeImageFile(older, 'base', '1'.repeat(64), new Uint8Array([1]));
  const t = new Date(Date.now() - 60_000);
  utimesSync(older, t, t);
  const key = '2'.repeat(64);
  ensureImage(baseImagePath(key, depot), { kind: 'base', key }, () => new Uint8Array([2]), {
    prune: { prefix: 'base-', keepOthers: 1 },
  });
  assert.deepEqual(readdirSync(dirname(old)).sort(), [`base-${'0'.repeat(16)}.img`, `base-${'2'.repeat(16)}.img`]);
});

test('processes starting at once on a fresh depot build once and read the same image', async () => {
  const depot = join(fresh('race'), 'depot'); // not even the folder exists
  const counter = join(dirname(depot), 'builds.txt');
  writeFileSync(counter, '');
  const child = join(dirname(fileURLToPath(import.meta.url)), 'ensure_child.ts');
  const startAt = Date.now() + 1500; // after every process has loaded
  const run = () =>
    new Promise<string>((resolve, reject) => {
      const p = spawn(process.execPath, [child, depot, counter, String(startAt)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '',
        err = '';
      p.stdout.on('data', d => (out += d));
      p.stderr.on('data', d => (err += d));
      p.on('error', reject);
      p.on('close', code => (code === 0 ? resolve(out) : reject(new Error(`child exited with ${code}: ${err}`))));
    });
  const outs = (await Promise.all([run(), run(), run()])).map(
    o => JSON.parse(o) as { pid: number; built: boolean; sha: string; length: number },
  );
  const builders = readFileSync(counter, 'utf8').trim().split('\n');
  assert.equal(builders.length, 1, `built ${builders.length} times`);
  assert.deepEqual(
    outs.filter(o => o.built).map(o => String(o.pid)),
    builders,
  );
  assert.equal(new Set(outs.map(o => o.sha)).size, 1, 'every process has the same payload');
  assert.ok(outs.every(o => o.length === 4 << 20));
  assert.ok(Date.now() - startAt < 300 * 2 + 1500, 'the waiting processes read the image as soon as it was written');
});

test('contentKey reads files larger than its buffer whole', () => {
  const root = fakeInstall();
  const big = Buffer.alloc(3 << 20, 1);
  writeFileSync(join(root, 'stdlib/Test/big.bin'), big);
  const key = contentKey({ root });
  big[big.length - 1] = 2; // past the first 1 MB and 2 MB reads
  writeFileSync(join(root, 'stdlib/Test/big.bin'), big);
  assert.notEqual(contentKey({ root }), key);
});

test("the bundle's record of base/ and stdlib/ is used while their sizes and mtimes hold, never after", () => {
  const root = fakeInstall();
  const full = hashInstall({ root });
  // (a tree edited just now makes no record: an edit in the same clock tick would keep the mtime)
  assert.equal(recordFiles(root), undefined);
  const past = new Date(Date.now() - 60_000);
  for (const f of keyedFiles(root, false)) utimesSync(join(root, f), past, past);
  const rec = recordFiles(root)!;
  assert.equal(hashInstall({ root }, full.sources, rec).key, full.key, 'the recorded hash is the one read');
  // a record whose signature holds is trusted without reading: a forged hash shows that it was used
  const forged = { ...rec, filesHash: 'f'.repeat(32) };
  assert.notEqual(hashInstall({ root }, full.sources, forged).key, full.key);
  // a touched file, an edit, a new file: the files are read again, and the key follows their content
  utimesSync(join(root, 'base/Base.jl'), new Date(), new Date());
  assert.equal(hashInstall({ root }, full.sources, forged).key, full.key, 'touched: read again, same key');
  writeFileSync(join(root, 'base/Base.jl'), 'module Base; f() = 2; end\n');
  utimesSync(join(root, 'base/Base.jl'), past, past);
  assert.notEqual(hashInstall({ root }, full.sources, rec).key, full.key, 'edited (same mtime, new size)');
  writeFileSync(join(root, 'base/extra.jl'), '');
  assert.equal(hashInstall({ root }, full.sources, rec).key, hashInstall({ root }).key, 'a new file');
});
