// Compiled frames in Jolt backtraces. Compiled code has no exception handlers. A JoltThrow made while compiled code
// runs captures the JS stack (values.ts), and when it leaves a stretch of compiled code (jit.ts callCompiled) that
// stretch's frames are put in its backtrace: V8 names each wasm frame's module and function and gives the byte
// offset of the call in progress, and the module's source map (binaryen_worker.ts) gives the `;;@ file:line:fid`
// annotation of that call (function_emitter.ts). A call in code binaryen inlined names the inlined function; the
// chain of calls that led there from the function of the physical frame is found in the module's static calls
// (ModuleBuilder.callLines).
//
// A module's debug tables are kept by its name: a module's name is derived from its content (ModuleBuilder.text),
// so two modules of one name have the same bytes and the same tables.
import { JoltThrow, type StackFrame, type NativeTrace } from '../runtime/values.ts';
import { liveBacktrace } from '../runtime/errors.ts';
import type { FrameInfo } from './module_builder.ts';

/** What maps a module's wasm frames to Jolt frames, as plain data (a LinkableModule carries it). */
export interface ModuleDebugData {
  /** each function's frame, by fid (the third number of its calls' `;;@` annotations) */
  frames: FrameInfo[];
  /** the binary's debug locations: [byte offset, fid, line] triples by offset (binaryen_worker.ts sitesOf) */
  sites: Int32Array;
  /** how far the instantiated module's code lies past the offsets binaryen wrote (the compilation hints section
   *  goes before the code) */
  shift: number;
  /** for calls to the module's functions: callee name -> [caller fid, the caller's line at those calls][]
   *  (ModuleBuilder.callLines) */
  callLines: [string, [number, number][]][];
}

/** a module's debug data made ready for lookups */
interface ModuleDebug {
  frames: FrameInfo[];
  sites: Int32Array;
  shift: number;
  callLines: Map<string, Map<number, number>>;
  /** fid by wasm function name */
  byName: Map<string, number>;
}
/** instantiated modules by name (the name is in the URL V8 gives their frames) */
const moduleDebug = new Map<string, ModuleDebug>();

/** Makes the frames of module `name` known to backtraces (at its instantiation). */
export function registerModuleDebug(name: string, d: ModuleDebugData): void {
  if (moduleDebug.has(name)) return; // the same name: the same bytes, the same tables
  moduleDebug.set(name, {
    frames: d.frames,
    sites: d.sites,
    shift: d.shift,
    callLines: new Map(d.callLines.map(([callee, lines]) => [callee, new Map(lines)])),
    byName: new Map(d.frames.map((f, fid) => [f.name, fid])),
  });
}

/** the stack captured when `e` was made, as structured frames (formatted now, on first use) */
function nativeTrace(e: JoltThrow): NativeTrace {
  let sites: unknown;
  if (e.jsStack) {
    const prepare = Error.prepareStackTrace;
    Error.prepareStackTrace = (_e, callSites) => callSites;
    sites = (e.jsStack as { stack?: unknown }).stack;
    Error.prepareStackTrace = prepare;
  }
  return { sites: Array.isArray(sites) ? (sites as NodeJS.CallSite[]) : [], next: 0 };
}
/** V8's URL for the frames of a compiled module: `wasm://wasm/<module name>-<hash of its bytes>` */
const JOLT_WASM_URL = /^wasm:\/\/wasm\/(jolt[A-Za-z0-9_]*)-[0-9a-f]+$/;
/** a wasm frame of a compiled module: its function's wasm name, the byte offset (in its module) of the call in
 *  progress and of the function's start */
interface WasmFrame {
  name: string;
  pos: number;
  start: number;
}

/** the annotation in force at module offset `pos` (binary search over the [offset, fid, line] triples) */
function siteAt(d: ModuleDebug, pos: number): { fid: number; line: number } {
  const s = d.sites,
    at = pos - d.shift;
  let lo = 0,
    hi = s.length / 3 - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid * 3]! <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? { fid: -1, line: 0 } : { fid: s[found * 3 + 1]!, line: s[found * 3 + 2]! };
}

/** the functions from `inner` out to `outer` through calls binaryen inlined (innermost first): the shortest such
 *  chain of the module's calls, if there is one */
function inlineChain(d: ModuleDebug, outer: number, inner: number): number[] | undefined {
  const reachedFrom = new Map<number, number>([[inner, -1]]); // caller fid -> the callee it was reached from
  for (const queue = [inner]; queue.length;) {
    const x = queue.shift()!;
    if (x === outer) {
      const chain: number[] = [];
      for (let y = outer; y !== -1; y = reachedFrom.get(y)!) chain.unshift(y);
      return chain;
    }
    for (const caller of d.callLines.get('$' + d.frames[x]!.name)?.keys() ?? []) {
      if (!reachedFrom.has(caller)) {
        reachedFrom.set(caller, x);
        queue.push(caller);
      }
    }
  }
  return undefined;
}

/** the Jolt frames (fid, line) of one physical wasm frame, innermost first */
function logicalFrames(d: ModuleDebug, p: WasmFrame): { fid: number; line: number }[] {
  const own = d.byName.get(p.name);
  if (own === undefined) return [];
  // a position at the function's start means V8 did not know the call's (as for a call inside a `try` in its
  // optimized code)
  const at = p.pos > p.start ? siteAt(d, p.pos) : { fid: -1, line: 0 };
  // the call is in code inlined here: each caller was at its call to the next callee in (if all those share a line)
  const chain = at.fid >= 0 && at.fid !== own ? inlineChain(d, own, at.fid) : undefined;
  // (a location that no chain of calls leads to is not this frame's: its definition line stands in)
  if (!chain) return [{ fid: own, line: at.fid === own ? at.line : 0 }];
  return chain.map((fid, k) => ({
    fid,
    line: k === 0 ? at.line : (d.callLines.get('$' + d.frames[chain[k - 1]!]!.name)?.get(fid) ?? 0),
  }));
}

/** a compiled frame into `e`'s backtrace, at the place among the interpreter's frames where its call sits */
function placeFrame(e: JoltThrow, f: FrameInfo, line: number): void {
  const fr: StackFrame = { func: f.func, file: f.file, line: line || f.line, mod: f.mod };
  if (!e.btDone) e.bt.push(fr);
  else e.bt.splice(e.bt.length - liveBacktrace().length, 0, fr);
}

/** `e` leaves a stretch of compiled code: its frames, read off the captured stack down to the JS function that
 *  entered it (`entry`, named by its file's URL and its name; the stack was captured inside it) */
export function recordCompiledFrames(e: JoltThrow, entry: { file: string; func: string }): void {
  const t = (e.native ??= nativeTrace(e));
  while (t.next < t.sites.length) {
    const cs = t.sites[t.next++]!;
    const file = cs.getFileName() ?? '';
    const m = JOLT_WASM_URL.exec(file);
    if (!m) {
      if (file === entry.file && cs.getFunctionName() === entry.func) return;
      continue;
    }
    const d = moduleDebug.get(m[1]!);
    if (!d) continue;
    // a wasm frame's position is a byte offset in its module; its enclosing column, its function's offset + 1
    const p: WasmFrame = {
      name: cs.getFunctionName() ?? '',
      pos: cs.getPosition(),
      start: (cs.getEnclosingColumnNumber() ?? 1) - 1,
    };
    for (const { fid, line } of logicalFrames(d, p)) placeFrame(e, d.frames[fid]!, line);
  }
}
