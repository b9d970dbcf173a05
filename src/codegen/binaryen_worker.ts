// A worker thread that owns binaryen. binaryen's module initialises asynchronously (top-level await, ~300 ms), and
// Jolt's execution is synchronous, so the compiler talks to binaryen here: the worker loads it once, in parallel
// with the main thread's start-up, and answers each request while the main thread waits on a shared flag.
// A request is a module in WebAssembly text; the answer is its validated, optimized binary (and text on request).
import { parentPort, workerData } from 'node:worker_threads';

export interface CompileRequest { text: string; optimize: boolean; wantText: boolean; wantUnoptimizedText: boolean; }
export interface CompileAnswer {
  bytes?: Uint8Array; text?: string; unoptimizedText?: string; error?: string;
  /** per defined function, in the binary's order: whether its optimized body has a loop */
  loops?: boolean[];
}

const flag = new Int32Array(workerData.flag as SharedArrayBuffer);
const port = workerData.port as import('node:worker_threads').MessagePort;
const { default: binaryen } = await import('binaryen');
Atomics.store(flag, 1, 1);   // loaded: the main thread may now choose to wait for a compilation
const F = binaryen.Features;
binaryen.setDebugInfo(true);   // keep function names (the name section), for @code_native listings
const features = F.ReferenceTypes | F.ExceptionHandling | F.GC | F.Multivalue | F.BulkMemory | F.SignExt | F.MutableGlobals | F.NontrappingFPToInt | F.TailCall;

function answer(a: CompileAnswer): void {
  port.postMessage(a);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

port.on('message', (req: CompileRequest) => {
  try {
    const m = binaryen.parseText(req.text);
    m.setFeatures(features);
    if (!m.validate()) { answer({ error: 'invalid module' }); m.dispose(); return; }
    const unoptimizedText = req.wantUnoptimizedText ? m.emitText() : undefined;
    if (req.optimize) { binaryen.setOptimizeLevel(2); binaryen.setShrinkLevel(0); m.optimize(); }
    const bytes = m.emitBinary();
    const text = req.wantText ? m.emitText() : undefined;
    const loops: boolean[] = [];
    for (let k = 0; k < m.getNumFunctions(); k++) {
      const f = binaryen.getFunctionInfo(m.getFunctionByIndex(k));
      if (!f.module) loops.push(binaryen.emitText(f.body).includes('(loop'));
    }
    m.dispose();
    answer({ bytes, text, unoptimizedText, loops });
  } catch (e) {
    answer({ error: String((e as Error).message ?? e) });
  }
});
parentPort?.postMessage('loaded');
