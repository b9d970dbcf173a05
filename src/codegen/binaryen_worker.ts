// A worker thread that owns binaryen. binaryen's module initialises asynchronously (top-level await, ~300 ms), and
// Jolt's execution is synchronous, so the compiler talks to binaryen here: the worker loads it once, in parallel
// with the main thread's start-up, and answers each request while the main thread waits on a shared flag.
// A request is a module in WebAssembly text; the answer is its validated, optimized binary (and text on request).
import { parentPort, workerData } from 'node:worker_threads';

export interface CompileRequest {
  text: string;
  optimize: boolean;
  wantText: boolean;
  wantUnoptimizedText: boolean;
  /** functions binaryen must not inline anywhere (self-recursive ones) */
  noInline?: string[];
}
export interface CompileAnswer {
  bytes?: Uint8Array;
  text?: string;
  unoptimizedText?: string;
  error?: string;
  /** per defined function, in the binary's order: whether its optimized body has a loop */
  loops?: boolean[];
  /** the binary's debug locations (function_emitter.ts annotates each call with `;;@ file:line:fid`), from its
   *  source map: triples [byte offset in the module, fid, line], by offset, each in force up to the next; fid -1:
   *  none */
  sites?: Int32Array;
  /** milliseconds binaryen worked on this request (--trace-compile-timing) */
  ms?: number;
}

const flag = new Int32Array(workerData.flag as SharedArrayBuffer);
const port = workerData.port as import('node:worker_threads').MessagePort;
const { default: binaryen } = await import('binaryen');
Atomics.store(flag, 1, 1); // loaded: the main thread may now choose to wait for a compilation
const F = binaryen.Features;
// keep function names (the name section, for @code_native listings and V8's stack frames) and debug locations
binaryen.setDebugInfo(true);
const features =
  F.ReferenceTypes |
  F.ExceptionHandling |
  F.GC |
  F.Multivalue |
  F.BulkMemory |
  F.SignExt |
  F.MutableGlobals |
  F.NontrappingFPToInt |
  F.TailCall |
  F.Atomics; // the shared memory of the SIGINT flag (src/runtime/interrupt.ts)

// binaryen.js takes the features as parseText's second argument; its type declarations omit it
const parseText = binaryen.parseText as (text: string, features: number) => ReturnType<typeof binaryen.parseText>;

const INLINE_MAX_SIZE = 32;

function answer(a: CompileAnswer): void {
  port.postMessage(a);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

port.on('message', (req: CompileRequest) => {
  const t0 = performance.now();
  try {
    const m = parseText(req.text, features); // GC types must be known while parsing
    m.setFeatures(features);
    if (!m.validate()) {
      answer({ error: 'invalid module' });
      m.dispose();
      return;
    }
    const unoptimizedText = req.wantUnoptimizedText ? m.emitText() : undefined;
    // -O2 inlines only functions of 2 instructions or fewer; an array access with its bounds check measures about 30
    for (const name of req.noInline ?? []) {
      binaryen.setPassArgument('no-inline', name);
      m.runPasses(['no-inline']);
    }
    binaryen.clearPassArguments();
    if (req.optimize) {
      binaryen.setOptimizeLevel(2);
      binaryen.setShrinkLevel(0);
      binaryen.setAlwaysInlineMaxSize(INLINE_MAX_SIZE);
      m.optimize();
    }
    // a source map is made only for a non-empty URL (which the binary then names in a custom section after its code)
    const { binary: bytes, sourceMap } = m.emitBinary('jolt.map');
    const text = req.wantText ? m.emitText() : undefined;
    const loops: boolean[] = [];
    for (let k = 0; k < m.getNumFunctions(); k++) {
      const f = binaryen.getFunctionInfo(m.getFunctionByIndex(k));
      if (!f.module) loops.push(binaryen.emitText(f.body).includes('(loop'));
    }
    m.dispose();
    const sites = sourceMap ? sitesOf(sourceMap) : undefined;
    answer({ bytes, text, unoptimizedText, loops, sites, ms: performance.now() - t0 });
  } catch (e) {
    answer({ error: String((e as Error).message ?? e) });
  }
});
parentPort?.postMessage('loaded');

const BASE64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, k) => [c, k]));
/** A source map's mappings as sites (see CompileAnswer). A wasm map has one "line"; its segments are base64 VLQ
 *  deltas of [column = byte offset, source, line, column]; binaryen writes line-1, and our columns are fids. */
function sitesOf(sourceMap: string): Int32Array {
  const mappings = (JSON.parse(sourceMap) as { mappings: string }).mappings;
  const out: number[] = [];
  const acc = [0, 0, 0, 0, 0];
  for (const segment of mappings.split(',')) {
    if (!segment) continue;
    let field = 0,
      value = 0,
      shift = 0;
    for (const c of segment) {
      const d = BASE64.get(c)!;
      value += (d & 31) << shift;
      if (d & 32) {
        shift += 5;
        continue;
      }
      acc[field++] += value & 1 ? -(value >>> 1) : value >>> 1;
      value = 0;
      shift = 0;
    }
    out.push(acc[0]!, field >= 4 ? acc[3]! : -1, acc[2]! + 1);
  }
  return Int32Array.from(out);
}
