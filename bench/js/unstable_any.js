import { bench, size, LCG } from './harness.js';

// Type-unstable code: an array of integers, floats and strings, each element passed to a function that branches on
// the element's type. Checksum: the sum (exact: every float is a half-integer, the total far below 2^53).
// Integers and floats are told apart by a wrapper for the floats, as JS has one number type.
class F64 {
  constructor(x) {
    this.x = x;
  }
}

function f(x) {
  if (typeof x === 'number') return x + 1;
  if (x instanceof F64) return 2 * x.x;
  return x.length;
}

function makeData(n) {
  const g = new LCG(42);
  const v = new Array(n);
  for (let i = 0; i < n; i++) {
    const kind = g.next() % 3;
    const k = g.next() % 1000;
    v[i] = kind === 0 ? k : kind === 1 ? new F64(k + 0.5) : 's'.repeat(k % 16);
  }
  return v;
}

function sumf(v) {
  let s = 0;
  for (const x of v) s += f(x);
  return s;
}

const v = makeData(size(100000));
bench('unstable_any', () => sumf(v));
