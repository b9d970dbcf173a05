// The image file container (src/image/image_file.ts) on real files: what is written reads back, and every kind of
// damage is detected and named, never returned as a valid payload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readImageFile, writeImageFile, FORMAT_VERSION, type ImageProblem } from '../../src/image/image_file.ts';
import { joltVersion } from '../../src/image/install.ts';

const dir = mkdtempSync(join(tmpdir(), 'jolt-image-file-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const KEY = 'a'.repeat(64);
let n = 0;
const fresh = () => join(dir, `img-${n++}.img`);

function expectProblem(path: string, expect: Parameters<typeof readImageFile>[1], problem: ImageProblem): string {
  const r = readImageFile(path, expect);
  assert.equal(r.ok, false, `${path} should not read as valid`);
  if (r.ok) throw new Error('unreachable');
  assert.equal(r.problem, problem, r.reason);
  assert.doesNotMatch(r.reason, /\n/, 'a reason is one line');
  return r.reason;
}

const payloads = fc.uint8Array({ maxLength: 3000 });
const names = fc.string({ maxLength: 20 });

test('what is written reads back, with its header', () => {
  fc.assert(
    fc.property(payloads, names, names, (payload, kind, key) => {
      const p = fresh();
      writeImageFile(p, kind, key, payload);
      const r = readImageFile(p, { kind, key });
      assert.ok(r.ok, r.ok ? '' : r.reason);
      assert.deepEqual(new Uint8Array(r.payload), payload);
      assert.deepEqual(r.header, { kind, key, joltVersion: joltVersion() });
      // without an expected key, any key reads
      assert.ok(readImageFile(p, { kind }).ok);
    }),
    { numRuns: 60 },
  );
});

test('any single flipped byte is detected, wherever it is (header or payload)', () => {
  fc.assert(
    fc.property(payloads, fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), (payload, at, mask, withKey) => {
      const p = fresh();
      writeImageFile(p, 'base', KEY, payload);
      const bytes = readFileSync(p);
      const i = at % bytes.length;
      bytes[i]! ^= mask;
      writeFileSync(p, bytes);
      // even a flip in the key must fail when no key is expected: the header has its own checksum
      const r = readImageFile(p, withKey ? { kind: 'base', key: KEY } : { kind: 'base' });
      assert.equal(r.ok, false, `flipping byte ${i} of ${bytes.length} with ${mask} went unnoticed`);
    }),
    { numRuns: 300 },
  );
});

test('any truncation is detected', () => {
  fc.assert(
    fc.property(payloads, fc.nat(), (payload, cut) => {
      const p = fresh();
      writeImageFile(p, 'base', KEY, payload);
      const bytes = readFileSync(p);
      const len = cut % bytes.length; // 0 .. size-1
      writeFileSync(p, bytes.subarray(0, len));
      const r = readImageFile(p, { kind: 'base', key: KEY });
      assert.equal(r.ok, false, `truncation to ${len} of ${bytes.length} bytes went unnoticed`);
      if (!r.ok) assert.equal(r.problem, 'truncated', r.reason);
    }),
    { numRuns: 150 },
  );
});

test('every byte of a small image, flipped, and every cut of it are detected', () => {
  const p = fresh();
  writeImageFile(
    p,
    'sysimage',
    KEY,
    new Uint8Array(40).map((_, i) => i),
  );
  const bytes = readFileSync(p);
  const q = fresh();
  for (let i = 0; i < bytes.length; i++) {
    for (const mask of [0x01, 0x80, 0xff]) {
      const b = Buffer.from(bytes);
      b[i]! ^= mask;
      writeFileSync(q, b);
      assert.equal(readImageFile(q, { kind: 'sysimage' }).ok, false, `byte ${i} ^ ${mask}`);
    }
  }
  for (let len = 0; len < bytes.length; len++) {
    writeFileSync(q, bytes.subarray(0, len));
    assert.equal(readImageFile(q, { kind: 'sysimage' }).ok, false, `cut at ${len}`);
  }
});

test('each problem is named', () => {
  const payload = new Uint8Array(1000).map((_, i) => i * 7);
  const good = fresh();
  writeImageFile(good, 'base', KEY, payload);
  const bytes = readFileSync(good);
  const want = { kind: 'base', key: KEY };
  const variant = (f: (b: Buffer) => Uint8Array): string => {
    const p = fresh();
    writeFileSync(p, f(Buffer.from(bytes)));
    return p;
  };

  assert.match(expectProblem(join(dir, 'none.img'), want, 'missing'), /no such file/);
  const folder = join(dir, 'a-folder.img');
  mkdirSync(folder);
  assert.match(expectProblem(folder, want, 'unreadable'), /EISDIR/);
  assert.match(
    expectProblem(
      variant(b => b.subarray(0, b.length - 1)),
      want,
      'truncated',
    ),
    /999 of 1000/,
  );
  assert.match(
    expectProblem(
      variant(b => b.subarray(0, 20)),
      want,
      'truncated',
    ),
    /header/,
  );
  assert.match(
    expectProblem(
      variant(b => b.subarray(0, 3)),
      want,
      'truncated',
    ),
    /truncated/,
  );
  assert.match(
    expectProblem(
      variant(b => Buffer.concat([b, Buffer.from([0])])),
      want,
      'trailing',
    ),
    /1 bytes/,
  );
  assert.match(
    expectProblem(
      variant(b => ((b[b.length - 10]! ^= 0x10), b)),
      want,
      'checksum',
    ),
    /checksum mismatch/,
  );
  assert.match(
    expectProblem(
      variant(b => ((b[0] = 0x7f), b)),
      want,
      'magic',
    ),
    /not a Jolt image/,
  );
  assert.match(
    expectProblem(
      variant(() => Buffer.from('#!/bin/sh\necho hi\n')),
      want,
      'magic',
    ),
    /magic/,
  );
  assert.match(
    expectProblem(
      variant(b => (b.writeUInt32LE(FORMAT_VERSION + 1, 8), b)),
      want,
      'format',
    ),
    new RegExp(`format ${FORMAT_VERSION + 1}, this Jolt reads ${FORMAT_VERSION}`),
  );
  assert.match(
    expectProblem(
      variant(b => ((b[30] = b[30]! ^ 1), b)),
      want,
      'header',
    ),
    /corrupt header/,
  );

  // well-formed files that are not what was asked for
  const other = (kind: string, key: string, joltVersion?: string) => {
    const p = fresh();
    writeImageFile(p, kind, key, payload, joltVersion === undefined ? {} : { joltVersion });
    return p;
  };
  assert.match(expectProblem(other('base', KEY, '0.0.1+0123'), want, 'version'), /written by Jolt 0\.0\.1\+0123/);
  assert.match(expectProblem(other('sysimage', KEY), want, 'kind'), /a sysimage image, not a base image/);
  assert.match(expectProblem(other('base', 'b'.repeat(64)), want, 'key'), /built for key bbbbbbbbbbbbbbbb/);
  // the expected version can be given, as a reader of another version would
  assert.equal(readImageFile(other('base', KEY, '9.9'), { ...want, joltVersion: '9.9' }).ok, true);
});

test('writing leaves no temp file and replaces an existing image', () => {
  const sub = join(dir, 'replace');
  const p = join(sub, 'deep', 'x.img');
  writeImageFile(p, 'base', KEY, new Uint8Array([1, 2, 3]));
  writeImageFile(p, 'base', KEY, new Uint8Array([4, 5]));
  const r = readImageFile(p, { kind: 'base', key: KEY });
  assert.ok(r.ok);
  assert.deepEqual([...r.payload], [4, 5]);
  assert.deepEqual(readdirSync(join(sub, 'deep')), ['x.img']);
});
