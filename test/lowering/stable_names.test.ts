// Names lowering generates (closure types, keyword bodies, temporaries) depend on the source and its place in its
// module, not on what the process lowered before: the same source lowered into two fresh modules, in one process
// or in two, gives the same CodeInfo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseAll } from '../../src/syntax/parser.ts';
import { Lowerer, moduleRegistry } from '../../src/lowering/lower.ts';
import { bootstrap } from '../../src/runtime/bootstrap.ts';
import { Module, sym, Expr, GlobalRef, QuoteNode, type Value } from '../../src/runtime/values.ts';
import { CodeInfo } from '../../src/ir/CodeInfo.ts';
import { printCodeInfo } from '../../src/ir/print.ts';

const SOURCE = `
function scale(v, k; by = 2)
  map(x -> x * k * by, v)
end
adder(n) = y -> y + n
function loops(xs)
  s = 0
  for x in xs
    try
      s += x > 0 ? x : -x
    finally
      s += 1
    end
  end
  [a for (a, b) in zip(xs, xs) if a > 0], s
end
g(::Int, ::Vector{<:Real}; k...) = k
`;

/** every CodeInfo a lowered toplevel thunk holds (thunks and method bodies), in order */
function codeInfos(ci: CodeInfo, out: CodeInfo[] = []): CodeInfo[] {
  out.push(ci);
  for (const st of ci.code)
    if (st instanceof Expr) for (const a of st.args) if (a instanceof CodeInfo) codeInfos(a, out);
  return out;
}

/** the names of the globals the code refers to that lowering made up (they start with `#`) */
function generatedGlobals(cis: CodeInfo[]): string[] {
  const out: string[] = [];
  const walk = (v: Value): void => {
    if (v instanceof GlobalRef && v.name.name.startsWith('#')) out.push(v.name.name);
    else if (v instanceof QuoteNode) walk(v.value);
    else if (v instanceof Expr) v.args.forEach(walk);
  };
  for (const ci of cis) ci.code.forEach(walk);
  return out;
}

/** the printouts (with slot names) of the source lowered statement by statement into a fresh module */
export function lowerAll(src: string): { printed: string[]; globals: string[] } {
  const m = new Module(sym('M'), null);
  const cis = parseAll(src, 'x.jl')
    .args.filter(a => a instanceof Expr)
    .flatMap(a => codeInfos(new Lowerer(m, 'x.jl', { softscope: false }).lowerToplevel(a, 1)));
  return {
    printed: cis.map(ci => `${ci.name} ${ci.slotnames.map(s => s.name).join(',')}\n${printCodeInfo(ci)}`),
    globals: generatedGlobals(cis),
  };
}

moduleRegistry.Core ??= bootstrap();

// the second process imports this file for lowerAll only
const child = process.env.JOLT_LOWER_CHILD === '1';

if (!child)
  test('the same source lowered into two fresh modules gets the same names and code', () => {
    const first = lowerAll(SOURCE);
    lowerAll('h = () -> [z for z in 1:3]\nk(; a = 1) = a'); // other code lowered in between
    const second = lowerAll(SOURCE);
    assert.ok(
      first.globals.some(n => /^#anon#\d+$/.test(n)),
      'a closure type is made',
    );
    assert.ok(
      first.globals.some(n => /^#scale#kw\d+$/.test(n)),
      'a keyword body is made',
    );
    assert.ok(first.printed.join('\n').includes('#iter1'), 'temporaries are numbered per lambda');
    assert.deepEqual(second.globals, first.globals);
    assert.deepEqual(second.printed, first.printed);
  });

if (!child)
  test('the same source lowered in two processes gets the same code', () => {
    const script = `
    import { lowerAll } from ${JSON.stringify(fileURLToPath(import.meta.url))};
    process.stdout.write(JSON.stringify(lowerAll(process.argv[1])));`;
    const run = (): string =>
      execFileSync(process.execPath, ['--input-type=module', '-e', script, SOURCE], {
        encoding: 'utf8',
        env: { ...process.env, JOLT_LOWER_CHILD: '1' },
      });
    const inProcess = JSON.stringify(lowerAll(SOURCE));
    assert.equal(run(), inProcess);
  });
