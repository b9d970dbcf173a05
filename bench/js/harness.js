// Timing harness shared by the JavaScript kernels (same protocol as bench/c/harness.h): warm-up runs until 0.5 s has
// passed since the first began (at least one, at most 20), then up to 5 timed runs (stopping once 1 s has been
// spent, after at least one), and one line
// `kernel=NAME time_ms=MIN checksum=VALUE runs=N`. An optional first argument replaces the default problem size.

export function size(def) {
  const a = Number(process.argv[2]);
  return a > 0 ? a : def;
}

// The deterministic generator every language uses: state = (state*1664525 + 1013904223) mod 2^32. All intermediate
// values stay below 2^53, so plain numbers compute it exactly.
export class LCG {
  constructor(seed) {
    this.state = seed;
  }
  next() {
    this.state = (this.state * 1664525 + 1013904223) % 4294967296;
    return this.state;
  }
  float() {
    return this.next() / 4294967296;
  }
}

export function bench(name, f) {
  const w0 = performance.now();
  let c = f();
  for (let w = 1; w < 20 && performance.now() - w0 < 500; w++) c = f();
  let best = Infinity,
    total = 0,
    runs = 0;
  while (runs < 5 && (runs === 0 || total < 1000)) {
    const t0 = process.hrtime.bigint();
    c = f();
    const t = Number(process.hrtime.bigint() - t0) / 1e6;
    best = Math.min(best, t);
    total += t;
    runs++;
  }
  console.log(`kernel=${name} time_ms=${best.toFixed(3)} checksum=${c} runs=${runs}`);
}
