// Type definitions: struct and abstract types with their parameters, default and inner constructors (`new` with
// conversion to the field types), and `T where ...` types. Part of the emitting walk, not a separate pass.
import { Expr, Sym, sym, QuoteNode, LineNumberNode, type Value } from '../runtime/values.ts';
import { E, isE, Deferred, mentions, nothingV, isFuncSig } from './forms.ts';
import type { Lambda } from './lambda.ts';
import type { Scope } from './scope.ts';
import { val } from './linearize.ts';
import { defineMethods, emitMethod } from './methods.ts';
import type { Lowerer } from './lower.ts';

export function lowerStruct(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
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
    else lw.err(`unsupported struct body expression`, L);
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
    } else return lw.err('invalid type parameter', L);
    const tv = lw.call(
      L,
      lw.core('_typevar'),
      new QuoteNode(nm),
      E('call', lw.core('apply_type'), lw.core('Union')),
      val(lw, ub, L, s),
    );
    L.tvars.set(nm.name, tv);
    tvs.push(tv);
    pnames.push(nm.name);
  }
  const fsv = lw.call(L, lw.core('svec'), ...fields.map(f => new QuoteNode(sym(f.name))));
  const tt = lw.call(
    L,
    lw.core('_structtype'),
    lw.mod,
    new QuoteNode(sym(name)),
    lw.call(L, lw.core('svec'), ...tvs),
    fsv,
    mutable,
    BigInt(fields.length),
  );
  lw.call(L, lw.core('_setsuper!'), tt, val(lw, superEx, L, s));
  L.emit(E('const', lw.gref(name)));
  L.emit(E('=', lw.gref(name), tt));
  const ftypes = fields.map(f => val(lw, f.type, L, s));
  lw.call(L, lw.core('_typebody!'), tt, lw.call(L, lw.core('svec'), ...ftypes));
  L.tvars = saveT;
  // constructors
  const fieldSyms = fields.map(f => sym(f.name));
  if (inner.length) {
    for (const c of inner) lowerInnerConstructor(lw, c, name, pnames, L, s);
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
    const fobj = lw.gref(name);
    emitMethod(
      lw,
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
      emitMethod(
        lw,
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
    lowerInnerConstructor(
      lw,
      E('function', E('where', E('call', curlyT, ...fieldSyms), ...params), E('block', E('new', curlyT, ...conv))),
      name,
      pnames,
      L,
      s,
      true,
    );
    const usesAll = pnames.every(p => fields.some(f => mentions(f.type, p)));
    if (usesAll)
      emitMethod(
        lw,
        lw.gref(name),
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

function lowerInnerConstructor(
  lw: Lowerer,
  c: Expr,
  tname: string,
  pnames: string[],
  L: Lambda,
  s: Scope,
  generated = false,
): void {
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
  const fo: Value = isE(fname, 'curly') ? (new Deferred(fname) as unknown as Value) : val(lw, fname, L, s);
  defineMethods(
    lw,
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

export function lowerAbstract(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
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
    const tv = lw.call(
      L,
      lw.core('_typevar'),
      new QuoteNode(nm),
      E('call', lw.core('apply_type'), lw.core('Union')),
      val(lw, ub, L, s),
    );
    L.tvars.set(nm.name, tv);
    return tv;
  });
  const tt = lw.call(
    L,
    lw.core('_abstracttype'),
    lw.mod,
    new QuoteNode(sym(name)),
    lw.call(L, lw.core('svec'), ...tvs),
  );
  lw.call(L, lw.core('_setsuper!'), tt, val(lw, superEx, L, s));
  L.emit(E('const', lw.gref(name)));
  L.emit(E('=', lw.gref(name), tt));
  lw.call(L, lw.core('_typebody!'), tt, lw.call(L, lw.core('svec')));
  L.tvars = saveT;
  return nothingV();
}

export function lowerWhereType(lw: Lowerer, ex: Expr, L: Lambda, s: Scope): Value {
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
    const tv = lw.call(
      L,
      lw.core('_typevar'),
      new QuoteNode(nm),
      E('call', lw.core('apply_type'), lw.core('Union')),
      val(lw, ub, L, s),
    );
    L.tvars.set(nm.name, tv);
    tvs.push(tv);
  }
  let body = val(lw, ex.args[0]!, L, s);
  for (let k = tvs.length - 1; k >= 0; k--) body = lw.call(L, lw.core('_UnionAll'), tvs[k]!, body);
  L.tvars = saveT;
  return body;
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
