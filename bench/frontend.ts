// Front-end and start-up benchmark: start-up time of `jolt -e 'println(1)'`, and lines per second of parsing and
// of lowering every file of base/. Prints numbers measured in this run; no thresholds (timing stays out of tests).
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { parseAll } from '../src/syntax/parser.ts';
import { Lowerer } from '../src/lowering/lower.ts';
import { createSession } from '../src/engine.ts';
import { Expr, LineNumberNode } from '../src/runtime/values.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// start-up: whole process, as a user runs it
const runs: number[] = [];
for (let k = 0; k < 7; k++) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'jolt.js'), '-e', 'println(1)'], { encoding: 'utf8' });
  runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (r.stdout !== '1\n') throw new Error(`unexpected output: ${r.stdout}${r.stderr}`);
}
const bare: number[] = [];
for (let k = 0; k < 7; k++) {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  bare.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
console.log(`start-up  jolt -e 'println(1)': ${median(runs).toFixed(1)} ms median of ${runs.length} (node itself: ${median(bare).toFixed(1)} ms)`);

// front end over base/
const session = createSession();
const files = readdirSync(join(root, 'base')).filter(f => f.endsWith('.jl')).map(f => join(root, 'base', f));
const texts = files.map(f => readFileSync(f, 'utf8'));
const lines = texts.reduce((n, t) => n + t.split('\n').length, 0);
const best = (f: () => void) => { let m = Infinity; for (let k = 0; k < 5; k++) { const t0 = process.hrtime.bigint(); f(); m = Math.min(m, Number(process.hrtime.bigint() - t0) / 1e9); } return m; };
const asts = texts.map((t, i) => parseAll(t, files[i]!));
const tParse = best(() => { texts.forEach((t, i) => parseAll(t, files[i]!)); });
// lowering needs macro-free input: lower each toplevel statement that has no macro call
const hasMacro = (v: unknown): boolean => v instanceof Expr && (v.head.name === 'macrocall' || v.args.some(hasMacro));
const stmts = asts.flatMap(a => a.args.filter(x => !(x instanceof LineNumberNode) && !hasMacro(x) && !(x instanceof Expr && ['module', 'using', 'import', 'export'].includes(x.head.name))));
const tLower = best(() => { for (const s of stmts) new Lowerer(session.Base, 'base', { softscope: false }).lowerToplevel(s); });
console.log(`parse     base/: ${lines} lines in ${(tParse * 1e3).toFixed(1)} ms = ${Math.round(lines / tParse).toLocaleString('en')} lines/s`);
console.log(`lower     base/: ${stmts.length} of ${asts.reduce((n, a) => n + a.args.length / 2, 0)} toplevel statements (macro-free) in ${(tLower * 1e3).toFixed(1)} ms = ${Math.round(lines / tLower).toLocaleString('en')} lines/s`);
