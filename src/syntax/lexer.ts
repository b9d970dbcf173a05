// Lexer for Jolt's Julia subset: turns source text into tokens with 1-based line/column positions.
// Whitespace matters in Julia (juxtaposition, `a [1]` in matrices, newlines end statements), so each token
// records whether whitespace or a newline preceded it.

import { OPS_BY_FIRST, OP_SUFFIX, PREC, UNARY_OPS, baseOp } from './operators.ts';
// (a surrogate, which a string's `\u` escape may name, is encoded as the three bytes Julia gives it)
import { encodeCodePoint } from '../runtime/utf8.ts';

export type TokKind = 'int' | 'float' | 'str' | 'char' | 'id' | 'op' | 'kw' | 'nl' | 'eof' | 'macro';

export interface Token {
  kind: TokKind;
  text: string; // identifier/operator/keyword text; raw literal text for numbers
  /** for str: the pieces (UTF-8 byte strings and interpolated source snippets); for char: the code point */
  parts?: (string | { src: string; offset: number })[];
  cp?: number;
  triple?: boolean;
  prefix?: string; // string macro prefix (r"...", raw"...")
  suffix?: string; // string macro flags (r"..."i)
  invalid?: boolean; // a Char literal of bytes that are no UTF-8 character ('\xff', '\ud800')
  pos: number; // offset into source
  line: number;
  col: number;
  spaceBefore: boolean;
}

export class LexError extends Error {
  readonly pos: number;
  constructor(msg: string, pos: number) {
    super(msg);
    this.pos = pos;
  }
}

const KEYWORDS = new Set([
  'function',
  'end',
  'if',
  'elseif',
  'else',
  'while',
  'for',
  'return',
  'break',
  'continue',
  'begin',
  'let',
  'local',
  'global',
  'const',
  'struct',
  'mutable',
  'abstract',
  'primitive',
  'module',
  'using',
  'import',
  'export',
  'try',
  'catch',
  'finally',
  'do',
  'macro',
  'quote',
  'true',
  'false',
  'in',
  'isa',
  'where',
]);

function isIdStart(c: string): boolean {
  return (/[\p{L}_\p{Nl}\p{Sc}]/u.test(c) && c !== '√' && c !== '¬' && c !== '$') || c === '∇';
}
function isIdChar(c: string): boolean {
  return isIdStart(c) || /[0-9!\p{Mn}\p{Mc}\p{Nd}\p{No}′″‴\u2080-\u208e\u2070-\u207e]/u.test(c);
}

export function lex(src: string): Token[] {
  const toks: Token[] = [];
  let i = 0,
    line = 1,
    lineStart = 0;
  let space = false;
  const n = src.length;
  const push = (kind: TokKind, text: string, start: number, extra: Partial<Token> = {}) => {
    toks.push({ kind, text, pos: start, line: lineAt(start), col: colAt(start), spaceBefore: space, ...extra });
    space = false;
  };
  // line/col lookup: we track lines as we go, but tokens spanning lines (strings) need the start's line
  const lineStarts: number[] = [0];
  for (let k = 0; k < n; k++) if (src[k] === '\n') lineStarts.push(k + 1);
  function lineAt(p: number): number {
    let lo = 0,
      hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  // the column (in code points) of p, counted on from the previous token's on the same line: tokens come in order,
  // and counting from the line's start each time made a long line quadratic
  let colLine = 0,
    colPos = 0,
    col = 1;
  const colAt = (p: number): number => {
    const ln = lineAt(p);
    if (ln !== colLine || p < colPos) {
      colLine = ln;
      colPos = lineStarts[ln - 1]!;
      col = 1;
    }
    for (; colPos < p; colPos++) {
      // the second half of a surrogate pair is no code point of its own
      const u = src.charCodeAt(colPos);
      const hi = colPos > 0 ? src.charCodeAt(colPos - 1) : 0;
      if (!(u >= 0xdc00 && u <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff)) col++;
    }
    return col;
  };
  void line;
  void lineStart;

  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      space = true;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      space = true;
      continue;
    }
    if (c === '#') {
      if (src[i + 1] === '=') {
        // nested block comment
        let depth = 1;
        i += 2;
        while (i < n && depth > 0) {
          if (src[i] === '#' && src[i + 1] === '=') {
            depth++;
            i += 2;
          } else if (src[i] === '=' && src[i + 1] === '#') {
            depth--;
            i += 2;
          } else i++;
        }
        if (depth > 0) throw new LexError('unterminated multi-line comment #= ... =#', n);
        space = true;
        continue;
      }
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      push('nl', '\n', i);
      i++;
      space = true;
      continue;
    }
    const start = i;
    // numbers
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      if (c === '0' && /[xob]/.test(src[i + 1] ?? '')) {
        const base = src[i + 1]!;
        i += 2;
        const re = base === 'x' ? /[0-9a-fA-F_]/ : base === 'o' ? /[0-7_]/ : /[01_]/;
        while (i < n && re.test(src[i]!)) i++;
        if (!/[0-9a-fA-F]/.test(src.slice(start + 2, i)))
          throw new LexError(`invalid numeric constant "${src.slice(start, i)}"`, start);
        push('int', src.slice(start, i), start);
        continue;
      }
      let isFloat = false;
      while (i < n && /[0-9_]/.test(src[i]!)) i++;
      if (
        (src[i] === '.' && src[i + 1] !== '.' && !/[*+\-/^=<>!%&|]/.test(src[i + 1] ?? '')) ||
        (c === '.' && i === start)
      ) {
        // `1.` followed by an identifier char other than e/f is still a float (1.0), `1.+2` lexes as 1 .+ 2
        isFloat = true;
        i++;
        while (i < n && /[0-9_]/.test(src[i]!)) i++;
      }
      if (
        /[eEf]/.test(src[i] ?? '') &&
        /[0-9]/.test(src[i + 1] === '-' || src[i + 1] === '+' ? (src[i + 2] ?? '') : (src[i + 1] ?? ''))
      ) {
        isFloat = true;
        i++;
        if (src[i] === '-' || src[i] === '+') i++;
        while (i < n && /[0-9]/.test(src[i]!)) i++;
      }
      push(isFloat ? 'float' : 'int', src.slice(start, i), start);
      continue;
    }
    // identifiers and keywords (and string macro prefixes)
    const cp = src.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (isIdStart(ch)) {
      i += ch.length;
      // `x!=y` is `x != y`: a `!` followed by `=` is not part of the name
      while (i < n) {
        const d = String.fromCodePoint(src.codePointAt(i)!);
        if (!isIdChar(d) || (d === '!' && src[i + 1] === '=')) break;
        i += d.length;
      }
      const word = src.slice(start, i);
      if (src[i] === '"' && !KEYWORDS.has(word)) {
        // string macro like r"..." / raw"..." / s"...": its text is passed on raw (the macro unescapes it if
        // it wants to), and letters right after the closing quote are its flags, r"a.b"s
        const t = lexString(src, i, true);
        i = t.end;
        const fs = i;
        while (i < n && isIdChar(String.fromCodePoint(src.codePointAt(i)!)))
          i += String.fromCodePoint(src.codePointAt(i)!).length;
        const flags = i > fs ? { suffix: src.slice(fs, i) } : {};
        push('str', word, start, { parts: t.parts, triple: t.triple, prefix: word, ...flags });
        continue;
      }
      push(KEYWORDS.has(word) ? 'kw' : 'id', word, start);
      continue;
    }
    if (c === '@') {
      i++;
      if (src[i] === '.') {
        i++;
        push('macro', '@.', start);
        continue;
      }
      while (i < n) {
        const d = String.fromCodePoint(src.codePointAt(i)!);
        if (!isIdChar(d)) break;
        i += d.length;
      }
      push('macro', src.slice(start, i), start);
      continue;
    }
    if (c === '"') {
      const t = lexString(src, i, false);
      push('str', '', start, { parts: t.parts, triple: t.triple });
      i = t.end;
      continue;
    }
    if (c === "'") {
      // a quote after an identifier, `)`, `]` or `'` with no space is the adjoint operator
      const prev = toks[toks.length - 1];
      if (
        prev &&
        !space &&
        (prev.kind === 'id' ||
          prev.kind === 'int' ||
          prev.kind === 'float' ||
          (prev.kind === 'op' && /^[)\]}']$/.test(prev.text)) ||
          (prev.kind === 'kw' && prev.text === 'end'))
      ) {
        push('op', "'", start);
        i++;
        continue;
      }
      i++;
      let value: number;
      let invalid = false;
      if (src[i] === '\\') {
        const e = readEscape(src, i, true);
        value = e.cp;
        i = e.end;
        if (e.byte && e.cp >= 0x80) {
          // byte escapes make one character as a string's bytes would: '\xc3\xa9' is 'é'; bytes that are no
          // UTF-8 character ('\xff', the overlong '\xc0\xa0') make an invalid Char
          const bytes = [e.cp];
          const need = e.cp >= 0xc0 && e.cp <= 0xf7 ? (e.cp < 0xe0 ? 1 : e.cp < 0xf0 ? 2 : 3) : 0;
          while (bytes.length <= need && src[i] === '\\') {
            const c = readEscape(src, i, true);
            if (!c.byte || (c.cp & 0xc0) !== 0x80) break;
            bytes.push(c.cp);
            i = c.end;
          }
          const text = Buffer.from(bytes).toString('utf8');
          const cp = text.codePointAt(0)!;
          if (bytes.length === need + 1 && cp !== 0xfffd && String.fromCodePoint(cp) === text) value = cp;
          else invalid = true;
        } else if (value >= 0xd800 && value <= 0xdfff) invalid = true;
      } else {
        const q = src.codePointAt(i);
        if (q === undefined) throw new LexError('unterminated character literal', start);
        value = q;
        i += String.fromCodePoint(q).length;
      }
      if (src[i] !== "'") throw new LexError('character literal contains multiple characters', start);
      i++;
      push('char', src.slice(start, i), start, invalid ? { cp: value, invalid: true } : { cp: value });
      continue;
    }
    // Julia reads U+2212 (minus sign) as `-` and the middle dots as `⋅`
    const norm = ch === '\u2212' ? '-' : ch === '\u00b7' || ch === '\u0387' ? '⋅' : null;
    let matched = '';
    if (norm !== null) {
      matched = norm;
      i += ch.length;
    } else {
      for (const op of OPS_BY_FIRST.get(ch) ?? [])
        if (src.startsWith(op, i)) {
          matched = op;
          break;
        }
      if (!matched) throw new LexError(`invalid character "${ch}"`, i);
      i += matched.length;
    }
    // an operator may carry suffixes (subscripts, primes, combining marks): `==ₜ` is an operator of its own
    const b = baseOp(matched);
    if (PREC[b] !== undefined || UNARY_OPS.has(b)) {
      while (i < n && OP_SUFFIX.test(String.fromCodePoint(src.codePointAt(i)!))) {
        const d = String.fromCodePoint(src.codePointAt(i)!);
        matched += d;
        i += d.length;
      }
    }
    push('op', matched, start);
  }
  toks.push({ kind: 'eof', text: '', pos: n, line: lineAt(n), col: colAt(n), spaceBefore: true });
  return toks;
}

/** an escape sequence at `i`: its value and whether it is a byte (`\xff`, `\377`: in a string, one raw byte, not a
 *  character); `inString` allows surrogates (`"\ud800"` is an invalid string, not a syntax error) */
function readEscape(src: string, i: number, inString = false): { cp: number; end: number; byte?: boolean } {
  const e = src[i + 1];
  const simple: Record<string, number> = {
    n: 10,
    t: 9,
    r: 13,
    '0': 0,
    '\\': 92,
    '"': 34,
    "'": 39,
    $: 36,
    a: 7,
    b: 8,
    f: 12,
    v: 11,
    e: 27,
  };
  if (e === undefined) throw new LexError('unterminated escape', i);
  if (e === 'x' || e === 'u' || e === 'U') {
    const max = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    let j = i + 2;
    while (j < i + 2 + max && /[0-9a-fA-F]/.test(src[j] ?? '')) j++;
    if (j === i + 2) throw new LexError('invalid escape sequence', i);
    const cp = parseInt(src.slice(i + 2, j), 16);
    // past the last code point, or a UTF-16 surrogate: no character
    if (e !== 'x' && (cp > 0x10ffff || (!inString && cp >= 0xd800 && cp <= 0xdfff)))
      throw new LexError('invalid unicode escape sequence', i);
    return { cp, end: j, byte: e === 'x' };
  }
  if (/[0-7]/.test(e)) {
    let j = i + 1;
    while (j < i + 4 && /[0-7]/.test(src[j] ?? '')) j++;
    const cp = parseInt(src.slice(i + 1, j), 8);
    if (cp > 0xff) throw new LexError('invalid escape sequence', i);
    return { cp, end: j, byte: true };
  }
  const v = simple[e];
  if (v === undefined) throw new LexError(`invalid escape sequence \\${e}`, i);
  return { cp: v, end: i + 2 };
}

/** Lexes a string literal starting at the opening quote. Interpolations are returned as source snippets that the
 *  parser parses recursively. Triple-quoted strings are dedented as Julia does. */
function lexString(
  src: string,
  i: number,
  raw: boolean,
): { parts: (string | { src: string; offset: number })[]; triple: boolean; end: number } {
  const triple = src.startsWith('"""', i);
  const start = i;
  i += triple ? 3 : 1;
  const parts: (string | { src: string; offset: number })[] = [];
  let buf = '';
  for (;;) {
    if (i >= src.length) throw new LexError('unterminated string literal', start);
    const c = src[i]!;
    if (triple ? src.startsWith('"""', i) : c === '"') {
      i += triple ? 3 : 1;
      break;
    }
    if (c === '\\') {
      if (raw) {
        // backslashes before a quote are halved, and an odd one out escapes the quote; others stay as written
        let j = i;
        while (src[j] === '\\') j++;
        const run = j - i;
        if (src[j] === '"') {
          buf += '\\'.repeat(run >> 1);
          if (run & 1) {
            buf += '"';
            j++;
          }
        } else buf += '\\'.repeat(run);
        i = j;
        continue;
      }
      if (src[i + 1] === '\n') {
        i += 2;
        while (src[i] === ' ' || src[i] === '\t') i++;
        continue;
      }
      const e = readEscape(src, i, true);
      buf += e.byte ? String.fromCharCode(e.cp) : encodeCodePoint(e.cp);
      i = e.end;
      continue;
    }
    if (c === '$' && !raw) {
      if (buf) parts.push(buf);
      buf = '';
      if (src[i + 1] === '(') {
        let depth = 0,
          j = i + 1;
        for (; j < src.length; j++) {
          if (src[j] === '(') depth++;
          else if (src[j] === ')') {
            depth--;
            if (depth === 0) break;
          } else if (src[j] === '"') {
            j = lexString(src, j, false).end - 1;
          }
        }
        parts.push({ src: src.slice(i + 2, j), offset: i + 2 });
        i = j + 1;
        continue;
      }
      let j = i + 1;
      // `!` ends an interpolated name ("Hello, $name!" interpolates `name`)
      while (j < src.length && src[j] !== '!' && isIdChar(String.fromCodePoint(src.codePointAt(j)!)))
        j += String.fromCodePoint(src.codePointAt(j)!).length;
      if (j === i + 1) throw new LexError('invalid interpolation syntax: "$"', i);
      parts.push({ src: src.slice(i + 1, j), offset: i + 1 });
      i = j;
      continue;
    }
    // the text is kept as UTF-8 bytes, so that escaped bytes (`"\xff"`) stay single bytes
    const cp = src.codePointAt(i)!;
    buf += cp < 0x80 ? c : encodeCodePoint(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  if (buf) parts.push(buf);
  if (triple) dedent(parts);
  return { parts, triple, end: i };
}

/** Julia's triple-quote rule: drop a newline right after the opening quotes, then remove the common leading
 *  whitespace of all lines (the line holding the closing quotes counts). */
function dedent(parts: (string | { src: string; offset: number })[]): void {
  if (typeof parts[0] === 'string' && parts[0].startsWith('\n')) parts[0] = parts[0].slice(1);
  const text = parts.map(p => (typeof p === 'string' ? p : '\u0000')).join('');
  const lines = text.split('\n');
  let min = Infinity;
  lines.forEach((l, k) => {
    const ws = /^[ \t]*/.exec(l)![0].length;
    if (ws === l.length && k !== lines.length - 1) return; // blank lines don't count (except the last)
    min = Math.min(min, ws);
  });
  if (!isFinite(min) || min === 0) return;
  let atLineStart = true;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (typeof p !== 'string') {
      atLineStart = false;
      continue;
    }
    let out = '';
    const segs = p.split('\n');
    segs.forEach((s, j) => {
      if (j > 0) {
        out += '\n';
        atLineStart = true;
      }
      if (atLineStart) {
        let r = 0;
        while (r < min && (s[r] === ' ' || s[r] === '\t')) r++;
        s = s.slice(r);
      }
      out += s;
      if (s.length) atLineStart = false;
    });
    parts[k] = out;
  }
}
