// Creates module Core and Core's types (registered in T and bound as constants in Core).
import { T, Sym, Module, Binding, JStruct, type Value } from './values.ts';
import { DataType, TypeVar, UnionAll, VarargType, Bottom, type JType } from './types.ts';
import { makeType, applyTypeName } from './apply_type.ts';

let core: Module | undefined;

export function bindConst(mod: Module, name: string, v: Value): void {
  const b = new Binding(mod, Sym.of(name));
  b.value = v;
  b.constant = true;
  mod.bindings.set(Sym.of(name), b);
}

/** makes a Core loaded from a session image the one bootstrap() returns */
export function adoptCore(c: Module): void {
  core = c;
}

export function bootstrap(): Module {
  if (core) return core;
  const Core = new Module(Sym.of('Core'), null);
  core = Core;
  const tv = (n: string, ub?: JType) => new TypeVar(Sym.of(n), Bottom, ub ?? T.Any!);
  const def = (name: string, sup: string | null, opts: Parameters<typeof makeType>[4] = {}, params: TypeVar[] = []) => {
    const dt = makeType(name, Core, sup ? T[sup]! : null, params, opts);
    T[name] = dt;
    bindConst(Core, name, dt.name.wrapper);
    return dt;
  };
  const abs = (name: string, sup: string | null) => def(name, sup, { abstract: true });
  abs('Any', null);
  T.Any!.super = T.Any!;
  // Type{T}
  const tT = tv('T');
  abs('Type', 'Any');
  {
    const generic = makeType('Type', Core, T.Any!, [tT], { abstract: true });
    T.Type = generic;
    bindConst(Core, 'Type', generic.name.wrapper);
  }
  for (const [n, s] of [
    ['DataType', 'Type'],
    ['Union', 'Type'],
    ['UnionAll', 'Type'],
    ['TypeofBottom', 'Type'],
  ] as const) {
    def(n, 'Any', {});
    T[n]!.super = applyTypeName(T.Type!.name, [T.Any!]);
  }
  def('TypeVar', 'Any');
  def('TypeofVararg', 'Any');
  def('TypeName', 'Any');
  def('Module', 'Any');
  def('Symbol', 'Any');
  abs('Function', 'Any');
  abs('Builtin', 'Function');
  def('IntrinsicFunction', 'Builtin');
  abs('Number', 'Any');
  abs('Real', 'Number');
  abs('Integer', 'Real');
  abs('Signed', 'Integer');
  abs('Unsigned', 'Integer');
  abs('AbstractFloat', 'Real');
  def('Bool', 'Integer', { nbits: 8 });
  for (const b of [8, 16, 32, 64, 128]) {
    def(`Int${b}`, 'Signed', { nbits: b });
    def(`UInt${b}`, 'Unsigned', { nbits: b });
  }
  for (const b of [16, 32, 64]) def(`Float${b}`, 'AbstractFloat', { nbits: b });
  // values are JBigInt objects (values.ts), never JStructs
  def('BigInt', 'Signed', { mutable: true }).layout = null;
  abs('AbstractChar', 'Any');
  def('Char', 'AbstractChar', { nbits: 32 });
  abs('AbstractString', 'Any');
  def('String', 'AbstractString', { mutable: true });
  T.Symbol!.ismutable = true;
  def('Nothing', 'Any');
  T.Nothing!.instance = new JStruct(T.Nothing!, []);
  bindConst(Core, 'nothing', T.Nothing!.instance);
  // Tuple{Vararg{Any}}
  {
    const tn = makeType('Tuple', Core, T.Any!, [], {}).name;
    const dt = new DataType(tn, [new VarargType(T.Any!, undefined)]);
    dt.super = T.Any!;
    tn.wrapper = dt;
    tn.cache.clear();
    tn.cache.set('V{#x,U}', dt);
    T.Tuple = dt;
    bindConst(Core, 'Tuple', dt);
  }
  const nN = tv('N'),
    aT = tv('T');
  def('AbstractArray', 'Any', { abstract: true }, [aT, nN]);
  {
    const t2 = tv('T'),
      n2 = tv('N');
    const dt = makeType('Array', Core, null, [t2, n2], { mutable: true });
    dt.super = applyTypeName(T.AbstractArray!.name, [t2, n2]);
    T.Array = dt;
    bindConst(Core, 'Array', dt.name.wrapper);
  }
  {
    const nm = tv('names'),
      tt = tv('T', T.Tuple!);
    def('NamedTuple', 'Any', {}, [nm, tt]);
  }
  def('Expr', 'Any', { mutable: true, fields: ['head', 'args'] });
  def('QuoteNode', 'Any', { fields: ['value'] });
  def('LineNumberNode', 'Any', { fields: ['line', 'file'] });
  def('GlobalRef', 'Any', { fields: ['mod', 'name'] });
  def('Method', 'Any', { fields: ['name', 'module', 'file', 'line', 'sig', 'nargs', 'isva'] });
  for (const n of [
    'SSAValue',
    'SlotNumber',
    'GotoNode',
    'GotoIfNot',
    'ReturnNode',
    'NewvarNode',
    'CodeInfo',
    'MethodInstance',
    'CodeInstance',
    'MethodTable',
    'SimpleVector',
  ])
    def(n, 'Any', { fields: n === 'SSAValue' || n === 'SlotNumber' ? ['id'] : [] });
  // values of these types are objects of their own JS classes (values.ts), never JStructs kept in vectors
  for (const n of [
    'Expr',
    'QuoteNode',
    'LineNumberNode',
    'GlobalRef',
    'Method',
    'SSAValue',
    'SlotNumber',
    'GotoNode',
    'GotoIfNot',
    'ReturnNode',
    'NewvarNode',
    'CodeInfo',
    'MethodInstance',
    'CodeInstance',
    'MethodTable',
    'SimpleVector',
  ])
    T[n]!.layout = null;
  def('Box', 'Any', { mutable: true, fields: ['contents'] });
  abs('Exception', 'Any');
  const exc = (n: string, fields: string[]) => def(n, 'Exception', { fields });
  exc('ErrorException', ['msg']);
  exc('BoundsError', ['a', 'i']);
  exc('DivideError', []);
  exc('DomainError', ['val', 'msg']);
  exc('OverflowError', ['msg']);
  exc('InexactError', ['func', 'T', 'val']);
  exc('UndefVarError', ['var', 'scope']);
  exc('TypeError', ['func', 'context', 'expected', 'got']);
  exc('MethodError', ['f', 'args', 'world']);
  exc('ArgumentError', ['msg']);
  exc('UndefRefError', []);
  exc('StackOverflowError', []);
  exc('UndefKeywordError', ['var']);
  exc('InterruptException', []);
  exc('OutOfMemoryError', []);
  for (const n of ['DivideError', 'UndefRefError', 'StackOverflowError', 'InterruptException', 'OutOfMemoryError'])
    T[n]!.instance = new JStruct(T[n]!, []);
  bindConst(Core, 'Vararg', new VarargType(T.Any!, undefined));
  bindConst(Core, 'Core', Core);
  void UnionAll;
  return Core;
}
