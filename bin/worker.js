// The worker thread that bin/jolt.js starts when Node was not given a deep enough stack: Jolt itself.
import { builtin, startJolt } from './sources.js';

(await builtin('node:module')).enableCompileCache?.();
// the shared memory whose flag the launcher raises at SIGINT (src/runtime/interrupt.ts)
globalThis[Symbol.for('jolt.signalMemory')] = (await builtin('node:worker_threads')).workerData?.signals;
await startJolt({ onWorker: true });
