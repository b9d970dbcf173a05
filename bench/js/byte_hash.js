import { bench, size } from './harness.js';

// FNV-1a (32 bits) over the bytes of a string: UInt8 and UInt32 arithmetic, wrapping, in a byte loop.
function fnv1a(s, h) {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

// 20 passes, each starting from the last one's hash
function run(s) {
  let h = 2166136261;
  for (let r = 1; r <= 20; r++) h = fnv1a(s, h);
  return h;
}

// the numbers 1..n joined by commas, in every language
const S = Array.from({ length: size(100000) }, (_, i) => String(i + 1)).join(',');
bench('byte_hash', () => run(S));
