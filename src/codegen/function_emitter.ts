// Code generation of one function: a typed, optimized CodeInfo (a CodeInstance's `inferred`) to a wasm function
// in the module being built (module_builder.ts), written as WebAssembly text that binaryen parses, validates and
// optimizes (binaryen_worker.ts).
//
// Values: Int64 travels as i64, Float64 as f64, Bool as i32; every other value is an `externref` holding the very
// JS value the interpreter uses, so compiled and interpreted code share one representation and call each other
// (operands.ts, kinds.ts). Heap operations, dynamic calls and anything without a wasm equivalent go through
// imported runtime functions (runtime_imports.ts). Constants that are JS objects (types, functions, method
// instances, strings) are imported immutable globals filled in at instantiation from the module's constant list:
// nothing process-specific is baked into the wasm, so a loader can relink it (link.ts).
//
// Statements are emitted block by block; control_flow.ts finds the blocks and nests them. Builtins have their own
// emitters (builtin_emitters.ts).
import { T, Expr, GlobalRef, BuiltinFunction, JStruct, isTuple, type Value } from '../runtime/values.ts';
import { SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from '../ir/nodes.ts';
import { DataType, TypeVar, type JType } from '../runtime/types.ts';
import { ownLine, type MethodInstance, type CodeInstance } from '../runtime/methods.ts';
import type { CodeInfo } from '../ir/CodeInfo.ts';
import { issubtype } from '../runtime/subtype.ts';
import { kindOf, vecKind, wasmType, isVec, toRaw64, type Kind } from './kinds.ts';
import type { ModuleBuilder } from './module_builder.ts';
import { OperandEmitter, NOTHING, slotLocal } from './operands.ts';
import { emitBuiltin } from './builtin_emitters.ts';
import { emitForeignCall } from './foreign_calls.ts';
import { blockGraph, maybeUndefinedReads, structure, lastOf, type BlockGraph } from './control_flow.ts';
import { MAX_IMPORT_ARITY } from './runtime_imports.ts';
import { NotCompilable } from './not_compilable.ts';

/** Emits the wasm function for `ci` into the module under `name`. Throws NotCompilable for what it cannot do. */
export function emitFunction(
  mb: ModuleBuilder,
  ci: CodeInstance,
  name: string,
  argConsts: readonly (Value | undefined)[] = [],
): void {
  new FunctionEmitter(mb, ci, name, argConsts).emit();
}

/** One function being emitted: its blocks, its statements' code, its frame record. */
class FunctionEmitter extends OperandEmitter {
  readonly name: string;
  readonly n: number;
  readonly g: BlockGraph;
  /** each statement's line (the method's definition line until the first located statement) */
  readonly lineAt: number[] = [];
  readonly fileTag: string;
  /** this function's frame record (allocated when something needs it) */
  private fid = -1;

  constructor(mb: ModuleBuilder, ci: CodeInstance, name: string, argConsts: readonly (Value | undefined)[]) {
    super(mb, ci, argConsts);
    this.name = name;
    const code = this.code;
    this.n = code.code.length;
    this.g = blockGraph(code.code, code.ssavaluetypes!);
    const { reads, flagged } = maybeUndefinedReads(this.g, code.code, this.nargSlots);
    this.undefReads = reads;
    this.flaggedSlots = flagged;
    this.fileTag = (code.file.split('/').pop() || 'none').replace(/[^A-Za-z0-9_.-]/g, '_');
    for (let pc = 0, last = this.m.line; pc < this.n; pc++)
      this.lineAt.push((last = ownLine(code, code.codelocs[pc] ?? 0) || last));
  }

  frameId(): number {
    if (this.fid < 0) {
      this.fid = this.mb.frames.length;
      this.mb.frames.push({
        func: frameName(this.mi, this.code),
        file: this.code.file,
        mod: this.m.module.name.name,
        name: this.name.slice(1),
        line: this.m.line,
      });
    }
    return this.fid;
  }

  // ---- calls through the runtime
  /** `heads` are the leading operands (the function, the instance...), already boxed */
  runtimeCall(kind: string, heads: string[], xs: Value[], headKinds: Kind[] = heads.map((): Kind => 'ref')): string {
    if (xs.length > MAX_IMPORT_ARITY) throw new NotCompilable('too many arguments');
    // (the import first, then the operands: the order the module's imports and constants are numbered in)
    const fn = this.mb.need(`${kind}_${xs.length}`, [...headKinds, ...xs.map((): Kind => 'ref')], 'ref');
    return `(call ${fn} ${heads.join(' ')} ${xs.map(x => this.operand(x, 'ref')).join(' ')})`;
  }

  // ---- statements: each value returns [wasm expression, its kind] (kind undefined: no value)
  callValue(ex: Expr): [string, Kind | undefined] {
    const mb = this.mb;
    const a = ex.args;
    if (ex.head.name === 'invoke') {
      const callee = a[0] as MethodInstance;
      // constant immutable arguments (not numbers: binaryen propagates those itself) call a specialized copy; a
      // value without fields (a function's singleton) has nothing to fold, and a copy of another package's callee
      // would keep it out of the code store as an entry of its own
      const consts = a.slice(1).map(x => {
        const v = this.valueOf(x);
        return isTuple(v as Value) || (v instanceof JStruct && !v.type.ismutable && v.nfields > 0) ? v : undefined;
      });
      const fn = mb.specializedFor(callee, consts) ?? mb.funcFor(callee);
      if (fn) {
        if (callee === this.mi) mb.recursive.add(fn.name.slice(1));
        const cst = (callee.specTypes as DataType).parameters as JType[];
        const ops: string[] = [];
        if (fn.sig.self) ops.push(this.operand(a[1]!, 'ref'));
        for (let k = 2; k < a.length; k++) ops.push(this.operand(a[k]!, kindOf(cst[k - 1])));
        return [`(call ${fn.name} ${ops.join(' ')})`, fn.sig.result];
      }
      return [this.runtimeCall('invoke', [mb.constRef(callee), this.operand(a[1]!, 'ref')], a.slice(2)), 'ref'];
    }
    const f = a[0]!;
    const fv = this.valueOf(f);
    if (fv instanceof BuiltinFunction) {
      const r = emitBuiltin(this, fv, a.slice(1));
      if (r) return r;
      return [this.runtimeCall('builtin', [mb.constRef(fv)], a.slice(1)), 'ref'];
    }
    // a dynamic call goes through its own inline cache (runtime_imports.ts callAtSite)
    return [
      this.runtimeCall('callsite', [`(i32.const ${mb.callSites++})`, this.operand(f, 'ref')], a.slice(1), [
        'i32',
        'ref',
      ]),
      'ref',
    ];
  }

  /** the frame record of the inlined call `f` (CodeInfo.inlined): named apart from every wasm function, and
   *  called, for native_frames.ts's chains of calls, from its caller's frame at the line of the call */
  private inlinedFrameId(f: number): number {
    let fid = this.inlinedFids.get(f);
    if (fid !== undefined) return fid;
    const fr = this.code.inlined!.frames[f]!;
    const parent = fr.parent < 0 ? this.frameId() : this.inlinedFrameId(fr.parent);
    const m = fr.mi.def;
    fid = this.mb.frames.length;
    const name = `${this.name.slice(1)}~${f}`;
    this.mb.frames.push({
      func: frameName(fr.mi, m.source as CodeInfo),
      file: m.file,
      mod: m.module.name.name,
      name,
      line: m.line,
    });
    this.mb.callLines.set('$' + name, new Map([[parent, fr.callLine]]));
    this.inlinedFids.set(f, fid);
    return fid;
  }
  private readonly inlinedFids = new Map<number, number>();

  /** Every call carries a debug location `;;@ file:line:fid`: binaryen keeps it through optimization and inlining
   *  and writes it to the binary's source map, where native_frames.ts looks up the offset V8 reports for a
   *  compiled frame. A call in inlined code (`inlined`: its location in CodeInfo.inlined) is in the frame of the
   *  inlined call. */
  site(wasm: string, line: number, inlined?: { line: number; frame: number }): string {
    const mb = this.mb;
    return wasm.replace(/\(call (\$[^\s()]+)/g, (call, callee: string) => {
      const fid = inlined ? this.inlinedFrameId(inlined.frame) : this.frameId();
      if (inlined) line = inlined.line || this.code.inlined!.frames[inlined.frame]!.mi.def.line;
      if (callee.startsWith('$julia_')) {
        let lines = mb.callLines.get(callee);
        if (!lines) mb.callLines.set(callee, (lines = new Map()));
        const had = lines.get(fid);
        lines.set(fid, had === undefined || had === line ? line : 0);
      }
      return `\n;;@ ${this.fileTag}:${line}:${fid}\n${call}`;
    });
  }
  stmtCode(pc: number): string {
    this.curPc = pc;
    const loc = this.code.codelocs[pc] ?? 0;
    return this.site(this.stmtText(pc), this.lineAt[pc]!, loc < 0 ? this.code.inlined?.locs[-1 - loc] : undefined);
  }
  stmtText(pc: number): string {
    const s = this.code.code[pc]!;
    const slotKinds = this.slotKinds;
    if (s instanceof NewvarNode)
      return this.flaggedSlots.has(s.slot.id) ? `(local.set $def${s.slot.id} (i32.const 0))` : '';
    if (s instanceof Expr) {
      const h = s.head.name;
      if (h === '=') {
        const lhs = s.args[0]!,
          rhs = s.args[1]!;
        if (!(lhs instanceof SlotNumber)) {
          if (lhs instanceof GlobalRef) {
            const set = this.mb.need('setglobal', ['ref', 'ref'], undefined);
            return `(call ${set} ${this.mb.constRef(lhs)} ${this.operand(rhs, 'ref')})`;
          }
          throw new NotCompilable('assignment target');
        }
        // (a constant goes in the slot's kind: `nothing` as a placeholder of a vector local is a null reference)
        const rk =
          rhs instanceof Expr
            ? undefined
            : this.valueOf(rhs) === NOTHING() && isVec(slotKinds[lhs.id - 1])
              ? slotKinds[lhs.id - 1]!
              : this.operandKind(rhs);
        const [e, k] = rhs instanceof Expr ? this.valueExpr(rhs) : [this.operand(rhs, rk!), rk!];
        if (k === undefined) return `${e} (unreachable)`;
        // the assignment's own value may be used as an SSA value too
        const want = this.ssaKind(pc + 1);
        const flag = this.flaggedSlots.has(lhs.id) ? ` (local.set $def${lhs.id} (i32.const 1))` : '';
        const sk = slotKinds[lhs.id - 1]!;
        if (want === undefined) return `(local.set ${slotLocal(lhs.id)} ${this.conv(e, k, sk)})${flag}`;
        return (
          `(local.set $s${pc + 1} ${this.conv(e, k, want)}) ` +
          `(local.set ${slotLocal(lhs.id)} ${this.conv(`(local.get $s${pc + 1})`, want, sk)})${flag}`
        );
      }
      if (h === 'meta' || h === 'inbounds' || h === 'loopinfo') return '';
      const [e, k] = this.valueExpr(s);
      const want = this.ssaKind(pc + 1);
      if (k === undefined || want === undefined) return `${k === undefined ? e : `(drop ${e})`} (unreachable)`;
      return `(local.set $s${pc + 1} ${this.conv(e, k, want)})`;
    }
    // a plain operand as a statement (a slot read, a constant, a global)
    const want = this.ssaKind(pc + 1);
    if (want === undefined) return '';
    return `(local.set $s${pc + 1} ${this.operand(s, want)})`;
  }
  valueExpr(ex: Expr): [string, Kind | undefined] {
    const mb = this.mb;
    switch (ex.head.name) {
      case 'call':
      case 'invoke':
        return this.callValue(ex);
      case 'new':
        return this.newValue(ex);
      case 'foreigncall':
        return (
          emitForeignCall(this, ex) ?? [
            this.runtimeCall('foreign', [mb.constRef(ex.args[0]!)], ex.args.slice(2)),
            'ref',
          ]
        );
      case 'static_parameter': {
        const v = this.mi.sparamVals[(ex.args[0] as number) - 1];
        if (v === undefined || v instanceof TypeVar) throw new NotCompilable('unknown static parameter');
        return [mb.constRef(v as Value), 'ref'];
      }
      case 'boundscheck':
        return ['(i32.const 1)', 'i32'];
      // exception handlers: the depth of handlers in force, the catch block of the one at each depth, and the
      // runtime's depth of caught exceptions at the enter (restored when this handler catches)
      case 'enter': {
        const d = this.g.enterDepth.get(this.curPc)!;
        return [
          `(block (result externref) (local.set $hd (i32.const ${d})) ` +
            `(local.set $h${d} (i32.const ${this.g.blockOf[(ex.args[0] as number) - 1]})) ` +
            `(local.set $he${d} (call ${mb.need('exception_depth', [], 'i32')})) ${mb.constRef(NOTHING())})`,
          'ref',
        ];
      }
      case 'leave':
        return [
          `(block (result externref) ` +
            `(local.set $hd (i32.sub (local.get $hd) (i32.const ${Number(ex.args[0] as bigint | number)}))) ` +
            `${mb.constRef(NOTHING())})`,
          'ref',
        ];
      case 'the_exception':
        return ['(local.get $exc)', 'ref'];
      case 'pop_exception':
        return [
          `(block (result externref) (call ${mb.need('pop_exception', [], undefined)}) ${mb.constRef(NOTHING())})`,
          'ref',
        ];
      case 'isdefined':
        throw new NotCompilable('isdefined');
      default:
        throw new NotCompilable(`statement ${ex.head.name}`);
    }
  }
  newValue(ex: Expr): [string, Kind] {
    const mb = this.mb;
    const t = this.valueOf(ex.args[0]!);
    const fields = ex.args.slice(1);
    // a struct whose every field is given a value inference proved of the field's type needs no checks
    if (
      t instanceof DataType &&
      t.name !== T.Tuple!.name &&
      !t.isabstract &&
      t.name.names.length === fields.length &&
      fields.every((x, k) => t.types[k] !== undefined && issubtype(this.staticType(x), t.types[k]!))
    ) {
      if (t.instance !== undefined && fields.length === 0) return [mb.constRef(t.instance), 'ref'];
      // a struct kept in a WasmGC vector: its fields go unboxed, and its vector comes back
      const ek = vecKind(t);
      if (ek) {
        // made in wasm, tagged with its type and with no owner: the runtime makes its JStruct if it ever needs one
        const raw = fields.map((x, k) =>
          ek === 'f64'
            ? this.operand(x, 'f64')
            : ek === 'ref'
              ? this.refFieldOperand(x, t.types[k]!)
              : toRaw64(kindOf(t.types[k]), this.operand(x, kindOf(t.types[k]))),
        );
        return [
          `(struct.new $v${ek} (array.new_fixed $a${ek} ${fields.length} ${raw.join(' ')}) ` +
            `(i32.const ${fields.length}) (ref.null extern) ${mb.tagRef(t)})`,
          `v${ek}`,
        ];
      }
      return [this.runtimeCall('newstruct', [mb.constRef(t)], fields), 'ref'];
    }
    return [
      this.runtimeCall('new', [t !== undefined ? mb.constRef(t) : this.operand(ex.args[0]!, 'ref')], fields),
      'ref',
    ];
  }

  // ---- blocks (control_flow.ts structures them)
  terminator(b: number, branch: (to: number) => string): string {
    const pc = lastOf(this.g, b, this.n);
    this.curPc = pc;
    const s = this.code.code[pc]!;
    const blockOf = this.g.blockOf;
    if (s instanceof GotoNode) return branch(blockOf[s.label - 1]!);
    if (s instanceof GotoIfNot) {
      const c = this.site(this.operand(s.cond, 'i32'), this.lineAt[pc]!);
      return `(if ${c} (then ${branch(blockOf[pc + 1]!)}) (else ${branch(blockOf[s.dest - 1]!)}))`;
    }
    if (s instanceof ReturnNode) {
      const returnKind = this.sig.result;
      if (returnKind === undefined) {
        // the value of a method that never returns cannot exist: a local read here is one never assigned, which
        // raises UndefVarError (as the interpreter does) rather than trapping
        const v = s.val;
        if (v instanceof SlotNumber && this.undefReads.has(`${pc}:${v.id}`)) {
          const name = this.mb.constRef(this.code.slotnames[v.id - 1]!);
          return `${this.site(`(call ${this.mb.need('throw_undefvar', ['ref'], undefined)} ${name})`, this.lineAt[pc]!)} (unreachable)`;
        }
        return '(unreachable)';
      }
      return `(return ${this.site(this.operand(s.val, returnKind), this.lineAt[pc]!)})`;
    }
    const succs = this.g.succs[b]!;
    return succs.length ? branch(succs[0]!) : '(unreachable)';
  }
  body(b: number): string {
    const parts: string[] = [];
    const last = lastOf(this.g, b, this.n);
    for (let pc = this.g.firsts[b]!; pc <= last; pc++) {
      const s = this.code.code[pc]!;
      if (pc === last && (s instanceof GotoNode || s instanceof GotoIfNot || s instanceof ReturnNode)) break;
      parts.push(this.stmtCode(pc));
    }
    return parts.filter(Boolean).join(' ');
  }
  catchException(y: number, d: number): string {
    const catchIt = this.mb.need('catch_exception', ['ref', 'i32'], 'ref');
    const caught = `(call ${catchIt} (local.get $exn) (local.get $he${d}))`;
    const line = this.lineAt[this.g.firsts[y]!]!;
    return `(local.set $hd (i32.const ${d - 1})) (local.set $exc ${this.site(caught, line)}) (br $B${y})`;
  }

  loopCheck(): string {
    // a loop may run unbounded: it reads the SIGINT flag (src/runtime/interrupt.ts) from the shared memory every
    // module with a loop imports (an atomic load, which nothing moves out of the loop)
    this.mb.imports.set('signals', '(import "rt" "signals" (memory $signals 1 1 shared))');
    return '(i32.atomic.load (i32.const 0))';
  }
  loopExit(b: number): string {
    return this.site(`(call ${this.mb.need('interrupted', [], undefined)})`, this.lineAt[this.g.firsts[b]!]!);
  }

  // ---- the function
  emit(): void {
    const { mb, code, sig, st, nfixed, slotKinds, m } = this;
    const structured = structure(this.g, this);
    // parameters arrive in their specialization's kinds and are copied into the argument slots
    const params: string[] = [];
    const entry: string[] = [];
    if (sig.self) {
      params.push(`(param $p1 externref)`);
      entry.push(`(local.set $v1 ${this.conv('(local.get $p1)', 'ref', slotKinds[0]!)})`);
    }
    for (let k = 1; k < st.length; k++) {
      params.push(`(param $p${k + 1} ${wasmType(kindOf(st[k]))})`);
      if (k < nfixed)
        entry.push(`(local.set $v${k + 1} ${this.conv(`(local.get $p${k + 1})`, kindOf(st[k]), slotKinds[k]!)})`);
    }
    if (m.isva) {
      const rest = st.slice(nfixed).map((p, j) => this.conv(`(local.get $p${nfixed + j + 1})`, kindOf(p), 'ref'));
      const tuple = `(call ${mb.need(
        `mktuple_${rest.length}`,
        rest.map((): Kind => 'ref'),
        'ref',
      )} ${rest.join(' ')})`;
      entry.push(`(local.set $v${nfixed + 1} ${this.conv(tuple, 'ref', slotKinds[nfixed]!)})`);
    }
    const locals: string[] = [];
    for (const [local, f] of this.argFields) {
      locals.push(`(local ${local} ${wasmType(f.kind)})`);
      entry.push(
        `(local.set ${local} (call $getfield_${f.kind} ` +
          `${this.conv(`(local.get $v${f.slot})`, slotKinds[f.slot - 1]!, 'ref')} (i32.const ${f.idx})))`,
      );
    }
    for (let id = 1; id <= code.slotnames.length; id++) locals.push(`(local $v${id} ${wasmType(slotKinds[id - 1]!)})`);
    if (this.usesFieldLocal) locals.push('(local $fld anyref)');
    for (const id of this.flaggedSlots) locals.push(`(local $def${id} i32)`);
    if (this.g.maxDepth > 0) {
      locals.push('(local $hd i32) (local $exn externref) (local $exc externref)');
      for (let d = 1; d <= this.g.maxDepth; d++) locals.push(`(local $h${d} i32) (local $he${d} i32)`);
    }
    for (let id = 1; id <= this.n; id++) {
      const k = this.ssaKind(id);
      const s = code.code[id - 1];
      if (k && !(s instanceof GotoNode || s instanceof GotoIfNot || s instanceof ReturnNode))
        locals.push(`(local $s${id} ${wasmType(k)})`);
    }
    const result = sig.result ? ` (result ${wasmType(sig.result)})` : '';
    // No exception handler for stack traces (only the program's own try has one): the frames of a Jolt exception
    // leaving compiled code are read off the JS stack captured when it was made (jit.ts callCompiled). A handler
    // would cost more than it tells: one reading a local that holds the line slows every call about 2x, and in V8's
    // optimized code a call inside any `try` is reported at the function's start, so its debug location could not
    // be found.
    const fbody = `${this.site(entry.join(' '), m.line)} ${structured} (unreachable)`;
    const name = this.name;
    mb.funcs.push(
      `(func ${name} (export "${name.slice(1)}") ${params.join(' ')}${result} ${locals.join(' ')}\n ${fbody})`,
    );
  }
}

/** the frame name a Jolt stack trace shows for this instance: `f(x::Int64, ::String)` */
function frameName(mi: MethodInstance, code: CodeInfo): string {
  const ps = ((mi.specTypes as DataType).parameters as JType[]).slice(1);
  return `${mi.def.name.name}(${ps
    .map((p, k) => {
      const nm = code.slotnames[k + 1]?.name ?? '';
      return (nm.startsWith('#') ? '' : nm) + '::' + showTypeName(p);
    })
    .join(', ')})`;
}
let showTypeName: (t: JType) => string = () => '';
/** how frame names print types (show_type.ts, which codegen does not import itself) */
export function setTypePrinter(f: (t: JType) => string): void {
  showTypeName = f;
}
