// V8 compiles WebAssembly first with its baseline compiler and moves a function to the optimizing tier only between
// calls, so a long loop entered once (a program's main loop) would run baseline code to its end. Our modules carry a
// `compilationHints` custom section asking for optimized code from the start, eagerly, for the functions that have
// a loop. The others keep V8's default: baseline code first, whose call feedback lets the optimizing tier inline
// (deep recursion such as fib runs about 2x slower when optimized without that feedback). V8 reads the section
// when started with --experimental-wasm-compilation-hints (bin/jolt.js passes it); without the flag it is an
// ignored custom section. binaryen's own module (in the worker) keeps V8's lazy baseline-first default.

const EAGER = 2,
  OPTIMIZED = 2;
const HINT = EAGER | (OPTIMIZED << 2) | (OPTIMIZED << 4); // strategy | baseline tier | top tier
const DEFAULT = 0; // V8's own choice for each

function readLeb(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0,
    shift = 0,
    b: number;
  do {
    b = bytes[at++]!;
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return { value, next: at };
}
function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/** `bytes` with the hints section inserted before the code section (where V8 expects it); `eager[k]` says whether
 *  defined function k gets optimized code at once (missing entries: yes). */
export function withCompilationHints(bytes: Uint8Array, eager: readonly boolean[] = []): Uint8Array {
  let at = 8,
    functions = 0;
  while (at < bytes.length) {
    const id = bytes[at]!;
    const size = readLeb(bytes, at + 1);
    if (id === 3) functions = readLeb(bytes, size.next).value; // function section: count of defined functions
    if (id === 10) break; // code section
    at = size.next + size.value;
  }
  if (at >= bytes.length || functions === 0) return bytes;
  const name = [...new TextEncoder().encode('compilationHints')];
  const payload = [
    ...leb(name.length),
    ...name,
    ...leb(functions),
    ...Array.from({ length: functions }, (_, k) => (eager[k] === false ? DEFAULT : HINT)),
  ];
  const section = [0, ...leb(payload.length), ...payload];
  const out = new Uint8Array(bytes.length + section.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(section, at);
  out.set(bytes.subarray(at), at + section.length);
  return out;
}
