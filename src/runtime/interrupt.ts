// SIGINT (Ctrl-C, `kill -INT`) as Julia's InterruptException. Jolt runs on one thread that never returns to Node's
// event loop while a program runs, so `process.on('SIGINT')` would fire only after the program ended. Instead
// another thread sees the signal and sets a flag in shared memory, and the running code polls that flag where a
// program may spend unbounded time: the interpreter at every call and backward jump, compiled code at every loop
// header (it imports the same memory), `sleep` while it waits.
//
// Which thread sees the signal (bin/jolt.js starts it and hands over the memory, `globalThis[SIGNAL_MEMORY]`): the
// launcher's idle main thread when the program runs on its worker, else a watcher thread.
import { jthrow } from './errors.ts';
import { flushAll } from './foreign.ts';
import { writeSync } from 'node:fs';
import { exitProcess } from './exit.ts';

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
/** non-zero: a SIGINT arrived that the program has not yet been interrupted by */
export const interruptFlag = new Int32Array(signalMemory.buffer, 0, 1);

export const sigint = {
  /** Julia's `exit_on_sigint`: a script run without -i ends at SIGINT (status 130) rather than raising
   *  InterruptException; code from -e/-E, the REPL and `Base.exit_on_sigint(false)` get the exception */
  exitOnSigint: false,
  /** the `in expression starting at` location for the message printed when exiting */
  where: (): string => '',
};

/** what the running code calls when it finds the flag raised: InterruptException (or the exit Julia makes) */
export function interrupted(): never {
  Atomics.store(interruptFlag, 0, 0);
  if (sigint.exitOnSigint) {
    // as Julia's exit on SIGINT: what was printed is kept, then the signal's report, status 128 + SIGINT
    flushAll();
    const where = sigint.where();
    writeSync(2, `\n[${process.pid}] signal 2: Interrupt\n${where ? `in expression starting at ${where}\n` : ''}`);
    exitProcess(130);
  }
  jthrow('InterruptException');
}

/** Waits up to `ms` milliseconds, or until a SIGINT: `sleep`'s wait. */
export function interruptibleWait(ms: number): void {
  if (ms > 0) Atomics.wait(interruptFlag, 0, 0, ms);
  if (interruptFlag[0] !== 0) interrupted();
}
