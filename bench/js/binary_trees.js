import { bench, size } from './harness.js';

// Allocation-heavy: build complete binary trees and count their nodes (the garbage collector frees them).
class Node {
  constructor(left, right) {
    this.left = left;
    this.right = right;
  }
}

function make(d) {
  return d === 0 ? new Node(null, null) : new Node(make(d - 1), make(d - 1));
}

function check(n) {
  return n.left === null ? 1 : 1 + check(n.left) + check(n.right);
}

// Stretch tree of depth max+1, a long-lived tree of depth max, and 2^(max-d+4) trees of each depth d = 4, 6, ..., max.
// Checksum: the sum of all node counts.
function run(maxd) {
  const mind = 4;
  let total = check(make(maxd + 1));
  const longlived = make(maxd);
  for (let d = mind; d <= maxd; d += 2) {
    const iters = 2 ** (maxd - d + mind);
    for (let i = 0; i < iters; i++) total += check(make(d));
  }
  return total + check(longlived);
}

const maxd = size(14);
bench('binary_trees', () => run(maxd));
