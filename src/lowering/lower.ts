// Lowering: macro-expanded surface Expr -> CodeInfo in SSA form (the statement forms of docs/ARCHITECTURE.md).
//
// Scope: each function, for/while body, let, try block and comprehension is a local scope. A name assigned in a
// scope is local to the outermost enclosing local scope (of this or an enclosing function) that already has it,
// else new in that scope; at toplevel, loop bodies follow the soft-scope rule (file: local; REPL: global if the
// global exists). Closures: every local that a nested function mentions lives in a Core.Box, created where the
// variable's scope is entered (so loop bodies get a fresh box per iteration); the closure is a struct with one
// field per captured box.
import {
  Expr,
  Sym,
  sym,
  QuoteNode,
  LineNumberNode,
  GlobalRef,
  Module,
  T,
  JChar,
  isTuple,
  type Value,
} from '../runtime/values.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from '../ir/nodes.ts';
import { CodeInfo, SLOT_ASSIGNED } from '../ir/CodeInfo.ts';

export class LoweringError extends Error {
  readonly line: number;
  constructor(msg: string, line: number) {
    super(msg);
    this.line = line;
  }
}

const E = (head: string, ...args: Value[]) => new Expr(sym(head), args);
const isE = (v: Value, head?: string): v is Expr => v instanceof Expr && (head === undefined || v.head.name === head);

export interface LowerOpts {
  softscope: boolean;
}

interface Scope {
  locals: Set<string>;
  globals: Set<string>;
  parent: Scope | null;
  fn: Lambda;
  isLoop: boolean;
}
interface Loop {
  breaks: number[];
  continues: number[];
  handlerDepth: number;
}
interface Finally {
  exit: SlotNumber;
  val: SlotNumber;
  depth: number;
  jumps: number[];
  exits: ('break' | 'continue')[];
}

/** state for lowering one lambda body (a method body or a toplevel thunk) */
class Lambda {
  ci = new CodeInfo();
  slots = new Map<string, number>();
  boxed = new Set<string>(); // locals that live in a Core.Box
  /** arguments and static parameters that nested functions capture but nothing assigns, and locals assigned once
   *  before any closure mentions them: a closure holds their value itself, in a field whose type is a parameter of
   *  the closure type (so its body infers) */
  byValue = new Set<string>();
  declTypes = new Map<string, Value>(); // locals declared `x::T`: every assignment converts to T
  captured: string[] = []; // closure fields (names captured from enclosing lambdas)
  sparams: string[] = [];
  loops: Loop[] = [];
  handlerDepth = 0;
  /** enclosing try/finally blocks: a `return`, `break` or `continue` inside jumps to the finally code, with the
   *  exit it was taking in `exit` (1: return, with its value in `val`; 2 and up: `exits`), and finishes it there */
  finallies: Finally[] = [];
  line = 0;
  private ntemps = 0;
  parent: Lambda | null;
  toplevel: boolean;
  /** names bound to SSA values while lowering type expressions of a method signature (where-variables) */
  tvars = new Map<string, Value>();
  constructor(parent: Lambda | null, toplevel: boolean) {
    this.parent = parent;
    this.toplevel = toplevel;
  }
  emit(stmt: Value): SSAValue {
    this.ci.code.push(stmt);
    this.ci.codelocs.push(this.line);
    return new SSAValue(this.ci.code.length);
  }
  /** a fresh name for a temporary of this lambda (`#iter1`, `#try2`, ...): numbered per lambda, so a body's slot
   *  names depend only on its own source */
  temp(prefix: string): string {
    return `#${prefix}${++this.ntemps}`;
  }
  get pc(): number {
    return this.ci.code.length + 1;
  }
  slot(name: string): SlotNumber {
    let id = this.slots.get(name);
    if (id === undefined) {
      this.ci.slotnames.push(sym(name));
      this.ci.slotflags.push(0);
      id = this.ci.slotnames.length;
      this.slots.set(name, id);
    }
    return new SlotNumber(id);
  }
}

export class Lowerer {
  mod: Module;
  file: string;
  opts: LowerOpts;
  /** statements hoisted to the toplevel thunk (closure type definitions and their methods) */
  hoisted: Value[] = [];
  constructor(mod: Module, file: string, opts: LowerOpts) {
    this.mod = mod;
    this.file = file;
    this.opts = opts;
  }

  gref(name: string, mod: Module = this.mod): GlobalRef {
    return new GlobalRef(mod, sym(name));
  }
  core(name: string): GlobalRef {
    return new GlobalRef(coreModule(this.mod), sym(name));
  }
  base(name: string): GlobalRef {
    return new GlobalRef(baseModule(this.mod), sym(name));
  }
  call(L: Lambda, f: Value, ...args: Value[]): SSAValue {
    return L.emit(E('call', f, ...args));
  }
  /** A fresh global name in this module, for a closure type (`#f#3`) or a keyword body function (`#f#kw4`):
   *  numbered by the module's own counter, as Julia does, so a module's source lowered in the same order gets the
   *  same names whatever else the process loaded before. */
  globalName(base: string, kind = ''): string {
    return `#${base}#${kind}${++this.mod.counter}`;
  }
  err(msg: string, L: Lambda): never {
    throw new LoweringError(msg, L.line);
  }

  // ---------------------------------------------------------------- toplevel
  lowerToplevel(ex: Value, line = 0): CodeInfo {
    const L = new Lambda(null, true);
    L.ci.file = this.file;
    L.line = line;
    // locals of toplevel loops and lets that closures capture live in boxes too
    for (const n of namesInNestedLambdas(ex)) L.boxed.add(n);
    const scope: Scope = { locals: new Set(), globals: new Set(), parent: null, fn: L, isLoop: false };
    const v = this.val(ex, L, scope);
    L.emit(new ReturnNode(v));
    if (this.hoisted.length) {
      // closure types and their methods must exist before the code that creates them runs
      const pre = new Lambda(null, true);
      pre.ci.file = this.file;
      for (const h of this.hoisted) pre.emit(h);
      pre.emit(new ReturnNode(nothingV()));
      const wrapper = new Lambda(null, true);
      wrapper.ci.file = this.file;
      wrapper.emit(E('thunk', pre.ci));
      wrapper.emit(E('thunk', L.ci));
      wrapper.emit(new ReturnNode(new SSAValue(2)));
      return wrapper.ci;
    }
    return L.ci;
  }

  // ---------------------------------------------------------------- variables
  /** where does `name` live, seen from scope s? */
  resolve(
    name: string,
    s: Scope,
  ): { kind: 'local'; fn: Lambda } | { kind: 'global' } | { kind: 'sparam'; idx: number } | { kind: 'tvar'; v: Value } {
    const L0 = s.fn;
    if (L0.tvars.has(name)) return { kind: 'tvar', v: L0.tvars.get(name)! };
    for (let sc: Scope | null = s; sc; sc = sc.parent) {
      if (sc.globals.has(name)) return { kind: 'global' };
      if (sc.locals.has(name)) return { kind: 'local', fn: sc.fn };
      if (sc.parent === null || sc.parent.fn !== sc.fn) {
        const i = sc.fn.sparams.indexOf(name);
        if (i >= 0 && sc.fn === L0) return { kind: 'sparam', idx: i + 1 };
      }
    }
    return { kind: 'global' };
  }

  readVar(name: string, L: Lambda, s: Scope): Value {
    if (name === 'nothing') return this.gref('nothing');
    const r = this.resolve(name, s);
    if (r.kind === 'tvar') return r.v;
    if (r.kind === 'sparam') return L.emit(E('static_parameter', r.idx));
    if (r.kind === 'global') return this.gref(name);
    if (r.fn === L) {
      const slot = L.slot(name);
      if (L.boxed.has(name)) return this.call(L, this.core('_getbox'), slot, new QuoteNode(sym(name)));
      return slot;
    }
    // captured from an enclosing function: field of #self# holding the box (or the value itself)
    const box = this.captureBox(name, L);
    if (r.fn.byValue.has(name)) return box;
    return this.call(L, this.core('_getbox'), box, new QuoteNode(sym(name)));
  }

  captureBox(name: string, L: Lambda): Value {
    if (!L.captured.includes(name)) L.captured.push(name);
    return this.call(L, this.core('getfield'), new SlotNumber(1), new QuoteNode(sym(name)));
  }

  assignVar(name: string, v: Value, L: Lambda, s: Scope): void {
    const r = this.resolve(name, s);
    if (r.kind === 'global' || r.kind === 'tvar' || r.kind === 'sparam') {
      if (r.kind !== 'global') this.err(`cannot assign to static parameter ${name}`, L);
      L.emit(E('=', this.gref(name), v));
      return;
    }
    if (r.fn === L) {
      const slot = L.slot(name);
      L.ci.slotflags[slot.id - 1]! |= SLOT_ASSIGNED;
      if (L.boxed.has(name)) {
        this.call(L, this.core('setfield!'), slot, new QuoteNode(sym('contents')), v);
        return;
      }
      L.emit(E('=', slot, v));
      return;
    }
    const box = this.captureBox(name, L);
    this.call(L, this.core('setfield!'), box, new QuoteNode(sym('contents')), v);
  }

  /** Enter a new local scope that declares `names`; boxed ones get a fresh Core.Box. */
  declare(names: Iterable<string>, L: Lambda, s: Scope): void {
    for (const n of names) {
      s.locals.add(n);
      const slot = L.slot(n);
      if (L.boxed.has(n)) L.emit(E('=', slot, E('call', this.core('Box'))));
      else if (!L.toplevel || s.parent) L.emit(new NewvarNode(slot));
    }
  }

  /** names assigned directly in a scope body (not inside nested scopes), plus explicit locals/globals */
  scanScope(body: Value, out: { assigned: Set<string>; locals: Set<string>; globals: Set<string> }): void {
    const walk = (v: Value): void => {
      if (!(v instanceof Expr)) return;
      const h = v.head.name;
      if (
        h === 'for' ||
        h === 'while' ||
        h === 'let' ||
        h === 'try' ||
        h === 'function' ||
        h === '->' ||
        h === 'generator' ||
        h === 'comprehension' ||
        h === 'quote' ||
        h === 'macro' ||
        h === 'struct' ||
        h === 'do'
      ) {
        if (h === 'for' || h === 'while') walk(v.args[0]!); // iterables/conditions belong to the outer scope
        if (h === 'try') {
          /* try has its own scope */
        }
        if (h === 'function' && isE(v.args[0]!)) {
          const nm = funcName(v.args[0]!);
          if (nm && !isE(v.args[0]!, 'tuple')) out.assigned.add(nm);
        }
        return;
      }
      if (h === 'local') {
        for (const a of v.args) for (const n of lhsNames(a)) out.locals.add(n);
        v.args.forEach(walk);
        return;
      }
      if (h === 'global') {
        for (const a of v.args)
          for (const n of lhsNames(a instanceof Expr && a.head.name.endsWith('=') ? a.args[0]! : a)) out.globals.add(n);
        v.args.forEach(a => {
          if (isE(a, '=')) walk(a.args[1]!);
        });
        return;
      }
      if (h === 'const') {
        v.args.forEach(walk);
        return;
      }
      if (isAssignmentHead(h)) {
        const lhs = v.args[0]!;
        if (h === '=' && isFuncSig(lhs)) {
          const nm = funcName(lhs);
          if (nm) out.assigned.add(nm);
          return;
        }
        for (const n of lhsNames(lhs)) out.assigned.add(n);
        walk(v.args[1]!);
        if (lhs instanceof Expr && lhs.head.name !== 'tuple' && lhs.head.name !== '::') lhs.args.forEach(walk);
        return;
      }
      v.args.forEach(walk);
    };
    walk(body);
  }

  /** Opens a scope for `body`, computing the new locals per Julia's rules. */
  openScope(body: Value, L: Lambda, parent: Scope, extra: string[] = [], isLoop = true): Scope {
    const info = { assigned: new Set<string>(), locals: new Set<string>(), globals: new Set<string>() };
    this.scanScope(body, info);
    const s: Scope = { locals: new Set(), globals: info.globals, parent, fn: L, isLoop };
    const fresh: string[] = [...extra, ...info.locals];
    for (const n of info.assigned) {
      if (info.globals.has(n) || info.locals.has(n) || extra.includes(n)) continue;
      const r = this.resolve(n, parent);
      if (r.kind === 'local' || r.kind === 'sparam') continue;
      // at toplevel (no enclosing local scope) a soft scope assigns an existing global in the REPL
      const atTop = !hasLocalScope(parent);
      if (atTop && this.opts.softscope && this.mod.bindings.has(sym(n))) continue;
      fresh.push(n);
    }
    this.declare(fresh, L, s);
    return s;
  }

  // ---------------------------------------------------------------- expressions
  /** lower `ex` for its value; returns an operand */
  val(ex: Value, L: Lambda, s: Scope): Value {
    if (ex instanceof Sym) {
      if (ex.name === 'end' || ex.name === 'begin') this.err(`syntax: "${ex.name}" is not a valid expression`, L);
      return this.readVar(ex.name, L, s);
    }
    if (ex instanceof QuoteNode) return ex;
    if (ex instanceof LineNumberNode) {
      L.line = ex.line;
      return nothingV();
    }
    if (ex === null || ex === undefined) return nothingV();
    if (!(ex instanceof Expr)) return literal(ex);
    const h = ex.head.name,
      a = ex.args;
    switch (h) {
      case 'block':
      case 'toplevel': {
        let last: Value = nothingV();
        for (const x of a) {
          if (x instanceof LineNumberNode) {
            L.line = x.line;
            continue;
          }
          last = this.val(x, L, s);
        }
        return last;
      }
      case 'call':
        return this.lowerCall(ex, L, s);
      case '=':
        return this.lowerAssign(a[0]!, a[1]!, L, s);
      case 'const': {
        const x = a[0]!;
        if (isE(x, '=')) {
          for (const n of lhsNames(x.args[0]!)) L.emit(E('const', this.gref(n)));
          return this.lowerAssign(x.args[0]!, x.args[1]!, L, s);
        }
        return nothingV();
      }
      case 'global':
      case 'local': {
        let last: Value = nothingV();
        for (const x of a) {
          const upd = x instanceof Expr && x.head.name !== '=' && x.head.name.endsWith('=') && x.head.name.length > 1;
          const names = upd ? lhsNames((x as Expr).args[0]!) : lhsNames(x);
          if (h === 'global')
            for (const n of names) {
              s.globals.add(n);
              L.emit(E('global', this.gref(n)));
            }
          else for (const n of names) if (!s.locals.has(n)) this.declare([n], L, s);
          if (isE(x, '=')) last = this.lowerAssign(x.args[0]!, x.args[1]!, L, s);
          else if (upd) last = this.val(x, L, s);
        }
        return last;
      }
      case 'if':
      case 'elseif':
        return this.lowerIf(ex, L, s);
      case '&&':
      case '||':
        return this.lowerShortCircuit(ex, L, s);
      case 'while':
        return this.lowerWhile(ex, L, s);
      case 'for':
        return this.lowerFor(ex, L, s);
      case 'break':
      case 'continue': {
        const loop = L.loops[L.loops.length - 1];
        if (!loop) this.err(`syntax: ${h} outside loop`, L);
        const fin = L.finallies[L.finallies.length - 1];
        if (fin && fin.depth >= loop.handlerDepth) {
          // a try/finally inside the loop: run its finally block first, which then takes this exit
          let k = fin.exits.indexOf(h);
          if (k < 0) {
            fin.exits.push(h);
            k = fin.exits.length - 1;
          }
          this.exitThroughFinally(L, fin, BigInt(k + 2));
          return nothingV();
        }
        if (L.handlerDepth > loop.handlerDepth) L.emit(E('leave', BigInt(L.handlerDepth - loop.handlerDepth)));
        const g = L.emit(new GotoNode(0));
        (h === 'break' ? loop.breaks : loop.continues).push(g.id);
        return nothingV();
      }
      case 'return': {
        const v = this.val(a[0] ?? (null as unknown as Value), L, s);
        const fin = L.finallies[L.finallies.length - 1];
        if (fin) {
          // run the enclosing finally block first: remember the value, leave the handlers, jump to it
          L.emit(E('=', fin.val, v));
          this.exitThroughFinally(L, fin, 1n);
          return nothingV();
        }
        if (L.handlerDepth > 0) L.emit(E('leave', BigInt(L.handlerDepth)));
        L.emit(new ReturnNode(v));
        return nothingV();
      }
      case 'let':
        return this.lowerLet(ex, L, s);
      case 'try':
        return this.lowerTry(ex, L, s);
      case 'function':
      case '->':
        return this.lowerFunction(ex, L, s);
      case 'macro':
        return this.lowerMacroDef(ex, L, s);
      case 'struct':
        return this.lowerStruct(ex, L, s);
      case 'abstract':
        return this.lowerAbstract(ex, L, s);
      case 'tuple': {
        if (a.length > 0 && isE(a[0]!, 'parameters')) return this.lowerNamedTuple((a[0] as Expr).args, L, s);
        if (a.length > 0 && a.every(x => isE(x, '='))) return this.lowerNamedTuple(a, L, s);
        return this.lowerCallArgs(this.core('tuple'), a, L, s);
      }
      case 'string':
        return this.lowerCallArgs(this.base('string'), a, L, s);
      case 'vect':
        return this.lowerCallArgs(this.base('vect'), a, L, s);
      case 'hcat':
        return this.lowerCallArgs(this.base('hcat'), a, L, s);
      case 'vcat': {
        if (a.some(r => isE(r, 'row'))) {
          const rows = a.map(r => (isE(r, 'row') ? r.args : [r]));
          const dims = E('tuple', ...rows.map(r => BigInt(r.length)));
          return this.lowerCallArgs(this.base('hvcat'), [dims, ...rows.flat()], L, s);
        }
        return this.lowerCallArgs(this.base('vcat'), a, L, s);
      }
      case 'ref':
        return this.lowerRef(ex, L, s);
      // `T[a b; c d]`: rows of a typed matrix literal, as for vcat
      case 'typed_vcat': {
        const rest = a.slice(1);
        if (rest.some(r => isE(r, 'row'))) {
          const rows = rest.map(r => (isE(r, 'row') ? r.args : [r]));
          const dims = E('tuple', ...rows.map(r => BigInt(r.length)));
          return this.lowerCallArgs(this.base('typed_hvcat'), [a[0]!, dims, ...rows.flat()], L, s);
        }
        return this.lowerCallArgs(this.base(h), a, L, s);
      }
      case 'typed_hcat':
        return this.lowerCallArgs(this.base(h), a, L, s);
      case 'comprehension':
        return this.call(L, this.base('collect'), this.val(a[0]!, L, s));
      case 'typed_comprehension':
        return this.call(L, this.base('collect'), this.val(a[0]!, L, s), this.val(a[1]!, L, s));
      case 'generator':
        return this.lowerGenerator(ex, L, s);
      case 'flatten':
        return this.call(L, this.base('_flatten'), this.val(a[0]!, L, s));
      case '.': {
        const rhs = a[1]!;
        if (rhs instanceof QuoteNode) return this.call(L, this.base('getproperty'), this.val(a[0]!, L, s), rhs);
        if (isE(rhs, 'tuple')) return this.lowerBroadcast(ex, L, s);
        return this.err('invalid syntax: field access', L);
      }
      case '::': {
        if (a.length === 1) this.err('invalid `::` syntax', L);
        return this.call(L, this.core('typeassert'), this.val(a[0]!, L, s), this.val(a[1]!, L, s));
      }
      case 'curly': {
        // Vector{<:Real} is `Vector{T} where T<:Real`
        const wild = a
          .slice(1)
          .map((x, k) => (isE(x, '<:') && x.args.length === 1 ? k : -1))
          .filter(k => k >= 0);
        if (wild.length) {
          const names = wild.map(() => sym(L.temp('T')));
          const args = a.slice(1).map((x, k) => (wild.includes(k) ? names[wild.indexOf(k)]! : x));
          return this.val(
            E(
              'where',
              E('curly', a[0]!, ...args),
              ...wild.map((k, i) => E('<:', names[i]!, (a[k + 1] as Expr).args[0]!)),
            ),
            L,
            s,
          );
        }
        return this.lowerCallArgs(this.core('apply_type'), a, L, s);
      }
      case 'isdefined': {
        const x = a[0]!;
        if (x instanceof Sym) {
          const r = this.resolve(x.name, s);
          return L.emit(
            E(
              'isdefined',
              r.kind === 'local' && r.fn === L && !L.boxed.has(x.name) ? L.slot(x.name) : this.gref(x.name),
            ),
          );
        }
        return false;
      }
      case 'where':
        return this.lowerWhereType(ex, L, s);
      case 'quote':
        return this.lowerQuote(a[0]!, L, s, 1);
      case 'inert':
        return new QuoteNode(a[0]!);
      case 'meta':
        if (a[0] instanceof Sym && (a[0].name === 'inline' || a[0].name === 'noinline')) L.ci.inlining = a[0].name;
        return nothingV();
      case 'inbounds':
      case 'loopinfo':
        return nothingV();
      case 'boundscheck':
        return true;
      case 'escape':
        return this.val(a[0]!, L, s);
      case 'macrocall':
        return this.err(`macro expansion missing for ${(a[0] as Sym).name}`, L);
      case 'module':
      case 'using':
      case 'import':
      case 'export':
        return L.emit(E('toplevel', ex));
      case '<:':
      case '>:':
        return this.call(L, this.core(h === '<:' ? '<:' : '>:'), this.val(a[0]!, L, s), this.val(a[1]!, L, s));
      case 'comparison': {
        // a < b < c  ->  (a < b) && (b < c), evaluating each operand once
        const vals = [this.val(a[0]!, L, s)];
        const res = L.slot(L.temp('cmp'));
        const ends: number[] = [];
        for (let k = 1; k < a.length; k += 2) {
          const rhs = this.val(a[k + 1]!, L, s);
          const op = a[k] as Sym;
          const c = this.call(L, this.opRef(op.name, s), vals[vals.length - 1]!, rhs);
          vals.push(rhs);
          L.emit(E('=', res, c));
          if (k + 2 < a.length) ends.push(L.emit(new GotoIfNot(c, 0)).id);
        }
        const end = L.pc;
        for (const g of ends) L.ci.code[g - 1] = new GotoIfNot((L.ci.code[g - 1] as GotoIfNot).cond, end);
        return res;
      }
      case '...':
        return this.err('"..." expression outside call', L);
      case '$':
        return this.err('"$" expression outside quote', L);
      case 'do': {
        const call = a[0] as Expr,
          lam = a[1]!;
        return this.lowerCall(new Expr(call.head, [call.args[0]!, lam, ...call.args.slice(1)]), L, s);
      }
      case 'primitive':
        return this.err('primitive type definitions are not supported yet', L);
      case 'thunk':
        return L.emit(ex);
      default:
        if (h.endsWith('=') && h.length >= 2) return this.lowerUpdate(ex, L, s);
        if (h === "'") return this.call(L, this.base('adjoint'), this.val(a[0]!, L, s));
        return this.err(`syntax: unsupported expression head "${h}"`, L);
    }
  }

  opRef(name: string, _s: Scope): Value {
    return this.gref(name);
  }

  lowerCallArgs(f: Value, args: Value[], L: Lambda, s: Scope): Value {
    if (args.some(x => isE(x, '...'))) return this.lowerSplat(f, args, L, s);
    const vs = args.map(x => this.val(x, L, s));
    return this.call(L, f, ...vs);
  }

  lowerSplat(f: Value, args: Value[], L: Lambda, s: Scope): Value {
    const groups: Value[] = [];
    let cur: Value[] = [];
    for (const x of args) {
      if (isE(x, '...')) {
        if (cur.length) {
          groups.push(this.call(L, this.core('tuple'), ...cur));
          cur = [];
        }
        groups.push(this.val(x.args[0]!, L, s));
      } else cur.push(this.val(x, L, s));
    }
    if (cur.length) groups.push(this.call(L, this.core('tuple'), ...cur));
    return this.call(L, this.core('_apply_iterate'), this.base('iterate'), f, ...groups);
  }

  lowerCall(ex: Expr, L: Lambda, s: Scope): Value {
    let [fx, ...args] = ex.args;
    // keyword arguments: f(a; k=1) / f(a, k=1)
    const params = args.filter(x => isE(x, 'parameters')) as Expr[];
    args = args.filter(x => !isE(x, 'parameters'));
    const kws = [...args.filter(x => isE(x, 'kw')), ...params.flatMap(p => p.args)];
    args = args.filter(x => !isE(x, 'kw'));
    if (
      fx instanceof Sym &&
      fx.name.startsWith('.') &&
      fx.name.length > 1 &&
      !['...'].includes(fx.name) &&
      !(fx.name === '.')
    ) {
      // dotted operator: a .+ b
      return this.lowerBroadcast(E('.', sym(fx.name.slice(1)), E('tuple', ...args)), L, s);
    }
    if (fx instanceof Sym && fx.name === 'ccall') return this.lowerCcall(args, L, s);
    if (fx instanceof Sym && fx.name === 'include' && this.isToplevelResolvable(fx, s)) {
      /* ordinary call */
    }
    const f = this.val(fx!, L, s);
    if (kws.length) {
      const nt = this.lowerNamedTuple(kws, L, s);
      return this.lowerCallArgs(
        this.core('kwcall'),
        [nt as Value, f, ...args].map((v, k) => (k < 2 ? (new Inline(v) as unknown as Value) : v)),
        L,
        s,
      );
    }
    if (args.some(x => isE(x, '...'))) return this.lowerSplat(f, args, L, s);
    const vs = args.map(x => this.val(x, L, s));
    return this.call(L, f, ...vs);
  }
  isToplevelResolvable(_f: Sym, _s: Scope): boolean {
    return true;
  }

  lowerCcall(args: Value[], L: Lambda, s: Scope): Value {
    let name = args[0]!;
    if (name instanceof QuoteNode) name = name.value;
    if (!(name instanceof Sym)) this.err('ccall: function name must be a symbol', L);
    const rt = this.val(args[1]!, L, s);
    const vs = args.slice(3).map(x => this.val(x, L, s));
    return L.emit(E('foreigncall', name, rt, ...vs));
  }

  lowerNamedTuple(items: Value[], L: Lambda, s: Scope): Value {
    let names: Value[] = [],
      vals: Value[] = [];
    const build = () =>
      this.call(
        L,
        this.core('_namedtuple'),
        new QuoteNode(Object.freeze(names) as Value),
        this.call(L, this.core('tuple'), ...vals),
      );
    // `x...` and `:k => v` items are merged in, in order, with the named items around them
    const parts: Value[] = [];
    const flush = () => {
      if (names.length) {
        parts.push(build());
        names = [];
        vals = [];
      }
    };
    for (const it of items) {
      if (isE(it, 'kw') || isE(it, '=')) {
        names.push(it.args[0]!);
        vals.push(this.val(it.args[1]!, L, s));
      } else if (it instanceof Sym) {
        names.push(it);
        vals.push(this.val(it, L, s));
      } else if (isE(it, '.') && it.args[1] instanceof QuoteNode) {
        names.push(it.args[1].value);
        vals.push(this.val(it, L, s));
      } else if (isE(it, '...')) {
        flush();
        parts.push(this.call(L, this.base('_kwsplat'), this.val(it.args[0]!, L, s)));
      } else if (isE(it, 'call') && it.args[0] === sym('=>') && it.args.length === 3) {
        flush();
        parts.push(this.call(L, this.base('_kwsplat'), this.call(L, this.core('tuple'), this.val(it, L, s))));
      } else this.err('invalid named tuple element', L);
    }
    if (!parts.length) return build();
    flush();
    return parts.slice(1).reduce((acc, p) => this.call(L, this.base('merge'), acc, p), parts[0]!);
  }

  lowerRef(ex: Expr, L: Lambda, s: Scope): Value {
    const [ax, ...idx] = ex.args;
    const a = this.val(ax!, L, s);
    if (idx.some(x => isE(x, '...')))
      return this.lowerSplat(this.base('getindex'), [new Inline(a) as unknown as Value, ...idx], L, s);
    const vs = idx.map((ix, d) => this.val(replaceEnd(ix, a, d, idx.length, this), L, s));
    return this.call(L, this.base('getindex'), a, ...vs);
  }

  lowerAssign(lhs: Value, rhs: Value, L: Lambda, s: Scope): Value {
    if (isFuncSig(lhs)) return this.lowerFunction(E('function', lhs, rhs), L, s);
    if (lhs instanceof Sym) {
      const decl = L.declTypes.get(lhs.name);
      if (decl !== undefined && this.resolve(lhs.name, s).kind !== 'global')
        return this.lowerAssign(E('::', lhs, decl), rhs, L, s);
      const v = this.val(rhs, L, s);
      const tmp = isSimple(v) ? v : v;
      this.assignVar(lhs.name, tmp, L, s);
      return tmp;
    }
    if (isE(lhs, '::') && lhs.args[0] instanceof Sym) {
      if (this.resolve(lhs.args[0].name, s).kind !== 'global') L.declTypes.set(lhs.args[0].name, lhs.args[1]!);
      const T_ = this.val(lhs.args[1]!, L, s);
      const v = this.val(rhs, L, s);
      const c = this.call(L, this.base('convert'), T_, v);
      const ta = this.call(L, this.core('typeassert'), c, T_);
      this.assignVar((lhs.args[0] as Sym).name, ta, L, s);
      return ta;
    }
    if (isE(lhs, 'tuple')) {
      const v = this.val(rhs, L, s);
      if (lhs.args.length && isE(lhs.args[0]!, 'parameters')) {
        for (const n of (lhs.args[0] as Expr).args)
          this.assignVar((n as Sym).name, this.call(L, this.base('getproperty'), v, new QuoteNode(n)), L, s);
        return v;
      }
      let state: Value | null = null;
      let done = false;
      lhs.args.forEach((target, k) => {
        if (done) return;
        if (isE(target, '...')) {
          const after = lhs.args.slice(k + 1);
          if (after.length) {
            // a, b..., c = x: split the remainder, then destructure its tail
            const sp = this.call(L, this.base('split_rest'), v, BigInt(after.length), ...(state ? [state] : []));
            this.assignTarget(target.args[0]!, this.call(L, this.core('getfield'), sp, 1n), L, s);
            this.lowerAssign(
              E('tuple', ...after),
              new Inline(this.call(L, this.core('getfield'), sp, 2n)) as unknown as Value,
              L,
              s,
            );
            done = true;
            return;
          }
          const rest = this.call(L, this.base('rest'), v, ...(state ? [state] : []));
          this.assignTarget(target.args[0]!, rest, L, s);
          return;
        }
        const it = this.call(L, this.base('indexed_iterate'), v, BigInt(k + 1), ...(state ? [state] : []));
        const el = this.call(L, this.core('getfield'), it, 1n);
        state = this.call(L, this.core('getfield'), it, 2n);
        this.assignTarget(target, el, L, s);
      });
      return v;
    }
    if (isE(lhs, 'ref')) {
      const [ax, ...idx] = lhs.args;
      const a = this.val(ax!, L, s);
      const ivs = idx.map((ix, d) => this.val(replaceEnd(ix, a, d, idx.length, this), L, s));
      const v = this.val(rhs, L, s);
      this.call(L, this.base('setindex!'), a, v, ...ivs);
      return v;
    }
    if (isE(lhs, '.') && lhs.args[1] instanceof QuoteNode) {
      const o = this.val(lhs.args[0]!, L, s);
      const v = this.val(rhs, L, s);
      this.call(L, this.base('setproperty!'), o, lhs.args[1], v);
      return v;
    }
    if (isE(lhs, 'curly')) return this.err('type alias definitions with parameters are not supported yet', L);
    return this.err(`invalid assignment location "${describe(lhs)}"`, L);
  }

  assignTarget(target: Value, v: Value, L: Lambda, s: Scope): void {
    if (target instanceof Sym) {
      this.assignVar(target.name, v, L, s);
      return;
    }
    if (isE(target, 'tuple')) {
      this.lowerAssign(target, new Inline(v) as unknown as Value, L, s);
      return;
    }
    if (isE(target, 'ref') || isE(target, '.')) {
      this.lowerAssign(target, new Inline(v) as unknown as Value, L, s);
      return;
    }
    if (isE(target, '::')) {
      this.lowerAssign(target, new Inline(v) as unknown as Value, L, s);
      return;
    }
    this.err('invalid assignment target', L);
  }

  lowerUpdate(ex: Expr, L: Lambda, s: Scope): Value {
    const op = ex.head.name.slice(0, -1);
    const [lhs, rhs] = ex.args;
    if (op.startsWith('.')) {
      // `a .= x` broadcasts x itself; `a .op= x` broadcasts `a .op x`
      const bcRhs = (cur: Value): Value => (op === '.' ? rhs! : E('call', sym(op), cur, rhs!));
      if (isE(lhs!, 'ref') && !lhs.args.some(x => isE(x, '...'))) {
        // a[I] .= x fills the selected elements: broadcast into a copy of a[I], then store it back
        const [ax, ...idx] = lhs.args;
        const a = this.val(ax!, L, s);
        const ivs = idx.map((ix, d) => this.val(replaceEnd(ix, a, d, idx.length, this), L, s));
        const sel = this.call(L, this.base('getindex'), a, ...ivs);
        const res = this.call(
          L,
          this.base('materialize!'),
          sel,
          this.broadcastTree(bcRhs(new Inline(sel) as unknown as Value), L, s),
        );
        this.call(L, this.base('setindex!'), a, res, ...ivs);
        return res;
      }
      return this.lowerBroadcastAssign(lhs!, bcRhs(lhs!), L, s);
    }
    if (isE(lhs!, 'ref')) {
      // a[i] += v evaluates a and i once
      const [ax, ...idx] = lhs.args;
      const a = this.val(ax!, L, s);
      const ivs = idx.map((ix, d) => this.val(replaceEnd(ix, a, d, idx.length, this), L, s));
      const old = this.call(L, this.base('getindex'), a, ...ivs);
      const nv = this.call(L, this.gref(op), old, this.val(rhs!, L, s));
      this.call(L, this.base('setindex!'), a, nv, ...ivs);
      return nv;
    }
    return this.lowerAssign(lhs!, E('call', sym(op), lhs!, rhs!), L, s);
  }

  lowerBroadcast(ex: Expr, L: Lambda, s: Scope): Value {
    const bc = this.broadcastTree(ex, L, s);
    return this.call(L, this.base('materialize'), bc);
  }
  broadcastTree(ex: Value, L: Lambda, s: Scope): Value {
    if (isE(ex, '.') && isE(ex.args[1]!, 'tuple')) {
      const f = this.val(ex.args[0]!, L, s);
      const args = (ex.args[1] as Expr).args.map(x => this.broadcastTree(x, L, s));
      return this.call(L, this.base('broadcasted'), f, ...args);
    }
    if (isE(ex, 'call') && ex.args[0] instanceof Sym && ex.args[0].name.startsWith('.') && ex.args[0].name.length > 1) {
      const f = this.gref(ex.args[0].name.slice(1));
      const args = ex.args.slice(1).map(x => this.broadcastTree(x, L, s));
      return this.call(L, this.base('broadcasted'), f, ...args);
    }
    return this.val(ex, L, s);
  }
  lowerBroadcastAssign(lhs: Value, rhs: Value, L: Lambda, s: Scope): Value {
    const dest = this.val(lhs, L, s);
    const bc = this.broadcastTree(rhs, L, s);
    return this.call(L, this.base('materialize!'), dest, bc);
  }

  lowerIf(ex: Expr, L: Lambda, s: Scope): Value {
    const [c, then, els] = ex.args;
    const res = L.slot(L.temp('if'));
    let cond = c!;
    if (isE(cond, 'block')) {
      // elseif carries its condition in a block with a line number
      for (const x of cond.args.slice(0, -1)) if (x instanceof LineNumberNode) L.line = x.line;
      cond = cond.args[cond.args.length - 1]!;
    }
    const cv = this.condVal(cond, L, s);
    const gif = L.emit(new GotoIfNot(cv, 0));
    L.emit(E('=', res, this.val(then!, L, s)));
    const gend = L.emit(new GotoNode(0));
    L.ci.code[gif.id - 1] = new GotoIfNot(cv, L.pc);
    L.emit(E('=', res, els === undefined ? nothingV() : this.val(els, L, s)));
    L.ci.code[gend.id - 1] = new GotoNode(L.pc);
    return res;
  }

  condVal(c: Value, L: Lambda, s: Scope): Value {
    return this.val(c, L, s);
  }

  lowerShortCircuit(ex: Expr, L: Lambda, s: Scope): Value {
    const res = L.slot(L.temp('sc'));
    const a = this.val(ex.args[0]!, L, s);
    L.emit(E('=', res, a));
    let g: SSAValue;
    if (ex.head.name === '&&') g = L.emit(new GotoIfNot(a, 0));
    else {
      const skip = L.emit(new GotoIfNot(a, 0));
      g = L.emit(new GotoNode(0));
      L.ci.code[skip.id - 1] = new GotoIfNot(a, L.pc);
    }
    L.emit(E('=', res, this.val(ex.args[1]!, L, s)));
    const end = L.pc;
    const st = L.ci.code[g.id - 1];
    L.ci.code[g.id - 1] = st instanceof GotoIfNot ? new GotoIfNot(st.cond, end) : new GotoNode(end);
    return res;
  }

  patchLoop(L: Lambda, loop: Loop, contTarget: number, breakTarget: number): void {
    for (const g of loop.continues) L.ci.code[g - 1] = new GotoNode(contTarget);
    for (const g of loop.breaks) L.ci.code[g - 1] = new GotoNode(breakTarget);
  }

  lowerWhile(ex: Expr, L: Lambda, s: Scope): Value {
    const top = L.pc;
    const c = this.val(ex.args[0]!, L, s);
    const gexit = L.emit(new GotoIfNot(c, 0));
    const loop: Loop = { breaks: [], continues: [], handlerDepth: L.handlerDepth };
    L.loops.push(loop);
    const bs = this.openScope(ex.args[1]!, L, s);
    this.val(ex.args[1]!, L, bs);
    L.loops.pop();
    L.emit(new GotoNode(top));
    L.ci.code[gexit.id - 1] = new GotoIfNot(c, L.pc);
    this.patchLoop(L, loop, top, L.pc);
    return nothingV();
  }

  lowerFor(ex: Expr, L: Lambda, s: Scope): Value {
    const specs = isE(ex.args[0]!, 'block')
      ? (ex.args[0] as Expr).args.filter(x => !(x instanceof LineNumberNode))
      : [ex.args[0]!];
    const body = ex.args[1]!;
    // nested specs: for i in a, j in b  ==  for i in a; for j in b
    if (specs.length > 1) {
      let inner: Value = E('for', specs[specs.length - 1]!, body);
      for (let k = specs.length - 2; k >= 1; k--) inner = E('for', specs[k]!, E('block', inner));
      return this.lowerForOne(specs[0] as Expr, E('block', inner), L, s, true);
    }
    return this.lowerForOne(specs[0] as Expr, body, L, s, false);
  }

  lowerForOne(spec: Expr, body: Value, L: Lambda, s: Scope, nested: boolean): Value {
    const target = spec.args[0]!,
      iterEx = spec.args[1]!;
    const iter = this.val(iterEx, L, s);
    const itv = L.slot(L.temp('iter'));
    L.emit(E('=', itv, iter));
    const st = L.slot(L.temp('state'));
    const first = this.call(L, this.base('iterate'), itv);
    L.emit(E('=', st, first));
    const isNothing = this.call(L, this.core('==='), st, nothingV());
    const notNothing = this.call(L, this.base('!'), isNothing);
    const gexit = L.emit(new GotoIfNot(notNothing, 0));
    const top = L.pc;
    const loop: Loop = { breaks: [], continues: [], handlerDepth: L.handlerDepth };
    L.loops.push(loop);
    const vars = lhsNames(target);
    const bs = this.openScope(
      body,
      L,
      s,
      vars.filter(v => !isOuterLocalForTarget(v, s, this)),
    );
    const el = this.call(L, this.core('getfield'), st, 1n);
    const stateVal = this.call(L, this.core('getfield'), st, 2n);
    this.assignTarget(target, el, L, bs);
    const sv = L.slot(L.temp('st'));
    L.emit(E('=', sv, stateVal));
    this.val(body, L, bs);
    L.loops.pop();
    const cont = L.pc;
    const nx = this.call(L, this.base('iterate'), itv, sv);
    L.emit(E('=', st, nx));
    const isN2 = this.call(L, this.core('==='), st, nothingV());
    const nn2 = this.call(L, this.base('!'), isN2);
    const gback = L.emit(new GotoIfNot(nn2, 0));
    L.emit(new GotoNode(top));
    const exit = L.pc;
    L.ci.code[gexit.id - 1] = new GotoIfNot(notNothing, exit);
    L.ci.code[gback.id - 1] = new GotoIfNot(nn2, exit);
    this.patchLoop(L, loop, cont, exit);
    void nested;
    return nothingV();
  }

  lowerLet(ex: Expr, L: Lambda, s: Scope): Value {
    const binds = isE(ex.args[0]!, 'block')
      ? (ex.args[0] as Expr).args.filter(x => !(x instanceof LineNumberNode))
      : [ex.args[0]!];
    let cur = s;
    for (const b of binds) {
      // each binding is evaluated in the scope so far, then declared in a new scope
      if (isE(b, '=')) {
        const names = lhsNames(b.args[0]!);
        const v = this.val(b.args[1]!, L, cur);
        const ns: Scope = { locals: new Set(), globals: new Set(), parent: cur, fn: L, isLoop: false };
        this.declare(names, L, ns);
        this.assignTarget(b.args[0]!, v, L, ns);
        cur = ns;
      } else if (b instanceof Sym) {
        const ns: Scope = { locals: new Set(), globals: new Set(), parent: cur, fn: L, isLoop: false };
        this.declare([b.name], L, ns);
        cur = ns;
      }
    }
    const bs = this.openScope(ex.args[1]!, L, cur);
    return this.val(ex.args[1]!, L, bs);
  }

  /** Leaves the protected part of a try/finally by exit `code` (Finally): records it, leaves the handlers entered
   *  since, and jumps to the finally block (its label is filled in when the block is emitted). */
  exitThroughFinally(L: Lambda, fin: Finally, code: bigint): void {
    L.emit(E('=', fin.exit, code));
    if (L.handlerDepth > fin.depth) L.emit(E('leave', BigInt(L.handlerDepth - fin.depth)));
    fin.jumps.push(L.emit(new GotoNode(0)).id);
  }

  lowerTry(ex: Expr, L: Lambda, s: Scope): Value {
    const [body, cvar, cblock, fblock] = ex.args;
    const res = L.slot(L.temp('try'));
    if (fblock !== undefined && fblock !== false) {
      // try/finally: run the protected part in an inner try that catches, then the finally block, then rethrow
      const inner = cblock !== false ? E('try', body!, cvar!, cblock!) : body!;
      const exc = L.slot(L.temp('exc'));
      const flag = L.slot(L.temp('threw'));
      L.emit(E('=', flag, false));
      const exit = L.slot(L.temp('exit')),
        retVal = L.slot(L.temp('retval'));
      L.emit(E('=', exit, 0n));
      const fin: Finally = { exit, val: retVal, depth: L.handlerDepth, jumps: [], exits: [] };
      const enter = L.emit(E('enter', 0));
      L.handlerDepth++;
      L.finallies.push(fin);
      const bs = this.openScope(inner, L, s, [], false);
      L.emit(E('=', res, this.val(inner, L, bs)));
      L.finallies.pop();
      L.handlerDepth--;
      L.emit(E('leave', 1n));
      const gok = L.emit(new GotoNode(0));
      L.ci.code[enter.id - 1] = E('enter', L.pc);
      L.emit(E('=', exc, E('the_exception')));
      L.emit(E('=', flag, true));
      L.emit(E('pop_exception', enter));
      L.ci.code[gok.id - 1] = new GotoNode(L.pc);
      for (const j of fin.jumps) L.ci.code[j - 1] = new GotoNode(L.pc);
      const fs = this.openScope(fblock!, L, s, [], false);
      this.val(fblock!, L, fs);
      const g = L.emit(new GotoIfNot(flag, 0));
      this.call(L, this.core('rethrow_value'), exc);
      L.ci.code[g.id - 1] = new GotoIfNot(flag, L.pc);
      // a `return`, `break` or `continue` inside the protected part finishes here, after the finally block
      const exits: [bigint, Value][] = [
        [1n, E('return', new Inline(retVal) as unknown as Value)],
        ...fin.exits.map((h, k): [bigint, Value] => [BigInt(k + 2), E(h)]),
      ];
      for (const [code, how] of exits) {
        const taken = this.call(L, this.core('==='), exit, code);
        const g = L.emit(new GotoIfNot(taken, 0));
        this.val(how, L, s);
        L.ci.code[g.id - 1] = new GotoIfNot(taken, L.pc);
      }
      return res;
    }
    const enter = L.emit(E('enter', 0));
    L.handlerDepth++;
    const bs = this.openScope(body!, L, s, [], false);
    L.emit(E('=', res, this.val(body!, L, bs)));
    L.handlerDepth--;
    L.emit(E('leave', 1n));
    const gend = L.emit(new GotoNode(0));
    L.ci.code[enter.id - 1] = E('enter', L.pc);
    const cs = this.openScope(
      cblock === false ? E('block') : cblock!,
      L,
      s,
      cvar instanceof Sym ? [cvar.name] : [],
      false,
    );
    if (cvar instanceof Sym) this.assignVar(cvar.name, L.emit(E('the_exception')), L, cs);
    L.emit(E('=', res, cblock === false ? nothingV() : this.val(cblock!, L, cs)));
    L.emit(E('pop_exception', enter));
    L.ci.code[gend.id - 1] = new GotoNode(L.pc);
    return res;
  }

  lowerGenerator(ex: Expr, L: Lambda, s: Scope): Value {
    const [body, ...specs] = ex.args;
    let filter: Value | null = null;
    let ss = specs;
    if (specs.length === 1 && isE(specs[0]!, 'filter')) {
      filter = (specs[0] as Expr).args[0]!;
      ss = (specs[0] as Expr).args.slice(1);
    }
    if (ss.length > 1) {
      // (f(x, y) for x in a, y in b) -> Generator over Iterators.product
      const vars = ss.map(sp => (sp as Expr).args[0]!);
      const iters = ss.map(sp => (sp as Expr).args[1]!);
      const tup = E('tuple', ...vars);
      const prod = E('call', E('.', sym('Base'), new QuoteNode(sym('_product'))), ...iters);
      const spec = E('=', tup, prod);
      return this.lowerGenerator(
        filter ? E('generator', body!, E('filter', filter, spec)) : E('generator', body!, spec),
        L,
        s,
      );
    }
    const spec = ss[0] as Expr;
    const v = spec.args[0]!;
    let iter = this.val(spec.args[1]!, L, s);
    if (filter) {
      const pa = v instanceof Sym ? v : sym(L.temp('el'));
      const pred = this.lowerFunction(E('->', pa, v instanceof Sym ? filter : E('block', E('=', v, pa), filter)), L, s);
      iter = this.call(L, this.base('_filter_iter'), pred, iter);
    }
    // `for (a, b) in xs` destructures each element inside the generator's function
    const destruct = !(v instanceof Sym);
    const argSym = destruct ? sym(L.temp('el')) : v;
    const fbody = destruct ? E('block', E('=', v, argSym), body!) : body!;
    const f = this.lowerFunction(E('->', argSym, fbody), L, s);
    return this.call(L, this.base('Generator'), f, iter);
  }

  // ---------------------------------------------------------------- quote
  lowerQuote(ex: Value, L: Lambda, s: Scope, depth: number): Value {
    if (!hasInterp(ex, depth)) {
      if (ex instanceof Sym || ex instanceof Expr) return L.emit(E('copyast', new QuoteNode(ex)));
      return literal(ex);
    }
    const e = ex as Expr;
    if (e.head.name === '$') {
      if (depth === 1) return this.val(e.args[0]!, L, s);
      return this.call(L, this.core('_expr'), new QuoteNode(sym('$')), this.lowerQuote(e.args[0]!, L, s, depth - 1));
    }
    const nd = e.head.name === 'quote' ? depth + 1 : depth;
    const parts: Value[] = [];
    for (const a of e.args) {
      if (isE(a, '$') && depth === 1 && isE(a.args[0]!, '...')) {
        parts.push(E('...', new Inline(this.val((a.args[0] as Expr).args[0]!, L, s)) as unknown as Value));
        continue;
      }
      parts.push(new Inline(this.lowerQuote(a, L, s, nd)) as unknown as Value);
    }
    return this.lowerCallArgs(
      this.core('_expr'),
      [new Inline(new QuoteNode(e.head)) as unknown as Value, ...parts],
      L,
      s,
    );
  }

  // ---------------------------------------------------------------- functions
  lowerFunction(ex: Expr, L: Lambda, s: Scope): Value {
    let sig = ex.args[0]!;
    const body = ex.args[1] ?? null;
    if (ex.head.name === 'function' && body === null) {
      // `function f end`
      const name = (sig as Sym).name;
      return this.defineGeneric(name, L, s);
    }
    let where: Value[] = [];
    let rettype: Value | null = null;
    while (isE(sig, 'where')) {
      where = [...sig.args.slice(1), ...where];
      sig = sig.args[0]!;
    }
    if (isE(sig, '::') && ex.head.name === 'function' && isE(sig.args[0]!, 'call')) {
      rettype = sig.args[1]!;
      sig = sig.args[0]!;
    }
    while (isE(sig, 'where')) {
      where = [...sig.args.slice(1), ...where];
      sig = sig.args[0]!;
    }
    let fname: Value | null = null;
    let params: Value[];
    if (ex.head.name === '->' || (ex.head.name === 'function' && isE(sig, 'tuple'))) {
      params = isE(sig, 'tuple') ? sig.args : [sig];
      if (isE(sig, 'block')) params = sig.args.filter(x => !(x instanceof LineNumberNode));
    } else if (isE(sig, 'call')) {
      fname = sig.args[0]!;
      params = sig.args.slice(1);
    } else return this.err(`invalid function signature`, L);
    const bodyWithRet = rettype
      ? E('block', E('=', sym('#ret'), E('call', sym('#rettype_convert'), rettype, body!)))
      : body!;
    void bodyWithRet;
    const kwParams = params.filter(p => isE(p, 'parameters')).flatMap(p => (p as Expr).args);
    params = params.filter(p => !isE(p, 'parameters'));
    const anonymous = fname === null || (fname instanceof Sym && !L.toplevel && !this.isGlobalName(fname.name, s));
    if (anonymous)
      return this.lowerClosure(fname instanceof Sym ? fname.name : null, params, kwParams, where, body!, rettype, L, s);
    // named method at toplevel (or a global function from inside a block)
    const fobj = this.functionObject(fname!, L, s);
    this.defineMethods(
      fobj,
      params,
      kwParams,
      where,
      body!,
      rettype,
      L,
      s,
      fname instanceof Sym ? fname.name : describe(fname!),
      null,
    );
    return fobj;
  }

  isGlobalName(name: string, s: Scope): boolean {
    return this.resolve(name, s).kind === 'global';
  }

  defineGeneric(name: string, L: Lambda, _s: Scope): Value {
    const f = L.emit(E('method', this.gref(name)));
    return f;
  }

  functionObject(fname: Value, L: Lambda, s: Scope): Value {
    if (fname instanceof Sym) return this.defineGeneric(fname.name, L, s);
    if (isE(fname, '.')) return this.val(fname, L, s); // Base.show
    if (isE(fname, '::'))
      return new SelfType(
        fname.args.length === 2 ? fname.args[1]! : fname.args[0]!,
        fname.args.length === 2 ? (fname.args[0] as Sym).name : null,
      ) as unknown as Value; // (p::Poly)(x), (::Type{T})(x)
    if (isE(fname, 'curly')) return new Deferred(fname) as unknown as Value; // Point{T}(x) where T: evaluated in the where-scope
    return this.err('invalid function name', L);
  }

  /** Emits the method definitions for one function definition (default args expand to several methods). */
  defineMethods(
    fobj: Value,
    params: Value[],
    kwParams: Value[],
    where: Value[],
    body: Value,
    rettype: Value | null,
    L: Lambda,
    s: Scope,
    name: string,
    closure: { type: Value; captured: string[] } | null,
  ): void {
    // give unnamed arguments (`::Type{T}`) names so every generated method can pass them on
    params = params.map(p => (isE(p, '::') && p.args.length === 1 ? E('::', sym(L.temp('unused')), p.args[0]!) : p));
    // keyword arguments: body lives in a hidden function taking keywords first
    if (kwParams.length) {
      const bodyName = this.globalName(name, 'kw');
      const kwNames = kwParams.map(k => kwName(k));
      const inner = this.defineGeneric(bodyName, L, s);
      const kwArgs = kwParams.map(k => (isE(k, 'kw') || isE(k, '...') ? k.args[0]! : k));
      const selfT =
        fobj instanceof Deferred || fobj instanceof SelfType
          ? this.core('Any')
          : L.emit(E('call', this.core('Typeof'), fobj));
      this.defineMethods(
        inner,
        [...kwArgs, E('::', sym('#fself'), new Inline(selfT) as unknown as Value), ...params],
        [],
        where,
        body,
        rettype,
        L,
        s,
        bodyName,
        null,
      );
      void inner;
      // positional entry: f(args...) = #f#kw(defaults..., f, args...)
      const posArgs = params.map(argName);
      // `kw...` collects the keywords no other parameter names (none, when called without keywords)
      const rest = kwParams.findIndex(k => isE(k, '...'));
      const named = Object.freeze(kwNames.filter((_, i) => i !== rest).map(k => sym(k))) as Value;
      const defaults = kwParams.map(k =>
        isE(k, 'kw')
          ? k.args[1]!
          : isE(k, '...')
            ? E('call', new Inline(this.base('_kwrest')) as unknown as Value)
            : E('call', E('.', sym('Core'), new QuoteNode(sym('throw_undefkw'))), new QuoteNode(sym(kwName(k)))),
      );
      // defaults are evaluated in order, so later ones may use earlier keywords
      const callInner = E(
        'block',
        ...kwNames.map((kn, i) => E('=', sym(kn), defaults[i]!)),
        E('call', sym(bodyName), ...kwNames.map(k => sym(k)), sym('#self#'), ...posArgs.map(splatArg)),
      );
      this.defineMethods(fobj, params, [], where, callInner, null, L, s, name, closure);
      // kwcall(nt, f, args...)
      const ntArg = sym('#kws');
      const lets: Value[] = kwNames.map((kn, i) =>
        E(
          '=',
          sym(kn),
          i === rest
            ? E('call', new Inline(this.base('_kwrest')) as unknown as Value, ntArg, new QuoteNode(named))
            : E(
                'if',
                E('call', E('.', sym('Core'), new QuoteNode(sym('_nt_haskey'))), ntArg, new QuoteNode(sym(kn))),
                E('call', E('.', sym('Core'), new QuoteNode(sym('getfield'))), ntArg, new QuoteNode(sym(kn))),
                defaults[i]!,
              ),
        ),
      );
      const call2 = E('call', sym(bodyName), ...kwNames.map(k => sym(k)), sym('#fobj'), ...posArgs.map(splatArg));
      const check =
        rest >= 0
          ? []
          : [E('call', E('.', sym('Core'), new QuoteNode(sym('_nt_checkkeys'))), ntArg, new QuoteNode(named))];
      const kwBody = E('block', ...check, ...lets, call2);
      const fT = L.emit(E('call', this.core('Typeof'), fobj));
      const kwc = this.core('kwcall');
      this.defineMethods(
        kwc,
        [
          E('::', ntArg, E('.', sym('Core'), new QuoteNode(sym('NamedTuple')))),
          E('::', sym('#fobj'), new Inline(fT) as unknown as Value),
          ...params,
        ],
        [],
        where,
        kwBody,
        null,
        L,
        s,
        name,
        null,
      );
      return;
    }
    // default arguments: f(a, b=1) defines f(a) = f(a, 1)
    const firstOpt = params.findIndex(p => isE(p, 'kw'));
    if (firstOpt >= 0) {
      for (let k = firstOpt; k < params.length; k++) {
        const pre = params.slice(0, k).map(p => (isE(p, 'kw') ? p.args[0]! : p));
        let fill = params.slice(k).map(p => (p as Expr).args[1]!);
        // a default that uses another absent argument (f(a, b=1, c=b)) is filled one method at a time, as Julia chains
        const absent = params
          .slice(k)
          .map(p => argName(p))
          .filter((n): n is Sym => n instanceof Sym);
        if (fill.some(d => absent.some(n => mentions(d, n.name)))) fill = fill.slice(0, 1);
        const callArgs = [...pre.map(argName).map(splatArg), ...fill];
        this.emitMethod(fobj, pre, where, E('block', E('call', sym('#self#'), ...callArgs)), null, L, s, name, closure);
      }
      params = params.map(p => (isE(p, 'kw') ? p.args[0]! : p));
    }
    this.emitMethod(fobj, params, where, body, rettype, L, s, name, closure);
  }

  /** one method: evaluate the signature in the current (toplevel) lambda, lower the body to its own CodeInfo */
  emitMethod(
    fobj: Value,
    params: Value[],
    where: Value[],
    body: Value,
    rettype: Value | null,
    L: Lambda,
    s: Scope,
    name: string,
    closure: { type: Value; captured: string[] } | null,
  ): void {
    const saveT = new Map(L.tvars);
    const tvs: Value[] = [];
    const spNames: string[] = [];
    for (const w of where) {
      let nm: Sym,
        lb: Value = E('curly', sym('Union')),
        ub: Value = sym('Any');
      if (w instanceof Sym) nm = w;
      else if (isE(w, '<:')) {
        nm = w.args[0] as Sym;
        ub = w.args[1]!;
      } else if (isE(w, '>:')) {
        nm = w.args[0] as Sym;
        lb = w.args[1]!;
      } else if (isE(w, 'comparison')) {
        lb = w.args[0]!;
        nm = w.args[2] as Sym;
        ub = w.args[4]!;
      } else return this.err('invalid type parameter', L);
      const tv = this.call(L, this.core('_typevar'), new QuoteNode(nm), this.val(lb, L, s), this.val(ub, L, s));
      L.tvars.set(nm.name, tv);
      tvs.push(tv);
      spNames.push(nm.name);
    }
    // a constructor like Point{T}(x) names its type with the method's own where-variables
    if (fobj instanceof Deferred) fobj = this.val(fobj.ex, L, s);
    let selfName: string | null = null;
    let ftype: Value;
    if (fobj instanceof SelfType) {
      ftype = this.val(fobj.type, L, s);
      selfName = fobj.name;
      fobj = false;
    } else ftype = closure ? closure.type : L.emit(E('call', this.core('Typeof'), fobj));
    const argTypes: Value[] = [ftype];
    const argNames: string[] = [];
    let isva = false;
    const unpack: Value[] = [];
    for (const p of params) {
      const { name: an, type, va } = this.paramInfo(p, L, s);
      // a destructuring argument f((a, b)) is unpacked at the start of the body
      if (isE(p, 'tuple')) unpack.push(E('=', p, sym(an)));
      argNames.push(an);
      let t = type ?? this.core('Any');
      if (va) {
        isva = true;
        t = this.call(L, this.core('apply_type'), this.core('Vararg'), t);
      }
      argTypes.push(t);
    }
    const sigTypes = this.call(L, this.core('svec'), ...argTypes);
    const sigVars = this.call(L, this.core('svec'), ...tvs);
    const sig = this.call(L, this.core('svec'), sigTypes, sigVars, new LineNumberNode(L.line, sym(this.file)));
    L.tvars = saveT;
    if (unpack.length) body = E('block', ...unpack, body);
    const ci = this.lowerBody(name, argNames, spNames, body, rettype, isva, L, s, closure, selfName);
    L.emit(E('method', closure ? false : fobj, sig, ci));
  }

  paramInfo(p: Value, L: Lambda, s: Scope): { name: string; type: Value | null; va: boolean } {
    if (p instanceof Sym) return { name: p.name, type: null, va: false };
    if (p instanceof Inline) return { name: '#unused', type: p.v, va: false };
    if (isE(p, '...')) {
      const r = this.paramInfo(p.args[0]!, L, s);
      return { ...r, va: true };
    }
    if (isE(p, '::')) {
      if (p.args.length === 1) return { name: L.temp('unused'), type: this.typeVal(p.args[0]!, L, s), va: false };
      const t = p.args[1]!;
      return { name: (p.args[0] as Sym).name, type: t instanceof Inline ? t.v : this.typeVal(t, L, s), va: false };
    }
    if (isE(p, 'tuple')) return { name: L.temp('destruct'), type: null, va: false };
    return this.err(`invalid function argument`, L);
  }

  typeVal(t: Value, L: Lambda, s: Scope): Value {
    if (isE(t, 'curly') && t.args[0] instanceof Sym && t.args[0].name === 'Vararg') return this.val(t, L, s);
    return this.val(t, L, s);
  }

  /** Lowers a method body to a CodeInfo; nested functions inside become closures. */
  lowerBody(
    name: string,
    argNames: string[],
    spNames: string[],
    body: Value,
    rettype: Value | null,
    isva: boolean,
    parent: Lambda,
    ps: Scope,
    closure: { type: Value; captured: string[] } | null,
    selfName: string | null = null,
  ): CodeInfo {
    const F = new Lambda(parent, false);
    F.ci.file = this.file;
    F.ci.name = name;
    F.line = parent.line;
    F.sparams = spNames;
    F.slot(selfName ?? '#self#');
    for (const a of argNames) F.slot(a);
    F.ci.nargs = argNames.length + 1;
    F.ci.isva = isva;
    F.ci.sparam_names = spNames.map(n => sym(n));
    // locals mentioned inside nested functions are boxed, except arguments and static parameters nothing assigns,
    // and locals assigned once before any closure mentions them
    const counts = new Map<string, number>();
    const assigned = assignedNames(body, counts);
    const once = assignedOnceFirst(body, counts);
    const nested = namesInNestedLambdas(body);
    for (const n of nested) {
      if (argNames.includes(n) || spNames.includes(n) ? !assigned.has(n) : once.has(n)) F.byValue.add(n);
      else F.boxed.add(n);
    }
    // the function's scope: parent is the defining scope only for closures (captures); methods see globals
    const outer: Scope = closure ? ps : rootScope(parent);
    const fs: Scope = { locals: new Set(), globals: new Set(), parent: outer, fn: F, isLoop: false };
    fs.locals.add(selfName ?? '#self#');
    for (const a of argNames) {
      fs.locals.add(a);
      if (F.boxed.has(a)) {
        // move the argument into a box so closures can share it
        const argSlot = F.slot(a);
        const tmp = F.slot(`#arg_${a}`);
        F.emit(E('=', tmp, argSlot));
        F.emit(E('=', argSlot, E('call', this.core('Box'), tmp)));
      }
    }
    // static parameters that nested functions use are copied into (boxed) locals so closures can capture them
    spNames.forEach((sp, i) => {
      if (!nested.has(sp)) return;
      fs.locals.add(sp);
      const slot = F.slot(sp);
      const v = F.emit(E('static_parameter', i + 1));
      if (F.boxed.has(sp)) F.emit(E('=', slot, E('call', this.core('Box'), v)));
      else F.emit(E('=', slot, v));
    });
    // destructuring arguments: f((a, b))
    const s2 = this.openScope(body, F, fs, [], false);
    Object.setPrototypeOf(s2, Object.prototype);
    let v = this.val(body, F, s2);
    if (rettype) {
      const T_ = this.val(rettype, F, s2);
      v = this.call(F, this.core('typeassert'), this.call(F, this.base('convert'), T_, v), T_);
    }
    F.emit(new ReturnNode(v));
    if (closure) closure.captured.push(...F.captured.filter(c => !closure.captured.includes(c)));
    return F.ci;
  }

  /** A nested function: a struct type with one field per captured box, defined at toplevel (hoisted). */
  lowerClosure(
    name: string | null,
    params: Value[],
    kwParams: Value[],
    where: Value[],
    body: Value,
    rettype: Value | null,
    L: Lambda,
    s: Scope,
  ): Value {
    const tname = this.globalName(name ?? 'anon');
    const H = new Lambda(null, true);
    H.ci.file = this.file;
    H.line = L.line;
    const typeRef = this.gref(tname);
    const closure = { type: typeRef as Value, captured: [] as string[] };
    // lower the methods into a hoisting lambda; the signature uses the closure type
    const hs: Scope = { locals: new Set(), globals: new Set(), parent: null, fn: H, isLoop: false };
    // the closure body resolves free names through the defining scope `s`
    const proxy: Scope = { locals: new Set(), globals: new Set(), parent: s, fn: H, isLoop: false };
    void hs;
    if (name) s.locals.add(name); // a local named function is a local variable holding the closure
    this.defineMethods(typeRef, params, kwParams, where, body, rettype, H, proxy, name ?? 'anonymous', closure);
    // captured fields
    const fieldNames = closure.captured;
    const defs: Value[] = [];
    const D = new Lambda(null, true);
    D.ci.file = this.file;
    const fields = D.emit(E('call', this.core('svec'), ...fieldNames.map(f => new QuoteNode(sym(f)))));
    // a value captured by value has a field of type parameter; a box, a field of type Core.Box
    const byValue = fieldNames.map(fn => {
      const r = this.resolve(fn, s);
      return r.kind === 'local' && r.fn.byValue.has(fn);
    });
    const tvs = fieldNames.flatMap((fn, k) =>
      byValue[k]
        ? [
            D.emit(
              E(
                'call',
                this.core('_typevar'),
                new QuoteNode(sym(`#T${k + 1}`)),
                E('call', this.core('apply_type'), this.core('Union')),
                this.core('Any'),
              ),
            ),
          ]
        : [],
    );
    const tt = D.emit(
      E(
        'call',
        this.core('_structtype'),
        this.mod,
        new QuoteNode(sym(tname)),
        E('call', this.core('svec'), ...tvs),
        fields,
        false,
        BigInt(fieldNames.length),
      ),
    );
    D.emit(E('call', this.core('_setsuper!'), tt, this.core('Function')));
    D.emit(E('const', typeRef));
    D.emit(E('=', typeRef, tt));
    let tv = 0;
    D.emit(
      E(
        'call',
        this.core('_typebody!'),
        tt,
        E('call', this.core('svec'), ...fieldNames.map((_, k) => (byValue[k] ? tvs[tv++]! : new QuoteNode(T.Box!)))),
      ),
    );
    D.emit(new ReturnNode(nothingV()));
    defs.push(E('thunk', D.ci));
    H.emit(new ReturnNode(nothingV()));
    defs.push(E('thunk', H.ci));
    this.hoisted.push(...defs);
    // create the closure value here, passing the boxes
    const boxes = fieldNames.map(fn => {
      const r = this.resolve(fn, s);
      if (r.kind === 'local' && r.fn === L) {
        if (!L.boxed.has(fn) && !L.byValue.has(fn)) L.boxed.add(fn);
        return L.slot(fn);
      }
      if (r.kind === 'local') return this.captureBox(fn, L);
      return this.err(`internal: capture of ${fn}`, L);
    });
    // the closure type's parameters are the types of the values it captures
    const ctype = tvs.length
      ? this.call(
          L,
          this.core('apply_type'),
          typeRef,
          ...boxes.flatMap((b, k) => (byValue[k] ? [this.call(L, this.core('typeof'), b)] : [])),
        )
      : typeRef;
    const obj = L.emit(E('new', ctype, ...boxes));
    if (name) this.assignVar(name, obj, L, s);
    return obj;
  }

  lowerMacroDef(ex: Expr, L: Lambda, s: Scope): Value {
    const sig = ex.args[0] as Expr;
    const name = (sig.args[0] as Sym).name;
    const f = L.emit(E('method', this.gref('@' + name)));
    this.defineMethods(
      f,
      [sym('__source__'), sym('__module__'), ...sig.args.slice(1)],
      [],
      [],
      ex.args[1]!,
      null,
      L,
      s,
      '@' + name,
      null,
    );
    return f;
  }

  // ---------------------------------------------------------------- types
  lowerStruct(ex: Expr, L: Lambda, s: Scope): Value {
    const mutable = ex.args[0] === true;
    let head = ex.args[1]!;
    let superEx: Value = sym('Any');
    if (isE(head, '<:')) {
      superEx = head.args[1]!;
      head = head.args[0]!;
    }
    let params: Value[] = [];
    if (isE(head, 'curly')) {
      params = head.args.slice(1);
      head = head.args[0]!;
    }
    const name = (head as Sym).name;
    const body = (ex.args[2] as Expr).args.filter(x => !(x instanceof LineNumberNode));
    const fields: { name: string; type: Value }[] = [];
    const inner: Expr[] = [];
    for (const b of body) {
      if (b instanceof Sym) fields.push({ name: b.name, type: sym('Any') });
      else if (isE(b, '::')) fields.push({ name: (b.args[0] as Sym).name, type: b.args[1]! });
      else if (isE(b, 'function') || (isE(b, '=') && isFuncSig(b.args[0]!))) inner.push(b);
      else if (isE(b, 'const')) {
        const x = b.args[0]!;
        fields.push(
          x instanceof Sym
            ? { name: x.name, type: sym('Any') }
            : { name: ((x as Expr).args[0] as Sym).name, type: (x as Expr).args[1]! },
        );
      } else if (typeof b === 'string' || isE(b, 'macrocall'))
        continue; // field docstrings
      else this.err(`unsupported struct body expression`, L);
    }
    const saveT = new Map(L.tvars);
    const tvs: Value[] = [];
    const pnames: string[] = [];
    for (const p of params) {
      let nm: Sym,
        ub: Value = sym('Any');
      if (p instanceof Sym) nm = p;
      else if (isE(p, '<:')) {
        nm = p.args[0] as Sym;
        ub = p.args[1]!;
      } else return this.err('invalid type parameter', L);
      const tv = this.call(
        L,
        this.core('_typevar'),
        new QuoteNode(nm),
        E('call', this.core('apply_type'), this.core('Union')),
        this.val(ub, L, s),
      );
      L.tvars.set(nm.name, tv);
      tvs.push(tv);
      pnames.push(nm.name);
    }
    const fsv = this.call(L, this.core('svec'), ...fields.map(f => new QuoteNode(sym(f.name))));
    const tt = this.call(
      L,
      this.core('_structtype'),
      this.mod,
      new QuoteNode(sym(name)),
      this.call(L, this.core('svec'), ...tvs),
      fsv,
      mutable,
      BigInt(fields.length),
    );
    this.call(L, this.core('_setsuper!'), tt, this.val(superEx, L, s));
    L.emit(E('const', this.gref(name)));
    L.emit(E('=', this.gref(name), tt));
    const ftypes = fields.map(f => this.val(f.type, L, s));
    this.call(L, this.core('_typebody!'), tt, this.call(L, this.core('svec'), ...ftypes));
    L.tvars = saveT;
    // constructors
    const fieldSyms = fields.map(f => sym(f.name));
    if (inner.length) {
      for (const c of inner) this.lowerInnerConstructor(c, name, pnames, L, s);
    } else if (params.length === 0) {
      // T(x, y) = new(convert(fieldtype..)) ; plus T(x::F1, y::F2) when field types are not Any
      const conv = fields.map((f, k) =>
        f.type instanceof Sym && f.type.name === 'Any'
          ? fieldSyms[k]!
          : E(
              'call',
              sym('convert'),
              E('call', E('.', sym('Core'), new QuoteNode(sym('fieldtype'))), sym(name), BigInt(k + 1)),
              fieldSyms[k]!,
            ),
      );
      const typed = fields.some(f => !(f.type instanceof Sym && f.type.name === 'Any'));
      const fobj = this.gref(name);
      this.emitMethod(
        fobj,
        fieldSyms.map(x => x),
        [],
        E('block', E('new', sym(name), ...conv)),
        null,
        L,
        s,
        name,
        null,
      );
      if (typed)
        this.emitMethod(
          fobj,
          fields.map(f => E('::', sym(f.name), f.type)),
          [],
          E('block', E('new', sym(name), ...fieldSyms)),
          null,
          L,
          s,
          name,
          null,
        );
    } else {
      // Point{T}(x, y) where T = new{T}(convert...) ; Point(x::T, y::T) where T = Point{T}(x, y)
      const curlyT = E('curly', sym(name), ...pnames.map(p => sym(p)));
      const conv = fields.map((_, k) =>
        E(
          'call',
          sym('convert'),
          E('call', E('.', sym('Core'), new QuoteNode(sym('fieldtype'))), sym('#self#'), BigInt(k + 1)),
          fieldSyms[k]!,
        ),
      );
      this.lowerInnerConstructor(
        E('function', E('where', E('call', curlyT, ...fieldSyms), ...params), E('block', E('new', curlyT, ...conv))),
        name,
        pnames,
        L,
        s,
        true,
      );
      const usesAll = pnames.every(p => fields.some(f => mentions(f.type, p)));
      if (usesAll)
        this.emitMethod(
          this.gref(name),
          fields.map(f => E('::', sym(f.name), f.type)),
          params,
          E('block', E('call', curlyT, ...fieldSyms)),
          null,
          L,
          s,
          name,
          null,
        );
    }
    return nothingV();
  }

  lowerInnerConstructor(c: Expr, tname: string, pnames: string[], L: Lambda, s: Scope, generated = false): void {
    // inner constructors: `new` refers to the type being defined
    let sig = c.args[0]!;
    let where: Value[] = [];
    while (isE(sig, 'where')) {
      where = [...sig.args.slice(1), ...where];
      sig = sig.args[0]!;
    }
    const call = sig as Expr;
    const fname = call.args[0]!;
    const body = replaceNew(c.args[1]!, tname, pnames, fname);
    void generated;
    const fo: Value = isE(fname, 'curly') ? (new Deferred(fname) as unknown as Value) : this.val(fname, L, s);
    this.defineMethods(
      fo,
      call.args.slice(1).filter(p => !isE(p, 'parameters')),
      call.args
        .slice(1)
        .filter(p => isE(p, 'parameters'))
        .flatMap(p => (p as Expr).args),
      where,
      body,
      null,
      L,
      s,
      tname,
      null,
    );
  }

  lowerAbstract(ex: Expr, L: Lambda, s: Scope): Value {
    let head = ex.args[0]!;
    let superEx: Value = sym('Any');
    if (isE(head, '<:')) {
      superEx = head.args[1]!;
      head = head.args[0]!;
    }
    let params: Value[] = [];
    if (isE(head, 'curly')) {
      params = head.args.slice(1);
      head = head.args[0]!;
    }
    const name = (head as Sym).name;
    const saveT = new Map(L.tvars);
    const tvs = params.map(p => {
      let nm: Sym,
        ub: Value = sym('Any');
      if (p instanceof Sym) nm = p;
      else {
        nm = (p as Expr).args[0] as Sym;
        ub = (p as Expr).args[1]!;
      }
      const tv = this.call(
        L,
        this.core('_typevar'),
        new QuoteNode(nm),
        E('call', this.core('apply_type'), this.core('Union')),
        this.val(ub, L, s),
      );
      L.tvars.set(nm.name, tv);
      return tv;
    });
    const tt = this.call(
      L,
      this.core('_abstracttype'),
      this.mod,
      new QuoteNode(sym(name)),
      this.call(L, this.core('svec'), ...tvs),
    );
    this.call(L, this.core('_setsuper!'), tt, this.val(superEx, L, s));
    L.emit(E('const', this.gref(name)));
    L.emit(E('=', this.gref(name), tt));
    this.call(L, this.core('_typebody!'), tt, this.call(L, this.core('svec')));
    L.tvars = saveT;
    return nothingV();
  }

  lowerWhereType(ex: Expr, L: Lambda, s: Scope): Value {
    // Vector{T} where T  ->  UnionAll(tv, body)
    const saveT = new Map(L.tvars);
    const tvs: Value[] = [];
    for (const w of ex.args.slice(1)) {
      let nm: Sym,
        ub: Value = sym('Any');
      if (w instanceof Sym) nm = w;
      else {
        nm = (w as Expr).args[0] as Sym;
        ub = (w as Expr).args[1]!;
      }
      const tv = this.call(
        L,
        this.core('_typevar'),
        new QuoteNode(nm),
        E('call', this.core('apply_type'), this.core('Union')),
        this.val(ub, L, s),
      );
      L.tvars.set(nm.name, tv);
      tvs.push(tv);
    }
    let body = this.val(ex.args[0]!, L, s);
    for (let k = tvs.length - 1; k >= 0; k--) body = this.call(L, this.core('UnionAll'), tvs[k]!, body);
    L.tvars = saveT;
    return body;
  }
}

/** `(::T)(args)` / `(p::T)(args)`: a method of a callable type, with an optional name for the callee */
class SelfType {
  readonly type: Value;
  readonly name: string | null;
  constructor(type: Value, name: string | null) {
    this.type = type;
    this.name = name;
  }
}
/** a function expression to evaluate inside the method's where-scope */
class Deferred {
  readonly ex: Value;
  constructor(ex: Value) {
    this.ex = ex;
  }
}
/** an already-lowered operand smuggled through code that lowers Exprs */
class Inline {
  readonly v: Value;
  constructor(v: Value) {
    this.v = v;
  }
}
const origVal = Lowerer.prototype.val;
Lowerer.prototype.val = function (this: Lowerer, ex: Value, L: Lambda, s: Scope): Value {
  if (ex instanceof Inline) return ex.v;
  if (isE(ex, 'new')) {
    const args = ex.args.map(a => this.val(a, L, s));
    return L.emit(E('new', ...args));
  }
  if (isE(ex, 'call') && ex.args[0] instanceof Sym && ex.args[0].name === '#self#') {
    return this.lowerCallArgs(new SlotNumber(1), ex.args.slice(1), L, s);
  }
  return origVal.call(this, ex, L, s);
};

function withTvars(L: Lambda, where: Value[], lw: Lowerer, s: Scope): Scope {
  void L;
  void where;
  void lw;
  return s;
}

/** `new(args...)` in an inner constructor: each argument is converted to its field's type, as Julia's `new` does */
function newWithConvert(T_: Value, args: Value[]): Value {
  if (args.some(a => isE(a, '...'))) return E('new', T_, ...args);
  return E(
    'new',
    T_,
    ...args.map((a, k) =>
      E('call', sym('convert'), E('call', E('.', sym('Core'), new QuoteNode(sym('fieldtype'))), T_, BigInt(k + 1)), a),
    ),
  );
}

function replaceNew(body: Value, tname: string, pnames: string[], fname: Value): Value {
  if (!(body instanceof Expr)) return body;
  if (body.head.name === 'call' && body.args[0] instanceof Sym && body.args[0].name === 'new') {
    const T_ = isE(fname, 'curly') ? fname : sym(tname);
    void pnames;
    return newWithConvert(
      T_,
      body.args.slice(1).map(a => replaceNew(a, tname, pnames, fname)),
    );
  }
  if (
    body.head.name === 'call' &&
    isE(body.args[0]!, 'curly') &&
    (body.args[0] as Expr).args[0] instanceof Sym &&
    ((body.args[0] as Expr).args[0] as Sym).name === 'new'
  ) {
    const T_ = E('curly', sym(tname), ...(body.args[0] as Expr).args.slice(1));
    return newWithConvert(
      T_,
      body.args.slice(1).map(a => replaceNew(a, tname, pnames, fname)),
    );
  }
  if (body.head.name === 'function' || body.head.name === '->') return body;
  return new Expr(
    body.head,
    body.args.map(a => replaceNew(a, tname, pnames, fname)),
  );
}

function mentions(t: Value, name: string): boolean {
  if (t instanceof Sym) return t.name === name;
  if (t instanceof Expr) return t.args.some(a => mentions(a, name));
  return false;
}

function kwName(k: Value): string {
  if (isE(k, 'kw')) return kwName(k.args[0]!);
  if (isE(k, '::')) return (k.args[0] as Sym).name;
  if (isE(k, '...')) return kwName(k.args[0]!);
  return (k as Sym).name;
}
function argName(p: Value): Value {
  if (p instanceof Sym) return p;
  if (isE(p, '::')) return p.args.length === 1 ? sym('#unused') : p.args[0]!;
  if (isE(p, '...')) return E('...', argName(p.args[0]!));
  if (isE(p, 'kw')) return argName(p.args[0]!);
  return p;
}
function splatArg(v: Value): Value {
  return v;
}

function rootScope(L: Lambda): Scope {
  return { locals: new Set(), globals: new Set(), parent: null, fn: L, isLoop: false };
}
function hasLocalScope(s: Scope | null): boolean {
  for (let sc = s; sc; sc = sc.parent)
    if (sc.locals.size > 0 || !sc.fn.toplevel || sc.parent) return !sc.fn.toplevel || sc.parent !== null;
  return false;
}
function isOuterLocalForTarget(_v: string, _s: Scope, _l: Lowerer): boolean {
  return false;
}

export function coreModule(mod: Module): Module {
  for (let m: Module | null = mod; m; m = m.parent) {
    const b = m.bindings.get(sym('Core'));
    const v = b?.get();
    if (v instanceof Module) return v;
  }
  return moduleRegistry.Core!;
}
export function baseModule(mod: Module): Module {
  return moduleRegistry.Base ?? mod;
}
export const moduleRegistry: { Core?: Module; Base?: Module } = {};

function nothingV(): Value {
  return T.Nothing!.instance!;
}
function literal(v: Value): Value {
  if (v instanceof Sym || v instanceof Expr) return new QuoteNode(v);
  if (v === null || v === undefined) return nothingV();
  return v;
}
function isSimple(_v: Value): boolean {
  return true;
}

function describe(v: Value): string {
  return v instanceof Sym ? v.name : v instanceof Expr ? v.head.name : String(v);
}

function isFuncSig(v: Value): boolean {
  if (!(v instanceof Expr)) return false;
  if (v.head.name === 'call')
    return !(v.args[0] instanceof Sym && v.args[0].name.startsWith('.') && v.args[0].name.length > 1);
  if (v.head.name === 'where') return isFuncSig(v.args[0]!);
  if (v.head.name === '::' && v.args.length === 2) return isE(v.args[0]!, 'call') || isE(v.args[0]!, 'where');
  return false;
}
function funcName(sig: Value): string | null {
  let s = sig;
  while (isE(s, 'where') || (isE(s, '::') && isE(s.args[0]!))) s = (s as Expr).args[0]!;
  if (isE(s, 'call') && s.args[0] instanceof Sym) return s.args[0].name;
  return null;
}
function lhsNames(v: Value): string[] {
  if (v instanceof Sym) return [v.name];
  if (isE(v, '=')) return lhsNames(v.args[0]!);
  if (isE(v, '::') && v.args.length === 2) return lhsNames(v.args[0]!);
  if (isE(v, 'tuple')) return v.args.flatMap(a => (isE(a, 'parameters') ? a.args.flatMap(lhsNames) : lhsNames(a)));
  if (isE(v, '...')) return lhsNames(v.args[0]!);
  return [];
}

/** `=` and the updating assignments (`+=`, `<<=`, ...; not comparisons, and not the dotted `.+=`, which assigns
 *  elements, not the name) */
const isAssignmentHead = (h: string): boolean =>
  h === '=' || (/^[^.=].*=$/.test(h) && !['==', '>=', '<=', '!=', '===', '!=='].includes(h));

/** Locals of a function body that are assigned exactly once, by a statement of the body's own block (so it runs
 *  once, before what follows), and that no nested function mentions before that statement is done: a closure made
 *  later can hold their value. */
function assignedOnceFirst(body: Value, counts: ReadonlyMap<string, number>): Set<string> {
  const out = new Set<string>();
  if (!isE(body, 'block')) return out;
  const seen = new Set<string>(); // names nested functions mentioned so far
  for (const st of body.args) {
    if (isE(st, '=') && st.args[0] instanceof Sym && counts.get(st.args[0].name) === 1) {
      const n = st.args[0].name;
      for (const m of namesInNestedLambdas(st.args[1]!)) seen.add(m);
      if (!seen.has(n)) out.add(n);
      continue;
    }
    for (const m of namesInNestedLambdas(st)) seen.add(m);
  }
  return out;
}

/** every name that `body` may assign anywhere, nested functions and scopes included (conservatively: a local of
 *  an inner scope that shadows the name counts too); `counts` gets how many assignments each has */
function assignedNames(body: Value, counts?: Map<string, number>): Set<string> {
  const out = new Set<string>();
  const add1 = (n: string): void => {
    out.add(n);
    counts?.set(n, (counts.get(n) ?? 0) + 1);
  };
  const add = (v: Value): void => {
    for (const n of lhsNames(v)) add1(n);
  };
  const walk = (v: Value): void => {
    if (!(v instanceof Expr)) return;
    const h = v.head.name;
    if (h === 'quote') return;
    if (h === '=' && isFuncSig(v.args[0]!)) {
      const nm = funcName(v.args[0]!);
      if (nm) add1(nm);
    } else if (isAssignmentHead(h)) add(v.args[0]!);
    else if (h === 'local' || h === 'global') v.args.forEach(add);
    else if (h === 'function' && v.args[0] instanceof Expr) {
      const nm = funcName(v.args[0]);
      if (nm) add1(nm);
    } else if (h === 'try' && v.args[1] instanceof Sym) add1(v.args[1].name);
    else if (h === 'for' || h === 'let') {
      const spec = v.args[0]!;
      for (const x of isE(spec, 'block') ? spec.args : [spec])
        add(x instanceof Expr && x.args.length === 2 && x.head.name !== '::' ? x.args[0]! : x);
    }
    v.args.forEach(walk);
  };
  walk(body);
  return out;
}

/** every symbol mentioned inside functions nested in `body` (these locals must be boxed) */
function namesInNestedLambdas(body: Value): Set<string> {
  const out = new Set<string>();
  const collect = (v: Value): void => {
    if (v instanceof Sym) out.add(v.name);
    else if (v instanceof Expr) v.args.forEach(collect);
  };
  const walk = (v: Value, inLambda: boolean): void => {
    if (!(v instanceof Expr)) {
      if (inLambda && v instanceof Sym) out.add(v.name);
      return;
    }
    const h = v.head.name;
    if (h === 'quote') return;
    if (h === '->' || h === 'function' || h === 'generator' || h === 'do' || (h === '=' && isFuncSig(v.args[0]!))) {
      collect(v);
      return;
    }
    if (h === 'comprehension') {
      collect(v);
      return;
    }
    v.args.forEach(a => walk(a, inLambda));
  };
  walk(body, false);
  return out;
}

function hasInterp(v: Value, depth: number): boolean {
  if (!(v instanceof Expr)) return false;
  if (v.head.name === '$') return depth === 1 || hasInterp(v.args[0]!, depth - 1);
  const nd = v.head.name === 'quote' ? depth + 1 : depth;
  return v.args.some(a => hasInterp(a, nd));
}

/** `end` inside a[...] means lastindex(a) (or lastindex(a, d) with several indices) */
function replaceEnd(ix: Value, a: Value, d: number, n: number, lw: Lowerer): Value {
  if (ix instanceof Sym && (ix.name === 'end' || ix.name === 'begin')) {
    const f = ix.name === 'end' ? 'lastindex' : 'firstindex';
    return n === 1
      ? E('call', new Inline(lw.base(f)) as unknown as Value, new Inline(a) as unknown as Value)
      : E('call', new Inline(lw.base(f)) as unknown as Value, new Inline(a) as unknown as Value, BigInt(d + 1));
  }
  if (ix instanceof Expr && ix.head.name !== 'ref')
    return new Expr(
      ix.head,
      ix.args.map(x => replaceEnd(x, a, d, n, lw)),
    );
  return ix;
}

void JChar;
void isTuple;
