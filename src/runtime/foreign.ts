// Foreign functions: TypeScript reachable from Jolt with `ccall(:name, R, (T...,), args...)`, the way Julia's
// Base reaches C. Output is buffered per stream and flushed at exit (and before anything goes to stderr).
import { T, JArray, JChar, Bits, JBigInt, Sym, JStruct, mkTuple, type Value } from './values.ts';
import { typeOf } from './typeof.ts';
import { showType } from './show_type.ts';
import { utf8Encode, utf8Decode, encodeCodePoint } from './utf8.ts';
import { applyTypeName, unwrap } from './apply_type.ts';
import { jthrow } from './errors.ts';
import { baseThrow } from './modules.ts';
import { IdTable } from './id_table.ts';
import { typejoin } from './typejoin.ts';
import { fval, ival } from './intrinsics.ts';
import { printfFloat } from './float_format.ts';
import { unicodeMap, graphemeClusters, isAssigned } from './unicode_map.ts';
import { writeSync, readSync, fstatSync } from 'node:fs';

export const foreignFunctions = new Map<string, (args: Value[]) => Value>();
export function registerForeign(name: string, impl: (args: Value[]) => Value): void {
  foreignFunctions.set(name, impl);
}
const F = registerForeign;
const nothing = (): Value => T.Nothing!.instance!;
import { interruptibleWait, sigint } from './interrupt.ts';
import { exitProcess } from './exit.ts';

// ---- output
const buffers: string[][] = [[], [], []];
let buffered = [0, 0, 0];
/** Writes out what the standard streams hold. A closed pipe on stdout or stderr (`jolt prog.jl | head -1`) ends the
 *  program quietly; another failure (a full disk) is the program's IOError when `raise` (a write or flush the program
 *  asked for, where it can catch it), else the output is dropped (an error already being reported). */
export function flushAll(raise = false): void {
  for (const fd of [1, 2]) {
    if (!buffers[fd]!.length) continue;
    const data = Buffer.from(buffers[fd]!.join(''), 'latin1');
    buffers[fd] = [];
    buffered[fd] = 0;
    if (stdio.sink) {
      stdio.sink(fd, data);
      continue;
    }
    let off = 0;
    while (off < data.length) {
      try {
        off += writeSync(fd, data, off);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'EAGAIN') continue;
        if (err.code === 'EPIPE') exitProcess(1);
        if (raise && fd === 1) ioError(err);
        break;
      }
    }
  }
}
/** Julia's IOError for a failed system call: "write: no space left on device (ENOSPC)" */
function ioError(e: NodeJS.ErrnoException): never {
  // Node's message is "CODE: description, syscall"
  const m = /^\w+: (.*), \w+/.exec(e.message);
  baseThrow('IOError', utf8Encode(`${e.syscall ?? 'write'}: ${m?.[1] ?? e.message} (${e.code})`), BigInt(e.errno ?? 0));
}
/** `muted`: standard output and error are discarded (while the Base image's workload runs); `sink`: where they go
 *  instead of the process's descriptors (a fuzzing run that runs many programs in one process) */
export const stdio: { muted: boolean; sink?: (fd: number, data: Buffer) => void } = { muted: false };
// whether stdout is a terminal, so line-buffered: asked of fstat (a character device), not node:tty, which costs a
// start milliseconds to load; /dev/null also counts, which only means more writes to it
let stdoutTTY: boolean | undefined;
const stdoutIsTTY = (): boolean => {
  if (stdoutTTY === undefined) {
    try {
      stdoutTTY = fstatSync(1).isCharacterDevice();
    } catch {
      stdoutTTY = false;
    }
  }
  return stdoutTTY;
};
export function writeBytes(fd: number, s: string, raise = false): void {
  if (stdio.muted) return;
  if (fd === 2) flushAll(raise);
  buffers[fd]!.push(s);
  buffered[fd]! += s.length;
  // stdout on a terminal is line-buffered (each line shows as it is printed), else block-buffered, as Julia
  if (fd === 2 || buffered[fd]! > 1 << 16 || (s.includes('\n') && stdoutIsTTY())) flushAll(raise);
}
F('jl_write', ([fd, s]) => {
  writeBytes(Number(fd as bigint), s as string, true);
  return nothing();
});
F('jl_flush', () => {
  flushAll(true);
  return nothing();
});

// ---- numbers to text
/** Julia's Float64 printing: shortest round-trip digits; scientific form outside [1e-5, 1e16) */
export function floatRepr(x: number, f32 = false, typed = true): string {
  if (Number.isNaN(x)) return f32 && typed ? 'NaN32' : 'NaN';
  if (!Number.isFinite(x)) return (x < 0 ? '-' : '') + (f32 && typed ? 'Inf32' : 'Inf');
  if (x === 0) return (Object.is(x, -0) ? '-0.0' : '0.0') + (f32 && typed ? 'f0' : '');
  let s: string;
  if (f32) {
    // shortest digits that round-trip through Float32
    let p = 1;
    for (; p < 12; p++) if (Math.fround(Number(x.toPrecision(p))) === x) break;
    s = Number(x.toPrecision(p)).toString();
  } else s = x.toString();
  const ax = Math.abs(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s)!;
  const [, sign, ip, fp = '', ex] = m;
  let digits = (ip! + fp).replace(/^0+/, '');
  let exp = (ex ? parseInt(ex) : 0) + ip!.length - 1;
  if (ip === '0') {
    const lead = fp.length - fp.replace(/^0+/, '').length;
    exp = (ex ? parseInt(ex) : 0) - lead - 1;
  }
  digits = digits.replace(/0+$/, '') || '0';
  const sci = ax < 1e-4 || ax >= 1e6;
  let out: string;
  if (sci) {
    out = `${sign}${digits[0]}.${digits.slice(1) || '0'}${f32 && typed ? 'f' : 'e'}${exp}`;
  } else if (exp >= 0) {
    const intPart = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits + '0'.repeat(exp + 1 - digits.length);
    const frac = digits.length > exp + 1 ? digits.slice(exp + 1) : '0';
    out = `${sign}${intPart}.${frac}${f32 && typed ? 'f0' : ''}`;
  } else {
    out = `${sign}0.${'0'.repeat(-exp - 1)}${digits}${f32 && typed ? 'f0' : ''}`;
  }
  return out;
}
F('jl_float_repr', ([x]) => floatRepr(fval(x!), typeOf(x!) === T.Float32));
// the :compact form: rounded to 6 significant digits, then printed as usual (`0.333333`, `1.23457e6`)
F('jl_float_compact', ([x, typed]) => {
  const v = fval(x!);
  const f32 = typeOf(x!) === T.Float32;
  const r = Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(6)) : v;
  return utf8Encode(floatRepr(f32 ? Math.fround(r) : r, f32, typed === true));
});
// Printf's %e %f %g %a body of a Float64: (x, conversion character's code, precision, '#' flag)
F('jl_printf_float', ([x, conv, prec, hash]) =>
  printfFloat(fval(x!), String.fromCharCode(Number(conv as bigint)), Number(prec as bigint), hash === true),
);
F('jl_float_print', ([x]) => floatRepr(fval(x!), typeOf(x!) === T.Float32, false));
F('jl_int_string', ([x, base, pad]) => {
  const v = x instanceof JBigInt ? x.v : ival(x!);
  const un =
    typeof x === 'bigint' ? v : /^UInt/.test(typeOf(x!).name.name.name) ? BigInt.asUintN(typeOf(x!).nbits, v) : v;
  const neg = un < 0n;
  const p = Number(pad as bigint),
    b = BigInt(base as bigint);
  if (b < 2n || b > 62n) jthrow('DomainError', b, utf8Encode('base must satisfy 2 ≤ abs(base) ≤ 62'));
  // Julia's digits: 0-9a-z up to base 36, 0-9A-Za-z above (zero with no padding has no digits at all)
  const alphabet =
    b <= 36n
      ? '0123456789abcdefghijklmnopqrstuvwxyz'
      : '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let s = '';
  for (let m = neg ? -un : un; m > 0n; m /= b) s = alphabet[Number(m % b)] + s;
  if (s.length < p) s = '0'.repeat(p - s.length) + s;
  return (neg ? '-' : '') + s;
});
F('jl_type_string', ([t]) => utf8Encode(showType(t!)));
F('jl_symbol_name', ([s]) => utf8Encode((s as Sym).name));
F('jl_symbol', ([s]) => Sym.of(utf8Decode(s as string)));
F('jl_char_string', ([c]) => encodeCodePoint((c as JChar).cp));

// ---- strings
// with +, V8 makes a long result a rope in constant time (Array.join copies, so appending to an IOBuffer's string
// again and again was quadratic)
F('jl_string_concat', ([a]) => {
  let r = '';
  for (const x of a as string[]) r += x;
  return r;
});
F('jl_string_repeat', ([s, n]) => (s as string).repeat(Number(n as bigint)));
F('jl_string_lt', ([a, b]) => (a as string) < (b as string));
F('jl_string_cmp', ([a, b]) => BigInt((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0));
F('jl_codeunit', ([s, i]) => new Bits(T.UInt8!, BigInt((s as string).charCodeAt(Number(i as bigint) - 1))));
// the byte at i as an Int (compiled code reads it with V8's charCodeAt builtin); callers check the bounds
F('jl_codeunit_int', ([s, i]) => BigInt((s as string).charCodeAt(Number(i as bigint) - 1)));
F('jl_substring', ([s, i, j]) => (s as string).slice(Number(i as bigint) - 1, Number(j as bigint)));
F('jl_search', ([s, t, from]) => BigInt((s as string).indexOf(t as string, Number(from as bigint) - 1) + 1));
F('jl_rsearch', ([s, t, from]) => BigInt((s as string).lastIndexOf(t as string, Number(from as bigint) - 1) + 1));
/** bytes of the character starting at byte i (0-based), as Julia splits a string: a lead byte 0xc0-0xf7 takes up to
 *  1, 2 or 3 continuation bytes (0x80-0xbf), stopping at the first other byte; any other byte (ASCII, a stray
 *  continuation byte, 0xf8-0xff) is a character of its own. Invalid sequences are characters too. */
export function utf8CharLength(s: string, i: number): number {
  const l = s.charCodeAt(i);
  if (l < 0xc0 || l > 0xf7) return 1;
  const need = l < 0xe0 ? 1 : l < 0xf0 ? 2 : 3;
  let k = 1;
  while (k <= need && i + k < s.length && (s.charCodeAt(i + k) & 0xc0) === 0x80) k++;
  return k;
}
/** whether byte i (0-based) starts a character: not a continuation byte, or one no earlier lead byte reaches */
function isCharStart(s: string, i: number): boolean {
  if ((s.charCodeAt(i) & 0xc0) !== 0x80) return true;
  for (let d = 1; d <= 3 && i - d >= 0; d++) {
    if ((s.charCodeAt(i - d) & 0xc0) === 0x80) continue;
    return i - d + utf8CharLength(s, i - d) <= i;
  }
  return true;
}
/** decode the Char starting at byte i (1-based): returns (char, next index); a malformed character is U+FFFD */
F('jl_next_char', ([sv, iv]) => {
  const s = sv as string,
    i = Number(iv as bigint) - 1;
  const n = utf8CharLength(s, i);
  const b0 = s.charCodeAt(i);
  let cp = b0;
  if (n > 1) {
    cp = b0 & (n === 2 ? 31 : n === 3 ? 15 : 7);
    for (let k = 1; k < n; k++) cp = (cp << 6) | (s.charCodeAt(i + k) & 63);
    const full = b0 < 0xe0 ? 2 : b0 < 0xf0 ? 3 : 4;
    const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
    if (n !== full || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  } else if (b0 >= 0x80) cp = 0xfffd;
  return mkTuple([JChar.of(cp), BigInt(i + 1 + n)]);
});
// a String of a Vector{UInt8}'s bytes, and the bytes of a String as a new Vector{UInt8}
F('jl_bytes_string', ([a]) => {
  const v = a as JArray;
  const n = v.dims[0]!;
  let out = '';
  for (let k = 0; k < n; k++) out += String.fromCharCode(Number((v.at(k) as Bits).v));
  return out;
});
F('jl_string_bytes', ([sv]) => {
  const s = sv as string;
  const bytes: Value[] = [];
  for (let k = 0; k < s.length; k++) bytes.push(new Bits(T.UInt8!, BigInt(s.charCodeAt(k))));
  return new JArray(applyTypeName(T.Array!.name, [T.UInt8!, 1n]), bytes, [bytes.length]);
});
F('jl_is_char_start', ([s, i]) => isCharStart(s as string, Number(i as bigint) - 1));
F('jl_string_length', ([sv]) => {
  const s = sv as string;
  let n = 0;
  for (let k = 0; k < s.length; k += utf8CharLength(s, k)) n++;
  return BigInt(n);
});
// whether the bytes are valid UTF-8 (no overlong forms, surrogates or stray bytes), as Julia's isvalid(::String)
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
F('jl_isvalid_utf8', ([s]) => {
  try {
    strictUtf8.decode(Buffer.from(s as string, 'latin1'));
    return true;
  } catch {
    return false;
  }
});
// Julia maps case one character at a time (simple case mapping): ß stays ß, unlike JS's toUpperCase
const simpleCase = (ch: string, up: boolean): string => {
  const m = up ? ch.toUpperCase() : ch.toLowerCase();
  return [...m].length === 1 ? m : ch;
};
F('jl_uppercase', ([s]) => utf8Encode([...utf8Decode(s as string)].map(ch => simpleCase(ch, true)).join('')));
F('jl_lowercase', ([s]) => utf8Encode([...utf8Decode(s as string)].map(ch => simpleCase(ch, false)).join('')));
// a Char made by reinterpret or Char(::UInt32) may hold no code point (beyond U+10FFFF): Julia's malformed character,
// which the Unicode predicates answer for (no case, no class, width 1) rather than failing
const isCodePoint = (cp: number): boolean => cp >= 0 && cp <= 0x10ffff;
const caseOf = (c: JChar, up: boolean): JChar =>
  isCodePoint(c.cp) ? JChar.of(simpleCase(String.fromCodePoint(c.cp), up).codePointAt(0)!) : c;
F('jl_char_upper', ([c]) => caseOf(c as JChar, true));
F('jl_char_lower', ([c]) => caseOf(c as JChar, false));
// columns a character takes in a terminal, as Julia's textwidth (utf8proc): none for control and format
// characters and combining marks, two for wide East Asian characters and emoji shown as pictures, else one
const WIDE =
  /\p{Emoji_Presentation}|[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Mc}\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;
const charWidth = (ch: string): number =>
  ch < ' ' || ch === '\x7f' ? 0 : ch < '\x80' || ch === '\xad' ? 1 : ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
F('jl_char_width', ([c]) =>
  isCodePoint((c as JChar).cp) ? BigInt(charWidth(String.fromCodePoint((c as JChar).cp))) : 1n,
);
F('jl_text_width', ([s]) => {
  let n = 0;
  for (const ch of utf8Decode(s as string)) n += charWidth(ch);
  return BigInt(n);
});
// the Unicode standard library: normalize with option bits (nothing: an unassigned code point was rejected),
// grapheme clusters, assigned code points
F('jl_unicode_map', ([s, flags]) => {
  const r = unicodeMap(utf8Decode(s as string), Number(flags as bigint));
  return r === undefined ? nothing() : utf8Encode(r);
});
F('jl_graphemes', ([s]) => {
  const parts = graphemeClusters(utf8Decode(s as string)).map(utf8Encode);
  return new JArray(applyTypeName(T.Array!.name, [T.String!, 1n]), parts, [parts.length]);
});
F('jl_isassigned_codepoint', ([cp]) => isAssigned(Number(cp as bigint)));
F('jl_char_class', ([c, cls]) => {
  if (!isCodePoint((c as JChar).cp)) return false;
  const ch = String.fromCodePoint((c as JChar).cp);
  const re: Record<string, RegExp> = {
    letter: /\p{L}/u,
    digit: /[0-9]/,
    space: /\s/u,
    upper: /\p{Lu}/u,
    lower: /\p{Ll}/u,
    punct: /\p{P}/u,
    numeric: /\p{N}/u,
    alnum: /[\p{L}\p{N}]/u,
    print: /[^\p{C}]/u,
  };
  return re[utf8Decode(cls as string)]!.test(ch);
});
// Unicode's general category of a character, as its two-letter abbreviation (`Base.Unicode.category_abbrev`); the
// 29 regexes are made at the first use (~1 ms of every start otherwise)
let CATEGORIES: (readonly [string, RegExp])[] | undefined;
F('jl_char_category', ([c]) => {
  CATEGORIES ??= 'Lu Ll Lt Lm Lo Mn Mc Me Nd Nl No Pc Pd Ps Pe Pi Pf Po Sm Sc Sk So Zs Zl Zp Cc Cf Cs Co'
    .split(' ')
    .map(k => [k, new RegExp(`^\\p{${k}}$`, 'u')] as const);
  const cp = (c as JChar).cp;
  // a lone surrogate is no string JS's regex reads as one character
  if (cp >= 0xd800 && cp <= 0xdfff) return utf8Encode('Cs');
  if (!isCodePoint(cp)) return utf8Encode('Ma');
  const ch = String.fromCodePoint(cp);
  return utf8Encode(CATEGORIES.find(([, re]) => re.test(ch))?.[0] ?? 'Cn');
});
// an environment variable's value, or nothing
F('jl_getenv', ([k]) => {
  const v = process.env[utf8Decode(k as string)];
  return v === undefined ? nothing() : utf8Encode(v);
});
F('jl_parse_float', ([s]) => {
  const str = utf8Decode(s as string).trim();
  if (/^[+-]?(Inf|inf|infinity)$/.test(str)) return str.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?NaN$/i.test(str)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(str)) return nothing();
  return parseFloat(str);
});
/** foreign functions that only compute a value from their arguments: never throw, no effects (the optimizer may
 *  inline, fold and delete calls to them) */
export const pureForeign = new Set(['jl_pow', 'jl_atan2', 'jl_hypot']);
// ---- math (libm): Float64 functions of Float64s, which compiled code imports directly (no boxing, no lookup)
export const mathForeign: Record<string, (...x: number[]) => number> = {
  jl_pow: Math.pow,
  jl_atan2: Math.atan2,
  jl_hypot: hypot,
};

/** hypot(x, y), correctly rounded as Julia's is (JavaScript's Math.hypot is not): the same algorithm as the
 *  compiled version (ModuleBuilder.hypot in src/codegen/module_builder.ts), so both tiers give the same bits. */
export function hypot(x: number, y: number): number {
  let ax = Math.abs(x),
    ay = Math.abs(y);
  if (ax < ay) [ax, ay] = [ay, ax];
  if (ax === Infinity || ay === Infinity) return Infinity;
  if (ax !== ax || ay !== ay) return NaN;
  if (ay <= ax * 2 ** -54) return ax; // zeros included
  const s = ax > 2 ** 500 ? 2 ** -600 : ay < 2 ** -450 ? 2 ** 600 : 1;
  ax *= s;
  ay *= s;
  // a*a exactly = sq + sqErr(a, sq) (Dekker's split into 26-bit halves)
  const sqErr = (a: number, sq: number): number => {
    const c = a * 134217729,
      hi = c - (c - a),
      lo = a - hi;
    return hi * hi - sq + 2 * hi * lo + lo * lo;
  };
  const p = ax * ax,
    q = ay * ay,
    h = Math.sqrt(p + q),
    hh = h * h;
  return (h + (p - hh + q + (sqErr(ax, p) + sqErr(ay, q) - sqErr(h, hh))) / (2 * h)) / s;
}
for (const fn of [
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'sinh',
  'cosh',
  'tanh',
  'exp',
  'log',
  'log2',
  'log10',
  'log1p',
  'expm1',
  'cbrt',
] as const) {
  mathForeign[`jl_${fn}`] = Math[fn];
}
for (const [name, fn] of Object.entries(mathForeign)) {
  F(name, xs => fn(...xs.map(x => fval(x))));
  pureForeign.add(name);
}
F('jl_time_ns', () => process.hrtime.bigint());
F('jl_clock_now', () => (performance.timeOrigin + performance.now()) / 1000);
// seconds the local time zone is ahead of UTC at Unix time t (seconds), for Dates.now()
F('jl_utc_offset', ([t]) => -new Date(fval(t!) * 1000).getTimezoneOffset() * 60);
F('jl_getpid', () => BigInt(process.pid));
// 64 bits from the system's entropy source, for seeding random number generators (Random.RandomDevice)
F('jl_entropy_u64', () => BigInt.asIntN(64, globalThis.crypto.getRandomValues(new BigUint64Array(1))[0]!));
// sleep blocks the one Jolt thread (there are no tasks to switch to)
const sleeper = new Int32Array(new SharedArrayBuffer(4));
F('jl_sleep', ([secs]) => {
  // what was printed before shows before the pause, as Julia's sleep lets its output be written
  flushAll(true);
  // (woken by a SIGINT, which interrupts it)
  interruptibleWait(Math.max(0, secs as number) * 1000);
  return nothing();
});
F('jl_exit_on_sigint', ([on]) => {
  sigint.exitOnSigint = on === true;
  return nothing();
});
// ---- standard input, read synchronously (the one Jolt thread waits as a blocking read would)
let stdinBuf = Buffer.alloc(0);
let stdinEOF = false;
/** reads more of stdin into stdinBuf; false at its end */
function fillStdin(): boolean {
  if (stdinEOF) return false;
  // what the program printed (a prompt) shows before it waits for input
  flushAll(true);
  const chunk = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(sleeper, 0, 0, 10);
        continue;
      }
      if (code === 'EOF') n = 0;
      else {
        stdinEOF = true;
        return false;
      }
    }
    if (n === 0) {
      stdinEOF = true;
      return false;
    }
    stdinBuf = Buffer.concat([stdinBuf, chunk.subarray(0, n)]);
    return true;
  }
}
/** takes the first n bytes of stdin's buffer, as a Jolt (byte) string */
function takeStdin(n: number): string {
  const s = stdinBuf.subarray(0, n).toString('latin1');
  stdinBuf = stdinBuf.subarray(n);
  return s;
}
// a line with its newline ("" at the end of input)
F('jl_stdin_readline', () => {
  let k: number;
  while ((k = stdinBuf.indexOf(10)) < 0 && fillStdin());
  return takeStdin(k < 0 ? stdinBuf.length : k + 1);
});
F('jl_stdin_read_all', () => {
  while (fillStdin());
  return takeStdin(stdinBuf.length);
});
F('jl_stdin_eof', () => stdinBuf.length === 0 && !fillStdin());
F('jl_float_round', ([x, d]) => {
  const p = 10 ** Number(d as bigint);
  return Math.round(fval(x!) * p) / p;
});
// ---- arrays
F('jl_alloc_array', ([t, n]) => {
  const dims = (n as Value[]).map(d => Number(d as bigint));
  if (dims.some(d => d < 0)) jthrow('ArgumentError', 'invalid Array dimensions');
  const len = dims.reduce((a, b) => a * b, 1);
  return JArray.alloc(t as never, len, dims);
});
const count = (n: Value): number => Number(n as bigint);
F('jl_array_grow_end', ([a, n]) => {
  const arr = a as JArray;
  arr.resize(arr.length + count(n!));
  arr.dims[0] = arr.length;
  return nothing();
});
F('jl_array_del_end', ([a, n]) => {
  const arr = a as JArray;
  arr.resize(arr.length - count(n!));
  arr.dims[0] = arr.length;
  return nothing();
});
F('jl_array_grow_beg', ([a, n]) => {
  const arr = a as JArray;
  arr.insert(0, count(n!));
  arr.dims[0] = arr.length;
  return nothing();
});
F('jl_array_del_beg', ([a, n]) => {
  const arr = a as JArray;
  arr.remove(0, count(n!));
  arr.dims[0] = arr.length;
  return nothing();
});
F('jl_array_del_at', ([a, i, n]) => {
  const arr = a as JArray;
  arr.remove(count(i!) - 1, count(n!));
  arr.dims[0] = arr.length;
  return nothing();
});
F('jl_array_grow_at', ([a, i, n]) => {
  const arr = a as JArray;
  arr.insert(count(i!) - 1, count(n!));
  arr.dims[0] = arr.length;
  return nothing();
});
F('jl_array_isassigned', ([a, i]) => (a as JArray).at(count(i!) - 1) !== undefined);
F('jl_reshape', ([t, a, dims]) =>
  (a as JArray).sharing(
    t as never,
    (dims as Value[]).map(d => Number(d as bigint)),
  ),
);
F('jl_array_type', ([t, n]) => applyTypeName(T.Array!.name, [t!, n!]));
F('jl_sort_perm', ([a, lt]) => {
  void lt;
  return nothing();
});
// ---- reflection
import { DataType, type JType } from './types.ts';
import { Module as JModule } from './values.ts';
F('jl_function_name', ([f]) => {
  const t = typeOf(f!);
  const n = t.name.name.name;
  return utf8Encode(n.startsWith('#') ? n.slice(1) : isTypeValue(f!) ? showType(f!) : n);
});
function isTypeValue(v: Value): boolean {
  return v instanceof DataType || (typeof v === 'object' && v !== null && 'body' in v);
}
F('jl_module_name', ([m]) => utf8Encode((m as JModule).name.name));
// the names bound in a module (help mode's suggestions, tab completion), as a Vector{Symbol}
F('jl_module_names', ([m]) => {
  const names = [...(m as JModule).bindings.keys()];
  return new JArray(applyTypeName(T.Array!.name, [T.Symbol!, 1n]), names, [names.length]);
});
F('jl_fieldnames', ([t]) => Object.freeze((t as DataType).name.names.slice()) as Value);
// type predicates behind isconcretetype, isabstracttype, ismutabletype, isprimitivetype (false for non-DataTypes)
const isConcrete = (t: Value): boolean =>
  t instanceof DataType &&
  !t.isabstract &&
  !t.hasfreetypevars &&
  (t.name !== T.Tuple!.name || t.parameters.every(isConcrete));
F('jl_isconcretetype', ([t]) => isConcrete(t!));
F('jl_isabstracttype', ([t]) => {
  const u = unwrap(t as JType);
  return u instanceof DataType && u.isabstract;
});
F('jl_ismutabletype', ([t]) => {
  const u = unwrap(t as JType);
  return u instanceof DataType && u.ismutable;
});
F('jl_isprimitivetype', ([t]) => t instanceof DataType && t.isprimitive);
F('jl_type_nameof', ([t]) => (t as DataType).name.name);
F(
  'jl_tuple_slice',
  ([t, i, j]) => Object.freeze((t as Value[]).slice(Number(i as bigint) - 1, Number(j as bigint))) as Value,
);
F('jl_tuple_tail', ([t]) => Object.freeze((t as Value[]).slice(1)) as Value);
F('jl_typejoin', ([a, b]) => typejoin(a as JType, b as JType) as Value);
import { hooks } from './hooks.ts';
F('jl_tuple_map', ([f, t]) => Object.freeze((t as Value[]).map(x => hooks.call(f!, [x]))) as Value);
// ---- hashing (consistent with isequal for the common key types; identity for mutable objects)
/** the ids of mutable objects that `hash` reads (a session image keeps them: a Dict keyed by one hashes its id) */
export const objectIds = new IdTable();
function hashKey(v: Value): string {
  if (typeof v === 'bigint') return 'n' + v;
  // -0.0 is not isequal to 0.0, so it hashes apart
  if (typeof v === 'number') return Number.isInteger(v) && !Object.is(v, -0) ? 'n' + BigInt(v) : 'f' + v;
  if (typeof v === 'string') return 's' + v;
  if (typeof v === 'boolean') return 'n' + (v ? 1 : 0);
  if (Array.isArray(v)) return '(' + (v as Value[]).map(hashKey).join(',') + ')';
  if (v instanceof JChar) return 'c' + v.cp;
  if (v instanceof Sym) return ':' + v.name;
  if (v instanceof Bits) return hashKey(v.v);
  if (v instanceof JBigInt) return 'n' + v.v;
  const o = v as object;
  if (o instanceof JStruct && !o.type.ismutable)
    return (
      o.type.name.name.name +
      '{' +
      o
        .fields()
        .map(x => (x === undefined ? '#undef' : hashKey(x)))
        .join(',') +
      '}'
    );
  return '#' + objectIds.of(o);
}
function fnv(s: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = BigInt.asUintN(64, h * 0x100000001b3n);
  }
  return BigInt.asIntN(64, h);
}
/** Base's _hash_int (base/dict.jl): the hash of an integer in Int64's range, whatever type holds it (1, 1.0, true) */
function hashInt(x: bigint): bigint {
  const M = (a: bigint, b: bigint) => BigInt.asUintN(64, a * b);
  let z = M(BigInt.asUintN(64, x), 0x9e3779b97f4a7c15n);
  z = M(z ^ (z >> 30n), 0xbf58476d1ce4e5b9n);
  z = M(z ^ (z >> 27n), 0x94d049bb133111ebn);
  return BigInt.asIntN(64, z ^ (z >> 31n));
}
F('jl_hash', ([v]) => {
  const k = hashKey(v!);
  if (k.charCodeAt(0) === 110 /* n */) {
    const n = BigInt(k.slice(1));
    if (n >= -(1n << 63n) && n < 1n << 63n) return hashInt(n);
  }
  return fnv(k);
});
F('jl_string_strip', ([s, which]) => {
  const str = s as string,
    w = Number(which as bigint);
  const ws = /^[ \t\n\r\v\f]+/,
    we = /[ \t\n\r\v\f]+$/;
  return w === 1 ? str.replace(ws, '') : w === 2 ? str.replace(we, '') : str.replace(ws, '').replace(we, '');
});
// ---- regular expressions (PCRE-like syntax mapped onto JS RegExp; offsets are byte offsets)
function jsRegex(pat: Value, flags: Value, global: boolean): RegExp {
  const f = utf8Decode(flags as string)
    .replace(/[^imsx]/g, '')
    .replace('x', '');
  try {
    return new RegExp(utf8Decode(pat as string), 'u' + f + (global ? 'g' : ''));
  } catch (e) {
    // a pattern the regex compiler rejects is Julia's ErrorException from PCRE, not a host error
    jthrow(
      'ErrorException',
      utf8Encode(`PCRE compilation error: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`),
    );
  }
}
function matchTuple(m: RegExpExecArray, text: string): Value {
  const offset = utf8Encode(text.slice(0, m.index)).length + 1;
  const caps = m.slice(1).map(c => (c === undefined ? T.Nothing!.instance! : utf8Encode(c)));
  return Object.freeze([utf8Encode(m[0]), Object.freeze(caps) as Value, BigInt(offset)]) as Value;
}
F('jl_regex_test', ([p, fl, s]) => jsRegex(p!, fl!, false).test(utf8Decode(s as string)));
F('jl_regex_match', ([p, fl, s]) => {
  const text = utf8Decode(s as string);
  const m = jsRegex(p!, fl!, false).exec(text);
  return m ? matchTuple(m, text) : T.Nothing!.instance!;
});
F('jl_regex_matchall', ([p, fl, s]) => {
  const text = utf8Decode(s as string);
  const re = jsRegex(p!, fl!, true);
  const out: Value[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(matchTuple(m, text));
    if (m[0] === '') re.lastIndex++;
  }
  return Object.freeze(out) as Value;
});
/** the first match of a regex in s at or after byte index i (1-based): (first byte, last byte) of the match, the last
 *  being first - 1 for an empty match; nothing when there is none */
F('jl_regex_find', ([p, fl, sv, iv]) => {
  const bytes = sv as string;
  const start = Number(iv as bigint) - 1;
  const text = utf8Decode(bytes);
  const re = jsRegex(p!, fl!, true);
  re.lastIndex = utf8Decode(bytes.slice(0, start)).length;
  const m = re.exec(text);
  if (!m) return T.Nothing!.instance!;
  const first = utf8Encode(text.slice(0, m.index)).length + 1;
  return mkTuple([BigInt(first), BigInt(first + utf8Encode(m[0]).length - 1)]);
});
F('jl_regex_replace', ([p, fl, s, r]) => {
  const rep = utf8Decode(r as string).replace(/\\(\d)/g, '$$$1');
  return utf8Encode(utf8Decode(s as string).replace(jsRegex(p!, fl!, true), rep));
});
F('jl_string_replace', ([s, a, b]) => (s as string).split(a as string).join(b as string));
