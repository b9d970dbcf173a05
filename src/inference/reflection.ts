// Reflection on inference results: `@code_typed`, `@code_warntype`, `Base.return_types` (the foreign functions
// behind the macros in base/meta.jl).
import { T, Sym, JStruct, type Value } from '../runtime/values.ts';
import { DataType, UnionType, isType, type JType } from '../runtime/types.ts';
import { registerForeign } from '../runtime/foreign.ts';
import { utf8Encode } from '../runtime/utf8.ts';
import { showType } from '../runtime/show_type.ts';
import { dispatchTypeOf } from '../runtime/typeof.ts';
import { printCodeInfo, slotName } from '../ir/print.ts';
import { inferMethodInstance, methodInstanceFor } from './typeinfer.ts';
import { isConcrete } from './lattice.ts';
import type { MethodInstance } from '../runtime/methods.ts';

function instanceFor(f: Value, args: Value[], argsAreTypes: boolean): MethodInstance | undefined {
  const types = argsAreTypes ? (args as JType[]) : args.map(dispatchTypeOf);
  return methodInstanceFor(f, types);
}

/** `@code_typed`: the optimized (or, with optimize=false, the unoptimized) typed code and its return type */
export function codeTyped(mi: MethodInstance, optimized: boolean): string {
  const ci = inferMethodInstance(mi);
  const code = optimized ? ci.inferred! : (ci.unoptimized ?? ci.inferred!);
  return `${printCodeInfo(code)} => ${showType(ci.rettype)}`;
}

/** a type needs a second look when it is not concrete (Type{X} and singletons are fine) */
function isWarnType(t: JType): boolean {
  if (isConcrete(t)) return false;
  if (t instanceof DataType && t.name === T.Type!.name) return false;
  return true;
}
/** Julia marks Union{Nothing, T} in yellow (expected), other non-concrete types in red */
function isExpectedUnion(t: JType): boolean {
  return (
    t instanceof UnionType &&
    t.types.length === 2 &&
    t.types.some(m => m === T.Nothing || m === T.Missing) &&
    t.types.every(m => isConcrete(m))
  );
}

export function warnTypeText(color: boolean): (t: JType) => string {
  return (t: JType) => {
    const s = showType(t);
    if (!isWarnType(t)) return s;
    if (color) return `${isExpectedUnion(t) ? '\x1b[33m' : '\x1b[31m\x1b[1m'}${s}\x1b[0m`;
    // a plain terminal marks what would be red; an expected Union{Nothing, T} (yellow) is left as it is
    return isExpectedUnion(t) ? s : `${s} ⚠`;
  };
}

function methodHeader(mi: MethodInstance): string {
  const m = mi.def;
  const ps = (mi.specTypes as DataType).parameters.slice(1) as JType[];
  const name = m.name.name;
  const sigText = `${name}(${ps.map(p => '::' + showType(p)).join(', ')})`;
  const decl = m.source ? m.source.slotnames.slice(1, m.nargs).map(s => s.name) : [];
  return `MethodInstance for ${sigText}\n  from ${name}(${decl.join(', ')}) @ ${m.module.name.name} ${m.file}:${m.line}`;
}

/** `@code_warntype`: Julia's layout, non-concrete types flagged */
export function codeWarntype(mi: MethodInstance, color: boolean): string {
  const ci = inferMethodInstance(mi);
  const code = ci.unoptimized ?? ci.inferred!;
  const tt = warnTypeText(color);
  const lines = [methodHeader(mi), 'Arguments'];
  const slottypes = code.slottypes ?? [];
  const self = (mi.specTypes as DataType).parameters[0];
  for (let k = 0; k < code.nargs; k++) {
    const name = code.slotnames[k]!.name;
    const t = slottypes[k] ?? T.Any!;
    if (k === 0 && self instanceof DataType && self.instance instanceof JStruct)
      lines.push(`  ${name}::Core.Const(${self.instance.type.name.name.name.replace(/^#/, '')})`);
    else lines.push(`  ${name}::${tt(t)}`);
  }
  if (code.slotnames.length > code.nargs) {
    lines.push('Locals');
    for (let k = code.nargs; k < code.slotnames.length; k++)
      lines.push(`  ${slotName(code, k + 1)}::${tt(slottypes[k] ?? T.Any!)}`);
  }
  lines.push(`Body::${tt(ci.rettype)}`);
  const body = printCodeInfo(code, { typeText: tt }).split('\n');
  lines.push(...body.slice(1, -1)); // without `CodeInfo(` and `)`
  return lines.join('\n');
}

// the descriptor, not process.stdout: in bin/jolt.js's worker thread that stream is never a terminal
const useColor = (): boolean => process.getBuiltinModule('node:tty').isatty(1) && !process.env.NO_COLOR;

registerForeign('jl_code_typed', ([f, args, opt, argsAreTypes]) => {
  const mi = instanceFor(f!, args as Value[], argsAreTypes === true);
  if (!mi) return utf8Encode('no unique matching method');
  return utf8Encode(codeTyped(mi, opt !== false));
});
registerForeign('jl_code_warntype', ([f, args]) => {
  const mi = instanceFor(f!, args as Value[], false);
  if (!mi) return utf8Encode('no unique matching method');
  return utf8Encode(codeWarntype(mi, useColor()));
});
registerForeign('jl_return_type', ([f, types]) => {
  // the argument types as a tuple of types (what _empty_collect passes) or a Tuple type (Base.return_types's own)
  const ts = (types instanceof DataType && types.name === T.Tuple!.name ? types.parameters : types) as Value[];
  if (!Array.isArray(ts)) return T.Any!;
  if (!ts.every(isType)) return T.Any!;
  const mi = instanceFor(f!, ts, true);
  if (!mi) return T.Any!; // no method: Julia gives an empty list; the caller checks
  return inferMethodInstance(mi).rettype;
});
void Sym;
