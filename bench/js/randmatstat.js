import { bench, size, LCG } from './harness.js';

// Matrices are column-major arrays; C = A*B for n x n, every entry a dot product in k order.
function matmul(C, A, B, n) {
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A[i + k * n] * B[k + j * n];
      C[i + j * n] = s;
    }
}

// trace((X'X)^4) for an r x c matrix X, using the work arrays G, G2, G4 of size c*c.
function traceGram4(X, r, c, G, G2, G4) {
  for (let j = 0; j < c; j++)
    for (let i = 0; i < c; i++) {
      let s = 0;
      for (let k = 0; k < r; k++) s += X[k + i * r] * X[k + j * r];
      G[i + j * c] = s;
    }
  matmul(G2, G, G, c);
  matmul(G4, G2, G2, c);
  let t = 0;
  for (let i = 0; i < c; i++) t += G4[i + i * c];
  return t;
}

// Sample standard deviation over mean.
function cv(x) {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (x[i] - m) * (x[i] - m);
  return Math.sqrt(v / (n - 1)) / m;
}

// Four random 5x5 blocks a b c d; P = [a b c d] (5x20), Q = [a b; c d] (10x10).
function run(t) {
  const g = new LCG(42);
  const v = new Float64Array(t),
    w = new Float64Array(t);
  const blk = [0, 1, 2, 3].map(() => new Float64Array(25));
  const P = new Float64Array(100),
    Q = new Float64Array(100);
  const G = new Float64Array(400),
    G2 = new Float64Array(400),
    G4 = new Float64Array(400);
  for (let it = 0; it < t; it++) {
    for (let b = 0; b < 4; b++) for (let k = 0; k < 25; k++) blk[b][k] = g.float() - 0.5;
    for (let j = 0; j < 20; j++) for (let i = 0; i < 5; i++) P[i + j * 5] = blk[Math.floor(j / 5)][i + (j % 5) * 5];
    for (let j = 0; j < 10; j++)
      for (let i = 0; i < 10; i++)
        Q[i + j * 10] = blk[Math.floor(i / 5) * 2 + Math.floor(j / 5)][(i % 5) + (j % 5) * 5];
    v[it] = traceGram4(P, 5, 20, G, G2, G4);
    w[it] = traceGram4(Q, 10, 10, G, G2, G4);
  }
  return cv(v) + cv(w);
}

const t = size(1000);
bench('randmatstat', () => run(t));
