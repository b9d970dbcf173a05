// The hash that content keys are made of: MurmurHash3's x86 128-bit function, chained over a sequence of byte
// strings. It runs at every start over Jolt's install tree, where loading node:crypto for a sha256 would cost more
// than the hashing itself (5-10 ms of a ~200 ms start); a content key only has to tell honest trees apart, never
// resist someone crafting a collision, so a fast non-cryptographic hash of 128 bits is enough.

const C1 = 0x239b961b,
  C2 = 0xab0e9789,
  C3 = 0x38b34ae5,
  C4 = 0xa1e38b93;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** MurmurHash3 x86_128 of `data` with the four 32-bit seeds in `h` (which it replaces with the result) */
export function murmur128(data: Uint8Array, h: Uint32Array): void {
  let h1 = h[0]!,
    h2 = h[1]!,
    h3 = h[2]!,
    h4 = h[3]!;
  const len = data.length;
  const blocks = len & ~15;
  const word = (i: number): number => data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
  for (let i = 0; i < blocks; i += 16) {
    let k1 = word(i),
      k2 = word(i + 4),
      k3 = word(i + 8),
      k4 = word(i + 12);
    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  // the last 0-15 bytes, as the little-endian words k1..k4 of a zero-padded block
  const k = [0, 0, 0, 0];
  for (let i = blocks; i < len; i++) k[(i - blocks) >> 2]! |= data[i]! << (8 * ((i - blocks) & 3));
  const rest = len - blocks;
  if (rest > 12) h4 ^= Math.imul(rotl(Math.imul(k[3]!, C4), 18), C1);
  if (rest > 8) h3 ^= Math.imul(rotl(Math.imul(k[2]!, C3), 17), C4);
  if (rest > 4) h2 ^= Math.imul(rotl(Math.imul(k[1]!, C2), 16), C3);
  if (rest > 0) h1 ^= Math.imul(rotl(Math.imul(k[0]!, C1), 15), C2);
  h1 ^= len;
  h2 ^= len;
  h3 ^= len;
  h4 ^= len;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h[0] = h1;
  h[1] = h2;
  h[2] = h3;
  h[3] = h4;
}

/** A 128-bit hash of a sequence of fields: each field is hashed with the state so far as its seed, and a field's
 *  length is part of its hash, so no two different sequences of fields give the same stream. */
export class ContentHash {
  private readonly h = new Uint32Array([0x4a6f6c74, 0x6b657973, 0x9e3779b9, 0x7f4a7c15]);
  field(data: string | Uint8Array): this {
    murmur128(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, this.h);
    return this;
  }
  /** 32 hex digits */
  digest(): string {
    return Array.from(this.h, w => w.toString(16).padStart(8, '0')).join('');
  }
}
