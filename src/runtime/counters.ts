// Counts of the compiler's work in this process. `JOLT_STATS=1` prints them when jolt exits; the tests read them to
// prove what a start from a session image does not do (parse or lower Base, infer, run binaryen).
export const workCounters = {
  /** texts parsed (files, -e code, include_string, Meta.parse) and their length */
  parses: 0,
  parsedChars: 0,
  /** toplevel statements and method bodies lowered */
  lowerings: 0,
  /** method instances inferred */
  inferred: 0,
  /** modules compiled by binaryen */
  binaryen: 0,
  /** calls of the program's own methods with a loop that the native tier left to the typed tier (each may run long:
   *  code installed later cannot take over the call) */
  typedLoops: 0,
  /** CodeInstances taken from the code store (precompile caches, earlier runs of a script) */
  cachedInstances: 0,
};

/** When each step of a start ended, in ms since the process started (`JOLT_STATS=1` prints them too): where a
 *  start's time goes, without a profiler. */
export const startTimes: Record<string, number> = {};
export function startStep(name: string): void {
  // process.uptime, not performance.now: the `performance` global is loaded at its first use (~5 ms of a start)
  startTimes[name] = Math.round(process.uptime() * 10000) / 10;
}
