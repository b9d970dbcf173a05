import { bench, size } from './harness.js';

// The n-th prime with a closure that tests a candidate against every prime found so far, building the array of
// tests first (as the array comprehension does) and then checking all of them. Checksum: the n-th prime.
function prime(n) {
  let primes;
  const isPrime = k => primes.map(p => k % p > 0).every(b => b);
  primes = [];
  let k = 2;
  while (primes.length < n) {
    if (isPrime(k)) primes.push(k);
    k++;
  }
  return primes[primes.length - 1];
}

const n = size(10001);
bench('unstable_prime', () => prime(n));
