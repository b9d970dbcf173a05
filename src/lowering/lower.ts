// Lowering: macro-expanded surface Expr -> CodeInfo in SSA form (the statement forms of docs/ARCHITECTURE.md).
//
// The Lowerer lowers one toplevel expression in a single walk; its parts are in files by concept (each header says
// whether it runs as a separate pass or as part of the walk):
//   scope.ts               scope analysis: which names are local, global or static parameters in each scope
//   closure_conversion.ts  how nested functions reach the locals they mention; closure types and values
//   desugar.ts             surface forms rewritten to simpler ones (keyword calls, destructuring, broadcasting, ...)
//   methods.ts, types.ts   method definitions (keyword and default arguments) and type definitions
//   linearize.ts           the statement emitter: `val`, control flow, try/finally
//   lambda.ts, forms.ts    the state of one lambda being emitted; helpers over Expr forms
//
// Scope: each function, for/while body, let, try block and comprehension is a local scope. A name assigned in a
// scope is local to the outermost enclosing local scope (of this or an enclosing function) that already has it,
// else new in that scope; at toplevel, loop bodies follow the soft-scope rule (file: local; REPL: global if the
// global exists). Closures: a local that a nested function mentions lives in a Core.Box, created where the
// variable's scope is entered (so loop bodies get a fresh box per iteration), unless the closure can hold its value:
// arguments and static parameters nothing assigns, and locals assigned once before any closure mentions them. The
// closure is a struct with one field per capture (a Box, or the value in a field typed by a parameter of the
// closure type).
//
// Generated names depend only on the source and its place in its module: global ones (closure types `#f#3`,
// keyword bodies `#f#kw4`) are numbered by the module's counter, temporaries (`#iter1`) by their lambda's.
import { workCounters } from '../runtime/counters.ts';
import { sym, GlobalRef, Module, type Value } from '../runtime/values.ts';
import { SSAValue, ReturnNode } from '../ir/nodes.ts';
import type { CodeInfo } from '../ir/CodeInfo.ts';
import { E, nothingV } from './forms.ts';
import { Lambda } from './lambda.ts';
import { namesInNestedLambdas, type Scope } from './scope.ts';
import { val } from './linearize.ts';

export class LoweringError extends Error {
  readonly line: number;
  constructor(msg: string, line: number) {
    super(msg);
    this.line = line;
  }
}

export interface LowerOpts {
  softscope: boolean;
}

/** Lowers toplevel expressions of one module and file; the passes take it as `lw` for what they share. */
export class Lowerer {
  mod: Module;
  file: string;
  opts: LowerOpts;
  /** statements hoisted to the toplevel thunk (closure type definitions and their methods) */
  hoisted: Value[] = [];
  constructor(mod: Module, file: string, opts: LowerOpts) {
    workCounters.lowerings++;
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

  /** The entry point: one macro-expanded toplevel expression -> the CodeInfo of its toplevel thunk. */
  lowerToplevel(ex: Value, line = 0): CodeInfo {
    const L = new Lambda(null, true);
    L.ci.file = this.file;
    L.line = line;
    // locals of toplevel loops and lets that closures capture live in boxes too
    for (const n of namesInNestedLambdas(ex)) L.boxed.add(n);
    const scope: Scope = { locals: new Set(), globals: new Set(), parent: null, fn: L, isLoop: false };
    const v = val(this, ex, L, scope);
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
