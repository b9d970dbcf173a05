// What Julia code reaches: stdlib/Pkg's functions call `jl_pkg_command` (the operation's name and its package
// specifications as strings), Base's `active_project()` and `LOAD_PATH` handling call the others. A Pkg error
// comes back as its message, which stdlib/Pkg throws as a `PkgError`; a malformed TOML file likewise.
import { registerForeign } from '../runtime/foreign.ts';
import { Module, sym, T, type Value } from '../runtime/values.ts';
import { getGlobal, state } from '../runtime/modules.ts';
import { world } from '../runtime/methods.ts';
import { callFunction } from '../interpreter/interpret.ts';
import { utf8Decode, utf8Encode } from '../runtime/utf8.ts';
import { activeProjectFile, expandEntry, initActiveProject, initialLoadPath, pkgState } from './environment.ts';
import * as ops from './operations.ts';
import { precompileActiveProject } from './loading.ts';
import { PkgError, TomlParseError } from './toml.ts';

/** runs one Pkg operation; returns the error message of a failed one */
export function runPkgOperation(op: string, specs: ops.PackageSpec[], arg?: string): string | undefined {
  try {
    switch (op) {
      case 'activate':
        ops.activate(arg);
        break;
      case 'generate':
        ops.generate(arg ?? '');
        break;
      case 'add':
        ops.add(specs);
        break;
      case 'develop':
        ops.develop(specs);
        break;
      case 'rm':
        ops.rm(specs);
        break;
      case 'status':
        ops.status();
        break;
      case 'instantiate':
        ops.instantiate();
        break;
      case 'resolve':
        ops.resolveEnvironment();
        break;
      case 'test':
        ops.test(specs);
        break;
      case 'precompile':
        precompileActiveProject();
        break;
      default:
        return `unknown Pkg operation ${op}`;
    }
    return undefined;
  } catch (e) {
    if (e instanceof PkgError || e instanceof TomlParseError) return e.message;
    const code = (e as NodeJS.ErrnoException).code;
    if (code && typeof code === 'string' && (e as Error).message) return `${(e as Error).message}`;
    throw e;
  }
}

const nothing = (): Value => T.Nothing!.instance!;
const str = (v: Value | undefined): string | undefined =>
  typeof v === 'string' && v !== '' ? utf8Decode(v) : undefined;

// jl_pkg_command(op, arg, specs): specs is a flat Vector{Any} of (name, path, version) strings, "" for none
registerForeign('jl_pkg_command', ([op, arg, specs]) => {
  const flat = specs as unknown as { length: number; at(i: number): Value };
  const list: ops.PackageSpec[] = [];
  for (let k = 0; k + 2 < flat.length; k += 3)
    list.push({ name: str(flat.at(k)), path: str(flat.at(k + 1)), version: str(flat.at(k + 2)) });
  const r = runPkgOperation(utf8Decode(op as string), list, str(arg));
  return r === undefined ? nothing() : utf8Encode(r);
});
registerForeign('jl_active_project', () => utf8Encode(activeProjectFile()));
registerForeign('jl_active_project_set', ([p]) => {
  pkgState.activeProject = p === T.Nothing!.instance ? undefined : utf8Decode(p as string);
  return nothing();
});
registerForeign('jl_load_path_expand', ([e]) => {
  const r = expandEntry(utf8Decode(e as string));
  return r === undefined ? nothing() : utf8Encode(r);
});

/** the process's environments: the active project from `--project` (or JOLT_PROJECT), LOAD_PATH from
 *  JOLT_LOAD_PATH (Base.LOAD_PATH keeps its default otherwise) */
export function initEnvironments(Base: Module, projectFlag: string | undefined): void {
  initActiveProject(projectFlag);
  if (process.env.JOLT_LOAD_PATH === undefined) return;
  const lp = getGlobal(Base, sym('LOAD_PATH'));
  state.world = world.current;
  callFunction(getGlobal(Base, sym('empty!')), [lp]);
  for (const e of initialLoadPath()) callFunction(getGlobal(Base, sym('push!')), [lp, utf8Encode(e)]);
}
