import { bench, size, LCG } from './harness.js';

// A Map from strings to integers, floats and strings; a generic function weighs each value by its type. Checksum:
// the sum (integers and half-integers far below 2^53, so the iteration order does not change it). Floats are
// wrapped, as JS has one number type.
class F64 {
  constructor(x) {
    this.x = x;
  }
}

function weight(x) {
  if (typeof x === 'number') return x;
  if (x instanceof F64) return x.x;
  return x.length;
}

function makeDict(n) {
  const g = new LCG(42);
  const d = new Map();
  for (let i = 1; i <= n; i++) {
    const kind = g.next() % 3;
    const k = g.next() % 1000;
    d.set('k' + i, kind === 0 ? k : kind === 1 ? new F64(k + 0.5) : 's'.repeat(k % 16));
  }
  return d;
}

function sumValues(d) {
  let s = 0;
  for (const [, v] of d) s += weight(v);
  return s;
}

const d = makeDict(size(100000));
bench('unstable_dict', () => sumValues(d));
