// Running out of memory as Julia's OutOfMemoryError. V8 ends the process ("FATAL ERROR: Reached heap limit") when
// its heap is full, with no exception a program could catch and without writing what Jolt had buffered. So the
// running program looks at its memory every 50 ms (bin/jolt.js's MEMORY_TICK_MS: the launcher raises a bit of the
// shared flag that the running code already polls, src/runtime/interrupt.ts) and raises OutOfMemoryError itself,
// before V8 dies, when
//  - the JS heap (WebAssembly GC objects included) is nearly at its limit, which bin/jolt.js sizes to the machine;
//  - or the process's resident memory (typed arrays are outside the JS heap) nearly fills the machine.
// Garbage counts in both until a collection, so a first sign is checked again after a full collection.
// What was printed is written out once the heap is half full: if V8 still dies (memory taken between two looks),
// the output is not lost.
import { jthrow } from './errors.ts';
import { flushAll } from './foreign.ts';

/** the share of the heap limit, or of the machine's memory, whose use (after a full collection) is out of memory:
 *  V8 ends the process when its collections free little with the old generation past 80% of its limit */
const FULL = 0.75;
/** a collection forced to confirm a first sign takes at most this share of the time: the next one waits for
 *  (1 / share - 1) times the last one's duration */
const FORCED_SHARE = 0.25;

const MB = 2 ** 20;
let machine = 0;
let nextForced = -Infinity;
let collect: (() => void) | undefined;

/** the memory this process may use: the machine's, or its control group's limit when lower */
function machineMemory(): number {
  if (!machine) {
    const limit = process.constrainedMemory();
    const total = process.getBuiltinModule('node:os').totalmem();
    machine = limit > 0 && limit < total ? limit : total;
  }
  return machine;
}

/** a full collection now (V8's `gc`, made reachable the first time it is needed) */
function fullCollection(): void {
  if (!collect) {
    process.getBuiltinModule('node:v8').setFlagsFromString('--expose-gc');
    collect = process.getBuiltinModule('node:vm').runInNewContext('gc') as () => void;
  }
  collect();
}

let oldLimit = 0;
/** the old generation's limit in bytes, which V8 does not report (its heap limit adds the young generation's
 *  reserve, a few hundred MB): the size or share of memory Node was given, or the one bin/jolt.js gave its worker
 *  (a worker reports one even when none was given, so it comes second), else the heap limit less a young
 *  generation's reserve */
function oldGenerationLimit(): number {
  if (!oldLimit) {
    const worker = process.getBuiltinModule('node:worker_threads');
    const given = worker.isMainThread ? 0 : (worker.resourceLimits.maxOldGenerationSizeMb ?? 0);
    let size = 0;
    let percent = 0;
    for (const a of process.execArgv) {
      const m = /^--max-old-space-size(-percentage)?=(\d+(?:\.\d+)?)$/.exec(a);
      if (m && m[1]) percent = Number(m[2]);
      else if (m) size = Number(m[2]);
    }
    const heap = process.getBuiltinModule('node:v8').getHeapStatistics().heap_size_limit;
    oldLimit =
      size > 0 ? size * MB : percent > 0 ? (percent / 100) * machineMemory() : given > 0 ? given * MB : heap - 256 * MB;
  }
  return oldLimit;
}

/** the share of its limit that the old generation uses, or of the machine's memory that the process does,
 *  whichever is higher */
function usage(): { used: number; full: boolean; half: boolean } {
  let old = 0;
  for (const sp of process.getBuiltinModule('node:v8').getHeapSpaceStatistics())
    if (!sp.space_name.startsWith('new_')) old += sp.space_used_size;
  const used = Math.max(old / oldGenerationLimit(), process.memoryUsage.rss() / machineMemory());
  return { used, full: used > FULL, half: used > 0.5 };
}

/** The periodic look (from `interrupted`): throws OutOfMemoryError when memory is exhausted. */
export function memoryCheck(): void {
  const u = usage();
  if (u.half) flushAll();
  if (!u.full) return;
  const start = performance.now();
  if (start < nextForced) return;
  fullCollection();
  const end = performance.now();
  nextForced = end + (end - start) * (1 / FORCED_SHARE - 1);
  if (usage().full) jthrow('OutOfMemoryError');
}

/** the heap's and the machine's size in MB (`JOLT_STATS=1` prints them: a test checks that the heap is sized to the
 *  machine) */
export function memorySizes(): { heapLimitMB: number; oldLimitMB: number; machineMB: number } {
  const heap = process.getBuiltinModule('node:v8').getHeapStatistics().heap_size_limit;
  return {
    heapLimitMB: Math.round(heap / MB),
    oldLimitMB: Math.round(oldGenerationLimit() / MB),
    machineMB: Math.round(machineMemory() / MB),
  };
}
