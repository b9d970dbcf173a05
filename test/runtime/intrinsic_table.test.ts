// The intrinsic table (src/runtime/intrinsics.ts) is the one place an intrinsic is declared: Base's imports, the
// interpreter's bindings, inference's transfer functions and effects, and codegen's emitters all come from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrap } from '../../src/runtime/bootstrap.ts';
import { installBuiltins } from '../../src/runtime/builtins.ts';
import { T, Sym, Bits, Module, JoltThrow, JStruct, type Value } from '../../src/runtime/values.ts';
import type { DataType } from '../../src/runtime/types.ts';
import { typeOf } from '../../src/runtime/typeof.ts';
import { issubtype } from '../../src/runtime/subtype.ts';
import { INTRINSICS, type Intrinsic } from '../../src/runtime/intrinsics.ts';
import { intrinsicTfunc } from '../../src/inference/tfuncs.ts';
import { Const, widenconst, type Lattice } from '../../src/inference/lattice.ts';
import { INT_EMITTERS, BOOL_EMITTERS, FLOAT_EMITTERS, CONVERT_EMITTERS } from '../../src/codegen/kinds.ts';

const Core = bootstrap();
installBuiltins(Core, () => T.Nothing!.instance!);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** the names of `import Core.Intrinsics: a, b, ...` in a Julia source (the statement may span lines) */
function importedIntrinsics(src: string): string[] {
  const m = /^import Core\.Intrinsics:([^\n]*(?:\n[ \t]+[^\n]*)*)/m.exec(src);
  return m ? m[1]!.split(',').map(s => s.trim()) : [];
}

test('every intrinsic Base imports is in the table', () => {
  const names = importedIntrinsics(readFileSync(join(root, 'base', 'essentials.jl'), 'utf8'));
  assert.ok(names.includes('add_int') && names.includes('fma_float'), 'the import list of base/essentials.jl is read');
  assert.deepEqual(
    names.filter(n => !INTRINSICS.has(n)),
    [],
  );
});

test('Core.Intrinsics binds exactly the table, each with its implementation', () => {
  const intr = Core.bindings.get(Sym.of('Intrinsics'))!.get() as Module;
  assert.deepEqual([...intr.bindings.keys()].map(s => s.name).sort(), [...INTRINSICS.keys()].sort());
  for (const [name, e] of INTRINSICS) {
    const f = intr.bindings.get(Sym.of(name))!.get() as { impl: unknown; jtype: DataType };
    assert.equal(f.impl, e.impl, name);
    assert.equal(f.jtype, T.IntrinsicFunction, name);
  }
});

test('every entry declares its arity, result rule and effects, and inference has its transfer function', () => {
  for (const [name, e] of INTRINSICS) {
    assert.equal(e.name, name);
    assert.equal(typeof e.impl, 'function', name);
    assert.ok(Number.isInteger(e.arity) && e.arity >= 1 && e.arity <= 3, name);
    assert.ok(['first', 'bool', 'type_arg', 'checked'].includes(e.result), name);
    assert.equal(typeof e.effects.pure, 'boolean', name);
    assert.ok(['never', 'divide_error'].includes(e.effects.throws), name);
    assert.equal(typeof intrinsicTfunc(name), 'function', name);
  }
  assert.equal(intrinsicTfunc('no_such_intrinsic'), undefined);
});

test('every form codegen claims has an emitter', () => {
  for (const [name, e] of INTRINSICS) {
    const w = e.wasm;
    if (!w) continue;
    assert.ok(w.int || w.bool || w.float || w.convert, `${name}: a wasm entry with no form`);
    if (w.int) assert.equal(typeof INT_EMITTERS[w.int.form], 'function', `${name}: int ${w.int.form}`);
    if (w.bool) assert.equal(typeof BOOL_EMITTERS[w.bool.form], 'function', `${name}: bool ${w.bool.form}`);
    if (w.float) assert.equal(typeof FLOAT_EMITTERS[w.float.form], 'function', `${name}: float ${w.float.form}`);
    if (w.convert) assert.equal(typeof CONVERT_EMITTERS[w.convert.form], 'function', `${name}: ${w.convert.form}`);
    // the forms that read an instruction name have one
    for (const f of [w.int, w.bool, w.float]) {
      if (f && ['wrap', 'bits', 'eq', 'compare_signed', 'compare_unsigned', 'divide', 'shift'].includes(f.form))
        assert.ok(f.op, `${name}: ${f.form} without an op`);
      if (f && w.float === f && f.form !== 'fma') assert.ok(f.op, `${name}: ${f.form} without an op`);
    }
  }
});

const isFloatOp = (e: Intrinsic): boolean => /_float$|_llvm$|^fpiseq$/.test(e.name);
/** arguments of the right arity and kinds for an entry */
function sampleArgs(e: Intrinsic, second: Value = 3n): Value[] {
  if (e.result === 'type_arg') {
    const conv: Record<string, Value[]> = {
      sext_int: [T.Int64!, new Bits(T.Int32!, -5n)],
      zext_int: [T.Int64!, new Bits(T.UInt8!, 200n)],
      trunc_int: [T.Int8!, 300n],
      sitofp: [T.Float64!, -5n],
      uitofp: [T.Float32!, 5n],
      fptosi: [T.Int64!, -2.5],
      fptoui: [T.UInt64!, 2.5],
      fptrunc: [T.Float32!, 1.5],
      fpext: [T.Float64!, new Bits(T.Float32!, 1.5)],
      bitcast: [T.Float64!, 5n],
    };
    const a = conv[e.name];
    assert.ok(a, `a sample for conversion ${e.name}`);
    return a;
  }
  if (isFloatOp(e)) return [2.5, 1.5, 0.5].slice(0, e.arity);
  return [7n, second, 1n].slice(0, e.arity);
}
const argtypes = (e: Intrinsic, args: Value[]): Lattice[] =>
  args.map((a, i) => (e.result === 'type_arg' && i === 0 ? new Const(a) : typeOf(a)));

test("each implementation's result has the type its rule gives", () => {
  for (const [name, e] of INTRINSICS) {
    const args = sampleArgs(e);
    const r = e.impl(args);
    const t = widenconst(intrinsicTfunc(name)!(argtypes(e, args)));
    assert.ok(issubtype(typeOf(r), t), `${name}: its result is not of the type its rule gives`);
  }
});

test('an intrinsic throws on a zero divisor exactly when its effects say so', () => {
  for (const [name, e] of INTRINSICS) {
    if (e.arity !== 2 || e.result === 'type_arg' || isFloatOp(e)) continue;
    // booleans only: a Jolt value in a failed assertion's message would be printed with all it references
    let divideError = false;
    try {
      e.impl(sampleArgs(e, 0n));
    } catch (x) {
      assert.ok(x instanceof JoltThrow, name);
      divideError = (x.value as JStruct).jtype === T.DivideError;
      assert.ok(divideError, `${name}: only DivideError`);
    }
    assert.equal(divideError, e.effects.throws === 'divide_error', `${name} by zero`);
  }
});
