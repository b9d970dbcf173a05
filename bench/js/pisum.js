import { bench, size } from './harness.js';

function run(reps) {
  let sum = 0;
  for (let j = 1; j <= reps; j++) {
    sum = 0;
    for (let k = 1; k <= 10000; k++) sum += 1.0 / (k * k);
  }
  return sum;
}

const reps = size(500);
bench('pisum', () => run(reps));
