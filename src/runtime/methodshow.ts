// Method reflection as Julia shows it: `methods(f)`, `which`/`@which`, and the signatures that MethodError's
// "Closest candidates" list prints. Signatures read `f(x::Int64, y) where T<:Real`, with the source's argument names.
import { T, JArray, type Value } from './values.ts';
import { DataType, TypeVar, VarargType, type JType } from './types.ts';
import { unwrap, applyTypeName, paramKey, tupleType } from './apply_type.ts';
import { dispatchTypeOf } from './typeof.ts';
import { showType } from './show_type.ts';
import { registerForeign } from './foreign.ts';
import { utf8Encode } from './utf8.ts';
import { methodTableFor, methodsOf, moreSpecific, findMethod } from './dispatch.ts';
import { type Method, world } from './methods.ts';
import { sub, issubtype } from './subtype.ts';
import { jthrow } from './errors.ts';

function showTypeVar(v: TypeVar): string {
  return v.ub === T.Any ? v.name.name : `${v.name.name}<:${showType(v.ub)}`;
}

/** the types of a method's signature, `typeof(f)` first */
const sigParams = (m: Method): JType[] => ((unwrap(m.sig) as DataType).parameters ?? []) as JType[];

/** the callee as Julia shows it: the function's name, or the type for a constructor (`(::Type{T})(...)`) */
function functionName(m: Method): string {
  const self = sigParams(m)[0];
  if (self instanceof DataType && self.name === T.Type?.name) return showType(self.parameters[0]!);
  return m.name.name.startsWith('#') ? m.name.name.slice(1) : m.name.name;
}
function whereClause(m: Method): string {
  if (m.sparams.length === 0) return '';
  return m.sparams.length === 1
    ? ` where ${showTypeVar(m.sparams[0]!)}`
    : ` where {${m.sparams.map(showTypeVar).join(', ')}}`;
}

/** `f(x::Int64, ys::Float64...) where T` for method `m` (no location). */
export function methodSignature(m: Method): string {
  const ps = sigParams(m).slice(1);
  const names = m.source ? m.source.slotnames.slice(1, m.nargs) : [];
  const args = ps.map((p, k) => {
    const name = names[k]?.name ?? '';
    const shown = name.startsWith('#') ? '' : name;
    if (p instanceof VarargType) return `${shown}${p.T === T.Any ? '' : '::' + showType(p.T)}...`;
    return `${shown}${p === T.Any && shown ? '' : '::' + showType(p)}`;
  });
  return `${functionName(m)}(${args.join(', ')})${whereClause(m)}`;
}

/** The methods of a function, most specific first; incomparable ones keep their definition order. */
export function sortedMethods(f: Value): Method[] {
  const ms = methodsOf(methodTableFor(f));
  const out: Method[] = [];
  const left = ms.slice();
  while (left.length) {
    const k = left.findIndex(a => !left.some(b => b !== a && moreSpecific(b, a)));
    out.push(left.splice(k < 0 ? 0 : k, 1)[0]!);
  }
  return out;
}

const anyVector = (xs: Value[]): Value => new JArray(applyTypeName(T.Array!.name, [T.Any!, 1n]), xs, [xs.length]);
registerForeign('jl_methods', ([f]) => anyVector(sortedMethods(f!)));
registerForeign('jl_method_signature', ([m]) => utf8Encode(methodSignature(m as Method)));
registerForeign('jl_method_location', ([m]) => {
  const me = m as Method;
  return Object.freeze([me.module as Value, utf8Encode(me.file), BigInt(me.line)]) as Value;
});
registerForeign('jl_method_table_module', ([f]) => methodTableFor(f!).module);
// which(f, Tuple{argtypes...}): the method a call with those argument types dispatches to
/** the method a call of `f` with arguments of these types dispatches to, if exactly one (no ambiguity) */
export function uniqueMethod(f: Value, argtypes: DataType[]): Method | undefined {
  const types = [dispatchTypeOf(f), ...argtypes];
  const r = findMethod(methodTableFor(f), types, world.current, types.map(paramKey).join('|'));
  return r && !('ambiguous' in r) ? r.method : undefined;
}
registerForeign(
  'jl_which',
  ([f, tt]) =>
    uniqueMethod(f!, (unwrap(tt as JType) as DataType).parameters as DataType[]) ??
    jthrow('ErrorException', 'no unique matching method found for the specified argument types'),
);

/** One "Closest candidates" entry: each argument the call's types cannot match reads `!Matched::T` (Julia's
 *  plain-terminal marking); the score counts matched positions, so better candidates sort first. */
function candidate(m: Method, args: DataType[]): { text: string; score: number } {
  const sig = sigParams(m).slice(1);
  const env = new Map();
  const matches = (sigPrefix: JType[], argPrefix: JType[]) =>
    sub(tupleType(argPrefix), tupleType(sigPrefix), env, true);
  const parts: string[] = [];
  let right = 0;
  const usedSig: JType[] = [],
    usedArgs: JType[] = [];
  for (let i = 0; i < Math.min(args.length, sig.length); i++) {
    const s = sig[i]!;
    const va = s instanceof VarargType;
    const shown = va ? `${showType(s.T)}...` : showType(s);
    const argsHere = va ? args.slice(i) : [args[i]!];
    env.clear();
    if (matches([...usedSig, s], [...usedArgs, ...argsHere])) {
      if (!va) {
        right++;
        usedSig.push(s);
        usedArgs.push(args[i]!);
      }
      parts.push(`::${shown}`);
    } else parts.push(`!Matched::${shown}`);
  }
  const last = sig[sig.length - 1];
  if (args.length > sig.length && last instanceof VarargType) {
    for (const t of args.slice(sig.length - 1)) if (issubtype(t, last.T)) right++;
  }
  sig.slice(args.length).forEach((s, k) => {
    if (k === 0 && s instanceof VarargType) parts.push(`${showType(s.T)}...`);
    else parts.push(`!Matched::${s instanceof VarargType ? showType(s.T) + '...' : showType(s)}`);
  });
  return {
    text: `  ${functionName(m)}(${parts.join(', ')})${whereClause(m)}\n   @ ${m.module.name.name} ${m.file}:${m.line}`,
    score: -(right * 2 + (args.length < 2 ? 1 : 0)),
  };
}

registerForeign('jl_method_candidates', ([f, args]) => {
  const argtypes = (args as Value[]).map(dispatchTypeOf);
  const lines = sortedMethods(f!)
    .map(m => candidate(m, argtypes))
    .map((c, k) => ({ ...c, k }))
    .sort((a, b) => a.score - b.score || a.k - b.k);
  if (!lines.length) return utf8Encode('');
  const shown = lines.slice(0, 3).map(l => '\n' + l.text);
  if (lines.length > 3) shown.push('\n  ...');
  return utf8Encode(`\n\nClosest candidates are:${shown.join('')}\n`);
});

registerForeign('jl_applicable', ([f, args]) => uniqueMethod(f!, (args as Value[]).map(dispatchTypeOf)) !== undefined);
// hasmethod(f, Tuple{T...}): some method covers those (possibly abstract) argument types
registerForeign('jl_hasmethod', ([f, tt]) => {
  const types = [dispatchTypeOf(f!), ...((unwrap(tt as JType) as DataType).parameters as JType[])];
  return methodsOf(methodTableFor(f!)).some(m => issubtype(tupleType(types), m.sig));
});
