// Throwing Core exceptions from TypeScript (builds the Jolt exception value and wraps it in a JoltThrow), and the
// state every tier shares for catching them: the Jolt call stack for backtraces, the exceptions being handled.
import { T, JStruct, JoltThrow, Sym, type Value, type StackFrame } from './values.ts';
import type { DataType, JType } from './types.ts';
import { inlinedFramesAt, type MethodInstance } from './methods.ts';
import { showType } from './show_type.ts';

export function mkException(name: string, fields: Value[]): Value {
  const dt = T[name];
  if (!dt) throw new Error(`unknown exception type ${name}`);
  if (dt.instance !== undefined) return dt.instance;
  return new JStruct(dt, fields);
}
export function jthrow(name: string, ...fields: Value[]): never {
  throw new JoltThrow(mkException(name, fields));
}
export function errorException(msg: string): never {
  jthrow('ErrorException', msg);
}
export function typeError(func: string, context: string, expected: Value, got: Value): never {
  jthrow('TypeError', Sym.of(func), context, expected, got);
}
/** the exceptions being handled by the active catch blocks, innermost last: what `rethrow()` throws again */
export const caughtExceptions: Value[] = [];

/** the Jolt call stack (the interpreter's frames; compiled frames are recovered from the JS stack), for backtraces */
export const frames: StackFrame[] = [];

/** Completes the backtrace of a Jolt exception leaving the interpreter: the live frames, innermost first, are
 *  appended once (the frame that catches it first adds them; outer ones see btDone). */
export function completeBacktrace(e: unknown): void {
  if (e instanceof JoltThrow && !e.btDone) {
    e.bt = [...e.bt, ...liveBacktrace()];
    e.btDone = true;
  }
}

/** The live frames as backtrace entries, innermost first. A frame's line moves on, so it is copied now; its name
 *  is read only when the backtrace is shown, since naming a frame (printing its argument types) may not fit in a
 *  stack that has just overflowed. A frame in inlined code is preceded by the frames of the inlined calls. */
export function liveBacktrace(): StackFrame[] {
  const out: StackFrame[] = [];
  for (let k = frames.length - 1; k >= 0; k--) {
    const f = frames[k]!;
    if (f.inlinedIn && f.inlinedLoc !== undefined)
      for (const c of inlinedFramesAt(f.inlinedIn, f.inlinedLoc)) out.push(inlinedFrame(c.mi, c.line));
    out.push({
      get func() {
        return f.func;
      },
      file: f.file,
      line: f.line,
      mod: f.mod,
    });
  }
  return out;
}

/** the frame of an inlined call of instance `mi`, at `line` of its method: named as a call's frame would be,
 *  `f(x::Int64, ::String)` */
export function inlinedFrame(mi: MethodInstance, line: number): StackFrame {
  const m = mi.def;
  let name: string | undefined;
  return {
    get func() {
      const ps = ((mi.specTypes as DataType).parameters as JType[]).slice(1);
      const names = m.source?.slotnames ?? [];
      return (name ??= `${m.name.name}(${ps
        .map((p, k) => {
          const n = names[k + 1]?.name ?? '';
          return (n.startsWith('#') ? '' : n) + '::' + showType(p);
        })
        .join(', ')})`);
    },
    file: m.file,
    line,
    mod: m.module.name.name,
  };
}
export const lastBacktrace: { bt: StackFrame[] } = { bt: [] };

/** What the host threw, as the Jolt exception Julia raises there: JavaScript's stack overflow is StackOverflowError;
 *  a string, array, big integer or WebAssembly array too large to make is OutOfMemoryError. Anything else (another
 *  RangeError too) is Jolt's own fault, not the program's to catch, and is thrown on. */
export function hostException(e: unknown): JoltThrow {
  if (e instanceof JoltThrow) return e;
  // (plain string tests, no regular expression: this runs where the stack has just overflowed)
  if (e instanceof RangeError && e.message.includes('call stack'))
    return new JoltThrow(mkException('StackOverflowError', []));
  const msg = e instanceof Error ? e.message.toLowerCase() : '';
  if (OUT_OF_MEMORY.some(m => msg.includes(m))) return new JoltThrow(mkException('OutOfMemoryError', []));
  throw e;
}
/** how V8 says that a string, array, buffer or WebAssembly array could not be made that large */
const OUT_OF_MEMORY = [
  'invalid string length',
  'invalid array length',
  'invalid typed array length',
  'allocation failed',
  'too large',
  'out of memory',
  'maximum bigint size',
];

/** A handler (interpreted or compiled) takes what was thrown: the Jolt exception value, which becomes the current
 *  one (`excDepth`: the depth of caught exceptions when the handler was entered; deeper entries belong to catch
 *  blocks a throw left). JavaScript's stack overflow is Julia's StackOverflowError; anything else that is not a
 *  Jolt exception is not Jolt's to catch and goes on. */
export function catchException(e: unknown, excDepth: number): Value {
  if (!(e instanceof JoltThrow)) e = hostException(e);
  const value = (e as JoltThrow).value;
  caughtExceptions.length = excDepth;
  caughtExceptions.push(value);
  lastBacktrace.bt = (e as JoltThrow).bt.length ? (e as JoltThrow).bt : liveBacktrace();
  return value;
}
