// The compiler's stages form layers: a file may import its own stage and the stages below it, never one above, so
// that each stage can be loaded, tested and cached without the ones above it. Every import counts, including
// `import type` and `export ... from` (a type-only edge still ties the stages' designs together).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname, relative, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

/** the stages, bottom to top: a directory of src/, or a file at its top */
const STAGES = [
  'runtime', // object model, types, subtyping, method tables, dispatch, module state and bindings, builtins, intrinsics
  'syntax', // lexer, parser (builds runtime values)
  'ir', // CodeInfo, IR nodes, printer
  'lowering',
  'interpreter',
  'inference',
  'optimizer',
  'codegen',
  'image', // session images: the saved state of a session (Base image, sysimages), the depot that keeps them
  'pkg', // environments, manifests, registries, the resolver, code loading of packages, the Pkg operations
  'engine', // src/engine.ts: wires the stages together
  'repl',
  'cli', // src/cli.ts
];

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** the stage of a file, given by its path relative to src/ */
function stageOf(rel: string): string | undefined {
  const parts = rel.split('/');
  const name = parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, '');
  return STAGES.includes(name) ? name : undefined;
}

/** the relative module specifiers a TypeScript source imports or re-exports, in every form */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const forms = [
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, // import x / import type / export ... from
    /\bimport\s*['"]([^'"]+)['"]/g, // import './side-effect.ts'
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('./x.ts') and import('./x.ts').T in types
  ];
  for (const re of forms) for (const m of text.matchAll(re)) if (m[1]!.startsWith('.')) out.push(m[1]!);
  return out;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

interface Edge {
  from: string;
  to: string;
}
function importEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const f of tsFiles(src)) {
    for (const spec of importsOf(readFileSync(f, 'utf8'))) {
      edges.push({ from: relative(src, f), to: relative(src, normalize(join(dirname(f), spec))) });
    }
  }
  return edges;
}

/** the first cycle of a directed graph, as its nodes in order (undefined if it has none) */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n];
    state.set(n, 'open');
    path.push(n);
    for (const m of graph.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    path.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of graph.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}

test('the import scanner sees every form of import', () => {
  const text = [
    "import { a } from './a.ts';",
    "import type { B } from '../x/b.ts';",
    'import {\n  c,\n  type D,\n} from "./c.ts";',
    "export { e } from './e.ts';",
    "export type { F } from './f.ts';",
    "export * from './g.ts';",
    "import './h.ts';",
    "let i: import('./i.ts').I;",
    "import { readFileSync } from 'node:fs';",
  ].join('\n');
  assert.deepEqual(importsOf(text).sort(), [
    '../x/b.ts',
    './a.ts',
    './c.ts',
    './e.ts',
    './f.ts',
    './g.ts',
    './h.ts',
    './i.ts',
  ]);
});

test('every source file belongs to a stage', () => {
  const unknown = tsFiles(src)
    .map(f => relative(src, f))
    .filter(f => stageOf(f) === undefined);
  assert.deepEqual(unknown, [], 'files outside every stage of the table in test/layering.test.ts');
});

test('imports only point to the same stage or one below', () => {
  const bad: string[] = [];
  for (const { from, to } of importEdges()) {
    const a = stageOf(from),
      b = stageOf(to);
    if (a === undefined || b === undefined) continue; // reported by the test above
    if (STAGES.indexOf(b) > STAGES.indexOf(a)) bad.push(`${from} (${a}) imports ${to} (${b})`);
  }
  assert.deepEqual(bad, [], 'imports of a stage above');
});

test('the stage graph has no cycle', () => {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of importEdges()) {
    const a = stageOf(from),
      b = stageOf(to);
    if (a === undefined || b === undefined || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  assert.equal(findCycle(graph)?.join(' -> '), undefined);
  // the check itself finds a cycle when there is one
  assert.deepEqual(
    findCycle(
      new Map([
        ['ir', new Set(['runtime'])],
        ['runtime', new Set(['ir'])],
      ]),
    ),
    ['ir', 'runtime', 'ir'],
  );
});
