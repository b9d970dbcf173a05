// Time the main thread spends compiling (inference, codegen, waiting for binaryen, instantiating modules), for the
// "% compilation time" part of `@time`. Nested phases count once: only the outermost one adds its span.
import { registerForeign } from './foreign.ts';
import { utf8Encode } from './utf8.ts';

let depth = 0;
let start = 0;
export const compileTimer = { ms: 0 };

export function timeCompile<R>(phase: () => R): R {
  if (depth++ === 0) start = performance.now();
  try {
    return phase();
  } finally {
    if (--depth === 0) compileTimer.ms += performance.now() - start;
  }
}

registerForeign('jl_cumulative_compile_time_ms', () => compileTimer.ms);
// `@time`'s line: the seconds with six decimals right-aligned in ten columns, then the compilation share if any.
// (Allocation counts are not tracked, so that part of Julia's line is left out.)
registerForeign('jl_time_string', ([elapsedNs, compileMs]) => {
  const ns = Number(elapsedNs as bigint);
  const secs = (ns / 1e9).toFixed(6).padStart(10);
  const c = compileMs as number;
  return utf8Encode(
    c > 0 && ns > 0
      ? `${secs} seconds (${Math.min(100, (100 * c * 1e6) / ns).toFixed(2)}% compilation time)`
      : `${secs} seconds`,
  );
});
