#!/usr/bin/env -S node --stack-size=7000 --experimental-wasm-compilation-hints --min-semi-space-size=16
// Launcher. Jolt needs Node >= 22 (WasmGC, type stripping) and a deeper JS stack than Node's default, because each
// Jolt call nests a few interpreter frames (Julia programs recurse thousands of calls deep). A run is one process:
// - started with --stack-size (the line above, when this file is run as a program): Jolt runs on the main thread;
// - else the program runs in a worker thread whose stack is as deep (a worker costs less than a second Node, and
//   a signal sent to the process reaches Jolt);
// - under Node < 22 only, Jolt re-runs itself under the Node pinned in the project's own dependencies.
// The interactive REPL needs the terminal, which a worker does not have: without --stack-size it re-runs Node too.
import { builtin, startJolt } from './sources.js';

const nodeModule = await builtin('node:module');
const { dirname, join } = await builtin('node:path');

const STACK_KB = 7000; // under the usual 8 MiB thread stack, leaving room for native frames
const WORKER_STACK_MB = 8; // Node keeps 192 KiB of a worker's stack for native frames: ~7.8 MiB for JS
// compiled code asks V8 for optimized code from the start (src/codegen/compilation_hints.ts); a young generation
// that holds a start's allocations (the decoded Base image, ~20 MB, nearly all of it long-lived) saves the
// scavenges that would copy it twice (docs/ARCHITECTURE.md, "Start-up"). A flag set at run time reaches a worker's
// heap, not the running one's: the #! line above repeats them.
const V8_FLAGS = ['--experimental-wasm-compilation-hints', '--min-semi-space-size=16'];
// The heap is sized to the machine (V8's own limit is about 4 GB whatever the memory): three quarters of what the
// machine, or the process's control group, has. This is read as Node starts: a restarted Node is given it, a worker
// its figure (unless Node was given a size of its own). The #! line cannot carry it: the `node` it finds first may
// be older than 22 (which then re-runs Jolt under the pinned Node, given the option), and such a Node rejects the
// option before this file runs. So Jolt on the #! line's own Node keeps V8's default limit.
const HEAP_PERCENT = 75;
const heapFlag = `--max-old-space-size-percentage=${HEAP_PERCENT}`;
// every MEMORY_TICK_MS, the thread that watches for SIGINT also raises the flag's memory bit (2): the running program
// then looks at its memory (src/runtime/memory.ts)
const MEMORY_TICK_MS = 50;
const here = import.meta.dirname ?? dirname((await builtin('node:url')).fileURLToPath(import.meta.url)); // Node < 20.11
const major = Number(process.versions.node.split('.')[0]);
const args = process.argv.slice(2);
const hasStack = process.execArgv.some(a => a.startsWith('--stack-size'));
// the REPL starts when there is neither `-e`/`-E` code nor a file (an argument not starting with `-`, or `-`
// itself, that is no option's value), or with -i
const withValue = new Set(['-L', '--load', '-J', '--sysimage', '--trace-compile']);
const program = (() => {
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (withValue.has(a)) k++;
    else if (a === '-e' || a === '--eval' || a === '-E' || a === '--print' || a === '-' || !a.startsWith('-'))
      return true;
  }
  return false;
})();
const repl = !program || args.includes('-i') || args.includes('--interactive');

// the watcher thread's code (flag: the shared memory's first word; it waits on the second, which stays 0, for the
// time between two memory ticks; a SIGINT stops the script, sets bit 1 and wakes a sleep; a tick sets bit 2 and wakes
// nothing). The ticks run inside the script, so that the watcher is outside it (where SIGINT would end the process)
// only just after a SIGINT.
const SIGINT_WATCHER = `
const flag = new Int32Array(require('node:worker_threads').workerData, 0, 2);
const watch = 'for (;;) { Atomics.wait(flag, 1, 0, ${MEMORY_TICK_MS}); Atomics.or(flag, 0, 2); }';
const script = new (require('node:vm').Script)(watch);
globalThis.flag = flag;
for (;;) {
  try { script.runInThisContext({ breakOnSigint: true }); } catch { Atomics.or(flag, 0, 1); Atomics.notify(flag, 0); }
}`;

// worker_threads (which loads all of node:stream) and child_process are imported only on the paths that use them
// (each costs milliseconds)
async function respawn(node) {
  const { spawn } = await builtin('node:child_process');
  const child = spawn(node, [`--stack-size=${STACK_KB}`, ...V8_FLAGS, heapFlag, join(here, 'jolt.js'), ...args], {
    stdio: 'inherit',
  });
  // a signal sent to this process is meant for the program: it is passed on, and this one ends as the child did
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => {
    if (signal === null) process.exit(code ?? 1);
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  });
}

// (process.getBuiltinModule, which Jolt's code uses, came in Node 22.3)
if (major < 22 || !process.getBuiltinModule) {
  const require = nodeModule.createRequire(import.meta.url);
  let node;
  try {
    node = join(dirname(require.resolve('node/package.json')), 'bin', 'node');
  } catch {
    console.error('jolt: Node >= 22 is required; run `npm ci` to install the pinned Node');
    process.exit(1);
  }
  await respawn(node);
} else if (!hasStack && repl) {
  await respawn(process.execPath);
} else {
  // V8 reads the wasm feature flags when it compiles a module, so setting them now (before any wasm) is in time;
  // they are process-wide, so a worker has them too (node:v8 is loaded only when a flag is missing)
  const missing = V8_FLAGS.filter(f => !process.execArgv.includes(f));
  if (missing.length) {
    const { setFlagsFromString } = await builtin('node:v8');
    for (const f of missing) setFlagsFromString(f);
  }
  // V8's code cache on disk for Jolt's own modules: start-up skips recompiling (and re-stripping) them
  nodeModule.enableCompileCache?.();
  // SIGINT raises a flag in shared memory that the running program polls (src/runtime/interrupt.ts); Jolt finds the
  // memory under this symbol
  const signals = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
  const flag = new Int32Array(signals.buffer, 0, 1);
  if (hasStack) {
    // Jolt runs on this thread and does not return to the event loop while a program runs, and Node delivers no
    // signal to a worker's process.on: a watcher thread waits in a script run with breakOnSigint, which SIGINT
    // stops, raises the flag and waits again. Jolt starts it when the program starts (src/runtime/interrupt.ts):
    // its boot costs more CPU than a short run.
    globalThis[Symbol.for('jolt.startWatcher')] = () =>
      new (process.getBuiltinModule('node:worker_threads').Worker)(SIGINT_WATCHER, {
        eval: true,
        name: 'jolt-sigint',
        workerData: signals.buffer,
      }).unref();
    globalThis[Symbol.for('jolt.signalMemory')] = signals;
    await startJolt();
  } else {
    // this thread stays idle while the program runs on the worker: SIGINT reaches it
    process.on('SIGINT', () => {
      Atomics.or(flag, 0, 1);
      Atomics.notify(flag, 0);
    });
    setInterval(() => Atomics.or(flag, 0, 2), MEMORY_TICK_MS).unref();
    const resourceLimits = { stackSizeMb: WORKER_STACK_MB };
    if (!process.execArgv.some(a => a.startsWith('--max-old-space-size'))) {
      const os = await builtin('node:os');
      const limit = process.constrainedMemory?.() ?? 0;
      const memory = limit > 0 && limit < os.totalmem() ? limit : os.totalmem();
      resourceLimits.maxOldGenerationSizeMb = Math.floor((memory / 2 ** 20) * (HEAP_PERCENT / 100));
    }
    const { Worker } = await builtin('node:worker_threads');
    const w = new Worker(join(here, 'worker.js'), { argv: args, workerData: { signals }, resourceLimits });
    w.on('error', e => {
      // (a heap exhausted between two looks at memory: the worker is stopped, what it had not written is lost)
      if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') process.stderr.write('ERROR: OutOfMemoryError()\n');
      else process.stderr.write(`ERROR: internal error: ${e?.message ?? String(e)}\n`);
      process.exitCode = 1;
    });
    w.on('exit', code => process.exit(process.exitCode ?? code));
    // Jolt asks this thread to end the process when a thread of its own may hold up an exit (src/runtime/exit.ts)
    w.on('message', m => {
      if (typeof m?.joltExit !== 'number') return;
      process.exitCode = m.joltExit;
      try {
        process.execve?.('/bin/sh', ['/bin/sh', '-c', `exit ${m.joltExit}`]);
      } catch {
        // no shell: the worker's own exit ends the process, later
      }
    });
  }
}
