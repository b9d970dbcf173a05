// Toplevel evaluation: modules, using/import/export, macro expansion, then lowering and running each statement
// in the newest world (as Julia's toplevel does).
import { readFileSync, statSync } from 'node:fs';
import { systemError } from '../runtime/files.ts';
import { dirname, resolve } from 'node:path';
import {
  Expr,
  Sym,
  sym,
  Module,
  Binding,
  GlobalRef,
  LineNumberNode,
  QuoteNode,
  T,
  type Value,
} from '../runtime/values.ts';
import { parseAll } from '../syntax/parser.ts';
import { Lowerer, LoweringError } from '../lowering/lower.ts';
import { world } from '../runtime/methods.ts';
import { run, callFunction } from './interpret.ts';
import { state, lookupBinding } from '../runtime/modules.ts';
import { frames, completeBacktrace } from '../runtime/errors.ts';
import { jthrow, hostException } from '../runtime/errors.ts';
import { bindConst } from '../runtime/bootstrap.ts';
import { Splice } from '../runtime/builtins.ts';
import type { CodeInfo } from '../ir/CodeInfo.ts';

export const session = {
  currentModule: undefined as Module | undefined,
  softscope: false,
  /** the packages loaded, by name (the standard libraries among them), as Base.loaded_modules */
  loaded: new Map<string, Module>(),
  /** loads a package for `using Name` / `import Name` into a module (src/pkg/loading.ts, installed by the engine) */
  require: (name: string, _into: Module): Module =>
    jthrow('ArgumentError', `Package ${name} not found in current path.`) as Module,
  currentFile: 'none',
  currentLine: 0,
  /** while a package is precompiled: what its file's toplevel did, for a later process to replay (see
   *  ToplevelItem); undefined otherwise */
  recording: undefined as ToplevelItem[] | undefined,
  /** how deep inside a recorded statement evaluation is (what a statement evaluates itself is not recorded:
   *  replaying the statement does it again) */
  recordDepth: 0,
};

/** A step of a package file's toplevel, as lowered: replaying the steps (replayToplevel) does what evaluating
 *  the file did, without parsing, macro expansion or lowering. An `include` of another file is replaced by that
 *  file's steps. */
export type ToplevelItem =
  | { k: 'module'; parent: Module; name: Sym; std: boolean }
  | { k: 'end' }
  | { k: 'using'; mod: Module; ex: Expr }
  | { k: 'export'; mod: Module; names: Sym[] }
  | { k: 'thunk'; mod: Module; ci: CodeInfo; file: string; line: number };

const recordable = (): ToplevelItem[] | undefined => (session.recordDepth === 0 ? session.recording : undefined);

export function newModule(name: Sym, parent: Module | null, withBase = true): Module {
  const m = new Module(name, parent);
  bindConst(m, name.name, m);
  if (state.Core) m.usings.push(state.Core);
  if (withBase && state.Base) m.usings.push(state.Base);
  return m;
}

export function evalToplevel(ex: Value, mod: Module, file: string): Value {
  if (ex instanceof LineNumberNode) {
    session.currentLine = ex.line;
    if (process.env.JOLT_TRACE) process.stderr.write(`${file}:${ex.line}\n`);
    return T.Nothing!.instance!;
  }
  if (ex instanceof Expr) {
    const h = ex.head.name;
    if (h === 'toplevel') {
      let last: Value = T.Nothing!.instance!;
      for (const a of ex.args) last = evalToplevel(a, mod, file);
      return last;
    }
    if (h === 'module') return evalModule(ex, mod, file);
    if (h === 'using' || h === 'import') {
      recordable()?.push({ k: 'using', mod, ex });
      return evalUsing(ex, mod);
    }
    if (h === 'export') {
      recordable()?.push({ k: 'export', mod, names: ex.args as Sym[] });
      for (const a of ex.args) mod.exports.add(a as Sym);
      return T.Nothing!.instance!;
    }
    if (h === 'macrocall' || h === 'block') {
      const expanded = expand(ex, mod);
      if (
        expanded instanceof Expr &&
        (expanded.head.name === 'toplevel' ||
          expanded.head.name === 'module' ||
          expanded.head.name === 'using' ||
          expanded.head.name === 'import')
      )
        return evalToplevel(expanded, mod, file);
      if (
        expanded instanceof Expr &&
        expanded.head.name === 'block' &&
        expanded.args.some(
          a => a instanceof Expr && ['module', 'using', 'import', 'export', 'toplevel'].includes(a.head.name),
        )
      ) {
        let last: Value = T.Nothing!.instance!;
        for (const a of expanded.args) last = evalToplevel(a, mod, file);
        return last;
      }
      return lowerAndRun(expanded, mod, file);
    }
  }
  return lowerAndRun(expand(ex, mod), mod, file);
}

/** macroexpand, whose recursion (as lowering's, see lowerAndRun) may overflow on deeply nested input */
function expand(ex: Value, mod: Module): Value {
  try {
    return macroexpand(ex, mod);
  } catch (e) {
    throw hostException(e);
  }
}

function lowerAndRun(ex: Value, mod: Module, file: string): Value {
  let ci;
  try {
    ci = new Lowerer(mod, file, { softscope: session.softscope }).lowerToplevel(ex, session.currentLine);
  } catch (e) {
    if (e instanceof LoweringError)
      jthrow('ErrorException', e.message.startsWith('syntax:') ? e.message : `syntax: ${e.message}`);
    // an Expr built by hand without the parts its head needs (`eval(Expr(:function))`): no parser makes one, and
    // lowering reads the missing part as undefined
    if (e instanceof TypeError) jthrow('ErrorException', 'syntax: malformed expression');
    // lowering recurses on nested expressions: one nested too deeply for the stack (a 10,000-term `1-1-...`) is a
    // StackOverflowError, not Jolt's fault
    throw hostException(e);
  }
  const rec = recordable();
  // `include(file)`: not a step of its own; the included file's statements are recorded as they run
  const isInclude = ex instanceof Expr && ex.head.name === 'call' && ex.args.length === 2 && ex.args[0] === INCLUDE;
  if (rec && !isInclude) rec.push({ k: 'thunk', mod, ci, file, line: session.currentLine });
  const nested = rec !== undefined && !isInclude;
  if (nested) session.recordDepth++;
  try {
    return runThunk(ci, mod, file, session.currentLine);
  } finally {
    if (nested) session.recordDepth--;
  }
}
const INCLUDE = sym('include');

/** runs a lowered toplevel statement in the newest world, with `mod` the current module (what a plain
 *  `include(path)` includes into, as each module's own `include` does in Julia) */
function runThunk(ci: CodeInfo, mod: Module, file: string, line: number): Value {
  const saveWorld = state.world;
  const saveModule = session.currentModule;
  state.world = world.current;
  session.currentModule = mod;
  const frame = { func: 'top-level scope', file, line };
  const depth = frames.length;
  frames.push(frame);
  try {
    return run(ci, [], [], frame, mod);
  } catch (e) {
    completeBacktrace(e);
    throw e;
  } finally {
    frames.length = depth;
    state.world = saveWorld;
    session.currentModule = saveModule;
  }
}

/** Does again what a recorded toplevel did: `next` gives each step in turn (decoded when asked for, since a
 *  step may name a module an earlier step made); `made` is told of each module made. */
export function replayToplevel(next: () => ToplevelItem | undefined, made: (m: Module) => void): void {
  for (let it = next(); it; it = next()) {
    switch (it.k) {
      case 'module': {
        const m = newModule(it.name, it.parent, it.std);
        setConst(it.parent, it.name, m);
        made(m);
        break;
      }
      case 'end':
        break;
      case 'using':
        evalUsing(it.ex, it.mod);
        break;
      case 'export':
        for (const n of it.names) it.mod.exports.add(n);
        break;
      case 'thunk':
        session.currentLine = it.line;
        runThunk(it.ci, it.mod, it.file, it.line);
        break;
    }
  }
}

function evalModule(ex: Expr, parent: Module, file: string): Value {
  const name = ex.args[1] as Sym;
  const std = ex.args[0] !== false;
  const m = newModule(name, parent, std);
  setConst(parent, name, m);
  recordable()?.push({ k: 'module', parent, name, std });
  const body = ex.args[2] as Expr;
  for (const a of body.args) evalToplevel(a, m, file);
  recordable()?.push({ k: 'end' });
  return m;
}

function setConst(mod: Module, name: Sym, v: Value): void {
  const b = new Binding(mod, name);
  b.value = v;
  b.constant = true;
  mod.bindings.set(name, b);
}

function resolveModulePath(path: Sym[], mod: Module): Module {
  let m: Module | undefined;
  let i = 0;
  if (path[0]!.name === '.') {
    m = mod;
    i = 1;
    while (path[i]?.name === '.') {
      m = m.parent ?? m;
      i++;
    }
  } else {
    const first = path[0]!.name;
    if (first === 'Base') m = state.Base;
    else if (first === 'Core') m = state.Core;
    else {
      const b = lookupBinding(mod, path[0]!)?.get();
      if (b instanceof Module) m = b;
      else m = session.require(first, mod);
    }
    i = 1;
  }
  for (; i < path.length; i++) {
    const v = m!.bindings.get(path[i]!)?.get();
    if (!(v instanceof Module)) jthrow('ArgumentError', `Package ${path[i]!.name} not found in current path.`);
    m = v;
  }
  return m!;
}

function evalUsing(ex: Expr, mod: Module): Value {
  const isUsing = ex.head.name === 'using';
  for (const a of ex.args) {
    if (a instanceof Expr && a.head.name === ':') {
      const m = resolveModulePath((a.args[0] as Expr).args as Sym[], mod);
      for (const n of a.args.slice(1)) {
        const nm = (n as Expr).args[0] as Sym;
        const src = m.bindings.get(nm);
        if (!src) jthrow('UndefVarError', nm, m);
        const b = new Binding(mod, nm);
        b.imported = src;
        mod.bindings.set(nm, b);
      }
      continue;
    }
    const path = (a as Expr).args as Sym[];
    const last = path[path.length - 1]!;
    if (!isUsing && path.length > 1 && path[0]!.name !== '.') {
      // import Base.hash: a binding of the parent module that is not a module is imported itself (resolving
      // `Base.hash` as a module path would look for a package named hash)
      const parent = resolveModulePath(path.slice(0, -1), mod);
      const src = parent.bindings.get(last);
      if (src && !(src.get() instanceof Module)) {
        const b = new Binding(mod, last);
        b.imported = src;
        mod.bindings.set(last, b);
        continue;
      }
    }
    const m = resolveModulePath(path, mod);
    if (isUsing) {
      if (!mod.usings.includes(m)) mod.usings.push(m);
      if (!mod.bindings.has(last)) setConst(mod, last, m);
    } else {
      if (path.length > 1 && !(m instanceof Module)) continue;
      if (path.length > 1) {
        // import Base.show: binding to the function
        const parent = resolveModulePath(path.slice(0, -1), mod);
        const src = parent.bindings.get(last);
        if (src && !(src.get() instanceof Module)) {
          const b = new Binding(mod, last);
          b.imported = src;
          mod.bindings.set(last, b);
          continue;
        }
      }
      if (!mod.bindings.has(last)) setConst(mod, last, m);
    }
  }
  return T.Nothing!.instance!;
}

// ------------------------------------------------------------------ macros
export function macroexpand(ex: Value, mod: Module): Value {
  if (!(ex instanceof Expr)) return ex;
  const h = ex.head.name;
  if (h === 'quote') return ex;
  if (h === 'macrocall') {
    const name = ex.args[0]!;
    let mac: Value | undefined;
    let macMod = mod;
    let macBinding: Binding | undefined;
    if (name instanceof Sym) macBinding = lookupBinding(mod, name);
    else if (name instanceof Expr && name.head.name === '.') {
      const m = resolveModulePath(flattenDots(name.args[0]!), mod);
      macMod = m;
      macBinding = lookupBinding(m, (name.args[1] as QuoteNode).value as Sym);
    }
    mac = macBinding?.get();
    // the module the macro was defined in (a binding brought in by `using M: @m` is M's)
    if (mac !== undefined) macMod = ownerBinding(macBinding!).owner;
    if (mac === undefined)
      jthrow(
        'UndefVarError',
        name instanceof Sym ? name : (((name as Expr).args[1] as QuoteNode).value as Sym),
        macMod,
      );
    const lnn = ex.args[1] ?? new LineNumberNode(0, null);
    const saveWorld = state.world;
    state.world = world.current;
    let out: Value;
    try {
      out = callFunction(mac, [
        lnn instanceof LineNumberNode ? lnn : new LineNumberNode(0, null),
        mod,
        ...ex.args.slice(2),
      ]);
    } finally {
      state.world = saveWorld;
    }
    return macroexpand(macMod === mod ? unescape(out) : resolveInMacroModule(out, macMod, mod), mod);
  }
  if (h === 'function' || h === '=' || h === '->') {
    return new Expr(
      ex.head,
      ex.args.map(a => macroexpand(a, mod)),
    );
  }
  return new Expr(
    ex.head,
    ex.args.map(a => macroexpand(a, mod)),
  );
}

function flattenDots(v: Value): Sym[] {
  if (v instanceof Sym) return [v];
  if (v instanceof Expr && v.head.name === '.')
    return [...flattenDots(v.args[0]!), (v.args[1] as QuoteNode).value as Sym];
  return [];
}

/** Hygiene is simplified: escaped parts and the rest both resolve in the caller's module. */
function unescape(v: Value): Value {
  if (v instanceof Splice) return v as unknown as Value;
  if (!(v instanceof Expr)) return v;
  if (v.head.name === 'escape') return unescape(v.args[0]!);
  if (v.head.name === 'quote') return v;
  return new Expr(v.head, v.args.map(unescape));
}

/** the binding an imported binding reads from, followed to its end */
function ownerBinding(b: Binding): Binding {
  while (b.imported) b = b.imported;
  return b;
}

// heads whose symbols are not names to resolve (or whose parts a later stage reads as written)
const HYGIENE_SKIP = new Set([
  'quote',
  'inert',
  'meta',
  'inbounds',
  'loopinfo',
  'boundscheck',
  'line',
  'symbolicgoto',
  'symboliclabel',
  'macrocall',
  'struct',
  'abstract',
  'primitive',
  'module',
  'import',
  'using',
  'export',
  'public',
]);

/** Symbols the unescaped part of a macro's output binds: assigned, declared local or global, taken as
 *  arguments, static parameters or caught exceptions. These stay names of the expansion. */
function collectBound(v: Value, out: Set<Sym>): void {
  if (!(v instanceof Expr)) return;
  const h = v.head.name;
  if (h === 'escape' || HYGIENE_SKIP.has(h)) return;
  const target = (t: Value): void => {
    if (t instanceof Sym) out.add(t);
    else if (t instanceof Expr) {
      if (t.head.name === 'escape') return;
      if (t.head.name === 'call' || t.head.name === 'where' || t.head.name === '::' || t.head.name === 'tuple')
        for (const a of t.args) target(a);
      else if (t.head.name === 'kw' || t.head.name === '=' || t.head.name === '...') target(t.args[0]!);
      else if (t.head.name === 'parameters') for (const a of t.args) target(a);
      else if (t.head.name === 'curly') target(t.args[0]!);
    }
  };
  if (h === '=' || h === 'local' || h === 'global' || h === 'const' || h === 'kw' || /^[^=]+=$/.test(h)) {
    if (h === 'local' || h === 'global' || h === 'const') for (const a of v.args) target(a);
    else target(v.args[0]!);
  } else if (h === 'function' || h === '->') target(v.args[0]!);
  else if (h === 'try' && v.args[1] instanceof Sym) out.add(v.args[1]);
  else if (h === 'where') for (const a of v.args.slice(1)) target(a);
  for (const a of v.args) collectBound(a, out);
}

/** Julia's hygiene for the names of a macro's output that the macro did not escape: a global name resolves
 *  in the macro's module. A name is rewritten to a GlobalRef only where the caller would see another binding
 *  under it (or none), so that names both modules share (Base's) stay as they are. Names the expansion binds
 *  stay too (no gensym renaming yet). */
function resolveInMacroModule(v: Value, macMod: Module, mod: Module): Value {
  const bound = new Set<Sym>();
  collectBound(v, bound);
  const memo = new Map<Sym, Value>();
  const resolveSym = (s: Sym): Value => {
    let r = memo.get(s);
    if (r !== undefined) return r;
    r = s;
    if (!bound.has(s)) {
      const mb = lookupBinding(macMod, s);
      if (mb && mb.get() !== undefined) {
        const cb = lookupBinding(mod, s);
        if (!cb || cb.get() === undefined || ownerBinding(cb) !== ownerBinding(mb))
          r = new GlobalRef(ownerBinding(mb).owner, s);
      }
    }
    memo.set(s, r);
    return r;
  };
  const walk = (x: Value): Value => {
    if (x instanceof Splice) return x as unknown as Value;
    if (x instanceof Sym) return resolveSym(x);
    if (!(x instanceof Expr)) return x;
    const h = x.head.name;
    if (h === 'escape') return unescape(x.args[0]!);
    if (HYGIENE_SKIP.has(h)) return h === 'quote' ? x : unescape(x);
    if (h === '.' && x.args.length === 2 && x.args[1] instanceof QuoteNode)
      return new Expr(x.head, [walk(x.args[0]!), x.args[1]]);
    if (h === 'kw') return new Expr(x.head, [unescape(x.args[0]!), walk(x.args[1]!)]);
    return new Expr(x.head, x.args.map(walk));
  };
  return walk(v);
}

// ------------------------------------------------------------------ files
export function includeString(mod: Module, text: string, file: string): Value {
  const ast = parseAll(text, file);
  let last: Value = T.Nothing!.instance!;
  const saveFile = session.currentFile,
    saveMod = session.currentModule;
  session.currentFile = file;
  session.currentModule = mod;
  try {
    for (const a of ast.args) last = evalToplevel(a, mod, file);
  } finally {
    session.currentFile = saveFile;
    session.currentModule = saveMod;
  }
  return last;
}

export function includeFile(mod: Module, path: string, absolute = false): Value {
  const full = absolute
    ? path
    : resolve(
        session.currentFile !== 'none' && !session.currentFile.startsWith('REPL') && session.currentFile !== 'none'
          ? dirname(session.currentFile)
          : process.cwd(),
        path,
      );
  let text: string;
  try {
    if (statSync(full).isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    text = readFileSync(full, 'utf8');
  } catch (e) {
    // Base's SystemError once Base is there (while Base loads, a missing file is Jolt's own fault)
    if (!state.Base) throw e;
    systemError(`opening file ${JSON.stringify(full)}`, e);
  }
  return includeString(mod, text, full);
}
