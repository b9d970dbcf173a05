import { bench, size, LCG } from './harness.js';

// Hex round trip of random 32-bit numbers: format with base 16, parse back, check, and sum.
function run(n) {
  const g = new LCG(42);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = g.next();
    const s = x.toString(16);
    const m = parseInt(s, 16);
    if (m !== x) throw new Error('parse mismatch');
    sum += m + s.length;
  }
  return sum;
}

const n = size(100000);
bench('parse_int', () => run(n));
