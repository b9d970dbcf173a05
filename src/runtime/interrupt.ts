// SIGINT (Ctrl-C, `kill -INT`) as Julia's InterruptException. Jolt runs on one thread that never returns to Node's
// event loop while a program runs, so `process.on('SIGINT')` would fire only after the program ended. Instead
// another thread sees the signal and sets a flag in shared memory, and the running code polls that flag where a
// program may spend unbounded time: the interpreter at every call and backward jump, compiled code at every loop
// header (it imports the same memory), `sleep` while it waits.
//
// Which thread sees the signal (bin/jolt.js hands over the memory, `globalThis[SIGNAL_MEMORY]`): the launcher's idle
// main thread when the program runs on its worker, else a watcher thread. The same thread raises another bit of the
// flag every MEMORY_TICK_MS, for a look at memory (src/runtime/memory.ts).
//
// The watcher is a Node worker: loading worker_threads and creating it take ~10 ms of this thread, and its boot
// 50-80 ms of CPU on another, more than all of a short run. So it is started once the program has run for
// WATCH_AFTER_MS: until then the flag's WATCH_BIT stays raised, so that the running code's polls come here, and
// every POLLS_PER_LOOK-th poll looks at the clock. Waits start it at once (`sleep`, the compiler's start, the REPL).
// A SIGINT before it is up ends the process as Node's default does (status 130).
import { jthrow } from './errors.ts';
import { flushAll } from './foreign.ts';
import { writeSync } from 'node:fs';
import { exitProcess } from './exit.ts';
import { memoryCheck } from './memory.ts';
import { startStep } from './counters.ts';

interface SharedMemory {
  buffer: SharedArrayBuffer;
}
const WAsm = (globalThis as unknown as { WebAssembly: { Memory: new (d: object) => SharedMemory } }).WebAssembly;

/** where the launcher leaves the memory it watches for (bin/jolt.js, bin/worker.js) */
const SIGNAL_MEMORY = Symbol.for('jolt.signalMemory');
const given = (globalThis as Record<symbol, unknown>)[SIGNAL_MEMORY] as SharedMemory | undefined;

/** the one page of shared wasm memory whose first word is the flag (compiled code imports it as "rt" "signals");
 *  Jolt run without the launcher (in a test's own process) makes its own, which no signal raises */
export const signalMemory: SharedMemory = given ?? new WAsm.Memory({ initial: 1, maximum: 1, shared: true });
/** non-zero: the running code calls `interrupted` (bit SIGINT_BIT: a SIGINT arrived that the program has not yet
 *  been interrupted by; bit MEMORY_BIT: time for a look at memory) */
export const interruptFlag = new Int32Array(signalMemory.buffer, 0, 1);
const SIGINT_BIT = 1;
const MEMORY_BIT = 2;
const WATCH_BIT = 4;
const WATCH_AFTER_MS = 20;
const POLLS_PER_LOOK = 256;

/** the launcher's function that starts the watcher thread, until it is called (bin/jolt.js) */
let startWatcher = (globalThis as Record<symbol, unknown>)[Symbol.for('jolt.startWatcher')] as (() => void) | undefined;
if (startWatcher) Atomics.or(interruptFlag, 0, WATCH_BIT);

let polls = 0;
let firstLook = -1;
/** a poll while the watcher is not started: counts, and now and then looks at the clock (process.uptime: the
 *  `performance` global costs milliseconds to load) */
function pollBeforeWatcher(): void {
  if (++polls % POLLS_PER_LOOK !== 1) return;
  const now = process.uptime() * 1000;
  if (firstLook < 0) firstLook = now;
  else if (now - firstLook >= WATCH_AFTER_MS) ensureWatcher();
}

/** starts the watcher thread if it is not running */
export function ensureWatcher(): void {
  if (!startWatcher) return;
  const start = startWatcher;
  startWatcher = undefined;
  Atomics.and(interruptFlag, 0, ~WATCH_BIT);
  startStep('watcher');
  start();
}

export const sigint = {
  /** Julia's `exit_on_sigint`: a script run without -i ends at SIGINT (status 130) rather than raising
   *  InterruptException; code from -e/-E, the REPL and `Base.exit_on_sigint(false)` get the exception */
  exitOnSigint: false,
  /** the `in expression starting at` location for the message printed when exiting */
  where: (): string => '',
};

/** What the running code calls when it finds the flag raised: for a SIGINT, InterruptException (or the exit Julia
 *  makes); for a look at memory, OutOfMemoryError when it is exhausted, else it returns. */
export function interrupted(): void {
  if (interruptFlag[0] === WATCH_BIT) return pollBeforeWatcher();
  const bits = Atomics.exchange(interruptFlag, 0, 0);
  if (bits & WATCH_BIT) {
    Atomics.or(interruptFlag, 0, WATCH_BIT);
    pollBeforeWatcher();
  }
  if (!(bits & SIGINT_BIT)) {
    if (bits & MEMORY_BIT) memoryCheck();
    return;
  }
  if (sigint.exitOnSigint) {
    // as Julia's exit on SIGINT: what was printed is kept, then the signal's report, status 128 + SIGINT
    flushAll();
    const where = sigint.where();
    writeSync(2, `\n[${process.pid}] signal 2: Interrupt\n${where ? `in expression starting at ${where}\n` : ''}`);
    exitProcess(130);
  }
  jthrow('InterruptException');
}

/** Waits up to `ms` milliseconds, or until a SIGINT: `sleep`'s wait. (A look at memory raises the flag without
 *  waking the wait; one raised before it is made, and the wait goes on.) */
export function interruptibleWait(ms: number): void {
  ensureWatcher();
  const end = performance.now() + ms;
  for (;;) {
    if (interruptFlag[0] !== 0) interrupted();
    const left = end - performance.now();
    if (left <= 0) return;
    Atomics.wait(interruptFlag, 0, 0, left);
  }
}
