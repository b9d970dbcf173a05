// Stable names: how a cache written by one process refers to the Jolt objects of another. A module is its path
// from a root module (Core, Base, Main or a package), a type its structure over the names of its TypeNames, a
// method its module, signature and content hash, a MethodInstance its method and argument types, a function or a
// constant array the global that holds it. The same object gets the same name in every process whose session
// defines it the same way, and a name is found again in the live session (`resolveName`), never by object
// identity or a process-global counter. Values whose identity nothing relies on (numbers, strings, symbols,
// immutable structs, IR) are not named: a cache holds them by value.
import {
  T,
  Sym,
  sym,
  Module,
  Binding,
  JStruct,
  JArray,
  JChar,
  Bits,
  BuiltinFunction,
  type Value,
} from '../runtime/values.ts';
import { DataType, UnionType, UnionAll, TypeVar, VarargType, TypeName, Bottom, BottomType } from '../runtime/types.ts';
import type { JType } from '../runtime/types.ts';
import { Method, MethodInstance, MethodTable, world } from '../runtime/methods.ts';
import { applyTypeName, tupleType, unionType, unwrap } from '../runtime/apply_type.ts';
import { typeConstructorTable, methodTableFor } from '../runtime/dispatch.ts';
import { typeOf } from '../runtime/typeof.ts';
import { state } from '../runtime/modules.ts';
import { session } from '../interpreter/toplevel.ts';
import { specialize } from '../inference/typeinfer.ts';
import { matchMethod } from '../runtime/dispatch.ts';
import type { ExternalNames } from './serialize.ts';

/** a name: JSON data */
export type NameTree = string | number | boolean | null | NameTree[];

/** an object that a cache can neither hold nor name (a mutable object held by no global, an anonymous type) */
export class Unnameable extends Error {}
/** a name that does not denote anything in this session (a method that is gone, or whose code changed) */
export class Unresolvable extends Error {}

/** Roots beyond Core, Base, Main and the loaded packages: while a package's code is replayed, its file's toplevel
 *  module (`__toplevel__`) and the package module before it is registered. */
export interface NameScope {
  roots: Map<string, Module>;
  /** the content hash a method's name carries (methodHash in code_store.ts) */
  methodHash(m: Method): string;
}

const rootsOf = (scope: NameScope): [string, Module][] => {
  const out: [string, Module][] = [];
  if (state.Core) out.push(['Core', state.Core]);
  if (state.Base) {
    out.push(['Base', state.Base]);
    const main = state.Base.bindings.get(sym('Main'))?.get();
    if (main instanceof Module) out.push(['Main', main]);
  }
  for (const [k, m] of session.loaded) out.push([k, m]);
  for (const [k, m] of scope.roots) out.push([k, m]);
  return out;
};

export class Namer {
  readonly scope: NameScope;
  private roots: Map<Module, string> | undefined;
  private readonly constants = new Map<object, NameTree>();
  private constantsScanned = false;
  constructor(scope: NameScope) {
    this.scope = scope;
  }

  modulePath(m: Module): string[] {
    this.roots ??= new Map(rootsOf(this.scope).map(([k, v]) => [v, k]));
    const path: string[] = [];
    for (let x: Module = m; ;) {
      const r = this.roots.get(x);
      if (r !== undefined) return [r, ...path.reverse()];
      if (!x.parent || x.parent === x) throw new Unnameable(`the module ${m.name.name} is not reachable from a root`);
      path.push(x.name.name);
      x = x.parent;
    }
  }

  typeName(tn: TypeName): NameTree {
    const path = this.modulePath(tn.module);
    const bound = tn.module.bindings.get(tn.name)?.get();
    if (bound !== undefined && isTypeOfName(bound, tn)) return ['tn', path, tn.name.name];
    // a function's type `#f`: found through the function
    if (tn.mt) {
      const f = tn.module.bindings.get(tn.mt.name)?.get();
      if (f !== undefined && !(f instanceof Module) && typeOf(f).name === tn) return ['tnf', path, tn.mt.name.name];
    }
    throw new Unnameable(`the type ${tn.name.name} is not held by a global`);
  }

  /** the name of any Jolt value or type (a value held by value is named by its contents) */
  tree(v: Value | JType): NameTree {
    switch (typeof v) {
      case 'bigint':
        return ['i', v.toString()];
      case 'number':
        return Number.isFinite(v) && !Object.is(v, -0) ? ['f', v] : ['f', String(v)];
      case 'boolean':
        return ['b', v];
      case 'string':
        return ['s', v];
    }
    if (Array.isArray(v)) return ['tup', ...(v as Value[]).map(x => this.tree(x))];
    if (v instanceof Sym) return ['sym', v.name];
    if (v instanceof JChar) return ['ch', v.cp];
    if (v instanceof Bits) return ['bits', this.tree(v.type), String(v.v)];
    if (v instanceof Module) return ['m', ...this.modulePath(v)];
    if (v instanceof BottomType) return ['bot'];
    if (v instanceof DataType) {
      if (v.name === T.Tuple!.name) return ['tt', ...v.parameters.map(p => this.tree(p))];
      const tn = this.typeName(v.name);
      if (v.parameters.length === 0) return ['dt', tn];
      return ['ap', tn, ...v.parameters.map(p => this.tree(p))];
    }
    if (v instanceof UnionType) return ['u', ...v.types.map(t => this.tree(t))];
    if (v instanceof UnionAll) return ['ua', this.tree(v.v), this.tree(v.body)];
    if (v instanceof TypeVar) return ['tv', v.name.name, this.tree(v.lb), this.tree(v.ub)];
    if (v instanceof VarargType) return ['va', this.tree(v.T), v.N === undefined ? null : this.tree(v.N)];
    if (v instanceof Method) return ['meth', this.modulePath(v.module), this.tree(v.sig), this.scope.methodHash(v)];
    if (v instanceof MethodInstance) return ['mi', this.tree(v.def), this.tree(v.specTypes)];
    if (v instanceof MethodTable) return ['mt', this.modulePath(v.module), v.name.name];
    if (v instanceof JStruct) {
      const t = v.type;
      if (t.instance === v) return ['inst', this.tree(t)];
      if (!t.ismutable) return ['new', this.tree(t), ...v.fields().map(f => (f === undefined ? null : this.tree(f)))];
    }
    const g = this.constantGlobal(v as object);
    if (g !== undefined) return g;
    throw new Unnameable(`a ${typeOf(v as Value).name.name.name} that no constant global holds`);
  }

  /** the constant global that holds a mutable object, found by a scan of the modules (once per Namer) */
  private constantGlobal(o: object): NameTree | undefined {
    if (!this.constantsScanned) {
      this.constantsScanned = true;
      const seen = new Set<Module>();
      const scan = (m: Module): void => {
        if (seen.has(m)) return;
        seen.add(m);
        let path: string[];
        try {
          path = this.modulePath(m);
        } catch {
          return;
        }
        for (const [name, b] of m.bindings) {
          if (b.imported || !b.constant) continue;
          const v = b.value;
          if (v instanceof Module) scan(v);
          else if (
            (v instanceof JArray || v instanceof JStruct || v instanceof BuiltinFunction) &&
            !this.constants.has(v)
          )
            this.constants.set(v, ['g', path, name.name]);
        }
      };
      for (const [, m] of rootsOf(this.scope)) scan(m);
    }
    return this.constants.get(o);
  }

  /** the name (as a string) of an object a cache refers to, or undefined for one it holds by value */
  nameOf(o: object): string | undefined {
    if (
      o instanceof Module ||
      o instanceof TypeName ||
      o instanceof DataType ||
      o instanceof UnionType ||
      o instanceof UnionAll ||
      o instanceof TypeVar ||
      o instanceof VarargType ||
      o instanceof Method ||
      o instanceof MethodInstance ||
      o instanceof MethodTable ||
      o instanceof JArray ||
      o instanceof BuiltinFunction
    )
      return JSON.stringify(o instanceof TypeName ? ['tname', this.typeName(o)] : this.tree(o as Value));
    if (o instanceof Binding) return JSON.stringify(['bind', this.modulePath(o.owner), o.name.name]);
    if (o instanceof JStruct && (o.type.instance === o || o.type.ismutable)) return JSON.stringify(this.tree(o));
    return undefined;
  }
}

const isTypeOfName = (v: Value, tn: TypeName): boolean =>
  (v instanceof DataType || v instanceof UnionAll) && (unwrap(v) as DataType).name === tn;

/** Finds names again in the live session. TypeVars of one name and bounds are one object per Resolver, so a
 *  UnionAll and the types in its body agree on their variable. */
export class Resolver {
  readonly scope: NameScope;
  private readonly tvars = new Map<string, TypeVar>();
  private roots: Map<string, Module> | undefined;
  constructor(scope: NameScope) {
    this.scope = scope;
  }

  module(path: NameTree[]): Module {
    this.roots ??= new Map(rootsOf(this.scope));
    let m = this.roots.get(path[0] as string);
    if (!m) throw new Unresolvable(`no module ${String(path[0])}`);
    for (const p of path.slice(1)) {
      const v: Value | undefined = m.bindings.get(sym(p as string))?.get();
      if (!(v instanceof Module)) throw new Unresolvable(`no module ${String(p)} in ${m.name.name}`);
      m = v;
    }
    return m;
  }

  private global(path: NameTree, name: string): Value {
    const v = this.module(path as NameTree[])
      .bindings.get(sym(name))
      ?.get();
    if (v === undefined) throw new Unresolvable(`no global ${name}`);
    return v;
  }

  typeName(t: NameTree): TypeName {
    const [kind, path, name] = t as [string, NameTree, string];
    const v = this.global(path, name);
    if (kind === 'tn' && (v instanceof DataType || v instanceof UnionAll)) return (unwrap(v) as DataType).name;
    if (kind === 'tnf' && !(v instanceof Module)) return typeOf(v).name;
    throw new Unresolvable(`${name} is not a type`);
  }

  value(t: NameTree): Value | JType {
    const a = t as NameTree[];
    switch (a[0]) {
      case 'i':
        return BigInt(a[1] as string);
      case 'f':
        return typeof a[1] === 'number' ? a[1] : Number(a[1]);
      case 'b':
        return a[1] as boolean;
      case 's':
        return a[1] as string;
      case 'tup':
        return Object.freeze(a.slice(1).map(x => this.value(x) as Value));
      case 'sym':
        return Sym.of(a[1] as string);
      case 'ch':
        return JChar.of(a[1] as number);
      case 'bits': {
        const ty = this.value(a[1]!) as DataType;
        const s = a[2] as string;
        return new Bits(ty, /^-?\d+$/.test(s) ? BigInt(s) : Number(s));
      }
      case 'm':
        return this.module(a.slice(1));
      case 'bot':
        return Bottom;
      case 'tt':
        return tupleType(a.slice(1).map(x => this.value(x)));
      case 'dt':
      case 'ap': {
        const tn = this.typeName(a[1]!);
        if (a[0] === 'dt') return unwrap(tn.wrapper);
        return applyTypeName(
          tn,
          a.slice(2).map(x => this.value(x)),
        );
      }
      case 'u':
        return unionType(a.slice(1).map(x => this.value(x) as JType));
      case 'ua':
        return new UnionAll(this.value(a[1]!) as TypeVar, this.value(a[2]!) as JType);
      case 'tv': {
        const key = JSON.stringify(a);
        let tv = this.tvars.get(key);
        if (!tv) {
          tv = new TypeVar(Sym.of(a[1] as string), Bottom, Bottom);
          this.tvars.set(key, tv);
          tv.lb = this.value(a[2]!) as JType;
          tv.ub = this.value(a[3]!) as JType;
        }
        return tv;
      }
      case 'va':
        return new VarargType(this.value(a[1]!) as JType, a[2] === null ? undefined : (this.value(a[2]!) as Value));
      case 'meth':
        return this.method(a);
      case 'mi': {
        const m = this.value(a[1]!) as Method;
        const spec = this.value(a[2]!) as DataType;
        return specialize(m, spec.parameters as JType[], sparamsOf(m, spec));
      }
      case 'mt':
        return methodTableFor(this.global(a[1]!, a[2] as string));
      case 'inst': {
        const ty = this.value(a[1]!) as DataType;
        if (ty.instance === undefined) throw new Unresolvable('not a singleton type');
        return ty.instance;
      }
      case 'new': {
        const ty = this.value(a[1]!) as DataType;
        return new JStruct(
          ty,
          a.slice(2).map(x => (x === null ? undefined : (this.value(x) as Value))),
        );
      }
      case 'g':
        return this.global(a[1]!, a[2] as string);
    }
    throw new Unresolvable(`a name of an unknown kind: ${String(a[0])}`);
  }

  private method(a: NameTree[]): Method {
    const mod = this.module(a[1] as NameTree[]);
    const sig = JSON.stringify(a[2]);
    const hash = a[3] as string;
    // the table from the signature's function type alone; the method by its signature's name, which is exact
    // where comparing types would need subtyping of UnionAlls
    let body = a[2] as NameTree[];
    while (body[0] === 'ua') body = body[2] as NameTree[];
    const ft = body[0] === 'tt' && body[1] !== undefined ? (this.value(body[1]) as JType) : undefined;
    for (const mt of tablesForFunction(ft)) {
      const m = methodsByName(mt, this.scope)
        .get(sig)
        ?.find(x => x.module === mod && x.deleted_world > world.current);
      if (m && this.scope.methodHash(m) === hash) return m;
    }
    throw new Unresolvable(`the method ${sig} is not defined here, or its code changed`);
  }

  resolve(name: string): unknown {
    const t = JSON.parse(name) as NameTree[];
    if (t[0] === 'tname') return this.typeName(t[1]!);
    if (t[0] === 'bind') {
      const m = this.module(t[1] as NameTree[]);
      const s = sym(t[2] as string);
      let b = m.bindings.get(s);
      if (!b) m.bindings.set(s, (b = new Binding(m, s)));
      return b;
    }
    return this.value(t);
  }
}

/** the tables a method whose first argument has type `ft` may be in: its function's (or type's), then
 *  `(::Type{T})(...)`'s */
function tablesForFunction(ft: JType | undefined): MethodTable[] {
  const out: MethodTable[] = [];
  if (ft instanceof UnionAll) ft = unwrap(ft);
  if (ft instanceof DataType) {
    if (ft.instance !== undefined) out.push(methodTableFor(ft.instance));
    else if (ft.name === T.Type!.name && ft.parameters[0] !== undefined && !(ft.parameters[0] instanceof TypeVar))
      out.push(methodTableFor(ft.parameters[0] as Value));
    else if (ft.name.mt) out.push(ft.name.mt);
  }
  if (typeConstructorTable.mt) out.push(typeConstructorTable.mt);
  return out;
}

/** a table's methods by the name of their signature (made again when the table gained methods) */
const byName = new WeakMap<MethodTable, { n: number; map: Map<string, Method[]> }>();
function methodsByName(mt: MethodTable, scope: NameScope): Map<string, Method[]> {
  const c = byName.get(mt);
  if (c && c.n === mt.methods.length) return c.map;
  const namer = new Namer(scope);
  const map = new Map<string, Method[]>();
  for (const m of mt.methods) {
    let k: string;
    try {
      k = JSON.stringify(namer.tree(m.sig));
    } catch {
      continue;
    }
    const l = map.get(k);
    if (l) l.push(m);
    else map.set(k, [m]);
  }
  byName.set(mt, { n: mt.methods.length, map });
  return map;
}

/** the static parameter values of `m` at the argument types `spec` (as dispatch computes them) */
function sparamsOf(m: Method, spec: DataType): (JType | Value)[] {
  if (m.sparams.length === 0) return [];
  const env = matchSparams(m, spec);
  if (!env) throw new Unresolvable('the argument types no longer match the method');
  return env;
}

function matchSparams(m: Method, spec: DataType): (JType | Value)[] | undefined {
  return matchMethod(m, spec.parameters as DataType[])?.sparams;
}

/** an ExternalNames for serialize.ts: one Namer for encoding, one Resolver for decoding */
export function externalNames(scope: NameScope): ExternalNames {
  let namer: Namer | undefined;
  let resolver: Resolver | undefined;
  return {
    nameOf: o => (namer ??= new Namer(scope)).nameOf(o),
    resolve: n => (resolver ??= new Resolver(scope)).resolve(n),
  };
}
