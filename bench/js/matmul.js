import { bench, size, LCG } from './harness.js';

// 200x200 random matrices (column-major), C = A*B with plain loops; checksum: sum of C's entries.
function run(n) {
  const A = new Float64Array(n * n),
    B = new Float64Array(n * n),
    C = new Float64Array(n * n);
  const g = new LCG(42);
  for (let k = 0; k < n * n; k++) A[k] = g.float();
  for (let k = 0; k < n * n; k++) B[k] = g.float();
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A[i + k * n] * B[k + j * n];
      C[i + j * n] = s;
    }
  let sum = 0;
  for (let k = 0; k < n * n; k++) sum += C[k];
  return sum;
}

const n = size(200);
bench('matmul', () => run(n));
