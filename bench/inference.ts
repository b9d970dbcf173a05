// Inference throughput: every method of Base inferred (and optimized) at its declared signature, in a fresh
// session each run; prints the time per MethodInstance (the minimum over runs) and how many frames that took.
// Usage: node --stack-size=7000 bench/inference.ts [runs]
import { createSession } from '../src/engine.ts';
import { inferAllMethods } from '../src/inference/survey.ts';
import { inferenceStats } from '../src/inference/typeinfer.ts';

const runs = Number(process.argv[2] ?? 3);
let best = Infinity,
  methods = 0,
  instances = 0,
  frames = 0;
for (let k = 0; k < runs; k++) {
  const s = createSession(); // a fresh Base: nothing inferred yet (inference caches live on its methods)
  const f0 = inferenceStats.frames;
  const r = inferAllMethods(s.Base);
  if (r.failures.length) {
    console.log(
      `inference fails on ${r.failures.length} methods, first: ${r.failures[0]!.method}: ${r.failures[0]!.error}`,
    );
    process.exit(1);
  }
  const per = r.ms / Math.max(1, r.instances);
  if (per < best) {
    best = per;
    methods = r.methods;
    instances = r.instances;
    frames = inferenceStats.frames - f0;
  }
}
console.log(
  `inference=base methods=${methods} instances=${instances} frames=${frames} us_per_instance=${(best * 1000).toFixed(1)} total_ms=${(best * instances).toFixed(1)}`,
);
