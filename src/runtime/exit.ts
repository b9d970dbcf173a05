// Ending the process. `process.exit` first stops and joins every worker thread, and stopping binaryen's worker took
// 0.8-1.4 s (tearing down its heap, or waiting out the load or compilation it is in, native work that V8's
// termination does not interrupt). Once that worker was started, the process is ended at once instead, by replacing
// its image with a shell that exits with the same status (the kernel ends the other threads); Jolt's output is
// written synchronously before, so none is lost.
import { existsSync } from 'node:fs';

export const exitState = {
  /** whether a worker thread was started whose stop delays an exit (set by src/codegen/jit.ts) */
  slowExit: false,
};

/** what runs as the process ends, once, however it ends (`atExit`) */
const exitHooks: (() => void)[] = [];

/** Runs `fn` once as the process ends: on its 'exit' event, or before `exitProcess` ends it from a worker thread,
 *  where the launcher's thread may end the process before the worker's own 'exit' event has run. */
export function atExit(fn: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    fn();
  };
  exitHooks.push(once);
  process.on('exit', once);
}

type Execve = (file: string, args: string[]) => never;

/** Ends the process with status `code`, without waiting for binaryen's worker thread to stop. */
export function exitProcess(code: number): never {
  if (exitState.slowExit) {
    const threads = process.getBuiltinModule('node:worker_threads');
    const execve = (process as unknown as { execve?: Execve }).execve;
    if (!threads.isMainThread) {
      process.exitCode = code;
      for (const hook of exitHooks) hook();
      // Jolt runs on the launcher's worker: the launcher's thread ends the process (bin/jolt.js) while this one
      // stops
      threads.parentPort?.postMessage({ joltExit: code });
    } else if (execve && existsSync('/bin/sh')) {
      process.exitCode = code;
      process.emit('exit', code);
      execve('/bin/sh', ['/bin/sh', '-c', `exit ${code}`]);
    }
  }
  process.exit(code);
}
