// The fuzzer's in-process runner (a worker thread of scripts/fuzz.ts): one Jolt session in one execution mode runs
// program after program, each in a fresh Main, its output captured instead of written. Starting a Jolt process per
// program costs a second or more; a run here costs what the program costs.
import { parentPort, workerData } from 'node:worker_threads';
import { startSession, runProgram, flushAll, ProgramExit, type Session } from '../src/engine.ts';
import { enableTypedTier } from '../src/inference/execute.ts';
import { enableNativeTier } from '../src/codegen/jit.ts';
import { registerForeign, stdio } from '../src/runtime/foreign.ts';
import { newModule } from '../src/interpreter/toplevel.ts';
import { bindConst } from '../src/runtime/bootstrap.ts';
import { sym } from '../src/runtime/values.ts';

export interface FuzzJob {
  text: string;
  file: string;
}
export interface FuzzResult {
  status: number;
  stdout: string;
  stderr: string;
}

const mode = (workerData as { mode: string }).mode;
const session: Session = startSession(() => {});
if (mode !== 'no') enableTypedTier();
if (mode === 'yes' || mode === 'all') enableNativeTier(mode === 'all');
const captured: Buffer[][] = [[], [], []];
stdio.sink = (fd, data) => void captured[fd]!.push(data);
registerForeign('jl_exit', ([n]) => {
  flushAll();
  throw new ProgramExit(Number(n as bigint));
});

parentPort!.on('message', (job: FuzzJob) => {
  captured[1] = [];
  captured[2] = [];
  const Main = newModule(sym('Main'), null);
  bindConst(session.Base, 'Main', Main);
  let status: number;
  try {
    status = runProgram({ ...session, Main }, job.text, job.file);
  } catch (e) {
    if (!(e instanceof ProgramExit)) throw e;
    status = e.status;
  }
  flushAll();
  const text = (fd: number) => Buffer.concat(captured[fd]!).toString('latin1');
  parentPort!.postMessage({ status, stdout: text(1), stderr: text(2) } satisfies FuzzResult);
});
parentPort!.postMessage('ready');
