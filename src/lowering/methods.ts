// Method definitions: function forms, their signatures (evaluated in the defining lambda) and bodies (each lowered
// to its own CodeInfo); keyword arguments become a body function `#f#kwN` plus positional and Core.kwcall entry
// methods, default arguments one method per arity. Part of the emitting walk, not a separate pass.
import { Sym, sym, QuoteNode, LineNumberNode, type Expr, type Value } from '../runtime/values.ts';
import { ReturnNode } from '../ir/nodes.ts';
import type { CodeInfo } from '../ir/CodeInfo.ts';
import { E, isE, SelfType, Deferred, Inline, mentions, kwName, argName, describe } from './forms.ts';
import { Lambda } from './lambda.ts';
import { openScope, isGlobalName, rootScope, type Scope } from './scope.ts';
import { lowerClosure, classifyCaptures, boxCapturedParameters, deferLocalFunctions } from './closure_conversion.ts';
import { val } from './linearize.ts';
import type { Lowerer } from './lower.ts';

export function lowerFunction(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  let sig = ex.args[0]!;
  const body = ex.args[1] ?? null;
  if (ex.head.name === 'function' && body === null) {
    // `function f end`
    const name = (sig as Sym).name;
    return defineGeneric(lw, name, L, s);
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
    // `(a = 2) -> 10a`: an argument with a default, as `kw` in a call's signature
    params = params.map(p => (isE(p, '=') ? E('kw', ...p.args) : p));
  } else if (isE(sig, 'call')) {
    fname = sig.args[0]!;
    params = sig.args.slice(1);
  } else return lw.err(`invalid function signature`, L);
  const bodyWithRet = rettype
    ? E('block', E('=', sym('#ret'), E('call', sym('#rettype_convert'), rettype, body!)))
    : body!;
  void bodyWithRet;
  const kwParams = params.filter(p => isE(p, 'parameters')).flatMap(p => (p as Expr).args);
  params = params.filter(p => !isE(p, 'parameters'));
  const anonymous = fname === null || (fname instanceof Sym && !L.toplevel && !isGlobalName(fname.name, s));
  if (anonymous)
    return lowerClosure(lw, fname instanceof Sym ? fname.name : null, params, kwParams, where, body!, rettype, L, s);
  // named method at toplevel (or a global function from inside a block)
  const fobj = functionObject(lw, fname!, L, s);
  defineMethods(
    lw,
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

function defineGeneric(lw: Lowerer, name: string, L: Lambda, _s: Scope): Value {
  const f = L.emit(E('method', lw.gref(name)));
  return f;
}

function functionObject(lw: Lowerer, fname: Value, L: Lambda, s: Scope): Value {
  if (fname instanceof Sym) return defineGeneric(lw, fname.name, L, s);
  if (isE(fname, '.')) return val(lw, fname, L, s); // Base.show
  if (isE(fname, '::'))
    return new SelfType(
      fname.args.length === 2 ? fname.args[1]! : fname.args[0]!,
      fname.args.length === 2 ? (fname.args[0] as Sym).name : null,
    ) as unknown as Value; // (p::Poly)(x), (::Type{T})(x)
  if (isE(fname, 'curly')) return new Deferred(fname) as unknown as Value; // Point{T}(x) where T: evaluated in the where-scope
  return lw.err('invalid function name', L);
}

/** Emits the method definitions for one function definition (default args expand to several methods). */
export function defineMethods(
  lw: Lowerer,
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
    const bodyName = lw.globalName(name, 'kw');
    const kwNames = kwParams.map(k => kwName(k));
    const inner = defineGeneric(lw, bodyName, L, s);
    const kwArgs = kwParams.map(k => (isE(k, 'kw') || isE(k, '...') ? k.args[0]! : k));
    // a closure's methods are given its type, not an instance of it
    const selfT =
      fobj instanceof Deferred || fobj instanceof SelfType
        ? lw.core('Any')
        : closure
          ? fobj
          : L.emit(E('call', lw.core('Typeof'), fobj));
    defineMethods(
      lw,
      inner,
      [
        ...kwArgs,
        E(
          '::',
          sym(fobj instanceof SelfType && fobj.name ? fobj.name : '#fself'),
          new Inline(selfT) as unknown as Value,
        ),
        ...params,
      ],
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
          ? E('call', new Inline(lw.base('_kwrest')) as unknown as Value)
          : E('call', E('.', sym('Core'), new QuoteNode(sym('throw_undefkw'))), new QuoteNode(sym(kwName(k)))),
    );
    // defaults are evaluated in order, so later ones may use earlier keywords
    const callInner = E(
      'block',
      ...kwNames.map((kn, i) => E('=', sym(kn), defaults[i]!)),
      // the entry's own object: a callable object's method names it (`f` of `(f::T)(; k)`)
      E(
        'call',
        sym(bodyName),
        ...kwNames.map(k => sym(k)),
        sym(fobj instanceof SelfType && fobj.name ? fobj.name : '#self#'),
        ...posArgs,
      ),
    );
    defineMethods(lw, fobj, params, [], where, callInner, null, L, s, name, closure);
    // kwcall(nt, f, args...)
    const ntArg = sym('#kws');
    const lets: Value[] = kwNames.map((kn, i) =>
      E(
        '=',
        sym(kn),
        i === rest
          ? E('call', new Inline(lw.base('_kwrest')) as unknown as Value, ntArg, new QuoteNode(named))
          : E(
              'if',
              E('call', E('.', sym('Core'), new QuoteNode(sym('_nt_haskey'))), ntArg, new QuoteNode(sym(kn))),
              E('call', E('.', sym('Core'), new QuoteNode(sym('getfield'))), ntArg, new QuoteNode(sym(kn))),
              defaults[i]!,
            ),
      ),
    );
    const call2 = E('call', sym(bodyName), ...kwNames.map(k => sym(k)), sym('#fobj'), ...posArgs);
    const check =
      rest >= 0
        ? []
        : [E('call', E('.', sym('Core'), new QuoteNode(sym('_nt_checkkeys'))), ntArg, new QuoteNode(named))];
    const kwBody = E('block', ...check, ...lets, call2);
    // a constructor `T{X}(; k) where X` names its type with the where-variables: its type is evaluated among them
    const fT =
      fobj instanceof Deferred
        ? E('call', E('.', sym('Core'), new QuoteNode(sym('Typeof'))), fobj.ex)
        : fobj instanceof SelfType
          ? fobj.type // a callable object, (f::T)(; k): its type
          : (new Inline(closure ? fobj : L.emit(E('call', lw.core('Typeof'), fobj))) as unknown as Value);
    const kwc = lw.core('kwcall');
    defineMethods(
      lw,
      kwc,
      [E('::', ntArg, E('.', sym('Core'), new QuoteNode(sym('NamedTuple')))), E('::', sym('#fobj'), fT), ...params],
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
    for (let k = firstOpt; k < params.length && !isE(params[k]!, '...'); k++) {
      const pre = params.slice(0, k).map(p => (isE(p, 'kw') ? p.args[0]! : p));
      // (a trailing `rest...` gets no value: it is empty in the shorter methods)
      let fill = params
        .slice(k)
        .filter(p => !isE(p, '...'))
        .map(p => (p as Expr).args[1]!);
      // a default that uses another absent argument (f(a, b=1, c=b)) is filled one method at a time, as Julia chains
      const absent = params
        .slice(k)
        .map(p => argName(p))
        .filter((n): n is Sym => n instanceof Sym);
      if (fill.some(d => absent.some(n => mentions(d, n.name)))) fill = fill.slice(0, 1);
      const callArgs = [...pre.map(argName), ...fill];
      emitMethod(lw, fobj, pre, where, E('block', E('call', sym('#self#'), ...callArgs)), null, L, s, name, closure);
    }
    params = params.map(p => (isE(p, 'kw') ? p.args[0]! : p));
  }
  emitMethod(lw, fobj, params, where, body, rettype, L, s, name, closure);
}

/** one method: evaluate the signature in the current (toplevel) lambda, lower the body to its own CodeInfo */
export function emitMethod(
  lw: Lowerer,
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
    } else return lw.err('invalid type parameter', L);
    const tv = lw.call(L, lw.core('_typevar'), new QuoteNode(nm), val(lw, lb, L, s), val(lw, ub, L, s));
    L.tvars.set(nm.name, tv);
    tvs.push(tv);
    spNames.push(nm.name);
  }
  // a constructor like Point{T}(x) names its type with the method's own where-variables
  if (fobj instanceof Deferred) fobj = val(lw, fobj.ex, L, s);
  let selfName: string | null = null;
  let ftype: Value;
  if (fobj instanceof SelfType) {
    ftype = val(lw, fobj.type, L, s);
    selfName = fobj.name;
    fobj = false;
  } else ftype = closure ? closure.type : L.emit(E('call', lw.core('Typeof'), fobj));
  const argTypes: Value[] = [ftype];
  const argNames: string[] = [];
  let isva = false;
  const unpack: Value[] = [];
  for (const p of params) {
    const { name: an, type, va } = paramInfo(lw, p, L, s);
    // a destructuring argument f((a, b)) is unpacked at the start of the body
    if (isE(p, 'tuple')) unpack.push(E('=', p, sym(an)));
    argNames.push(an);
    let t = type ?? lw.core('Any');
    if (va) {
      isva = true;
      t = lw.call(L, lw.core('apply_type'), lw.core('Vararg'), t);
    }
    argTypes.push(t);
  }
  const sigTypes = lw.call(L, lw.core('svec'), ...argTypes);
  const sigVars = lw.call(L, lw.core('svec'), ...tvs);
  const sig = lw.call(L, lw.core('svec'), sigTypes, sigVars, new LineNumberNode(L.line, sym(lw.file)));
  L.tvars = saveT;
  if (unpack.length) body = E('block', ...unpack, body);
  const ci = lowerBody(lw, name, argNames, spNames, body, rettype, isva, L, s, closure, selfName);
  L.emit(E('method', closure ? false : fobj, sig, ci));
}

function paramInfo(lw: Lowerer, p: Value, L: Lambda, s: Scope): { name: string; type: Value | null; va: boolean } {
  if (p instanceof Sym) return { name: p.name, type: null, va: false };
  if (p instanceof Inline) return { name: '#unused', type: p.v, va: false };
  if (isE(p, '...')) {
    const r = paramInfo(lw, p.args[0]!, L, s);
    return { ...r, va: true };
  }
  if (isE(p, '::')) {
    if (p.args.length === 1) return { name: L.temp('unused'), type: typeVal(lw, p.args[0]!, L, s), va: false };
    const t = p.args[1]!;
    return { name: (p.args[0] as Sym).name, type: t instanceof Inline ? t.v : typeVal(lw, t, L, s), va: false };
  }
  if (isE(p, 'tuple')) return { name: L.temp('destruct'), type: null, va: false };
  return lw.err(`invalid function argument`, L);
}

function typeVal(lw: Lowerer, t: Value, L: Lambda, s: Scope): Value {
  if (isE(t, 'curly') && t.args[0] instanceof Sym && t.args[0].name === 'Vararg') return val(lw, t, L, s);
  return val(lw, t, L, s);
}

/** Lowers a method body to a CodeInfo; nested functions inside become closures. */
function lowerBody(
  lw: Lowerer,
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
  F.ci.file = lw.file;
  F.ci.name = name;
  F.line = parent.line;
  F.sparams = spNames;
  F.slot(selfName ?? '#self#');
  for (const a of argNames) F.slot(a);
  F.ci.nargs = argNames.length + 1;
  F.ci.isva = isva;
  F.ci.sparam_names = spNames.map(n => sym(n));
  // the function's scope: parent is the defining scope only for closures (captures); methods see globals
  const outer: Scope = closure ? ps : rootScope(parent);
  body = deferLocalFunctions(body, argNames, spNames, n => !argNames.includes(n) && isGlobalName(n, outer));
  const nested = classifyCaptures(F, argNames, spNames, body);
  const fs: Scope = { locals: new Set(), globals: new Set(), parent: outer, fn: F, isLoop: false };
  fs.locals.add(selfName ?? '#self#');
  for (const a of argNames) fs.locals.add(a);
  boxCapturedParameters(lw, F, fs, argNames, spNames, nested);
  // the body's own scope: the names it assigns become its locals
  const s2 = openScope(lw, body, F, fs, [], false);
  let v = val(lw, body, F, s2);
  if (rettype) {
    const T_ = val(lw, rettype, F, s2);
    v = lw.call(F, lw.core('typeassert'), lw.call(F, lw.base('convert'), T_, v), T_);
  }
  F.emit(new ReturnNode(v));
  if (closure) closure.captured.push(...F.captured.filter(c => !closure.captured.includes(c)));
  return F.ci;
}

export function lowerMacroDef(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
  const sig = ex.args[0] as Expr;
  const name = (sig.args[0] as Sym).name;
  const f = L.emit(E('method', lw.gref('@' + name)));
  defineMethods(
    lw,
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
