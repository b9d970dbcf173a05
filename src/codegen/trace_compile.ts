// `--trace-compile=FILE|stderr`, as Julia's: every method instance given native code at run time is written as a
// `precompile(Tuple{typeof(Main.f), Int64})` statement, one per line, when its module is installed. Only the root
// instance of a module is listed (the one whose call asked for compilation); callees compiled into the same module
// come with it, as the callees Julia's JIT compiles in one batch with the instance it was asked for. An instance
// compiled again after an invalidation took its code gets Julia's `# recompile` comment.
//
// Types print in Julia's fully qualified "static show" form, which `precompile` can read back in any module:
// every name but Core's carries its module (`Base.Dict{Base.Pair{...}}`, `Main.Point`), arrays keep their
// parameters (`Array{Float64, 1}`, not `Vector{Float64}`), functions are `typeof(Base.:(+))`.
import { closeSync, openSync, writeSync } from 'node:fs';
import { T, Sym, JChar, isTuple, type Module, type Value } from '../runtime/values.ts';
import { isTopModule } from '../runtime/modules.ts';
import { DataType, UnionType, UnionAll, TypeVar, VarargType, BottomType, isType } from '../runtime/types.ts';
import { writeBytes } from '../runtime/foreign.ts';
import { utf8Decode, utf8Encode } from '../runtime/utf8.ts';
import type { MethodInstance } from '../runtime/methods.ts';
import { session } from '../interpreter/toplevel.ts';

/** where statements go: a file descriptor of our own, or Jolt's stderr stream (2), which keeps its order with stdout */
let target: { fd: number; own: boolean; timing: boolean } | undefined;
/** instances that had native code once (a second compilation of one is a recompilation) */
const compiledBefore = new WeakSet<MethodInstance>();

/** Starts tracing to `dest` (`stderr` or a file name, created or truncated); false if the file cannot be opened.
 *  `timing` (--trace-compile-timing): each statement starts with its compile time, `#=   12.3 ms =# `. */
export function traceCompileTo(dest: string, timing = false): boolean {
  if (dest === 'stderr') target = { fd: 2, own: false, timing };
  else {
    try {
      target = { fd: openSync(dest, 'w'), own: true, timing };
    } catch {
      return false;
    }
  }
  return true;
}

export function stopTraceCompile(): void {
  if (target?.own) closeSync(target.fd);
  target = undefined;
}

/** Called when a module is installed: `mi` is its root, `all` every instance that got native code with it, `ms` the
 *  time compiling it took. */
export function traceCompiled(mi: MethodInstance, all: Iterable<MethodInstance>, ms: number): void {
  const again = compiledBefore.has(mi);
  for (const x of all) compiledBefore.add(x);
  if (!target) return;
  const time = target.timing ? `#= ${ms.toFixed(1).padStart(6)} ms =# ` : '';
  const line = `${time}${precompileStatement(mi)}${again ? ' # recompile' : ''}\n`;
  if (target.own) writeSync(target.fd, line);
  else writeBytes(2, utf8Encode(line));
}

export function precompileStatement(mi: MethodInstance): string {
  return `precompile(${staticShow(mi.specTypes)})`;
}

/** a module's full name; a package (`using Test`) is a top-level module, as in Julia, though Jolt loads it in Main
 *  (or, while its file runs, in that file's `__toplevel__`) */
function moduleName(m: Module): string {
  if (isTopModule(m) || [...session.loaded.values()].includes(m)) return m.name.name;
  return `${moduleName(m.parent!)}.${m.name.name}`;
}

const IDENT = /^[\p{L}_][\p{L}\p{N}_!]*$/u;
const OPERATOR = /^[-+*/\\^<>=!~&|%÷⊻∘≤≥≠≡≢∈∉⊆⊇∪∩√:$.]+$/u;

/** `Mod.name`, `Mod.:(+)` for an operator, `Mod.var"#f#3"` for any other name */
function qualified(m: Module, name: string): string {
  const prefix = moduleName(m) + '.';
  if (IDENT.test(name)) return prefix + name;
  if (OPERATOR.test(name)) return `${prefix}:(${name})`;
  return `${prefix}var"${name}"`;
}

function typeName(t: DataType): string {
  const m = t.name.module;
  const n = t.name.name.name;
  if (m === T.Any!.name.module) return IDENT.test(n) ? n : `Core.var"${n}"`; // Core's names need no module
  return qualified(m, n);
}

/** The type of a function `f` bound in its module prints `typeof(Mod.f)`; other singletons (closures) by name. */
function functionOf(t: DataType): string | undefined {
  const n = t.name.name.name;
  if (!n.startsWith('#') || t.instance === undefined) return undefined;
  const b = t.name.module.bindings.get(Sym.of(n.slice(1)));
  const v = b?.imported ? b.imported.value : b?.value;
  return v !== undefined && v === t.instance ? `typeof(${qualified(t.name.module, n.slice(1))})` : undefined;
}

export function staticShow(t: Value): string {
  if (t instanceof BottomType) return 'Union{}';
  if (t instanceof TypeVar) return t.name.name;
  if (t instanceof UnionType) return `Union{${t.types.map(staticShow).join(', ')}}`;
  if (t instanceof VarargType)
    return t.N === undefined ? `Vararg{${staticShow(t.T)}}` : `Vararg{${staticShow(t.T)}, ${showParam(t.N as Value)}}`;
  if (t instanceof UnionAll) {
    const bound = (v: TypeVar) =>
      (v.lb instanceof BottomType ? '' : `${staticShow(v.lb)}<:`) +
      v.name.name +
      (v.ub === T.Any ? '' : `<:${staticShow(v.ub)}`);
    return `${staticShow(t.body)} where ${bound(t.v)}`;
  }
  if (t instanceof DataType) {
    const f = functionOf(t);
    if (f) return f;
    const ps = t.parameters;
    if (ps.length === 0) return t.name === T.Tuple?.name ? 'Tuple{}' : typeName(t);
    return `${typeName(t)}{${ps.map(showParam).join(', ')}}`;
  }
  return showParam(t);
}

function showParam(p: Value): string {
  if (typeof p === 'bigint') return p.toString();
  if (p instanceof Sym) return IDENT.test(p.name) ? ':' + p.name : `Symbol(${JSON.stringify(p.name)})`;
  if (p instanceof JChar) return `'${String.fromCodePoint(p.cp)}'`;
  if (typeof p === 'string') return JSON.stringify(utf8Decode(p));
  if (isTuple(p)) return `(${p.map(showParam).join(', ')}${p.length === 1 ? ',' : ''})`;
  if (typeof p === 'boolean') return String(p);
  if (typeof p === 'number') return Number.isInteger(p) ? p.toFixed(1) : String(p);
  if (isType(p) || (p as object) instanceof VarargType) return staticShow(p);
  return `<${(p as object).constructor.name}>`;
}
