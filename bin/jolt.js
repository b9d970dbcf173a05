#!/usr/bin/env -S node --stack-size=7000 --experimental-wasm-compilation-hints --min-semi-space-size=16
// Launcher. Jolt needs Node >= 22 (WasmGC, type stripping) and a deeper JS stack than Node's default, because each
// Jolt call nests a few interpreter frames (Julia programs recurse thousands of calls deep). A run is one process:
// - started with --stack-size (the line above, when this file is run as a program): Jolt runs on the main thread;
// - else the program runs in a worker thread whose stack is as deep (a worker costs less than a second Node, and
//   a signal sent to the process reaches Jolt);
// - under Node < 22 only, Jolt re-runs itself under the Node pinned in the project's own dependencies.
// The interactive REPL needs the terminal, which a worker does not have: without --stack-size it re-runs Node too.
import { builtin, joltEntry } from './sources.js';

const nodeModule = await builtin('node:module');
const { dirname, join } = await builtin('node:path');

const STACK_KB = 7000; // under the usual 8 MiB thread stack, leaving room for native frames
const WORKER_STACK_MB = 8; // Node keeps 192 KiB of a worker's stack for native frames: ~7.8 MiB for JS
// compiled code asks V8 for optimized code from the start (src/codegen/compilation_hints.ts); a young generation
// that holds a start's allocations (the decoded Base image, ~20 MB, nearly all of it long-lived) saves the
// scavenges that would copy it twice (docs/ARCHITECTURE.md, "Start-up"). A flag set at run time reaches a worker's
// heap, not the running one's: the #! line above repeats them.
const V8_FLAGS = ['--experimental-wasm-compilation-hints', '--min-semi-space-size=16'];
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

// worker_threads and child_process are imported only on the paths that use them (each costs milliseconds)
async function respawn(node) {
  const { spawnSync } = await builtin('node:child_process');
  const r = spawnSync(node, [`--stack-size=${STACK_KB}`, ...V8_FLAGS, join(here, 'jolt.js'), ...args], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
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
  if (hasStack) await import(joltEntry());
  else {
    const { Worker } = await builtin('node:worker_threads');
    const w = new Worker(join(here, 'worker.js'), {
      argv: args,
      resourceLimits: { stackSizeMb: WORKER_STACK_MB },
    });
    w.on('error', e => {
      process.stderr.write(`ERROR: internal error: ${e?.message ?? String(e)}\n`);
      process.exitCode = 1;
    });
    w.on('exit', code => process.exit(process.exitCode ?? code));
  }
}
