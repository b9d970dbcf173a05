// Module state and global binding lookup: which world the running toplevel statement sees, where Base and Core are,
// and how a name in a module resolves to its Binding (own, then `using`s, then Base and Core). Every tier (the
// interpreter, inference, the optimizer, compiled code) reads globals through here.
import { Sym, Module, Binding, JoltThrow, JStruct, type Value } from './values.ts';
import type { DataType } from './types.ts';
import { jthrow } from './errors.ts';
import { isa } from './builtins.ts';
import { hooks } from './hooks.ts';

/** A top-level module: a root (Main, Base, Core) or a package's module, whose parent is the `__toplevel__` module
 *  its file runs in (Julia's packages are top-level modules; Jolt's are not children of Main). */
export function isTopModule(m: Module): boolean {
  return !m.parent || m.parent === m || m.parent.name.name === '__toplevel__';
}

/** `world`: the world age the current toplevel statement runs in (methods defined later by it are not seen until
 *  the next statement; `world.current` in methods.ts is the newest world). Base and Core once loaded. */
export const state = {
  world: 1,
  Base: undefined as Module | undefined,
  Core: undefined as Module | undefined,
};

export function lookupBinding(mod: Module, name: Sym): Binding | undefined {
  const b = mod.bindings.get(name);
  if (b && b.get() !== undefined) return b;
  for (const u of mod.usings) {
    const ub = u.bindings.get(name);
    if (ub && ub.get() !== undefined && (u.exports.has(name) || u === state.Base || u === state.Core)) return ub;
  }
  if (state.Base && mod !== state.Base && mod !== state.Core) {
    const bb = state.Base.bindings.get(name);
    if (bb && bb.get() !== undefined) return bb;
  }
  if (state.Core && mod !== state.Core) {
    const cb = state.Core.bindings.get(name);
    if (cb && cb.get() !== undefined) return cb;
  }
  return b;
}

/** Throws an exception whose type Base defines (SystemError, IOError), made from its fields as they are */
export function baseThrow(name: string, ...fields: Value[]): never {
  throw new JoltThrow(new JStruct(getGlobal(state.Base!, Sym.of(name)) as DataType, fields));
}

export function getGlobal(mod: Module, name: Sym): Value {
  const b = lookupBinding(mod, name);
  const v = b?.get();
  if (v === undefined) jthrow('UndefVarError', name, mod);
  return v;
}

/** assigns a global (creating its binding), converting to a `global x::T` declaration's type with Base.convert */
export function setGlobal(mod: Module, name: Sym, v: Value): void {
  let b = mod.bindings.get(name);
  if (!b) {
    b = new Binding(mod, name);
    mod.bindings.set(name, b);
  }
  if (b.imported) {
    jthrow(
      'ErrorException',
      `cannot assign a value to imported variable ${b.imported.owner.name.name}.${name.name} from module ${mod.name.name}`,
    );
  }
  if (b.constant && b.value !== undefined) {
    if (b.value === v) return;
    jthrow('ErrorException', `invalid redefinition of constant ${mod.name.name}.${name.name}`);
  }
  if (b.declaredType && !isa(v, b.declaredType))
    v = hooks.call(getGlobal(state.Base!, Sym.of('convert')), [b.declaredType, v]);
  b.value = v;
}
