// Recursive-descent / precedence-climbing parser producing Julia's AST shapes (as Meta.parse gives them).
import { workCounters } from '../runtime/counters.ts';
import { lex, LexError, type Token } from './lexer.ts';
import { Expr, LineNumberNode, QuoteNode, JChar, Bits, T, sym, type Value, type Sym } from '../runtime/values.ts';
import { utf8Encode } from '../runtime/utf8.ts';
import { ASSIGN_OPS, UNARY_OPS, baseOp, isRightAssoc, precOf } from './operators.ts';

/** expressions written inside parentheses: `(a + b) + c` is `+(+(a, b), c)`, not a chain `+(a, b, c)` */
const parenthesized = new WeakSet<Expr>();
/** `(a; b)` written with a semicolon: before `->` it is an argument list with a keyword, `(x; k = 1) -> x` */
const parenBlocks = new WeakSet<Expr>();

export class ParseError extends Error {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly msg: string;
  readonly source: string;
  constructor(msg: string, file: string, line: number, col: number, source: string) {
    super(`${file}:${line}:${col}: ${msg}`);
    this.msg = msg;
    this.file = file;
    this.line = line;
    this.col = col;
    this.source = source;
  }
  /** Julia 1.10's ParseError display: location, the source line, a caret under the column */
  display(loadError = false): string {
    const text = this.source.split('\n')[this.line - 1] ?? '';
    const pad = ' '.repeat(Math.max(0, this.col - 2));
    return `ERROR: ${loadError ? 'LoadError: ' : ''}ParseError:\n# Error @ ${this.file}:${this.line}:${this.col}\n${text}\n#${pad}└ ── ${this.msg.replace(/^incomplete: /, '')}`;
  }
}

const E = (head: string, ...args: Value[]): Expr => new Expr(sym(head), args);

const BLOCK_END = new Set(['end', 'else', 'elseif', 'catch', 'finally']);

export function parseAll(text: string, file: string): Expr {
  workCounters.parses++;
  workCounters.parsedChars += text.length;
  // a CRLF line end is a newline, inside string literals too (a file saved on Windows prints as on Linux)
  if (text.includes('\r\n')) text = text.replace(/\r\n/g, '\n');
  const p = new Parser(text, file);
  const out: Value[] = [];
  p.skipNewlines();
  while (!p.at('eof')) {
    const { line, col } = p.peek();
    let ex: Value;
    try {
      ex = p.parseStatement();
    } catch (e) {
      // the parser recurses per nesting level: input nested deeper than the stack allows is a clean error
      if (e instanceof RangeError && e.message.includes('call stack'))
        throw new ParseError('expression too deeply nested', file, line, col, text);
      throw e;
    }
    out.push(new LineNumberNode(line, sym(file)), p.attachDoc(ex, line));
    p.endStatement();
  }
  return new Expr(sym('toplevel'), out);
}

/** Parses one toplevel statement starting at `offset` (Meta.parse, the REPL). */
export function parseOne(text: string, file: string): Value {
  const ex = parseAll(text, file);
  const stmts = ex.args.filter(a => !(a instanceof LineNumberNode));
  if (stmts.length === 0) return null as unknown as Value;
  if (stmts.length > 1) throw new ParseError('extra token after end of expression', file, 1, 1, text);
  return stmts[0]!;
}

/** True when the text ends inside an unfinished construct (the REPL then reads another line). */
export function isIncomplete(text: string): boolean {
  try {
    parseAll(text, 'REPL');
    return false;
  } catch (e) {
    return e instanceof ParseError && e.msg.startsWith('incomplete');
  }
}

class Parser {
  toks: Token[] = [];
  i = 0;
  text: string;
  file: string;
  /** inside [ ] or ( ): newlines are whitespace; in [ ] spaces separate columns */
  parenDepth = 0;
  inBracket = false;
  /** inside an indexing expression, `end` and `begin` are symbols */
  inIndex = 0;
  /** inside the middle of `a ? b : c`, a spaced ` : ` ends the branch instead of making a range */
  inTernary = 0;
  noSplat = 0;
  /** inside a `where` argument: a following `where` belongs to the outer expression */
  noWhere = 0;
  constructor(text: string, file: string) {
    this.text = text;
    this.file = file;
    try {
      this.toks = lex(text);
    } catch (e) {
      if (e instanceof LexError) {
        const before = text.slice(0, e.pos).split('\n');
        throw new ParseError(
          e.message.startsWith('unterminated') ? 'incomplete: ' + e.message : e.message,
          file,
          before.length,
          before[before.length - 1]!.length + 1,
          text,
        );
      }
      throw e;
    }
  }
  peek(k = 0): Token {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)]!;
  }
  next(): Token {
    return this.toks[this.i++]!;
  }
  at(kind: string, text?: string): boolean {
    const t = this.peek();
    return t.kind === kind && (text === undefined || t.text === text);
  }
  isOp(text: string): boolean {
    return this.at('op', text);
  }
  isKw(text: string): boolean {
    return this.at('kw', text);
  }
  err(msg: string, t: Token = this.peek()): never {
    if (t.kind === 'eof') {
      msg = 'incomplete: premature end of input';
      // point just past the last real token, as Julia does
      let k = this.toks.length - 2;
      while (k >= 0 && this.toks[k]!.kind === 'nl') k--;
      const last = this.toks[k];
      if (last) throw new ParseError(msg, this.file, last.line, last.col + [...last.text].length, this.text);
    }
    throw new ParseError(msg, this.file, t.line, t.col, this.text);
  }
  expectOp(text: string): Token {
    if (!this.isOp(text)) this.err(`Expected \`${text}\``);
    return this.next();
  }
  expectKw(text: string): Token {
    if (!this.isKw(text)) this.err(`Expected \`${text}\``);
    return this.next();
  }
  /** A string statement at toplevel or in a module, followed on the next line by another statement, documents it:
   *  `Expr(:macrocall, Symbol("@doc"), line, str, ex)`, the shape Julia's parser gives. */
  attachDoc(ex: Value, line: number): Value {
    const last = this.toks[this.i - 1];
    if (!(typeof ex === 'string' || (ex instanceof Expr && ex.head === sym('string')))) return ex;
    if (!last || last.kind !== 'str' || last.prefix || !this.at('nl')) return ex;
    let j = this.i;
    while (this.toks[j]?.kind === 'nl') j++;
    const after = this.toks[j];
    if (!after || after.kind === 'eof' || (after.kind === 'kw' && BLOCK_END.has(after.text))) return ex;
    // exactly one line break between them (comments aside): a blank line leaves the string alone
    const gap = this.text.slice(this.toks[this.i]!.pos, after.pos).replace(/#.*$/gm, '');
    if ((gap.match(/\n/g) ?? []).length !== 1) return ex;
    this.i = j;
    const target = this.parseStatement();
    return E('macrocall', sym('@doc'), new LineNumberNode(line, sym(this.file)), ex, target);
  }
  skipNewlines(): void {
    while (this.at('nl') || this.isOp(';')) this.next();
  }
  skipNl(): void {
    while (this.at('nl')) this.next();
  }
  /** skips newlines when the keyword `kw` follows them (`[f(x)\n for x in xs]`) */
  skipNlBefore(kw: string): void {
    let k = 0;
    while (this.peek(k).kind === 'nl') k++;
    if (k > 0 && this.peek(k).kind === 'kw' && this.peek(k).text === kw) this.skipNl();
  }
  endStatement(): void {
    if (this.at('eof')) return;
    if (this.at('nl') || this.isOp(';')) {
      this.skipNewlines();
      return;
    }
    this.err(`extra token \`${this.peek().text}\` after end of expression`);
  }

  // ---- statements and blocks
  /** a statement: bare tuples are allowed (`a, b = b, a`, `return x, y`) */
  parseStatement(): Value {
    const first = this.parseExpr();
    if (!this.isOp(',')) return first;
    if (first instanceof Expr && (first.head.name === '=' || ASSIGN_OPS.includes(first.head.name))) {
      const [lhs, rhs] = first.args as [Value, Value];
      if (!isCallLike(lhs)) {
        // x = 1, 2  assigns the tuple
        return new Expr(first.head, [lhs, new Expr(sym('tuple'), [rhs, ...this.commaTail()])]);
      }
      if (first.head.name === '=') {
        // f(x) = a, b  defines f to return the tuple (`a` is in the body block parseExpr wrapped it in)
        const body = rhs as Expr;
        const wrapped = body.args.length === 2 && body.args[0] instanceof LineNumberNode;
        const value = new Expr(sym('tuple'), [wrapped ? body.args[1]! : body, ...this.commaTail()]);
        return new Expr(first.head, [lhs, new Expr(sym('block'), wrapped ? [body.args[0]!, value] : [value])]);
      }
    }
    const lhs = new Expr(sym('tuple'), [first, ...this.commaTail()]);
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '=' || ASSIGN_OPS.includes(t.text))) {
      this.next();
      this.skipNl();
      return new Expr(sym(t.text), [lhs, this.parseStatement()]);
    }
    return lhs;
  }

  /** the items of `, a, b` that follow a statement's first expression */
  commaTail(): Value[] {
    const items: Value[] = [];
    while (this.isOp(',')) {
      this.next();
      const it = this.parseTernary();
      // `f(x) = a, y -> y`: an anonymous function is a tuple item of its own
      if (this.isOp('->')) {
        const t = this.next();
        this.skipNl();
        items.push(E('->', it, this.wrapBody(this.parseAssignment(), t.line)));
      } else items.push(it);
    }
    return items;
  }

  /** Parses statements until one of the terminator keywords; returns Expr(:block, LNN, stmt, ...) */
  parseBlock(terms: Set<string> = BLOCK_END, docs = false): Expr {
    const out: Value[] = [];
    const save = this.parenDepth;
    this.parenDepth = 0;
    const saveB = this.inBracket;
    this.inBracket = false;
    this.skipNewlines();
    while (!(this.at('kw') && terms.has(this.peek().text))) {
      if (this.at('eof')) this.err('incomplete: `end` expected');
      const line = this.peek().line;
      const st = this.parseStatement();
      out.push(new LineNumberNode(line, sym(this.file)), docs ? this.attachDoc(st, line) : st);
      if (this.at('kw') && terms.has(this.peek().text)) break;
      if (!(this.at('nl') || this.isOp(';'))) this.err(`extra token \`${this.peek().text}\` after end of expression`);
      this.skipNewlines();
    }
    this.parenDepth = save;
    this.inBracket = saveB;
    return new Expr(sym('block'), out);
  }

  parseExpr(): Value {
    return this.parseAssignment();
  }

  parseAssignment(): Value {
    const lhs = this.parseTernary();
    const t = this.peek();
    if (t.kind === 'op' && (ASSIGN_OPS.includes(t.text) || t.text === '->')) {
      this.next();
      this.skipNl();
      const rhs = this.parseAssignment();
      if (t.text === '->') {
        const args =
          lhs instanceof Expr && parenBlocks.has(lhs) && lhs.args.length === 2
            ? E('tuple', E('parameters', kwArg(lhs.args[1]!)), lhs.args[0]!)
            : lhs;
        return E('->', args, this.wrapBody(rhs, t.line));
      }
      if (t.text === '=' && isCallLike(lhs)) return E('=', lhs, this.wrapBody(rhs, t.line));
      return new Expr(sym(t.text), [lhs, rhs]);
    }
    return lhs;
  }
  wrapBody(body: Value, line: number): Value {
    if (body instanceof Expr && body.head.name === 'block') return body;
    return E('block', new LineNumberNode(line, sym(this.file)), body);
  }

  parseTernary(): Value {
    let cond = this.parsePair();
    while (this.isKw('where')) {
      this.next();
      const w = this.parseWhereArg();
      cond = w instanceof Expr && w.head.name === 'braces' ? E('where', cond, ...w.args) : E('where', cond, w);
    }
    if (this.isOp('?')) {
      if (!this.peek().spaceBefore) this.err('space required before "?" operator');
      this.next();
      this.skipNl();
      this.inTernary++;
      const a = this.parseTernary();
      this.skipNl();
      this.inTernary--;
      if (!this.isOp(':')) this.err('colon expected in "?" expression');
      this.next();
      this.skipNl();
      const b = this.parseTernary();
      return E('if', cond, a, b);
    }
    return cond;
  }
  parseWhereArg(): Value {
    if (this.isOp('{')) {
      this.next();
      const items = this.parseList('}');
      return E('braces', ...items);
    }
    // `A where T where S` is (A where T) where S: the argument does not take the next `where`
    this.noWhere++;
    try {
      return this.parseBinary(7);
    } finally {
      this.noWhere--;
    }
  }
  /** `where` binds tighter than binary operators (below `::` and `^`), as in Julia: `x == A{T} where T` compares x
   *  with the UnionAll */
  parseWhereTail(v: Value): Value {
    while (this.noWhere === 0 && this.isKw('where')) {
      this.next();
      const w = this.parseWhereArg();
      v = w instanceof Expr && w.head.name === 'braces' ? E('where', v, ...w.args) : E('where', v, w);
    }
    return v;
  }

  parsePair(): Value {
    const lhs = this.parseBinary(4);
    if (this.isOp('=>') || this.isOp('.=>')) {
      const op = this.next().text;
      this.skipNl();
      return E('call', sym(op), lhs, this.parsePair());
    }
    return lhs;
  }

  binOpAt(): string | null {
    if (this.at('nl') && this.parenDepth > 0 && !this.inBracket) {
      // inside parentheses a newline is whitespace: an operator on the next line goes on with the expression
      let k = 0;
      while (this.peek(k).kind === 'nl') k++;
      const nx = this.peek(k);
      if (
        (nx.kind === 'op' && (precOf(nx.text) ?? 0) > 2) ||
        (nx.kind === 'kw' && (nx.text === 'in' || nx.text === 'isa'))
      )
        this.skipNl();
    }
    const t = this.peek();
    if (t.kind === 'op' && (precOf(t.text) ?? 0) > 2) {
      // in brackets, `a -b` (space before, none after) is two elements, not subtraction
      if (
        this.inBracket &&
        this.parenDepth === 0 &&
        t.spaceBefore &&
        !this.peek(1).spaceBefore &&
        (t.text === '-' || t.text === '+')
      )
        return null;
      if (t.text === ':' && this.inTernary > 0 && t.spaceBefore) return null;
      if (t.text === ':' && this.inBracket && this.parenDepth === 0 && t.spaceBefore && this.peek(1).spaceBefore)
        return t.text;
      return t.text;
    }
    if (t.kind === 'kw' && (t.text === 'in' || t.text === 'isa')) return t.text;
    return null;
  }

  parseBinary(minPrec: number): Value {
    let lhs = this.parseWhereTail(this.parseUnary());
    for (;;) {
      // `...` binds looser than `:` and arithmetic but tighter than comparisons: 1:n... is (1:n)...
      if (minPrec <= 9 && this.isOp('...') && this.noSplat === 0) {
        this.next();
        lhs = E('...', lhs);
        continue;
      }
      const op = this.binOpAt();
      if (op === null) break;
      const p = precOf(op)!;
      if (p < minPrec) break;
      const opTok = this.next();
      this.skipNl();
      if (p === 7) {
        // comparison chain
        const rhs = this.parseBinary(8);
        const parts: Value[] = [lhs, sym(op), rhs];
        while (this.binOpAt() !== null && precOf(this.binOpAt()!) === 7) {
          const o2 = this.next().text;
          this.skipNl();
          parts.push(sym(o2), this.parseBinary(8));
        }
        if (parts.length === 3) lhs = mkBinary(op, lhs, rhs);
        else lhs = E('comparison', ...parts);
        continue;
      }
      if (op === ':') {
        if (this.at('nl') || this.isOp(')') || this.isOp(']') || this.isOp(',')) {
          lhs = E('call', sym(':'), lhs);
          continue;
        } // unlikely form
        const b = this.parseBinary(10);
        if (this.isOp(':')) {
          this.next();
          this.skipNl();
          const c = this.parseBinary(10);
          lhs = E('call', sym(':'), lhs, b, c);
        } else lhs = E('call', sym(':'), lhs, b);
        continue;
      }
      const rhs = this.parseBinary(isRightAssoc(op) ? p : p + 1);
      if (op === '||' || op === '&&') {
        lhs = E(op, lhs, rhs);
        continue;
      }
      // chains of + and * collapse into one call, as Julia does: a + b + c -> +(a, b, c)
      if (
        (op === '+' || op === '*') &&
        lhs instanceof Expr &&
        lhs.head.name === 'call' &&
        lhs.args[0] === sym(op) &&
        lhs.args.length >= 3 &&
        !parenthesized.has(lhs)
      ) {
        lhs.args.push(rhs);
        continue;
      }
      lhs = mkBinary(op, lhs, rhs);
      void opTok;
    }
    return lhs;
  }

  parseUnary(): Value {
    const t = this.peek();
    if (t.kind === 'op' && UNARY_OPS.has(baseOp(t.text))) {
      const nt = this.peek(1);
      if (
        nt.kind === 'op' &&
        (nt.text === ')' || nt.text === ',' || nt.text === ']' || nt.text === ';' || nt.text === '=')
      ) {
        this.next();
        return sym(t.text);
      }
      if (nt.kind === 'op' && nt.text === '(' && !nt.spaceBefore) {
        // `-(a, b)` is a call of -
        this.next();
        return this.parsePostfix(sym(t.text));
      }
      this.next();
      if ((t.text === '-' || t.text === '+') && (this.at('int') || this.at('float')) && !this.peek().spaceBefore) {
        const lit = this.parseNumberLiteral(t.text === '-');
        const operand = this.parseJuxtapose(lit);
        return this.parsePowerTail(operand, true, t.text);
      }
      const operand = this.parseUnary();
      // unary minus binds looser than ^ : -2^2 == -(2^2)
      return E('call', sym(t.text), operand);
    }
    if (t.kind === 'op' && t.text === '::') {
      this.next();
      return E('::', this.parseUnary());
    }
    // `<:T` inside type braces: Vector{<:Real}
    if (t.kind === 'op' && (t.text === '<:' || t.text === '>:') && !this.peek(1).spaceBefore) {
      this.next();
      return E(t.text, this.parseUnary());
    }
    const lit = this.at('int') || this.at('float');
    const p0 = this.parsePrimary();
    // a number literal is never called: 2(x+1) is juxtaposition
    const prim = lit && this.isOp('(') ? p0 : this.parsePostfix(p0);
    return this.parsePowerTail(this.parseJuxtapose(prim), false, '');
  }

  /** `^` binds tighter than unary minus on its left but its right operand may itself be unary: 2^-1 */
  parsePowerTail(base: Value, negLiteral: boolean, _sign: string): Value {
    if (this.isOp('^') || this.isOp('.^')) {
      const op = this.next().text;
      this.skipNl();
      const exp = this.parseUnaryForPower();
      if (negLiteral && typeof base !== 'object') {
        // -2^2 parses as -(2^2): undo the folded literal sign
        return E('call', sym('-'), E('call', sym(op), negate(base), exp));
      }
      return E('call', sym(op), base, exp);
    }
    return base;
  }
  parseUnaryForPower(): Value {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '!')) {
      this.next();
      if (t.text !== '!' && (this.at('int') || this.at('float'))) return this.parseNumberLiteral(t.text === '-');
      return E('call', sym(t.text), this.parseUnaryForPower());
    }
    const prim = this.parsePostfix(this.parsePrimary());
    return this.parsePowerTail(this.parseJuxtapose(prim), false, '');
  }

  /** numeric literal juxtaposed with an identifier or parenthesis: 2x, 3(x+1) */
  parseJuxtapose(v: Value): Value {
    const t = this.peek();
    if (
      (typeof v === 'bigint' || typeof v === 'number' || v instanceof Bits) &&
      !t.spaceBefore &&
      (t.kind === 'id' || (t.kind === 'op' && t.text === '('))
    ) {
      const rhs = t.kind === 'id' ? this.parsePostfix(this.parsePrimary()) : this.parsePostfix(this.parsePrimary());
      const rr = this.isOp('^') ? this.parsePowerTail(rhs, false, '') : rhs;
      return E('call', sym('*'), v, rr);
    }
    // an expression that ends in `)` or an adjoint, juxtaposed with an identifier, also multiplies: (x+1)x,
    // Int8(100)im, x'y
    const prev = this.toks[this.i - 1];
    if (
      !t.spaceBefore &&
      t.kind === 'id' &&
      prev !== undefined &&
      prev.kind === 'op' &&
      (prev.text === ')' || prev.text === "'")
    ) {
      const rhs = this.parsePostfix(this.parsePrimary());
      return E('call', sym('*'), v, this.isOp('^') ? this.parsePowerTail(rhs, false, '') : rhs);
    }
    return v;
  }

  parseNumberLiteral(neg: boolean): Value {
    const t = this.next();
    const raw = t.text.replace(/_/g, '');
    if (t.kind === 'float') {
      if (/f/.test(raw)) {
        const v = Math.fround(parseFloat(raw.replace('f', 'e')));
        return new Bits(T.Float32!, neg ? -v : v);
      }
      const v = parseFloat(raw.startsWith('.') ? '0' + raw : raw);
      return neg ? -v : v;
    }
    if (/^0[xob]/.test(raw)) {
      const digits = raw.length - 2;
      const v = BigInt(raw);
      const bits = raw[1] === 'x' ? digits * 4 : raw[1] === 'o' ? digits * 3 : digits;
      const w = bits <= 8 ? 'UInt8' : bits <= 16 ? 'UInt16' : bits <= 32 ? 'UInt32' : bits <= 64 ? 'UInt64' : 'UInt128';
      const r = new Bits(T[w]!, v);
      return neg ? E('call', sym('-'), r) : r;
    }
    let v = BigInt(raw);
    if (neg) v = -v;
    if (v >= -(1n << 63n) && v < 1n << 63n) return v;
    if (v >= -(1n << 127n) && v < 1n << 127n) return new Bits(T.Int128!, v);
    return E('macrocall', sym('@big_str'), null as unknown as Value, utf8Encode(v.toString()));
  }

  parsePostfix(v: Value): Value {
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op') break;
      if (t.text === '(' && !t.spaceBefore) {
        this.next();
        const args = this.parseCallArgs(')');
        v = E('call', v, ...args);
        if (this.isKw('do')) v = this.parseDo(v);
        continue;
      }
      if (t.text === '[' && !t.spaceBefore) {
        this.next();
        this.inIndex++;
        const saveB = this.inBracket;
        const saveD = this.parenDepth;
        this.inBracket = false;
        this.parenDepth = 1;
        const inner = this.parseBracketContents(']');
        this.inBracket = saveB;
        this.parenDepth = saveD;
        this.inIndex--;
        if (inner.head.name === 'vect') v = E('ref', v, ...inner.args);
        else if (inner.head.name === 'comprehension') v = E('typed_comprehension', v, ...inner.args);
        else v = E('typed_' + inner.head.name, v, ...inner.args);
        continue;
      }
      if (t.text === '{' && !t.spaceBefore) {
        this.next();
        v = E('curly', v, ...this.parseList('}'));
        continue;
      }
      if (t.text === '.' && !t.spaceBefore) {
        this.next();
        const n = this.peek();
        if (n.kind === 'op' && n.text === '(') {
          this.next();
          const args = this.parseCallArgs(')');
          v = E('.', v, E('tuple', ...args));
          continue;
        }
        if (n.kind === 'id' || n.kind === 'kw') {
          this.next();
          v = E('.', v, new QuoteNode(sym(n.text)));
          continue;
        }
        if (n.kind === 'op' && n.text === ':') {
          this.next();
          const q = this.parsePrimaryAfterColon();
          v = E('.', v, q);
          continue;
        }
        if (n.kind === 'op' && n.text === '$') {
          // `Base.$f` in a quote: the field name is interpolated
          this.next();
          v = E('.', v, new QuoteNode(E('$', this.parsePrimary())));
          continue;
        }
        if (n.kind === 'macro') {
          // a qualified macro call, `Base.@kwdef struct ... end`: its arguments follow as an unqualified one's
          return this.parseMacroCall(v);
        }
        if (n.kind === 'str' && n.prefix) {
          // a qualified string macro, `Printf.format"%d"`: the macro `@format_str` of that module
          this.next();
          const call = this.parseString(n) as Expr;
          call.args[0] = E('.', v, new QuoteNode(call.args[0]!));
          v = call;
          continue;
        }
        this.err('invalid syntax after `.`');
      }
      if (t.text === "'") {
        this.next();
        v = E("'", v);
        continue;
      }
      if (t.text === '::' && !(this.inBracket && t.spaceBefore && !this.peek(1).spaceBefore)) {
        this.next();
        // `x::T...` is `(x::T)...`: the type does not take the splat
        this.noSplat++;
        const ty = this.parsePostfix(this.parsePrimary());
        this.noSplat--;
        v = E('::', v, ty);
        continue;
      }
      break;
    }
    return v;
  }

  parseDo(call: Value): Value {
    this.next();
    const params: Value[] = [];
    if (!this.at('nl') && !this.isOp(';')) {
      params.push(this.parseBinary(2));
      while (this.isOp(',')) {
        this.next();
        params.push(this.parseBinary(2));
      }
    }
    const body = this.parseBlock(new Set(['end']));
    this.expectKw('end');
    return E('do', call, E('->', E('tuple', ...params), body));
  }

  /** arguments of a call up to `close`: positional, `k=v` keyword (Expr(:kw)), `; params`, generators */
  parseCallArgs(close: string): Value[] {
    const saveD = this.parenDepth,
      saveB = this.inBracket;
    this.parenDepth++;
    this.inBracket = false;
    const args: Value[] = [];
    let params: Value[] | null = null;
    this.skipNl();
    while (!this.isOp(close)) {
      if (this.isOp(';')) {
        this.next();
        this.skipNl();
        params = [];
        continue;
      }
      let a = this.parseExpr();
      this.skipNlBefore('for');
      if (this.isKw('for')) a = this.parseGenerator(a);
      if (a instanceof Expr && a.head.name === '=') a = E('kw', ...a.args);
      (params ?? args).push(a);
      this.skipNl();
      if (this.isOp(',')) {
        this.next();
        this.skipNl();
        continue;
      }
      if (!this.isOp(close) && !this.isOp(';')) this.err(`Expected \`${close}\``);
    }
    this.next();
    this.parenDepth = saveD;
    this.inBracket = saveB;
    if (params)
      return [E('parameters', ...params.map(p => (p instanceof Expr && p.head.name === 'kw' ? p : p))), ...args];
    return args;
  }

  parseList(close: string): Value[] {
    const saveD = this.parenDepth;
    this.parenDepth++;
    const saveB = this.inBracket;
    this.inBracket = false;
    const items: Value[] = [];
    this.skipNl();
    while (!this.isOp(close)) {
      items.push(this.parseExpr());
      this.skipNl();
      if (this.isOp(',')) {
        this.next();
        this.skipNl();
        continue;
      }
      if (!this.isOp(close)) this.err(`Expected \`${close}\``);
    }
    this.next();
    this.parenDepth = saveD;
    this.inBracket = saveB;
    return items;
  }

  parseGenerator(body: Value): Value {
    const specs: Value[] = [];
    this.expectKw('for');
    specs.push(this.parseIterSpec());
    while (this.isOp(',')) {
      this.next();
      this.skipNl();
      specs.push(this.parseIterSpec());
    }
    let gen: Value[] = specs;
    {
      let k = 0;
      while (this.peek(k).kind === 'nl') k++;
      const nx = this.peek(k);
      if (nx.kind === 'kw' && (nx.text === 'if' || nx.text === 'for')) while (this.at('nl')) this.next();
    }
    if (this.isKw('if')) {
      this.next();
      // the condition may go on at the next line (`if a\n && b`): a newline there is whitespace, as in parentheses
      const saveB = this.inBracket,
        saveD = this.parenDepth;
      this.inBracket = false;
      this.parenDepth = Math.max(1, saveD);
      const cond = this.parseTernary();
      this.inBracket = saveB;
      this.parenDepth = saveD;
      gen = [E('filter', cond, ...specs)];
    }
    if (this.isKw('for')) {
      // nested: [x for a in b for x in a]
      const inner = this.parseGenerator(body);
      return E('flatten', E('generator', inner, ...gen));
    }
    return E('generator', body, ...gen);
  }

  parseIterSpec(): Value {
    const saveB = this.inBracket;
    this.inBracket = false;
    // `for outer i = ...` reuses the enclosing scope's `i`
    const outer =
      this.at('id', 'outer') &&
      (this.peek(1).kind === 'id' || (this.peek(1).kind === 'op' && this.peek(1).text === '('));
    if (outer) this.next();
    const lhs0 = this.parseBinary(8);
    const lhs = outer ? E('outer', lhs0) : lhs0;
    this.inBracket = saveB;
    if (this.isOp('=') || this.isKw('in') || this.isOp('∈')) {
      this.next();
      this.skipNl();
    } else this.err('expected `in` in iteration specification');
    const saveB2 = this.inBracket;
    this.inBracket = false;
    const rhs = this.parseTernary();
    this.inBracket = saveB2;
    return E('=', lhs, rhs);
  }

  /** contents of [ ... ]: vect, hcat, vcat (rows), comprehension */
  parseBracketContents(close: string): Expr {
    const saveB = this.inBracket,
      saveD = this.parenDepth;
    this.inBracket = true;
    this.parenDepth = 0;
    const rows: Value[][] = [];
    let row: Value[] = [];
    let sawComma = false,
      sawSemi = false;
    this.skipNl();
    const finish = (e: Expr) => {
      this.inBracket = saveB;
      this.parenDepth = saveD;
      return e;
    };
    if (this.isOp(close)) {
      this.next();
      return finish(E('vect'));
    }
    for (;;) {
      let el = this.parseExpr();
      this.skipNlBefore('for');
      if (this.isKw('for')) {
        this.inBracket = false;
        el = this.parseGenerator(el);
        this.skipNl();
        this.expectOp(close);
        return finish(E('comprehension', el));
      }
      row.push(el);
      if (this.isOp(',')) {
        sawComma = true;
        this.next();
        this.skipNl();
        if (this.isOp(close)) {
          this.next();
          rows.push(row);
          break;
        }
        continue;
      }
      if (this.isOp(close)) {
        this.next();
        rows.push(row);
        break;
      }
      if (this.at('nl') && !this.isOp(';')) {
        // a newline before the closing bracket, or in a comma-separated list, is only whitespace
        let k = 0;
        while (this.peek(k).kind === 'nl') k++;
        const nx = this.peek(k);
        if (sawComma || (nx.kind === 'op' && nx.text === close)) {
          while (this.at('nl')) this.next();
          if (this.isOp(close)) {
            this.next();
            rows.push(row);
            break;
          }
          continue;
        }
      }
      if (this.isOp(';') || this.at('nl')) {
        sawSemi = true;
        while (this.isOp(';') || this.at('nl')) this.next();
        rows.push(row);
        row = [];
        if (this.isOp(close)) {
          this.next();
          break;
        }
        continue;
      }
      // whitespace-separated: next column
      if (this.peek().spaceBefore) continue;
      this.err(`Expected \`${close}\``);
    }
    if (sawComma && !sawSemi) return finish(E('vect', ...rows.flat()));
    if (sawComma && sawSemi) this.err('unexpected semicolon in array expression');
    // [a b] is an hcat, [a;] and [a b;] a vcat (of one row)
    if (rows.length === 1 && !sawSemi)
      return finish(rows[0]!.length === 1 ? E('vect', ...rows[0]!) : E('hcat', ...rows[0]!));
    if (rows.every(r => r.length === 1)) return finish(E('vcat', ...rows.map(r => r[0]!)));
    return finish(E('vcat', ...rows.map(r => (r.length === 1 ? r[0]! : E('row', ...r)))));
  }

  parsePrimaryAfterColon(): Value {
    const t = this.peek();
    if (t.kind === 'op' && t.text === '(') {
      // an operator alone, `:(::)` or `:(<:)`, is its symbol
      const o = this.peek(1);
      if (o.kind === 'op' && !/^[()[\]{},;]$/.test(o.text) && this.peek(2).kind === 'op' && this.peek(2).text === ')') {
        this.next();
        this.next();
        this.next();
        return new QuoteNode(sym(o.text));
      }
      this.next();
      const e = this.parseParenContents();
      return E('quote', e);
    }
    if (t.kind === 'id' || t.kind === 'kw') {
      this.next();
      return new QuoteNode(sym(t.text));
    }
    // a quoted literal is the literal itself: `:1` is 1
    if (t.kind === 'int' || t.kind === 'float') return this.parseNumberLiteral(false);
    if (t.kind === 'op') {
      this.next();
      return new QuoteNode(sym(t.text));
    }
    return this.err('invalid `:` syntax');
  }

  parseParenContents(): Value {
    const saveD = this.parenDepth,
      saveB = this.inBracket;
    this.parenDepth++;
    this.inBracket = false;
    const done = (v: Value) => {
      this.parenDepth = saveD;
      this.inBracket = saveB;
      return v;
    };
    this.skipNl();
    if (this.isOp(')')) {
      this.next();
      return done(E('tuple'));
    }
    if (this.isOp(';')) {
      // (; a, b) named tuple
      this.next();
      const items: Value[] = [];
      this.skipNl();
      while (!this.isOp(')')) {
        items.push(this.parseExpr());
        this.skipNl();
        if (this.isOp(',')) {
          this.next();
          this.skipNl();
        }
      }
      this.next();
      return done(
        E(
          'tuple',
          E('parameters', ...items.map(x => (x instanceof Expr && x.head.name === '=' ? E('kw', ...x.args) : x))),
        ),
      );
    }
    let first = this.parseExpr();
    this.skipNlBefore('for');
    if (this.isKw('for')) {
      first = this.parseGenerator(first);
      this.skipNl();
      this.expectOp(')');
      return done(first);
    }
    this.skipNl();
    if (this.isOp(')')) {
      this.next();
      if (first instanceof Expr) parenthesized.add(first);
      return done(first);
    }
    const kwify = (x: Value): Value => (x instanceof Expr && x.head.name === '=' ? E('kw', ...x.args) : x);
    /** the comma-separated items after a `;` up to `)`: keyword parameters `(a, b; k = 1)` */
    const params = (): Expr => {
      const ps: Value[] = [];
      this.skipNl();
      while (!this.isOp(')')) {
        ps.push(kwify(this.parseExpr()));
        this.skipNl();
        if (!this.isOp(',')) break;
        this.next();
        this.skipNl();
      }
      this.expectOp(')');
      return E('parameters', ...ps);
    };
    if (this.isOp(',')) {
      const items: Value[] = [first];
      while (this.isOp(',')) {
        this.next();
        this.skipNl();
        if (this.isOp(')') || this.isOp(';')) break;
        items.push(this.parseExpr());
        this.skipNl();
      }
      if (this.isOp(';')) {
        this.next();
        return done(E('tuple', params(), ...items));
      }
      this.expectOp(')');
      return done(E('tuple', ...items));
    }
    if (this.isOp(';')) {
      const stmts: Value[] = [first];
      while (this.isOp(';')) {
        this.next();
        this.skipNl();
        if (this.isOp(')')) break;
        stmts.push(this.parseExpr());
        this.skipNl();
        if (this.isOp(',') && stmts.length === 2) {
          // `(x; a = 1, b = 2)` is a tuple with keyword parameters
          this.next();
          const rest = params();
          return done(E('tuple', E('parameters', kwify(stmts[1]!), ...rest.args), first));
        }
      }
      this.expectOp(')');
      const b = E('block', ...stmts);
      parenBlocks.add(b);
      return done(b);
    }
    return this.err('Expected `)`');
  }

  parseString(t: Token): Value {
    const parts: Value[] = [];
    for (const p of t.parts ?? []) {
      if (typeof p === 'string')
        parts.push(p); // already UTF-8 bytes
      else {
        const sub = new Parser(p.src, this.file);
        // report positions relative to the enclosing file
        const ex = sub.parseExpr();
        parts.push(ex);
      }
    }
    if (t.prefix) {
      const raw = (t.parts ?? []).map(p => (typeof p === 'string' ? p : '$' + p.src)).join('');
      const flags = t.suffix === undefined ? [] : [utf8Encode(t.suffix)];
      const lnn = new LineNumberNode(t.line, sym(this.file));
      return E('macrocall', sym(`@${t.prefix}_str`), lnn, raw, ...flags);
    }
    if (parts.length === 0) return '';
    if (parts.length === 1 && typeof parts[0] === 'string') return parts[0]!;
    return E('string', ...parts);
  }

  parsePrimary(): Value {
    const t = this.peek();
    switch (t.kind) {
      case 'int':
      case 'float':
        return this.parseNumberLiteral(false);
      case 'str':
        this.next();
        return this.parseString(t);
      case 'char':
        this.next();
        // Jolt's Char holds a code point: a literal that is none parses, and is an error when it runs
        if (t.invalid)
          return E(
            'call',
            E('.', sym('Base'), new QuoteNode(sym('error'))),
            utf8Encode(`invalid Char values are not supported yet: ${t.text}`),
          );
        return JChar.of(t.cp!);
      case 'id':
        this.next();
        return sym(t.text);
      case 'macro':
        return this.parseMacroCall();
      case 'kw':
        if (
          (t.text === 'in' || t.text === 'isa') &&
          this.peek(1).kind === 'op' &&
          ((this.peek(1).text === '(' && !this.peek(1).spaceBefore) || /^[,)\]]$/.test(this.peek(1).text))
        ) {
          // `in` as a value: `in(x)`, `map(in, ...)`, `(in, T)`
          this.next();
          return sym(t.text);
        }
        return this.parseKeywordForm();
      case 'op': {
        if (t.text === '(') {
          this.next();
          return this.parseParenContents();
        }
        if (t.text === '[') {
          this.next();
          return this.parseBracketContents(']');
        }
        if (t.text === ':') {
          this.next();
          const n = this.peek();
          if (n.spaceBefore || n.kind === 'nl' || n.kind === 'eof' || (n.kind === 'op' && /^[)\],;]$/.test(n.text)))
            return sym(':');
          return this.parsePrimaryAfterColon();
        }
        if (t.text === '$') {
          this.next();
          return E('$', this.parsePrimary());
        }
        if (precOf(t.text) !== undefined || UNARY_OPS.has(baseOp(t.text))) {
          this.next();
          return sym(t.text);
        }
        return this.err(`unexpected \`${t.text}\``);
      }
      case 'nl':
        return this.err('unexpected newline');
      case 'eof':
        return this.err('incomplete: premature end of input');
    }
  }

  /** a macro call, at its name's token; `qualifier`: the module it is named in (`Base` of `Base.@m`), if any */
  parseMacroCall(qualifier?: Value): Value {
    const t = this.next();
    const bare = sym(t.text === '@.' ? '@__dot__' : t.text); // Julia's name for `@.`
    const name = qualifier === undefined ? bare : E('.', qualifier, new QuoteNode(bare));
    const lnn = new LineNumberNode(t.line, sym(this.file));
    if ((this.isOp('{') || this.isOp('[')) && !this.peek().spaceBefore) {
      // `@NamedTuple{a::Int}`, `@m[1, 2]`: the braces or brackets are the one argument
      const open = this.next().text;
      const arg = open === '{' ? E('braces', ...this.parseList('}')) : (this.parseBracketContents(']') as Value);
      return E('macrocall', name, lnn, arg);
    }
    if (this.isOp('(') && !this.peek().spaceBefore) {
      this.next();
      const args = this.parseCallArgs(')').map(a =>
        a instanceof Expr && a.head.name === 'kw' ? E('=', ...a.args) : a,
      );
      return this.parsePostfix(E('macrocall', name, lnn, ...args));
    }
    const args: Value[] = [];
    const saveB = this.inBracket;
    this.inBracket = true;
    const saveD = this.parenDepth;
    this.parenDepth = 0;
    while (
      !this.at('nl') &&
      !this.at('eof') &&
      !this.isOp(';') &&
      !this.isOp(')') &&
      !this.isOp(']') &&
      !this.isOp(',') &&
      !(this.at('kw') && BLOCK_END.has(this.peek().text))
    ) {
      const a = this.parseExpr();
      args.push(a);
    }
    this.inBracket = saveB;
    this.parenDepth = saveD;
    return E('macrocall', name, lnn, ...args);
  }

  /** A keyword form: its header (`function f(x)`, `if c`, `for i in xs`) ends at a newline even inside parentheses
   *  (`:(function f(s)\n :(g($s))\n end)`: the quote on the next line starts the body) */
  parseKeywordForm(): Value {
    const saveD = this.parenDepth;
    this.parenDepth = 0;
    try {
      return this.parseKeyword();
    } finally {
      this.parenDepth = saveD;
    }
  }

  parseKeyword(): Value {
    const t = this.next();
    const line = t.line;
    const LNN = (l: number) => new LineNumberNode(l, sym(this.file));
    switch (t.text) {
      case 'true':
        return true;
      case 'false':
        return false;
      case 'end':
        if (this.inIndex > 0) return sym('end');
        return this.err('unexpected `end`', t);
      case 'begin': {
        if (this.inIndex > 0 && !this.at('nl')) return sym('begin');
        const b = this.parseBlock(new Set(['end']));
        this.expectKw('end');
        return b;
      }
      case 'quote': {
        const b = this.parseBlock(new Set(['end']));
        this.expectKw('end');
        return E('quote', b);
      }
      case 'if': {
        const cond = this.parseExpr();
        const then = this.parseBlock();
        return E('if', cond, then, ...this.parseIfTail());
      }
      case 'while': {
        const cond = this.parseExpr();
        const body = this.parseBlock(new Set(['end']));
        this.expectKw('end');
        return E('while', cond, body);
      }
      case 'for': {
        const specs: Value[] = [this.parseIterSpec()];
        while (this.isOp(',')) {
          this.next();
          this.skipNl();
          specs.push(this.parseIterSpec());
        }
        const body = this.parseBlock(new Set(['end']));
        this.expectKw('end');
        return E('for', specs.length === 1 ? specs[0]! : E('block', ...specs), body);
      }
      case 'let': {
        const binds: Value[] = [];
        while (!this.at('nl') && !this.isOp(';')) {
          binds.push(this.parseExpr());
          if (!this.isOp(',')) break;
          // `let a = 1,` goes on at the next line
          this.next();
          this.skipNl();
        }
        const body = this.parseBlock(new Set(['end']));
        this.expectKw('end');
        return E('let', binds.length === 1 ? binds[0]! : E('block', ...binds), body);
      }
      case 'function':
      case 'macro': {
        if (this.isKw('end')) this.err('unexpected `end`');
        const sig = this.parseFunctionSignature();
        if (t.text === 'function' && sig instanceof Symbol_ && this.isKw('end')) {
          this.next();
          return E('function', sig);
        }
        const body = this.parseBlock(new Set(['end']));
        this.expectKw('end');
        return E(t.text, sig, body);
      }
      case 'return': {
        if (
          this.at('nl') ||
          this.at('eof') ||
          this.isOp(';') ||
          (this.at('kw') && BLOCK_END.has(this.peek().text)) ||
          this.isOp(')')
        )
          return E('return', null as unknown as Value);
        return E('return', this.parseStatement());
      }
      case 'break':
        return E('break');
      case 'continue':
        return E('continue');
      case 'local':
      case 'global':
      case 'const': {
        const items: Value[] = [this.parseExpr()];
        while (this.isOp(',')) {
          this.next();
          items.push(this.parseExpr());
        }
        if (t.text === 'const' && this.isKw('global')) {
          /* const global */
        }
        return E(t.text, ...items);
      }
      case 'struct':
        return this.parseStruct(false);
      case 'mutable': {
        this.expectKw('struct');
        return this.parseStruct(true);
      }
      case 'abstract': {
        if (!(this.at('id') && this.peek().text === 'type')) this.err('expected `type` after `abstract`');
        this.next();
        const name = this.parseBinary(7);
        this.expectKw('end');
        return E('abstract', name);
      }
      case 'primitive': {
        this.next();
        const name = this.parseBinary(7);
        const bits = this.parsePrimary();
        this.expectKw('end');
        return E('primitive', name, bits);
      }
      case 'try': {
        const body = this.parseBlock();
        let cvar: Value = false,
          cblock: Value = false,
          fblock: Value | null = null;
        if (this.isKw('catch')) {
          const ct = this.next();
          if (!this.at('nl') && !this.isOp(';') && !this.isKw('end')) cvar = this.parsePrimary();
          cblock = this.parseBlock();
          void ct;
        }
        if (this.isKw('finally')) {
          this.next();
          fblock = this.parseBlock(new Set(['end']));
        }
        this.expectKw('end');
        if (cblock === false && fblock === null) this.err('try without catch or finally');
        return fblock ? E('try', body, cvar, cblock, fblock) : E('try', body, cvar, cblock);
      }
      case 'module': {
        const name = this.next();
        const body = this.parseBlock(new Set(['end']), true);
        this.expectKw('end');
        return E('module', true, sym(name.text), body);
      }
      case 'using':
      case 'import':
        return this.parseImport(t.text);
      case 'export': {
        const names: Value[] = [];
        do {
          // a list may go on after a comma at the end of a line
          if (this.isOp(',')) {
            this.next();
            this.skipNl();
          }
          const n = this.next();
          names.push(sym(n.text));
        } while (this.isOp(','));
        return E('export', ...names);
      }
      case 'do':
        return this.err('unexpected `do`', t);
      default:
        return this.err(`unexpected \`${t.text}\``, t);
    }
    void line;
    void LNN;
  }

  parseIfTail(): Value[] {
    if (this.isKw('end')) {
      this.next();
      return [];
    }
    if (this.isKw('else')) {
      this.next();
      const b = this.parseBlock(new Set(['end']));
      this.expectKw('end');
      return [b];
    }
    if (this.isKw('elseif')) {
      const t = this.next();
      const cond = this.parseExpr();
      const then = this.parseBlock();
      return [E('elseif', E('block', new LineNumberNode(t.line, sym(this.file)), cond), then, ...this.parseIfTail())];
    }
    return this.err('incomplete: `end` expected');
  }

  parseFunctionSignature(): Value {
    // anonymous `function (x) ... end` or named call signature, optionally with ::T and where
    let sig = this.parseTernary();
    // `function (x; k = 1)`: an anonymous function's arguments with a keyword
    if (sig instanceof Expr && parenBlocks.has(sig) && sig.args.length === 2)
      sig = E('tuple', E('parameters', kwArg(sig.args[1]!)), sig.args[0]!);
    if (this.isOp('::')) {
      this.next();
      sig = E('::', sig, this.parsePrimary());
    }
    while (this.isKw('where')) {
      this.next();
      const w = this.parseWhereArg();
      sig = w instanceof Expr && w.head.name === 'braces' ? E('where', sig, ...w.args) : E('where', sig, w);
    }
    return sig;
  }

  parseStruct(mutable: boolean): Value {
    const name = this.parseBinary(7);
    const body = this.parseBlock(new Set(['end']));
    this.expectKw('end');
    return E('struct', mutable, name, body);
  }

  parseImport(kind: string): Value {
    const path = (): Value => {
      const parts: Value[] = [];
      while (this.isOp('.')) {
        this.next();
        parts.push(sym('.'));
      }
      const n = this.next();
      parts.push(sym(n.text));
      while (this.isOp('.') && !this.peek(1).spaceBefore) {
        this.next();
        parts.push(sym(this.next().text));
      }
      // `import Base.==`: the lexer read `.==` as one dotted operator
      const d = this.peek();
      if (d.kind === 'op' && d.text.length > 1 && d.text[0] === '.' && d.text !== '...' && !d.spaceBefore) {
        this.next();
        parts.push(sym(d.text.slice(1)));
      }
      return E('.', ...parts);
    };
    const first = path();
    if (this.isOp(':')) {
      this.next();
      const names: Value[] = [];
      do {
        if (this.isOp(',')) {
          this.next();
          this.skipNl();
        }
        const n = this.next();
        names.push(E('.', sym(n.text)));
      } while (this.isOp(','));
      return E(kind, E(':', first, ...names));
    }
    const all: Value[] = [first];
    while (this.isOp(',')) {
      this.next();
      all.push(path());
    }
    return E(kind, ...all);
  }
}

// a tag type for the check in parseKeyword (a bare `function f end`)
const Symbol_ = sym('x').constructor as unknown as new () => Sym;

function isCallLike(v: Value): boolean {
  if (!(v instanceof Expr)) return false;
  const h = v.head.name;
  if (h === 'call') return true;
  if (h === 'where' || h === '::') return isCallLike(v.args[0]!);
  return false;
}

function kwArg(x: Value): Value {
  return x instanceof Expr && x.head.name === '=' ? E('kw', ...x.args) : x;
}

function negate(v: Value): Value {
  if (typeof v === 'bigint') return -v;
  if (typeof v === 'number') return -v;
  if (v instanceof Bits && typeof v.v === 'number') return new Bits(v.type, -v.v);
  return v;
}

function mkBinary(op: string, a: Value, b: Value): Value {
  if (op === '<:' || op === '>:') return E(op, a, b);
  if (op === '.=') return E(op, a, b);
  return E('call', sym(op), a, b);
}
