import { bench, size } from './harness.js';

// Iterations until |z| > 2 for z -> z^2 + c, at most 80 (written with real and imaginary parts).
function mandel(cr, ci) {
  let zr = cr,
    zi = ci;
  for (let n = 1; n <= 80; n++) {
    if (Math.hypot(zr, zi) > 2.0) return n - 1;
    const r = zr * zr - zi * zi + cr;
    const i = zr * zi + zi * zr + ci;
    zr = r;
    zi = i;
  }
  return 80;
}

// The 26x21 grid re = -2.0:0.1:0.5, im = -1.0:0.1:1.0 (one grid sums to 14791), repeated.
function run(reps) {
  let sum = 0;
  for (let k = 0; k < reps; k++)
    for (let re = -20; re <= 5; re++) for (let im = -10; im <= 10; im++) sum += mandel(re / 10, im / 10);
  return sum;
}

const reps = size(100);
bench('mandel', () => run(reps));
