// The hashes of images: MurmurHash3 x86_128 and x86_32 as published (known answers), field sequences that differ
// never hashing the same, and the checksum seeing every flipped byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { murmur128, murmur32, ContentHash } from '../../src/image/content_hash.ts';

const hex = (h: Uint32Array): string =>
  Array.from(h, w => [0, 8, 16, 24].map(s => ((w >>> s) & 255).toString(16).padStart(2, '0')).join('')).join('');
const enc = new TextEncoder();

test('murmur128 gives the published MurmurHash3 x86_128 values (seed 0, every tail length)', () => {
  const cases: [Uint8Array, string][] = [
    [enc.encode(''), '00000000000000000000000000000000'],
    [enc.encode('a'), '3c9394a71bb056551bb056551bb05655'],
    [enc.encode('hello world'), '881ab2c0e1c1f3141a150d1c2c9e0c9b'],
    [enc.encode('The quick brown fox jumps over the lazy dog'), 'c383152f672ceeec6cf67b5d2c1de9e5'],
    [Uint8Array.from({ length: 40 }, (_, i) => i), 'a96edd71e3e6d933da5cb10acf0d09a9'],
  ];
  for (const [data, want] of cases) {
    const h = new Uint32Array(4);
    murmur128(data, h);
    assert.equal(hex(h), want, `${data.length} bytes`);
  }
});

test('ContentHash: deterministic, 32 hex digits, and sensitive to every field and to field boundaries', () => {
  const digest = (fields: string[]): string => fields.reduce((h, f) => h.field(f), new ContentHash()).digest();
  fc.assert(
    fc.property(fc.array(fc.string(), { maxLength: 6 }), fc.array(fc.string(), { maxLength: 6 }), (a, b) => {
      const da = digest(a);
      assert.match(da, /^[0-9a-f]{32}$/);
      assert.equal(digest(a), da);
      if (JSON.stringify(a) !== JSON.stringify(b)) assert.notEqual(digest(b), da);
    }),
  );
  // the same bytes split differently
  assert.notEqual(digest(['ab', 'c']), digest(['a', 'bc']));
  assert.notEqual(digest(['', 'x']), digest(['x', '']));
  assert.notEqual(digest(['x']), digest(['x', '']));
});

test('murmur32 gives the published MurmurHash3 x86_32 values (seed 0), aligned or not', () => {
  const cases: [string, number][] = [
    ['', 0],
    ['a', 1009084850],
    ['ab', 2613040991],
    ['abc', 3017643002],
    ['abcd', 1139631978],
    ['hello world', 1586663183],
    ['The quick brown fox jumps over the lazy dog', 776992547],
  ];
  for (const [s, want] of cases) {
    assert.equal(murmur32(enc.encode(s)), want, s);
    assert.equal(murmur32(enc.encode('_' + s).subarray(1)), want, `${s}, unaligned`);
  }
});

test('murmur32 sees every change within one word', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 1, maxLength: 64 }),
      fc.nat(),
      fc.integer({ min: 1, max: 255 }),
      (b, at, x) => {
        const i = at % b.length;
        const c = b.slice();
        c[i]! ^= x;
        assert.notEqual(murmur32(c), murmur32(b));
      },
    ),
  );
});
