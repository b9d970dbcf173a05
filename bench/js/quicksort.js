import { bench, size, LCG } from './harness.js';

// In-place quicksort with the middle element as pivot; recursion on the left part, loop on the right.
function qsort(a, lo, hi) {
  let i = lo,
    j = hi;
  while (i < hi) {
    const pivot = a[(lo + hi) >>> 1];
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (lo < j) qsort(a, lo, j);
    lo = i;
    j = hi;
  }
}

// Indices are 1-based as in the Julia version, so (lo+hi)>>>1 picks the same pivot. Checksum: sum of k*a[k].
function run(n) {
  const a = new Float64Array(n + 1);
  const g = new LCG(42);
  for (let k = 1; k <= n; k++) a[k] = g.float();
  qsort(a, 1, n);
  let s = 0;
  for (let k = 1; k <= n; k++) {
    if (k > 1 && a[k - 1] > a[k]) throw new Error('not sorted');
    s += k * a[k];
  }
  return s;
}

const n = size(1000000);
bench('quicksort', () => run(n));
