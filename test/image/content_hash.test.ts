// The content hash of install keys: MurmurHash3 x86_128 as published (known answers), and field sequences that
// differ never hashing the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { murmur128, ContentHash } from '../../src/image/content_hash.ts';

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
