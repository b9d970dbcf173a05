import { bench, size } from './harness.js';

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

const n = size(32);
bench('fib', () => fib(n));
